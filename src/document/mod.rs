//! The intermediate document: what every output format says, in order.
//!
//! A [`Document`] is built once from a validated notice (see `document::build`) and then
//! walked by each renderer. Because HTML, PDF and plain text all read the same tree, they
//! carry the same words in the same order; the parity test in `tests/` holds them to it.
//!
//! The tree is deliberately small: sections with headings, and inside them paragraphs,
//! lists, tables and label/value lists. Inline text is plain text, strong emphasis, links
//! and "keep together" runs (phone numbers, postcodes, e-mail addresses) that a line
//! breaker must never split.

use std::borrow::Cow;

use serde::Serialize;

pub mod build;
pub mod coverage;
pub mod markdown;
pub mod provenance;
pub mod review;
pub mod view;

/// A whole notice, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// BCP 47 language tag of the document, e.g. `en-GB`.
    pub lang: String,
    /// The title, shown as the one top-level heading (`h1`).
    pub title: String,
    /// The organisation the notice is from, shown under the title.
    pub organisation: String,
    /// The day the notice was last updated, `YYYY-MM-DD`, when it says so to the day.
    /// Formats with a dated package (DOCX properties, EPUB `dcterms:modified`) use it, so
    /// their bytes never depend on the clock.
    pub date: Option<String>,
    /// Short lines shown under the title (dates, version), in order.
    pub front_matter: Vec<Vec<Inline>>,
    /// The body, in reading order. Top-level sections are level-2 headings.
    pub sections: Vec<Section>,
}

/// A headed part of the document. Nesting gives the heading level: a top-level section is
/// level 2 (the title is level 1), its children level 3, and so on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// A stable, unique fragment id (`who-we-are`), used for links and the contents list.
    pub id: String,
    /// The heading text.
    pub heading: String,
    /// The heading's language when it differs from the document's (a heading `notice`
    /// writes in a notice in another language); `None` for the document's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading_lang: Option<String>,
    /// Whether the contents list names this section.
    pub in_contents: bool,
    /// The content before any child section.
    pub blocks: Vec<Block>,
    /// Child sections, one heading level down.
    pub children: Vec<Section>,
}

/// A block of content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of running text.
    Paragraph(Vec<Inline>),
    /// A bulleted or numbered list; each item is one or more blocks.
    List {
        /// Numbered (`true`) or bulleted.
        ordered: bool,
        /// The items, in order.
        items: Vec<Vec<Block>>,
    },
    /// A data table with one header row. Large print and plain text linearise it as
    /// "header: cell" lines per row.
    Table(Table),
    /// Label/value pairs, such as contact details (`Telephone` → `01622 677055`).
    Fields(Vec<Field>),
    /// A short text set apart for attention (a "please note"); rendered as a bordered box
    /// in HTML, as a paragraph with a bold label in large print and text.
    Note {
        /// The label, e.g. `Your right to object`.
        label: String,
        /// The body of the note.
        blocks: Vec<Block>,
    },
    /// A heading inside free text (Markdown `###`), one level below its section.
    Subheading(String),
}

/// A table: a caption, the column headers and the rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// A caption saying what the table shows; every table has one.
    pub caption: String,
    /// The caption's language when it differs from the document's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption_lang: Option<String>,
    /// Column headers.
    pub header: Vec<String>,
    /// The headers' language when it differs from the document's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_lang: Option<String>,
    /// Rows; each row has exactly as many cells as there are headers.
    pub rows: Vec<Vec<Cell>>,
}

/// One table cell: one or more lines of inline text (each line its own item).
pub type Cell = Vec<Vec<Inline>>;

/// One label/value pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// The label, e.g. `Email`.
    pub label: String,
    /// The label's language when it differs from the document's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_lang: Option<String>,
    /// The value.
    pub value: Vec<Inline>,
}

/// Inline text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "content", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Strong emphasis (bold). Large print uses bold for all emphasis.
    Strong(Vec<Inline>),
    /// A link. `url` is always `https:`, `http:`, `mailto:` or `tel:`, or
    /// [`NOTICE_LINK`] and the file stem of another notice of the same build
    /// (`notice:complaints`): anything else is dropped to plain text when the document is
    /// built. A format that links notices to each other turns `notice:` links into
    /// relative addresses ([`Document::with_notice_links`]); the others show their text.
    Link {
        /// The visible text.
        text: Vec<Inline>,
        /// The target.
        url: String,
    },
    /// Text that must stay on one line: a phone number, postcode, e-mail address or date.
    Keep(String),
    /// A hard line break (as in a postal address).
    Break,
    /// Text in a language other than the document's: the parts `notice` writes itself
    /// (in English) inside a notice in another language. Renderers mark it (`lang` in
    /// HTML and EPUB, `/Lang` in PDF, `w:lang` in Word) so a screen reader switches voice.
    /// Never nested, and never empty.
    Lang {
        /// BCP 47 language tag, e.g. `en`.
        lang: String,
        /// The text in that language.
        content: Vec<Inline>,
    },
}

impl Inline {
    /// Plain text.
    pub fn text(s: impl Into<String>) -> Self {
        Inline::Text(s.into())
    }

