//! Languages marked: in a notice in another language (the Welsh fixture,
//! `tests/fixtures/lang/welsh.yaml`), the words `notice` writes itself are marked English in
//! every output that can say so (HTML and EPUB `lang`, PDF `/Lang` on structure elements,
//! Word `w:lang`), and the office's own words are not; an English notice has no marks.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::cargo::CommandCargoExt;

use crate::alt_formats::zip_entries;
use crate::seeds::SEEDS;
use crate::tools;

const FIXTURE: &str = "tests/fixtures/lang/welsh.yaml";
const TITLE: &str = "Hysbysiad preifatrwydd";
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// Pieces of text and the language each must be read in: `notice`'s sentences, headings,
/// labels, the regulator's details and a date (English), and the office's words (Welsh).
const PROBES: &[(&str, &str)] = &[
    ("is the controller of your personal information", "en-GB"),
    ("Comisiynydd Heddlu a Throseddu Cymru Wessex", "cy"),
    ("Who we are", "en-GB"),
    ("Caiff y Comisiynydd ei ethol", "cy"),
    ("Our data protection officer checks", "en-GB"),
    (
        "What we use your information for, and our lawful basis",
        "en-GB",
    ),
    ("Ateb eich llythyrau", "cy"),
    ("Wycliffe House", "en-GB"),
    ("Kept for", "en-GB"),
    ("dwy flynedd ar ôl i chi gysylltu", "cy"),
    ("Nid yw ein gwefan yn defnyddio cwcis", "cy"),
    ("Last updated", "en-GB"),
];

fn built() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        crate::cli::succeeds(
            std::process::Command::cargo_bin("notice")
                .unwrap()
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .args(["build", FIXTURE, "--as-of", "2026-11-25", "--out"])
                .arg(dir.path())
                .args(["--format", "html,pdf,txt,docx,epub"]),
        );
        dir
    })
    .path()
}

fn file(name: &str) -> PathBuf {
    built().join("welsh").join(name)
}

/// The language each probe is in, in an XHTML tree: the nearest `xml:lang` on an
/// ancestor of the first text node containing it.
fn langs_in_xhtml(doc: &roxmltree::Document<'_>) -> Vec<(String, String)> {
    PROBES
        .iter()
        .map(|(probe, _)| {
            let node = doc
                .descendants()
                .find(|n| n.is_text() && n.text().is_some_and(|t| t.contains(probe)))
                .unwrap_or_else(|| panic!("no text contains {probe:?}"));
            let lang = node
                .ancestors()
                .find_map(|a| a.attribute((XML, "lang")))
                .unwrap_or("(none)");
            ((*probe).to_owned(), lang.to_owned())
        })
        .collect()
}

fn want() -> Vec<(String, String)> {
    PROBES
        .iter()
        .map(|(p, l)| ((*p).to_owned(), (*l).to_owned()))
        .collect()
}

#[test]
fn the_web_page_marks_notices_words_english_in_the_browser() {
    let report = tools::check_html_langs(&[file("welsh.html")], false, PROBES);
    assert!(report.contains("1 passed, 0 failed"), "{report}");
    assert!(report.contains("languages: cy "), "{report}");
    let html = std::fs::read_to_string(file("welsh.html")).unwrap();
    assert!(html.contains("<html lang=\"cy\">"), "the page is Welsh");
    assert!(
        html.contains("<h2 id=\"who-we-are\" lang=\"en-GB\">Who we are</h2>"),
        "a generated heading is marked on its element"
    );
}

#[test]
fn the_ebook_marks_them_with_lang_and_xml_lang() {
    let epub = file("welsh.epub");
    tools::check_epub(&epub);
    let entries = zip_entries(&std::fs::read(&epub).unwrap());
    let xhtml = &entries
        .iter()
        .find(|(n, _)| n == "EPUB/notice.xhtml")
        .expect("a content document")
        .1;
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(xhtml, opts).unwrap();
    // Every element that says `lang` says `xml:lang` too, the same.
    for n in doc.descendants().filter(|n| n.attribute("lang").is_some()) {
        assert_eq!(n.attribute("lang"), n.attribute((XML, "lang")), "{n:?}");
    }
    // The root says cy, so the office's words need no mark of their own.
    assert_eq!(langs_in_xhtml(&doc), want());
    // And in the browser, with axe.
    let dir = tempfile::tempdir().unwrap();
    let mut pages = Vec::new();
    for (name, text) in &entries {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        if name == "EPUB/notice.xhtml" {
            pages.push(path);
        }
    }
    tools::check_html_langs(&pages, true, PROBES);
}

