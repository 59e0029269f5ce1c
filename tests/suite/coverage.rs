//! Nothing the office wrote is dropped. A notice that uses every text field of the format
//! (`tests/fixtures/every-field.yaml`; the list of fields comes from `model::walk`, so a new
//! field fails here until the fixture uses it) has each Prose and Label value in its HTML,
//! large-print PDF and text; a value the notice does not print is reported by the build
//! with its place in the file (PN951).

use crate::seeds;
use std::path::Path;

use notice::model::Date;
use notice::model::walk::{self, Leaf};
use notice::rules::CheckOptions;
use notice::source::SourceFile;

const FIXTURE: &str = "tests/fixtures/every-field.yaml";

fn load(path: &str) -> notice::model::Notice {
    let src = SourceFile::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let checked = notice::check(
        &src,
        &CheckOptions {
            as_of: Date::ymd(2026, 11, 25),
        },
    );
    checked
        .notice
        .unwrap_or_else(|| panic!("{path} is not understood: {:?}", checked.diagnostics))
}

/// `purposes[3].name` → `purposes[].name`.
fn generic(path: &str) -> String {
    let mut out = String::new();
    let mut skip = false;
    for c in path.chars() {
        match c {
            '[' => {
                skip = true;
                out.push('[');
            }
            ']' => {
                skip = false;
                out.push(']');
            }
            _ if skip => {}
            _ => out.push(c),
        }
    }
    out
}

/// The text values of a notice: generic path, value.
fn texts(n: &notice::model::Notice) -> Vec<(String, String)> {
    let mut out = Vec::new();
    walk::walk(&n.file, &mut |path, class, leaf| {
        if let Leaf::Text(t) = leaf
            && class.is_text()
        {
            out.push((generic(&walk::path_string(path)), t.value.clone()));
        }
    });
    out
}

#[test]
fn the_fixture_uses_every_text_field_of_the_format() {
    let n = load(FIXTURE);
    let used: std::collections::BTreeSet<String> = texts(&n).into_iter().map(|(p, _)| p).collect();
    let missing: Vec<String> = walk::field_paths()
        .into_iter()
        .filter(|(_, c)| c.is_text())
        .map(|(p, _)| p)
        .filter(|p| !used.contains(p))
        .collect();
    assert!(missing.is_empty(), "{FIXTURE} does not use: {missing:#?}");
}

fn notice_cmd() -> std::process::Command {
    use assert_cmd::cargo::CommandCargoExt;
    let mut c = std::process::Command::cargo_bin("notice").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// The words a value says when printed: office Markdown as the document reads it.
fn value_words(class: notice::model::walk::Class, text: &str) -> Vec<String> {
    if class == notice::model::walk::Class::Prose {
        let doc = notice::document::Document {
            lang: String::new(),
            title: String::new(),
            organisation: String::new(),
            front_matter: Vec::new(),
            date: None,
            sections: vec![notice::document::Section {
                id: String::new(),
                heading: String::new(),
                heading_lang: None,
                in_contents: false,
                blocks: notice::document::markdown::to_blocks(text),
                children: Vec::new(),
            }],
        };
        notice::render::words(&doc)
    } else {
        notice::render::words_in(text)
    }
}

#[test]
fn every_text_value_appears_in_html_pdf_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = notice_cmd()
        .args([
            "build",
            FIXTURE,
            "--format",
            "html,pdf,txt",
            "--as-of",
            "2026-11-25",
        ])
        .arg("--out")
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() || out.status.code() == Some(1),
        "{stderr}"
    );
    assert!(
        !stderr.contains("PN951"),
        "the build left text out:\n{stderr}"
    );
    let stem = dir.path().join("every-field");
    let html = seeds::html_text(&std::fs::read_to_string(stem.join("every-field.html")).unwrap());
    let text = std::fs::read_to_string(stem.join("every-field.txt")).unwrap();
    let pdf = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(stem.join("every-field-large-print.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext runs (scripts/install-test-deps.sh installs poppler-utils)");
    assert!(pdf.status.success());
    let pdf = String::from_utf8(pdf.stdout).unwrap();
    let outputs = [("HTML", html), ("PDF", pdf), ("text", text)];
    let outputs: Vec<(&str, Vec<String>)> = outputs
        .iter()
        .map(|(name, s)| (*name, notice::render::words_in(s)))
        .collect();

    let n = load(FIXTURE);
    let mut missing = Vec::new();
    let mut count = 0;
    walk::walk(&n.file, &mut |path, class, leaf| {
        let Leaf::Text(t) = leaf else { return };
        if !class.is_text() {
            return;
        }
        let w = value_words(class, &t.value);
        if w.is_empty() {
            return;
        }
        count += 1;
        for (name, words) in &outputs {
            if notice::render::find_subsequence(&w, words).is_err() {
                missing.push(format!(
                    "{name}: {} ({:?})",
                    walk::path_string(path),
                    t.value
                ));
            }
        }
    });
    assert!(count > 150, "only {count} text values");
    assert!(missing.is_empty(), "left out:\n{}", missing.join("\n"));
}

