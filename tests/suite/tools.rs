//! Reader-facing checks on notice's real outputs, for the integration tests.
//!
//! These run the checkers in `tests/browser` (HTML in Chromium with axe-core)
//! and `tests/pdf` (the large-print PDF), which `scripts/install-test-deps.sh`
//! installs. A failed check panics with the checker's full output. Missing
//! tools panic too: a check that silently skips would pass broken output.
//!
//! Check all HTML files in one `check_html` call: it starts one browser for
//! the lot. Set `NOTICE_SCREENSHOTS=DIR` to keep full-page screenshots (1280
//! and 320 px wide) of every page checked.

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[cfg(test)]
mod selftest;

const INSTALL_HINT: &str = "run scripts/install-test-deps.sh to install the test tools";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Checks HTML files as a browser user would; panics if any file fails.
/// Returns the checker's output (one summary line per file, then details).
pub(crate) fn check_html(files: &[PathBuf]) -> String {
    let (ok, text) = run_html(files);
    assert!(ok, "HTML checks failed:\n{text}");
    text
}

/// Like [`check_html`], but expects at least one file to fail. For proving
/// that the checker really detects problems.
pub(crate) fn check_html_fails(files: &[PathBuf]) -> String {
    let (ok, text) = run_html(files);
    assert!(
        !ok,
        "HTML checks passed, but a failure was expected:\n{text}"
    );
    text
}

/// Checks a large-print PDF (A4, tagged, title, language, fonts, sizes,
/// PDF/UA-1); panics if any check fails. Returns the checker's output.
pub(crate) fn check_pdf(file: &Path, title: &str, lang: &str) -> String {
    let (ok, text) = run_pdf(file, title, lang, None);
    assert!(ok, "PDF checks failed for {}:\n{text}", file.display());
    text
}

/// Like [`check_pdf`], with the notice's text output beside it (a line may end at a
/// hyphen where the text has a space after it).
pub(crate) fn check_pdf_with_text(file: &Path, title: &str, lang: &str, txt: &Path) -> String {
    let (ok, text) = run_pdf(file, title, lang, Some(txt));
    assert!(ok, "PDF checks failed for {}:\n{text}", file.display());
    text
}

/// Like [`check_pdf`], but expects at least one check to fail.
pub(crate) fn check_pdf_fails(file: &Path, title: &str, lang: &str) -> String {
    let (ok, text) = run_pdf(file, title, lang, None);
    assert!(
        !ok,
        "PDF checks passed for {}, but a failure was expected:\n{text}",
        file.display()
    );
    text
}

fn run_html(files: &[PathBuf]) -> (bool, String) {
    run_html_with(files, &[])
}

fn run_html_with(files: &[PathBuf], flags: &[&str]) -> (bool, String) {
    assert!(!files.is_empty(), "check_html needs at least one file");
    let browser = root().join("tests/browser");
    require_command("node");
    require_path(&browser.join("node_modules/playwright-core"));
    require_path(&browser.join("node_modules/axe-core"));
    require_path(Path::new(
        &env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
    ));

    let mut cmd = Command::new("node");
    cmd.arg(browser.join("check-html.mjs"));
    if let Some(dir) = env::var_os("NOTICE_SCREENSHOTS") {
        cmd.arg("--screenshot").arg(dir);
    }
    cmd.args(flags).args(files);
    verdict(cmd, "check-html")
}

/// Checks an accessible Word file with python-docx (`tests/docx/check_docx.py`):
/// headings in order, title, language, table header rows, lists, links, sizes.
/// Panics if any check fails; returns the checker's output.
pub(crate) fn check_docx(file: &Path, title: &str, lang: &str, min_size: f32) -> String {
    let (ok, text) = run_docx(file, title, lang, min_size);
    assert!(ok, "DOCX checks failed for {}:\n{text}", file.display());
    text
}

/// Like [`check_docx`], but expects at least one check to fail.
pub(crate) fn check_docx_fails(file: &Path, title: &str, lang: &str, min_size: f32) -> String {
    let (ok, text) = run_docx(file, title, lang, min_size);
    assert!(
        !ok,
        "DOCX checks passed for {}, but a failure was expected:\n{text}",
        file.display()
    );
    text
}

fn run_docx(file: &Path, title: &str, lang: &str, min_size: f32) -> (bool, String) {
    let python = root().join(".venv-test/bin/python");
    require_path(&python);
    let mut cmd = Command::new(python);
    cmd.arg(root().join("tests/docx/check_docx.py"))
        .arg(file)
        .args(["--title", title, "--lang", lang, "--min-size"])
        .arg(min_size.to_string());
    verdict(cmd, "check_docx")
}

/// Where Debian's `epubcheck` package puts its jar (its own `epubcheck` command
/// needs binfmt_misc, which containers lack, so the jar is run with `java -jar`).
const EPUBCHECK_JAR: &str = "/usr/share/java/epubcheck.jar";

/// Checks an EPUB with EPUBCheck; panics on any error or warning. Returns its
/// output.
pub(crate) fn check_epub(file: &Path) -> String {
    let (ok, text) = run_epub(file);
    assert!(ok, "EPUBCheck failed for {}:\n{text}", file.display());
    text
}

/// Like [`check_epub`], but expects EPUBCheck to report a problem.
pub(crate) fn check_epub_fails(file: &Path) -> String {
    let (ok, text) = run_epub(file);
    assert!(
        !ok,
        "EPUBCheck passed {}, but a failure was expected:\n{text}",
        file.display()
    );
    text
}

