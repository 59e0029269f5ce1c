//! Braille-ready file (BRF): Unified English Braille, laid out on 40 × 25 pages.
//!
//! The document is cut into print blocks (headings, paragraphs, list items, table rows,
//! fields), every block is translated into braille by a [`Translator`], and the braille is
//! wrapped and paginated here, the way UK transcribers lay it out (UKAAF B004, as summarised
//! in `docs/braille.md`):
//!
//! - line 1 of every page is the page information line: the braille page number at the
//!   right margin, and from page 2 a short title centred, at least three blank cells
//!   before the number; no print page numbers;
//! - page 1 holds the title (centred), the office, the front matter and the code and grade;
//!   the body starts on page 2;
//! - the title and level-2 headings: level 2 starts in cell 1, level 3 and below in cell 3,
//!   their runover lines in cell 5; a blank line goes before a heading (not at the top of a
//!   page), and a heading is never left at the foot of a page: at least two lines of what
//!   follows go with it;
//! - paragraphs: first line in cell 3, runovers in cell 1, no blank line between them;
//! - lists, table rows and label/value fields: a blank line before and after, each item in
//!   cell 1 (with its bullet, `_4`, or number), runovers in cell 3; a nested list two cells
//!   further in; a table is linearised, one item per row, "Header: cell; Header: cell";
//! - words are never divided: lines break at braille spaces only, after translation,
//!   counting cells; a single braille word longer than a line is broken after a `/` where
//!   it has one, else at the line's end;
//! - CR LF after every line, a form feed between pages and none after the last, no
//!   trailing spaces, only the 64 braille ASCII characters (0x20 to 0x5F).
//!
//! Translation is liblouis, run as the separate program `lou_translate` ([`Louis`]), so no
//! liblouis code is linked into `notice` (liblouis is LGPL; `notice` is MIT OR
//! Apache-2.0; see the README). Every block goes to one `lou_translate` process, one
//! block per line. The layout itself ([`render_brf`]) is pure given the translator, and the
//! tests give it a fixed one.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::document::{Block, Document, Inline, Section, plain};

use super::html::safe_href;

/// Cells per line.
pub const CELLS: usize = 40;
/// Lines per page, the page information line included.
pub const LINES: usize = 25;

/// The registry entry (see [`super::format`]).
pub static FORMAT: super::FormatSpec = super::FormatSpec {
    name: "brf",
    description: "braille (Unified English Braille, grade 2 unless --braille-grade 1), \
                  40 cells by 25 lines; needs liblouis's lou_translate",
    default: false,
    file_name: |stem| format!("{stem}.brf"),
    render: |doc, cx| {
        let grade = if cx.braille_grade == 1 {
            Grade::One
        } else {
            Grade::Two
        };
        let doc = doc.with_notice_links(|stem| format!("{stem}.brf"));
        let bytes = render_brf(&doc, grade, &Louis)?;
        Ok(super::Output::plain(bytes))
    },
};

/// The braille grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    /// Uncontracted.
    One,
    /// Contracted, the usual reading code for adults.
    Two,
}

impl Grade {
    /// The liblouis table list: the BRF display table first, so the output is upper-case
    /// braille ASCII.
    pub fn tables(self) -> &'static str {
        match self {
            Grade::One => "en-us-brf.dis,en-ueb-g1.ctb",
            Grade::Two => "en-us-brf.dis,en-ueb-g2.ctb",
        }
    }

    /// How page 1 names the code.
    fn statement(self) -> &'static str {
        match self {
            Grade::One => "Privacy notice in braille, UEB grade 1 (uncontracted)",
            Grade::Two => "Privacy notice in braille, UEB grade 2 (contracted)",
        }
    }
}

/// Turns print lines into braille lines, one for one.
pub trait Translator {
    /// Translates each line (no line breaks inside) into braille ASCII.
    fn translate(&self, lines: &[String], grade: Grade) -> Result<Vec<String>, String>;
}

