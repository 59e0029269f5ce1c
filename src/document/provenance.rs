//! Who wrote each part of the body: the office, or `notice`'s own wording.
//!
//! The templates mix the two in one Markdown text: `{{ controller.name }} is the controller
//! of your personal information` is the office's name in a sentence `notice` writes. To
//! keep that knowledge through the Markdown reader, the view wraps every value the office
//! wrote in two marker characters from Unicode's private use area ([`office`]); everything
//! outside them is the templates' wording. [`strip`] takes the markers out again before the
//! Markdown is read (so they can never change how it is read) and returns where the
//! generated wording is, as byte ranges of the clean text; the reader looks up each piece
//! of text it meets there ([`Provenance::split`]).
//!
//! The templates are marked the same way (`templates::environment`): a template the office
//! put in place of a built-in one (`--templates DIR`) is the office's words, with its values;
//! a built-in template is `notice`'s, even when an office template includes it. Marks nest,
//! and the innermost decides. (A macro's words are those of the template that calls it.)
//!
//! The markers are taken out of everything the office wrote before it is wrapped
//! ([`clean`]), so a notice cannot forge them; a marker without its partner is ignored.

use std::ops::Range;

use crate::templates::{OFFICE_MARKS, WORDING_MARKS};

/// Opens a value the office wrote.
const OFFICE_OPEN: char = OFFICE_MARKS[0];
/// Closes a value the office wrote.
const OFFICE_CLOSE: char = OFFICE_MARKS[1];
/// Opens `notice`'s own wording (a built-in template).
const WORDING_OPEN: char = WORDING_MARKS[0];
/// Closes `notice`'s own wording.
const WORDING_CLOSE: char = WORDING_MARKS[1];

fn is_marker(c: char) -> bool {
    OFFICE_MARKS.contains(&c) || WORDING_MARKS.contains(&c)
}

/// Text without marker characters: what a value the office wrote holds before it is
/// wrapped, and what a template's test of a value's length counts.
pub fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(is_marker) {
        s.chars()
            .filter(|&c| !is_marker(c))
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

/// A value the office wrote, marked as theirs. Empty stays empty, so a template's
/// `{% if value %}` reads the same.
pub fn office(s: String) -> String {
    if s.is_empty() {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 6);
    out.push(OFFICE_OPEN);
    out.push_str(&clean(&s));
    out.push(OFFICE_CLOSE);
    out
}

/// Where `notice`'s own wording is in a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Provenance {
    /// Byte ranges of the office's text, in order, not overlapping. Everything else is
    /// generated.
    office: Vec<Range<usize>>,
}

impl Provenance {
    /// Splits `range` of the clean text into pieces, each with whether it is generated.
    /// Pieces are in order, non-empty and cover the range.
    pub fn split(&self, range: Range<usize>) -> Vec<(Range<usize>, bool)> {
        let mut out = Vec::new();
        let mut at = range.start;
        // The office ranges are in order: start at the first that ends after `at` (a
        // large notice has thousands, and the reader asks once per piece of text).
        let first = self.office.partition_point(|o| o.end <= at);
        for o in &self.office[first..] {
            if o.end <= at {
                continue;
            }
            if o.start >= range.end {
                break;
            }
            if o.start > at {
                out.push((at..o.start, true));
            }
            let end = o.end.min(range.end);
            out.push((at.max(o.start)..end, false));
            at = end;
        }
        if at < range.end {
            out.push((at..range.end, true));
        }
        out
    }

    /// Whether the byte at `at` is generated wording.
    pub fn generated_at(&self, at: usize) -> bool {
        let i = self.office.partition_point(|o| o.end <= at);
        !self.office.get(i).is_some_and(|o| o.contains(&at))
    }
}

/// The text without markers, and where its generated wording is. Outside every mark the
/// text is generated; inside, the innermost mark decides. A close that does not match the
/// innermost open is ignored, and a mark left open runs to the end.
pub fn strip(marked: &str) -> (String, Provenance) {
    let mut out = String::with_capacity(marked.len());
    let mut office = Vec::new();
    // The open marks, innermost last: `true` for the office's.
    let mut stack: Vec<bool> = Vec::new();
    let mut start = 0;
    let is_office = |stack: &[bool]| stack.last().copied().unwrap_or(false);
    for c in marked.chars() {
        let was = is_office(&stack);
        match c {
            OFFICE_OPEN => stack.push(true),
            WORDING_OPEN => stack.push(false),
            OFFICE_CLOSE if stack.last() == Some(&true) => {
                stack.pop();
            }
            WORDING_CLOSE if stack.last() == Some(&false) => {
                stack.pop();
            }
            c if is_marker(c) => {}
            c => {
                out.push(c);
                continue;
            }
        }
        let now = is_office(&stack);
        if !was && now {
            start = out.len();
        } else if was && !now && out.len() > start {
            office.push(start..out.len());
        }
    }
    if is_office(&stack) && out.len() > start {
        office.push(start..out.len());
    }
    // Office runs next to each other (two values with nothing between) are one.
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(office.len());
    for r in office {
        match merged.last_mut() {
            Some(last) if last.end == r.start => last.end = r.end,
            _ => merged.push(r),
        }
    }
    (out, Provenance { office: merged })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::mark_source;

    #[test]
    fn strip_finds_the_office_text_and_split_cuts_at_its_edges() {
        let marked = format!("{} is the controller", office("Swyddfa".into()));
        let (clean_text, p) = strip(&marked);
        assert_eq!(clean_text, "Swyddfa is the controller");
        assert_eq!(
            p.split(0..clean_text.len()),
            vec![(0..7, false), (7..clean_text.len(), true)]
        );
        assert!(p.generated_at(8) && !p.generated_at(0));
        assert_eq!(p.split(2..5), vec![(2..5, false)]);
    }

    #[test]
    fn forged_or_unmatched_markers_are_harmless() {
        // The office cannot put markers of its own in: they are cleaned out first.
        let forged = office("a\u{E001}b\u{E000}c".into());
        let (t, p) = strip(&format!("x{forged}y"));
        assert_eq!(t, "xabcy");
        assert_eq!(
            p.split(0..5),
            vec![(0..1, true), (1..4, false), (4..5, true)]
        );
        // A stray close is ignored; an unclosed open runs to the end.
        let (t, p) = strip("a\u{E001}b\u{E000}c");
        assert_eq!(t, "abc");
        assert_eq!(p.split(0..3), vec![(0..2, true), (2..3, false)]);
        assert_eq!(office(String::new()), "");
    }

    #[test]
    fn marks_nest_and_the_innermost_decides() {
        // An office template that includes a built-in one, which shows an office value, as
        // rendered: each template's output inside its marks, the value inside its own.
        let inner = format!(
            "{WORDING_OPEN}We hold {}.{WORDING_CLOSE}",
            office("enw".into())
        );
        let marked = format!("{OFFICE_OPEN}Ein geiriau. {inner} Diwedd.{OFFICE_CLOSE}");
        // A template's source cannot forge marks: they are dropped before it is marked.
        assert_eq!(mark_source("a\u{E003}b", true), "\u{E000}ab\u{E001}");
        let (t, p) = strip(&marked);
        assert_eq!(t, "Ein geiriau. We hold enw. Diwedd.");
        let pieces: Vec<(&str, bool)> = p
            .split(0..t.len())
            .into_iter()
            .map(|(r, g)| (&t[r], g))
            .collect();
        assert_eq!(
            pieces,
            vec![
                ("Ein geiriau. ", false),
                ("We hold ", true),
                ("enw", false),
                (".", true),
                (" Diwedd.", false),
            ]
        );
    }
}
