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
use crate::model::Notice;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// The accessible web page.
    Html,
    /// The large-print PDF.
    Pdf,
    /// Plain text.
    Text,
}

impl Format {
    /// The output file name for a notice stem: `kent.html`, `kent-large-print.pdf`,
    /// `kent.txt`.
    pub fn file_name(self, stem: &str) -> String {
        match self {
            Format::Html => format!("{stem}.html"),
            Format::Pdf => format!("{stem}-large-print.pdf"),
            Format::Text => format!("{stem}.txt"),
        }
    }
}

/// What to render, and how.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// The formats wanted.
    pub formats: Vec<Format>,
    /// The large-print body size in points (18 by default; 20 or 24 on request).
    pub pdf_body_size: f32,
}

/// One notice, rendered in memory.
#[derive(Debug)]
pub struct Rendered {
    /// Each format's bytes, in the order asked for.
    pub files: Vec<(Format, Vec<u8>)>,
    /// Things a reader should know about (a character no font has, for example).
    pub warnings: Vec<String>,
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
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for f in &opts.formats {
        let bytes = match f {
            Format::Html => html::render_html(doc, env)
                .map_err(|e| e.to_string())?
                .into_bytes(),
            Format::Text => text::render_text(doc).into_bytes(),
            Format::Pdf => {
                let out = pdf::render_pdf(
                    doc,
                    &pdf::PdfOptions {
                        body_size: opts.pdf_body_size,
                    },
                )
                .map_err(|e| format!("large-print PDF: {e}"))?;
                warnings.extend(out.warnings);
                out.bytes
            }
        };
        files.push((*f, bytes));
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
mod tests {
    //! Properties of both renderers over random documents.

    use super::*;
    use crate::document::{Field, Table};
    use crate::render::sample;
    use proptest::prelude::*;

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            10 => "[a-zA-Zŵŷ0-9]{1,10}[.,;:]?",
            1 => "<[a-z]{1,6}>|&[a-z]{1,4};|\"|'|<script>",
            1 => "https://[a-z]{5,40}\\.example/[a-z/-]{20,90}",
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(word(), 1..25).prop_map(|w| w.join(" "))
    }

    fn inline() -> impl Strategy<Value = Inline> {
        let leaf = prop_oneof![
            6 => text().prop_map(|t| Inline::Text(format!("{t} "))),
            1 => "[0-9]{3,5} [0-9]{6}|[A-Z]{2}[0-9]{1,2} [0-9][A-Z]{2}".prop_map(Inline::Keep),
            1 => Just(Inline::Break),
            1 => (text(), prop_oneof![
                    Just("https://example.org/a/b".to_owned()),
                    Just("mailto:a@example.org".to_owned()),
                    Just("javascript:alert(1)".to_owned()),
                ])
                .prop_map(|(t, url)| Inline::Link { text: vec![Inline::Text(t)], url }),
        ];
        leaf.prop_recursive(2, 8, 3, |inner| {
            prop::collection::vec(inner, 1..3).prop_map(Inline::Strong)
        })
    }

    fn inlines() -> impl Strategy<Value = Vec<Inline>> {
        prop::collection::vec(inline(), 1..5)
    }

    fn block() -> impl Strategy<Value = Block> {
        let leaf = prop_oneof![
            4 => inlines().prop_map(Block::Paragraph),
            1 => text().prop_map(Block::Subheading),
            1 => prop::collection::vec((text(), inlines()), 1..4).prop_map(|f| {
                Block::Fields(f.into_iter().map(|(label, value)| Field { label, value }).collect())
            }),
            1 => (text(), prop::collection::vec(text(), 1..4), 1..4usize).prop_flat_map(|(caption, header, rows)| {
                let n = header.len();
                prop::collection::vec(prop::collection::vec(prop::collection::vec(inlines(), 0..3), n), rows)
                    .prop_map(move |rows| Block::Table(Table { caption: caption.clone(), header: header.clone(), rows }))
            }),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                (
                    any::<bool>(),
                    prop::collection::vec(prop::collection::vec(inner.clone(), 1..3), 1..4)
                )
                    .prop_map(|(ordered, items)| Block::List { ordered, items }),
                (text(), prop::collection::vec(inner, 1..3))
                    .prop_map(|(label, blocks)| Block::Note { label, blocks }),
            ]
        })
    }

    fn section() -> impl Strategy<Value = Section> {
        let leaf = (text(), any::<bool>(), prop::collection::vec(block(), 0..4)).prop_map(
            |(heading, in_contents, blocks)| Section {
                id: String::new(),
                heading,
                in_contents,
                blocks,
                children: vec![],
            },
        );
        leaf.prop_recursive(3, 12, 3, |inner| {
            (inner.clone(), prop::collection::vec(inner, 1..3)).prop_map(|(mut s, children)| {
                s.children = children;
                s
            })
        })
    }

    fn document() -> impl Strategy<Value = Document> {
        (
            text(),
            text(),
            prop::collection::vec(inlines(), 0..3),
            prop::collection::vec(section(), 1..4),
        )
            .prop_map(|(title, organisation, front_matter, mut sections)| {
                fn number(s: &mut [Section], n: &mut usize) {
                    for s in s {
                        *n += 1;
                        s.id = format!("s{n}");
                        number(&mut s.children, n);
                    }
                }
                number(&mut sections, &mut 0);
                Document {
                    lang: "en-GB".into(),
                    title,
                    organisation,
                    front_matter,
                    sections,
                }
            })
    }

    /// Every keep run in the document.
    fn keeps(doc: &Document) -> Vec<String> {
        fn inl(i: &[Inline], out: &mut Vec<String>) {
            for i in i {
                match i {
                    Inline::Keep(k) => out.push(k.clone()),
                    Inline::Strong(x) | Inline::Link { text: x, .. } => inl(x, out),
                    _ => {}
                }
            }
        }
        fn blocks(b: &[Block], out: &mut Vec<String>) {
            for b in b {
                match b {
                    Block::Paragraph(i) => inl(i, out),
                    Block::List { items, .. } => items.iter().for_each(|i| blocks(i, out)),
                    Block::Table(t) => t.rows.iter().flatten().flatten().for_each(|l| inl(l, out)),
                    Block::Fields(f) => f.iter().for_each(|f| inl(&f.value, out)),
                    Block::Note { blocks: b, .. } => blocks(b, out),
                    Block::Subheading(_) => {}
                }
            }
        }
        let mut out = Vec::new();
        doc.front_matter.iter().for_each(|l| inl(l, &mut out));
        for (_, s) in doc.walk_sections() {
            blocks(&s.blocks, &mut out);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn text_layout_and_words(doc in document()) {
            let out = text::render_text(&doc);
            prop_assert!(out.ends_with('\n') && !out.ends_with("\n\n"));
            prop_assert!(!out.contains('\t') && !out.contains('\r'));
            prop_assert!(!out.contains("\n\n\n\n"), "three blank lines in a row");
            for line in out.lines() {
                prop_assert_eq!(line, line.trim_end());
                if line.chars().count() > text::WIDTH {
                    // One token: a word, perhaps glued to keep runs (whose spaces stay).
                    let mut body = line
                        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '.' | ' '))
                        .to_owned();
                    for k in keeps(&doc) {
                        body = body.replace(&k, "k");
                    }
                    prop_assert!(!body.contains(' '), "overlong line: {}", line);
                }
            }
            let want = words(&doc);
            if let Err(i) = find_subsequence(&want, &words_in(&out)) {
                prop_assert!(false, "word {} {:?} missing; before it {:?}\n{}", i, want[i], &want[i.saturating_sub(4)..i], out);
            }
            prop_assert_eq!(&out, &text::render_text(&doc));
        }

        #[test]
        fn html_structure_escaping_and_words(doc in document()) {
            let env = html::default_environment();
            let page = html::render_html(&doc, &env).unwrap();
            prop_assert_eq!(page.matches("<h1").count(), 1);
            prop_assert!(!page.contains("<script") && !page.contains("javascript:"));
            let mut last = 1;
            for (i, _) in page.match_indices("<h") {
                let b = page.as_bytes();
                if b[i + 2].is_ascii_digit() && matches!(b[i + 3], b'>' | b' ') {
                    let level = u32::from(b[i + 2] - b'0');
                    prop_assert!(level <= last + 1, "h{} after h{}", level, last);
                    last = level;
                }
            }
            let want = words(&doc);
            let got = words_in(&sample::visible_text(&page));
            if let Err(i) = find_subsequence(&want, &got) {
                prop_assert!(false, "word {} {:?} missing; before it {:?}\n{}", i, want[i], &want[i.saturating_sub(4)..i], page);
            }
            prop_assert_eq!(&page, &html::render_html(&doc, &env).unwrap());
        }
    }
}