/// The program that translates.
pub const PROGRAM: &str = "lou_translate";

/// What to tell someone whose machine has no `lou_translate`.
pub const INSTALL: &str = "braille (`--format brf`) needs liblouis's `lou_translate` program, \
     which was not found; install it with `apt-get install liblouis-bin liblouis-data` \
     (Debian and Ubuntu; other systems: the liblouis package), or leave `brf` out of \
     `--format`";

/// liblouis, run as the separate program `lou_translate`.
#[derive(Debug)]
pub struct Louis;

/// Whether `lou_translate` can be run: its version line, or what to install.
pub fn louis_version() -> Result<String, String> {
    let out = Command::new(PROGRAM)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .map_err(|_| INSTALL.to_owned())?;
    if !out.status.success() {
        return Err(INSTALL.to_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned())
}

impl Translator for Louis {
    fn translate(&self, lines: &[String], grade: Grade) -> Result<Vec<String>, String> {
        if lines.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = Command::new(PROGRAM)
            .args(["--forward", grade.tables()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|_| INSTALL.to_owned())?;
        // lou_translate reads `\` as the start of an escape (`\x2022`); a backslash in the
        // text is written `\\`.
        let mut input = lines.join("\n").replace('\\', "\\\\");
        input.push('\n');
        let mut stdin = child.stdin.take().ok_or("cannot write to lou_translate")?;
        // Write on another thread, so a full output pipe cannot block the input.
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child
            .wait_with_output()
            .map_err(|e| format!("lou_translate failed: {e}"))?;
        writer
            .join()
            .map_err(|_| "lou_translate failed".to_owned())?
            .map_err(|e| format!("cannot write to lou_translate: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "lou_translate failed ({}): {}; is liblouis-data installed?",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let got: Vec<String> = text
            .split('\n')
            .map(|l| l.trim_end_matches('\r').to_owned())
            .take(lines.len())
            .collect();
        if got.len() != lines.len() {
            return Err(format!(
                "lou_translate gave {} lines for {}",
                got.len(),
                lines.len()
            ));
        }
        Ok(got)
    }
}

/// How a block is set on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Each line centred (the title).
    Centred,
    /// A heading: first line at `first`, runovers at `rest`; kept with what follows.
    Heading { first: usize, rest: usize },
    /// Running text, a list item, a field: first line at `first`, runovers at `rest`.
    Text { first: usize, rest: usize },
}

/// A print block: how it is set, its text cut at hard line breaks, and the blank lines
/// around it.
#[derive(Debug, Clone)]
struct PrintBlock {
    style: Style,
    segments: Vec<String>,
    blank_before: bool,
    blank_after: bool,
    /// Starts a new page.
    new_page: bool,
}

/// Renders the document as a BRF file.
pub fn render_brf(doc: &Document, grade: Grade, t: &dyn Translator) -> Result<Vec<u8>, String> {
    let blocks = print_blocks(doc, grade);
    // The running title for pages 2 onwards: the title in lower case when it fits with
    // three blank cells either side of the page number, otherwise "privacy notice".
    let mut all: Vec<String> = blocks.iter().flat_map(|b| b.segments.clone()).collect();
    let head_print = clean(&doc.title).to_lowercase();
    all.push(head_print);
    all.push("privacy notice".to_owned());
    let mut braille = t.translate(&all, grade)?;
    let fallback = braille.pop().unwrap_or_default();
    let head = braille.pop().unwrap_or_default();
    let head = to_brf_ascii(&head);
    let head = if head.is_empty() || head.len() > CELLS - 12 {
        to_brf_ascii(&fallback)
    } else {
        head
    };
    for line in &mut braille {
        *line = to_brf_ascii(line);
    }

    let mut pages = Pager::new(head);
    let mut at = 0;
    for (i, b) in blocks.iter().enumerate() {
        let lines = set_block(b, &braille[at..at + b.segments.len()]);
        at += b.segments.len();
        if lines.is_empty() {
            continue;
        }
        // What must stay with a heading: its lines and two of the next block's.
        let keep = if matches!(b.style, Style::Heading { .. }) {
            let next: usize = blocks[i + 1..]
                .iter()
                .scan(at, |pos, nb| {
                    let l = set_block(nb, &braille[*pos..*pos + nb.segments.len()]);
                    *pos += nb.segments.len();
                    Some(l.len())
                })
                .find(|&n| n > 0)
                .unwrap_or(0);
            lines.len() + next.min(2)
        } else {
            0
        };
        pages.place(b, lines, keep);
    }
    Ok(pages.finish())
}

/// Characters that cannot be shown: anything outside braille ASCII is dropped (liblouis
/// writes only braille ASCII with the BRF display table; this is a guard), and lower-case
/// letters are made upper case (the same cells).
fn to_brf_ascii(s: &str) -> String {
    s.chars()
        .map(|c| c.to_ascii_uppercase())
        .filter(|c| (' '..='_').contains(c))
        .collect()
}

/// White space collapsed and control characters gone: one line for the translator.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The document as print blocks, in reading order.
fn print_blocks(doc: &Document, grade: Grade) -> Vec<PrintBlock> {
    let mut out = Vec::new();
    let centred = |text: &str, blank_after: bool| PrintBlock {
        style: Style::Centred,
        segments: vec![clean(text)],
        blank_before: false,
        blank_after,
        new_page: false,
    };
    out.push(centred(&doc.title, true));
    if !doc.organisation.trim().is_empty() {
        out.push(centred(&doc.organisation, true));
    }
    for line in &doc.front_matter {
        out.push(text_block(segments(line), 0, 0));
    }
    out.push(PrintBlock {
        blank_before: true,
        ..text_block(vec![grade.statement().to_owned()], 0, 0)
    });
    let first_section = out.len();
    for s in &doc.sections {
        section(s, 2, &mut out);
    }
    if let Some(b) = out.get_mut(first_section) {
        b.new_page = true;
    }
    out.retain(|b| !b.segments.is_empty());
    out
}

fn text_block(segments: Vec<String>, first: usize, rest: usize) -> PrintBlock {
    PrintBlock {
        style: Style::Text { first, rest },
        segments,
        blank_before: false,
        blank_after: false,
        new_page: false,
    }
}

fn section(s: &Section, level: usize, out: &mut Vec<PrintBlock>) {
    heading(&s.heading, level, out);
    blocks(&s.blocks, level, 0, out);
    for c in &s.children {
        section(c, level + 1, out);
    }
}

fn heading(text: &str, level: usize, out: &mut Vec<PrintBlock>) {
    let first = if level <= 2 { 0 } else { 2 };
    out.push(PrintBlock {
        style: Style::Heading { first, rest: 4 },
        segments: vec![clean(text)],
        blank_before: true,
        blank_after: false,
        new_page: false,
    });
}

/// Blocks at list depth `depth` (0 outside lists).
fn blocks(bs: &[Block], level: usize, depth: usize, out: &mut Vec<PrintBlock>) {
    for b in bs {
        match b {
            Block::Paragraph(inl) => {
                let (first, rest) = if depth == 0 {
                    (2, 0)
                } else {
                    (2 * depth, 2 * depth)
                };
                out.push(text_block(segments(inl), first, rest));
            }
            Block::Subheading(h) => heading(h, level + 1, out),
            Block::List { ordered, items } => {
                let start = out.len();
                for (n, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}. ", n + 1)
                    } else {
                        "\u{2022} ".to_owned()
                    };
                    item_blocks(item, &marker, level, depth, out);
                }
                around(out, start);
            }
            Block::Table(t) => {
                out.push(text_block(
                    vec![clean(&t.caption)],
                    2 * depth + 2,
                    2 * depth,
                ));
                let start = out.len();
                for row in &t.rows {
                    let cells: Vec<String> = t
                        .header
                        .iter()
                        .zip(row)
                        .map(|(h, cell)| {
                            let value: Vec<String> =
                                cell.iter().map(|l| clean(&inline_text(l))).collect();
                            format!("{} {}", labelled(h), value.join("; "))
                        })
                        .collect();
                    out.push(text_block(
                        vec![clean(&cells.join("; "))],
                        2 * depth,
                        2 * depth + 2,
                    ));
                }
                around(out, start);
            }
            Block::Fields(fields) => {
                let start = out.len();
                for f in fields {
                    let mut segs = segments(&f.value);
                    let label = labelled(&f.label);
                    match segs.first_mut() {
                        Some(first) => *first = clean(&format!("{label} {first}")),
                        None => segs.push(label),
                    }
                    out.push(text_block(segs, 2 * depth, 2 * depth + 2));
                }
                around(out, start);
            }
            Block::Note {
                label,
                blocks: inner,
            } => {
                out.push(text_block(vec![clean(label)], 2 * depth, 2 * depth + 2));
                blocks(inner, level, depth, out);
            }
        }
    }
}

/// One list item: its first paragraph with the marker, then its other blocks.
fn item_blocks(
    item: &[Block],
    marker: &str,
    level: usize,
    depth: usize,
    out: &mut Vec<PrintBlock>,
) {
    let (first, rest) = (2 * depth, 2 * depth + 2);
    match item.split_first() {
        Some((Block::Paragraph(inl), more)) => {
            let mut segs = segments(inl);
            match segs.first_mut() {
                Some(s) => *s = format!("{marker}{s}"),
                None => segs.push(marker.trim().to_owned()),
            }
            out.push(text_block(segs, first, rest));
            blocks(more, level, depth + 1, out);
        }
        _ => {
            out.push(text_block(vec![marker.trim().to_owned()], first, rest));
            blocks(item, level, depth + 1, out);
        }
    }
}

/// A blank line before the blocks from `start` on and after the last of them.
fn around(out: &mut [PrintBlock], start: usize) {
    if let Some(b) = out.get_mut(start) {
        b.blank_before = true;
    }
    if let Some(b) = out.last_mut() {
        b.blank_after = true;
    }
}

/// "Label:" (no second colon when the label ends in punctuation).
fn labelled(label: &str) -> String {
    let label = clean(label);
    if label.ends_with([':', '?', '.', '!']) {
        label
    } else {
        format!("{label}:")
    }
}

/// Inline text cut at hard line breaks, each piece one line for the translator. A link
/// is its text followed by its target in brackets, unless the text says the target (as in
/// the text output).
fn segments(inlines: &[Inline]) -> Vec<String> {
    let mut out = vec![String::new()];
    push_segments(inlines, &mut out);
    out.into_iter()
        .map(|s| clean(&s))
        .filter(|s| !s.is_empty())
        .collect()
}

fn push_segments(inlines: &[Inline], out: &mut Vec<String>) {
    for i in inlines {
        match i {
            Inline::Text(s) | Inline::Keep(s) => {
                if let Some(last) = out.last_mut() {
                    last.push_str(s);
                }
            }
            // One braille table for the whole notice (see docs/braille.md): the words alone.
            Inline::Strong(inner) | Inline::Lang { content: inner, .. } => {
                push_segments(inner, out);
            }
            Inline::Break => out.push(String::new()),
            Inline::Link { text, url } => {
                let said = plain(text);
                push_segments(text, out);
                if let Some(target) =
                    safe_href(url).and_then(|href| super::text::link_target(&said, &href))
                    && let Some(last) = out.last_mut()
                {
                    if said.trim().is_empty() {
                        last.push_str(&target);
                    } else {
                        last.push_str(&format!(" ({target})"));
                    }
                }
            }
        }
    }
}

fn inline_text(inlines: &[Inline]) -> String {
    segments(inlines).join(" ")
}

/// A block's braille lines, wrapped at its indents.
fn set_block(b: &PrintBlock, braille: &[String]) -> Vec<String> {
    let mut lines = Vec::new();
    for (k, seg) in braille.iter().enumerate() {
        match b.style {
            Style::Centred => {
                for l in wrap(seg, 0, 0) {
                    let pad = (CELLS - l.len()) / 2;
                    lines.push(format!("{}{l}", " ".repeat(pad)));
                }
            }
            Style::Heading { first, rest } | Style::Text { first, rest } => {
                let first = if k == 0 { first } else { rest };
                lines.extend(wrap(seg, first, rest));
            }
        }
    }
    lines
}

/// Wraps one braille line at braille spaces: the first line indented `first` cells, the
/// others `rest`. A word longer than the room is broken after a `/` if it has one that
/// leaves something on the line, else at the line's end.
pub fn wrap(braille: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = " ".repeat(first);
    let mut empty = true;
    for word in braille.split(' ').filter(|w| !w.is_empty()) {
        let mut word = word.to_owned();
        loop {
            let needed = if empty { word.len() } else { word.len() + 1 };
            if line.len() + needed <= CELLS {
                if !empty {
                    line.push(' ');
                }
                line.push_str(&word);
                empty = false;
                break;
            }
            if !empty {
                lines.push(std::mem::replace(&mut line, " ".repeat(rest)));
                empty = true;
                continue;
            }
            // The word alone is too long for the line.
            let room = CELLS - line.len();
            let cut = word[..room]
                .rfind('/')
                .map(|i| i + 1)
                .filter(|&i| i > 0 && i < word.len())
                .unwrap_or(room);
            line.push_str(&word[..cut]);
            word = word[cut..].to_owned();
            lines.push(std::mem::replace(&mut line, " ".repeat(rest)));
        }
    }
    if !empty {
        lines.push(line);
    }
    lines
}

/// A braille page number: the numeric indicator and the digits as the letters a–j.
pub fn page_number(n: usize) -> String {
    let digits: String = n
        .to_string()
        .chars()
        .map(|d| match d {
            '0' => 'J',
            d => char::from(b'A' + (d as u8 - b'1')),
        })
        .collect();
    format!("#{digits}")
}

/// Cuts lines into pages.
struct Pager {
    head: String,
    pages: Vec<Vec<String>>,
    /// The current page's body lines.
    body: Vec<String>,
    /// A blank line is wanted before the next line.
    blank: bool,
}

impl Pager {
    fn new(head: String) -> Self {
        Self {
            head,
            pages: Vec::new(),
            body: Vec::new(),
            blank: false,
        }
    }

    /// Room for body lines on a page.
    fn room() -> usize {
        LINES - 1
    }

    fn new_page(&mut self) {
        let body = std::mem::take(&mut self.body);
        self.pages.push(body);
        self.blank = false;
    }

    fn place(&mut self, b: &PrintBlock, lines: Vec<String>, keep: usize) {
        if b.new_page && !(self.pages.is_empty() && self.body.is_empty()) {
            self.new_page();
        }
        let blank = (self.blank || b.blank_before) && !self.body.is_empty();
        let need = usize::from(blank) + keep.max(1);
        if self.body.len() + need > Self::room() && !self.body.is_empty() {
            self.new_page();
        }
        if (self.blank || b.blank_before) && !self.body.is_empty() {
            self.body.push(String::new());
        }
        self.blank = false;
        for line in lines {
            if self.body.len() >= Self::room() {
                self.new_page();
            }
            self.body.push(line);
        }
        self.blank = b.blank_after;
    }

    fn finish(mut self) -> Vec<u8> {
        if !self.body.is_empty() || self.pages.is_empty() {
            self.new_page();
        }
        let mut out = String::new();
        for (i, body) in self.pages.iter().enumerate() {
            if i > 0 {
                out.push('\u{c}');
            }
            let n = i + 1;
            let number = page_number(n);
            let info = if n == 1 {
                format!("{}{number}", " ".repeat(CELLS - number.len()))
            } else {
                let room = CELLS - number.len() - 3;
                let head = &self.head[..self.head.len().min(room)];
                let start = ((CELLS - head.len()) / 2).min(room - head.len());
                let mut line = format!("{}{head}", " ".repeat(start));
                line.push_str(&" ".repeat(CELLS - number.len() - line.len()));
                line.push_str(&number);
                line
            };
            out.push_str(&info);
            out.push_str("\r\n");
            // No blank line at the foot of a page.
            let end = body
                .iter()
                .rposition(|l| !l.is_empty())
                .map_or(0, |i| i + 1);
            for line in &body[..end] {
                out.push_str(line.trim_end());
                out.push_str("\r\n");
            }
        }
        out.into_bytes()
    }
}

/// The cells of braille ASCII in dot-mask order: the character for mask `m` (dot 1 = 1,
/// dot 2 = 2, dot 3 = 4, dot 4 = 8, dot 5 = 16, dot 6 = 32) is at index `m`.
const BY_MASK: &[u8; 64] = b" A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)=";

/// A BRF file as Unicode braille (U+2800 to U+283F), for people who review it without
/// reading braille ASCII: line and page ends are kept, any other byte is kept as it is.
pub fn to_unicode(brf: &str) -> String {
    brf.chars()
        .map(|c| {
            let upper = c.to_ascii_uppercase();
            match BY_MASK.iter().position(|&b| char::from(b) == upper) {
                Some(mask) => char::from_u32(0x2800 + mask as u32).unwrap_or(c),
                None => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Field, Section};

    /// A translator for tests: upper-cases the text and marks it, so the layout can be
    /// checked without liblouis.
    struct Upper;

    impl Translator for Upper {
        fn translate(&self, lines: &[String], _: Grade) -> Result<Vec<String>, String> {
            Ok(lines
                .iter()
                .map(|l| l.to_uppercase().replace('\u{2022}', "_4"))
                .collect())
        }
    }

    fn doc(paragraphs: usize) -> Document {
        let para = |i: usize| {
            Block::Paragraph(vec![Inline::text(format!(
                "Paragraph {i} says something about how we use your personal information \
                 and why we keep it for as long as we do."
            ))])
        };
        Document {
            lang: "en-GB".into(),
            title: "How we use your information".into(),
            organisation: "The Police and Crime Commissioner for Kent".into(),
            front_matter: vec![vec![
                Inline::text("Last updated: "),
                Inline::Keep("1 May 2026".into()),
            ]],
            date: Some("2026-05-01".into()),
            sections: vec![
                Section {
                    id: "a".into(),
                    heading: "Who we are".into(),
                    heading_lang: None,
                    in_contents: true,
                    blocks: (0..paragraphs).map(para).collect(),
                    children: vec![],
                },
                Section {
                    id: "b".into(),
                    heading: "Contact us".into(),
                    heading_lang: None,
                    in_contents: true,
                    blocks: vec![
                        Block::List {
                            ordered: false,
                            items: vec![vec![para(1)], vec![para(2)]],
                        },
                        Block::Fields(vec![Field {
                            label: "Address".into(),
                            label_lang: None,
                            value: vec![
                                Inline::text("County Hall"),
                                Inline::Break,
                                Inline::text("Maidstone"),
                            ],
                        }]),
                    ],
                    children: vec![],
                },
            ],
        }
    }

    fn pages(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes).unwrap();
        text.split('\u{c}')
            .map(|p| {
                assert!(p.ends_with("\r\n"), "{p:?}");
                p.trim_end_matches("\r\n")
                    .split("\r\n")
                    .map(str::to_owned)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn pages_and_lines_fit_and_are_numbered() {
        let bytes = render_brf(&doc(30), Grade::Two, &Upper).unwrap();
        assert!(
            bytes
                .iter()
                .all(|&b| (0x20..=0x5F).contains(&b) || b"\r\n\x0c".contains(&b))
        );
        assert!(!bytes.ends_with(b"\x0c"));
        let pages = pages(&bytes);
        assert!(pages.len() > 3, "{} pages", pages.len());
        for (i, page) in pages.iter().enumerate() {
            assert!(
                page.len() <= LINES,
                "page {} has {} lines",
                i + 1,
                page.len()
            );
            assert_eq!(page[0].len(), CELLS);
            assert!(page[0].ends_with(&page_number(i + 1)));
            if i > 0 {
                assert!(page[0].contains("HOW WE USE YOUR INFORMATION   "));
                assert!(!page[1].is_empty(), "blank line 2 on page {}", i + 1);
            }
            for line in page {
                assert!(line.len() <= CELLS && !line.ends_with(' '), "{line:?}");
            }
            for pair in page.windows(2) {
                assert!(
                    !(pair[0].is_empty() && pair[1].is_empty()),
                    "two blank lines"
                );
            }
            // No heading at the foot of a page.
            let last = page.last().unwrap();
            assert!(last != "WHO WE ARE" && last != "CONTACT US");
        }
        // Page 1: the title centred, the grade; the body starts on page 2.
        assert!(pages[0][1].trim_start().starts_with("HOW WE USE"));
        assert!(pages[0][1].starts_with("      "));
        assert!(pages[0].iter().any(|l| l.contains("UEB GRADE 2")));
        assert_eq!(pages[1][1], "WHO WE ARE");
        // Paragraphs: first line in cell 3, runovers in cell 1.
        assert!(pages[1][2].starts_with("  PARAGRAPH 0"));
        assert!(!pages[1][3].starts_with(' '));
    }

    #[test]
    fn lists_and_fields_have_blank_lines_around_and_hanging_runovers() {
        let bytes = render_brf(&doc(0), Grade::One, &Upper).unwrap();
        let pages = pages(&bytes);
        let body = &pages[1];
        let at = body
            .iter()
            .position(|l| l.starts_with("_4 PARAGRAPH 1"))
            .unwrap();
        assert_eq!(body[at - 1], "", "no blank line before the list");
        assert!(body[at + 1].starts_with("  "), "runover not in cell 3");
        let addr = body
            .iter()
            .position(|l| l.starts_with("ADDRESS: COUNTY HALL"))
            .unwrap();
        assert_eq!(body[addr + 1], "  MAIDSTONE");
        assert!(pages[0].iter().any(|l| l.contains("UEB GRADE 1")));
    }

    #[test]
    fn long_words_break_after_a_slash() {
        let url = "HTTPS3_/_/WWW4EXAMPLE4GOV4UK_/A_/VERY_/LONG_/PATH_/THAT_/GOES_/ON";
        let lines = wrap(&format!("SEE {url}"), 2, 0);
        assert_eq!(lines[0], "  SEE");
        for l in &lines {
            assert!(l.len() <= CELLS);
        }
        assert!(lines[1].ends_with('/'), "{lines:?}");
        assert_eq!(lines[1..].concat(), url);
    }

    #[test]
    fn page_numbers_are_braille_digits() {
        assert_eq!(page_number(1), "#A");
        assert_eq!(page_number(10), "#AJ");
        assert_eq!(page_number(26), "#BF");
    }

    #[test]
    fn unicode_view_uses_the_dot_masks() {
        // Space is the blank cell; A is dot 1; = is all six dots.
        assert_eq!(to_unicode(" A="), "\u{2800}\u{2801}\u{283F}");
        assert_eq!(to_unicode(",WE\r\n"), "\u{2820}\u{283A}\u{2811}\r\n");
    }
}