fn run_epub(file: &Path) -> (bool, String) {
    require_command("java");
    let jar = env::var("EPUBCHECK_JAR").unwrap_or_else(|_| EPUBCHECK_JAR.into());
    require_path(Path::new(&jar));
    let out = Command::new("java")
        .args(["-jar", &jar, "--failonwarnings"])
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("could not run EPUBCheck: {e}; {INSTALL_HINT}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // EPUBCheck exits 1 for errors and for warnings under --failonwarnings, and for
    // a file it cannot read; its summary line tells a verdict from a breakdown.
    assert!(
        text.contains("Messages:") || text.contains("No errors or warnings"),
        "EPUBCheck could not run; {INSTALL_HINT}\n{text}"
    );
    (out.status.success(), text)
}

/// Checks EPUB content documents (`.xhtml`) in Chromium with axe, as
/// [`check_html`] does for pages, without the skip-link check (a reading system
/// gives its own way in). Panics if any fails.
pub(crate) fn check_ebook_html(files: &[PathBuf]) -> String {
    let (ok, text) = run_html_with(files, &["--ebook"]);
    assert!(ok, "EPUB content document checks failed:\n{text}");
    text
}

/// Like [`check_html`] (or [`check_ebook_html`] with `ebook`), and each `(text, lang)`
/// probe must be in that language in the browser: the first text containing `text` has
/// `lang` as its nearest `lang` attribute. Panics if any check fails.
pub(crate) fn check_html_langs(files: &[PathBuf], ebook: bool, probes: &[(&str, &str)]) -> String {
    let mut flags: Vec<String> = Vec::new();
    if ebook {
        flags.push("--ebook".into());
    }
    for (text, lang) in probes {
        flags.push("--lang-of".into());
        flags.push(format!("{text}={lang}"));
    }
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let (ok, text) = run_html_with(files, &flags);
    assert!(ok, "HTML language checks failed:\n{text}");
    text
}

/// Like [`check_pdf`], where the parts in another language than the document's are in
/// `part_lang` (structure elements with `/Lang`); [`check_pdf`] wants none.
pub(crate) fn check_pdf_part_lang(file: &Path, title: &str, lang: &str, part_lang: &str) -> String {
    for tool in ["pdfinfo", "pdffonts", "pdftotext", "qpdf"] {
        require_command(tool);
    }
    require_path(&root().join(".venv-test/bin/python"));
    let mut cmd = Command::new(root().join("tests/pdf/check-pdf.sh"));
    cmd.arg(file)
        .args(["--title", title, "--lang", lang, "--part-lang", part_lang]);
    let (ok, text) = verdict(cmd, "check-pdf");
    assert!(ok, "PDF checks failed for {}:\n{text}", file.display());
    text
}

fn run_pdf(file: &Path, title: &str, lang: &str, txt: Option<&Path>) -> (bool, String) {
    for tool in ["pdfinfo", "pdffonts", "pdftotext", "qpdf"] {
        require_command(tool);
    }
    require_path(&root().join(".venv-test/bin/python"));
    let mut cmd = Command::new(root().join("tests/pdf/check-pdf.sh"));
    cmd.arg(file).args(["--title", title, "--lang", lang]);
    if let Some(txt) = txt {
        cmd.arg("--text").arg(txt);
    }
    verdict(cmd, "check-pdf")
}

/// Runs a checker: exit 0 is a pass, 1 a failed check; anything else means
/// the checker itself could not work, which is never a pass.
fn verdict(mut cmd: Command, name: &str) -> (bool, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd
        .output()
        .unwrap_or_else(|e| panic!("could not run {name}: {e}; {INSTALL_HINT}"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&stdout),
        String::from_utf8_lossy(&stderr)
    );
    match status.code() {
        Some(0) => (true, text),
        Some(1) => (false, text),
        _ => panic!("{name} could not run its checks ({status}); {INSTALL_HINT}\n{text}"),
    }
}

fn require_path(path: &Path) {
    assert!(path.exists(), "missing {}; {INSTALL_HINT}", path.display());
}

fn require_command(name: &str) {
    let path = env::var_os("PATH").unwrap_or_default();
    let found = env::split_paths(&path).any(|dir| dir.join(name).is_file());
    assert!(found, "`{name}` is not on PATH; {INSTALL_HINT}");
}

/// The link annotations of a PDF, read by qpdf (`--json=2`): each link's target address
/// (`/A /URI`) and what it says to a screen reader (`/Contents`), in object order. Links
/// inside the document (contents entries, which go to a page) are left out.
pub(crate) fn pdf_links(file: &Path) -> Vec<(String, String)> {
    require_command("qpdf");
    let out = Command::new("qpdf")
        .args(["--json=2", "--json-key=qpdf"])
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("could not run qpdf: {e}; {INSTALL_HINT}"));
    assert!(
        out.status.success(),
        "qpdf could not read {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("qpdf writes JSON");
    // qpdf writes PDF strings as "u:text" (or "b:hex").
    fn text(v: Option<&serde_json::Value>) -> Option<String> {
        v?.as_str()?.strip_prefix("u:").map(str::to_owned)
    }
    fn walk(v: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(map) => {
                if map.get("/Subtype").and_then(|s| s.as_str()) == Some("/Link")
                    && let Some(uri) = text(map.get("/A").and_then(|a| a.get("/URI")))
                {
                    out.push((uri, text(map.get("/Contents")).unwrap_or_default()));
                }
                map.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&json, &mut out);
    out
}
