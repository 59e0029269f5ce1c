//! The accessible Word file: an Office Open XML package written by hand over the `zip`
//! crate, in two sizes.
//!
//! `--format docx` is standard print (14 pt body); `--format docx-large` is large print at
//! the `--font-size` asked for (18 pt unless 20 or 24 is asked for), named like the
//! large-print PDF (`kent-large-print.docx`). Both follow the same rules, the ones a
//! person adapting the file for a reader, and Word's own accessibility checker, look for:
//!
//! - headings in the built-in `Heading 1`, `Heading 2`, … styles with outline levels, never
//!   skipping a level, at the same levels as the HTML page and the PDF: the title is the
//!   one `Heading 1`, top-level sections `Heading 2`, their children `Heading 3`. A reader
//!   moving between formats finds the same outline, Word's navigation pane shows the
//!   title as its root, and LibreOffice's tagged PDF export keeps it as `H1` (it turns
//!   the `Title` style into a plain paragraph). The organisation is in `Subtitle`;
//! - the language in the style defaults (`w:lang`) and the core properties, with the
//!   title, the organisation as author and the notice's own date (never the clock);
//! - lists as real Word lists (`w:numPr` into `numbering.xml`), tables with a repeated
//!   header row (`w:tblHeader`), rows that never split across pages, and the caption as
//!   the table's alternative text;
//! - links as hyperlinks to external relationships, showing their own text;
//! - Arial (sans-serif), left-aligned, 1.5 line spacing, no italics, A4 with 20 mm
//!   margins; no text boxes, floating objects, layout tables or fields.
//!
//! Parts are written in one fixed order with fixed zip timestamps, so the same document
//! always gives the same bytes.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use crate::document::{Block, Document, Field, Inline, Section, Table, plain};

use super::html::safe_href;

/// Standard-print body size, in points.
pub const STANDARD_BODY_PT: f32 = 14.0;

/// The registry entry for standard print (see [`super::format`]).
pub static FORMAT: super::FormatSpec = super::FormatSpec {
    name: "docx",
    description: "an accessible Word file in standard print (14 pt Arial)",
    default: false,
    file_name: |stem| format!("{stem}.docx"),
    render: |doc, _| render_docx(doc, STANDARD_BODY_PT).map(super::Output::plain),
};

/// The registry entry for large print at `--font-size` (see [`super::format`]).
pub static FORMAT_LARGE: super::FormatSpec = super::FormatSpec {
    name: "docx-large",
    description: "an accessible Word file in large print (Arial at --font-size)",
    default: false,
    file_name: |stem| format!("{stem}-large-print.docx"),
    render: |doc, cx| render_docx(doc, cx.body_size).map(super::Output::plain),
};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_HYPERLINK: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
/// A4 in twentieths of a point, and 20 mm margins.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: u32 = 1134;
/// The deepest heading style written; deeper sections stay at this level.
const MAX_HEADING: usize = 6;
/// The numbering instance all bulleted lists share.
const BULLETS: usize = 1;

/// Render a document as a DOCX package with the body at `body_pt` points.
pub fn render_docx(doc: &Document, body_pt: f32) -> Result<Vec<u8>, String> {
    let mut w = Writer::default();
    w.heading(1, &doc.title);
    if !doc.organisation.trim().is_empty() {
        w.paragraph_text("Subtitle", &doc.organisation);
    }
    for line in &doc.front_matter {
        w.paragraph("", line);
    }
    for s in &doc.sections {
        w.section(s, 2);
    }
    let parts: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", ROOT_RELS.as_bytes().to_vec()),
        ("docProps/core.xml", core_properties(doc).into_bytes()),
        ("docProps/app.xml", APP_PROPERTIES.as_bytes().to_vec()),
        ("word/document.xml", w.document().into_bytes()),
        ("word/styles.xml", styles(&doc.lang, body_pt).into_bytes()),
        ("word/numbering.xml", w.numbering().into_bytes()),
        ("word/settings.xml", settings(&doc.lang).into_bytes()),
        ("word/fontTable.xml", FONT_TABLE.as_bytes().to_vec()),
        (
            "word/_rels/document.xml.rels",
            w.relationships().into_bytes(),
        ),
    ];
    let parts: Vec<(&str, &[u8], bool)> = parts
        .iter()
        .map(|(name, bytes)| (*name, bytes.as_slice(), false))
        .collect();
    zip_package(&parts)
}

