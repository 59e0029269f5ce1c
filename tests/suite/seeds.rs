//! What many test modules share about the five example notices: their names, the date they
//! are checked as of, building them once into a temporary folder, reading an HTML output's
//! text, and holding an output to the document's words.

use std::path::Path;

use assert_cmd::cargo::CommandCargoExt;

/// The example notices in `notices/`, by file stem.
pub(crate) const SEEDS: [&str; 5] = [
    "hampshire",
    "hertfordshire",
    "kent-2018",
    "kent-2021",
    "leicestershire",
];

/// The date the examples are checked and built as of, as `--as-of` takes it.
pub(crate) const AS_OF: &str = "2026-11-25";

/// Build every example with `notice build notices ARGS --as-of AS_OF` into a new temporary
/// folder, and fail the test, with what `notice` said, if the build fails.
pub(crate) fn build_seeds(args: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::cargo_bin("notice")
        .unwrap()
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(["build", "notices"])
        .args(args)
        .args(["--as-of", AS_OF, "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// Fail unless `text` (one output of one example) says the document's `words` in order,
/// naming the first word it loses and the words around it.
pub(crate) fn assert_says_words_in_order(stem: &str, format: &str, words: &[String], text: &str) {
    let have = notice::render::words_in(text);
    if let Err(at) = notice::render::find_subsequence(words, &have) {
        let from = at.saturating_sub(5);
        panic!(
            "{stem}: the {format} output loses the document's words at word {at}: {:?}",
            &words[from..(at + 5).min(words.len())]
        );
    }
}

/// The visible text of an HTML page (tags dropped, entities decoded well enough for words).
pub(crate) fn html_text(html: &str) -> String {
    let body = &html[html.find("<body").unwrap_or(0)..];
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
}
