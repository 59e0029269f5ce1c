//! The plain-text notice: UTF-8, LF line endings, lines of at most 80 characters, laid out
//! to be read aloud by a screen reader and shown on a braille display.
//!
//! Structure is carried by blank lines and labels, never by markup (W3C techniques T1–T3):
//! title and organisation first, then the front matter; numbered headings ("1. Who we are",
//! "1.2 Our officer") with two blank lines before and one after; paragraphs separated by
//! one blank line; list items labelled `- ` or `1. ` with a hanging indent; tables
//! linearised into `Header: value` lines, one block per row; links written out in full.
//!
//! The wrapper breaks lines only at spaces in ordinary text. A `Keep` run (phone number,
//! postcode, e-mail address) and a written-out link target are never broken; a token
//! longer than the line is put on a line of its own, the only way a line can exceed 80
//! characters.

use crate::document::{Block, Document, Field, Inline, Section, Table, plain};

use super::html::safe_href;

/// The longest line, in characters, that the renderer writes (unless one unbreakable token
/// is longer on its own).
pub const WIDTH: usize = 80;

/// The registry entry (see [`super::format`]).
pub static FORMAT: super::FormatSpec = super::FormatSpec {
    name: "txt",
    description: "plain text, 80 columns",
    default: true,
    file_name: |stem| format!("{stem}.txt"),
    render: |doc, _| {
        let doc = doc.with_notice_links(|stem| format!("{stem}.txt"));
        Ok(super::Output::plain(render_text(&doc).into_bytes()))
    },
};

/// Render a document as plain text: LF line endings, exactly one final newline, no tabs,
/// no trailing spaces.
pub fn render_text(doc: &Document) -> String {
    let mut w = Writer::default();
    w.wrapped(&[Piece::text(&doc.title)], &Lead::none());
    w.wrapped(&[Piece::text(&doc.organisation)], &Lead::none());
    w.blank(1);
    for line in &doc.front_matter {
        w.wrapped(&pieces(line), &Lead::none());
    }
    for (i, s) in doc.sections.iter().enumerate() {
        w.section(s, &format!("{}", i + 1), true);
    }
    let mut out = w.lines.join("\n");
    out.push('\n');
    out
}

/// One run of inline text, as the wrapper sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Ordinary text: any white space is a place the line may break.
    Text(String),
    /// Text that is never broken (its spaces are kept as they are).
    Keep(String),
    /// A written-out link target such as `(https://…)`: a word of its own, never broken,
    /// set after the word the link ends in. Punctuation that follows sticks to it
    /// (`(https://…).`); letters that follow (a link ending inside a word) are kept with
    /// their word, and the target goes after the whole word.
    Target(String),
    /// A forced line break.
    Break,
}

impl Piece {
    /// Ordinary, breakable text.
    pub fn text(s: impl Into<String>) -> Self {
        Piece::Text(s.into())
    }
}

/// A token for the line filler: a word (which may contain kept spaces) or a forced break.
#[derive(Debug, PartialEq)]
enum Token {
    Word(String),
    Break,
}

/// Split pieces into words. Words run across piece boundaries where no space separates
/// them (`ME15 9BZ` followed by `.` is the one word `ME15 9BZ.`). Control characters are
/// dropped; white space inside a keep run becomes a plain space.
fn tokens(pieces: &[Piece]) -> Vec<Token> {
    let mut t = Tokenizer::default();
    for p in pieces {
        match p {
            Piece::Text(s) => {
                for c in s.chars() {
                    if c.is_whitespace() {
                        t.place_targets();
                        t.end_word();
                    } else if !c.is_control() {
                        t.before(c);
                        t.word.push(c);
                    }
                }
            }
            Piece::Keep(s) => {
                let s = s.trim();
                if let Some(c) = s.chars().next() {
                    t.before(c);
                }
                for c in s.chars() {
                    if c.is_whitespace() {
                        t.word.push(' ');
                    } else if !c.is_control() {
                        t.word.push(c);
                    }
                }
            }
            Piece::Target(s) => {
                let s: String = s.chars().filter(|c| !c.is_control()).collect();
                if t.word.is_empty() && t.targets.is_empty() {
                    t.word = s;
                } else {
                    t.targets.push(s);
                }
            }
            Piece::Break => {
                t.place_targets();
                t.end_word();
                t.out.push(Token::Break);
            }
        }
    }
    t.place_targets();
    t.end_word();
    t.out
}

