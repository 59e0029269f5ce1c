//! Emitters: diagnostics printed for people, for programs and for GitHub.
//!
//! - [`human`]: rustc-style, with the source line and a caret (annotate-snippets, the
//!   renderer rustc itself uses), the citation as a `note` and the fix as a `help`.
//! - [`json`]: one JSON object with every finding and a summary.
//! - [`sarif`]: SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.
//! - [`github`]: GitHub Actions workflow commands, which annotate pull requests.
//! - [`markdown`]: a table of every finding, for a CI job summary (GitHub shows only ten
//!   annotations of each kind per step).

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde_json::{Value, json};

use super::{FileReport, Severity};
use crate::registry;

/// Lines longer than this (in bytes) are not quoted under a finding.
const MAX_QUOTED_LINE: usize = 4096;

/// Print diagnostics rustc-style. `color` adds ANSI colour. Takes reports or references
/// to them (so `notice build` need not copy every source to print its findings).
pub fn human<R: Borrow<FileReport>>(reports: &[R], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for report in reports {
        let report = report.borrow();
        let path = report.source.path.display().to_string();
        // Split once: looking each line up from the start of the file made a report with
        // thousands of findings quadratic.
        let lines: Vec<&str> = report.source.text.split('\n').collect();
        for d in &report.diagnostics {
            let level = match d.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let note = format!("{} ({})", d.citation, d.name);
            let title = level.primary_title(&d.message).id(d.rule);
            let line = lines
                .get(d.span.line.saturating_sub(1))
                .map_or("", |l| l.trim_end_matches('\r'));
            let mut group = if d.span.is_known() && line.len() > MAX_QUOTED_LINE {
                // Quoting a line of megabytes costs time for no reader's benefit: give the
                // place without the quote.
                Group::with_title(title).element(
                    annotate_snippets::Origin::path(&path)
                        .line(d.span.line)
                        .char_column(d.span.column),
                )
            } else if d.span.is_known() {
                let start = line
                    .char_indices()
                    .nth(d.span.column.saturating_sub(1))
                    .map_or(line.len(), |(i, _)| i);
                let len = d.span.end.saturating_sub(d.span.start).max(1);
                let end = (start + len).min(line.len()).max(start);
                let end = if end == start {
                    line[start..]
                        .chars()
                        .next()
                        .map_or(start, |c| start + c.len_utf8())
                } else {
                    (start..=end)
                        .rev()
                        .find(|i| line.is_char_boundary(*i))
                        .unwrap_or(start)
                };
                title.element(
                    Snippet::source(line)
                        .line_start(d.span.line)
                        .path(&path)
                        .annotation(AnnotationKind::Primary.span(start..end)),
                )
            } else {
                Group::with_title(title).element(annotate_snippets::Origin::path(&path))
            };
            group = group.element(Level::NOTE.message(&note));
            if !d.also.is_empty() {
                let places: Vec<String> = d
                    .also
                    .iter()
                    .map(|l| format!("line {} (`{}`)", l.span.line, l.path))
                    .collect();
                group =
                    group.element(Level::NOTE.message(format!("also at {}", places.join(", "))));
            }
            if !d.notices.is_empty() {
                group = group.element(Level::NOTE.message(found_for(&d.notices)));
            }
            if let Some(help) = &d.help {
                group = group.element(Level::HELP.message(help));
            }
            out.push_str(&renderer.render(&[group]));
            out.push_str("\n\n");
        }
    }
    out.push_str(&summary_line(reports));
    out.push('\n');
    out
}

/// `found while checking `a.yaml` and `b.yaml``: which notices met a finding in a shared
/// office file.
fn found_for(notices: &[String]) -> String {
    let names: Vec<String> = notices.iter().map(|n| format!("`{n}`")).collect();
    let list = match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    format!("in the shared office file; found while checking {list}")
}

