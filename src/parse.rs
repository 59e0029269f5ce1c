//! YAML text into the input mirror ([`NoticeFile`]), or located diagnostics.
//!
//! Parsing is strict and bounded. Unknown keys, wrong types, duplicate keys, unknown tags
//! and YAML syntax errors all become diagnostics with a line, a column, the field path and,
//! where a name was misspelt, a "did you mean" suggestion. Alias bombs, deep nesting and huge
//! scalars are refused by serde-saphyr's budget before they cost time or memory.

use std::cell::RefCell;

use crate::diag::Diagnostic;
use crate::model::schema::NoticeFile;
use crate::rules::registry;
use crate::source::{SourceFile, Span};

/// Nesting deeper than this is not a notice (the format needs about eight levels).
const MAX_DEPTH: usize = 48;

/// Parse a notice file into the input mirror.
pub fn parse(src: &SourceFile) -> Result<NoticeFile, Vec<Diagnostic>> {
    if src.text.trim().is_empty() {
        return Err(vec![registry::EMPTY_FILE.diag(
            Span::UNKNOWN,
            "",
            format!("`{}` is empty", src.path.display()),
            Some("start from `notice init`, which writes a complete starter notice"),
        )]);
    }
    if src.text.contains('\0') {
        let at = src.text.find('\0').unwrap_or(0);
        let line = src.text[..at].matches('\n').count() + 1;
        return Err(vec![registry::YAML_SYNTAX.diag(
            src.span_at(line, 1),
            "",
            "the file contains a NUL byte: it is binary, not YAML text".to_owned(),
            None::<String>,
        )]);
    }

    let mut options = serde_saphyr::Options::default();
    options.budget = serde_saphyr::budget! {
        max_depth: MAX_DEPTH,
        max_nodes: 200_000,
        max_events: 400_000,
        max_aliases: 1_000,
        max_anchors: 1_000,
        max_total_scalar_bytes: 8 * 1024 * 1024,
    };
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    options.reject_unsupported_tags = true;
    options.with_snippet = false;

    let path = RefCell::new(String::new());
    let result = serde_saphyr::with_deserializer_from_str_with_options(&src.text, options, |de| {
        serde_path_to_error::deserialize::<_, NoticeFile>(de).map_err(|e| {
            *path.borrow_mut() = e.path().to_string();
            e.into_inner()
        })
    });
    result.map_err(|e| vec![convert_error(src, &e, &path.into_inner())])
}

/// Every `TODO` placeholder left in the file's values (comments are ignored).
pub fn placeholders(src: &SourceFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in src.text.split_inclusive('\n') {
        let content = strip_comment(line);
        let lower = content.to_ascii_lowercase();
        let mut from = 0;
        while let Some(i) = lower[from..].find("todo") {
            let at = from + i;
            let before_ok = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = lower[at + 4..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                let span = src.span_of(offset + at, offset + at + 4);
                let value = content[at..]
                    .trim_end()
                    .trim_end_matches(['"', '\'', ',', ']']);
                out.push(registry::PLACEHOLDER.diag(
                    span,
                    "",
                    format!("placeholder left in: `{value}`"),
                    Some("replace it with your office's facts, or remove the key if it does not apply"),
                ));
                break;
            }
            from = at + 4;
        }
        offset += line.len();
    }
    out
}

/// A line without its YAML comment (a `#` at the start or after a space, outside quotes).
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && prev.is_whitespace() => return &line[..i],
            None => {}
        }
        prev = c;
    }
    line
}

