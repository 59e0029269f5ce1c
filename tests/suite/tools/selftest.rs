//! The checkers must pass good output and catch bad output; otherwise a
//! green run proves nothing. HTML uses committed fixtures; PDFs are made here
//! with krilla (the renderer's own library), so no binary fixture is stored.

use std::num::NonZeroU16;
use std::path::PathBuf;

use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{ContentTag, SpanTag, Tag, TagGroup, TagTree};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};

use super::{
    check_docx, check_docx_fails, check_epub, check_epub_fails, check_html, check_html_fails,
    check_pdf, check_pdf_fails, root,
};

fn html_fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/html").join(name)
}

#[test]
fn html_checker_passes_accessible_page() {
    let out = check_html(&[html_fixture("good.html")]);
    assert!(out.contains("axe: 0 violation(s)"), "{out}");
    assert!(out.contains("1 passed, 0 failed"), "{out}");
}

#[test]
fn html_checker_catches_inaccessible_page() {
    let out = check_html_fails(&[html_fixture("bad.html")]);
    for problem in [
        "axe image-alt",
        "axe html-has-lang",
        "<html> has no lang",
        "2 h1 elements",
        "0 main landmarks",
        "<script> element",
        "first Tab stop is not a link",
        "page scrolls sideways at 320px",
        "0 passed, 1 failed",
    ] {
        assert!(out.contains(problem), "expected {problem:?} in:\n{out}");
    }
}

const TITLE: &str = "How we use your information";

/// A one-page notice: a heading, two paragraphs of body text and the page
/// number. `good` makes it PDF/UA-1, A4, tagged, in English, opening with its
/// bookmarks showing; otherwise it is an untagged US Letter page with no
/// language, one line broken after a hard hyphen, and no page number.
fn sample_pdf(good: bool, body_size: f32) -> Vec<u8> {
    let font = |name: &str| {
        let data = std::fs::read(root().join("assets/fonts").join(name)).unwrap();
        Font::new(data.into(), 0).unwrap()
    };
    let (regular, bold) = (
        font("AtkinsonHyperlegibleNext-Regular.ttf"),
        font("AtkinsonHyperlegibleNext-Bold.ttf"),
    );
    let mut settings = SerializeSettings {
        enable_tagging: good,
        ..Default::default()
    };
    if good {
        settings.configuration = ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .unwrap();
    }
    let (width, height) = if good {
        (595.28, 841.89)
    } else {
        (612.0, 792.0)
    };

    let mut doc = Document::new_with(settings);
    let mut tree = TagTree::new();
    let mut page = doc.start_page_with(PageSettings::from_wh(width, height).unwrap());
    let mut surface = page.surface();
    let lines = [
        (bold, 28.0, TITLE),
        (
            regular.clone(),
            body_size,
            "Example Surgery holds information about you.",
        ),
        (
            regular.clone(),
            body_size,
            if good {
                "You can ask for a copy of it."
            } else {
                "We take part in data-"
            },
        ),
        (
            regular,
            body_size,
            if good {
                "Page 1 of 1"
            } else {
                "sharing schemes."
            },
        ),
    ];
    for (i, (font, size, text)) in lines.into_iter().enumerate() {
        let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
        let at = Point::from_xy(72.0, 100.0 + 40.0 * i as f32);
        surface.draw_text(at, font, size, text, false, TextDirection::Auto);
        surface.end_tagged();
        let mut group = if i == 0 {
            TagGroup::new(Tag::Hn(NonZeroU16::MIN, Some(TITLE.into())))
        } else {
            TagGroup::new(Tag::P)
        };
        group.push(id);
        tree.push(group);
    }
    surface.finish();
    page.finish();

    let mut metadata = Metadata::new().title(TITLE.into());
    if good {
        metadata = metadata.language("en-GB".into());
        // PDF/UA-1 wants an outline (bookmarks) for navigation.
        let mut outline = Outline::new();
        let top = XyzDestination::new(0, Point::from_xy(72.0, 72.0));
        outline.push_child(OutlineNode::new(TITLE.into(), top));
        doc.set_outline(outline);
    }
    doc.set_metadata(metadata);
    doc.set_tag_tree(tree);
    let bytes = doc.finish().unwrap();
    if good {
        notice::render::pdf::open_with_bookmarks(bytes).unwrap()
    } else {
        bytes
    }
}

#[test]
fn pdf_checker_passes_tagged_large_print_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("good.pdf");
    std::fs::write(&pdf, sample_pdf(true, 18.0)).unwrap();
    let out = check_pdf(&pdf, TITLE, "en-GB");
    assert!(out.contains("ok   PDF/UA-1 (page-validation)"), "{out}");
}

