//! Renderers: each a pure function from the [`Document`](crate::document::Document) to
//! the bytes of one output format.
//!
//! [`words`] lists the words a document says, in order, so a test can hold every output
//! to them: the HTML, the large-print PDF and the plain text must each contain these words
//! as a subsequence of their own words (see [`words_in`]).

pub mod html;
pub mod pdf;
pub mod text;

#[cfg(test)]
pub(crate) mod sample;

use crate::document::{Block, Document, Inline, Section};

/// The words of a document in reading order: title, organisation, front matter, then each
/// section's heading, blocks and child sections, depth first.
///
/// A word is a maximal run of alphanumeric characters, so punctuation, markup and spacing
/// do not matter. Link targets are not words (only link text is); table column headers are
/// left out because formats place them differently (once above the rows in HTML, before
/// every cell in linearised text), while the caption and every cell are kept in row order.
///
/// Every renderer's output, reduced with [`words_in`], must contain this list as a
/// subsequence.
pub fn words(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    push_words(&doc.title, &mut out);
    push_words(&doc.organisation, &mut out);
    for line in &doc.front_matter {
        inline_words(line, &mut out);
    }
    for s in &doc.sections {
        section_words(s, &mut out);
    }
    out
}

/// The words of any text, as [`words`] counts them: maximal runs of alphanumeric characters.
pub fn words_in(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    push_words(text, &mut out);
    out
}

fn push_words(text: &str, out: &mut Vec<String>) {
    out.extend(
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned),
    );
}

fn section_words(s: &Section, out: &mut Vec<String>) {
    push_words(&s.heading, out);
    blocks_words(&s.blocks, out);
    for c in &s.children {
        section_words(c, out);
    }
}

fn blocks_words(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Paragraph(inl) => inline_words(inl, out),
            Block::List { items, .. } => {
                for item in items {
                    blocks_words(item, out);
                }
            }
            Block::Table(t) => {
                push_words(&t.caption, out);
                for row in &t.rows {
                    for cell in row {
                        for line in cell {
                            inline_words(line, out);
                        }
                    }
                }
            }
            Block::Fields(fields) => {
                for f in fields {
                    push_words(&f.label, out);
                    inline_words(&f.value, out);
                }
            }
            Block::Note { label, blocks } => {
                push_words(label, out);
                blocks_words(blocks, out);
            }
            Block::Subheading(h) => push_words(h, out),
        }
    }
}

fn inline_words(inlines: &[Inline], out: &mut Vec<String>) {
    push_words(&crate::document::plain(inlines), out);
}

/// Whether `needle` occurs in `haystack` in order (not necessarily adjacent). On failure
/// returns the index in `needle` of the first word that could not be found.
pub fn find_subsequence(needle: &[String], haystack: &[String]) -> Result<(), usize> {
    let mut it = haystack.iter();
    for (i, w) in needle.iter().enumerate() {
        if !it.any(|h| h == w) {
            return Err(i);
        }
    }
    Ok(())
}
