//! The Word files and ebooks of the five seed notices, checked as their readers' software
//! reads them: python-docx for the DOCX (headings, title, language, table header rows),
//! EPUBCheck and axe for the EPUB, the document's words in order in both, and the same
//! bytes from two builds.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use assert_cmd::cargo::CommandCargoExt;

use notice::model::Date;
use notice::render::{Format, RenderContext};
use notice::rules::CheckOptions;
use notice::source::SourceFile;

use crate::seeds::{self, AS_OF, SEEDS};
use crate::tools;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seeds built once in Word (both sizes) and EPUB, into a temporary folder.
fn built() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| seeds::build_seeds(&["--format", "docx,docx-large,epub"]))
        .path()
}

fn output(stem: &str, file: &str) -> PathBuf {
    built().join(stem).join(file)
}

fn document(stem: &str) -> notice::document::Document {
    let (env, _) = notice::templates::environment(None).unwrap();
    let source = SourceFile::read(&root().join(format!("notices/{stem}.yaml"))).unwrap();
    let opts = CheckOptions {
        as_of: Date::parse(AS_OF).unwrap(),
    };
    let n = notice::check(&source, &opts).notice.unwrap();
    notice::document::build::build(&n, &env).unwrap()
}

/// Every entry of a zip file: name and text.
fn entries(path: &Path) -> Vec<(String, String)> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    zip_entries(&bytes)
}

/// Every entry of a zip package in memory: name and text.
pub(crate) fn zip_entries(bytes: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().unwrap().to_string(), s)
        })
        .collect()
}

fn entry(entries: &[(String, String)], name: &str) -> String {
    entries
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name}"))
        .1
        .clone()
}

/// The text of a Word file: each paragraph's runs joined, paragraphs on their own lines.
fn docx_text(path: &Path) -> String {
    document_xml_text(&entry(&entries(path), "word/document.xml"))
}

/// The text of a Word body (`word/document.xml`), as [`docx_text`].
pub(crate) fn document_xml_text(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let mut out = String::new();
    for p in doc.descendants().filter(|n| n.has_tag_name((W, "p"))) {
        for n in p.descendants() {
            if n.has_tag_name((W, "t")) {
                out.push_str(n.text().unwrap_or(""));
            } else if n.has_tag_name((W, "br")) || n.has_tag_name((W, "tab")) {
                out.push(' ');
            }
        }
        out.push('\n');
    }
    out
}

/// The text of an XHTML content document, as a reader hears it: element text, run
/// together inside a line of text and separated at every block (and line break), as a
/// browser lays it out.
pub(crate) fn xhtml_text(xml: &str) -> String {
    const BLOCKS: &[&str] = &[
        "p", "li", "ul", "ol", "dl", "dt", "dd", "div", "section", "header", "main", "nav", "h1",
        "h2", "h3", "h4", "h5", "h6", "table", "caption", "tr", "th", "td", "br",
    ];
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(xml, opts).expect("well-formed XHTML");
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name("body"))
        .expect("a body");
    let mut out = String::new();
    for n in body.descendants() {
        if n.is_element() && BLOCKS.contains(&n.tag_name().name()) {
            out.push(' ');
        } else if let Some(text) = n.text().filter(|_| n.is_text()) {
            out.push_str(text);
        }
    }
    out
}

fn title(stem: &str) -> String {
    document(stem).title
}

#[test]
fn the_word_files_pass_the_python_docx_checks_in_both_sizes() {
    for stem in SEEDS {
        let title = title(stem);
        let report = tools::check_docx(
            &output(stem, &format!("{stem}.docx")),
            &title,
            "en-GB",
            14.0,
        );
        assert!(report.contains("PASS"), "{report}");
        tools::check_docx(
            &output(stem, &format!("{stem}-large-print.docx")),
            &title,
            "en-GB",
            18.0,
        );
    }
}