/// A finding's message with, for a finding in a shared office file, the notices it was
/// found for (for the emitters that have only a message to put it in).
fn message_with_notices(d: &super::Diagnostic) -> String {
    if d.notices.is_empty() {
        d.message.clone()
    } else {
        format!("{} ({})", d.message, found_for(&d.notices))
    }
}

/// `checked 5 notices: 3 errors, 7 warnings`, or `checked 5 notices and 1 shared office
/// file: …` when office files were reported.
pub fn summary_line<R: Borrow<FileReport>>(reports: &[R]) -> String {
    let errors: usize = reports
        .iter()
        .map(|r| r.borrow().count(Severity::Error))
        .sum();
    let warnings: usize = reports
        .iter()
        .map(|r| r.borrow().count(Severity::Warning))
        .sum();
    let parts = reports
        .iter()
        .filter(|r| Borrow::<FileReport>::borrow(*r).source.id == crate::source::FileId::Office)
        .count();
    let files = reports.len() - parts;
    let parts = match parts {
        0 => String::new(),
        1 => " and 1 shared office file".to_owned(),
        n => format!(" and {n} shared office files"),
    };
    if files == 0 && !parts.is_empty() {
        let parts = parts.trim_start_matches(" and ");
        return format!(
            "checked {parts}: {errors} error{}, {warnings} warning{}",
            plural(errors),
            plural(warnings)
        );
    }
    format!(
        "checked {files} notice{}{parts}: {errors} error{}, {warnings} warning{}",
        plural(files),
        plural(errors),
        plural(warnings)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One JSON object: `{"diagnostics": [...], "summary": {...}}`.
pub fn json(reports: &[FileReport]) -> String {
    let mut diags = Vec::new();
    for r in reports {
        for d in &r.diagnostics {
            let mut finding = json!({
                "file": r.source.path.display().to_string(),
                "line": d.span.line,
                "column": d.span.column,
                "path": d.path,
                "rule": d.rule,
                "name": d.name,
                "severity": d.severity,
                "citation": d.citation,
                "message": d.message,
                "help": d.help,
                "locations": std::iter::once((d.span, d.path.as_str()))
                    .chain(d.also.iter().map(|l| (l.span, l.path.as_str())))
                    .map(|(s, p)| json!({"line": s.line, "column": s.column, "path": p}))
                    .collect::<Vec<_>>(),
            });
            if !d.notices.is_empty() {
                // Only for findings in a shared office file: the notices that met it.
                finding["notices"] = json!(d.notices);
            }
            diags.push(finding);
        }
    }
    let errors: usize = reports.iter().map(|r| r.count(Severity::Error)).sum();
    let warnings: usize = reports.iter().map(|r| r.count(Severity::Warning)).sum();
    let doc = json!({
        "diagnostics": diags,
        "summary": {"files": reports.len(), "errors": errors, "warnings": warnings},
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON of plain values");
    s.push('\n');
    s
}

/// A Markdown report: a heading with the counts, then one table row per finding (place,
/// rule, severity, message with its help and citation). For `$GITHUB_STEP_SUMMARY`.
pub fn markdown(reports: &[FileReport]) -> String {
    let mut out = format!("## Privacy notices: {}\n\n", summary_line(reports));
    let rules_url = rules_url();
    let mut rows = String::new();
    for r in reports {
        let file = r.source.path.display().to_string().replace('\\', "/");
        for d in &r.diagnostics {
            let place = if d.span.is_known() {
                format!("{file}:{}:{}", d.span.line, d.span.column)
            } else {
                file.clone()
            };
            let mut finding = message_with_notices(d);
            if let Some(h) = &d.help {
                finding.push_str(&format!("; help: {h}"));
            }
            rows.push_str(&format!(
                "| {} | [{}]({rules_url}#{}-{}) `{}` | {} | {} ({}) |\n",
                cell(&format!("`{place}`")),
                d.rule,
                d.rule.to_ascii_lowercase(),
                d.name,
                d.name,
                d.severity.as_str(),
                cell(&finding),
                cell(d.citation),
            ));
        }
    }
    if rows.is_empty() {
        out.push_str("No findings.\n");
    } else {
        out.push_str("| Where | Rule | Severity | Finding |\n|---|---|---|---|\n");
        out.push_str(&rows);
    }
    out
}

/// Text for one cell of a Markdown table: no line breaks, `|` escaped, and no raw HTML.
fn cell(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// Where each rule's documentation is published: `docs/rules.md` of the release the
/// binary was built from. Release builds set `NOTICE_RULES_URL` (see
/// `.github/workflows/release.yml`); otherwise it is derived from `repository` in
/// Cargo.toml, and until that is set it names the placeholder repository the other
/// documents use.
fn rules_url() -> String {
    if let Some(url) = option_env!("NOTICE_RULES_URL") {
        return url.to_owned();
    }
    let repository = match env!("CARGO_PKG_REPOSITORY") {
        "" => "https://github.com/CHANGE-ME/notice",
        r => r.trim_end_matches('/'),
    };
    format!(
        "{repository}/blob/v{}/docs/rules.md",
        env!("CARGO_PKG_VERSION")
    )
}

/// The `uriBaseId` of every result: the folder `notice` ran in, which in CI is the
/// repository's root (the name GitHub's own analysers use).
const SRCROOT: &str = "%SRCROOT%";

/// SARIF 2.1.0 with the whole rule registry as the tool's rules.
///
/// Every file is named by a URI reference relative to `base` (the working folder), with
/// `uriBaseId` `%SRCROOT%` and `base` itself in `originalUriBaseIds`, so that code scanning
/// maps each finding to a file of the repository. Characters that may not appear in a URI
/// (spaces, `#`, `%`, anything outside ASCII) are percent-encoded. Each result carries a
/// `partialFingerprints` entry that does not depend on line numbers, so a finding is
/// recognised as the same one when lines above it move.
pub fn sarif(reports: &[FileReport], base: &Path) -> String {
    let rules_url = rules_url();
    let rules: Vec<Value> = registry::ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.checks.trim()},
                "help": {"text": r.docs(), "markdown": r.docs()},
                "helpUri": format!("{rules_url}#{}-{}", r.id.to_ascii_lowercase(), r.name),
                "defaultConfiguration": {"level": sarif_level(r.severity)},
                "properties": {"citation": r.citation, "tags": ["privacy", "uk-gdpr"]},
            })
        })
        .collect();
    let mut results = Vec::new();
    for report in reports {
        let uri = relative_uri(&report.source.path, base);
        // Identical findings in one file are told apart by their order.
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for d in &report.diagnostics {
            let index = registry::ALL.iter().position(|r| r.id == d.rule);
            let mut message = message_with_notices(d);
            if let Some(h) = &d.help {
                message.push_str(&format!(". Help: {h}"));
            }
            let key = format!("{}\0{uri}\0{}\0{}", d.rule, d.path, d.message);
            let n = seen.entry(key.clone()).or_insert(0);
            *n += 1;
            let fingerprint = format!("{:016x}:{n}", fnv1a(key.as_bytes()));
            results.push(json!({
                "ruleId": d.rule,
                "ruleIndex": index,
                "level": sarif_level(d.severity),
                "message": {"text": message},
                "locations": std::iter::once((d.span, d.path.as_str()))
                    .chain(d.also.iter().map(|l| (l.span, l.path.as_str())))
                    .map(|(s, p)| json!({
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri, "uriBaseId": SRCROOT},
                            "region": {
                                "startLine": s.line.max(1),
                                "startColumn": s.column.max(1),
                            }
                        },
                        "logicalLocations": [{"fullyQualifiedName": p}],
                    }))
                    .collect::<Vec<_>>(),
                "partialFingerprints": {"noticeFinding/v1": fingerprint},
                "properties": {"citation": d.citation},
            }));
        }
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "notice",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": rules_url,
                "rules": rules,
            }},
            "originalUriBaseIds": {SRCROOT: {"uri": folder_uri(base)}},
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON of plain values");
    s.push('\n');
    s
}

