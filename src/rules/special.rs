//! Special category data (Art 9, DPA 2018 s10 and Sch 1), criminal offence data (Art 10) and
//! the appropriate policy document (Sch 1 Part 4).

use std::collections::BTreeMap;

use super::CheckOptions;
use crate::diag::Diagnostic;
use crate::model::Notice;
use crate::model::schema::{Art9Condition, DataKind, Purpose, SpecialCondition};
use crate::registry::*;
use crate::source::Sp;

/// A DPA 2018 Schedule 1 reference: part and paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sch1 {
    pub part: u32,
    pub para: u32,
}

impl Sch1 {
    /// Read `Part 2 para 6` (also `Part 2, paragraph 6`, `Sch 1 Part 2 para 6`).
    pub(crate) fn parse(s: &str) -> Option<Sch1> {
        let lower = s.to_lowercase();
        let number_after = |word: &str| -> Option<u32> {
            let at = lower.find(word)? + word.len();
            let rest =
                lower[at..].trim_start_matches(|c: char| c.is_alphabetic() || c == '.' || c == ' ');
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        };
        let part = number_after("part")?;
        let para = number_after("para")?;
        let valid = match part {
            1 => (1..=4).contains(&para),
            2 => (5..=28).contains(&para),
            3 => (29..=37).contains(&para),
            4 => (38..=41).contains(&para),
            _ => false,
        };
        valid.then_some(Sch1 { part, para })
    }

    /// Whether this condition needs an appropriate policy document (Sch 1 paras 1(1)(b), 5,
    /// and Part 3 para 36 by extension). Part 2 paragraphs that dispense with it in some
    /// cases (e.g. para 10(2)) are counted as needing it; the rule is a warning for that
    /// reason.
    pub(crate) fn needs_policy_document(self) -> bool {
        (self.part == 1 && self.para == 1) || self.part == 2 || (self.part == 3 && self.para == 36)
    }
}

/// The Schedule 1 paragraphs an Art 9(2) condition needs (DPA 2018 s10(2)–(3)).
struct Needs {
    /// What it needs, in words: `Part 1 para 1`, `a Part 2 paragraph (6 to 28)`.
    what: &'static str,
    /// How to write it, for the help line.
    how: &'static str,
    /// Whether a paragraph meets it.
    meets: fn(Sch1) -> bool,
}

/// The Schedule 1 paragraphs an Art 9(2) condition needs: `None` when it needs none.
fn required_part(c: Art9Condition) -> Option<Needs> {
    let part1 = |what, how, meets| Some(Needs { what, how, meets });
    match c {
        Art9Condition::Employment => part1("Part 1 para 1", "`schedule_1: Part 1 para 1`", |s| {
            s.part == 1 && s.para == 1
        }),
        Art9Condition::HealthOrSocialCare => {
            part1("Part 1 para 2", "`schedule_1: Part 1 para 2`", |s| {
                s.part == 1 && s.para == 2
            })
        }
        Art9Condition::PublicHealth => part1("Part 1 para 3", "`schedule_1: Part 1 para 3`", |s| {
            s.part == 1 && s.para == 3
        }),
        Art9Condition::ArchivingResearchStatistics => {
            part1("Part 1 para 4", "`schedule_1: Part 1 para 4`", |s| {
                s.part == 1 && s.para == 4
            })
        }
        Art9Condition::SubstantialPublicInterest => Some(Needs {
            what: "a Part 2 paragraph (6 to 28)",
            how: "the Part 2 paragraph that applies, e.g. `schedule_1: Part 2 para 6` (statutory purposes) or `Part 2 para 18` (safeguarding)",
            meets: |s| s.part == 2 && s.para >= 6,
        }),
        _ => None,
    }
}

/// The kind of each declared data category, by id.
type Kinds<'a> = BTreeMap<&'a str, DataKind>;

/// The first data category of `kind` that a purpose uses.
fn uses_kind(kinds: &Kinds<'_>, p: &Purpose, kind: DataKind) -> Option<Sp<String>> {
    p.data_categories
        .iter()
        .find(|id| kinds.get(id.value.as_str()) == Some(&kind))
        .cloned()
}

