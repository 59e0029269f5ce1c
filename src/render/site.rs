//! A folder of notices as one site: each layer's link back to its first layer, and the
//! index page `notice build` writes beside the notices (`index.html`, and its text twin
//! `index.txt`).
//!
//! The index is an ordinary [`Document`] (a title, and a table with a row per notice)
//! rendered by the same HTML and text renderers as the notices, so it has the same page
//! shell, landmarks and accessible table, and the same plain-text conventions (a link's
//! address written out after its text). It is a pure function of the notices and the
//! formats built: notices are listed by file name, and nothing reads the clock.

use crate::document::{Block, Document, Inline, NOTICE_LINK, Section, Table};
use crate::model::{Notice, layer_stem};

use super::Format;

/// What the index says about one notice, taken from it before it is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The notice's file stem: its output folder and the name layers use.
    pub stem: String,
    /// Its title.
    pub title: String,
    /// The controller's name, if given.
    pub organisation: Option<String>,
    /// Who the notice is for (`notice.audience` and `audience_other`), as words; empty
    /// when it does not say.
    pub audience: Vec<String>,
    /// `notice.last_updated`, as words (`14 September 2026`).
    pub last_updated: Option<String>,
    /// `notice.next_review`, as words.
    pub next_review: Option<String>,
    /// Its layers in order: the link text, and another notice's stem or a web address.
    pub layers: Vec<(String, Target)>,
}

/// Where a layer is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Another notice of the build, by its stem.
    Notice(String),
    /// A web page.
    Url(String),
}

impl Entry {
    /// The index entry of a notice written to the folder `stem`.
    pub fn of(stem: &str, n: &Notice) -> Entry {
        let meta = n.file.notice.as_ref();
        let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        Entry {
            stem: stem.to_owned(),
            title: meta.map_or_else(|| "Privacy notice".to_owned(), |m| clean(&m.title.value)),
            organisation: n.controller().map(|c| clean(&c.name.value)),
            audience: meta.map_or_else(Vec::new, |m| {
                crate::model::vocab::audience_list(&m.audience, &m.audience_other)
                    .iter()
                    .map(|w| clean(w))
                    .collect()
            }),
            last_updated: n.last_updated.as_ref().map(|d| d.value.long()),
            next_review: n.next_review.as_ref().map(|d| d.value.long()),
            layers: meta.map_or_else(Vec::new, |m| {
                m.layers
                    .iter()
                    .filter_map(|l| {
                        let title = clean(&l.title.as_ref()?.value);
                        let target = match layer_stem(l) {
                            Some(stem) => Target::Notice(stem.to_owned()),
                            None => Target::Url(l.url.as_ref()?.value.trim().to_owned()),
                        };
                        Some((title, target))
                    })
                    .collect()
            }),
        }
    }
}

/// Add to a layer's document a line under its title linking back to each notice that
/// lists it as a layer (its first layer), by title. `entries` are every notice of the
/// build; nothing changes for a notice no other lists.
pub fn link_back(doc: &mut Document, stem: &str, entries: &[Entry]) {
    let firsts: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.stem != stem)
        .filter(|e| {
            e.layers
                .iter()
                .any(|(_, t)| *t == Target::Notice(stem.to_owned()))
        })
        .collect();
    if firsts.is_empty() {
        return;
    }
    let mut line = vec![Inline::text(
        "This is one part of our privacy information. Start with: ",
    )];
    for (i, e) in firsts.iter().enumerate() {
        if i > 0 {
            line.push(Inline::text(if i + 1 == firsts.len() {
                " or "
            } else {
                ", "
            }));
        }
        line.push(Inline::Link {
            text: vec![Inline::text(e.title.clone())],
            url: format!("{NOTICE_LINK}{}", e.stem),
        });
    }
    doc.front_matter.push(line);
}

/// The formats the index links to, in this order, with the words for each.
const LINKED: [(&str, &str); 3] = [
    ("html", "Web page"),
    ("pdf", "Large print (PDF)"),
    ("txt", "Plain text"),
];

