//! The EPUB read back: container order, well-formed XHTML, metadata, contents, no clock.

use super::*;
use crate::render::docx::tests::parts;
use crate::render::sample;

#[test]
fn mimetype_comes_first_and_is_stored() {
    let bytes = render_epub(&sample::document()).unwrap();
    // The first local header: name `mimetype`, compression method 0 (stored), and the
    // content right after the name, as EPUB OCF requires.
    assert_eq!(&bytes[0..4], b"PK\x03\x04");
    assert_eq!(u16::from_le_bytes([bytes[8], bytes[9]]), 0);
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(&bytes[38..58], b"application/epub+zip");
}

#[test]
fn every_part_is_well_formed_xml() {
    for doc in [sample::document(), sample::clean_document()] {
        let bytes = render_epub(&doc).unwrap();
        for (name, text) in parts(&bytes) {
            if name.ends_with(".xhtml") || name.ends_with(".opf") || name.ends_with(".xml") {
                roxmltree::Document::parse_with_options(
                    &text,
                    roxmltree::ParsingOptions {
                        allow_dtd: true,
                        ..Default::default()
                    },
                )
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
    }
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let a = render_epub(&sample::document()).unwrap();
    assert_eq!(a, render_epub(&sample::document()).unwrap());
}

#[test]
fn the_package_carries_language_date_and_accessibility_metadata() {
    let bytes = render_epub(&sample::clean_document()).unwrap();
    let parts = parts(&bytes);
    let opf = &parts
        .iter()
        .find(|(n, _)| n == "EPUB/package.opf")
        .unwrap()
        .1;
    for want in [
        "<dc:language>en-GB</dc:language>",
        "<meta property=\"dcterms:modified\">2024-04-12T00:00:00Z</meta>",
        "schema:accessMode\">textual",
        "schema:accessModeSufficient\">textual",
        "schema:accessibilityFeature\">tableOfContents",
        "schema:accessibilityHazard\">none",
        "schema:accessibilitySummary",
        "dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.2 Level AA",
    ] {
        assert!(opf.contains(want), "{want}");
    }
}

#[test]
fn every_contents_link_has_a_target() {
    let bytes = render_epub(&sample::clean_document()).unwrap();
    let parts = parts(&bytes);
    let get = |n: &str| &parts.iter().find(|(name, _)| name == n).unwrap().1;
    let nav = get("EPUB/nav.xhtml");
    let content = get("EPUB/notice.xhtml");
    let mut links = 0;
    for chunk in nav.split("href=\"notice.xhtml#").skip(1) {
        let id = &chunk[..chunk.find('"').unwrap()];
        assert!(content.contains(&format!("id=\"{id}\"")), "no target #{id}");
        links += 1;
    }
    assert!(links >= 3, "{links} links");
    assert!(!content.contains("<br>"));
}
