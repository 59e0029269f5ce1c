//! Free-text Markdown fields into document blocks.
