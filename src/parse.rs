//! YAML text into the input mirror ([`NoticeFile`]), or located diagnostics.
//!
//! Parsing is strict and bounded. Unknown keys, wrong types, duplicate keys, unknown tags
//! and YAML syntax errors all become diagnostics with a line, a column, the field path and,
//! where a name was misspelt, a "did you mean" suggestion. Alias bombs, deep nesting and huge
//! scalars are refused by serde-saphyr's budget before they cost time or memory.

use std::cell::RefCell;

use serde::de::DeserializeOwned;

use crate::diag::Diagnostic;
use crate::model::schema::NoticeFile;
use crate::registry;
use crate::source::{SourceFile, Span, strip_comment};
use crate::suggest::suggest;

/// Nesting deeper than this is not a notice (the format needs about eight levels).
const MAX_DEPTH: usize = 48;
/// More values (scalars, lists, blocks) than this is not a notice.
const MAX_NODES: usize = 200_000;
/// More aliases, or more anchors, than this is not a notice.
const MAX_ALIASES: usize = 1_000;

/// Parse a notice file into the input mirror.
pub fn parse(src: &SourceFile) -> Result<NoticeFile, Vec<Diagnostic>> {
    parse_as(src)
}

/// Parse a file into any strict mirror type (a notice, or a shared office file). Every
/// span parsed carries `src`'s [`FileId`](crate::source::FileId).
pub fn parse_as<T: DeserializeOwned>(src: &SourceFile) -> Result<T, Vec<Diagnostic>> {
    crate::source::parsing(src, || parse_inner(src))
}

