//! Nothing the office wrote is dropped: every text value of a notice (each Prose and Label
//! field, found with [`model::walk`](crate::model::walk)) appears in the document, or the
//! build says why it was left out, at the value's place in the file.

use super::{Document, markdown};
use crate::diag::Diagnostic;
use crate::model::Notice;
use crate::model::rights;
use crate::model::walk::{self, Class, Leaf, Step};
use crate::registry::TEXT_LEFT_OUT;

/// One value the document does not print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// Its path, e.g. `purposes[2].withdraw_consent`.
    pub path: String,
    /// Where it is in the file.
    pub span: crate::source::Span,
    /// Why it is not printed, in plain English.
    pub reason: String,
}

/// Lower-case runs of letters and digits.
fn words_in(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.is_ascii() {
                w.to_ascii_lowercase()
            } else {
                w.to_lowercase()
            }
        })
        .collect()
}

/// Every word the document says, in order.
fn words(doc: &Document) -> Vec<String> {
    let mut text = format!("{} {} ", doc.title, doc.organisation);
    for line in &doc.front_matter {
        text.push_str(&super::plain(line));
        text.push(' ');
    }
    for (_, s) in doc.walk_sections() {
        text.push_str(&s.heading);
        text.push(' ');
        for b in &s.blocks {
            text.push_str(&super::review::block_text(b));
            text.push(' ');
        }
    }
    words_in(&text)
}

/// The document's words, with where each word stands, so a value's words are compared
/// only where its first word is (comparing at every word of the document was most of the
/// cost of this check). Keyed with the Fx hash: the words are the notice's own.
struct Said<'a> {
    words: &'a [String],
    at: rustc_hash::FxHashMap<&'a str, Vec<usize>>,
}

impl<'a> Said<'a> {
    fn new(words: &'a [String]) -> Self {
        let mut at: rustc_hash::FxHashMap<&'a str, Vec<usize>> = Default::default();
        for (i, w) in words.iter().enumerate() {
            at.entry(w.as_str()).or_default().push(i);
        }
        Self { words, at }
    }

    /// Whether `needle` is a run of consecutive words of the document.
    fn contains(&self, needle: &[String]) -> bool {
        let Some(first) = needle.first() else {
            return false;
        };
        self.at.get(first.as_str()).is_some_and(|starts| {
            starts
                .iter()
                .any(|&i| self.words.get(i..i + needle.len()) == Some(needle))
        })
    }
}

/// The words a value says when printed: office Markdown read as the document reads it.
fn value_words(class: Class, text: &str) -> Vec<String> {
    if class == Class::Prose && !plain_as_markdown(text) {
        let mut s = String::new();
        for b in markdown::to_blocks(text) {
            s.push_str(&super::review::block_text(&b));
            s.push(' ');
        }
        words_in(&s)
    } else {
        words_in(text)
    }
}

/// Whether reading `text` as Markdown cannot change its words (runs of letters and
/// digits), so the Markdown reader can be skipped. Markdown drops words only in links and
/// images (`[`), HTML and autolinks (`<`), entities (`&amp;`) and ordered-list numbers (a
/// line starting with digits and `.` or `)`), and the document words a table (`|`) as a
/// table; everything else it removes is punctuation, which is not a word. A test holds this to the Markdown reader on every prose value of
/// the examples and on awkward text.
fn plain_as_markdown(text: &str) -> bool {
    !text.contains(['[', '<', '&', '|'])
        && text.lines().all(|line| {
            let rest = line
                .trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit());
            rest.len() == line.trim_start().len() || !rest.starts_with(['.', ')'])
        })
}

/// Every text value of the notice that the document does not print, with the reason.
pub fn left_out(n: &Notice, doc: &Document) -> Vec<LeftOut> {
    let said = words(doc);
    let all = Said::new(&said);
    let mut out = Vec::new();
    walk::walk(&n.file, &mut |path, class, leaf| {
        let Leaf::Text(t) = leaf else { return };
        if !class.is_text() {
            return;
        }
        let w = value_words(class, &t.value);
        if w.is_empty() || all.contains(&w) {
            return;
        }
        out.push(LeftOut {
            path: walk::path_string(path),
            span: t.span,
            reason: reason(n, path),
        });
    });
    out
}