/// The index as a document: one row per notice, sorted by file name. `formats` are the
/// formats built; only those are linked.
pub fn index_document(entries: &[Entry], formats: &[Format]) -> Document {
    let mut entries: Vec<&Entry> = entries.iter().collect();
    entries.sort_by(|a, b| a.stem.cmp(&b.stem));
    let linked: Vec<(Format, &str)> = LINKED
        .iter()
        .filter_map(|(name, words)| {
            let f = Format::by_name(name)?;
            formats.contains(&f).then_some((f, *words))
        })
        .collect();
    let html = linked.iter().find(|(f, _)| f.name() == "html").map(|x| x.0);
    let built = |stem: &str| entries.iter().any(|e| e.stem == stem);
    let date = |d: &Option<String>| match d {
        Some(d) => vec![vec![Inline::Keep(d.clone())]],
        None => vec![vec![Inline::text("Not stated")]],
    };
    // One organisation heads the page only when every notice names the same controller;
    // a folder of several offices' notices names each notice's controller in its row.
    let names: std::collections::BTreeSet<&str> = entries
        .iter()
        .filter_map(|e| e.organisation.as_deref())
        .collect();
    let one_office = names.len() <= 1;
    let organisation = if one_office {
        names.first().map_or_else(String::new, |n| (*n).to_owned())
    } else {
        String::new()
    };
    let any_audience = entries.iter().any(|e| !e.audience.is_empty());
    let rows = entries
        .iter()
        .map(|e| {
            let files: Vec<Vec<Inline>> = linked
                .iter()
                .map(|(f, words)| {
                    vec![Inline::Link {
                        text: vec![Inline::text(*words)],
                        url: format!("{}/{}", e.stem, f.file_name(&e.stem)),
                    }]
                })
                .collect();
            let layers: Vec<Vec<Inline>> = if e.layers.is_empty() {
                vec![vec![Inline::text("None")]]
            } else {
                e.layers
                    .iter()
                    .enumerate()
                    .map(|(i, (title, target))| {
                        let link = match (target, html) {
                            (Target::Url(u), _) => Some(u.clone()),
                            (Target::Notice(s), Some(h)) if built(s) => {
                                Some(format!("{s}/{}", h.file_name(s)))
                            }
                            _ => None,
                        };
                        let mut line = vec![Inline::text(format!("{}. ", i + 1))];
                        line.push(match link {
                            Some(url) => Inline::Link {
                                text: vec![Inline::text(title.clone())],
                                url,
                            },
                            None => Inline::text(title.clone()),
                        });
                        line
                    })
                    .collect()
            };
            let title = match (&e.organisation, one_office) {
                (Some(o), false) => format!("{} ({o})", e.title),
                _ => e.title.clone(),
            };
            let mut row = vec![vec![vec![Inline::text(title)]]];
            if any_audience {
                row.push(vec![vec![Inline::text(if e.audience.is_empty() {
                    "Not stated".to_owned()
                } else {
                    crate::words::upper_first(&and_list(&e.audience))
                })]]);
            }
            row.extend([
                date(&e.last_updated),
                date(&e.next_review),
                if files.is_empty() {
                    vec![vec![Inline::text("None built")]]
                } else {
                    files
                },
                layers,
            ]);
            row
        })
        .collect();

    let n = entries.len();
    // "Our" only where one office owns every notice listed; the page's own heading is
    // already "Privacy notices", so the section does not say it again.
    let heading = if one_office {
        "Our privacy notices"
    } else {
        "The notices"
    };
    Document {
        lang: "en-GB".to_owned(),
        title: "Privacy notices".to_owned(),
        organisation,
        date: None,
        front_matter: Vec::new(),
        sections: vec![Section {
            id: "notices".to_owned(),
            heading: heading.to_owned(),
            heading_lang: None,
            in_contents: false,
            blocks: vec![
                Block::Paragraph(vec![Inline::text(format!(
                    "{n} notice{}, each with the day it was last updated, when it is next due for review and the formats it is published in. Where a notice has further layers, they are listed in the order to read them.",
                    if n == 1 { "" } else { "s" }
                ))]),
                Block::Table(Table {
                    caption: format!("{heading}, their dates and formats"),
                    header: [
                        "Notice",
                        "Who it is for",
                        "Last updated",
                        "Next review due",
                        "Formats",
                        "Layers",
                    ]
                    .into_iter()
                    .filter(|h| any_audience || *h != "Who it is for")
                    .map(str::to_owned)
                    .collect(),
                    rows,
                    caption_lang: None,
                    header_lang: None,
                }),
            ],
            children: Vec::new(),
        }],
    }
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The index page and its text twin, as `(file name, bytes)`: `index.html` and
/// `index.txt`, to be written at the top of the output folder.
pub fn index(
    entries: &[Entry],
    formats: &[Format],
    env: &minijinja::Environment<'_>,
) -> Result<Vec<(&'static str, Vec<u8>)>, String> {
    let doc = index_document(entries, formats);
    let html = super::html::render_html(&doc, env).map_err(|e| e.to_string())?;
    let text = super::text::render_text(&doc);
    Ok(vec![
        ("index.html", html.into_bytes()),
        ("index.txt", text.into_bytes()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(stem: &str, title: &str, organisation: &str) -> Entry {
        Entry {
            stem: stem.to_owned(),
            title: title.to_owned(),
            organisation: Some(organisation.to_owned()),
            audience: Vec::new(),
            last_updated: None,
            next_review: None,
            layers: Vec::new(),
        }
    }

    fn first_cell(doc: &Document) -> Vec<String> {
        let Block::Table(t) = &doc.sections[0].blocks[1] else {
            panic!("the index's second block is its table");
        };
        t.rows
            .iter()
            .map(|row| match row[0][0].as_slice() {
                [Inline::Text(s)] => s.clone(),
                other => panic!("a notice's cell is its title: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn one_office_heads_the_page_and_several_are_named_per_notice() {
        let formats = Format::defaults();
        let one = index_document(
            &[
                entry("a", "Privacy notice", "PCC for Wessex"),
                entry("b", "CCTV", "PCC for Wessex"),
            ],
            &formats,
        );
        assert_eq!(one.organisation, "PCC for Wessex");
        assert_eq!(one.sections[0].heading, "Our privacy notices");
        assert_eq!(first_cell(&one), ["Privacy notice", "CCTV"]);

        let several = index_document(
            &[
                entry("a", "Privacy notice", "PCC for Wessex"),
                entry("b", "Privacy notice", "PCC for Mercia"),
            ],
            &formats,
        );
        assert_eq!(several.organisation, "");
        assert_eq!(several.sections[0].heading, "The notices");
        // The page's title and heading say "Privacy notices" once, with no dangling dash
        // where one office's name would go.
        let (env, _) = crate::templates::environment(None).unwrap();
        let pages = index(
            &[
                entry("a", "Privacy notice", "PCC for Wessex"),
                entry("b", "Privacy notice", "PCC for Mercia"),
            ],
            &formats,
            &env,
        )
        .unwrap();
        let html = String::from_utf8(pages[0].1.clone()).unwrap();
        assert!(html.contains("<title>Privacy notices</title>"), "{html}");
        assert_eq!(
            html.matches(">Privacy notices<").count(),
            2,
            "title and h1 only"
        );
        assert_eq!(
            first_cell(&several),
            [
                "Privacy notice (PCC for Wessex)",
                "Privacy notice (PCC for Mercia)"
            ]
        );
        // No notice says who it is for: no column for it.
        let Block::Table(t) = &several.sections[0].blocks[1] else {
            unreachable!()
        };
        assert!(!t.header.iter().any(|h| h == "Who it is for"));
    }
}
