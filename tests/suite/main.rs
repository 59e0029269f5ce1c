//! The integration tests: one binary, one module per concern.

mod cli;
mod hostile;
mod rules;
