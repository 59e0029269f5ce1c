//! Emitters: diagnostics printed for people, for programs and for GitHub.
//!
//! - [`human`]: rustc-style, with the source line and a caret (annotate-snippets, the
//!   renderer rustc itself uses), the citation as a `note` and the fix as a `help`.
//! - [`json`]: one JSON object with every finding and a summary.
//! - [`sarif`]: SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.
//! - [`github`]: GitHub Actions workflow commands, which annotate pull requests.

use std::borrow::Borrow;

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

/// `checked 5 notices: 3 errors, 7 warnings`.
pub fn summary_line<R: Borrow<FileReport>>(reports: &[R]) -> String {
    let errors: usize = reports
        .iter()
        .map(|r| r.borrow().count(Severity::Error))
        .sum();
    let warnings: usize = reports
        .iter()
        .map(|r| r.borrow().count(Severity::Warning))
        .sum();
    let files = reports.len();
    format!(
        "checked {files} notice{}: {errors} error{}, {warnings} warning{}",
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
            diags.push(json!({
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
            }));
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

/// SARIF 2.1.0 with the whole rule registry as the tool's rules.
pub fn sarif(reports: &[FileReport]) -> String {
    let rules: Vec<Value> = registry::ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.checks.trim()},
                "help": {"text": r.docs(), "markdown": r.docs()},
                "defaultConfiguration": {"level": sarif_level(r.severity)},
                "properties": {"citation": r.citation, "tags": ["privacy", "uk-gdpr"]},
            })
        })
        .collect();
    let mut results = Vec::new();
    for report in reports {
        let uri = report.source.path.display().to_string().replace('\\', "/");
        for d in &report.diagnostics {
            let index = registry::ALL.iter().position(|r| r.id == d.rule);
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str(&format!(". Help: {h}"));
            }
            results.push(json!({
                "ruleId": d.rule,
                "ruleIndex": index,
                "level": sarif_level(d.severity),
                "message": {"text": message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {
                            "startLine": d.span.line.max(1),
                            "startColumn": d.span.column.max(1),
                        }
                    },
                    "logicalLocations": [{"fullyQualifiedName": d.path}],
                }],
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
                "rules": rules,
            }},
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON of plain values");
    s.push('\n');
    s
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
            let mut message = format!("{} ({})", d.message, d.citation);
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
