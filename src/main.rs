//! The `notice` command line.
fn main() {}