/// `path` as a URI reference relative to `base`: `notices/kent%202021.yaml`. A path outside
/// `base` climbs out of it with `../`; one that cannot be reached from it at all (another
/// drive on Windows) is written as an absolute `file:` URI.
fn relative_uri(path: &Path, base: &Path) -> String {
    let absolute = normalise(&base.join(path));
    let base = normalise(base);
    let ours: Vec<Component> = absolute.components().collect();
    let theirs: Vec<Component> = base.components().collect();
    let common = ours.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return folder_uri(&absolute).trim_end_matches('/').to_owned();
    }
    let mut segments: Vec<String> = vec!["..".to_owned(); theirs.len() - common];
    segments.extend(
        ours[common..]
            .iter()
            .map(|c| encode_segment(&c.as_os_str().to_string_lossy())),
    );
    segments.join("/")
}

/// An absolute folder as a `file:` URI ending in `/`.
fn folder_uri(dir: &Path) -> String {
    let mut uri = String::from("file://");
    for c in normalise(dir).components() {
        match c {
            Component::Prefix(p) => {
                uri.push('/');
                uri.push_str(&encode_segment(&p.as_os_str().to_string_lossy()).replace("%3A", ":"));
            }
            Component::RootDir => {}
            other => {
                uri.push('/');
                uri.push_str(&encode_segment(&other.as_os_str().to_string_lossy()));
            }
        }
    }
    uri.push('/');
    uri
}

