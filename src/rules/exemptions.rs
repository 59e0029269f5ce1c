//! Exemptions from the duty to inform (UK GDPR Art 13(4), Art 13(5), Art 14(5)) and what a
//! notice published in its own words states (`as_published`).
//!
//! An exemption declared in `exemptions` is checked for fit (PN411), for the law it rests
//! on (PN412) and for the measures it still requires (PN410), and it changes which other
//! rules apply: [`source_exempt`] tells the source rules (PN406, PN407) to pass over the
//! sources it covers, and [`drop_covered`] takes away the per-purpose disclosure findings
//! for purposes the person already has the information about.

use super::CheckOptions;
use super::commencement::DUAA_5_FEB_2026;
use crate::diag::Diagnostic;
use crate::model::Notice;
use crate::model::rights::{Right, applicable};
use crate::model::schema::{Exemption, ExemptionGround, LawfulBasis, SourceKind};
use crate::model::walk::Code;
use crate::registry::*;

pub(super) fn check(n: &Notice, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    for (i, e) in n.file.exemptions.iter().enumerate() {
        exemption(n, opts, i, e, out);
    }
    as_published(n, out);
}

/// The article of a ground as the law was on `as_of`: DUAA 2025 s77 re-lettered Art 14(5)
/// on 5 February 2026.
fn article(ground: ExemptionGround, opts: &CheckOptions) -> &'static str {
    let new = !opts.as_of.is_before(DUAA_5_FEB_2026);
    match ground {
        ExemptionGround::AlreadyInformed => "Art 13(4) and Art 14(5)(a)",
        ExemptionGround::DisproportionateEffort if new => "Art 14(5)(e)",
        ExemptionGround::SeriouslyImpair if new => "Art 14(5)(f)",
        ExemptionGround::DisproportionateEffort | ExemptionGround::SeriouslyImpair => {
            "Art 14(5)(b)"
        }
        ExemptionGround::RequiredByLaw => "Art 14(5)(c)",
        ExemptionGround::ProfessionalSecrecy => "Art 14(5)(d)",
        ExemptionGround::Research => "Art 13(5)",
    }
}

/// Grounds that exist only for data not obtained from the person (Art 14(5)(b)-(f)).
fn indirect_only(ground: ExemptionGround) -> bool {
    matches!(
        ground,
        ExemptionGround::DisproportionateEffort
            | ExemptionGround::SeriouslyImpair
            | ExemptionGround::RequiredByLaw
            | ExemptionGround::ProfessionalSecrecy
    )
}

