//! The review copy: the notice as published, with each passage marked as the office's own
//! words (with the YAML path and line they come from) or as written by `notice` (with the
//! law it states and the fields it follows from), and each `check` finding beside the
//! passage it concerns. A data protection officer signs a notice off from this page.
//!
//! It is built from the same [`Document`] as the published notice, so it says the same
//! words; the marks are extra paragraphs and notes (text, never colour alone), so it goes
//! through the same HTML renderer and the same accessibility checks. The published outputs
//! never contain them.
//!
//! Which words are `notice`'s is known exactly: the document is built a second time with
//! every generated word marked ([`super::build::build_marked`], from the view's marks on
//! the office's values, see [`super::provenance`]). A passage with no generated word is the
//! office's; the law a generated passage states is looked up in its generated words only.
//! Where in the YAML the office's words come from is found by matching their words.

use super::{Block, Document, Inline, Section, build::BuildError};
use crate::diag::{Diagnostic, Severity};
use crate::model::Notice;
use crate::model::walk::{self, Class, Leaf};
use crate::source::{FileId, Span};

/// A sentence `notice` writes, the law it states and the fields it follows from (the table
/// in `docs/law.md`). `needle` is a piece of the sentence as the templates write it.
struct Generated {
    needle: &'static str,
    law: &'static str,
    facts: &'static str,
}

const fn g(needle: &'static str, law: &'static str, facts: &'static str) -> Generated {
    Generated { needle, law, facts }
}

