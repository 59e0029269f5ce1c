//! Paragraph text: flattening inlines into styled text, shaping, and line breaking.
//!
//! A [`Para`] is the unit the line breaker works on: one string, styled spans over it, and
//! the shaped glyphs. Line breaking is greedy (first fit), left aligned and ragged right,
//! with no hyphenation:
//!
//! - break opportunities come from the Unicode line breaking algorithm (UAX #14);
//! - opportunities inside a `Keep` run (phone numbers, postcodes, e-mail addresses, dates)
//!   or inside anything that looks like a URL or e-mail address are removed, so those stay
//!   whole on one line;
//! - only a single unit wider than the whole line is broken, at its own UAX #14
//!   opportunities if it has any, otherwise between characters;
//! - widths are the shaped glyph advances, so what is measured is what is drawn.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use crate::document::Inline;

use super::fonts::{self, ShapedGlyph};

/// A styled stretch of a paragraph's text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Span {
    /// Byte range in the paragraph text.
    pub range: Range<usize>,
    /// Bold (strong, headings, labels).
    pub bold: bool,
    /// The link this text belongs to, as an index into the document's link list.
    pub link: Option<usize>,
    /// Text that must stay on one line.
    pub keep: bool,
    /// The text's language, when it is not the document's (tagged `/Lang`).
    pub lang: Option<String>,
}

/// A link found in the document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Link {
    /// The target (already restricted to https, http, mailto and tel); empty for a link
    /// inside the document.
    pub url: String,
    /// The visible text.
    pub text: String,
    /// For a link inside the document (a contents entry): the index of the section it
    /// goes to, in the layout's outline.
    pub section: Option<usize>,
}

/// Builds the text and spans of a paragraph from inlines, collapsing white space the way a
/// browser does: runs of spaces, tabs and newlines become one space, none at the start or
/// end of the paragraph or around a hard break.
#[derive(Debug, Default)]
pub(super) struct ParaBuilder {
    text: String,
    spans: Vec<Span>,
    /// The language of the text pushed now, when it is not the document's.
    lang: Option<String>,
}

impl ParaBuilder {
    /// An empty paragraph.
    pub(super) fn new() -> Self {
        Self::default()
    }

    /// Sets the language of the text pushed from now on (`None`: the document's).
    pub(super) fn set_lang(&mut self, lang: Option<&str>) {
        self.lang = lang.map(str::to_owned);
    }

    /// Appends text in a style.
    pub(super) fn push(&mut self, s: &str, bold: bool, link: Option<usize>, keep: bool) {
        for c in s.chars() {
            let c = match c {
                ' ' | '\t' | '\n' | '\r' | '\u{000B}' | '\u{000C}' => ' ',
                c if c.is_control() => continue,
                c => c,
            };
            if c == ' ' && (self.text.is_empty() || self.text.ends_with([' ', '\n'])) {
                continue;
            }
            self.push_char(c, bold, link, keep);
        }
    }

    fn push_char(&mut self, c: char, bold: bool, link: Option<usize>, keep: bool) {
        let at = self.text.len();
        self.text.push(c);
        let end = self.text.len();
        match self.spans.last_mut() {
            Some(last)
                if last.range.end == at
                    && last.bold == bold
                    && last.link == link
                    && last.keep == keep
                    && last.lang == self.lang =>
            {
                last.range.end = end;
            }
            _ => self.spans.push(Span {
                range: at..end,
                bold,
                link,
                keep,
                lang: self.lang.clone(),
            }),
        }
    }

    /// Appends a hard line break.
    pub(super) fn hard_break(&mut self) {
        self.trim_end();
        self.push_char('\n', false, None, false);
    }