#[derive(Default)]
struct Tokenizer {
    out: Vec<Token>,
    /// The word being built.
    word: String,
    /// Link targets waiting for the end of the current word.
    targets: Vec<String>,
}

impl Tokenizer {
    fn end_word(&mut self) {
        if !self.word.is_empty() {
            self.out.push(Token::Word(std::mem::take(&mut self.word)));
        }
    }

    /// Before `c` joins the current word: waiting targets go in first, unless `c` is a
    /// letter or digit carrying on the word.
    fn before(&mut self, c: char) {
        let carries_on = c.is_alphanumeric() && !self.word.is_empty();
        if !self.targets.is_empty() && !carries_on {
            self.place_targets();
        }
    }

    /// End the current word and set the waiting targets after it; the last one stays
    /// open so that punctuation can follow it.
    fn place_targets(&mut self) {
        if self.targets.is_empty() {
            return;
        }
        self.end_word();
        let last = self.targets.pop().expect("not empty");
        for t in self.targets.drain(..) {
            self.out.push(Token::Word(t));
        }
        self.word = last;
    }
}

/// Fill lines of at most `width` characters from `pieces`, greedily. The first line starts
/// with `first` (an indent, or an indent and a list label), the others with `rest`. A
/// forced break starts a new line with `rest`. Lines carry no trailing spaces; a word too
/// long for any line stands alone on its own line.
///
/// With no words at all, the result is the label alone (`-`) if `first` has one, else
/// nothing.
pub fn wrap(pieces: &[Piece], first: &str, rest: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_owned();
    let mut len = first.chars().count();
    let mut empty = true;
    for tok in tokens(pieces) {
        match tok {
            Token::Word(w) => {
                let wl = w.chars().count();
                if empty {
                    line.push_str(&w);
                    len += wl;
                    empty = false;
                } else if len + 1 + wl <= width {
                    line.push(' ');
                    line.push_str(&w);
                    len += 1 + wl;
                } else {
                    lines.push(std::mem::take(&mut line));
                    line = format!("{rest}{w}");
                    len = rest.chars().count() + wl;
                }
            }
            Token::Break => {
                // A break before any text, or a second break in a row, would leave an
                // empty line inside the paragraph: skip it.
                if !empty {
                    lines.push(std::mem::take(&mut line));
                    line = rest.to_owned();
                    len = rest.chars().count();
                    empty = true;
                }
            }
        }
    }
    if !empty || lines.is_empty() {
        lines.push(line);
    }
    for l in &mut lines {
        let trimmed = l.trim_end().len();
        l.truncate(trimmed);
    }
    lines.retain(|l| !l.is_empty());
    lines
}

/// The prefixes of a block's lines: `first` on its first line, `rest` on every other.
#[derive(Debug, Clone)]
struct Lead {
    first: String,
    rest: String,
}

impl Lead {
    fn none() -> Self {
        Lead::indent("")
    }

    fn indent(rest: &str) -> Self {
        Lead {
            first: rest.to_owned(),
            rest: rest.to_owned(),
        }
    }

    /// The same lead with `more` extra spaces on continuation lines (a hanging indent).
    fn hanging(&self, more: usize) -> Self {
        Lead {
            first: self.first.clone(),
            rest: format!("{}{}", self.rest, " ".repeat(more)),
        }
    }

    /// The lead for the blocks after the first: the first line's label is used up.
    fn after_first(&self) -> Self {
        Lead::indent(&self.rest)
    }
}

/// Lines of output, with blank lines requested between them merged: asking for one blank
/// line and then two gives two, not three, and none are written before the first line.
#[derive(Default)]
struct Writer {
    lines: Vec<String>,
    pending: usize,
}