/// Each Art 9(2) condition that needs a DPA 2018 Schedule 1 condition names one that can
/// meet it, wherever the condition is written (on a purpose or on a source).
fn sch1_conditions<'a>(
    owner: &str,
    at: &str,
    conditions: &'a [Sp<SpecialCondition>],
    needs_apd: &mut Option<&'a Sp<String>>,
    out: &mut Vec<Diagnostic>,
) {
    for (k, c) in conditions.iter().enumerate() {
        let path = format!("{at}.special_category_conditions[{k}].schedule_1");
        let condition = c.condition.value.code();
        match (required_part(c.condition.value), &c.schedule_1) {
            (Some(needs), None) => out.push(SCHEDULE_1_MISSING.diag(
                c.condition.span,
                &path,
                format!("{owner}: `{condition}` is met only with a DPA 2018 Schedule 1 condition, and no `schedule_1` is given"),
                Some(format!("add {}", needs.how)),
            )),
            (Some(needs), Some(s)) => match Sch1::parse(&s.value) {
                Some(sch) if (needs.meets)(sch) => {
                    if sch.needs_policy_document() {
                        needs_apd.get_or_insert(s);
                    }
                }
                Some(_) => out.push(SCHEDULE_1_MISMATCH.diag(
                    s.span,
                    &path,
                    format!("`{}` cannot meet `{condition}`, which needs {}", s.value, needs.what),
                    Some(format!("write {}", needs.how)),
                )),
                None => out.push(SCHEDULE_1_MISMATCH.diag(
                    s.span,
                    &path,
                    format!("`{}` is not a DPA 2018 Schedule 1 paragraph", s.value),
                    Some(format!("write it as `Part N para M`: `{condition}` needs {}", needs.what)),
                )),
            },
            (None, _) => {}
        }
    }
}

/// Words in a purpose that speak of special category data (Art 9(1)), and of criminal
/// offence data (Art 10), for asking whether such data is used.
const SPECIAL_WORDS: &[&str] = &[
    "health",
    "medical",
    "disability",
    "disabilities",
    "ethnicity",
    "ethnic origin",
    "religion",
    "religious",
    "sexual orientation",
    "trade union",
    "biometric",
    "genetic",
];
const CRIMINAL_WORDS: &[&str] = &[
    "offence",
    "offences",
    "offender",
    "offenders",
    "criminal record",
    "criminal records",
    "criminal offence",
    "criminal offences",
    "conviction",
    "convictions",
    "victim",
    "victims",
    "vetting",
    "misconduct",
];