fn exemption(n: &Notice, opts: &CheckOptions, i: usize, e: &Exemption, out: &mut Vec<Diagnostic>) {
    let ground = e.ground.value;
    let code = ground.code();
    let art = article(ground, opts);
    let path = |f: &str| format!("exemptions[{i}].{f}");
    let id = &e.id.value;

    if ground == ExemptionGround::Research && opts.as_of.is_before(DUAA_5_FEB_2026) {
        out.push(EXEMPTION_MISAPPLIED.diag(
            e.ground.span,
            &path("ground"),
            format!("exemption `{id}` relies on the research exemption of Art 13(5), which is in force only from 5 February 2026"),
            Some("before 5 February 2026 data collected from the person has no research exemption: tell people, or rely on `already_informed` if they already have the information"),
        ));
    } else if ground == ExemptionGround::Research && e.purposes.is_empty() {
        out.push(EXEMPTION_MISAPPLIED.diag(
            e.id.span,
            &path("purposes"),
            format!("exemption `{id}` relies on the research exemption ({art}) but does not say which purposes (the further use for research, archiving or statistics) it covers"),
            Some("add `purposes:` naming the research, archiving or statistics purposes"),
        ));
    } else if e.sources.is_empty() && e.purposes.is_empty() {
        out.push(EXEMPTION_MISAPPLIED.diag(
            e.id.span,
            &path("sources"),
            format!("exemption `{id}` ({code}, {art}) does not say which sources or purposes it covers"),
            Some("add `sources:` or `purposes:`: an exemption applies only to the extent its ground holds"),
        ));
    }

    if indirect_only(ground) {
        for s in &e.sources {
            if n.source(&s.value)
                .is_some_and(|x| x.kind.value.is_from_the_person())
            {
                out.push(EXEMPTION_MISAPPLIED.diag(
                    s.span,
                    &path("sources"),
                    format!("exemption `{id}` uses `{code}` ({art}) for source `{}`, but that source is the person themselves; {art} covers only data obtained from someone else", s.value),
                    Some("for data people give you, the UK GDPR's own exceptions are `already_informed` (Art 13(4)) and, from 5 February 2026, `research` (Art 13(5)); the DPA 2018 Schedule 2 exemptions (crime, for example) are not modelled"),
                ));
            }
        }
        for p in &e.purposes {
            let Some(purpose) = n.purposes().iter().find(|x| x.id.value == p.value) else {
                continue;
            };
            let kinds: Vec<SourceKind> = purpose
                .sources
                .iter()
                .filter_map(|s| n.source(&s.value).map(|x| x.kind.value))
                .collect();
            if !kinds.is_empty() && kinds.iter().all(|k| k.is_from_the_person()) {
                out.push(EXEMPTION_MISAPPLIED.diag(
                    p.span,
                    &path("purposes"),
                    format!("exemption `{id}` uses `{code}` ({art}) for purpose `{}`, but every source of that purpose is the person themselves; {art} covers only data obtained from someone else", p.value),
                    Some("for data people give you, the UK GDPR's own exceptions are `already_informed` (Art 13(4)) and, from 5 February 2026, `research` (Art 13(5)); the DPA 2018 Schedule 2 exemptions (crime, for example) are not modelled"),
                ));
            }
        }
    }

    if matches!(
        ground,
        ExemptionGround::RequiredByLaw | ExemptionGround::ProfessionalSecrecy
    ) && e.law.as_ref().is_none_or(|l| l.value.trim().is_empty())
    {
        let what = if ground == ExemptionGround::RequiredByLaw {
            "the law that lays down the obtaining or disclosure"
        } else {
            "the law that imposes the obligation of secrecy"
        };
        out.push(EXEMPTION_LAW.diag(
            e.ground.span,
            &path("law"),
            format!("exemption `{id}` relies on {art} but does not name {what}"),
            Some("add `law:` naming the Act and section"),
        ));
    }

    // Before 5 February 2026 the research exemption did not exist: PN411 says so, and
    // there are no Art 13(7) measures to ask for.
    let research_too_early =
        ground == ExemptionGround::Research && opts.as_of.is_before(DUAA_5_FEB_2026);
    if matches!(
        ground,
        ExemptionGround::DisproportionateEffort
            | ExemptionGround::SeriouslyImpair
            | ExemptionGround::Research
    ) && !research_too_early
        && e.measures
            .as_ref()
            .is_none_or(|m| m.value.trim().is_empty())
    {
        let duty = match (ground, opts.as_of.is_before(DUAA_5_FEB_2026)) {
            (ExemptionGround::Research, _) => "Art 13(7)",
            (_, true) => "Art 14(5)(b)",
            (_, false) => "Art 14(7)",
        };
        out.push(EXEMPTION_MEASURES.diag(
            e.ground.span,
            &path("measures"),
            format!("exemption `{id}` relies on {art}, which still requires appropriate measures to protect people's interests, including making the information publicly available ({duty}); the notice does not say what they are"),
            Some("add `measures:` saying what is done instead and where the information is published"),
        ));
    }
}

/// Whether a valid exemption covers source `id` for the Art 14 disclosures about sources
/// (the categories of data, Art 14(1)(d), and publicly accessible sources, Art 14(2)(f)).
/// Only a source obtained from someone else can be exempt from them.
pub(super) fn source_exempt(n: &Notice, id: &str) -> bool {
    n.source(id).is_some_and(|s| s.kind.value.is_from_others())
        && n.file.exemptions.iter().any(|e| {
            e.ground.value != ExemptionGround::Research && e.sources.iter().any(|s| s.value == id)
        })
}