const GENERATED: &[Generated] = &[
    g(
        "is the controller of your personal information",
        "UK GDPR Art 13(1)(a)",
        "controller.name",
    ),
    g(
        "We are registered with the Information Commissioner",
        "DPA 2018 s137",
        "controller.ico_registration",
    ),
    g(
        "We are exempt from paying the data protection fee",
        "DPA 2018 s137; Data Protection (Charges and Information) Regulations 2018",
        "controller.ico_registration (exempt)",
    ),
    g(
        "The office is currently held by",
        "UK GDPR Art 13(1)(a)",
        "controller.office_holder",
    ),
    g(
        "Our data protection officer checks",
        "UK GDPR Art 13(1)(b), Art 39",
        "dpo",
    ),
    g(
        "decides with us how some information is used",
        "UK GDPR Art 26(2)",
        "joint_controllers",
    ),
    g(
        "Our representative in the UK is",
        "UK GDPR Art 13(1)(a), Art 27",
        "representative",
    ),
    g(
        "called special category information",
        "UK GDPR Art 9(1)",
        "data_categories[].kind",
    ),
    g(
        "Information about criminal offences",
        "UK GDPR Art 10",
        "data_categories[].kind",
    ),
    g(
        "Some of the information we hold comes from you",
        "UK GDPR Art 13, Art 14(2)(f)",
        "sources[].kind",
    ),
    g(
        "We record some information about you ourselves",
        "UK GDPR Art 13 (observed data: WP29 WP260 rev.01 para 26)",
        "sources[].kind",
    ),
    g(
        "receive information about you from other people",
        "UK GDPR Art 14(2)(f)",
        "sources[].kind",
    ),
    g(
        "We create some information about you ourselves",
        "UK GDPR Art 5(1)(a), Art 13(1)(c)",
        "sources[].kind",
    ),
    g(
        "where the information we hold comes from",
        "UK GDPR Art 14(2)(f), Art 14(1)(c)",
        "sources[].lawful_basis",
    ),
    g(
        "The law only lets us use personal information when we have a lawful basis",
        "UK GDPR Art 6(1), Art 13(1)(c)",
        "purposes[].lawful_basis",
    ),
    g(
        "For this we use only anonymised information",
        "UK GDPR Recital 26; DPA 2018 s3(2)-(3)",
        "purposes[].anonymised",
    ),
    g(
        "None needed: anonymised information only",
        "UK GDPR Recital 26",
        "purposes[].anonymised",
    ),
    g(
        "For special category information we rely on",
        "UK GDPR Art 9(2); DPA 2018 Sch 1",
        "purposes[].special_category_conditions",
    ),
    g(
        "For information about offences we rely on",
        "UK GDPR Art 10; DPA 2018 s10(5)",
        "purposes[].criminal_offence_condition",
    ),
    g(
        "We have an appropriate policy document",
        "DPA 2018 Sch 1 Part 4",
        "appropriate_policy_document",
    ),
    g(
        "Shared with: no one outside our office",
        "UK GDPR Art 13(1)(e)",
        "purposes[].shared_with_no_one",
    ),
    g(
        "with anyone outside our office: ",
        "UK GDPR Art 13(1)(e)",
        "purposes[].shared_with_no_one",
    ),
    g(
        "Who this is about:",
        "UK GDPR Art 12(1)",
        "purposes[].audience, purposes[].audience_other",
    ),
    g(
        "This notice is for ",
        "UK GDPR Art 12(1)",
        "notice.audience, notice.audience_other",
    ),
    g(
        "For this purpose, ",
        "UK GDPR Art 13(2)(e)",
        "purposes[].provision_requirement.requirement",
    ),
    g(
        " own answer, given under ",
        "UK GDPR Art 13(2)(e)",
        "provision_requirement, purposes[].provision_requirement",
    ),
    g(
        "We say whether you must give us your information under ",
        "UK GDPR Art 13(2)(e)",
        "purposes[].provision_requirement",
    ),
    g(
        "Unless a purpose says otherwise",
        "UK GDPR Art 13(2)(a)",
        "retention.default, purposes[].retention_statement, purposes[].retention_policy",
    ),
    g(
        "We say how long we keep the information used for th",
        "UK GDPR Art 13(2)(a)",
        "purposes[].retention_statement, purposes[].retention_policy",
    ),
    g(
        "sets out how long we keep the information used for this purpose",
        "UK GDPR Art 13(2)(a)",
        "purposes[].retention_policy",
    ),
    g(
        "We may share personal information with",
        "UK GDPR Art 13(1)(e)",
        "recipients",
    ),
    g(
        "We do not share your personal information with anyone outside our office",
        "UK GDPR Art 13(1)(e)",
        "recipients (empty)",
    ),
    g(
        "We send some personal information outside the United Kingdom",
        "UK GDPR Art 13(1)(f), Art 44A",
        "transfers.outside_uk",
    ),
    g(
        "We do not send your personal information outside the United Kingdom",
        "UK GDPR Art 13(1)(f)",
        "transfers.outside_uk",
    ),
    g(
        "(UK GDPR Article 45A)",
        "UK GDPR Art 13(1)(f), Art 45A",
        "transfers.destinations[].safeguard",
    ),
    g(
        "how your information must be protected (Article 46)",
        "UK GDPR Art 13(1)(f), Art 46(2)(d)",
        "transfers.destinations[].safeguard",
    ),
    g(
        "(Article 47)",
        "UK GDPR Art 13(1)(f), Art 47",
        "transfers.destinations[].safeguard",
    ),
    g(
        "other appropriate safeguards (Article 46)",
        "UK GDPR Art 13(1)(f), Art 46",
        "transfers.destinations[].safeguard",
    ),
    g(
        "(Article 49(1))",
        "UK GDPR Art 49(1)",
        "transfers.destinations[].safeguard",
    ),
    g(
        "We keep personal information for",
        "UK GDPR Art 13(2)(a)",
        "retention.default, retention.rules",
    ),
    g(
        "How long we keep information depends on the record",
        "UK GDPR Art 13(2)(a)",
        "retention.rules",
    ),
    g(
        "gives more detail",
        "UK GDPR Art 13(2)(a)",
        "retention.policy",
    ),
    g(
        "give us your personal information",
        "UK GDPR Art 13(2)(e)",
        "provision_requirement.requirement",
    ),
    g(
        "We make some decisions about people by automated means alone",
        "UK GDPR Art 13(2)(f), Art 22A",
        "automated_decision_making.used",
    ),
    g(
        "We do not make decisions about you that have a legal or similarly significant effect",
        "UK GDPR Art 13(2)(f), Art 22A(1)",
        "automated_decision_making.used",
    ),
    g(
        "Using these rights is usually free",
        "UK GDPR Art 12(5), Art 15(3)",
        "(always)",
    ),
    g(
        "We will reply within",
        "UK GDPR Art 12(3), Art 12A",
        "rights.response_time",
    ),
    g(
        "You can ask for a copy of the personal information we hold",
        "UK GDPR Art 15",
        "(always)",
    ),
    g("you can ask us to correct it", "UK GDPR Art 16", "(always)"),
    g(
        "you can ask us to delete your information",
        "UK GDPR Art 17(1)",
        "purposes[].lawful_basis, special_category_conditions",
    ),
    g(
        "We do not always have to delete it",
        "UK GDPR Art 17(3), Art 12(4)",
        "purposes[].lawful_basis, special_category_conditions",
    ),
    g(
        "ask us to limit how we use your information",
        "UK GDPR Art 18",
        "(always)",
    ),
    g(
        "in a format that can be re-used",
        "UK GDPR Art 20",
        "purposes[].lawful_basis, automated_means",
    ),
    g(
        "You can object to this at any time",
        "UK GDPR Art 21(1), (4)",
        "purposes[].lawful_basis",
    ),
    g(
        "absolute right to tell us to stop sending you marketing",
        "UK GDPR Art 21(2), (3)",
        "purposes[].direct_marketing",
    ),
    g(
        "you can withdraw it at any time",
        "UK GDPR Art 7(3), Art 13(2)(c)",
        "purposes[].lawful_basis, special_category_conditions",
    ),
    g(
        "How to withdraw your consent",
        "UK GDPR Art 7(3)",
        "purposes[].withdraw_consent",
    ),
    g(
        "we will tell you about it. You can then give us your views",
        "UK GDPR Art 22C(2)",
        "automated_decision_making.used",
    ),
    g(
        "To use any of these rights, contact us",
        "UK GDPR Art 12(2), Art 13(2)(b)",
        "rights.contact, controller.contact",
    ),
    g("Online forms", "UK GDPR Art 12(2)", "rights.forms"),
    g(
        "you can complain to us",
        "DPA 2018 s164A; UK GDPR Art 13(2)(ca)",
        "complaints.controller",
    ),
    g(
        "complain to the Information Commissioner's Office (ICO)",
        "DPA 2018 s165; UK GDPR Art 13(2)(d)",
        "complaints.controller",
    ),
    g(
        "We are also the UK regulator for data protection",
        "DPA 2018 s167; UK GDPR Art 79",
        "complaints.controller_is_regulator",
    ),
    g(
        "Wycliffe House",
        "DPA 2018 s165",
        "(the regulator's current details)",
    ),
    g(
        "Other details we give for the ICO",
        "DPA 2018 s165",
        "complaints.regulator",
    ),
    g(
        "If we plan to use your information for a new purpose",
        "UK GDPR Art 13(3), Art 14(4)",
        "(always)",
    ),
    g(
        "This notice was last updated on",
        "ICO right to be informed",
        "notice.last_updated, notice.next_review",
    ),
    g(
        "Its next review is due by",
        "ICO right to be informed",
        "notice.next_review",
    ),
    g(
        "You can ask for this notice in another format",
        "UK GDPR Art 12(1); Equality Act 2010 s20",
        "notice.alternative_formats",
    ),
    g(
        "This notice is published at",
        "UK GDPR Art 12(1)",
        "notice.url",
    ),
    g(
        "Record of changes",
        "ICO right to be informed",
        "notice.changes",
    ),
    g(
        "Who we are:",
        "UK GDPR Art 12(1) (first layer)",
        "controller, data_categories, purposes, recipients, retention, rights, complaints",
    ),
];