#[test]
fn the_word_file_marks_notices_runs_with_w_lang() {
    let entries = zip_entries(&std::fs::read(file("welsh.docx")).unwrap());
    let xml = &entries
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap()
        .1;
    let doc = roxmltree::Document::parse(xml).unwrap();
    // A run's language is its own `w:rPr/w:lang`; the document default (cy) otherwise.
    let got: Vec<(String, String)> = PROBES
        .iter()
        .map(|(probe, _)| {
            let run = doc
                .descendants()
                .filter(|n| n.has_tag_name((W, "r")))
                .find(|r| {
                    r.descendants().any(|t| {
                        t.has_tag_name((W, "t")) && t.text().is_some_and(|s| s.contains(probe))
                    })
                })
                .unwrap_or_else(|| panic!("no run contains {probe:?}"));
            let lang = run
                .descendants()
                .find(|n| n.has_tag_name((W, "lang")))
                .and_then(|n| n.attribute((W, "val")))
                .unwrap_or("cy");
            ((*probe).to_owned(), lang.to_owned())
        })
        .collect();
    assert_eq!(got, want());
    let styles = &entries
        .iter()
        .find(|(n, _)| n == "word/styles.xml")
        .unwrap()
        .1;
    assert!(
        styles.contains("<w:lang w:val=\"cy\""),
        "the default is Welsh"
    );
    tools::check_docx(&file("welsh.docx"), TITLE, "cy", 14.0);
}

#[test]
fn the_large_print_pdf_tags_them_with_lang() {
    let report = tools::check_pdf_part_lang(&file("welsh-large-print.pdf"), TITLE, "cy", "en-GB");
    assert!(report.contains("/Span en-GB"), "{report}");
}

/// Every run of the document marked English is `notice`'s wording: none of the office's
/// Welsh values is inside one, and each of them is somewhere outside one.
#[test]
fn only_notices_own_words_are_marked() {
    let src = notice::source::SourceFile::read(Path::new(FIXTURE)).unwrap();
    let opts = notice::rules::CheckOptions {
        as_of: notice::model::Date::ymd(2026, 11, 25),
    };
    let n = notice::check(&src, &opts).notice.unwrap();
    let (env, _) = notice::templates::environment(None).unwrap();
    let doc = notice::document::build::build(&n, &env).unwrap();
    let (mut marked, mut unmarked) = (String::new(), String::new());
    fn go(inl: &[notice::document::Inline], marked: &mut String, unmarked: &mut String) {
        use notice::document::Inline;
        for i in inl {
            match i {
                Inline::Lang { lang, content } => {
                    assert_eq!(lang, "en-GB");
                    marked.push_str(&notice::document::plain(content));
                    marked.push('|');
                }
                Inline::Strong(inner) | Inline::Link { text: inner, .. } => {
                    go(inner, marked, unmarked);
                }
                other => unmarked.push_str(&other.plain()),
            }
        }
        unmarked.push('|');
    }
    for (_, s) in doc.walk_sections() {
        for b in &s.blocks {
            for_each_run(b, &mut |inl| go(inl, &mut marked, &mut unmarked));
        }
    }
    for value in [
        "Comisiynydd Heddlu a Throseddu Cymru Wessex",
        "Caiff y Comisiynydd ei ethol i ddwyn y Prif Gwnstabl i gyfrif.",
        "Swyddfa'r Comisiynydd",
        "Dydd Llun i ddydd Gwener",
        "Manylion cyswllt",
        "Chi, pan fyddwch yn cysylltu â ni",
        "Heddlu Wessex",
        "Rydym yn defnyddio eich manylion i ateb eich gohebiaeth.",
        "dwy flynedd ar ôl i chi gysylltu â ni ddiwethaf",
        "Nid oes unrhyw benderfyniad amdanoch",
        "Nid yw ein gwefan yn defnyddio cwcis",
        "Dywedwch wrthym pa fformat sydd ei angen arnoch.",
    ] {
        assert!(!marked.contains(value), "{value:?} is marked English");
        assert!(unmarked.contains(value), "{value:?} is missing");
    }
    for sentence in [
        " is the controller of your personal information: we decide how and why it is used.",
        "We do not send your personal information outside the United Kingdom.",
        "Information Commissioner's Office",
        "You can ask for this notice in another format: ",
    ] {
        assert!(
            marked.contains(sentence),
            "{sentence:?} is not marked English"
        );
    }
    // Headings and labels: `notice`'s are marked, the office's are not.
    let heading = |id: &str| {
        doc.walk_sections()
            .into_iter()
            .find(|(_, s)| s.id == id)
            .map(|(_, s)| s.heading_lang.clone())
            .unwrap()
    };
    assert_eq!(heading("who-we-are").as_deref(), Some("en-GB"));
    assert_eq!(heading("cwcis"), None);
    assert_eq!(heading("ateb-eich-llythyrau-a-ch-negeseuon-e-bost"), None);
    // The front matter: dates and labels are English, the version is the office's.
    assert!(matches!(
        doc.front_matter[0].as_slice(),
        [notice::document::Inline::Lang { .. }]
    ));
}

