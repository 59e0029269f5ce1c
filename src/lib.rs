//! `notice` compiles UK privacy notices.
//!
//! A compliance officer describes an office once, in YAML. `notice` checks that description
//! against UK GDPR Articles 13 and 14 (with Articles 9, 10 and 12 and the Data Protection
//! Act 2018), and renders it as accessible HTML, large-print PDF and plain text.
//!
//! # The pipeline
//!
//! - `source`: read a file (size limit, UTF-8), keep its text for diagnostics.
//! - `parse`: YAML into a strict raw mirror with a span on every node.
//! - `model`: the raw mirror lowered into a typed `Notice`, ids resolved.
//! - `rules`: the law as a registry of rules over the model, producing diagnostics.
//! - [`document`]: the notice as one intermediate document, built once.
//! - `render`: HTML, large-print PDF and plain text, each a pure function of the document.
//! - `write`: atomic writes into the output folder.

pub mod document;
pub mod render;