    fn trim_end(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
            let end = self.text.len();
            if let Some(last) = self.spans.last_mut() {
                last.range.end = end;
                if last.range.is_empty() {
                    self.spans.pop();
                }
            }
        }
    }

    /// Appends inlines, registering links in `links`.
    pub(super) fn push_inlines(&mut self, inlines: &[Inline], bold: bool, links: &mut Vec<Link>) {
        self.push_inlines_in(inlines, bold, None, links);
    }

    fn push_inlines_in(
        &mut self,
        inlines: &[Inline],
        bold: bool,
        link: Option<usize>,
        links: &mut Vec<Link>,
    ) {
        for inline in inlines {
            match inline {
                Inline::Text(s) => self.push(s, bold, link, false),
                Inline::Keep(s) => self.push(s, bold, link, true),
                Inline::Strong(inner) => self.push_inlines_in(inner, true, link, links),
                Inline::Link { text, url } => {
                    if link.is_some() {
                        // A link inside a link: keep the outer one.
                        self.push_inlines_in(text, bold, link, links);
                    } else {
                        let index = links.len();
                        links.push(Link {
                            url: url.clone(),
                            text: crate::document::plain(text).trim().to_string(),
                            section: None,
                        });
                        self.push_inlines_in(text, bold, Some(index), links);
                    }
                }
                Inline::Break => self.hard_break(),
                Inline::Lang { lang, content } => {
                    let outer = self.lang.replace(lang.clone());
                    self.push_inlines_in(content, bold, link, links);
                    self.lang = outer;
                }
            }
        }
    }

    /// Appends a link to the top-level section `section` (its index in the outline).
    pub(super) fn push_section_link(&mut self, text: &str, section: usize, links: &mut Vec<Link>) {
        let index = links.len();
        links.push(Link {
            url: String::new(),
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            section: Some(section),
        });
        self.push(text, false, Some(index), false);
    }

    /// The text so far (white space already collapsed).
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// Shapes the paragraph at `size` points. Characters no font has are drawn as a
    /// replacement mark and reported in `missing` (byte offset, character).
    pub(super) fn finish(mut self, size: f32, missing: &mut Vec<(usize, char)>) -> Para {
        self.trim_end();
        while self.text.ends_with('\n') {
            self.text.pop();
            let end = self.text.len();
            if let Some(last) = self.spans.last_mut() {
                last.range.end = end;
                if last.range.is_empty() {
                    self.spans.pop();
                }
            }
            self.trim_end();
        }
        let mut glyphs = Vec::with_capacity(self.text.len());
        for span in &self.spans {
            let part = &self.text[span.range.clone()];
            // Hard breaks are not drawn; shape the text between them.
            let mut at = span.range.start;
            for piece in part.split('\n') {
                fonts::shape(piece, at, span.bold, &mut glyphs, missing);
                at += piece.len() + 1;
            }
        }
        let mut prefix = Vec::with_capacity(glyphs.len() + 1);
        let mut sum = 0.0f32;
        prefix.push(0.0);
        for g in &glyphs {
            sum += g.advance;
            prefix.push(sum);
        }
        Para {
            text: self.text,
            spans: self.spans,
            glyphs,
            prefix,
            size,
        }
    }
}

/// A shaped paragraph.
#[derive(Debug, Clone)]
pub(super) struct Para {
    /// The text (white space collapsed; hard breaks are `\n`).
    pub text: String,
    /// Styled spans covering the text in order.
    pub spans: Vec<Span>,
    /// Shaped glyphs in text order.
    pub glyphs: Vec<ShapedGlyph>,
    /// `prefix[i]` is the sum of the advances of the first `i` glyphs, in em.
    prefix: Vec<f32>,
    /// Font size in points.
    pub size: f32,
}

/// One line of a paragraph: a byte range of its text (without trailing spaces or the
/// hard break) and its width in points.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Line {
    /// Byte range in the paragraph text.
    pub range: Range<usize>,
    /// Width in points.
    pub width: f32,
}

impl Para {
    /// Index of the first glyph whose cluster starts at or after `byte`.
    pub(super) fn glyph_at(&self, byte: usize) -> usize {
        self.glyphs.partition_point(|g| g.cluster < byte)
    }

    /// Width in points of the text in `range`.
    pub(super) fn width(&self, range: Range<usize>) -> f32 {
        let a = self.glyph_at(range.start);
        let b = self.glyph_at(range.end);
        (self.prefix[b] - self.prefix[a]) * self.size
    }

    /// The span that covers byte `at`.
    pub(super) fn span_at(&self, at: usize) -> Option<&Span> {
        let i = self.spans.partition_point(|s| s.range.end <= at);
        self.spans.get(i).filter(|s| s.range.contains(&at))
    }

    /// `end` moved back over trailing spaces and a hard break, but not before `start`.
    fn trim(&self, start: usize, mut end: usize) -> usize {
        let bytes = self.text.as_bytes();
        while end > start && matches!(bytes[end - 1], b' ' | b'\n') {
            end -= 1;
        }
        end
    }