/// A path with `.` and `..` worked out by hand (not by the file system, which would follow
/// symbolic links and need the file to exist).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// One path segment percent-encoded as RFC 3986 asks: letters, digits and `-._~` stay,
/// every other byte of its UTF-8 becomes `%XX`.
fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// FNV-1a, 64 bits: a small, stable hash (the same on every platform and in every
/// release, unlike the standard library's hasher).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
pub fn github(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        let file = r.source.path.display().to_string();
        for d in &r.diagnostics {
            let mut message = format!("{} ({})", message_with_notices(d), d.citation);
            if let Some(h) = &d.help {
                message.push_str(&format!("\nhelp: {h}"));
            }
            out.push_str(&format!(
                "::{} file={},line={},col={},title={}::{}\n",
                d.severity.as_str(),
                escape_property(&file),
                d.span.line.max(1),
                d.span.column.max(1),
                escape_property(&format!("{} {}", d.rule, d.name)),
                escape_data(&message),
            ));
        }
    }
    out.push_str(&summary_line(reports));
    out.push('\n');
    out
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        let base = Path::new("/work/repo");
        assert_eq!(
            relative_uri(Path::new("notices/kent.yaml"), base),
            "notices/kent.yaml"
        );
        assert_eq!(
            relative_uri(Path::new("./notices/a b#1 100%.yaml"), base),
            "notices/a%20b%231%20100%25.yaml"
        );
        assert_eq!(
            relative_uri(Path::new("/work/repo/notices/Ynys Môn.yaml"), base),
            "notices/Ynys%20M%C3%B4n.yaml"
        );
        assert_eq!(
            relative_uri(Path::new("/tmp/x/a:b.yaml"), base),
            "../../tmp/x/a%3Ab.yaml"
        );
        assert_eq!(
            relative_uri(Path::new("../other/n.yaml"), base),
            "../other/n.yaml"
        );
        assert_eq!(folder_uri(base), "file:///work/repo/");
        assert_eq!(folder_uri(Path::new("/a b/")), "file:///a%20b/");
    }

    #[test]
    fn markdown_cells_stay_in_their_cell() {
        assert_eq!(cell("a | b\nc <b>"), "a \\| b c &lt;b&gt;");
    }

    #[test]
    fn fnv1a_is_the_published_function() {
        // Test vectors from the FNV reference.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
