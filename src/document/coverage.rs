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
        .map(str::to_lowercase)
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
/// cost of this check).
struct Said {
    words: Vec<String>,
    at: std::collections::HashMap<String, Vec<usize>>,
}

impl Said {
    fn new(words: Vec<String>) -> Self {
        let mut at: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, w) in words.iter().enumerate() {
            at.entry(w.clone()).or_default().push(i);
        }
        Self { words, at }
    }

    /// Whether `needle` is a run of consecutive words of the document.
    fn contains(&self, needle: &[String]) -> bool {
        let Some(first) = needle.first() else {
            return false;
        };
        self.at.get(first).is_some_and(|starts| {
            starts
                .iter()
                .any(|&i| self.words.get(i..i + needle.len()) == Some(needle))
        })
    }
}

/// The words a value says when printed: office Markdown read as the document reads it.
fn value_words(class: Class, text: &str) -> Vec<String> {
    if class == Class::Prose {
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

/// Every text value of the notice that the document does not print, with the reason.
pub fn left_out(n: &Notice, doc: &Document) -> Vec<LeftOut> {
    let all = Said::new(words(doc));
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