#[test]
fn a_value_the_notice_does_not_print_is_reported_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE))
        .unwrap()
        .replace(
            "    legislation: [Police Reform Act 2002]\n",
            "    legislation: [Police Reform Act 2002]\n    withdraw_consent: Write to the review team to withdraw.\n",
        );
    let file = dir.path().join("dropped.yaml");
    std::fs::write(&file, &src).unwrap();
    let line = src
        .lines()
        .position(|l| l.contains("Write to the review team"))
        .unwrap()
        + 1;
    let out = notice_cmd()
        .args(["build", "--format", "txt", "--as-of", "2026-11-25"])
        .arg(&file)
        .arg("--out")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning[PN951]"), "{stderr}");
    assert!(
        stderr.contains("purposes[1].withdraw_consent")
            && stderr.contains("does not rely on consent"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("dropped.yaml:{line}:")),
        "{stderr}"
    );
}

/// Validation reads every web address, wherever the format puts one: each `Url` field of
/// the fixture, made malformed in turn, is reported by `model::lower` at its path. A field
/// or block added to the format is covered without a line in the model; this fails, naming
/// the consumer, if it is not.
#[test]
fn validation_checks_every_web_address_of_the_format() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)).unwrap();
    let n = load(FIXTURE);
    let mut urls = Vec::new();
    walk::walk(&n.file, &mut |path, class, leaf| {
        if class == walk::Class::Url
            && let Leaf::Text(t) = leaf
        {
            urls.push((walk::path_string(path), t.span));
        }
    });
    // Each kind of place a web address is held (`contact.web`, `policy.url`, …), once at
    // least: the same block type nested elsewhere is validated by the same walk.
    let fields = walk::field_paths();
    let holder = |p: &str| {
        // The block holding the field, known by its keys (every `Contact` has the same).
        let (parent, name) = p.rsplit_once('.').unwrap_or(("", p));
        let mut keys: Vec<&str> = fields
            .iter()
            .filter_map(|(f, _)| f.strip_prefix(parent)?.strip_prefix('.'))
            .filter(|rest| !rest.contains('.'))
            .collect();
        keys.sort_unstable();
        format!("{}: {name}", keys.join(","))
    };
    let used: std::collections::BTreeSet<String> =
        urls.iter().map(|(p, _)| holder(&generic(p))).collect();
    let unused: Vec<&String> = fields
        .iter()
        .filter(|(p, c)| *c == walk::Class::Url && !used.contains(&holder(p)))
        .map(|(p, _)| p)
        .collect();
    assert!(
        unused.is_empty(),
        "{FIXTURE} has no web address in: {unused:#?}"
    );
    for (path, span) in urls {
        let mut broken = text.clone();
        broken.replace_range(span.start..span.end, "not-a-web-address");
        let src = SourceFile::from_text("broken.yaml", broken);
        let file = notice::parse::parse(&src).unwrap_or_else(|d| panic!("{path}: {d:?}"));
        let diags = notice::model::lower(file, &src).err().unwrap_or_default();
        assert!(
            diags.iter().any(|d| d.rule == "PN004" && d.path == path),
            "model::lower (validation) does not check the web address at `{path}`: {diags:?}"
        );
    }
}
