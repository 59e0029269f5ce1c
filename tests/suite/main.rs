//! The integration tests: one binary, one module per concern.

mod alt_formats;
mod braille;
mod build;
mod cli;
mod clients;
mod corpus;
mod coverage;
mod example_office;
mod hostile;
mod lang;
mod law;
mod layered;
mod layers;
mod props;
mod review;
mod rules;
mod scoped;
mod seeds;
mod shared;
mod tools;
mod vocab;
mod wording;
mod workflow;
mod writing;