#[test]
fn the_ebooks_pass_epubcheck_and_axe() {
    let unpacked = tempfile::tempdir().unwrap();
    let mut pages = Vec::new();
    for stem in SEEDS {
        let epub = output(stem, &format!("{stem}.epub"));
        tools::check_epub(&epub);
        // Unpacked as a reading system sees it, so the stylesheet applies.
        for (name, text) in entries(&epub) {
            let path = unpacked.path().join(stem).join(&name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            if name.ends_with(".xhtml") {
                pages.push(path);
            }
        }
    }
    // The notice and its contents, for every seed.
    assert_eq!(pages.len(), 2 * SEEDS.len());
    let report = tools::check_ebook_html(&pages);
    assert!(report.contains("10 passed, 0 failed"), "{report}");
}

#[test]
fn the_word_files_and_ebooks_say_the_documents_words_in_order() {
    for stem in SEEDS {
        let words = notice::render::words(&document(stem));
        assert!(words.len() > 500, "{stem}: the document has words");
        let epub = entries(&output(stem, &format!("{stem}.epub")));
        let outputs = [
            ("docx", docx_text(&output(stem, &format!("{stem}.docx")))),
            (
                "large-print docx",
                docx_text(&output(stem, &format!("{stem}-large-print.docx"))),
            ),
            ("epub", xhtml_text(&entry(&epub, "EPUB/notice.xhtml"))),
        ];
        for (format, text) in outputs {
            seeds::assert_says_words_in_order(stem, format, &words, &text);
        }
    }
}

#[test]
fn the_ebook_contents_list_every_listed_section_in_order() {
    for stem in SEEDS {
        let doc = document(stem);
        let epub = entries(&output(stem, &format!("{stem}.epub")));
        let nav = xhtml_text(&entry(&epub, "EPUB/nav.xhtml"));
        let listed: Vec<String> = doc
            .walk_sections()
            .into_iter()
            .filter(|(_, s)| s.in_contents)
            .map(|(_, s)| s.heading.clone())
            .collect();
        let want: Vec<String> = listed
            .iter()
            .flat_map(|h| notice::render::words_in(h))
            .collect();
        assert!(
            notice::render::find_subsequence(&want, &notice::render::words_in(&nav)).is_ok(),
            "{stem}: the contents miss a section or list them out of order"
        );
        let opf = entry(&epub, "EPUB/package.opf");
        assert!(opf.contains("<dc:language>en-GB</dc:language>"), "{stem}");
        assert!(opf.contains("schema:accessibilitySummary"), "{stem}");
    }
}

#[test]
fn two_renders_are_byte_identical() {
    let (env, _) = notice::templates::environment(None).unwrap();
    for stem in SEEDS {
        let doc = document(stem);
        for name in ["docx", "docx-large", "epub"] {
            let f = Format::by_name(name).unwrap();
            let cx = RenderContext {
                env: &env,
                body_size: 18.0,
                braille_grade: 2,
            };
            let a = f.render(&doc, &cx).unwrap().bytes;
            let b = f.render(&doc, &cx).unwrap().bytes;
            assert!(a == b, "{stem}: {name} differs between two renders");
            let built = std::fs::read(output(stem, &f.file_name(stem))).unwrap();
            assert!(a == built, "{stem}: {name} differs from the built file");
        }
    }
}

#[test]
fn the_large_print_word_file_follows_font_size() {
    let dir = tempfile::tempdir().unwrap();
    crate::cli::succeeds(
        Command::cargo_bin("notice")
            .unwrap()
            .current_dir(root())
            .args(["build", "notices/kent-2021.yaml", "--format", "docx-large"])
            .args(["--font-size", "24", "--as-of", AS_OF, "--out"])
            .arg(dir.path()),
    );
    let file = dir.path().join("kent-2021/kent-2021-large-print.docx");
    let styles = entry(&entries(&file), "word/styles.xml");
    assert!(styles.contains("<w:sz w:val=\"48\"/>"), "24 pt body");
    tools::check_docx(&file, &title("kent-2021"), "en-GB", 24.0);
    assert!(!dir.path().join("kent-2021/kent-2021.docx").exists());
}
