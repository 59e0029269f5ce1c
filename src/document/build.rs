//! The notice into the intermediate document: the one place content and order are decided.
//!
//! The body comes from the `notice.md.j2` template rendered over the notice's view
//! ([`super::view`]); the Markdown it produces is read into sections by
//! [`super::markdown::to_sections`]. The title, organisation and front matter are set here.
//!
//! The words the templates and this module write are English ([`WORDING_LANG`]). In a
//! notice in another language they are marked as English ([`super::Inline::Lang`] and the
//! language fields of headings, captions and labels), so a screen reader reads them in an
//! English voice; which words are the office's is known from the view's marks
//! ([`super::provenance`]). In an English notice nothing is marked.

use std::collections::BTreeSet;

use minijinja::Environment;

use super::{Document, Inline, Section, markdown, provenance, view};
use crate::model::Notice;

/// Why a document could not be built: a template failed.
#[derive(Debug)]
pub struct BuildError(pub String);

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

/// The language of the wording `notice` writes itself: British English.
pub const WORDING_LANG: &str = "en-GB";

/// Whether a language tag is English (`en`, `en-GB`, `EN_gb`): then the generated wording
/// is in the notice's own language and needs no mark.
pub fn is_english(lang: &str) -> bool {
    lang.trim()
        .split(['-', '_'])
        .next()
        .is_some_and(|p| p.eq_ignore_ascii_case("en"))
}

/// Build the document for a notice with the given templates. In a notice whose language
/// is not English, the generated wording is marked as English.
pub fn build(n: &Notice, env: &Environment<'_>) -> Result<Document, BuildError> {
    let mark = !is_english(&n.lang);
    build_marked(n, env, mark)
}

/// Build the document, marking the generated wording as English when `mark` is set, in
/// any notice (the review copy marks it in English notices too, to tell it from the
/// office's words).
pub fn build_marked(n: &Notice, env: &Environment<'_>, mark: bool) -> Result<Document, BuildError> {
    let marked = marked_body(n, env)?;
    let (md, prov) = provenance::strip(&without_controls(&marked));
    let marks = mark.then_some((&prov, WORDING_LANG));
    let (lead, mut sections) = markdown::to_sections_marked(&md, marks);
    // The generated words of the front matter, marked like the body's.
    let en = |s: String| -> Inline {
        if mark {
            Inline::Lang {
                lang: WORDING_LANG.to_owned(),
                content: vec![Inline::Text(s)],
            }
        } else {
            Inline::Text(s)
        }
    };
    if !lead.is_empty()
        && let Some(first) = sections.first_mut()
    {
        let mut blocks = lead;
        blocks.append(&mut first.blocks);
        first.blocks = blocks;
    }
    let mut seen = BTreeSet::new();
    for s in &mut sections {
        unique_ids(s, &mut seen);
    }

    let meta = n.file.notice.as_ref();
    let title = meta.map_or_else(
        || "Privacy notice".to_owned(),
        |m| without_controls(m.title.value.trim()).into_owned(),
    );
    let organisation = n
        .controller()
        .map(|c| without_controls(c.name.value.trim()).into_owned())
        .unwrap_or_default();
    let mut front_matter = Vec::new();
    if let Some(d) = &n.last_updated {
        front_matter.push(dated(mark, "Last updated: ", d.value.long()));
    }
    if let Some(d) = &n.next_review {
        front_matter.push(dated(mark, "Next review due: ", d.value.long()));
    }
    // A label `notice` writes, then the office's value.
    let labelled = |label: &str, value: &str| -> Vec<Inline> {
        let value = without_controls(value.trim()).into_owned();
        if mark {
            vec![en(label.to_owned()), Inline::Text(value)]
        } else {
            vec![Inline::Text(format!("{label}{value}"))]
        }
    };
    if let Some(v) = meta.and_then(|m| m.version.as_ref()) {
        front_matter.push(labelled("Version ", &v.value));
    }
    if let Some(p) = meta.and_then(|m| m.policy_number.as_ref()) {
        front_matter.push(vec![Inline::text(format!(
            "Policy number: {}",
            without_controls(p.value.trim())
        ))]);
    }
    if let Some(a) = meta.and_then(|m| m.author.as_ref()) {
        front_matter.push(vec![Inline::text(format!(
            "Author: {}",
            without_controls(a.value.trim())
        ))]);
    }
    if let Some(o) = meta.and_then(|m| m.owner.as_ref()) {
        front_matter.push(labelled("Policy owner: ", &o.value));
    }
    if let Some(r) = meta.and_then(|m| m.responsible.as_ref()) {
        front_matter.push(labelled("Role responsible: ", &r.value));
    }
    Ok(Document {
        lang: n.lang.clone(),
        title,
        organisation,
        date: n
            .last_updated
            .as_ref()
            .filter(|d| d.value.day.is_some())
            .map(|d| d.value.to_string()),
        front_matter,
        sections,
    })
}