#[test]
fn pdf_checker_catches_untagged_small_print_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("bad.pdf");
    std::fs::write(&pdf, sample_pdf(false, 12.0)).unwrap();
    let out = check_pdf_fails(&pdf, TITLE, "en-GB");
    for problem in [
        "FAIL page size A4",
        "FAIL tagged PDF",
        "FAIL structure has H1",
        "FAIL catalog /Lang",
        "FAIL smallest text >= 16 pt: 12 pt",
        "FAIL commonest text size >= 18 pt",
        "FAIL PDF/UA-1 (page-validation)",
        "FAIL opens with bookmarks showing",
        "FAIL every page says \"Page N of M\"",
        "FAIL no line broken at a hard hyphen or dash: page 1:",
    ] {
        assert!(out.contains(problem), "expected {problem:?} in:\n{out}");
    }
}

#[test]
fn pdf_checker_catches_wrong_title_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("good.pdf");
    std::fs::write(&pdf, sample_pdf(true, 18.0)).unwrap();
    let out = check_pdf_fails(&pdf, "Another title", "cy");
    assert!(out.contains("FAIL title"), "{out}");
    assert!(out.contains("FAIL catalog /Lang"), "{out}");
}

/// The Word file and ebook of one seed notice, rendered in memory.
fn alt_outputs() -> (String, Vec<u8>, Vec<u8>) {
    let (env, _) = notice::templates::environment(None).unwrap();
    let source = notice::source::SourceFile::read(&root().join("notices/kent-2021.yaml")).unwrap();
    let opts = notice::rules::CheckOptions {
        as_of: notice::model::Date::ymd(2026, 11, 25),
    };
    let n = notice::check(&source, &opts).notice.unwrap();
    let doc = notice::document::build::build(&n, &env).unwrap();
    let cx = notice::render::RenderContext {
        env: &env,
        body_size: 18.0,
        braille_grade: 2,
    };
    let render = |name| {
        notice::render::Format::by_name(name)
            .unwrap()
            .render(&doc, &cx)
            .unwrap()
            .bytes
    };
    (doc.title.clone(), render("docx"), render("epub"))
}

/// A copy of a zip package with every entry's text passed through `edit`, each entry
/// stored as it was (`mimetype` first and uncompressed, as EPUB wants).
fn edited_zip(bytes: &[u8], edit: impl Fn(&str, String) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..from.len() {
        let mut f = from.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let method = f.compression();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default());
        to.start_file(name.as_str(), opts).unwrap();
        to.write_all(edit(&name, text).as_bytes()).unwrap();
    }
    to.finish().unwrap().into_inner()
}

#[test]
fn docx_checker_passes_notices_word_file() {
    let (title, docx, _) = alt_outputs();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.docx");
    std::fs::write(&good, &docx).unwrap();
    let out = check_docx(&good, &title, "en-GB", 14.0);
    assert!(out.contains("PASS"), "{out}");
}

#[test]
fn docx_checker_catches_an_inaccessible_word_file() {
    let (title, docx, _) = alt_outputs();
    let bad = edited_zip(&docx, |name, text| match name {
        // No header rows, a skipped heading level, a typed bullet, small italic text.
        "word/document.xml" => text
            .replace("<w:tblHeader/>", "")
            .replacen("w:val=\"Heading3\"", "w:val=\"Heading5\"", 1)
            .replacen(
                "<w:t xml:space=\"preserve\">",
                "<w:t xml:space=\"preserve\">\u{2022} ",
                2,
            )
            .replacen("<w:r>", "<w:r><w:rPr><w:i/><w:sz w:val=\"18\"/></w:rPr>", 1),
        "word/styles.xml" => text.replace("w:val=\"en-GB\"", "w:val=\"en-US\""),
        "docProps/core.xml" => text.replace(&title, "Untitled"),
        _ => text,
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.docx");
    std::fs::write(&path, bad).unwrap();
    let out = check_docx_fails(&path, &title, "en-GB", 14.0);
    for problem in [
        "no repeated header row",
        "Heading 5 after Heading 2",
        "typed bullet",
        "italics",
        "below 14.0 pt",
        "w:lang en-GB",
        "core property title is 'Untitled'",
        "FAIL",
    ] {
        assert!(out.contains(problem), "expected {problem:?} in:\n{out}");
    }
}

#[test]
fn epub_checker_passes_notices_ebook_and_catches_a_broken_one() {
    let (_, _, epub) = alt_outputs();
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.epub");
    std::fs::write(&good, &epub).unwrap();
    check_epub(&good);
    // No modification date, and a contents link to a section that does not exist.
    let bad = edited_zip(&epub, |name, text| match name {
        "EPUB/package.opf" => text
            .lines()
            .filter(|l| !l.contains("dcterms:modified"))
            .collect::<Vec<_>>()
            .join("\n"),
        "EPUB/nav.xhtml" => text.replacen("notice.xhtml#", "notice.xhtml#missing-", 1),
        _ => text,
    });
    let path = dir.path().join("bad.epub");
    std::fs::write(&path, bad).unwrap();
    let out = check_epub_fails(&path);
    assert!(out.contains("dcterms:modified"), "{out}");
    assert!(out.contains("missing-"), "{out}");
}
