//! Renderers: each a pure function from the [`Document`](crate::document::Document) to
//! the bytes of one output format.
//!
//! [`words`] lists the words a document says, in order, so a test can hold every output
//! to them: the HTML, the large-print PDF and the plain text must each contain these words
//! as a subsequence of their own words (see [`words_in`]).

pub mod brf;
pub mod docx;
pub mod epub;
pub mod format;
pub mod html;
pub mod pdf;
pub mod site;
pub mod text;

#[cfg(test)]
pub(crate) mod sample;

use crate::document::{Block, Document, Inline, Section};
use crate::model::Notice;
pub use format::{Format, FormatSpec, Output, RenderContext, RenderWarning};

/// What to render, and how.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// The formats wanted.
    pub formats: Vec<Format>,
    /// The large-print body size in points (18 by default; 20 or 24 on request).
    pub pdf_body_size: f32,
    /// The braille grade: 2 (contracted, the default) or 1 (uncontracted).
    pub braille_grade: u8,
}

/// One notice, rendered in memory.
#[derive(Debug)]
pub struct Rendered {
    /// Each format's bytes, in the order asked for.
    pub files: Vec<(Format, Vec<u8>)>,
    /// Things a reader should know about (a character no font has, for example), each
    /// once, in the order found.
    pub warnings: Vec<RenderWarning>,
}

/// Build the document for a notice and render it in every format asked for. Pure: no
/// clock, no I/O; the caller writes.
pub fn render_notice(
    notice: &Notice,
    env: &minijinja::Environment<'_>,
    opts: &RenderOptions,
) -> Result<Rendered, String> {
    let doc = crate::document::build::build(notice, env).map_err(|e| e.to_string())?;
    render_document(&doc, env, opts)
}

/// Render a built document in every format asked for.
pub fn render_document(
    doc: &Document,
    env: &minijinja::Environment<'_>,
    opts: &RenderOptions,
) -> Result<Rendered, String> {
    let cx = RenderContext {
        env,
        body_size: opts.pdf_body_size,
        braille_grade: opts.braille_grade,
    };
    let mut files = Vec::new();
    let mut warnings: Vec<RenderWarning> = Vec::new();
    for f in &opts.formats {
        let out = f.render(doc, &cx)?;
        for w in out.warnings {
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
        files.push((*f, out.bytes));
    }
    Ok(Rendered { files, warnings })
}

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

#[cfg(test)]
mod tests;