impl Writer {
    fn blank(&mut self, n: usize) {
        self.pending = self.pending.max(n);
    }

    fn push(&mut self, line: String) {
        if !self.lines.is_empty() {
            for _ in 0..self.pending {
                self.lines.push(String::new());
            }
        }
        self.pending = 0;
        self.lines.push(line);
    }

    fn wrapped(&mut self, pieces: &[Piece], lead: &Lead) {
        for l in wrap(pieces, &lead.first, &lead.rest, WIDTH) {
            self.push(l);
        }
    }

    fn heading(&mut self, pieces: &[Piece], lead: &Lead, hang: usize) {
        self.blank(2);
        self.wrapped(pieces, &lead.hanging(hang));
        self.blank(1);
    }

    /// A section and its children; `number` is `1`, `1.2`, `1.2.3`.
    fn section(&mut self, s: &Section, number: &str, top: bool) {
        let label = if top {
            format!("{number}.")
        } else {
            number.to_owned()
        };
        let hang = label.chars().count() + 1;
        self.heading(
            &[
                Piece::Keep(label),
                Piece::text(" "),
                Piece::text(&s.heading),
            ],
            &Lead::none(),
            hang,
        );
        self.blocks(&s.blocks, &Lead::none());
        for (i, c) in s.children.iter().enumerate() {
            self.section(c, &format!("{number}.{}", i + 1), false);
        }
    }

    /// Blocks in running text, each set apart by a blank line.
    fn blocks(&mut self, blocks: &[Block], lead: &Lead) {
        for (i, b) in blocks.iter().enumerate() {
            let lead = if i == 0 {
                lead.clone()
            } else {
                lead.after_first()
            };
            self.blank(1);
            self.block(b, &lead);
            self.blank(1);
        }
    }

    fn block(&mut self, b: &Block, lead: &Lead) {
        match b {
            Block::Paragraph(inl) => self.wrapped(&pieces(inl), lead),
            Block::List { ordered, items } => self.list(*ordered, items, lead),
            Block::Table(t) => self.table(t, lead),
            Block::Fields(fields) => self.fields(fields, lead),
            Block::Note { label, blocks } => self.note(label, blocks, lead),
            Block::Subheading(text) => self.heading(&[Piece::text(text)], lead, 0),
        }
    }

    fn list(&mut self, ordered: bool, items: &[Vec<Block>], lead: &Lead) {
        // A list whose items hold more than one paragraph gets blank lines between items;
        // otherwise the items follow one another directly.
        let loose = items.iter().any(|item| {
            item.iter()
                .skip(1)
                .any(|b| !matches!(b, Block::List { .. }))
        });
        for (n, item) in items.iter().enumerate() {
            let label = if ordered {
                format!("{}. ", n + 1)
            } else {
                "- ".to_owned()
            };
            let base = if n == 0 { &lead.first } else { &lead.rest };
            let item_lead = Lead {
                first: format!("{base}{label}"),
                rest: format!("{}{}", lead.rest, " ".repeat(label.chars().count())),
            };
            if loose && n > 0 {
                self.blank(1);
            }
            self.item(item, &item_lead);
        }
    }

    /// The blocks of one list item: a nested list follows its paragraph directly, any
    /// other block is set apart by a blank line.
    fn item(&mut self, blocks: &[Block], lead: &Lead) {
        for (i, b) in blocks.iter().enumerate() {
            let lead = if i == 0 {
                lead.clone()
            } else {
                if !matches!(b, Block::List { .. }) {
                    self.blank(1);
                }
                lead.after_first()
            };
            self.block(b, &lead);
        }
    }

    fn table(&mut self, t: &Table, lead: &Lead) {
        self.wrapped(&[Piece::text(&t.caption)], lead);
        let lead = lead.after_first();
        for row in &t.rows {
            self.blank(1);
            for (i, cell) in row.iter().enumerate() {
                let mut ps = Vec::new();
                if let Some(h) = t.header.get(i).filter(|h| !h.trim().is_empty()) {
                    ps.push(Piece::Text(labelled(h)));
                }
                for (j, line) in cell.iter().enumerate() {
                    if j > 0 {
                        ps.push(Piece::text("; "));
                    }
                    ps.extend(pieces(line));
                }
                self.wrapped(&ps, &lead.hanging(2));
            }
        }
    }