/// One value the office wrote.
struct OfficeText {
    path: String,
    span: Span,
    /// The value's lines, from its first line to its last.
    last_line: usize,
    /// Short runs of its words that identify it in a passage.
    keys: Vec<Vec<String>>,
    prose: bool,
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn contains(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

fn office_texts(n: &Notice) -> Vec<OfficeText> {
    let mut out = Vec::new();
    walk::walk(&n.file, &mut |path, class, leaf| {
        let Leaf::Text(t) = leaf else { return };
        if !class.is_text() {
            return;
        }
        let prose = class == Class::Prose;
        let p = walk::path_string(path);
        // Short labels (an address line, a county) are found everywhere; only names of
        // some length identify a passage.
        if !prose && (t.value.trim().chars().count() < 12 || p.contains(".address[")) {
            return;
        }
        // A paragraph of office prose is found by its first words (up to eight); a label
        // by all of its words.
        let keys: Vec<Vec<String>> = t
            .value
            .split("\n\n")
            .map(|p| {
                let w = words(p);
                let take = if prose { 8 } else { w.len() };
                w.into_iter().take(take).collect::<Vec<_>>()
            })
            .filter(|k| !k.is_empty())
            .collect();
        out.push(OfficeText {
            path: p,
            span: t.span,
            last_line: t.span.line + t.value.trim_end().matches('\n').count(),
            keys,
            prose,
        });
    });
    out
}

/// A block's words split by who wrote them, from the document built with every generated
/// word marked: (`notice`'s, the office's). Labels, captions and headers marked as
/// generated count as `notice`'s.
fn split_words(b: &Block) -> (String, String) {
    fn inlines(inl: &[Inline], generated: bool, out: &mut (String, String)) {
        for i in inl {
            match i {
                Inline::Lang { content, .. } => inlines(content, true, out),
                Inline::Strong(inner) | Inline::Link { text: inner, .. } => {
                    inlines(inner, generated, out);
                }
                other => {
                    let to = if generated { &mut out.0 } else { &mut out.1 };
                    to.push_str(&other.plain());
                }
            }
        }
        out.0.push(' ');
        out.1.push(' ');
    }
    fn label(text: &str, lang: Option<&String>, out: &mut (String, String)) {
        let to = if lang.is_some() {
            &mut out.0
        } else {
            &mut out.1
        };
        to.push_str(text);
        to.push(' ');
    }
    fn block(b: &Block, out: &mut (String, String)) {
        match b {
            Block::Paragraph(i) => inlines(i, false, out),
            Block::Subheading(t) => label(t, None, out),
            Block::List { items, .. } => items.iter().flatten().for_each(|b| block(b, out)),
            Block::Table(t) => {
                label(&t.caption, t.caption_lang.as_ref(), out);
                for h in &t.header {
                    label(h, t.header_lang.as_ref(), out);
                }
                for line in t.rows.iter().flatten().flatten() {
                    inlines(line, false, out);
                }
            }
            Block::Fields(f) => {
                for x in f {
                    // As shown: `Who we are:`.
                    label(&format!("{}:", x.label), x.label_lang.as_ref(), out);
                    inlines(&x.value, false, out);
                }
            }
            Block::Note { label: l, blocks } => {
                label(l, None, out);
                blocks.iter().for_each(|b| block(b, out));
            }
        }
    }
    let mut out = (String::new(), String::new());
    block(b, &mut out);
    out
}

/// The plain text of a block, labels and cells included.
pub(super) fn block_text(b: &Block) -> String {
    match b {
        Block::Paragraph(i) => super::plain(i),
        Block::Subheading(s) => s.clone(),
        Block::List { items, .. } => items
            .iter()
            .flatten()
            .map(block_text)
            .collect::<Vec<_>>()
            .join(" "),
        Block::Table(t) => {
            let mut s = t.caption.clone();
            for h in &t.header {
                s.push(' ');
                s.push_str(h);
            }
            for cell in t.rows.iter().flatten().flatten() {
                s.push(' ');
                s.push_str(&super::plain(cell));
            }
            s
        }
        Block::Fields(f) => f
            .iter()
            .map(|x| format!("{}: {}", x.label, super::plain(&x.value)))
            .collect::<Vec<_>>()
            .join(" "),
        Block::Note { label, blocks } => {
            let mut s = label.clone();
            for b in blocks {
                s.push(' ');
                s.push_str(&block_text(b));
            }
            s
        }
    }
}

fn para(label: &str, rest: String) -> Block {
    Block::Paragraph(vec![
        Inline::Strong(vec![Inline::text(label)]),
        Inline::text(format!(" {rest}")),
    ])
}

/// Where a passage's office values are, at most five named.
fn places(list: &[&OfficeText]) -> String {
    let mut at: Vec<String> = list.iter().take(5).map(|o| located(o)).collect();
    if list.len() > 5 {
        at.push(format!("and {} more", list.len() - 5));
    }
    at.join("; ")
}

fn located(o: &OfficeText) -> String {
    if o.last_line > o.span.line {
        format!("{}, lines {}-{}", o.path, o.span.line, o.last_line)
    } else {
        format!("{}, line {}", o.path, o.span.line)
    }
}

fn finding_note(d: &Diagnostic, office_file: Option<&str>) -> Block {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut text = format!(
        "{} ({}).",
        crate::words::upper_first(&d.message),
        d.citation
    );
    if d.span.line > 0 {
        text.push_str(&format!(" Line {}", d.span.line));
        if d.span.file == FileId::Office {
            text.push_str(&format!(
                " of the shared office file {}",
                office_file.unwrap_or("the notice extends")
            ));
        }
        if !d.path.is_empty() {
            text.push_str(&format!(", {}", d.path));
        }
        text.push('.');
    }
    if let Some(h) = &d.help {
        text.push_str(&format!(" To fix: {h}."));
    }
    Block::Note {
        label: format!("Finding {} ({kind}, {})", d.rule, d.name),
        blocks: vec![Block::Paragraph(vec![Inline::text(text)])],
    }
}

/// Whether a finding concerns an office value: the same path (or one inside the other),
/// or a line inside the value.
fn concerns(d: &Diagnostic, o: &OfficeText) -> bool {
    // A finding in the shared office file names its path in that file, where lists count
    // their own items (the notice keeps only the kinds of data it uses, after its own
    // recipients come the office's), so it is placed by its line in that file alone.
    let path_match = d.span.file == FileId::Notice
        && !d.path.is_empty()
        && (o.path == d.path
            || o.path.starts_with(&format!("{}.", d.path))
            || o.path.starts_with(&format!("{}[", d.path)));
    let line_match = d.span.file == o.span.file
        && d.span.line > 0
        && (o.span.line..=o.last_line).contains(&d.span.line);
    path_match || line_match
}

struct Marker<'a> {
    office: &'a [OfficeText],
    findings: &'a [Diagnostic],
    placed: Vec<bool>,
    /// The marks' language (English) when the notice is in another: then they are marked.
    lang: Option<&'a str>,
    /// The name of the shared office file the notice extends, for findings in it.
    office_file: Option<&'a str>,
}

/// Whether a text has a word in it.
fn has_words(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

impl Marker<'_> {
    /// A mark: a bold label and the rest, in English (marked so in a notice in another
    /// language).
    fn para(&self, label: &str, rest: String) -> Block {
        let Block::Paragraph(inl) = para(label, rest) else {
            unreachable!("para makes a paragraph")
        };
        Block::Paragraph(match self.lang {
            Some(lang) => vec![Inline::Lang {
                lang: lang.to_owned(),
                content: inl,
            }],
            None => inl,
        })
    }

    /// A paragraph of the review copy's own words (English, marked so in a notice in
    /// another language).
    fn plain(&self, text: String) -> Block {
        let inl = vec![Inline::Text(text)];
        Block::Paragraph(match self.lang {
            Some(lang) => vec![Inline::Lang {
                lang: lang.to_owned(),
                content: inl,
            }],
            None => inl,
        })
    }

    /// A finding's note (see [`finding_note`]), its words marked English in a notice in
    /// another language.
    fn note(&self, d: &Diagnostic) -> Block {
        let Block::Note { label, blocks } = finding_note(d, self.office_file) else {
            unreachable!("finding_note makes a note")
        };
        let blocks = blocks
            .into_iter()
            .map(|b| match (b, self.lang) {
                (Block::Paragraph(inl), Some(lang)) => Block::Paragraph(vec![Inline::Lang {
                    lang: lang.to_owned(),
                    content: inl,
                }]),
                (b, _) => b,
            })
            .collect();
        Block::Note { label, blocks }
    }

    /// `blocks` as published, each after its mark; `marked` is the same blocks with every
    /// generated word marked, which says who wrote what.
    fn blocks(&mut self, blocks: &[Block], marked: &[Block]) -> Vec<Block> {
        let mut out = Vec::new();
        for (b, m) in blocks.iter().zip(marked) {
            let text = block_text(b);
            let w = words(&text);
            let (by_notice, by_office) = split_words(m);
            let matched: Vec<&OfficeText> = self
                .office
                .iter()
                .filter(|o| o.keys.iter().any(|k| contains(&w, k)))
                .collect();
            // The law is looked up in `notice`'s own words only: an office sentence that
            // happens to say "gives more detail" states no law of `notice`'s.
            let generated: Vec<&Generated> = GENERATED
                .iter()
                .filter(|g| by_notice.contains(g.needle))
                .collect();
            let own: Vec<&OfficeText> = matched.iter().copied().filter(|o| o.prose).collect();
            if !has_words(&by_notice) {
                // Every word is the office's.
                let rest = if !own.is_empty() {
                    format!("{}.", places(&own))
                } else if !matched.is_empty() {
                    format!("{}.", places(&matched))
                } else {
                    "from a field of the notice.".to_owned()
                };
                let label = if own.is_empty() && !matched.is_empty() {
                    "The office's entries:"
                } else {
                    "The office's own words:"
                };
                out.push(self.para(label, rest));
            } else if !generated.is_empty() {
                let mut laws: Vec<&str> = generated.iter().map(|g| g.law).collect();
                laws.dedup();
                let mut facts: Vec<&str> = generated.iter().map(|g| g.facts).collect();
                facts.dedup();
                let mut rest = format!(
                    "states {}; follows from {}.",
                    laws.join("; "),
                    facts.join(", ")
                );
                if !matched.is_empty() {
                    rest.push_str(&format!(
                        " With the office's words from {}.",
                        places(&matched)
                    ));
                }
                out.push(self.para("Written by notice:", rest));
            } else if has_words(&by_office) && !matched.is_empty() {
                out.push(self.para(
                    "The office's entries:",
                    format!(
                        "{}, with headings and labels written by notice.",
                        places(&matched)
                    ),
                ));
            } else {
                out.push(self.para(
                    "Written by notice:",
                    "a heading, label or table layout; it states no law of its own.".into(),
                ));
            }
            out.push(b.clone());
            for (i, d) in self.findings.iter().enumerate() {
                if !self.placed[i] && matched.iter().any(|o| concerns(d, o)) {
                    self.placed[i] = true;
                    out.push(self.note(d));
                }
            }
        }
        out
    }

    fn section(&mut self, s: &Section, marked: &Section) -> Section {
        Section {
            id: s.id.clone(),
            heading: s.heading.clone(),
            heading_lang: s.heading_lang.clone(),
            in_contents: s.in_contents,
            blocks: self.blocks(&s.blocks, &marked.blocks),
            children: s
                .children
                .iter()
                .zip(&marked.children)
                .map(|(c, m)| self.section(c, m))
                .collect(),
        }
    }
}

/// The review copy of a notice: its document with every passage marked and every finding
/// placed beside the passage it concerns (or, where none is found, in the first section).
pub fn review_document(
    n: &Notice,
    findings: &[Diagnostic],
    env: &minijinja::Environment<'_>,
) -> Result<Document, BuildError> {
    let doc = super::build::build(n, env)?;
    let marked = super::build::build_marked(n, env, true)?;
    let office = office_texts(n);
    let lang = (!super::build::is_english(&n.lang)).then_some(super::build::WORDING_LANG);
    let office_file = n.office.as_ref().map(|f| f.path.display().to_string());
    let mut m = Marker {
        office: &office,
        findings,
        placed: vec![false; findings.len()],
        lang,
        office_file: office_file.as_deref(),
    };
    let mut sections: Vec<Section> = doc
        .sections
        .iter()
        .zip(&marked.sections)
        .map(|(s, marked)| m.section(s, marked))
        .collect();
    let unplaced: Vec<Block> = findings
        .iter()
        .zip(&m.placed)
        .filter(|(_, p)| !**p)
        .map(|(d, _)| m.note(d))
        .collect();
    let mut key = vec![
        m.plain(
            "This is a review copy, for the person who signs the notice off. Do not publish it: \
             the published notice has none of these marks."
                .into(),
        ),
        Block::List {
            ordered: false,
            items: vec![
                vec![m.para(
                    "The office's own words:",
                    "the passage after this mark is the office's text, from the YAML path and line given.".into(),
                )],
                vec![m.para(
                    "The office's entries:",
                    "the passage lists names or values the office gave, from the paths given.".into(),
                )],
                vec![m.para(
                    "Written by notice:",
                    "the passage is written by the program from the office's facts; the mark gives the law it states and the fields it follows from.".into(),
                )],
                vec![m.para(
                    "Finding:",
                    "a boxed note after a passage is a finding of `notice check` about it.".into(),
                )],
            ],
        },
        m.plain(format!(
            "Findings: {} in all; {} placed beside their passages, {} listed here.",
            findings.len(),
            findings.len() - unplaced.len(),
            unplaced.len()
        )),
    ];
    key.extend(unplaced);
    sections.insert(
        0,
        Section {
            id: "review-key".into(),
            heading: "How to read this review copy".into(),
            heading_lang: lang.map(str::to_owned),
            in_contents: true,
            blocks: key,
            children: Vec::new(),
        },
    );
    Ok(Document {
        lang: doc.lang,
        title: format!("Review copy: {}", doc.title),
        organisation: doc.organisation,
        front_matter: doc.front_matter,
        date: doc.date,
        sections,
    })
}

/// The file name of a notice's review copy.
pub fn file_name(stem: &str) -> String {
    format!("{stem}-review.html")
}