/// A front-matter line of a label and a date, all `notice`'s words (the month is English).
fn dated(mark: bool, label: &str, date: String) -> Vec<Inline> {
    let line = vec![Inline::text(label), Inline::Keep(date)];
    if mark {
        vec![Inline::Lang {
            lang: WORDING_LANG.to_owned(),
            content: line,
        }]
    } else {
        line
    }
}

/// Text without control characters (other than tabs and line breaks, which are white
/// space). The renderers cannot show them (the text and PDF renderers drop them, and HTML
/// forbids most of them), so the document never holds them: every format then says the
/// same words (`a\0b` is the one word `ab` everywhere; found by the property tests).
fn without_controls(s: &str) -> std::borrow::Cow<'_, str> {
    let drop = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if s.contains(drop) {
        s.chars().filter(|&c| !drop(c)).collect::<String>().into()
    } else {
        s.into()
    }
}

/// The body as Markdown, before it is read into sections (useful for debugging templates).
pub fn body_markdown(n: &Notice, env: &Environment<'_>) -> Result<String, BuildError> {
    Ok(provenance::strip(&marked_body(n, env)?).0)
}

/// The body as Markdown with the office's values marked (see [`provenance`]).
fn marked_body(n: &Notice, env: &Environment<'_>) -> Result<String, BuildError> {
    let ctx = view::build(n);
    let tmpl = env
        .get_template("notice.md.j2")
        .map_err(|e| BuildError(template_error(&e)))?;
    tmpl.render(minijinja::value::Serde(&ctx))
        .map_err(|e| BuildError(template_error(&e)))
}

fn template_error(e: &minijinja::Error) -> String {
    let mut msg = format!("template error: {e}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(&format!(": {s}"));
        source = s.source();
    }
    msg
}