    fn fields(&mut self, fields: &[Field], lead: &Lead) {
        for (i, f) in fields.iter().enumerate() {
            let lead = if i == 0 {
                lead.clone()
            } else {
                lead.after_first()
            };
            let mut ps = vec![Piece::Text(labelled(&f.label))];
            ps.extend(pieces(&f.value));
            self.wrapped(&ps, &lead.hanging(2));
        }
    }

    fn note(&mut self, label: &str, blocks: &[Block], lead: &Lead) {
        let mut ps = vec![Piece::Text(labelled(label))];
        match blocks.split_first() {
            Some((Block::Paragraph(inl), rest)) => {
                ps.extend(pieces(inl));
                self.wrapped(&ps, lead);
                if !rest.is_empty() {
                    self.blank(1);
                    self.blocks(rest, &lead.after_first());
                }
            }
            _ => {
                self.wrapped(&ps, lead);
                self.blocks(blocks, &lead.after_first());
            }
        }
    }
}

/// `Label: ` with a colon unless the label already ends in punctuation.
fn labelled(label: &str) -> String {
    let label = label.trim();
    if label.ends_with([':', '?', '.', '!']) {
        format!("{label} ")
    } else {
        format!("{label}: ")
    }
}

/// Inline content as wrapper pieces. Strong emphasis is plain text; a link is its text
/// followed by its target in brackets, unless the text already says the target.
fn pieces(inlines: &[Inline]) -> Vec<Piece> {
    let mut out = Vec::new();
    push_pieces(inlines, &mut out);
    out
}

fn push_pieces(inlines: &[Inline], out: &mut Vec<Piece>) {
    for i in inlines {
        match i {
            Inline::Text(s) => out.push(Piece::Text(s.clone())),
            Inline::Keep(s) => out.push(Piece::Keep(s.clone())),
            // Plain text has no way to say a language: the words alone.
            Inline::Strong(inner) | Inline::Lang { content: inner, .. } => {
                push_pieces(inner, out);
            }
            Inline::Break => out.push(Piece::Break),
            Inline::Link { text, url } => {
                let said = plain(text);
                let shown = safe_href(url).and_then(|href| link_target(&said, &href));
                if said.trim().is_empty() {
                    if let Some(target) = shown {
                        out.push(Piece::Keep(target));
                    }
                    continue;
                }
                push_pieces(text, out);
                if let Some(target) = shown {
                    out.push(Piece::Target(format!("({target})")));
                }
            }
        }
    }
}

/// What to write after a link's text so a reader of plain text can follow it, or `None`
/// when the text already says it. E-mail links give the address, phone links the number
/// (only if the text has different digits), in-page links nothing.
pub(crate) fn link_target(text: &str, href: &str) -> Option<String> {
    let text = text.trim();
    let lower = href.to_ascii_lowercase();
    let target = if lower.starts_with("mailto:") {
        let addr = &href["mailto:".len()..];
        addr.split('?').next().unwrap_or(addr).to_owned()
    } else if lower.starts_with("tel:") {
        let number = &href["tel:".len()..];
        let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
        let (t, n) = (digits(text), digits(number));
        // `01622 677055` says `tel:+441622677055`: a national number is the
        // international one with its leading 0 in place of the country code.
        let national = t.len() > 6 && t.starts_with('0') && n.ends_with(&t[1..]);
        if !t.is_empty() && (t == n || national) {
            return None;
        }
        number.to_owned()
    } else if lower.starts_with('#') {
        return None;
    } else {
        href.to_owned()
    };
    let same = |a: &str, b: &str| {
        a.trim_end_matches('/')
            .eq_ignore_ascii_case(b.trim_end_matches('/'))
    };
    if target.is_empty() || same(text, &target) || same(text, href) {
        None
    } else {
        Some(target)
    }
}

#[cfg(test)]
mod tests;
