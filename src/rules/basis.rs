//! Purposes and lawful bases: Art 13(1)(c)–(d), Art 6(1) and (3), consent (Art 7).

use super::identity::FILE_START;
use super::{CheckOptions, commencement};
use crate::diag::Diagnostic;
use crate::model::rights::relies_on_consent;
use crate::model::schema::LawfulBasis;
use crate::model::{Notice, is_anonymised};
use crate::registry::*;

/// The help for a public task with no law named: the Police Reform and Social
/// Responsibility Act 2011 is the law of police and crime commissioners only; anyone else is
/// asked for the Act that gives the task.
fn legislation_help(n: &Notice) -> String {
    let name = n
        .controller()
        .map(|c| c.name.value.to_lowercase())
        .unwrap_or_default();
    let pcc = name.contains("crime commissioner")
        || name
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "pcc" | "opcc" | "pfcc" | "opfcc"));
    if pcc {
        "add `legislation: [Police Reform and Social Responsibility Act 2011]` or the Act that applies".into()
    } else {
        "add `legislation:` naming the Act (and section, where you can) that gives the office the task or duty".into()
    }
}

pub(super) fn check(n: &Notice, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    let purposes = n.purposes();
    if purposes.is_empty() {
        let span = n.file.purposes.as_ref().map_or(FILE_START, |p| p.span);
        out.push(PURPOSES_MISSING.diag(
            span,
            "purposes",
            "the notice lists no purposes".into(),
            Some("add `purposes:` with each reason the office uses personal data and its lawful basis"),
        ));
        return;
    }
    let public_authority = n.is_public_authority();
    let mut consent_only = 0;
    for (i, p) in purposes.iter().enumerate() {
        let path = |f: &str| format!("purposes[{i}].{f}");
        let has = |b: LawfulBasis| p.lawful_basis.iter().find(|x| x.value == b);
        if p.lawful_basis.is_empty() && !is_anonymised(p) {
            out.push(NO_LAWFUL_BASIS.diag(
                p.id.span,
                &path("lawful_basis"),
                format!("purpose `{}` has no lawful basis", p.id.value),
                Some("add `lawful_basis: [public_task]` or another basis"),
            ));
        }
        if let Some(b) = has(LawfulBasis::PublicTask).or_else(|| has(LawfulBasis::LegalObligation))
            && p.legislation.is_empty()
        {
            out.push(LEGISLATION_MISSING.diag(
                b.span,
                &path("legislation"),
                format!("purpose `{}` relies on a public task or legal obligation but names no legislation", p.id.value),
                Some(legislation_help(n)),
            ));
        }
        if let Some(b) = has(LawfulBasis::LegitimateInterests)
            && p.legitimate_interests
                .as_ref()
                .is_none_or(|t| t.value.trim().is_empty())
        {
            out.push(LEGITIMATE_INTERESTS_UNSTATED.diag(
                b.span,
                &path("legitimate_interests"),
                format!(
                    "purpose `{}` relies on legitimate interests but does not say what they are",
                    p.id.value
                ),
                Some("add `legitimate_interests:` describing the interests pursued"),
            ));
        }
        let li = has(LawfulBasis::LegitimateInterests)
            .or_else(|| has(LawfulBasis::RecognisedLegitimateInterest));
        if public_authority
            && let Some(b) = li
            && !p.outside_public_tasks.as_ref().is_some_and(|o| o.value)
        {
            out.push(LEGITIMATE_INTERESTS_PUBLIC_TASK.diag(
                b.span,
                &path("lawful_basis"),
                format!("purpose `{}`: a public authority cannot rely on legitimate interests for its public tasks", p.id.value),
                Some("use `public_task` with the legislation, or add `outside_public_tasks: true` if this purpose is not one of the office's tasks"),
            ));
        }
        if let Some(b) = has(LawfulBasis::RecognisedLegitimateInterest) {
            if opts.as_of.is_before(commencement::DUAA_5_FEB_2026) {
                out.push(RECOGNISED_LI.diag(
                    b.span,
                    &path("lawful_basis"),
                    format!("purpose `{}` relies on a recognised legitimate interest, which is not in force until 5 February 2026", p.id.value),
                    Some("use another lawful basis for processing before 5 February 2026"),
                ));
            } else if p
                .recognised_legitimate_interest
                .as_ref()
                .is_none_or(|c| c.value.trim().is_empty())
            {
                out.push(RECOGNISED_LI.diag(
                    b.span,
                    &path("recognised_legitimate_interest"),
                    format!("purpose `{}` relies on a recognised legitimate interest but names no Annex 1 condition", p.id.value),
                    Some("add `recognised_legitimate_interest:` naming the Annex 1 condition"),
                ));
            }
        }
        if !p.lawful_basis.is_empty()
            && p.lawful_basis
                .iter()
                .all(|b| b.value == LawfulBasis::Consent)
        {
            consent_only += 1;
        }
    }
    if public_authority && consent_only * 2 > purposes.len() {
        let span = n.file.purposes.as_ref().map_or(FILE_START, |p| p.span);
        out.push(CONSENT_RELIANCE.diag(
            span,
            "purposes",
            format!("{consent_only} of {} purposes rely on consent alone, which a public authority should avoid", purposes.len()),
            Some("check whether these purposes carry out the office's functions; if so, their basis is `public_task`"),
        ));
    }
    // Newsletters, event invitations and fundraising may be direct marketing, which brings
    // the absolute right to object (Art 21(2)-(4)): ask, once per purpose, unless answered.
    for (i, p) in purposes.iter().enumerate() {
        if p.direct_marketing.is_some() {
            continue;
        }
        if let Some(word) = speaks_of_marketing(p) {
            out.push(DIRECT_MARKETING_UNSTATED.diag(
                p.name.span,
                &format!("purposes[{i}].direct_marketing"),
                format!("purpose `{}` speaks of \"{word}\" but does not say whether it is direct marketing", p.id.value),
                Some("add `direct_marketing: true` if it sends promotional material or appeals (people then have an absolute right to object), or `direct_marketing: false`"),
            ));
        }
    }
    pseudonymised(n, out);
    let consent_purpose = purposes
        .iter()
        .enumerate()
        .find(|(_, p)| relies_on_consent(p));
    if let Some((i, p)) = consent_purpose {
        let route = n.rights_contact().is_some()
            || purposes
                .iter()
                .filter(|p| relies_on_consent(p))
                .all(|p| p.withdraw_consent.is_some());
        if !route {
            out.push(CONSENT_WITHDRAWAL.diag(
                p.id.span,
                &format!("purposes[{i}].withdraw_consent"),
                format!("purpose `{}` relies on consent but the notice gives no way to withdraw it", p.id.value),
                Some("add `withdraw_consent:` to the purpose, or contact details under `rights.contact`, `dpo` or `controller`"),
            ));
        }
    }
}

