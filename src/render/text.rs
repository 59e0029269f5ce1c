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
            Inline::Strong(inner) => push_pieces(inner, out),
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
fn link_target(text: &str, href: &str) -> Option<String> {
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
mod tests {
    use super::*;
    use crate::render::sample::{self, HOSTILE, LONG_URL};
    use crate::render::{find_subsequence, words, words_in};

    /// Writes the sample text: `cargo test render::text -- --ignored write_sample`.
    #[test]
    #[ignore = "writes /tmp/render-sample.txt"]
    fn write_sample() {
        std::fs::write(
            "/tmp/render-sample.txt",
            render_text(&sample::clean_document()),
        )
        .unwrap();
        std::fs::write("/tmp/render-hostile.txt", render_text(&sample::document())).unwrap();
    }

    fn render() -> String {
        render_text(&sample::clean_document())
    }

    /// Lines longer than the width must be one unbreakable token (after the indent).
    fn assert_layout(out: &str) {
        assert!(
            out.ends_with('\n') && !out.ends_with("\n\n"),
            "one final newline"
        );
        assert!(
            !out.contains('\r') && !out.contains('\t'),
            "LF only, no tabs"
        );
        assert!(!out.starts_with('\u{feff}'), "no BOM");
        for line in out.lines() {
            assert_eq!(line, line.trim_end(), "trailing space: {line:?}");
            assert!(
                !line.chars().any(char::is_control),
                "control character: {line:?}"
            );
            if line.chars().count() > WIDTH {
                assert!(!line.trim_start().contains(' '), "overlong line: {line}");
            }
        }
        // No ASCII-art rules.
        for run in ["====", "----", "____", "****", "~~~~", "####"] {
            assert!(!out.contains(run), "{run}");
        }
    }

    #[test]
    fn layout_rules_hold() {
        assert_layout(&render());
        assert_layout(&render_text(&sample::document()));
    }

    #[test]
    fn title_organisation_and_front_matter_first() {
        let out = render();
        let lines: Vec<&str> = out.lines().take(5).collect();
        assert_eq!(
            lines,
            [
                "Privacy notice for council tax",
                "Maidstone Borough Council",
                "",
                "Published 1 April 2025",
                "Last reviewed 14 February 2026",
            ]
        );
    }

    #[test]
    fn headings_are_numbered_with_two_blank_lines_before_and_one_after() {
        let out = render();
        let lines: Vec<&str> = out.lines().collect();
        for heading in [
            "1. Who we are",
            "1.1 Our data protection officer",
            "1.1.1 When the officer is available",
            "2. What we collect and why",
            "How to ask for your information",
            "3. Your rights",
        ] {
            let i = lines
                .iter()
                .position(|l| *l == heading)
                .unwrap_or_else(|| panic!("no heading {heading:?}"));
            assert_eq!(
                lines[i - 2..i],
                ["", ""],
                "two blank lines before {heading}"
            );
            assert_ne!(lines[i - 3], "", "exactly two blank lines before {heading}");
            assert_eq!(lines[i + 1], "", "one blank line after {heading}");
            assert_ne!(lines[i + 2], "", "exactly one blank line after {heading}");
        }
    }

    #[test]
    fn blank_lines_never_exceed_two_and_two_only_before_headings() {
        let out = render_text(&sample::document());
        assert!(!out.contains("\n\n\n\n"), "three blank lines in a row");
        let lines: Vec<&str> = out.lines().collect();
        for w in lines.windows(3) {
            if w[0].is_empty() && w[1].is_empty() {
                let next = w[2];
                let numbered = next
                    .split(' ')
                    .next()
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit() || c == '.'));
                assert!(
                    numbered || next == "How to ask for your information",
                    "two blank lines before a non-heading: {next:?}"
                );
            }
        }
    }

    #[test]
    fn keep_runs_and_urls_are_never_broken() {
        let out = render_text(&sample::document());
        for keep in [
            "01622 677055",
            "ME15 9BZ",
            "0303 123 1113",
            "1 April 2025",
            "14 February 2026",
            "dataprotection@maidstone.gov.uk",
            LONG_URL,
            "https://ico.org.uk/make-a-complaint/",
        ] {
            assert!(out.lines().any(|l| l.contains(keep)), "{keep} broken");
        }
    }

    #[test]
    fn links_are_written_out_once() {
        let out = render();
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&format!("our data protection pages ({LONG_URL}),")));
        // Text that already is the address is not repeated.
        assert_eq!(flat.matches(LONG_URL).count(), 2);
        assert!(flat.contains("or at https://ico.org.uk/make-a-complaint/."));
        assert!(!flat.contains("(https://ico.org.uk"));
        // E-mail and phone links that say their target add nothing.
        assert!(flat.contains("Email dataprotection@maidstone.gov.uk with any question."));
        assert!(!flat.contains("mailto:") && !flat.contains("tel:"));
        assert!(flat.contains("Call us on 01622 677055 or write"));
        // A javascript: target is never written, but the link's words are.
        let hostile = render_text(&sample::document());
        assert!(!hostile.contains("javascript:"));
        let hostile = hostile.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(hostile.contains("a hostile link: do not follow and"));
    }

    #[test]
    fn link_targets() {
        assert_eq!(
            link_target("Email us", "mailto:a@b.org?subject=Hi"),
            Some("a@b.org".into())
        );
        assert_eq!(link_target("a@b.org", "mailto:a@b.org"), None);
        assert_eq!(link_target("01622 677055", "tel:+441622677055"), None);
        assert_eq!(link_target("01622 677055", "tel:01622677055"), None);
        assert_eq!(
            link_target("Call us", "tel:01622677055"),
            Some("01622677055".into())
        );
        assert_eq!(link_target("0 5", "tel:+445"), Some("+445".into()));
        assert_eq!(link_target("https://a.org", "https://a.org/"), None);
        assert_eq!(
            link_target("our site", "https://a.org/"),
            Some("https://a.org/".into())
        );
        assert_eq!(link_target("above", "#who-we-are"), None);
    }

    #[test]
    fn blocks_render_as_plain_labelled_lines() {
        let out = render();
        for expected in [
            "We never\nsell your information.",
            "Telephone: 01622 677055\nAddress: Maidstone House\n  King Street\n  Maidstone ME15 9BZ\n",
            "- your name, address and contact details\n- information about your household, including:\n  - the people who live with you\n  - any benefits or discounts you receive, and the evidence you give us for\n    them, which we keep for as long as the law requires\n",
            "\n1. Write to us or send an email.\n2. Tell us which information you want, as precisely as you can, so we can find\n   it quickly.\n3. We reply within one month.\n",
            "Why we use your information and the law that allows it\n\nPurpose: Council tax billing and collection\nLawful basis: Public task (UK GDPR Article 6(1)(e))\nHow long we keep it: 6 years after the account closes\n\nPurpose: Housing register\nLawful basis: Public task; Legal obligation (Housing Act 1996)\n",
            "Your right to object: You can object at any time to our use of your information\nfor public tasks.",
            "ŵyr, ŷd, dŵr a tŷ",
        ] {
            assert!(
                out.contains(expected),
                "missing:\n{expected}\n---in---\n{out}"
            );
        }
        assert!(!out.contains('*'), "no markup emphasis");
    }

    #[test]
    fn hostile_text_is_written_verbatim() {
        let out = render_text(&sample::document());
        assert!(out.contains(HOSTILE));
        // An empty table cell gives its label without a trailing space.
        assert!(out.lines().any(|l| l == "How long we keep it:"));
    }

    #[test]
    fn says_every_word_in_order() {
        for doc in [sample::document(), sample::clean_document()] {
            let want = words(&doc);
            let got = words_in(&render_text(&doc));
            if let Err(i) = find_subsequence(&want, &got) {
                panic!("word {i} ({:?}) missing or out of order", want[i]);
            }
        }
    }

    #[test]
    fn deterministic() {
        let doc = sample::document();
        assert_eq!(render_text(&doc), render_text(&doc.clone()));
    }

    #[test]
    fn wrap_edge_cases() {
        let w = |ps: &[Piece], first: &str, rest: &str| wrap(ps, first, rest, 20);
        assert_eq!(w(&[], "", ""), Vec::<String>::new());
        assert_eq!(w(&[], "- ", "  "), ["-"]);
        assert_eq!(w(&[Piece::text("  \t ")], "", ""), Vec::<String>::new());
        assert_eq!(
            w(
                &[
                    Piece::Break,
                    Piece::text("a"),
                    Piece::Break,
                    Piece::Break,
                    Piece::text("b"),
                    Piece::Break
                ],
                "",
                "  "
            ),
            ["a", "  b"]
        );
        assert_eq!(
            w(
                &[
                    Piece::text("call "),
                    Piece::Keep("01622  677055".into()),
                    Piece::text(". ok")
                ],
                "",
                ""
            ),
            ["call 01622  677055.", "ok"]
        );
        assert_eq!(w(&[Piece::text("a\u{7}b c\td\r\ne")], "", ""), ["ab c d e"]);
        assert_eq!(
            w(
                &[Piece::text("aaaa bbbbbbbbbbbbbbbbbbbbbbbbb cc")],
                "> ",
                "  "
            ),
            ["> aaaa", "  bbbbbbbbbbbbbbbbbbbbbbbbb", "  cc"]
        );
        // A link target goes after the word the link ends in, and takes the punctuation
        // that follows.
        let target = || Piece::Target("(https://a.example)".into());
        let w40 = |ps: &[Piece]| wrap(ps, "", "", 40);
        assert_eq!(
            w40(&[Piece::text("see our site"), target(), Piece::text(". Then")]),
            ["see our site (https://a.example). Then"]
        );
        assert_eq!(
            w40(&[Piece::text("the web"), target(), Piece::text("site, ok")]),
            ["the website (https://a.example), ok"]
        );
        assert_eq!(
            w40(&[
                Piece::text("a"),
                target(),
                Piece::Keep("PO1 4JY".into()),
                Piece::text("x y")
            ]),
            ["aPO1 4JYx (https://a.example) y"]
        );
        assert_eq!(
            w40(&[
                Piece::text("a"),
                target(),
                target(),
                Piece::Break,
                Piece::text("b")
            ]),
            ["a (https://a.example)", "(https://a.example)", "b"]
        );
        // Exactly the width fits.
        assert_eq!(
            w(&[Piece::text("aaaaaaaaa bbbbbbbbbb")], "", ""),
            ["aaaaaaaaa bbbbbbbbbb"]
        );
    }

    mod prop {
        use super::super::*;
        use proptest::prelude::*;

        fn word() -> impl Strategy<Value = String> {
            prop_oneof![
                8 => "[a-zA-Z0-9ŵŷâ.,;:()'@/-]{1,12}",
                1 => "[a-z0-9./:@-]{60,120}",
            ]
        }

        proptest! {
            #[test]
            fn lines_fit_and_words_survive(
                words in proptest::collection::vec(word(), 0..60),
                seps in proptest::collection::vec(prop_oneof![Just(" "), Just("  "), Just("\n"), Just("\t")], 60),
                indent in 0usize..12,
                width in 20usize..=80,
            ) {
                let mut text = String::new();
                for (i, w) in words.iter().enumerate() {
                    if i > 0 {
                        text.push_str(seps[i % seps.len()]);
                    }
                    text.push_str(w);
                }
                let first = format!("{}- ", " ".repeat(indent));
                let rest = " ".repeat(indent + 2);
                let lines = wrap(&[Piece::Text(text)], &first, &rest, width);
                for (n, line) in lines.iter().enumerate() {
                    prop_assert_eq!(line.as_str(), line.trim_end());
                    let prefix = if n == 0 { &first } else { &rest };
                    prop_assert!(line.starts_with(prefix.trim_end()));
                    if line.chars().count() > width {
                        prop_assert!(!line.trim_start().trim_start_matches("- ").contains(' '), "overlong line with more than one token: {}", line);
                    }
                }
                // Words are kept, whole and in order.
                let mut got: Vec<&str> = Vec::new();
                for (n, line) in lines.iter().enumerate() {
                    let body = if n == 0 { line.trim_start().strip_prefix('-').unwrap_or(line) } else { line.as_str() };
                    got.extend(body.split_whitespace());
                }
                prop_assert_eq!(got, words.iter().map(String::as_str).collect::<Vec<_>>());
                // Greedy: no line could have taken the next line's first word.
                for pair in lines.windows(2) {
                    let next = pair[1].split_whitespace().next().unwrap_or("");
                    prop_assert!(pair[0].chars().count() + 1 + next.chars().count() > width);
                }
            }

            #[test]
            fn keep_runs_stay_on_one_line(
                before in "[a-z]{1,10}( [a-z]{1,10}){0,12}",
                keep in "[A-Z0-9]{1,6}( [A-Z0-9]{1,6}){1,3}",
                after in "[a-z]{1,10}( [a-z]{1,10}){0,12}",
                width in 20usize..=80,
            ) {
                let pieces = [Piece::Text(format!("{before} ")), Piece::Keep(keep.clone()), Piece::Text(format!(" {after}"))];
                let lines = wrap(&pieces, "", "", width);
                prop_assert!(lines.iter().any(|l| l.contains(&keep)), "{:?} broken in {:?}", keep, lines);
                for line in &lines {
                    prop_assert!(line.chars().count() <= width || line == &keep);
                }
            }
        }
    }
}