/// Turn a serde-saphyr error into a located diagnostic.
fn convert_error(src: &SourceFile, err: &serde_saphyr::Error, path: &str) -> Diagnostic {
    use serde_saphyr::Error as E;
    let err = err.without_snippet();
    let span = err
        .location()
        .filter(|l| l.line() > 0)
        .map_or(Span::UNKNOWN, |l| {
            src.span_at(l.line() as usize, l.column() as usize)
        });
    let path = tidy_path(path);
    match err {
        E::SerdeUnknownField {
            field, expected, ..
        } => {
            let mut span = span;
            if src.text[span.start..].starts_with(field.as_str()) {
                span.end = span.start + field.len();
            }
            let help = match suggest(field, expected) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the keys allowed here are {}", list(expected)),
            };
            let parent = parent_path(&path);
            let place = if parent.is_empty() {
                "at the top level".to_owned()
            } else {
                format!("in `{parent}`")
            };
            registry::UNKNOWN_KEY.diag(
                span,
                &path,
                format!("unknown key `{field}` {place}"),
                Some(help),
            )
        }
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let help = match suggest(variant, expected) {
                Some(s) => format!("did you mean `{s}`? the allowed values are {}", list(expected)),
                None => format!("the allowed values are {}", list(expected)),
            };
            registry::INVALID_VALUE.diag(
                span,
                &path,
                format!("`{variant}` is not an allowed value for `{path}`"),
                Some(help),
            )
        }
        E::SerdeMissingField { field, .. } => {
            let full = if path.is_empty() {
                (*field).to_owned()
            } else {
                format!("{path}.{field}")
            };
            registry::MISSING_FIELD.diag(
                span,
                &full,
                format!("`{full}` is required here but missing"),
                Some(format!("add `{field}:` with a value")),
            )
        }
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => registry::WRONG_TYPE.diag(
            span,
            &path,
            format!(
                "`{}` should be {}, not {}",
                display_path(&path),
                plain_expected(expected),
                unexpected
            ),
            None::<String>,
        ),
        E::NullIntoString { .. } => registry::WRONG_TYPE.diag(
            span,
            &path,
            format!("`{}` is empty", display_path(&path)),
            Some("write a value after the colon, or remove the key"),
        ),
        E::DuplicateMappingKey { .. } => registry::DUPLICATE_KEY.diag(
            span,
            &path,
            format!("a key is written twice in `{}`", display_path(&parent_path(&path))),
            Some("keep one of them: YAML would otherwise silently use only one"),
        ),
        E::Budget { .. } => registry::INPUT_LIMIT.diag(
            span,
            &path,
            "the file is too large or too deeply nested to be a notice (limits: nesting 48 levels, 200,000 values, 1,000 aliases, 8 MB of text)".to_owned(),
            Some("check the file is the notice you meant; aliases (`*name`) that expand repeatedly are refused"),
        ),
        E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => registry::INPUT_LIMIT.diag(
            span,
            &path,
            "YAML aliases expand to too much data".to_owned(),
            Some("write the values out instead of repeating `*alias` references"),
        ),
        E::UnsupportedTag { .. } => registry::YAML_SYNTAX.diag(
            span,
            &path,
            "YAML tags (`!name`) are not used in notices".to_owned(),
            Some("remove the tag; write the value plainly"),
        ),
        E::MultipleDocuments { .. } => registry::YAML_SYNTAX.diag(
            span,
            &path,
            "the file holds more than one YAML document (`---`)".to_owned(),
            Some("keep one notice per file"),
        ),
        other => {
            let mut message = other.to_string();
            if let Some(stripped) = message.split(" at line ").next() {
                message = stripped.to_owned();
            }
            let message = lower_first(message.trim_end_matches('.'));
            registry::YAML_SYNTAX.diag(
                span,
                &path,
                format!("the YAML cannot be read: {message}"),
                Some("check indentation (spaces, not tabs) and that every `key:` has a value"),
            )
        }
    }
}

/// serde_path_to_error writes `?` for unknown positions and `.` at the root.
fn tidy_path(path: &str) -> String {
    // Every `Sp<T>` wrapper adds a `.value` step; a real key named `value` inside one shows
    // as `.value.value`.
    let p = path
        .replace(".value.value", "\u{0}")
        .replace(".value", "")
        .replace('\u{0}', ".value");
    let p = p.trim_start_matches('.');
    if p == "?" {
        String::new()
    } else {
        p.to_owned()
    }
}

fn parent_path(path: &str) -> String {
    match path.rfind(['.', '[']) {
        Some(i) => path[..i].to_owned(),
        None => String::new(),
    }
}

fn display_path(path: &str) -> &str {
    if path.is_empty() { "the notice" } else { path }
}

/// Serde's "expected" strings are written for programmers; say them plainly.
fn plain_expected(expected: &str) -> String {
    let e = expected.trim();
    if e.starts_with("struct ") || e.contains("map") {
        "a block of `key: value` lines".to_owned()
    } else if e.contains("sequence") {
        "a list (lines starting with `- `)".to_owned()
    } else if e.contains("bool") {
        "`true` or `false`".to_owned()
    } else if e.contains("string") {
        "text".to_owned()
    } else {
        e.to_owned()
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The closest allowed name to a misspelt one, if any is close enough to be a likely typo.
pub fn suggest<'a>(wrong: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let wrong_l = wrong.to_lowercase().replace('-', "_");
    allowed
        .iter()
        .map(|a| (edit_distance(&wrong_l, a), *a))
        .filter(|(d, a)| {
            *d <= (a.chars().count().max(3) / 3).max(1)
                || a.contains(&wrong_l) && wrong_l.len() >= 4
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let allowed = ["lawful_basis", "legislation", "name"];
        assert_eq!(suggest("lawfull_basis", &allowed), Some("lawful_basis"));
        assert_eq!(suggest("lawful-basis", &allowed), Some("lawful_basis"));
        assert_eq!(suggest("colour", &allowed), None);
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
