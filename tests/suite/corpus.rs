//! The corpus of real privacy notices (`tests/corpus/`): every file must be understood
//! by the format (a corpus file that does not parse is a failure, not a snapshot), and
//! what `notice check` says on each is snapshotted, one snapshot per notice.
//!
//! The snapshots record today's checker, not the law: `tests/corpus/README.md` lists,
//! for each notice, the gaps a careful reader finds and which of them `check` reports.

use std::path::{Path, PathBuf};

use notice::diag::{FileReport, emit};
use notice::registry;
use notice::rules::CheckOptions;
use notice::source::SourceFile;

use crate::rules::AS_OF;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.yaml` file in `tests/corpus/`, relative to the crate root, in sorted order.
fn corpus() -> Vec<PathBuf> {
    let dir = root().join("tests/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "yaml"))
        .map(|p| Path::new("tests/corpus").join(p.file_name().expect("a file name")))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("a file stem")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn the_corpus_has_at_least_twelve_notices() {
    let files = corpus();
    assert!(
        files.len() >= 12,
        "expected at least 12 notices in tests/corpus, found {}",
        files.len()
    );
}

#[test]
fn every_corpus_notice_parses_without_format_errors() {
    let opts = CheckOptions { as_of: AS_OF };
    let mut failures = Vec::new();
    for rel in corpus() {
        let src = crate::rules::source(&rel);
        let checked = notice::check(&src, &opts);
        let format_errors: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| registry::find(d.rule).is_some_and(|rule| rule.citation == "notice format"))
            .map(|d| format!("{} {}", d.rule, d.message))
            .collect();
        if checked.notice.is_none() || !format_errors.is_empty() {
            failures.push(format!("{}: {format_errors:?}", rel.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "corpus notices with format errors:\n{}",
        failures.join("\n")
    );
}

#[test]
fn corpus_check_snapshots() {
    let opts = CheckOptions { as_of: AS_OF };
    for rel in corpus() {
        let source: SourceFile = crate::rules::source(&rel);
        let checked = notice::check(&source, &opts);
        assert!(
            checked.notice.is_some(),
            "{} must be understood",
            rel.display()
        );
        let report = FileReport {
            source,
            diagnostics: checked.diagnostics,
        };
        insta::assert_snapshot!(
            format!("corpus_{}", stem(&rel)),
            emit::human(&[report], false)
        );
    }
}
