//! Braille (`--format brf`) for every example, checked the way a transcriber would:
//! only braille ASCII, lines of at most 40 cells, pages of at most 25 lines, the page
//! numbers in order, and the braille says the notice's words (translated back with
//! liblouis, at least 98% of the text output's words come back).
//!
//! liblouis's `lou_translate` must be installed (`scripts/install-test-deps.sh`); without
//! it these tests fail, they do not skip.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use crate::seeds::{AS_OF, SEEDS};
use notice::render::brf::{CELLS, LINES, page_number, to_unicode};

fn notice() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_notice"));
    c.env("NO_COLOR", "1");
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

/// The examples built once as braille (grade 2 and grade 1) and text.
fn built() -> &'static (PathBuf, PathBuf) {
    static DIRS: OnceLock<(tempfile::TempDir, tempfile::TempDir, (PathBuf, PathBuf))> =
        OnceLock::new();
    &DIRS
        .get_or_init(|| {
            let g2 = tempfile::tempdir().unwrap();
            let g1 = tempfile::tempdir().unwrap();
            for (dir, grade) in [(&g2, "2"), (&g1, "1")] {
                let out = notice()
                    .args(["build", "notices", "--as-of", AS_OF, "--format", "brf,txt"])
                    .args(["--braille-grade", grade, "--out"])
                    .arg(dir.path())
                    .output()
                    .unwrap();
                assert!(
                    out.status.success(),
                    "build failed:\n{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            let paths = (g2.path().to_owned(), g1.path().to_owned());
            (g2, g1, paths)
        })
        .2
}

fn read(dir: &Path, stem: &str, ext: &str) -> String {
    std::fs::read_to_string(dir.join(stem).join(format!("{stem}.{ext}"))).unwrap()
}

/// The pages of a BRF file, each a list of lines (CR LF ends every line).
fn pages(brf: &str) -> Vec<Vec<&str>> {
    brf.split('\u{c}')
        .map(|p| {
            assert!(p.ends_with("\r\n"), "a page does not end in CR LF");
            let body = &p[..p.len() - 2];
            assert!(!body.contains('\n') || body.split("\r\n").all(|l| !l.contains('\n')));
            body.split("\r\n").collect()
        })
        .collect()
}

#[test]
fn braille_files_are_braille_ascii_on_40_by_25_pages() {
    let (g2, g1) = built();
    for dir in [g2, g1] {
        for stem in SEEDS {
            let brf = read(dir, stem, "brf");
            let bad: Vec<(usize, u8)> = brf
                .bytes()
                .enumerate()
                .filter(|(_, b)| !((0x20..=0x5F).contains(b) || b"\r\n\x0c".contains(b)))
                .take(5)
                .collect();
            assert!(bad.is_empty(), "{stem}: bytes that are not BRF: {bad:?}");
            assert!(
                !brf.ends_with('\u{c}'),
                "{stem}: form feed after the last page"
            );
            let pages = pages(&brf);
            for (i, page) in pages.iter().enumerate() {
                let n = i + 1;
                assert!(
                    page.len() <= LINES,
                    "{stem}: page {n} has {} lines",
                    page.len()
                );
                // The page information line: the braille page number at the last cell.
                assert_eq!(page[0].len(), CELLS, "{stem}: page {n} line 1");
                assert!(
                    page[0].ends_with(&format!(" {}", page_number(n))),
                    "{stem} {n}"
                );
                if n > 1 {
                    let before = page[0].trim_end_matches(&page_number(n));
                    assert!(before.ends_with("   "), "{stem}: page {n} title too close");
                    assert!(!page[1].is_empty(), "{stem}: page {n} line 2 is blank");
                }
                for (k, line) in page.iter().enumerate() {
                    assert!(line.len() <= CELLS, "{stem}: page {n} line {k} is too long");
                    assert!(
                        !line.ends_with(' '),
                        "{stem}: page {n} line {k} trailing space"
                    );
                }
                for pair in page.windows(2) {
                    assert!(!(pair[0].is_empty() && pair[1].is_empty()), "{stem} p{n}");
                }
                assert!(
                    !page.last().unwrap().is_empty(),
                    "{stem}: page {n} ends blank"
                );
            }
        }
    }
}

/// Translates braille lines back to print with liblouis (one process for all).
fn back_translate(lines: &[&str], tables: &str) -> String {
    let mut child = Command::new("lou_translate")
        .args(["--backward", tables])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("lou_translate runs (install liblouis-bin: scripts/install-test-deps.sh)");
    // `\` (the cell for "ou") starts an escape in lou_translate's input: double it.
    let input = lines.join("\n").replace('\\', "\\\\") + "\n";
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn word_counts(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in notice::render::words_in(&text.to_lowercase()) {
        *m.entry(w).or_insert(0) += 1;
    }
    m
}

#[test]
fn braille_says_the_words_of_the_text_output() {
    let (g2, g1) = built();
    let numbered = regex::Regex::new(r"(?m)^\d+\.(\d+(\.\d+)*)? ").unwrap();
    for (dir, tables) in [
        (g2, "en-us-brf.dis,en-ueb-g2.ctb"),
        (g1, "en-us-brf.dis,en-ueb-g1.ctb"),
    ] {
        for stem in SEEDS {
            let brf = read(dir, stem, "brf");
            // Body lines only: the page information lines repeat the title.
            let body: Vec<&str> = pages(&brf)
                .into_iter()
                .flat_map(|p| p.into_iter().skip(1))
                .filter(|l| !l.is_empty())
                .collect();
            let back = word_counts(&back_translate(&body, tables));
            // The text output numbers its headings ("6. Why we use your information",
            // "6.2 …"); the numbers are its own, not the notice's words, so they go.
            let txt = read(dir, stem, "txt");
            let text = word_counts(&numbered.replace_all(&txt, ""));
            let total: usize = text.values().sum();
            let found: usize = text
                .iter()
                .map(|(w, n)| (*n).min(back.get(w).copied().unwrap_or(0)))
                .sum();
            let share = found as f64 / total as f64;
            let mut missing: Vec<(&String, usize)> = text
                .iter()
                .filter(|(w, n)| back.get(*w).copied().unwrap_or(0) < **n)
                .map(|(w, n)| (w, n - back.get(w).copied().unwrap_or(0)))
                .collect();
            missing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            missing.truncate(15);
            assert!(
                share >= 0.98,
                "{stem} ({tables}): {found} of {total} words ({:.1}%) come back; most \
                 missed: {missing:?}",
                share * 100.0
            );
        }
    }
}

#[test]
fn grade_one_is_uncontracted_and_says_so() {
    let (g2, g1) = built();
    let (a, b) = (read(g2, "kent-2021", "brf"), read(g1, "kent-2021", "brf"));
    assert!(a.len() < b.len(), "grade 2 is not shorter than grade 1");
    // "the" is the one-cell contraction `!` in grade 2, spelt out in grade 1.
    assert!(a.contains(" ! ") && !b.contains(" ! "));
    let first_page = |brf: &str| pages(brf)[0].join(" ");
    assert!(
        first_page(&a).contains(",,UEB GRADE #B "),
        "grade 2 not stated on page 1"
    );
    assert!(
        first_page(&b).contains(",,UEB GRADE #A "),
        "grade 1 not stated on page 1"
    );
}

#[test]
fn braille_builds_are_byte_identical() {
    let (g2, _) = built();
    let again = tempfile::tempdir().unwrap();
    let out = notice()
        .args([
            "build",
            "notices/kent-2021.yaml",
            "--as-of",
            AS_OF,
            "--format",
            "brf",
        ])
        .arg("--out")
        .arg(again.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        read(g2, "kent-2021", "brf"),
        read(again.path(), "kent-2021", "brf")
    );
}

/// Translates print lines forward with liblouis.
fn forward(text: &str, tables: &str) -> String {
    let mut child = Command::new("lou_translate")
        .args(["--forward", tables])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("lou_translate runs (install liblouis-bin: scripts/install-test-deps.sh)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{text}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim_end().to_owned()
}

#[test]
fn the_unicode_view_matches_liblouis() {
    // The same sentence through the BRF table and through liblouis's Unicode braille
    // table: `to_unicode` of the first must be the second.
    let sentence = "We hold your personal information: call 01234 567890 or write to \
                    County Hall, ME15 9BZ (quickly!) - 100% \"free\"; e.g. [see] #3 & more?";
    let brf = forward(sentence, "en-us-brf.dis,en-ueb-g2.ctb");
    let unicode = forward(sentence, "unicode.dis,en-ueb-g2.ctb");
    assert!(!brf.is_empty() && brf.is_ascii());
    assert_eq!(to_unicode(&brf), unicode);
    // And the mapping is one to one onto the 64 cells.
    let ascii: String = (0x20u8..=0x5F).map(char::from).collect();
    let mut cells: Vec<u32> = to_unicode(&ascii).chars().map(u32::from).collect();
    cells.sort_unstable();
    assert_eq!(cells, (0x2800..=0x283F).collect::<Vec<u32>>());
}

#[test]
fn without_liblouis_braille_says_what_to_install_and_other_formats_still_build() {
    let empty = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let run = |formats: &str| {
        notice()
            .env("PATH", empty.path())
            .args([
                "build",
                "notices/kent-2021.yaml",
                "--as-of",
                AS_OF,
                "--format",
                formats,
            ])
            .arg("--out")
            .arg(out_dir.path())
            .output()
            .unwrap()
    };
    let out = run("html,brf");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("apt-get install liblouis-bin liblouis-data"),
        "{err}"
    );
    assert!(
        !out_dir.path().join("kent-2021").exists(),
        "something was written"
    );
    let out = run("html,txt");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_dir.path().join("kent-2021/kent-2021.html").exists());
}