fn unique_ids(s: &mut Section, seen: &mut BTreeSet<String>) {
    if !seen.insert(s.id.clone()) {
        let mut k = 2;
        while seen.contains(&format!("{}-{k}", s.id)) {
            k += 1;
        }
        s.id = format!("{}-{k}", s.id);
        seen.insert(s.id.clone());
    }
    for c in &mut s.children {
        unique_ids(c, seen);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::CheckOptions;
    use crate::source::SourceFile;

    /// A template the office wrote in place of a built-in one is the office's words: in a
    /// Welsh notice with its own Welsh rights template, those words are not marked English,
    /// while the built-in templates' words still are.
    #[test]
    fn an_office_template_is_the_offices_words() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("rights.md.j2"),
            "## Eich hawliau [#your-rights]\n\nMae gennych hawliau dros eich gwybodaeth.\n",
        )
        .unwrap();
        let src = SourceFile::from_text(
            "welsh.yaml",
            include_str!("../../tests/fixtures/lang/welsh.yaml"),
        );
        let opts = CheckOptions {
            as_of: crate::model::Date::ymd(2026, 11, 25),
        };
        let n = crate::check(&src, &opts).notice.unwrap();
        let find = |doc: &Document, id: &str| -> Section {
            doc.walk_sections()
                .into_iter()
                .find(|(_, s)| s.id == id)
                .map(|(_, s)| s.clone())
                .unwrap()
        };
        let (env, _) = crate::templates::environment(Some(dir.path())).unwrap();
        let doc = build(&n, &env).unwrap();
        let rights = find(&doc, "your-rights");
        assert_eq!(rights.heading_lang, None);
        assert_eq!(
            rights.blocks,
            vec![super::super::Block::Paragraph(vec![Inline::text(
                "Mae gennych hawliau dros eich gwybodaeth."
            )])]
        );
        assert_eq!(
            find(&doc, "who-we-are").heading_lang.as_deref(),
            Some(WORDING_LANG)
        );
        // The office's own labels for the lawful bases (a macro of `law.md.j2`) are theirs,
        // though the built-in `notice.md.j2` calls them.
        let law = crate::templates::DEFAULTS
            .iter()
            .find(|(n, _)| *n == "law.md.j2")
            .unwrap()
            .1
            .replace(
                "Our public task: our functions set out in law",
                "Ein tasg gyhoeddus: ein swyddogaethau yn y gyfraith",
            );
        std::fs::write(dir.path().join("law.md.j2"), law).unwrap();
        let (env, _) = crate::templates::environment(Some(dir.path())).unwrap();
        let doc = build(&n, &env).unwrap();
        let purposes = find(&doc, "why-we-use-it");
        let super::super::Block::Table(t) = &purposes.blocks[1] else {
            panic!("{:?}", purposes.blocks);
        };
        assert_eq!(
            t.rows[0][1][0],
            vec![Inline::text(
                "Ein tasg gyhoeddus: ein swyddogaethau yn y gyfraith (Article 6(1)(e))"
            )]
        );
        // With the built-in templates, the same section is marked English.
        let (env, _) = crate::templates::environment(None).unwrap();
        let doc = build(&n, &env).unwrap();
        assert_eq!(
            find(&doc, "your-rights").heading_lang.as_deref(),
            Some(WORDING_LANG)
        );
    }

    /// The summary of every example, at its own size and with every list made three and
    /// ten times longer: short (so it fits on one large-print page), and every count it
    /// gives and every section it names is true of the notice.
    #[test]
    fn the_summary_is_short_and_its_counts_are_true() {
        let (env, _) = crate::templates::environment(None).unwrap();
        for (stem, yaml) in crate::synth::SEEDS {
            for scale in [1, 3, 10] {
                let text = crate::synth::notice_yaml(yaml, scale);
                let src = SourceFile::from_text(format!("{stem}.yaml"), text);
                let checked = crate::check(
                    &src,
                    &CheckOptions {
                        as_of: crate::model::Date::ymd(2026, 11, 25),
                    },
                );
                let n = checked.notice.unwrap();
                let doc = build(&n, &env).unwrap();
                let summary = doc
                    .sections
                    .iter()
                    .find(|s| s.id == "at-a-glance")
                    .expect("a summary");
                let fields = match summary.blocks.as_slice() {
                    [super::super::Block::Fields(f)] => f,
                    other => panic!("{stem}: summary is {other:?}"),
                };
                let total: usize = fields
                    .iter()
                    .map(|f| f.label.len() + crate::document::plain(&f.value).len())
                    .sum();
                assert!(
                    total <= 1100,
                    "{stem} x{scale}: summary of {total} characters"
                );
                let headings: Vec<&str> = doc.sections.iter().map(|s| s.heading.as_str()).collect();
                for f in fields {
                    let value = crate::document::plain(&f.value);
                    // A named section exists.
                    for (i, part) in value.split('"').enumerate() {
                        if i % 2 == 1 {
                            assert!(headings.contains(&part), "{stem}: no section {part:?}");
                        }
                    }
                    let count = |unit: &str| {
                        value
                            .split_once(unit)
                            .map(|(n, _)| n.trim().parse::<usize>().unwrap())
                    };
                    match f.label.as_str() {
                        "What we collect" => {
                            let n_kinds = n.file.data_categories.len();
                            assert_eq!(count(" kinds of information").unwrap_or(n_kinds), n_kinds);
                            if scale == 10 {
                                assert!(value.contains("kinds of information"), "{value}");
                            }
                        }
                        "Why" => {
                            let n_purposes = n.purposes().len();
                            assert_eq!(count(" purposes").unwrap_or(n_purposes), n_purposes);
                        }
                        "Who we share it with" => {
                            let n_recipients = n.recipients().len();
                            assert_eq!(
                                count(" recipients or groups").unwrap_or(n_recipients),
                                n_recipients
                            );
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}
