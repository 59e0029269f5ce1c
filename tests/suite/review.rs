//! `notice build --review`: the review copy of each seed marks every passage as the
//! office's own words or as written by `notice`, puts each `check` finding beside a passage
//! or in the key, passes the same HTML checks as the notice, and leaves the published
//! outputs free of review marks.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::cargo::CommandCargoExt;

use crate::seeds::{self, SEEDS};
use crate::tools;

const MARKS: [&str; 3] = [
    "The office&#39;s own words:",
    "Written by notice:",
    "How to read this review copy",
];

fn built() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| seeds::build_seeds(&["--review", "--format", "html,txt"]))
        .path()
}

fn file(stem: &str, name: &str) -> PathBuf {
    built().join(stem).join(name)
}

#[test]
fn every_seed_has_a_review_copy_with_every_mark_and_every_finding() {
    for s in SEEDS {
        let html = std::fs::read_to_string(file(s, &format!("{s}-review.html"))).unwrap();
        for m in MARKS {
            assert!(html.contains(m), "{s}: no `{m}` in the review copy");
        }
        // Each finding of `check` appears once, as a labelled note.
        let check = std::process::Command::cargo_bin("notice")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "check",
                &format!("notices/{s}.yaml"),
                "--as-of",
                "2026-11-25",
            ])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&check.stdout);
        let findings = stdout
            .lines()
            .filter(|l| l.starts_with("error[") || l.starts_with("warning["))
            .count();
        let notes = html.matches("Finding PN").count();
        assert_eq!(
            notes, findings,
            "{s}: {findings} findings, {notes} in the review copy"
        );
        // The review marks passages with words, not colour alone: every mark is text.
        assert!(html.contains("<strong>Written by notice:</strong>"), "{s}");
    }
}

#[test]
fn the_published_outputs_carry_no_review_marks() {
    for s in SEEDS {
        for name in [format!("{s}.html"), format!("{s}.txt")] {
            let text = std::fs::read_to_string(file(s, &name)).unwrap();
            for m in MARKS.iter().chain(&["Written by notice", "Finding PN"]) {
                assert!(!text.contains(m), "{name} carries the review mark `{m}`");
            }
        }
    }
}

#[test]
fn the_review_copies_pass_axe_and_the_reader_checks() {
    let files: Vec<PathBuf> = SEEDS
        .iter()
        .map(|s| file(s, &format!("{s}-review.html")))
        .collect();
    tools::check_html(&files);
}

/// The paragraph before `needle`'s block in a review document, as plain text: its mark.
fn mark_before(doc: &notice::document::Document, needle: &str) -> String {
    for (_, s) in doc.walk_sections() {
        for (i, b) in s.blocks.iter().enumerate() {
            if let notice::document::Block::Paragraph(inl) = b
                && notice::document::plain(inl).contains(needle)
                && i > 0
                && let notice::document::Block::Paragraph(mark) = &s.blocks[i - 1]
            {
                return notice::document::plain(mark);
            }
        }
    }
    panic!("no paragraph says {needle:?}")
}

/// Who wrote a passage is known, not guessed from its words: an office sentence that says
/// what one of `notice`'s sentences says ("gives more detail") is still the office's, and
/// in a Welsh notice the marks are English, marked as such.
#[test]
fn the_review_copy_knows_exactly_who_wrote_each_passage() {
    let yaml = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/complete.yaml"),
    )
    .unwrap()
    .replace(
        "The Commissioner is elected to hold",
        "Our annual report gives more detail. The Commissioner is elected to hold",
    );
    let opts = notice::rules::CheckOptions {
        as_of: notice::model::Date::ymd(2026, 11, 25),
    };
    let (env, _) = notice::templates::environment(None).unwrap();
    let review = |yaml: &str| {
        let src = notice::source::SourceFile::from_text("notice.yaml", yaml);
        let checked = notice::check(&src, &opts);
        let n = checked.notice.unwrap();
        notice::document::review::review_document(&n, &checked.diagnostics, &env).unwrap()
    };
    let doc = review(&yaml);
    let office = mark_before(&doc, "Our annual report gives more detail.");
    assert!(
        office.starts_with("The office's own words: controller.description, line"),
        "{office}"
    );
    let generated = mark_before(&doc, "is the controller of your personal information");
    assert!(
        generated.starts_with("Written by notice: states UK GDPR Art 13(1)(a)"),
        "{generated}"
    );

    let welsh = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lang/welsh.yaml"),
    )
    .unwrap();
    let doc = review(&welsh);
    let mark = |needle: &str| -> Vec<notice::document::Inline> {
        for (_, s) in doc.walk_sections() {
            for (i, b) in s.blocks.iter().enumerate() {
                if let notice::document::Block::Paragraph(inl) = b
                    && notice::document::plain(inl).contains(needle)
                    && let notice::document::Block::Paragraph(mark) = &s.blocks[i - 1]
                {
                    return mark.clone();
                }
            }
        }
        panic!("no paragraph says {needle:?}")
    };
    let own = mark("Caiff y Comisiynydd ei ethol");
    assert!(
        matches!(own.as_slice(), [notice::document::Inline::Lang { lang, .. }] if lang == "en-GB"),
        "{own:?}"
    );
    assert!(
        notice::document::plain(&own).starts_with("The office's own words: controller.description")
    );
    let key = &doc.sections[0];
    assert_eq!(key.heading_lang.as_deref(), Some("en-GB"));
}

/// A notice that extends a shared office file: the review copy carries the findings in the
/// office file too (they are the notice's to fix as much as its own), saying which file and
/// line, and each finding once.
#[test]
fn a_layers_review_copy_carries_the_findings_in_its_office_file() {
    let out = tempfile::tempdir().unwrap();
    let layer = "notices/cleveland/correspondence-and-complaints.yaml";
    let status = crate::cli::notice()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "build",
            layer,
            "--review",
            "--format",
            "html",
            "--as-of",
            "2026-11-25",
        ])
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let stem = "correspondence-and-complaints";
    let html =
        std::fs::read_to_string(out.path().join(stem).join(format!("{stem}-review.html"))).unwrap();
    let check = crate::cli::notice()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", layer, "--as-of", "2026-11-25"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&check.stdout);
    // `check` shows the office file's finding against the office file.
    assert!(
        stdout.contains("notices/cleveland/office.yaml:"),
        "no finding in the office file: {stdout}"
    );
    let findings = stdout
        .lines()
        .filter(|l| l.starts_with("error[") || l.starts_with("warning["))
        .count();
    assert_eq!(html.matches("Finding PN").count(), findings, "{html}");
    assert!(
        html.contains("of the shared office file notices/cleveland/office.yaml"),
        "the office file's finding does not say where it is"
    );
}