fn parse_inner<T: DeserializeOwned>(src: &SourceFile) -> Result<T, Vec<Diagnostic>> {
    if !has_content(&src.text) {
        let what = if src.text.trim().is_empty() {
            "is empty"
        } else {
            "holds only comments, no notice"
        };
        return Err(vec![registry::EMPTY_FILE.diag(
            Span::UNKNOWN,
            "",
            format!("`{}` {what}", src.path.display()),
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
        max_nodes: MAX_NODES,
        max_events: 2 * MAX_NODES,
        max_aliases: MAX_ALIASES,
        max_anchors: MAX_ALIASES,
        max_total_scalar_bytes: 8 * 1024 * 1024,
    };
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    options.reject_unsupported_tags = true;
    // YAML 1.2 core: only `true` and `false` (also `True`, `TRUE`, `False`, `FALSE`) are
    // booleans. YAML 1.1's `yes`, `no`, `on`, `off`, `y` and `n` are refused for a yes/no
    // field, as the JSON Schema and YAML 1.2 editors refuse them.
    options.strict_booleans = true;
    options.with_snippet = false;

    // Tracking the field path of every node costs about a third of the parse, and the path
    // is only needed to report an error: parse without it, and parse again with it when
    // there is an error to report (the same input gives the same first error).
    let first = serde_saphyr::from_str_with_options::<T>(&src.text, options.clone());
    if let Ok(file) = first {
        return Ok(file);
    }
    // A file that is not well-formed YAML (an unclosed `[`) can fail first on a type (the
    // deserializer sees `[` where a block belongs); the syntax error is the real one.
    if let Err(e) =
        serde_saphyr::from_str_with_options::<serde::de::IgnoredAny>(&src.text, options.clone())
    {
        let d = convert_error(src, &e, "");
        if d.rule == registry::YAML_SYNTAX.id {
            return Err(vec![d]);
        }
    }
    let path = RefCell::new(String::new());
    let result = serde_saphyr::with_deserializer_from_str_with_options(&src.text, options, |de| {
        serde_path_to_error::deserialize::<_, T>(de).map_err(|e| {
            *path.borrow_mut() = e.path().to_string();
            e.into_inner()
        })
    });
    result.map_err(|e| vec![convert_error(src, &e, &path.into_inner())])
}

/// Turn a serde-saphyr error into a located diagnostic.
fn convert_error(src: &SourceFile, err: &serde_saphyr::Error, path: &str) -> Diagnostic {
    use serde_saphyr::Error as E;
    let outer = err.without_snippet();
    // An error met while replaying an alias is reported at the alias, but classified by
    // what went wrong inside it.
    let mut err = outer;
    while let E::AliasError { error, .. } = err {
        err = error.without_snippet();
    }
    let span = outer
        .location()
        .or_else(|| err.location())
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
            // serde notices a missing key at the end of its block; point at the block.
            let span = block_span(src, &path).unwrap_or(span);
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
        E::NullIntoString { .. } => registry::EMPTY_VALUE.diag(
            span,
            &path,
            format!("`{}` is empty", display_path(&path)),
            Some("write a value after the colon, or remove the key"),
        ),
        E::Unexpected { expected, .. } => registry::WRONG_TYPE.diag(
            span,
            &path,
            if path.is_empty() {
                format!(
                    "the file should be {} (`notice:`, `controller:` and so on)",
                    plain_expected(expected)
                )
            } else {
                format!("`{path}` should be {}", plain_expected(expected))
            },
            Some(if path.is_empty() {
                "write the notice as top-level keys at the left margin, starting with `notice:`".to_owned()
            } else {
                shape_help(expected)
            }),
        ),
        E::InvalidBooleanStrict { .. } => registry::WRONG_TYPE.diag(
            span,
            &path,
            format!("`{}` should be `true` or `false`", display_path(&path)),
            Some("write `true` or `false`: YAML 1.2, which editors and notice follow, reads `yes`, `no`, `on` and `off` as text"),
        ),
        E::DuplicateMappingKey { key, .. } => registry::DUPLICATE_KEY.diag(
            span,
            &path,
            match key {
                Some(k) => format!("`{k}` is written twice in `{}`", display_path(&parent_path(&path))),
                None => format!("a key is written twice in `{}`", display_path(&parent_path(&path))),
            },
            Some("keep one of them: YAML would otherwise silently use only one"),
        ),
        E::Budget { breach, .. } => registry::INPUT_LIMIT.diag(
            span,
            &path,
            format!(
                "the file is too large or complex to be a notice: it {}",
                breach_text(breach)
            ),
            Some("check the file is the notice you meant; write repeated values out instead of using many `*alias` references"),
        ),
        E::ExternalMessage {
            source: src_err, ..
        } if matches!(
            &**src_err,
            serde_saphyr::ExternalMessageSource::Parser(e)
                if matches!(e.kind(), serde_saphyr::granit_parser::ErrorKind::RecursionLimitExceeded)
        ) => registry::INPUT_LIMIT.diag(
            span,
            &path,
            format!("the file is too large or complex to be a notice: it {}", breach_text(&serde_saphyr::budget::BudgetBreach::Depth { depth: MAX_DEPTH + 1 })),
            Some("check the file is the notice you meant: a notice needs about eight levels"),
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
            use serde_saphyr::MessageFormatter;
            let message = serde_saphyr::UserMessageFormatter.format_message(other);
            let message = lower_first(message.trim().trim_end_matches('.'));
            registry::YAML_SYNTAX.diag(
                span,
                &path,
                format!("the YAML cannot be read: {message}"),
                Some("check indentation (spaces, not tabs) and that every `key:` has a value"),
            )
        }
    }
}

/// One step of a field path: a key, or a list position.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `purposes[2].lawful_basis` as steps.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while !rest.is_empty() {
            let (n, after) = rest.split_once(']')?;
            out.push(Step::Index(n.parse().ok()?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    Some(out)
}

/// One line of block-style YAML, as far as finding a block needs.
struct Line {
    /// Byte offset of the line in the file.
    offset: usize,
    /// Columns before the content.
    indent: usize,
    /// The content, without indentation or comment; empty for blank and comment lines.
    content: String,
}

impl Line {
    fn is_item(&self) -> bool {
        self.content == "-" || self.content.starts_with("- ")
    }

    /// The key this line starts with at indentation `indent` (a key after a list dash sits
    /// two columns right of the dash), with its byte offset in the file.
    fn key_at(&self, indent: usize) -> Option<(&str, usize)> {
        let (body, at) = if self.indent == indent {
            (self.content.as_str(), self.indent)
        } else if self.is_item() && self.indent + 2 == indent {
            (&self.content[2..], self.indent + 2)
        } else {
            return None;
        };
        let key = body.split_once(':')?.0;
        (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .then_some((key, self.offset + at))
    }
}

/// Where the block at `path` starts, in block-style YAML: its key, or the dash of its list
/// item. `None` when the path cannot be followed (flow style, tabs), so the caller keeps
/// the place serde gave.
fn block_span(src: &SourceFile, path: &str) -> Option<Span> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in src.text.split_inclusive('\n') {
        let content = strip_comment(raw.trim_end_matches(['\n', '\r'])).trim_end();
        let trimmed = content.trim_start_matches(' ');
        lines.push(Line {
            offset,
            indent: content.len() - trimmed.len(),
            content: trimmed.to_owned(),
        });
        offset += raw.len();
    }
    let lines: Vec<&Line> = lines.iter().filter(|l| !l.content.is_empty()).collect();
    // The block being searched: lines[from..to], its keys at `indent`.
    let (mut from, mut to) = (0, lines.len());
    let mut indent = lines.first()?.indent;
    let mut found: Option<(usize, usize)> = None;
    for step in steps(path)? {
        match step {
            Step::Key(key) => {
                let at = (from..to).find_map(|i| {
                    let (k, at) = lines[i].key_at(indent)?;
                    (k == key).then_some((i, at))
                })?;
                found = Some((at.1, key.len()));
                // The value: the lines after the key, deeper than it or a list at its level.
                let i = at.0;
                let end = (i + 1..to)
                    .find(|&j| {
                        lines[j].indent < indent
                            || (lines[j].indent == indent && !lines[j].is_item())
                            || (lines[j].indent + 2 == indent && lines[j].is_item())
                    })
                    .unwrap_or(to);
                from = i + 1;
                to = end;
                indent = lines.get(from).filter(|_| from < to)?.indent;
            }
            Step::Index(n) => {
                let items: Vec<usize> = (from..to)
                    .filter(|&j| lines[j].indent == indent && lines[j].is_item())
                    .collect();
                let i = *items.get(n)?;
                let end = items.get(n + 1).copied().unwrap_or(to);
                found = Some((lines[i].offset + lines[i].indent, 1));
                from = i;
                to = end;
                indent += 2;
            }
        }
    }
    let (start, len) = found?;
    Some(src.span_of(start, start + len))
}

/// What a breached budget means, for the message.
fn breach_text(breach: &serde_saphyr::budget::BudgetBreach) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Depth { .. } => format!("nests more than {MAX_DEPTH} levels deep"),
        B::Nodes { .. } => format!("holds more than {} values", thousands(MAX_NODES)),
        B::Events { .. } => "is longer than any notice".to_owned(),
        B::Aliases { .. } => format!(
            "uses more than {} aliases (`*name`)",
            thousands(MAX_ALIASES)
        ),
        B::Anchors { .. } => format!(
            "defines more than {} anchors (`&name`)",
            thousands(MAX_ALIASES)
        ),
        B::ScalarBytes { .. } => {
            "holds more than 8 MB of text once aliases are expanded".to_owned()
        }
        B::AliasAnchorRatio { .. } => {
            "repeats aliases (`*name`) far more often than it defines anchors".to_owned()
        }
        _ => "breaks a size limit".to_owned(),
    }
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether the text holds anything but blank lines, comments and document markers.
fn has_content(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').lines().any(|line| {
        let t = line.trim();
        let t = match t.get(..3) {
            Some("---" | "...") if t[3..].is_empty() || t[3..].starts_with(char::is_whitespace) => {
                t[3..].trim_start()
            }
            _ => t,
        };
        !(t.is_empty() || t.starts_with('#'))
    })
}