/// Calls `f` with every run of inlines in a block, labels aside.
fn for_each_run(b: &notice::document::Block, f: &mut dyn FnMut(&[notice::document::Inline])) {
    use notice::document::Block;
    match b {
        Block::Paragraph(i) => f(i),
        Block::List { items, .. } => items.iter().flatten().for_each(|b| for_each_run(b, f)),
        Block::Table(t) => t.rows.iter().flatten().flatten().for_each(|l| f(l)),
        Block::Fields(fields) => fields.iter().for_each(|x| f(&x.value)),
        Block::Note { blocks, .. } => blocks.iter().for_each(|b| for_each_run(b, f)),
        Block::Subheading(_) => {}
    }
}

/// An English notice is marked nowhere: no run, heading, caption or label carries a
/// language, so its outputs are as they were (the snapshots hold them to it).
#[test]
fn english_notices_are_not_marked() {
    let (env, _) = notice::templates::environment(None).unwrap();
    for stem in SEEDS {
        let path = PathBuf::from(format!("notices/{stem}.yaml"));
        let src = notice::source::SourceFile::read(&path).unwrap();
        let opts = notice::rules::CheckOptions {
            as_of: notice::model::Date::ymd(2026, 11, 25),
        };
        let n = notice::check(&src, &opts).notice.unwrap();
        let doc = notice::document::build::build(&n, &env).unwrap();
        let mut runs = 0;
        let mut check = |inl: &[notice::document::Inline]| {
            runs += 1;
            assert!(!has_lang(inl), "{stem}: a part is marked: {inl:?}");
        };
        for line in &doc.front_matter {
            check(line);
        }
        for (_, s) in doc.walk_sections() {
            assert_eq!(s.heading_lang, None, "{stem}: {}", s.heading);
            for b in &s.blocks {
                labels_unmarked(b, stem);
                for_each_run(b, &mut check);
            }
        }
        assert!(runs > 100, "{stem}: {runs} runs");
    }
}

fn has_lang(inl: &[notice::document::Inline]) -> bool {
    use notice::document::Inline;
    inl.iter().any(|i| match i {
        Inline::Lang { .. } => true,
        Inline::Strong(inner) | Inline::Link { text: inner, .. } => has_lang(inner),
        _ => false,
    })
}

fn labels_unmarked(b: &notice::document::Block, stem: &str) {
    use notice::document::Block;
    match b {
        Block::Table(t) => assert!(
            t.caption_lang.is_none() && t.header_lang.is_none(),
            "{stem}"
        ),
        Block::Fields(f) => assert!(f.iter().all(|x| x.label_lang.is_none()), "{stem}"),
        Block::List { items, .. } => items
            .iter()
            .flatten()
            .for_each(|b| labels_unmarked(b, stem)),
        Block::Note { blocks, .. } => blocks.iter().for_each(|b| labels_unmarked(b, stem)),
        Block::Paragraph(_) | Block::Subheading(_) => {}
    }
}