/// Write a zip package: the parts in the order given, each stored (`true`) or deflated,
/// all dated 1980-01-01 00:00 (the zip format's earliest date), so the bytes never depend
/// on the clock. Shared with the EPUB writer.
pub(crate) fn zip_package(parts: &[(&str, &[u8], bool)]) -> Result<Vec<u8>, String> {
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes, stored) in parts {
        let method = if *stored {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let opts = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        z.start_file(*name, opts)
            .and_then(|()| z.write_all(bytes).map_err(Into::into))
            .map_err(|e| format!("cannot write `{name}` into the package: {e}"))?;
    }
    z.finish()
        .map(Cursor::into_inner)
        .map_err(|e| format!("cannot finish the package: {e}"))
}

/// Escape text for XML element content and double-quoted attributes, dropping characters
/// XML 1.0 cannot carry (the document holds no control characters, but U+FFFE and U+FFFF
/// may still reach it).
pub(crate) fn push_xml(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{9}' | '\u{A}' | '\u{D}' => out.push(c),
            c if c < '\u{20}' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// [`push_xml`] into a new string.
pub(crate) fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_xml(&mut out, s);
    out
}

/// The body being written, with what it needs beside it: hyperlink targets and the
/// numbering instances of its lists.
#[derive(Default)]
struct Writer {
    body: String,
    /// Hyperlink targets, in order; target `i` is relationship `rIdL{i+1}`.
    links: Vec<String>,
    /// One numbering instance per numbered list (each restarts at 1), after the shared
    /// bullet instance: the list level each one is at.
    numbered_lists: Vec<usize>,
    /// The language of the runs written now, when it is not the document's (`w:lang`).
    lang: Option<String>,
}

