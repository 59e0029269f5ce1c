//! Renderers: each a pure function of the [`Document`](crate::document::Document).

pub mod pdf;
