//! A representative document for tests: long paragraphs, Welsh, Keep runs, links, nested
//! lists, a table, fields, a note, nested sections, a character only the fallback font has
//! and one no font has. Long enough for several pages.

use crate::document::{Block, Document, Field, Inline, Section, Table};

fn t(s: &str) -> Inline {
    Inline::text(s)
}

fn keep(s: &str) -> Inline {
    Inline::Keep(s.to_string())
}

fn p(inlines: Vec<Inline>) -> Block {
    Block::Paragraph(inlines)
}

fn section(id: &str, heading: &str, blocks: Vec<Block>, children: Vec<Section>) -> Section {
    Section {
        id: id.to_string(),
        heading: heading.to_string(),
        heading_lang: None,
        in_contents: true,
        blocks,
        children,
    }
}

const LOREM: &str = "We collect and use personal information so that we can provide the services \
    you ask us for, keep you and others safe, meet our legal duties and plan for the future. \
    We only use the information we need, we keep it secure, and we delete it when we no longer \
    need it. Where the law allows us to share information with other organisations, we share \
    only what is necessary and we make sure they protect it as carefully as we do.";

/// The fixture document.
pub(super) fn document() -> Document {
    let contact = Block::Fields(vec![
        Field {
            label: "Telephone".into(),
            label_lang: None,
            value: vec![keep("01622 677055")],
        },
        Field {
            label: "Email".into(),
            label_lang: None,
            value: vec![Inline::Link {
                text: vec![keep("dataprotection@kent.example.gov.uk")],
                url: "mailto:dataprotection@kent.example.gov.uk".into(),
            }],
        },
        Field {
            label: "Address".into(),
            label_lang: None,
            value: vec![
                t("Data Protection Officer"),
                Inline::Break,
                t("Sessions House, County Hall"),
                Inline::Break,
                t("Maidstone"),
                Inline::Break,
                keep("ME15 9BZ"),
            ],
        },
    ]);

    let table = Block::Table(Table {
        caption: "How long we keep your information".into(),
        caption_lang: None,
        header: vec!["Record".into(), "How long".into(), "Why".into()],
        header_lang: None,
        rows: (1..=5)
            .map(|i| {
                vec![
                    vec![vec![t(&format!("Record type {i}: case files and letters"))]],
                    vec![vec![t(&format!("{} years after the case closes", i * 2))]],
                    vec![
                        vec![t("Required by the Limitation Act 1980")],
                        vec![t("and our records policy")],
                    ],
                ]
            })
            .collect(),
    });

    let list = Block::List {
        ordered: false,
        items: vec![
            vec![p(vec![
                t("your name, address, "),
                keep("01622 677055"),
                t(" and date of birth"),
            ])],
            vec![
                p(vec![t("details of the services you receive, including:")]),
                Block::List {
                    ordered: true,
                    items: vec![
                        vec![p(vec![t("care and support plans")])],
                        vec![p(vec![t(
                            "assessments and reviews, which can be long items that wrap over more than one line of large print",
                        )])],
                        vec![Block::List {
                            ordered: false,
                            items: vec![vec![p(vec![t("a third level starting an item")])]],
                        }],
                    ],
                },
            ],
            vec![p(vec![
                Inline::Strong(vec![t("special category")]),
                t(" information such as health"),
            ])],
        ],
    };

    let welsh = p(vec![
        t("Mae’r hysbysiad hwn ar gael yn Gymraeg: ŵ ŷ Ŵ Ŷ ẃ ẁ ẅ ỳ. "),
        t("Our Māori and Japanese colleagues write Ō in names such as Ōtaki. "),
        t("A character no font has: \u{1F9E0}. An emoji DejaVu has: \u{1F600}."),
    ]);

    let long_url = "https://www.kent.example.gov.uk/about-the-council/information-and-data/access-to-information/your-personal-information/privacy-notices";

    Document {
        lang: "en-GB".into(),
        title: "Privacy notice: adult social care".into(),
        organisation: "Kent County Council".into(),
        date: Some("2024-04-12".into()),
        front_matter: vec![
            vec![t("Last updated "), keep("1 March 2025")],
            vec![t("Version 3")],
        ],
        sections: vec![
            section(
                "who-we-are",
                "Who we are",
                vec![p(vec![t(LOREM)]), contact],
                vec![],
            ),
            section(
                "what-we-collect",
                "What information we collect",
                vec![p(vec![t(LOREM)]), list, welsh],
                vec![
                    section(
                        "from-you",
                        "Information you give us",
                        vec![p(vec![t(LOREM), t(" "), t(LOREM)])],
                        vec![section(
                            "forms",
                            "Forms and letters",
                            vec![
                                p(vec![t(LOREM)]),
                                Block::Subheading("Online forms".into()),
                                p(vec![t(LOREM)]),
                            ],
                            vec![],
                        )],
                    ),
                    section(
                        "from-others",
                        "Information from other people",
                        vec![p(vec![t(LOREM)])],
                        vec![],
                    ),
                ],
            ),
            section(
                "how-long",
                "How long we keep it",
                vec![p(vec![t(LOREM)]), table],
                vec![],
            ),
            section(
                "your-rights",
                "Your rights",
                vec![
                    p(vec![
                        t("You can read more on our website at "),
                        Inline::Link {
                            text: vec![t(long_url)],
                            url: long_url.into(),
                        },
                        t(" or on the "),
                        Inline::Link {
                            text: vec![t("Information Commissioner’s website")],
                            url: "https://ico.org.uk/make-a-complaint/".into(),
                        },
                        t(", or ring them on "),
                        Inline::Link {
                            text: vec![keep("0303 123 1113")],
                            url: "tel:+443031231113".into(),
                        },
                        t("."),
                    ]),
                    Block::Note {
                        label: "Your right to object".into(),
                        blocks: vec![p(vec![t(LOREM)]), p(vec![t("You can object at any time.")])],
                    },
                    p(vec![t(LOREM)]),
                    p(vec![t(LOREM)]),
                ],
                vec![],
            ),
        ],
    }
}

/// The fixture's sections repeated until the notice runs to about 30 pages.
pub(super) fn long_document() -> Document {
    let mut doc = document();
    let sections = doc.sections.clone();
    for round in 1..4 {
        for s in &sections {
            let mut s = s.clone();
            s.id = format!("{}-{round}", s.id);
            s.heading = format!("{} (part {})", s.heading, round + 1);
            doc.sections.push(s);
        }
    }
    doc
}