impl Writer {
    /// A section whose heading is at Word level `level` (2 for top-level sections).
    fn section(&mut self, s: &Section, level: usize) {
        self.lang.clone_from(&s.heading_lang);
        self.heading(level, &s.heading);
        self.lang = None;
        self.blocks(&s.blocks, level, None);
        for c in &s.children {
            self.section(c, level + 1);
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        let style = format!("Heading{}", level.min(MAX_HEADING));
        self.paragraph_text(&style, text);
    }

    /// Blocks in a section whose heading is at Word level `level`; `list` is the list
    /// level and numbering instance when the blocks are inside a list item.
    fn blocks(&mut self, blocks: &[Block], level: usize, list: Option<(usize, usize)>) {
        for b in blocks {
            self.block(b, level, list);
        }
    }

    fn block(&mut self, b: &Block, level: usize, list: Option<(usize, usize)>) {
        // Inside a list item, later paragraphs line up with the item's text.
        let style = if list.is_some() { "ListParagraph" } else { "" };
        match b {
            Block::Paragraph(inl) => self.paragraph(style, inl),
            Block::List { ordered, items } => {
                let ilvl = list.map_or(0, |(l, _)| l + 1).min(8);
                let num = if *ordered {
                    self.numbered_lists.push(ilvl);
                    BULLETS + self.numbered_lists.len()
                } else {
                    BULLETS
                };
                for item in items {
                    let mut rest = item.as_slice();
                    // The item's first paragraph carries the bullet or number.
                    if let Some((Block::Paragraph(inl), tail)) = rest.split_first() {
                        self.list_paragraph(ilvl, num, inl);
                        rest = tail;
                    } else {
                        self.list_paragraph(ilvl, num, &[]);
                    }
                    self.blocks(rest, level, Some((ilvl, num)));
                }
            }
            Block::Table(t) => self.table(t),
            Block::Fields(fields) => {
                for f in fields {
                    self.field(style, f);
                }
            }
            Block::Note { label, blocks } => {
                self.body
                    .push_str("<w:p><w:pPr><w:pStyle w:val=\"Note\"/></w:pPr>");
                self.run(label, true, false);
                self.body.push_str("</w:p>");
                for b in blocks {
                    match b {
                        Block::Paragraph(inl) => self.paragraph("Note", inl),
                        other => self.block(other, level, list),
                    }
                }
            }
            Block::Subheading(text) => self.heading(level + 1, text),
        }
    }

    fn paragraph_start(&mut self, style: &str) {
        self.body.push_str("<w:p>");
        if !style.is_empty() {
            let _ = write!(self.body, "<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>");
        }
    }

    fn paragraph_text(&mut self, style: &str, text: &str) {
        self.paragraph_start(style);
        self.run(text, false, false);
        self.body.push_str("</w:p>");
    }

    fn paragraph(&mut self, style: &str, inlines: &[Inline]) {
        self.paragraph_start(style);
        self.inlines(inlines, false);
        self.body.push_str("</w:p>");
    }

    fn list_paragraph(&mut self, ilvl: usize, num: usize, inlines: &[Inline]) {
        let _ = write!(
            self.body,
            "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"{ilvl}\"/>\
             <w:numId w:val=\"{num}\"/></w:numPr></w:pPr>"
        );
        self.inlines(inlines, false);
        self.body.push_str("</w:p>");
    }

    fn field(&mut self, style: &str, f: &Field) {
        self.paragraph_start(style);
        self.lang.clone_from(&f.label_lang);
        self.run(&format!("{}: ", f.label.trim_end_matches(':')), true, false);
        self.lang = None;
        self.inlines(&f.value, false);
        self.body.push_str("</w:p>");
    }

    fn table(&mut self, t: &Table) {
        // The caption is said before the table (every format says it there) and is also
        // the table's alternative text.
        self.lang.clone_from(&t.caption_lang);
        self.paragraph_text("Caption", &t.caption);
        self.lang = None;
        let cols = t.header.len().max(1);
        let width = (PAGE_W - 2 * MARGIN) / cols as u32;
        let caption = xml(t.caption.trim());
        let _ = write!(
            self.body,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"NoticeTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>\
             <w:tblLook w:val=\"0020\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" \
             w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>\
             <w:tblCaption w:val=\"{caption}\"/><w:tblDescription w:val=\"{caption}\"/></w:tblPr><w:tblGrid>"
        );
        for _ in 0..cols {
            let _ = write!(self.body, "<w:gridCol w:w=\"{width}\"/>");
        }
        self.body.push_str("</w:tblGrid>");
        self.body
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for h in &t.header {
            self.cell_start(width);
            self.body
                .push_str("<w:p><w:pPr><w:pStyle w:val=\"TableHeading\"/></w:pPr>");
            self.lang.clone_from(&t.header_lang);
            self.run(h, false, false);
            self.lang = None;
            self.body.push_str("</w:p></w:tc>");
        }
        self.body.push_str("</w:tr>");
        for row in &t.rows {
            self.body.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for cell in row {
                self.cell_start(width);
                if cell.is_empty() {
                    self.body.push_str("<w:p/>");
                }
                for line in cell {
                    self.paragraph("TableText", line);
                }
                self.body.push_str("</w:tc>");
            }
            self.body.push_str("</w:tr>");
        }
        self.body.push_str("</w:tbl>");
    }

    fn cell_start(&mut self, width: u32) {
        let _ = write!(
            self.body,
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>"
        );
    }

    fn inlines(&mut self, inlines: &[Inline], bold: bool) {
        for i in inlines {
            match i {
                Inline::Text(s) => self.run(s, bold, false),
                Inline::Keep(s) => self.run(s, bold, true),
                Inline::Strong(inner) => self.inlines(inner, true),
                Inline::Break => self.body.push_str("<w:r><w:br/></w:r>"),
                Inline::Lang { lang, content } => {
                    let outer = self.lang.replace(lang.clone());
                    self.inlines(content, bold);
                    self.lang = outer;
                }
                Inline::Link { text, url } => {
                    match safe_href(url).filter(|h| !h.starts_with('#')) {
                        Some(href) => {
                            self.links.push(href);
                            let _ = write!(
                                self.body,
                                "<w:hyperlink r:id=\"rIdL{}\" w:history=\"1\">",
                                self.links.len()
                            );
                            if plain(text).trim().is_empty() {
                                // A link must say something: say where it goes.
                                self.link_run(url, bold);
                            } else {
                                self.link_inlines(text, bold);
                            }
                            self.body.push_str("</w:hyperlink>");
                        }
                        None => self.inlines(text, bold),
                    }
                }
            }
        }
    }

    fn link_inlines(&mut self, inlines: &[Inline], bold: bool) {
        for i in inlines {
            match i {
                Inline::Text(s) | Inline::Keep(s) => self.link_run(s, bold),
                Inline::Strong(inner) | Inline::Link { text: inner, .. } => {
                    self.link_inlines(inner, true);
                }
                Inline::Break => self.body.push_str("<w:r><w:br/></w:r>"),
                Inline::Lang { lang, content } => {
                    let outer = self.lang.replace(lang.clone());
                    self.link_inlines(content, bold);
                    self.lang = outer;
                }
            }
        }
    }

    fn link_run(&mut self, text: &str, bold: bool) {
        self.body
            .push_str("<w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/>");
        if bold {
            self.body.push_str("<w:b/>");
        }
        self.push_lang();
        self.body.push_str("</w:rPr><w:t xml:space=\"preserve\">");
        push_xml(&mut self.body, text);
        self.body.push_str("</w:t></w:r>");
    }

    /// One run of text. A kept run (phone number, postcode) has no-break spaces, so Word
    /// never splits it across lines.
    fn run(&mut self, text: &str, bold: bool, keep: bool) {
        if text.is_empty() {
            return;
        }
        self.body.push_str("<w:r>");
        if bold || self.lang.is_some() {
            self.body.push_str("<w:rPr>");
            if bold {
                self.body.push_str("<w:b/>");
            }
            self.push_lang();
            self.body.push_str("</w:rPr>");
        }
        self.body.push_str("<w:t xml:space=\"preserve\">");
        if keep {
            push_xml(&mut self.body, &text.replace(' ', "\u{a0}"));
        } else {
            push_xml(&mut self.body, text);
        }
        self.body.push_str("</w:t></w:r>");
    }

    /// `w:lang` for a run in another language than the document's (last in `w:rPr`, as the
    /// schema orders it).
    fn push_lang(&mut self) {
        if let Some(lang) = &self.lang {
            let lang = xml(lang);
            let _ = write!(self.body, "<w:lang w:val=\"{lang}\"/>");
        }
    }

    fn document(&self) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>{}\
             <w:sectPr><w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/>\
             <w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN}\" \
             w:left=\"{MARGIN}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
             </w:sectPr></w:body></w:document>\n",
            self.body
        )
    }

    fn relationships(&self) -> String {
        let mut out = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <Relationships xmlns=\"{REL_NS}\">\
             <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
             <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
             <Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
             <Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
        );
        for (i, target) in self.links.iter().enumerate() {
            let _ = write!(
                out,
                "<Relationship Id=\"rIdL{}\" Type=\"{REL_HYPERLINK}\" Target=\"{}\" TargetMode=\"External\"/>",
                i + 1,
                xml(target)
            );
        }
        out.push_str("</Relationships>\n");
        out
    }

    /// Bullets (instance 1) and one decimal instance per numbered list, so each numbered
    /// list starts at 1.
    fn numbering(&self) -> String {
        let mut out = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"{W_NS}\">"
        );
        for (id, numbered) in [(0, false), (1, true)] {
            let _ = write!(
                out,
                "<w:abstractNum w:abstractNumId=\"{id}\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
            );
            for lvl in 0..9 {
                let (fmt, text) = if numbered {
                    ("decimal", format!("%{}.", lvl + 1))
                } else {
                    (
                        "bullet",
                        ["\u{2022}", "\u{25e6}", "\u{25aa}"][lvl % 3].to_owned(),
                    )
                };
                let indent = 720 * (lvl + 1);
                let _ = write!(
                    out,
                    "<w:lvl w:ilvl=\"{lvl}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/>\
                     <w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>\
                     <w:pPr><w:ind w:left=\"{indent}\" w:hanging=\"432\"/></w:pPr>"
                );
                if !numbered {
                    out.push_str("<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\"/></w:rPr>");
                }
                out.push_str("</w:lvl>");
            }
            out.push_str("</w:abstractNum>");
        }
        let _ = write!(
            out,
            "<w:num w:numId=\"{BULLETS}\"><w:abstractNumId w:val=\"0\"/></w:num>"
        );
        for (k, ilvl) in self.numbered_lists.iter().enumerate() {
            let _ = write!(
                out,
                "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/>\
                 <w:lvlOverride w:ilvl=\"{ilvl}\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
                BULLETS + k + 1
            );
        }
        out.push_str("</w:numbering>\n");
        out
    }
}