/// Words that say data is pseudonymised rather than anonymous (Art 4(5)).
const PSEUDONYMISED_WORDS: &[&str] = &[
    "pseudonym",
    "pseudo-anonym",
    "pseudoanonym",
    "key-coded",
    "key coded",
];

/// PN307: a purpose marked anonymised whose words, or whose data categories' words, say
/// the data is pseudonymised, which is still personal data (Recital 26).
fn pseudonymised(n: &Notice, out: &mut Vec<Diagnostic>) {
    for (i, p) in n.purposes().iter().enumerate() {
        if !is_anonymised(p) {
            continue;
        }
        let mut texts: Vec<&crate::source::Sp<String>> = vec![&p.name];
        texts.extend(p.description.as_ref());
        for id in &p.data_categories {
            if let Some(c) = n.category(&id.value) {
                texts.push(&c.name);
                texts.extend(c.examples.iter());
                texts.extend(c.note.as_ref());
            }
        }
        let found = texts.iter().find_map(|t| {
            let lower = t.value.to_lowercase();
            PSEUDONYMISED_WORDS
                .iter()
                .find(|w| lower.contains(**w))
                .map(|_| *t)
        });
        if let Some(t) = found {
            out.push(PSEUDONYMISED_AS_ANONYMISED.diag(
                t.span,
                &format!("purposes[{i}].anonymised"),
                format!(
                    "purpose `{}` is marked `anonymised`, but its words say the data is pseudonymised, and pseudonymised data is still personal data",
                    p.id.value
                ),
                Some("if the data can be linked back to people (with a key, a reference number or other information), remove `anonymised: true` and give a lawful basis; if it truly cannot, call it anonymised"),
            ));
        }
    }
}

/// Words in a purpose that suggest direct marketing (the ICO: promoting aims and ideals,
/// events and fundraising count, not only selling).
const MARKETING_WORDS: &[&str] = &[
    "newsletter",
    "newsletters",
    "e-newsletter",
    "bulletin",
    "bulletins",
    "e-bulletin",
    "mailing list",
    "marketing",
    "fundraising",
    "promotional",
    "invitations",
    "invite you",
];

fn speaks_of_marketing(p: &crate::model::schema::Purpose) -> Option<&'static str> {
    // The name only: a description is often shared text (a YAML alias) that gives
    // examples of other purposes.
    let text = p.name.value.to_lowercase();
    MARKETING_WORDS.iter().copied().find(|w| {
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