/// Why a value is not printed.
fn reason(n: &Notice, path: &[Step<'_>]) -> String {
    let field = |i: usize| match path.get(i) {
        Some(Step::Field(f)) => *f,
        _ => "",
    };
    if field(0) == "purposes"
        && field(2) == "withdraw_consent"
        && let Some(Step::Item(i, _)) = path.get(1)
        && let Some(p) = n.purposes().get(*i)
        && !rights::relies_on_consent(p)
    {
        return "the purpose does not rely on consent, so the notice has no passage on withdrawing consent for it".into();
    }
    "the notice's templates do not print this field".into()
}

/// The values left out, as located warnings for `notice build`.
pub fn diagnostics(n: &Notice, doc: &Document) -> Vec<Diagnostic> {
    left_out(n, doc)
        .into_iter()
        .map(|l| {
            TEXT_LEFT_OUT.diag(
                l.span,
                &l.path,
                format!("`{}` is not printed: {}", l.path, l.reason),
                Some("remove the value if it is not needed, or move the words to a field the notice prints"),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::CheckOptions;
    use crate::source::SourceFile;

    fn through_markdown(text: &str) -> Vec<String> {
        let mut s = String::new();
        for b in markdown::to_blocks(text) {
            s.push_str(&crate::document::review::block_text(&b));
            s.push(' ');
        }
        words_in(&s)
    }

    /// Every prose value of the examples and of the test corpus.
    fn prose_values() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut sources: Vec<SourceFile> = crate::synth::SEEDS
            .iter()
            .map(|(name, yaml)| SourceFile::from_text(*name, *yaml))
            .collect();
        for entry in std::fs::read_dir(dir.join("tests/corpus")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                sources.push(SourceFile::read(&path).unwrap());
            }
        }
        let opts = CheckOptions {
            as_of: crate::model::Date::parse("2026-06-19").unwrap(),
        };
        let mut values = Vec::new();
        for src in &sources {
            let Some(n) = crate::check(src, &opts).notice else {
                continue;
            };
            walk::walk(&n.file, &mut |_, class, leaf| {
                if let (Class::Prose, Leaf::Text(t)) = (class, leaf) {
                    values.push(t.value.clone());
                }
            });
        }
        values
    }

    #[test]
    fn skipping_markdown_never_changes_a_values_words() {
        let mut texts = prose_values();
        assert!(texts.len() > 500, "only {} prose values", texts.len());
        let mut skipped = 0;
        for awkward in [
            "a *b* _c_ `d` # e > f - g ~~h~~ \\*i\\*",
            "Title\n===\n\nand more\n---",
            "| a | b |\n|---|---|\n| c | d |",
            "    indented code\n\n```\nfenced code\n```",
            "Line one  \nline two\\\nline three",
            "- one\n- two\n  - three\n* four\n+ five",
            "> quoted\n> > twice",
            "Call 0300 123 4567 (9am to 5pm), or write to PO Box 12.",
            "2018: the year the Act came in",
            "ÉCOLE, İstanbul, Straße, ŴŶ",
            "1. first\n2) second",
            "  10. indented number",
            "[a link](https://example.org) and <b>bold</b> &amp; more",
        ] {
            texts.push(awkward.to_owned());
        }
        for text in &texts {
            if plain_as_markdown(text) {
                skipped += 1;
                assert_eq!(words_in(text), through_markdown(text), "{text:?}");
            }
        }
        // The fast path is the common one, or it would not be worth having.
        assert!(skipped * 2 > texts.len(), "{skipped} of {}", texts.len());
        assert!(!plain_as_markdown("1. first\n2) second"));
        assert!(!plain_as_markdown("  10. indented number"));
        assert!(!plain_as_markdown("[a](https://example.org)"));
    }
}
