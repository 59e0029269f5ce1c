use super::*;

fn render(body: f32) -> PdfOutput {
    render_pdf(&fixture::document(), &PdfOptions { body_size: body }).expect("renders")
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

fn page_count(bytes: &[u8]) -> usize {
    count(bytes, b"/Type/Page") - count(bytes, b"/Type/Pages")
}

#[test]
fn output_is_a_pdf() {
    let out = render(18.0);
    assert!(out.bytes.starts_with(b"%PDF-1.7"));
    assert!(out.bytes.ends_with(b"%%EOF") || out.bytes.ends_with(b"%%EOF\n"));
}

#[test]
fn rendering_is_deterministic() {
    let a = render(18.0);
    let b = render(18.0);
    assert!(a.bytes == b.bytes, "two renders differ");
    assert_eq!(a.warnings, b.warnings);
}

#[test]
fn the_fixture_runs_to_several_pages() {
    let pages = page_count(&render(18.0).bytes);
    assert!(pages >= 4, "{pages} pages");
    // Bigger type means more pages.
    assert!(page_count(&render(24.0).bytes) > pages);
}

#[test]
fn catalog_has_language_title_and_marking() {
    let bytes = render(18.0).bytes;
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("/Lang(en-GB)"), "no /Lang");
    assert!(text.contains("/DisplayDocTitle true"), "no DisplayDocTitle");
    assert!(text.contains("/Marked true"), "not marked");
    assert!(text.contains("/StructTreeRoot"), "no structure tree");
    assert!(text.contains("/Outlines"), "no outline");
    assert!(text.contains("pdfuaid:part"), "no PDF/UA identifier");
    assert!(!text.contains("/CreationDate"), "a date crept in");
}

#[test]
fn structure_uses_the_expected_tags() {
    let bytes = render(18.0).bytes;
    for tag in [
        "/S/Document",
        "/S/H1",
        "/S/H2",
        "/S/H3",
        "/S/H4",
        "/S/P",
        "/S/L",
        "/S/LI",
        "/S/Lbl",
        "/S/LBody",
        "/S/Link",
        "/S/Caption",
        "/S/Div",
    ] {
        assert!(count(&bytes, tag.as_bytes()) > 0, "no {tag}");
    }
    // No heading level is skipped: H5 appears only because H4 does.
    assert!(count(&bytes, b"/S/H6") == 0);
}

#[test]
fn every_link_is_clickable_and_described() {
    let bytes = render(18.0).bytes;
    for uri in [
        "/URI(https://ico.org.uk/make-a-complaint/)",
        "/URI(mailto:dataprotection@kent.example.gov.uk)",
        "/URI(tel:+443031231113)",
        "/URI(https://www.kent.example.gov.uk/about-the-council/",
    ] {
        assert!(count(&bytes, uri.as_bytes()) > 0, "no {uri}");
    }
    let links = count(&bytes, b"/Subtype/Link");
    assert!(links >= 4, "{links} link annotations");
    // Pages have /Contents too (their content streams); annotations have theirs as text.
    assert_eq!(
        count(&bytes, b"/Contents") - page_count(&bytes),
        links,
        "an annotation has no description"
    );
}

#[test]
fn a_document_without_a_title_is_refused_in_plain_english() {
    let mut doc = fixture::document();
    doc.title = String::new();
    let err = render_pdf(&doc, &PdfOptions::default()).unwrap_err();
    assert!(matches!(err, PdfError::NotAccessible(_)));
    assert!(err.to_string().contains("no title"), "{err}");
}

#[test]
fn a_character_no_font_has_is_a_warning() {
    let out = render(18.0);
    assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
    let w = &out.warnings[0];
    assert_eq!(w.rule, "PN950");
    assert_eq!(w.character, Some('\u{1F9E0}'));
    assert!(w.message.contains("U+1F9E0"), "{w:?}");
    let context = w.context.as_deref().unwrap_or_default();
    assert!(context.contains("A character no font has"), "{w:?}");
    // Ō and 😀 are drawn from DejaVu, so no warning names them.
    assert!(
        !out.warnings
            .iter()
            .any(|w| matches!(w.character, Some('\u{014C}' | '\u{1F600}')))
    );
}

#[test]
fn body_size_must_be_large_print() {
    let doc = fixture::document();
    for bad in [12.0, 15.9, f32::NAN, 100.0] {
        let err = render_pdf(&doc, &PdfOptions { body_size: bad }).unwrap_err();
        assert!(err.to_string().contains("body size"), "{err}");
    }
    for good in [16.0, 20.0, 24.0] {
        assert!(render_pdf(&doc, &PdfOptions { body_size: good }).is_ok());
    }
}

#[test]
fn a_minimal_document_renders() {
    let doc = Document {
        lang: "cy".into(),
        title: "Hysbysiad preifatrwydd".into(),
        organisation: "Cyngor".into(),
        date: None,
        front_matter: vec![],
        sections: vec![],
    };
    let out = render_pdf(&doc, &PdfOptions::default()).expect("renders");
    assert!(String::from_utf8_lossy(&out.bytes).contains("/Lang(cy)"));
    assert!(out.warnings.is_empty());
    assert_eq!(page_label("cy-GB", 2, 9), "Tudalen 2 o 9");
    assert_eq!(page_label("en-GB", 2, 9), "Page 2 of 9");
}