/// Half-points for a size in points, rounded.
fn half_points(pt: f32) -> u32 {
    (pt * 2.0).round().max(2.0) as u32
}

/// The styles: Arial at `body_pt` by default, in the document's language; headings larger
/// and bold, each with its outline level; nothing smaller than the body.
fn styles(lang: &str, body_pt: f32) -> String {
    let body = half_points(body_pt);
    let lang = xml(lang);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:styles xmlns:w=\"{W_NS}\"><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>\
         <w:sz w:val=\"{body}\"/><w:szCs w:val=\"{body}\"/>\
         <w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"{lang}\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"360\" w:lineRule=\"auto\"/>\
         <w:jc w:val=\"left\"/></w:pPr></w:pPrDefault></w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
         <w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
         <w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:semiHidden/></w:style>"
    );
    let big = |factor: f32| half_points(body_pt * factor);
    let _ = write!(
        out,
        "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>\
         <w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after=\"240\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr>\
         <w:rPr><w:b/><w:bCs/><w:sz w:val=\"{t}\"/><w:szCs w:val=\"{t}\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/>\
         <w:next w:val=\"Normal\"/><w:qFormat/><w:rPr><w:b/><w:bCs/><w:sz w:val=\"{s}\"/><w:szCs w:val=\"{s}\"/></w:rPr></w:style>",
        t = big(2.0),
        s = big(1.25),
    );
    let factors = [1.6, 1.35, 1.2, 1.1, 1.0, 1.0];
    for (i, f) in factors.iter().enumerate() {
        let n = i + 1;
        let _ = write!(
            out,
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{n}\"><w:name w:val=\"heading {n}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
             <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/>\
             <w:outlineLvl w:val=\"{i}\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"{sz}\"/><w:szCs w:val=\"{sz}\"/></w:rPr></w:style>",
            before = if n == 1 { 480 } else { 360 },
            sz = big(*f),
        );
    }
    out.push_str(
        "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>\
         <w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"34\"/><w:qFormat/>\
         <w:pPr><w:spacing w:after=\"80\"/><w:ind w:left=\"720\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/>\
         <w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after=\"80\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"TableHeading\"><w:name w:val=\"Table Heading\"/><w:basedOn w:val=\"Normal\"/>\
         <w:pPr><w:keepNext/><w:spacing w:before=\"60\" w:after=\"60\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>\
         <w:pPr><w:spacing w:before=\"60\" w:after=\"60\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/>\
         <w:pPr><w:pBdr><w:left w:val=\"single\" w:sz=\"24\" w:space=\"8\" w:color=\"15508A\"/></w:pBdr>\
         <w:ind w:left=\"284\"/></w:pPr></w:style>\
         <w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>\
         <w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
         <w:rPr><w:color w:val=\"15508A\"/><w:u w:val=\"single\"/></w:rPr></w:style>\
         <w:style w:type=\"table\" w:styleId=\"NoticeTable\"><w:name w:val=\"Notice Table\"/><w:basedOn w:val=\"TableNormal\"/>\
         <w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/>\
         <w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/>\
         <w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/>\
         <w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/>\
         <w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/>\
         <w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"505A5F\"/></w:tblBorders></w:tblPr></w:style>\
         </w:styles>\n",
    );
    out
}

