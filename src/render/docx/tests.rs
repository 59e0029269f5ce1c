//! The Word package read back part by part: well-formed XML, real structure, no clock.

use std::io::Read;

use super::*;
use crate::render::sample;

/// Every part of a package, by name, in the order stored.
pub(crate) fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().unwrap().to_string(), s)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts.iter().find(|(n, _)| n == name).expect(name).1
}

const W: &str = W_NS;

fn styles_of(doc: &roxmltree::Document<'_>) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "pStyle")))
        .filter_map(|n| n.attribute((W, "val")).map(str::to_owned))
        .collect()
}

#[test]
fn every_part_is_well_formed_xml() {
    let bytes = render_docx(&sample::document(), 14.0).unwrap();
    let parts = parts(&bytes);
    assert_eq!(parts[0].0, "[Content_Types].xml");
    for (name, text) in &parts {
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let a = render_docx(&sample::document(), 18.0).unwrap();
    let b = render_docx(&sample::document(), 18.0).unwrap();
    assert_eq!(a, b);
}

#[test]
fn the_title_is_the_one_heading_1_and_levels_never_skip() {
    let bytes = render_docx(&sample::clean_document(), 14.0).unwrap();
    let parts = parts(&bytes);
    let xml = part(&parts, "word/document.xml");
    let doc = roxmltree::Document::parse(xml).unwrap();
    let styles = styles_of(&doc);
    assert_eq!(styles.first().map(String::as_str), Some("Heading1"));
    assert_eq!(styles.iter().filter(|s| *s == "Heading1").count(), 1);
    let mut last = 0;
    for s in styles.iter().filter_map(|s| s.strip_prefix("Heading")) {
        let level: usize = s.parse().unwrap();
        assert!(level <= last + 1, "heading {level} after {last}");
        last = level;
    }
    assert!(styles.iter().any(|s| s == "Heading2"));
    assert!(styles.iter().any(|s| s == "Heading3"));
}

#[test]
fn tables_repeat_their_header_row_and_lists_are_numbered() {
    let bytes = render_docx(&sample::document(), 14.0).unwrap();
    let parts = parts(&bytes);
    let doc = roxmltree::Document::parse(part(&parts, "word/document.xml")).unwrap();
    let tables: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    assert!(!tables.is_empty());
    for t in tables {
        let first = t.children().find(|n| n.has_tag_name((W, "tr"))).unwrap();
        assert!(
            first
                .descendants()
                .any(|n| n.has_tag_name((W, "tblHeader")))
        );
        assert!(t.descendants().any(|n| n.has_tag_name((W, "tblCaption"))));
    }
    assert!(doc.descendants().any(|n| n.has_tag_name((W, "numPr"))));
    // No typed bullets, no text boxes, no floating objects, no italics.
    assert!(!xml_has(
        &parts,
        "word/document.xml",
        "<w:t xml:space=\"preserve\">\u{2022}"
    ));
    for banned in [
        "txbxContent",
        "v:textbox",
        "wp:anchor",
        "<w:i/>",
        "w:val=\"both\"",
    ] {
        assert!(!xml_has(&parts, "word/document.xml", banned), "{banned}");
        assert!(!xml_has(&parts, "word/styles.xml", banned), "{banned}");
    }
}

fn xml_has(parts: &[(String, String)], name: &str, needle: &str) -> bool {
    part(parts, name).contains(needle)
}

#[test]
fn links_are_external_relationships_with_their_text() {
    let bytes = render_docx(&sample::clean_document(), 14.0).unwrap();
    let parts = parts(&bytes);
    let rels = roxmltree::Document::parse(part(&parts, "word/_rels/document.xml.rels")).unwrap();
    let doc = roxmltree::Document::parse(part(&parts, "word/document.xml")).unwrap();
    let links: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "hyperlink")))
        .collect();
    assert!(!links.is_empty());
    for l in links {
        let id = l.attribute((R_NS, "id")).unwrap();
        let rel = rels
            .descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .unwrap_or_else(|| panic!("no relationship {id}"));
        assert_eq!(rel.attribute("TargetMode"), Some("External"));
        let target = rel.attribute("Target").unwrap();
        assert!(
            ["https:", "http:", "mailto:", "tel:"]
                .iter()
                .any(|s| target.starts_with(s)),
            "{target}"
        );
        let text: String = l.descendants().filter_map(|n| n.text()).collect();
        assert!(!text.trim().is_empty());
    }
}

#[test]
fn language_title_and_date_are_set_and_the_body_size_follows_the_variant() {
    let doc = sample::clean_document();
    for (pt, half) in [(14.0, "28"), (24.0, "48")] {
        let bytes = render_docx(&doc, pt).unwrap();
        let parts = parts(&bytes);
        let styles = part(&parts, "word/styles.xml");
        assert!(styles.contains("<w:lang w:val=\"en-GB\""));
        assert!(styles.contains(&format!("<w:sz w:val=\"{half}\"/>")));
        assert!(styles.contains("w:ascii=\"Arial\""));
        let core = part(&parts, "docProps/core.xml");
        assert!(core.contains("<dc:title>Privacy notice for council tax</dc:title>"));
        assert!(core.contains("<dc:language>en-GB</dc:language>"));
        assert!(core.contains("2024-04-12T00:00:00Z"));
    }
}

#[test]
fn hostile_text_stays_text() {
    let bytes = render_docx(&sample::document(), 14.0).unwrap();
    let parts = parts(&bytes);
    for (name, text) in &parts {
        assert!(!text.contains("<script>"), "{name}");
    }
    let core = part(&parts, "docProps/core.xml");
    assert!(core.contains("&lt;script&gt;"));
}