/// How to write a value of the shape serde-saphyr expected.
fn shape_help(expected: &str) -> String {
    if expected.contains("sequence") {
        "write a list as `[a, b]` or as lines starting with `- `, even for one item".to_owned()
    } else if expected.contains("mapping") {
        "write a block of indented `key: value` lines under the key".to_owned()
    } else {
        "write the text on the same line as the key, or as a `|` block".to_owned()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_markers_are_not_content() {
        assert!(!has_content(""));
        assert!(!has_content(" \n\t\n"));
        assert!(!has_content("# a comment\n  # another\n"));
        assert!(!has_content("\u{feff}---\n# c\n...\n--- # c\n"));
        assert!(has_content("notice:\n"));
        assert!(has_content("--- notice: x\n"));
        assert!(has_content("---x\n"));
    }

    #[test]
    fn paths_become_steps() {
        assert_eq!(
            steps("purposes[2].lawful_basis"),
            Some(vec![
                Step::Key("purposes"),
                Step::Index(2),
                Step::Key("lawful_basis")
            ])
        );
        assert_eq!(
            steps("a[0][1]"),
            Some(vec![Step::Key("a"), Step::Index(0), Step::Index(1)])
        );
        assert_eq!(steps(""), Some(vec![]));
        assert_eq!(steps("a[x]"), None);
    }

    #[test]
    fn blocks_are_found_by_path() {
        let text = "notice:\n  title: T\ncontroller:\n  name: C\n  contact:\n    email: e\npurposes:\n- id: a\n  name: A\n- id: b\n  lawful_basis:\n    - consent\n# end\n";
        let src = SourceFile::from_text("n.yaml", text.to_owned());
        let at = |path: &str| {
            block_span(&src, path).map(|s| (s.line, s.column, src.text[s.start..s.end].to_owned()))
        };
        assert_eq!(at("controller"), Some((3, 1, "controller".to_owned())));
        assert_eq!(at("controller.contact"), Some((5, 3, "contact".to_owned())));
        assert_eq!(at("purposes[1]"), Some((10, 1, "-".to_owned())));
        assert_eq!(
            at("purposes[1].lawful_basis"),
            Some((11, 3, "lawful_basis".to_owned()))
        );
        assert_eq!(at("purposes[2]"), None);
        assert_eq!(at("dpo"), None);
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(200_000), "200,000");
        assert_eq!(thousands(48), "48");
    }
}
