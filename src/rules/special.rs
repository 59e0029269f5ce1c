//! Special category data (Art 9, DPA 2018 s10 and Sch 1), criminal offence data (Art 10) and
//! the appropriate policy document (Sch 1 Part 4).

use std::collections::BTreeMap;

use super::CheckOptions;
use crate::diag::Diagnostic;
use crate::model::Notice;
use crate::model::schema::{Art9Condition, DataKind, Purpose};
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
    for (i, p) in purposes.iter().enumerate() {
        if let Some(cat) = uses_kind(&kinds, p, DataKind::Special)
            && p.special_category_conditions.is_empty()
        {
            out.push(SPECIAL_CONDITION.diag(
                cat.span,
                &format!("purposes[{i}].special_category_conditions"),
                format!("purpose `{}` uses special category data (`{}`) but names no Art 9(2) condition", p.id.value, cat.value),
                Some("add `special_category_conditions: [{condition: substantial_public_interest, schedule_1: Part 2 para 6}]` or the condition that applies"),
            ));
        }
        if let Some(cat) = uses_kind(&kinds, p, DataKind::CriminalOffence)
            && p.criminal_offence_condition.is_none()
        {
            out.push(CRIMINAL_CONDITION.diag(
                cat.span,
                &format!("purposes[{i}].criminal_offence_condition"),
                format!("purpose `{}` uses criminal offence data (`{}`) but gives no Art 10 authority", p.id.value, cat.value),
                Some("add `criminal_offence_condition: {official_authority: <the Act>}` or a `schedule_1` paragraph"),
            ));
        }
        for (k, c) in p.special_category_conditions.iter().enumerate() {
            let path = format!("purposes[{i}].special_category_conditions[{k}].schedule_1");
            let condition = c.condition.value.code();
            match (required_part(c.condition.value), &c.schedule_1) {
                (Some(needs), None) => out.push(SCHEDULE_1_MISSING.diag(
                    c.condition.span,
                    &path,
                    format!("purpose `{}`: `{condition}` is met only with a DPA 2018 Schedule 1 condition, and no `schedule_1` is given", p.id.value),
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
                None => {}
            }
        }
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