fn settings(lang: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:settings xmlns:w=\"{W_NS}\"><w:defaultTabStop w:val=\"720\"/>\
         <w:characterSpacingControl w:val=\"doNotCompress\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         <w:themeFontLang w:val=\"{}\"/></w:settings>\n",
        xml(lang)
    )
}

/// The core properties: title, author (the organisation), language and the notice's own
/// date; no date at all when the notice gives none to the day.
fn core_properties(doc: &Document) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
    );
    let _ = write!(out, "<dc:title>{}</dc:title>", xml(&doc.title));
    if !doc.organisation.trim().is_empty() {
        let _ = write!(out, "<dc:creator>{}</dc:creator>", xml(&doc.organisation));
    }
    let _ = write!(out, "<dc:language>{}</dc:language>", xml(&doc.lang));
    if let Some(date) = &doc.date {
        for which in ["created", "modified"] {
            let _ = write!(
                out,
                "<dcterms:{which} xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:{which}>",
                xml(date)
            );
        }
    }
    out.push_str("</cp:coreProperties>\n");
    out
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>\n";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>\n";

const APP_PROPERTIES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>notice</Application></Properties>\n";

const FONT_TABLE: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:font w:name=\"Arial\"><w:panose1 w:val=\"020B0604020202020204\"/><w:charset w:val=\"00\"/>\
<w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>\n";

#[cfg(test)]
pub(crate) mod tests;