    /// Byte ranges inside which a line must not break: `Keep` runs, and words that look
    /// like a URL or an e-mail address.
    fn unbreakable(&self) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = self
            .spans
            .iter()
            .filter(|s| s.keep)
            .map(|s| s.range.clone())
            .collect();
        let mut start = None;
        for (i, c) in self.text.char_indices().chain([(self.text.len(), ' ')]) {
            if c == ' ' || c == '\n' {
                if let Some(s) = start.take()
                    && looks_like_address(&self.text[s..i])
                {
                    out.push(s..i);
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        out
    }

    /// Breaks the paragraph into lines no wider than `max` points (see the module docs).
    pub(super) fn break_lines(&self, max: f32) -> Vec<Line> {
        if self.text.is_empty() {
            return Vec::new();
        }
        let all: Vec<(usize, BreakOpportunity)> = linebreaks(&self.text).collect();
        let unbreakable = self.unbreakable();
        let inside = |i: usize| unbreakable.iter().any(|r| r.start < i && i < r.end);
        let allowed_anywhere: Vec<usize> = all
            .iter()
            .filter(|(_, o)| *o == BreakOpportunity::Allowed)
            .map(|(i, _)| *i)
            .collect();

        let mut lines = Vec::new();
        let mut start = 0;
        let mut last: Option<usize> = None;
        for &(i, opportunity) in &all {
            let mandatory = opportunity == BreakOpportunity::Mandatory;
            // Never after a hard hyphen or dash inside a word ("data-sharing",
            // "9am–5pm"): the whole compound moves to the next line. Only a compound wider
            // than the line is split there (by `split_wide`).
            if !mandatory && (inside(i) || after_hyphen(&self.text[..i])) {
                continue;
            }
            loop {
                let end = self.trim(start, i);
                if self.width(start..end) <= max {
                    break;
                }
                match last {
                    Some(b) if b > start => {
                        lines.push(self.line(start, b));
                        start = b;
                        last = None;
                    }
                    _ => {
                        start = self.split_wide(start, end, max, &allowed_anywhere, &mut lines);
                        break;
                    }
                }
            }
            if mandatory {
                if start < self.text.len() || lines.is_empty() || self.text.ends_with('\n') {
                    lines.push(self.line(start, i));
                }
                start = i;
                last = None;
            } else {
                last = Some(i);
            }
        }
        lines
    }

    fn line(&self, start: usize, end: usize) -> Line {
        let end = self.trim(start, end);
        Line {
            range: start..end,
            width: self.width(start..end),
        }
    }

    /// Splits `start..end`, a single unit wider than `max`, pushing all full lines. Returns
    /// where the last, fitting, piece starts: it stays open for text that follows.
    fn split_wide(
        &self,
        mut start: usize,
        end: usize,
        max: f32,
        opportunities: &[usize],
        lines: &mut Vec<Line>,
    ) -> usize {
        // In an address a break after a hyphen reads as hyphenation (is the hyphen part of
        // the address?); break before it instead, so the next line starts with it.
        let address = looks_like_address(&self.text[start..end]);
        while self.width(start..end) > max {
            let mut best_opportunity = None;
            let mut best_slash = None;
            let mut best_before_hyphen = None;
            let mut best_char = None;
            let mut previous = '\0';
            for (offset, c) in self.text[start..end].char_indices() {
                let b = start + offset;
                let after = std::mem::replace(&mut previous, c);
                if offset == 0 || fonts::is_combining(c) {
                    continue;
                }
                let width = self.width(start..self.trim(start, b));
                if width > max {
                    break;
                }
                best_char = Some(b);
                if address && c == '-' {
                    best_before_hyphen = Some(b);
                }
                if opportunities.binary_search(&b).is_ok() && !(address && after == '-') {
                    best_opportunity = Some(b);
                    // In a URL, a break after a slash reads better than one after a
                    // hyphen, which looks like hyphenation; take it if it fills half the line.
                    if after == '/' && width >= max / 2.0 {
                        best_slash = Some(b);
                    }
                }
            }
            let b = best_slash
                .or(best_opportunity)
                .or(best_before_hyphen)
                .or(best_char)
                .unwrap_or_else(|| {
                    // Not even one character fits: put one on its own line.
                    let c = self.text[start..].chars().next().map_or(1, char::len_utf8);
                    start + c
                });
            lines.push(self.line(start, b));
            start = b;
            if start >= end {
                break;
            }
        }
        start
    }
}

/// Whether `before` (the text before a break opportunity) ends in a hyphen or dash that
/// joins two words: one not preceded by a space. A spaced dash (" – ") is punctuation
/// between words, and the break after its space is allowed.
fn after_hyphen(before: &str) -> bool {
    let mut chars = before.chars().rev();
    matches!(
        chars.next(),
        Some('-' | '\u{2010}' | '\u{2013}' | '\u{2014}')
    ) && chars.next().is_some_and(|c| !c.is_whitespace())
}

/// Whether a word looks like a URL or an e-mail address (and so must not be broken).
pub(super) fn looks_like_address(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    lower.contains("://")
        || lower.starts_with("www.")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
        || lower
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Inline;
    use proptest::prelude::*;

    fn para(inlines: &[Inline], size: f32) -> Para {
        let mut b = ParaBuilder::new();
        let mut links = Vec::new();
        b.push_inlines(inlines, false, &mut links);
        let mut missing = Vec::new();
        b.finish(size, &mut missing)
    }

    fn words(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    #[test]
    fn white_space_is_collapsed() {
        let p = para(
            &[
                Inline::text("  Hello \n  world "),
                Inline::Break,
                Inline::text(" next"),
            ],
            18.0,
        );
        assert_eq!(p.text, "Hello world\nnext");
    }

    #[test]
    fn lines_fit_and_keep_runs_stay_whole() {
        let p = para(
            &[
                Inline::text("Please ring us on "),
                Inline::Keep("01622 677055".into()),
                Inline::text(" or write to us at County Hall, Maidstone "),
                Inline::Keep("ME15 9BZ".into()),
                Inline::text(" or e-mail dataprotection@example.gov.uk today."),
            ],
            18.0,
        );
        for max in [120.0, 150.0, 200.0, 260.0, 453.0] {
            let lines = p.break_lines(max);
            for l in &lines {
                assert!(l.width <= max + 0.01, "{l:?} wider than {max}");
                let t = &p.text[l.range.clone()];
                assert!(!t.starts_with(' ') && !t.ends_with(' '));
            }
            let texts: Vec<&str> = lines.iter().map(|l| &p.text[l.range.clone()]).collect();
            assert!(
                texts.iter().any(|t| t.contains("01622 677055")),
                "{texts:?}"
            );
            assert!(texts.iter().any(|t| t.contains("ME15 9BZ")), "{texts:?}");
            let email = "dataprotection@example.gov.uk";
            let start = p.text.find(email).unwrap();
            if p.width(start..start + email.len()) <= max {
                assert!(texts.iter().any(|t| t.contains(email)), "{texts:?}");
            }
            if max >= 260.0 {
                assert_eq!(words(&texts.join(" ")), words(&p.text));
            }
            assert_eq!(texts.concat().replace(' ', ""), p.text.replace(' ', ""));
        }
    }

    #[test]
    fn urls_are_not_broken_unless_too_wide() {
        let url = "https://www.example.gov.uk/privacy/notice";
        let p = para(&[Inline::text(format!("See {url} for more."))], 18.0);
        let lines = p.break_lines(400.0);
        let texts: Vec<&str> = lines.iter().map(|l| &p.text[l.range.clone()]).collect();
        assert!(texts.iter().any(|t| t.contains(url)), "{texts:?}");

        let long = "https://www.example.gov.uk/a/very/long/path/that/cannot/possibly/fit/on/one/line/at/eighteen/points";
        let p = para(&[Inline::text(format!("See {long} now"))], 18.0);
        let lines = p.break_lines(300.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.width <= 300.01, "{l:?}");
        }
        let joined: String = lines.iter().map(|l| &p.text[l.range.clone()]).collect();
        assert_eq!(joined.replace(' ', ""), format!("See{long}now"));
    }

    #[test]
    fn no_break_after_a_hard_hyphen_or_dash() {
        for compound in ["data-sharing", "9am\u{2013}5pm", "cross\u{2010}border"] {
            let text = format!("We take part in regular {compound} arrangements");
            let p = para(&[Inline::text(text.clone())], 18.0);
            let start = text.find(compound).unwrap();
            let first_part = start + compound.find(['-', '\u{2010}', '\u{2013}']).unwrap() + 3;
            // Every width where the first part of the compound would still fit on the
            // line but the whole compound would not.
            let lo = p.width(0..first_part);
            let hi = p.width(0..start + compound.len());
            let mut max = lo + 0.5;
            while max < hi {
                let lines = p.break_lines(max);
                let texts: Vec<&str> = lines.iter().map(|l| &p.text[l.range.clone()]).collect();
                assert!(
                    texts.iter().any(|t| t.contains(compound)),
                    "{compound} split at {max}: {texts:?}"
                );
                max += 2.0;
            }
        }
        // A spaced dash is punctuation: the line may break after it.
        let p = para(&[Inline::text("one two \u{2013} three")], 18.0);
        let max = p.width(0.."one two \u{2013}".len()) + 1.0;
        let lines = p.break_lines(max);
        assert_eq!(&p.text[lines[0].range.clone()], "one two \u{2013}");
        // A compound wider than the line is still split, at its hyphen.
        let p = para(&[Inline::text("information-sharing")], 18.0);
        let lines = p.break_lines(p.width(0.."information-".len()) + 1.0);
        let texts: Vec<&str> = lines.iter().map(|l| &p.text[l.range.clone()]).collect();
        assert_eq!(texts, vec!["information-", "sharing"]);
    }

    #[test]
    fn a_long_address_breaks_before_a_hyphen_not_after_it() {
        let url = "https://www.example.org/your-information/general-correspondence-and-handling-complaints";
        let p = para(&[Inline::Keep(url.into())], 18.0);
        let lines = p.break_lines(p.width(0.."https://www.example.org/your-infor".len()));
        let texts: Vec<&str> = lines.iter().map(|l| &p.text[l.range.clone()]).collect();
        assert!(texts.len() > 1, "{texts:?}");
        assert_eq!(texts.concat(), url, "nothing lost or added");
        for t in &texts[..texts.len() - 1] {
            assert!(!t.ends_with('-'), "a line ends at a hyphen: {texts:?}");
        }
    }

    #[test]
    fn hard_breaks_end_lines() {
        let p = para(
            &[
                Inline::text("County Hall"),
                Inline::Break,
                Inline::text("Maidstone"),
                Inline::Break,
                Inline::Keep("ME15 9BZ".into()),
            ],
            18.0,
        );
        let lines = p.break_lines(453.0);
        let texts: Vec<&str> = lines.iter().map(|l| &p.text[l.range.clone()]).collect();
        assert_eq!(texts, vec!["County Hall", "Maidstone", "ME15 9BZ"]);
    }

    #[test]
    fn widths_are_measured_with_the_font() {
        let p = para(&[Inline::text("iiii WWWW")], 18.0);
        let narrow = p.width(0..4);
        let wide = p.width(5..9);
        assert!(narrow > 0.0 && wide > 2.0 * narrow, "{narrow} {wide}");
    }

    fn word() -> impl Strategy<Value = (String, bool)> {
        (
            prop_oneof![
                "[a-zA-Z]{1,12}",
                "[a-z]{20,40}",
                Just("ŵ ŷ".to_string()),
                Just("Ō".to_string()),
                Just("01622 677055".to_string()),
                Just("https://example.org/a/b".to_string()),
            ],
            any::<bool>(),
        )
    }

    proptest! {
        #[test]
        fn breaking_preserves_words_and_fits(
            ws in proptest::collection::vec(word(), 1..60),
            max in 60.0f32..460.0,
            size in prop_oneof![Just(18.0f32), Just(20.0), Just(24.0)],
        ) {
            let mut inlines = Vec::new();
            for (i, (w, keep)) in ws.iter().enumerate() {
                if i > 0 {
                    inlines.push(Inline::text(" "));
                }
                if *keep {
                    inlines.push(Inline::Keep(w.clone()));
                } else {
                    inlines.push(Inline::text(w.clone()));
                }
            }
            let p = para(&inlines, size);
            let lines = p.break_lines(max);
            // Words in order: the lines, joined, are the text without the break spaces.
            let joined: String = lines.iter().map(|l| &p.text[l.range.clone()]).collect::<Vec<_>>().join(" ");
            prop_assert_eq!(joined.replace(' ', ""), p.text.replace(' ', ""));
            // Ranges are in order and do not overlap.
            for pair in lines.windows(2) {
                prop_assert!(pair[0].range.end <= pair[1].range.start);
            }
            for l in &lines {
                let t = &p.text[l.range.clone()];
                // A line is only too wide if it holds a single character.
                prop_assert!(l.width <= max + 0.01 || t.chars().count() == 1, "{:?} {} > {}", t, l.width, max);
            }
            // Keep runs that fit on a line are never split.
            for ((w, keep), _) in ws.iter().zip(0..) {
                // (A run measured alone can differ from the same run in its line by a
                // fraction of a point of shaping; runs within a point of the measure are
                // left out of this check.)
                if *keep && p.width_of_str(w, size) <= max - 1.0 {
                    prop_assert!(lines.iter().any(|l| p.text[l.range.clone()].contains(w.as_str())), "{:?} split", w);
                }
            }
        }
    }

    impl Para {
        fn width_of_str(&self, s: &str, size: f32) -> f32 {
            let mut b = ParaBuilder::new();
            b.push(s, false, None, false);
            let mut missing = Vec::new();
            b.finish(size, &mut missing).width(0..s.len())
        }
    }
}
