//! A representative document for the renderer tests: Welsh letters, long links, keep runs,
//! nested lists and sections, a table, fields, a note, and hostile text in every field.

use crate::document::{Block, Document, Field, Inline, Section, Table};

/// Text that must come out escaped (HTML) or verbatim (plain text).
pub(crate) const HOSTILE: &str = "<script>alert(1)</script>\" onmouseover=\"x";

/// A long https address that must never be broken in plain text.
pub(crate) const LONG_URL: &str = "https://www.maidstone.gov.uk/home/primary-services/council-and-democracy/additional-areas/data-protection-and-freedom-of-information/privacy-notices";

fn t(s: &str) -> Inline {
    Inline::text(s)
}

fn p(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(inlines)
}

fn section(id: &str, heading: &str, blocks: Vec<Block>, children: Vec<Section>) -> Section {
    Section {
        id: id.to_owned(),
        heading: heading.to_owned(),
        heading_lang: None,
        in_contents: true,
        blocks,
        children,
    }
}

/// The test document.
pub(crate) fn document() -> Document {
    let who = section(
        "who-we-are",
        "Who we are",
        vec![
            p(vec![
                t(
                    "Maidstone Borough Council is the controller for the personal information we process. Mae croeso i chi ysgrifennu yn Gymraeg: ŵyr, ŷd, dŵr a tŷ. ",
                ),
                Inline::Strong(vec![t("We never sell your information.")]),
                t(" Call us on "),
                Inline::Link {
                    text: vec![Inline::Keep("01622 677055".into())],
                    url: "tel:+441622677055".into(),
                },
                t(" or write to Maidstone House, King Street, Maidstone "),
                Inline::Keep("ME15 9BZ".into()),
                t("."),
            ]),
            p(vec![
                t("Our full privacy notices are on "),
                Inline::Link {
                    text: vec![t("our data protection pages")],
                    url: LONG_URL.into(),
                },
                t(", and the address itself is "),
                Inline::Link {
                    text: vec![t(LONG_URL)],
                    url: LONG_URL.into(),
                },
                t(". Email "),
                Inline::Link {
                    text: vec![Inline::Keep("dataprotection@maidstone.gov.uk".into())],
                    url: "mailto:dataprotection@maidstone.gov.uk".into(),
                },
                t(" with any question."),
            ]),
            p(vec![
                t("Hostile text: "),
                t(HOSTILE),
                t(" and a hostile link: "),
                Inline::Link {
                    text: vec![t("do not follow")],
                    url: "javascript:alert(1)".into(),
                },
                t(" and "),
                Inline::Link {
                    text: vec![t("quoted")],
                    url: "https://example.org/?a=1&b=\"><script>alert(2)</script>".into(),
                },
                t("."),
            ]),
            Block::Fields(vec![
                Field {
                    label: "Telephone".into(),
                    label_lang: None,
                    value: vec![Inline::Keep("01622 677055".into())],
                },
                Field {
                    label: "Address".into(),
                    label_lang: None,
                    value: vec![
                        t("Maidstone House"),
                        Inline::Break,
                        t("King Street"),
                        Inline::Break,
                        t("Maidstone "),
                        Inline::Keep("ME15 9BZ".into()),
                    ],
                },
                Field {
                    label: HOSTILE.into(),
                    label_lang: None,
                    value: vec![t(HOSTILE)],
                },
            ]),
        ],
        vec![section(
            "data-protection-officer",
            "Our data protection officer",
            vec![p(vec![t(
                "Our data protection officer checks that we follow the law. You can reach them through the contact details above, on weekdays between 9am and 5pm.",
            )])],
            vec![section(
                "dpo-hours",
                "When the officer is available",
                vec![p(vec![t("Monday to Friday, except bank holidays.")])],
                vec![],
            )],
        )],
    );

    let what = section(
        "what-we-collect",
        "What we collect and why",
        vec![
            p(vec![t("We collect these kinds of personal information:")]),
            Block::List {
                ordered: false,
                items: vec![
                    vec![p(vec![t("your name, address and contact details")])],
                    vec![
                        p(vec![t("information about your household, including:")]),
                        Block::List {
                            ordered: false,
                            items: vec![
                                vec![p(vec![t("the people who live with you")])],
                                vec![p(vec![t(
                                    "any benefits or discounts you receive, and the evidence you give us for them, which we keep for as long as the law requires",
                                )])],
                            ],
                        },
                    ],
                    vec![p(vec![t(HOSTILE)])],
                ],
            },
            Block::Subheading("How to ask for your information".into()),
            Block::List {
                ordered: true,
                items: vec![
                    vec![p(vec![t("Write to us or send an email.")])],
                    vec![p(vec![t(
                        "Tell us which information you want, as precisely as you can, so we can find it quickly.",
                    )])],
                    vec![p(vec![t("We reply within one month.")])],
                ],
            },
            Block::Table(Table {
                caption: "Why we use your information and the law that allows it".into(),
                caption_lang: None,
                header: vec![
                    "Purpose".into(),
                    "Lawful basis".into(),
                    "How long we keep it".into(),
                ],
                header_lang: None,
                rows: vec![
                    vec![
                        vec![vec![t("Council tax billing and collection")]],
                        vec![vec![t("Public task (UK GDPR Article 6(1)(e))")]],
                        vec![vec![t("6 years after the account closes")]],
                    ],
                    vec![
                        vec![vec![t("Housing register")]],
                        vec![
                            vec![t("Public task")],
                            vec![t("Legal obligation (Housing Act 1996)")],
                        ],
                        vec![vec![t("Until you leave the register, then 2 years")]],
                    ],
                    vec![vec![vec![t(HOSTILE)]], vec![vec![t(HOSTILE)]], vec![vec![]]],
                ],
            }),
        ],
        vec![],
    );

    let rights = section(
        "your-rights",
        "Your rights",
        vec![
            Block::Note {
                label: "Your right to object".into(),
                blocks: vec![p(vec![
                    t(
                        "You can object at any time to our use of your information for public tasks. Email ",
                    ),
                    Inline::Link {
                        text: vec![Inline::Keep("dataprotection@maidstone.gov.uk".into())],
                        url: "mailto:dataprotection@maidstone.gov.uk".into(),
                    },
                    t("."),
                ])],
            },
            Block::Note {
                label: HOSTILE.into(),
                blocks: vec![p(vec![t(HOSTILE)])],
            },
            p(vec![
                t("You can complain to the Information Commissioner's Office on "),
                Inline::Keep("0303 123 1113".into()),
                t(" or at "),
                Inline::Link {
                    text: vec![t("https://ico.org.uk/make-a-complaint/")],
                    url: "https://ico.org.uk/make-a-complaint/".into(),
                },
                t("."),
            ]),
        ],
        vec![],
    );

    let hostile = Section {
        id: "hostile\" onmouseover=\"x".into(),
        heading: HOSTILE.into(),
        heading_lang: None,
        in_contents: true,
        blocks: vec![p(vec![t(HOSTILE)])],
        children: vec![],
    };

    Document {
        lang: "en-GB\" onmouseover=\"x".into(),
        title: format!("Privacy notice for council tax {HOSTILE}"),
        organisation: format!("Maidstone Borough Council {HOSTILE}"),
        date: Some("2024-04-12".into()),
        front_matter: vec![
            vec![t("Published "), Inline::Keep("1 April 2025".into())],
            vec![t("Last reviewed "), Inline::Keep("14 February 2026".into())],
            vec![t(HOSTILE)],
        ],
        sections: vec![who, what, rights, hostile],
    }
}

