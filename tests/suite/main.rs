//! The integration tests: one binary, one module per concern.

mod build;
mod cli;
mod clients;
mod corpus;
mod hostile;
mod law;
mod layers;
mod props;
mod rules;
mod tools;
mod workflow;
mod writing;
