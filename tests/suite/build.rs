//! `notice build` on the five seed notices, checked as a reader would: snapshots of what
//! each notice says (text output, the HTML `<main>`, and its findings), the same words in
//! all three formats, the PDF and HTML through their checkers, injection, determinism and
//! the command's contract (exit codes, --strict, nothing written on unreadable input).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use assert_cmd::cargo::CommandCargoExt;

use notice::diag::{FileReport, emit};
use notice::model::Date;
use notice::rules::CheckOptions;
use notice::source::SourceFile;

use crate::seeds::{self, AS_OF, SEEDS};
use crate::tools;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn notice() -> Command {
    let mut c = Command::cargo_bin("notice").expect("the notice binary is built");
    c.current_dir(root());
    c
}

/// The seeds built once for the whole test run, into a temporary folder.
fn built() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| seeds::build_seeds(&[])).path()
}

fn output(stem: &str, file: &str) -> PathBuf {
    built().join(stem).join(file)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main_region(html: &str) -> &str {
    let start = html.find("<main").expect("a <main> element");
    let end = html.find("</main>").expect("a closing </main>") + "</main>".len();
    &html[start..end]
}

#[test]
fn every_seed_builds_all_three_formats() {
    for stem in SEEDS {
        for file in [
            format!("{stem}.html"),
            format!("{stem}-large-print.pdf"),
            format!("{stem}.txt"),
        ] {
            let p = output(stem, &file);
            let len = std::fs::metadata(&p).map_or(0, |m| m.len());
            assert!(len > 1000, "{} is missing or tiny", p.display());
        }
    }
}

#[test]
fn seed_text_output_snapshots() {
    for stem in SEEDS {
        let text = read(&output(stem, &format!("{stem}.txt")));
        insta::assert_snapshot!(format!("text_{stem}"), text);
    }
}

#[test]
fn seed_html_main_snapshots() {
    for stem in SEEDS {
        let html = read(&output(stem, &format!("{stem}.html")));
        insta::assert_snapshot!(format!("html_main_{stem}"), main_region(&html));
    }
}

#[test]
fn seed_diagnostics_snapshots() {
    let opts = CheckOptions {
        as_of: Date::parse(AS_OF).unwrap(),
    };
    for stem in SEEDS {
        let rel = PathBuf::from(format!("notices/{stem}.yaml"));
        let mut source = SourceFile::read(&root().join(&rel)).unwrap();
        source.path = rel;
        let checked = notice::check(&source, &opts);
        assert!(checked.notice.is_some(), "{stem} must be understood");
        let report = FileReport {
            source,
            diagnostics: checked.diagnostics,
        };
        insta::assert_snapshot!(format!("check_{stem}"), emit::human(&[report], false));
    }
}

/// Text of a PDF in reading order, by poppler's pdftotext.
fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        // -raw keeps content-stream order and does not join hyphenated line ends.
        .args(["-raw", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (scripts/install-test-deps.sh installs poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_three_formats_say_the_same_words_in_the_same_order() {
    let (env, _) = notice::templates::environment(None).unwrap();
    let opts = CheckOptions {
        as_of: Date::parse(AS_OF).unwrap(),
    };
    for stem in SEEDS {
        let source = SourceFile::read(&root().join(format!("notices/{stem}.yaml"))).unwrap();
        let n = notice::check(&source, &opts).notice.unwrap();
        let doc = notice::document::build::build(&n, &env).unwrap();
        let words = notice::render::words(&doc);
        assert!(words.len() > 500, "{stem}: the document has words");
        let outputs = [
            ("text", read(&output(stem, &format!("{stem}.txt")))),
            (
                "html",
                seeds::html_text(&read(&output(stem, &format!("{stem}.html")))),
            ),
            (
                "pdf",
                pdf_text(&output(stem, &format!("{stem}-large-print.pdf"))),
            ),
        ];
        for (format, text) in outputs {
            seeds::assert_says_words_in_order(stem, format, &words, &text);
        }
    }
}

#[test]
fn the_pdfs_pass_the_large_print_and_pdf_ua_checks() {
    for stem in SEEDS {
        let source = SourceFile::read(&root().join(format!("notices/{stem}.yaml"))).unwrap();
        let n = notice::check(
            &source,
            &CheckOptions {
                as_of: Date::parse(AS_OF).unwrap(),
            },
        )
        .notice
        .unwrap();
        let title = n
            .file
            .notice
            .as_ref()
            .unwrap()
            .title
            .value
            .trim()
            .to_owned();
        tools::check_pdf_with_text(
            &output(stem, &format!("{stem}-large-print.pdf")),
            &title,
            "en-GB",
            &output(stem, &format!("{stem}.txt")),
        );
    }
}

#[test]
fn the_html_pages_pass_axe_and_the_reader_checks() {
    let files: Vec<PathBuf> = SEEDS
        .iter()
        .map(|s| output(s, &format!("{s}.html")))
        .collect();
    tools::check_html(&files);
}

#[test]
fn a_bigger_large_print_copy_on_request() {
    let dir = tempfile::tempdir().unwrap();
    crate::cli::succeeds(
        notice()
            .args([
                "build",
                "notices/kent-2021.yaml",
                "--format",
                "pdf",
                "--font-size",
                "24",
                "--as-of",
                AS_OF,
                "--out",
            ])
            .arg(dir.path()),
    );
    let pdf = dir.path().join("kent-2021/kent-2021-large-print.pdf");
    assert!(pdf.exists());
    assert!(
        !dir.path().join("kent-2021/kent-2021.html").exists(),
        "only the PDF was asked for"
    );
    let report = tools::check_pdf(&pdf, "How we handle your personal information", "en-GB");
    assert!(
        report.contains("24"),
        "the checker reports the 24 pt body size:\n{report}"
    );
}

#[test]
fn builds_are_byte_identical() {
    let again = tempfile::tempdir().unwrap();
    let out = notice()
        .args(["build", "notices", "--as-of", AS_OF, "--out"])
        .arg(again.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    for stem in SEEDS {
        for file in [
            format!("{stem}.html"),
            format!("{stem}-large-print.pdf"),
            format!("{stem}.txt"),
        ] {
            let a = std::fs::read(output(stem, &file)).unwrap();
            let b = std::fs::read(again.path().join(stem).join(&file)).unwrap();
            assert!(a == b, "{stem}/{file} differs between two builds");
        }
    }
}

const HOSTILE: &str = r#"<script>alert("x")</script><img src=x onerror=alert(1)> [click](javascript:alert(1)) " onmouseover="alert(1)"#;

#[test]
fn text_fields_come_out_inert_in_html_and_intact_in_text() {
    // The starter notice with every placeholder replaced by hostile text.
    let init = tempfile::tempdir().unwrap();
    let path = init.path().join("hostile.yaml");
    let status = notice().args(["init"]).arg(&path).output().unwrap();
    assert!(status.status.success());
    let yaml = read(&path);
    let hostile_yaml = yaml
        .lines()
        .map(|l| l.replace("todo@", "x@").replace("todo-dpo@", "dpo@"))
        .map(|l| {
            // Web addresses must stay web addresses (a malformed one is refused outright).
            if ["url:", "form:", "web:"]
                .iter()
                .any(|k| l.trim_start().starts_with(k))
            {
                l.replace("TODO ", "")
            } else {
                l
            }
        })
        .map(|l| match l.find("TODO") {
            // Quote the whole value so YAML reads the hostile text as a string.
            Some(at) if !l.trim_start().starts_with('#') => {
                let key_end = l[..at]
                    .rfind(": ")
                    .map(|i| i + 2)
                    .or_else(|| l[..at].rfind("- ").map(|i| i + 2));
                match key_end {
                    Some(k) if !l[..at].contains('[') => format!(
                        "{}'{} {}'",
                        &l[..k],
                        l[k..at].replace('\'', "''"),
                        HOSTILE.replace('\'', "''")
                    ),
                    _ => l.replace("TODO", "x"),
                }
            }
            _ => l.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, hostile_yaml).unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    crate::cli::succeeds(
        notice()
            .args(["build", "--format", "html,txt", "--out"])
            .arg(out_dir.path())
            .arg(&path),
    );
    let html = read(&out_dir.path().join("hostile/hostile.html"));
    let text = read(&out_dir.path().join("hostile/hostile.txt"));
    assert!(
        text.matches("alert(").count() >= 3,
        "the hostile text reaches the output"
    );
    assert!(!html.contains("<script"), "no script element");
    assert!(!html.contains("<img"), "no injected element");
    assert!(
        !html.to_lowercase().contains("javascript:alert(1)\""),
        "no javascript: link target"
    );
    assert!(!html.contains("href=\"javascript"), "no javascript: href");
    for tag in tags(&html) {
        let lower = tag.to_lowercase();
        assert!(
            !lower.contains("onerror") && !lower.contains("onmouseover"),
            "no injected attribute: {tag}"
        );
    }
    assert!(
        html.contains("&lt;script&gt;"),
        "the text is shown, escaped"
    );
    assert!(
        text.contains(r#"<script>alert("x")</script>"#),
        "plain text keeps the words as written"
    );
}

/// The markup tags of an HTML page (`<…>`), outside comments and the style element.
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        out.push(&rest[start..start + len + 1]);
        rest = &rest[start + len + 1..];
    }
    out
}

#[test]
fn strict_refuses_a_notice_with_errors_and_writes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let out = notice()
        .args([
            "build",
            "notices/kent-2021.yaml",
            "--strict",
            "--as-of",
            AS_OF,
            "--out",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refused"));
    assert!(
        !dir.path().join("kent-2021").exists(),
        "nothing written for a refused notice"
    );
}

#[test]
fn unreadable_input_writes_nothing_at_all() {
    let src = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("notices/kent-2021.yaml"),
        src.path().join("a-good.yaml"),
    )
    .unwrap();
    std::fs::write(
        src.path().join("b-bad.yaml"),
        "notice:\n  title: x\n  colour: red\n",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = notice()
        .args(["build", "--out"])
        .arg(dir.path())
        .arg(src.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("b-bad.yaml:3:3"), "{stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn templates_override_one_file_and_warn_about_unknown_names() {
    let templates = tempfile::tempdir().unwrap();
    crate::cli::succeeds(notice().args(["init", "--templates"]).arg(templates.path()));
    assert!(templates.path().join("notice.md.j2").exists());
    // Keep only a customised summary, and add a misspelt file.
    for entry in std::fs::read_dir(templates.path()).unwrap() {
        let p = entry.unwrap().path();
        if p.file_name().unwrap() != "summary.md.j2" {
            std::fs::remove_file(p).unwrap();
        }
    }
    std::fs::write(
        templates.path().join("summary.md.j2"),
        "## In short [#at-a-glance]\n\nWe are {{ org }} and we look after your information.\n",
    )
    .unwrap();
    std::fs::write(templates.path().join("rigths.md.j2"), "ignored").unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = crate::cli::succeeds(
        notice()
            .args([
                "build",
                "notices/kent-2021.yaml",
                "--format",
                "txt",
                "--as-of",
                AS_OF,
                "--templates",
            ])
            .arg(templates.path())
            .arg("--out")
            .arg(out_dir.path()),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("rigths.md.j2") && stderr.contains("did you mean `rights.md.j2`"),
        "{stderr}"
    );
    let text = read(&out_dir.path().join("kent-2021/kent-2021.txt"));
    assert!(text.contains("In short"), "the override is used");
    assert!(text.contains("We are The Police and Crime Commissioner for Kent and we look after"));
    assert!(
        !text.contains("At a glance"),
        "the built-in summary is replaced"
    );
    assert!(
        text.contains("Your rights"),
        "the other templates still come from the built-in set"
    );
}

#[test]
fn a_character_no_font_has_is_a_located_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("glyph.yaml");
    std::fs::write(
        &path,
        "notice:\n  title: Privacy notice\n  introduction: We think \u{1F9E0} hard\n",
    )
    .unwrap();
    let out = notice()
        .args(["build", "--format", "pdf", "--out"])
        .arg(dir.path())
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning[PN950]: no embedded font has the character U+1F9E0"),
        "{stderr}"
    );
    assert!(stderr.contains("glyph.yaml:3:26"), "{stderr}");
}