/// The first of `words` in a purpose's name or description, as a whole word.
fn speaks_of(p: &Purpose, words: &[&'static str]) -> Option<&'static str> {
    let text = format!(
        "{} {}",
        p.name.value,
        p.description.as_ref().map_or("", |d| d.value.as_str())
    )
    .to_lowercase();
    words.iter().copied().find(|w| {
        text.match_indices(*w).any(|(i, _)| {
            text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
                && text[i + w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// Whether an Art 10 "official authority" names a law: an Act, regulations, an order, a
/// section or a schedule, rather than "the same official authority".
fn names_a_law(text: &str) -> bool {
    let t = text.to_lowercase();
    let words: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "act"
                | "regulations"
                | "regulation"
                | "order"
                | "section"
                | "schedule"
                | "sch"
                | "s"
                | "statute"
                | "code"
        )
    })
}

pub(super) fn check(n: &Notice, _opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    let purposes = n.purposes();
    let mut needs_apd = None;
    // Looked up once per reference: a linear search made large notices quadratic.
    let kinds: Kinds<'_> = n
        .file
        .data_categories
        .iter()
        .map(|c| (c.id.value.as_str(), Notice::kind_of(c)))
        .collect();

    // Art 9: each purpose using special category data names a condition.
    // A purpose that uses only anonymised information uses no personal data at all, so it
    // needs no condition (the conditions it does give are still checked).
    for (i, p) in purposes.iter().enumerate() {
        let personal = !crate::model::is_anonymised(p);
        if personal
            && let Some(cat) = uses_kind(&kinds, p, DataKind::Special)
            && p.special_category_conditions.is_empty()
        {
            out.push(SPECIAL_CONDITION.diag(
                cat.span,
                &format!("purposes[{i}].special_category_conditions"),
                format!("purpose `{}` uses special category data (`{}`) but names no Art 9(2) condition", p.id.value, cat.value),
                Some("add `special_category_conditions: [{condition: substantial_public_interest, schedule_1: Part 2 para 6}]` or the condition that applies"),
            ));
        }
        if personal
            && let Some(cat) = uses_kind(&kinds, p, DataKind::CriminalOffence)
            && p.criminal_offence_condition.is_none()
        {
            out.push(CRIMINAL_CONDITION.diag(
                cat.span,
                &format!("purposes[{i}].criminal_offence_condition"),
                format!("purpose `{}` uses criminal offence data (`{}`) but gives no Art 10 authority", p.id.value, cat.value),
                Some("add `criminal_offence_condition: {official_authority: <the Act>}` or a `schedule_1` paragraph"),
            ));
        }
        sch1_conditions(
            &format!("purpose `{}`", p.id.value),
            &format!("purposes[{i}]"),
            &p.special_category_conditions,
            &mut needs_apd,
            out,
        );
        if let Some(cc) = &p.criminal_offence_condition {
            let path = format!("purposes[{i}].criminal_offence_condition");
            match &cc.schedule_1 {
                Some(s) => match Sch1::parse(&s.value) {
                    Some(sch) if sch.part <= 3 => {
                        if sch.needs_policy_document() {
                            needs_apd.get_or_insert(s);
                        }
                    }
                    _ => out.push(SCHEDULE_1_MISMATCH.diag(
                        s.span,
                        &format!("{path}.schedule_1"),
                        format!(
                            "`{}` is not a DPA 2018 Schedule 1 Part 1, 2 or 3 paragraph",
                            s.value
                        ),
                        Some("write it as `Part 3 para 36`, using a paragraph from Parts 1 to 3"),
                    )),
                },
                None if cc
                    .official_authority
                    .as_ref()
                    .is_none_or(|a| a.value.trim().is_empty()) =>
                {
                    out.push(CRIMINAL_CONDITION.diag(
                        cc.span,
                        &path,
                        format!(
                            "purpose `{}`: the criminal offence condition is empty",
                            p.id.value
                        ),
                        Some("add `official_authority:` (the Act) or `schedule_1:` (a paragraph)"),
                    ));
                }
                None => {
                    if let Some(a) = &cc.official_authority
                        && !names_a_law(&a.value)
                    {
                        out.push(CRIMINAL_CONDITION.diag(
                            a.span,
                            &format!("{path}.official_authority"),
                            format!(
                                "purpose `{}`: the Art 10 official authority \"{}\" names no law",
                                p.id.value,
                                a.value.trim()
                            ),
                            Some("name the Act (and section) that gives the authority, or give a `schedule_1` paragraph"),
                        ));
                    }
                }
            }
        }
    }
    for (i, src) in n.sources().iter().enumerate() {
        sch1_conditions(
            &format!("source `{}`", src.id.value),
            &format!("sources[{i}]"),
            &src.special_category_conditions,
            &mut needs_apd,
            out,
        );
    }

    // Declared but not tied to any purpose: at least one purpose should give a condition.
    let declared = |kind: DataKind| {
        n.file
            .data_categories
            .iter()
            .enumerate()
            .find(|(_, c)| Notice::kind_of(c) == kind)
    };
    let any_linked = |kind: DataKind| {
        purposes
            .iter()
            .any(|p| uses_kind(&kinds, p, kind).is_some())
    };
    if let Some((i, cat)) = declared(DataKind::Special)
        && !any_linked(DataKind::Special)
        && purposes
            .iter()
            .all(|p| p.special_category_conditions.is_empty())
    {
        out.push(SPECIAL_CONDITION.diag(
            cat.id.span,
            &format!("data_categories[{i}]"),
            format!("special category data (`{}`) is declared but no purpose names an Art 9(2) condition", cat.id.value),
            Some("list the data category under the purposes that use it, and give each a `special_category_conditions` entry"),
        ));
    }
    if let Some((i, cat)) = declared(DataKind::CriminalOffence)
        && !any_linked(DataKind::CriminalOffence)
        && purposes
            .iter()
            .all(|p| p.criminal_offence_condition.is_none())
    {
        out.push(CRIMINAL_CONDITION.diag(
            cat.id.span,
            &format!("data_categories[{i}]"),
            format!("criminal offence data (`{}`) is declared but no purpose gives an Art 10 authority", cat.id.value),
            Some("list the data category under the purposes that use it, and give each a `criminal_offence_condition`"),
        ));
    }

    // Special category or criminal offence data that purposes speak of but the notice
    // never declares (Sussex lists "health care" services; a complaints office hears of
    // offences). Asked once per kind, on the first purpose that speaks of it.
    for (kind, words, what, how) in [
        (
            DataKind::Special,
            SPECIAL_WORDS,
            "special category data",
            "declare it in `data_categories` with `kind: special`, and give the purposes that use it an Art 9(2) condition",
        ),
        (
            DataKind::CriminalOffence,
            CRIMINAL_WORDS,
            "criminal offence data",
            "declare it in `data_categories` with `kind: criminal_offence`, and give the purposes that use it a `criminal_offence_condition`",
        ),
    ] {
        if declared(kind).is_some() {
            continue;
        }
        if let Some((i, p, word)) = purposes
            .iter()
            .enumerate()
            .find_map(|(i, p)| speaks_of(p, words).map(|w| (i, p, w)))
        {
            out.push(SENSITIVE_DATA_UNDECLARED.diag(
                p.name.span,
                &format!("purposes[{i}]"),
                format!(
                    "purpose `{}` speaks of \"{word}\", but the notice declares no {what}",
                    p.id.value
                ),
                Some(format!("if {what} is used, {how}")),
            ));
        }
    }
    // An Art 9(2) condition with no special category data anywhere: the reader cannot
    // tell what it covers (NHS England gives Art 9(2)(h) and declares no health data).
    if declared(DataKind::Special).is_none()
        && let Some((i, p)) = purposes
            .iter()
            .enumerate()
            .find(|(_, p)| !p.special_category_conditions.is_empty())
    {
        out.push(SPECIAL_CONDITION.diag(
            p.special_category_conditions[0].condition.span,
            &format!("purposes[{i}].special_category_conditions"),
            format!("purpose `{}` names an Art 9(2) condition, but the notice declares no special category data for it to cover", p.id.value),
            Some("declare the special category data in `data_categories` with `kind: special` and list it under the purpose"),
        ));
    }
    // A public authority processing special category or criminal offence data almost
    // always relies on a Schedule 1 condition that needs an appropriate policy document
    // (Part 1 para 1, Part 2): ask for it even where no paragraph is named.
    // Criminal offence data processed under the control of official authority (the first
    // limb of Art 10) needs no Schedule 1 condition, so no policy document either.
    let official_authority = purposes.iter().any(|p| {
        p.criminal_offence_condition
            .as_ref()
            .is_some_and(|c| c.official_authority.is_some() && c.schedule_1.is_none())
    });
    let sensitive = declared(DataKind::Special)
        .or_else(|| declared(DataKind::CriminalOffence).filter(|_| !official_authority));
    if needs_apd.is_none()
        && n.is_public_authority()
        && n.file.appropriate_policy_document.is_none()
        && let Some((_, cat)) = sensitive
    {
        out.push(POLICY_DOCUMENT.diag(
            cat.id.span,
            "appropriate_policy_document",
            format!("the notice declares `{}` ({}) but no appropriate policy document; a public authority relying on DPA 2018 Schedule 1 for it needs one", cat.id.value, if Notice::kind_of(cat) == DataKind::Special { "special category data" } else { "criminal offence data" }),
            Some("add `appropriate_policy_document:` with its title and, ideally, its `url`"),
        ));
    }
    if let Some(s) = needs_apd
        && n.file.appropriate_policy_document.is_none()
    {
        out.push(POLICY_DOCUMENT.diag(
            s.span,
            "appropriate_policy_document",
            format!("`{}` needs an appropriate policy document, and the notice has no `appropriate_policy_document`", s.value),
            Some("add `appropriate_policy_document:` with its title and, ideally, its `url`"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule_1_references_parse() {
        assert_eq!(
            Sch1::parse("Part 2 para 6"),
            Some(Sch1 { part: 2, para: 6 })
        );
        assert_eq!(
            Sch1::parse("Sch 1, Part 3, paragraph 36"),
            Some(Sch1 { part: 3, para: 36 })
        );
        assert_eq!(Sch1::parse("Part 2 para 40"), None);
        assert_eq!(Sch1::parse("para 6"), None);
    }
}