    /// The words this inline says, as plain text (links give their text only).
    pub fn plain(&self) -> String {
        let mut out = String::new();
        self.push_plain(&mut out);
        out
    }

    fn push_plain(&self, out: &mut String) {
        match self {
            Inline::Text(s) | Inline::Keep(s) => out.push_str(s),
            Inline::Strong(inner)
            | Inline::Link { text: inner, .. }
            | Inline::Lang { content: inner, .. } => {
                for i in inner {
                    i.push_plain(out);
                }
            }
            Inline::Break => out.push(' '),
        }
    }
}

pub use crate::model::NOTICE_LINK;

/// Whether `stem` can name a notice's output folder: letters, digits, `-`, `_` and `.`,
/// not starting with a dot (so never `..`), at most 100 characters.
pub fn is_stem(stem: &str) -> bool {
    !stem.is_empty()
        && stem.len() <= 100
        && !stem.starts_with('.')
        && stem
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The plain text of a run of inlines.
pub fn plain(inlines: &[Inline]) -> String {
    inlines.iter().map(Inline::plain).collect()
}

impl Document {
    /// The document with each link to another notice of the build (`notice:complaints`)
    /// pointing at that notice's file in one format, relative to this one's: `file_name`
    /// gives the file for a stem (`complaints.html`), and the link becomes
    /// `../complaints/complaints.html`, since every notice is written to a folder of its
    /// own. Borrowed unchanged when there is no such link.
    pub fn with_notice_links(&self, file_name: fn(&str) -> String) -> Cow<'_, Document> {
        fn has(inlines: &[Inline]) -> bool {
            inlines.iter().any(|i| match i {
                Inline::Link { url, .. } => url.starts_with(NOTICE_LINK),
                Inline::Strong(inner) => has(inner),
                _ => false,
            })
        }
        fn fix(inlines: &mut [Inline], file_name: fn(&str) -> String) {
            for i in inlines {
                match i {
                    Inline::Link { url, text } => {
                        if let Some(stem) = url.strip_prefix(NOTICE_LINK)
                            && is_stem(stem)
                        {
                            *url = format!("../{stem}/{}", file_name(stem));
                        }
                        fix(text, file_name);
                    }
                    Inline::Strong(inner) => fix(inner, file_name),
                    _ => {}
                }
            }
        }
        let mut found = false;
        self.each_inline_run(&mut |run| found = found || has(run));
        if !found {
            return Cow::Borrowed(self);
        }
        let mut doc = self.clone();
        doc.each_inline_run_mut(&mut |run| fix(run, file_name));
        Cow::Owned(doc)
    }

    /// Every run of inlines in the document, in reading order.
    fn each_inline_run(&self, f: &mut dyn FnMut(&[Inline])) {
        fn blocks(bs: &[Block], f: &mut dyn FnMut(&[Inline])) {
            for b in bs {
                match b {
                    Block::Paragraph(inl) => f(inl),
                    Block::List { items, .. } => items.iter().for_each(|i| blocks(i, f)),
                    Block::Table(t) => t.rows.iter().flatten().flatten().for_each(|l| f(l)),
                    Block::Fields(fields) => fields.iter().for_each(|x| f(&x.value)),
                    Block::Note { blocks: inner, .. } => blocks(inner, f),
                    Block::Subheading(_) => {}
                }
            }
        }
        fn section(s: &Section, f: &mut dyn FnMut(&[Inline])) {
            blocks(&s.blocks, f);
            s.children.iter().for_each(|c| section(c, f));
        }
        self.front_matter.iter().for_each(|l| f(l));
        self.sections.iter().for_each(|s| section(s, f));
    }

    /// Every run of inlines in the document, mutably, in reading order.
    fn each_inline_run_mut(&mut self, f: &mut dyn FnMut(&mut [Inline])) {
        fn blocks(bs: &mut [Block], f: &mut dyn FnMut(&mut [Inline])) {
            for b in bs {
                match b {
                    Block::Paragraph(inl) => f(inl),
                    Block::List { items, .. } => items.iter_mut().for_each(|i| blocks(i, f)),
                    Block::Table(t) => t.rows.iter_mut().flatten().flatten().for_each(|l| f(l)),
                    Block::Fields(fields) => fields.iter_mut().for_each(|x| f(&mut x.value)),
                    Block::Note { blocks: inner, .. } => blocks(inner, f),
                    Block::Subheading(_) => {}
                }
            }
        }
        fn section(s: &mut Section, f: &mut dyn FnMut(&mut [Inline])) {
            blocks(&mut s.blocks, f);
            s.children.iter_mut().for_each(|c| section(c, f));
        }
        self.front_matter.iter_mut().for_each(|l| f(l));
        self.sections.iter_mut().for_each(|s| section(s, f));
    }

    /// Every section in reading order, depth first, with its heading level (2 for top level).
    pub fn walk_sections(&self) -> Vec<(u8, &Section)> {
        fn go<'a>(s: &'a Section, level: u8, out: &mut Vec<(u8, &'a Section)>) {
            out.push((level, s));
            for c in &s.children {
                go(c, level + 1, out);
            }
        }
        let mut out = Vec::new();
        for s in &self.sections {
            go(s, 2, &mut out);
        }
        out
    }
}
