//! Checks on the file's text itself, before it is understood: keys left blank and `TODO`
//! placeholders.
//!
//! They read the source line by line rather than the parsed notice, because YAML reads a
//! blank value as "absent" (so the parsed notice cannot tell it was there), and because
//! they must still be reported when the notice cannot be understood at all: a starter file
//! full of placeholders is the normal state of a notice being written.

use crate::diag::Diagnostic;
use crate::registry;
use crate::source::{SourceFile, strip_comment};

/// Every text check over one source, unsorted.
pub fn check_source(src: &SourceFile) -> Vec<Diagnostic> {
    let mut out = placeholders(src);
    out.extend(empty_values(src));
    out
}

/// Every key written with no value (`email:` and nothing after it, or `~`, or `null`).
///
/// YAML reads such a key as "no value", which for an optional field is the same as leaving
/// the key out: the published notice would silently lose whatever was meant to be there (a
/// blank "Email:" line is a common copy-and-paste casualty). These are reported instead. A
/// key followed by an indented block, or by a list at its own indentation, has a value.
fn empty_values(src: &SourceFile) -> Vec<Diagnostic> {
    let lines: Vec<&str> = src.text.split('\n').collect();
    let mut out = Vec::new();
    let mut offset = 0;
    // The keys above the current line, with their indentation, for the field path.
    let mut parents: Vec<(usize, &str)> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let content = strip_comment(line).trim_end();
        let indent = content.len() - content.trim_start().len();
        let item = content.trim_start().starts_with("- ");
        let body = content.trim_start().trim_start_matches("- ");
        let key_indent = if item { indent + 2 } else { indent };
        let Some((key, value)) = body.split_once(':') else {
            offset += line.len() + 1;
            continue;
        };
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            offset += line.len() + 1;
            continue;
        }
        while parents.last().is_some_and(|(i, _)| *i >= key_indent) {
            parents.pop();
        }
        let path = parents
            .iter()
            .map(|(_, k)| *k)
            .chain([key])
            .collect::<Vec<_>>()
            .join(".");
        parents.push((key_indent, key));
        if matches!(value.trim(), "" | "~" | "null" | "Null" | "NULL") {
            // The next line that says something: a deeper block or a same-level list
            // gives this key its value.
            let next = lines[n + 1..]
                .iter()
                .map(|l| strip_comment(l).trim_end())
                .find(|l| !l.trim().is_empty());
            let has_block = value.trim().is_empty()
                && next.is_some_and(|l| {
                    let ind = l.len() - l.trim_start().len();
                    ind > indent || (ind == indent && l.trim_start().starts_with('-'))
                });
            if !has_block {
                let at = offset + line.find(key).unwrap_or(0);
                out.push(registry::EMPTY_VALUE.diag(
                    src.span_of(at, at + key.len()),
                    &path,
                    format!("`{path}` has no value"),
                    Some("write the value, or remove the key if there is nothing to say"),
                ));
            }
        }
        offset += line.len() + 1;
    }
    out
}

/// Every `TODO` placeholder left in the file's values (comments are ignored).
fn placeholders(src: &SourceFile) -> Vec<Diagnostic> {
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
