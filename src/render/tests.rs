//! Properties of both renderers over random documents.

use super::*;
use crate::document::{Field, Table};
use crate::render::sample;
use proptest::prelude::*;

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        10 => "[a-zA-Zŵŷ0-9]{1,10}[.,;:]?",
        1 => "<[a-z]{1,6}>|&[a-z]{1,4};|\"|'|<script>",
        1 => "https://[a-z]{5,40}\\.example/[a-z/-]{20,90}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..25).prop_map(|w| w.join(" "))
}

fn inline() -> impl Strategy<Value = Inline> {
    let leaf = prop_oneof![
        6 => text().prop_map(|t| Inline::Text(format!("{t} "))),
        1 => "[0-9]{3,5} [0-9]{6}|[A-Z]{2}[0-9]{1,2} [0-9][A-Z]{2}".prop_map(Inline::Keep),
        1 => Just(Inline::Break),
        1 => (text(), prop_oneof![
                Just("https://example.org/a/b".to_owned()),
                Just("mailto:a@example.org".to_owned()),
                Just("javascript:alert(1)".to_owned()),
            ])
            .prop_map(|(t, url)| Inline::Link { text: vec![Inline::Text(t)], url }),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop::collection::vec(inner, 1..3).prop_map(Inline::Strong)
    })
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    prop::collection::vec(inline(), 1..5)
}

fn block() -> impl Strategy<Value = Block> {
    let leaf = prop_oneof![
        4 => inlines().prop_map(Block::Paragraph),
        1 => text().prop_map(Block::Subheading),
        1 => prop::collection::vec((text(), inlines()), 1..4).prop_map(|f| {
            Block::Fields(f.into_iter().map(|(label, value)| Field { label, label_lang: None, value }).collect())
        }),
        1 => (text(), prop::collection::vec(text(), 1..4), 1..4usize).prop_flat_map(|(caption, header, rows)| {
            let n = header.len();
            prop::collection::vec(prop::collection::vec(prop::collection::vec(inlines(), 0..3), n), rows)
                .prop_map(move |rows| Block::Table(Table { caption: caption.clone(), caption_lang: None, header: header.clone(), header_lang: None, rows }))
        }),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            (
                any::<bool>(),
                prop::collection::vec(prop::collection::vec(inner.clone(), 1..3), 1..4)
            )
                .prop_map(|(ordered, items)| Block::List { ordered, items }),
            (text(), prop::collection::vec(inner, 1..3))
                .prop_map(|(label, blocks)| Block::Note { label, blocks }),
        ]
    })
}

fn section() -> impl Strategy<Value = Section> {
    let leaf = (text(), any::<bool>(), prop::collection::vec(block(), 0..4)).prop_map(
        |(heading, in_contents, blocks)| Section {
            id: String::new(),
            heading,
            heading_lang: None,
            in_contents,
            blocks,
            children: vec![],
        },
    );
    leaf.prop_recursive(3, 12, 3, |inner| {
        (inner.clone(), prop::collection::vec(inner, 1..3)).prop_map(|(mut s, children)| {
            s.children = children;
            s
        })
    })
}

fn document() -> impl Strategy<Value = Document> {
    (
        text(),
        text(),
        prop::collection::vec(inlines(), 0..3),
        prop::collection::vec(section(), 1..4),
    )
        .prop_map(|(title, organisation, front_matter, mut sections)| {
            fn number(s: &mut [Section], n: &mut usize) {
                for s in s {
                    *n += 1;
                    s.id = format!("s{n}");
                    number(&mut s.children, n);
                }
            }
            number(&mut sections, &mut 0);
            Document {
                lang: "en-GB".into(),
                title,
                organisation,
                date: None,
                front_matter,
                sections,
            }
        })
}

/// Every keep run in the document.
fn keeps(doc: &Document) -> Vec<String> {
    fn inl(i: &[Inline], out: &mut Vec<String>) {
        for i in i {
            match i {
                Inline::Keep(k) => out.push(k.clone()),
                Inline::Strong(x) | Inline::Link { text: x, .. } => inl(x, out),
                _ => {}
            }
        }
    }
    fn blocks(b: &[Block], out: &mut Vec<String>) {
        for b in b {
            match b {
                Block::Paragraph(i) => inl(i, out),
                Block::List { items, .. } => items.iter().for_each(|i| blocks(i, out)),
                Block::Table(t) => t.rows.iter().flatten().flatten().for_each(|l| inl(l, out)),
                Block::Fields(f) => f.iter().for_each(|f| inl(&f.value, out)),
                Block::Note { blocks: b, .. } => blocks(b, out),
                Block::Subheading(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    doc.front_matter.iter().for_each(|l| inl(l, &mut out));
    for (_, s) in doc.walk_sections() {
        blocks(&s.blocks, &mut out);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn text_layout_and_words(doc in document()) {
        let out = text::render_text(&doc);
        prop_assert!(out.ends_with('\n') && !out.ends_with("\n\n"));
        prop_assert!(!out.contains('\t') && !out.contains('\r'));
        prop_assert!(!out.contains("\n\n\n\n"), "three blank lines in a row");
        for line in out.lines() {
            prop_assert_eq!(line, line.trim_end());
            if line.chars().count() > text::WIDTH {
                // One token: a word, perhaps glued to keep runs (whose spaces stay).
                let mut body = line
                    .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '.' | ' '))
                    .to_owned();
                for k in keeps(&doc) {
                    body = body.replace(&k, "k");
                }
                prop_assert!(!body.contains(' '), "overlong line: {}", line);
            }
        }
        let want = words(&doc);
        if let Err(i) = find_subsequence(&want, &words_in(&out)) {
            prop_assert!(false, "word {} {:?} missing; before it {:?}\n{}", i, want[i], &want[i.saturating_sub(4)..i], out);
        }
        prop_assert_eq!(&out, &text::render_text(&doc));
    }

    #[test]
    fn html_structure_escaping_and_words(doc in document()) {
        let env = html::default_environment();
        let page = html::render_html(&doc, &env).unwrap();
        prop_assert_eq!(page.matches("<h1").count(), 1);
        prop_assert!(!page.contains("<script") && !page.contains("javascript:"));
        let mut last = 1;
        for (i, _) in page.match_indices("<h") {
            let b = page.as_bytes();
            if b[i + 2].is_ascii_digit() && matches!(b[i + 3], b'>' | b' ') {
                let level = u32::from(b[i + 2] - b'0');
                prop_assert!(level <= last + 1, "h{} after h{}", level, last);
                last = level;
            }
        }
        let want = words(&doc);
        let got = words_in(&sample::visible_text(&page));
        if let Err(i) = find_subsequence(&want, &got) {
            prop_assert!(false, "word {} {:?} missing; before it {:?}\n{}", i, want[i], &want[i.saturating_sub(4)..i], page);
        }
        prop_assert_eq!(&page, &html::render_html(&doc, &env).unwrap());
    }
}