/// The test document without hostile text, for looking at the rendered page.
pub(crate) fn clean_document() -> Document {
    let mut doc = document();
    doc.lang = "en-GB".into();
    doc.title = "Privacy notice for council tax".into();
    doc.organisation = "Maidstone Borough Council".into();
    doc.front_matter.pop();
    doc.sections.pop();
    strip(&mut doc.sections);
    doc
}

fn strip(sections: &mut [Section]) {
    for s in sections {
        strip_blocks(&mut s.blocks);
        strip(&mut s.children);
    }
}

fn strip_blocks(blocks: &mut Vec<Block>) {
    blocks.retain(|b| !is_hostile(b));
    for b in blocks {
        match b {
            Block::List { items, .. } => {
                items.retain(|i| !i.iter().any(is_hostile));
                for i in items {
                    strip_blocks(i);
                }
            }
            Block::Table(t) => t.rows.retain(|r| {
                !r.iter()
                    .flatten()
                    .any(|line| crate::document::plain(line).contains(HOSTILE))
            }),
            Block::Fields(f) => f.retain(|f| !f.label.contains(HOSTILE)),
            Block::Note { blocks, .. } => strip_blocks(blocks),
            _ => {}
        }
    }
}

fn is_hostile(b: &Block) -> bool {
    match b {
        Block::Paragraph(inl) => crate::document::plain(inl).contains(HOSTILE),
        Block::Note { label, .. } => label.contains(HOSTILE),
        _ => false,
    }
}

/// The words a reader of an HTML page gets, as text: the body without its tags (block
/// tags and `<br>` become spaces; inline tags vanish, so `<span>a</span>b` stays `ab`),
/// with entities decoded.
pub(crate) fn visible_text(html: &str) -> String {
    let body = &html[html.find("<body>").expect("the page has a body")..];
    let mut out = String::new();
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('>').expect("tags close");
        let tag = &rest[open..=close];
        let name = tag[1..]
            .trim_start_matches('/')
            .split([' ', '>'])
            .next()
            .unwrap_or("");
        if !matches!(name, "a" | "span" | "strong") {
            out.push(' ');
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