#[test]
fn nothing_is_smaller_than_16pt() {
    let l = layout::layout(&fixture::document(), 18.0, None);
    for item in &l.items {
        assert!(item.size >= 16.0);
    }
    for p in &l.paras {
        assert!(p.para.size >= 16.0);
    }
}

#[test]
fn headings_are_kept_with_what_follows() {
    for doc in [fixture::document(), fixture::long_document()] {
        for body in [18.0, 20.0, 24.0] {
            let l = layout::layout(&doc, body, None);
            let pages = layout::paginate(&l.items, MARGIN, layout::content_bottom(body));
            for plan in &pages {
                let last = plan.items().end - 1;
                let node = l.paras[l.items[last].para].node;
                assert!(
                    !matches!(l.tags.nodes[node].kind, NodeKind::Heading(..)),
                    "a heading ends a page at {body} pt"
                );
                // Nothing runs into the footer.
                let bottom = plan.tops.last().unwrap() + l.items[last].height;
                assert!(bottom <= layout::content_bottom(body) + 0.01);
            }
            // Every line fits between the margins.
            for item in &l.items {
                let line = &l.paras[item.para].lines[item.line];
                assert!(item.x + line.width <= PAGE_WIDTH - MARGIN + 0.01);
                assert!(item.size >= 16.0);
            }
        }
    }
}

#[test]
fn opens_with_its_bookmarks_showing() {
    let bytes = render(18.0).bytes;
    assert_eq!(count(&bytes, b"/PageMode/UseOutlines"), 1);
    // The cross-reference offset still points at the table.
    let at = bytes
        .windows(10)
        .rposition(|w| w == b"startxref\n")
        .unwrap()
        + 10;
    let digits: String = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .map(|&b| char::from(b))
        .collect();
    let offset: usize = digits.parse().unwrap();
    assert!(bytes[offset..].starts_with(b"xref\n"), "startxref is off");
    // A file that is not as krilla writes it is refused, not damaged.
    assert!(open_with_bookmarks(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".to_vec()).is_err());
}

#[test]
fn long_documents_get_a_contents_page_with_the_printed_numbers() {
    for body in [18.0, 24.0] {
        let doc = fixture::long_document();
        let (l, pages) = lay_out_with_contents(&doc, body);
        assert!(pages.len() > CONTENTS_AFTER_PAGES);
        // The contents entries are the links into the document, in order.
        let entries: Vec<&text::Link> = l.links.iter().filter(|k| k.section.is_some()).collect();
        let listed: Vec<usize> = (0..doc.sections.len())
            .filter(|&i| doc.sections[i].in_contents)
            .collect();
        assert_eq!(entries.len(), listed.len());
        // Each entry's paragraph says "…, page N", and N is the page its heading is on.
        for (entry, &section) in entries.iter().zip(&listed) {
            assert_eq!(entry.section, Some(section));
            let para = l
                .paras
                .iter()
                .find(|p| {
                    p.para
                        .spans
                        .iter()
                        .any(|s| s.link.is_some_and(|k| std::ptr::eq(&l.links[k], *entry)))
                })
                .unwrap();
            let printed: usize = para.para.text.rsplit(' ').next().unwrap().parse().unwrap();
            let actual = page_of(&pages, l.outline[section].item) + 1;
            assert_eq!(printed, actual, "{}", para.para.text);
        }
        // The sections start on a fresh page after the contents.
        let first = l.outline[0].item;
        assert!(l.items[first].break_before);
        assert_eq!(pages[page_of(&pages, first)].first, first);
    }
    // A short document has none.
    let short = crate::document::Document {
        sections: fixture::document().sections.into_iter().take(1).collect(),
        ..fixture::document()
    };
    let (l, pages) = lay_out_with_contents(&short, 18.0);
    assert!(pages.len() <= CONTENTS_AFTER_PAGES);
    assert!(l.links.iter().all(|k| k.section.is_none()));
}

#[test]
fn the_spliced_layout_is_the_full_layout() {
    for body in [18.0, 24.0] {
        let doc = fixture::long_document();
        let (spliced, _) = lay_out_with_contents(&doc, body);
        // The contents the splice used, read back from its entries.
        let entries: Vec<(usize, String, usize)> = spliced
            .links
            .iter()
            .enumerate()
            .filter_map(|(k, link)| {
                let section = link.section?;
                let para = spliced
                    .paras
                    .iter()
                    .find(|p| p.para.spans.iter().any(|s| s.link == Some(k)))?;
                let page = para.para.text.rsplit(' ').next()?.parse().ok()?;
                Some((section, doc.sections[section].heading.clone(), page))
            })
            .collect();
        assert!(!entries.is_empty());
        let contents = layout::Contents {
            label: "Contents".into(),
            page_word: "page".into(),
            entries,
            entry_langs: Vec::new(),
        };
        let full = layout::layout(&doc, body, Some(&contents));
        assert_eq!(spliced.items, full.items);
        assert_eq!(spliced.links, full.links);
        assert_eq!(spliced.outline, full.outline);
        assert_eq!(spliced.rules, full.rules);
        assert_eq!(spliced.tags.nodes, full.tags.nodes);
        assert_eq!(spliced.warnings, full.warnings);
        let texts = |l: &Layout| -> Vec<(String, usize)> {
            l.paras
                .iter()
                .map(|p| (p.para.text.clone(), p.node))
                .collect()
        };
        assert_eq!(texts(&spliced), texts(&full));
    }
}