/// The per-purpose disclosure findings an `already_informed` exemption (Art 13(4),
/// Art 14(5)(a)) covers: the lawful basis, the law behind it, the legitimate interests
/// and how to withdraw consent.
const COVERED_BY_ALREADY_INFORMED: &[&str] = &["PN202", "PN203", "PN204", "PN208"];

/// Drop the findings an exemption covers: the per-purpose disclosures of a purpose the
/// person already has the information about.
pub(super) fn drop_covered(n: &Notice, out: &mut Vec<Diagnostic>) {
    let covered: Vec<usize> = n
        .purposes()
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            n.file.exemptions.iter().any(|e| {
                e.ground.value == ExemptionGround::AlreadyInformed
                    && e.purposes.iter().any(|x| x.value == p.id.value)
            })
        })
        .map(|(i, _)| i)
        .collect();
    if covered.is_empty() {
        return;
    }
    out.retain(|d| {
        !(COVERED_BY_ALREADY_INFORMED.contains(&d.rule)
            && covered
                .iter()
                .any(|i| d.path.starts_with(&format!("purposes[{i}]."))))
    });
}

/// A notice published in its own words: the rights and the complaint to the Commissioner
/// it states (PN610, PN611).
fn as_published(n: &Notice, out: &mut Vec<Diagnostic>) {
    let Some(ap) = &n.file.as_published else {
        return;
    };
    if let Some(stated) = &ap.rights {
        let missing: Vec<&str> = applicable(n)
            .into_iter()
            .filter(|r| *r != Right::Erasure || erasure_must_be_stated(n))
            .filter(|r| !stated.value.iter().any(|s| s.value == *r))
            .map(right_words)
            .collect();
        if !missing.is_empty() {
            let said = if stated.value.is_empty() {
                "states none of the rights".to_owned()
            } else {
                let mut words: Vec<&str> =
                    stated.value.iter().map(|s| right_words(s.value)).collect();
                words.dedup();
                format!("states only {}", join(&words))
            };
            out.push(RIGHTS_NOT_STATED.diag(
                stated.span,
                "as_published.rights",
                format!(
                    "the notice as published {said}; it does not state {}, which apply to it",
                    join(&missing)
                ),
                Some("state these rights in the notice (or remove `as_published` and let `notice build` write them)"),
            ));
        }
    }
    if let Some(f) = &ap.regulator_complaint
        && !f.value
    {
        out.push(REGULATOR_COMPLAINT_NOT_STATED.diag(
            f.span,
            "as_published.regulator_complaint",
            "the notice as published does not tell people they can complain to the Information Commissioner".into(),
            Some("say that people can complain to the Information Commissioner, and how (or remove `as_published` and let `notice build` write it)"),
        ));
    }
}

/// Whether a published notice must state the right to erasure. It exists in every case
/// (Art 17(1)(d): unlawful processing), but Art 17(3)(b) takes away most of it where
/// processing is needed for a legal obligation or a public task, and the ICO's guidance
/// tells offices relying only on those bases that it does not apply. So `notice` asks for it
/// only where some purpose relies on another basis; where no purpose has a basis, PN202 is
/// the finding.
fn erasure_must_be_stated(n: &Notice) -> bool {
    n.purposes().iter().any(|p| {
        p.lawful_basis.iter().any(|b| {
            !matches!(
                b.value,
                LawfulBasis::LegalObligation | LawfulBasis::PublicTask
            )
        })
    })
}

/// A right as the object of "states": "the right of access", "the right to withdraw
/// consent".
fn right_words(r: Right) -> &'static str {
    match r {
        Right::WithdrawConsent => "the right to withdraw consent",
        Right::AutomatedDecisions => "the rights about automated decisions",
        _ => r.words(),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
