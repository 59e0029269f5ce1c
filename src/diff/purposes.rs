//! Purposes: what data is used for, on what lawful basis and condition, with which data,
//! sources, recipients and retention rule.

use std::collections::BTreeSet;

use super::change::Area;
use super::matching::*;
use super::report::*;
use super::retention::period_change;
use super::text::{loose, name, norm};
use crate::model::Notice;
use crate::model::schema::*;
use crate::source::Sp;

pub(super) fn basis_words(b: LawfulBasis) -> &'static str {
    match b {
        LawfulBasis::Consent => "consent",
        LawfulBasis::Contract => "contract",
        LawfulBasis::LegalObligation => "legal obligation",
        LawfulBasis::VitalInterests => "vital interests",
        LawfulBasis::PublicTask => "public task",
        LawfulBasis::RecognisedLegitimateInterest => "recognised legitimate interest",
        LawfulBasis::LegitimateInterests => "legitimate interests",
    }
}

pub(super) fn bases(list: &[Sp<LawfulBasis>]) -> BTreeSet<LawfulBasis> {
    list.iter().map(|b| b.value).collect()
}

pub(super) fn bases_words(set: &BTreeSet<LawfulBasis>) -> String {
    if set.is_empty() {
        return "none".into();
    }
    and_list(
        &set.iter()
            .map(|b| basis_words(*b).to_owned())
            .collect::<Vec<_>>(),
    )
}

pub(super) fn condition_words(c: Art9Condition) -> &'static str {
    match c {
        Art9Condition::ExplicitConsent => "explicit consent",
        Art9Condition::Employment => "employment law",
        Art9Condition::VitalInterests => "vital interests",
        Art9Condition::NotForProfit => "not-for-profit bodies",
        Art9Condition::MadePublic => "made public by the person",
        Art9Condition::LegalClaims => "legal claims",
        Art9Condition::SubstantialPublicInterest => "substantial public interest",
        Art9Condition::HealthOrSocialCare => "health or social care",
        Art9Condition::PublicHealth => "public health",
        Art9Condition::ArchivingResearchStatistics => "archiving, research or statistics",
    }
}

pub(super) fn conditions(list: &[Sp<SpecialCondition>]) -> BTreeSet<(Art9Condition, String)> {
    list.iter()
        .map(|c| {
            (
                c.condition.value,
                c.schedule_1.as_ref().map_or(String::new(), |s| loose(s)),
            )
        })
        .collect()
}

pub(super) fn conditions_words(list: &[Sp<SpecialCondition>]) -> String {
    if list.is_empty() {
        return "none".into();
    }
    and_list(
        &list
            .iter()
            .map(|c| match &c.schedule_1 {
                Some(p) => format!("{} ({})", condition_words(c.condition.value), norm(p)),
                None => condition_words(c.condition.value).to_owned(),
            })
            .collect::<Vec<_>>(),
    )
}

pub(super) fn purposes(cx: &mut Cx, o: &Notice, n: &Notice, ids_: &Ids) {
    let a = Area::Purposes;
    let p = pair(o.purposes(), n.purposes(), |x| Some(&x.id), |x| &x.name);
    for x in &p.added {
        let b = bases(&x.lawful_basis);
        let basis = if b.is_empty() {
            " (no lawful basis given)".to_owned()
        } else {
            format!(", on the lawful basis of {}", bases_words(&b))
        };
        cx.material(
            a,
            format!("purposes[{}]", x.id.value),
            format!("New purpose: {}{basis}.", name(&x.name)),
            format!("new purpose {}", name(&x.name)),
        );
    }
    for x in &p.removed {
        cx.editorial(
            a,
            format!("purposes[{}]", x.id.value),
            format!("Purpose removed: {}.", name(&x.name)),
        );
    }
    for (x, y) in &p.both {
        purpose(cx, o, n, x, y, ids_);
    }
}

pub(super) fn purpose(cx: &mut Cx, o: &Notice, n: &Notice, x: &Purpose, y: &Purpose, ids_: &Ids) {
    let a = Area::Purposes;
    let path = format!("purposes[{}]", y.id.value);
    let label = format!("Purpose {}", name(&y.name));
    let p = |f: &str| format!("{path}.{f}");
    rename(cx, a, p("name"), "Purpose", &x.name, &y.name);
    cx.text(
        a,
        &p("description"),
        &format!("Description of purpose {}", name(&y.name)),
        s(&x.description),
        s(&y.description),
    );

    let (bx, by) = (bases(&x.lawful_basis), bases(&y.lawful_basis));
    if bx != by {
        cx.material(
            a,
            p("lawful_basis"),
            format!(
                "{label}: lawful basis changed from {} to {}.",
                bases_words(&bx),
                bases_words(&by)
            ),
            format!(
                "lawful basis for {} now {}",
                name(&y.name),
                bases_words(&by)
            ),
        );
    }
    list_retouched(
        cx,
        a,
        p("legislation"),
        &format!("Law cited for purpose {}", name(&y.name)),
        &x.legislation,
        &y.legislation,
    );
    let (added, removed) = list_change(&x.legislation, &y.legislation);
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("added {}", quoted(&added)));
    }
    if !removed.is_empty() {
        parts.push(format!("removed {}", quoted(&removed)));
    }
    if !parts.is_empty() {
        cx.editorial(
            a,
            p("legislation"),
            format!("{label}: law cited {}.", parts.join("; ")),
        );
    }
    cx.text(
        a,
        &p("legitimate_interests"),
        &format!("Legitimate interests of purpose {}", name(&y.name)),
        s(&x.legitimate_interests),
        s(&y.legitimate_interests),
    );
    let (rx, ry) = (
        s(&x.recognised_legitimate_interest),
        s(&y.recognised_legitimate_interest),
    );
    if rx.map(loose) != ry.map(loose) {
        cx.material(
            a,
            p("recognised_legitimate_interest"),
            format!(
                "{label}: recognised legitimate interest {}.",
                text_change(rx, ry).unwrap_or_else(|| "changed".into())
            ),
            format!(
                "recognised legitimate interest for {} changed",
                name(&y.name)
            ),
        );
    }
    if x.outside_public_tasks.as_ref().map(|b| b.value)
        != y.outside_public_tasks.as_ref().map(|b| b.value)
    {
        cx.editorial(
            a,
            p("outside_public_tasks"),
            format!("{label}: whether it is outside our public tasks changed."),
        );
    }
    if conditions(&x.special_category_conditions) != conditions(&y.special_category_conditions) {
        cx.material(
            a,
            p("special_category_conditions"),
            format!(
                "{label}: special category conditions changed from {} to {}.",
                conditions_words(&x.special_category_conditions),
                conditions_words(&y.special_category_conditions)
            ),
            format!("special category conditions for {} changed", name(&y.name)),
        );
    }
    for c in &y.special_category_conditions {
        if let Some(old) = x
            .special_category_conditions
            .iter()
            .find(|o| o.condition.value == c.condition.value)
        {
            cx.text(
                a,
                &p("special_category_conditions"),
                &format!(
                    "Note on the condition {} for purpose {}",
                    condition_words(c.condition.value),
                    name(&y.name)
                ),
                s(&old.note),
                s(&c.note),
            );
        }
    }
    let crim = |c: &Option<Sp<CriminalOffenceCondition>>| {
        c.as_ref().map(|c| {
            (
                s(&c.official_authority).map(loose),
                s(&c.schedule_1).map(loose),
            )
        })
    };
    if crim(&x.criminal_offence_condition) != crim(&y.criminal_offence_condition) {
        cx.material(
            a,
            p("criminal_offence_condition"),
            format!("{label}: the condition for criminal offence data changed."),
            format!(
                "criminal offence data condition for {} changed",
                name(&y.name)
            ),
        );
    }

    refs_change(
        cx,
        a,
        &p("data_categories"),
        &mapped(&x.data_categories, &ids_.cats),
        &ids(&y.data_categories),
        |id| category_name(n, id),
        Refs {
            subject: &label,
            brief_subject: &name(&y.name),
            added: "now also uses",
            removed: "no longer uses",
        },
    );
    refs_change(
        cx,
        a,
        &p("sources"),
        &mapped(&x.sources, &ids_.sources),
        &ids(&y.sources),
        |id| {
            n.source(id)
                .map_or_else(|| id.to_owned(), |s| name(&s.name))
        },
        Refs {
            subject: &label,
            brief_subject: &name(&y.name),
            added: "now also uses data from",
            removed: "no longer uses data from",
        },
    );
    refs_change(
        cx,
        a,
        &p("recipients"),
        &mapped(&x.recipients, &ids_.recipients),
        &ids(&y.recipients),
        |id| {
            n.recipient(id)
                .map_or_else(|| id.to_owned(), |r| name(&r.name))
        },
        Refs {
            subject: &label,
            brief_subject: &name(&y.name),
            added: "now also shares data with",
            removed: "no longer shares data with",
        },
    );
    refs_change(
        cx,
        a,
        &p("joint_controllers"),
        &mapped(&x.joint_controllers, &ids_.joint),
        &ids(&y.joint_controllers),
        |id| {
            n.file
                .joint_controllers
                .iter()
                .find(|j| j.id.value == id)
                .map_or_else(|| id.to_owned(), |j| name(&j.name))
        },
        Refs {
            subject: &label,
            brief_subject: &name(&y.name),
            added: "now also has the joint controller",
            removed: "no longer has the joint controller",
        },
    );

    // Retention: only where the purpose now points at another rule (a rule's own period
    // changing is reported under retention).
    let old_rule = x.retention.as_ref().map(|r| {
        ids_.rules
            .get(&r.value)
            .cloned()
            .unwrap_or_else(|| r.value.clone())
    });
    let new_rule = y.retention.as_ref().map(|r| r.value.clone());
    if old_rule != new_rule {
        let period = |notice: &Notice, rule: Option<&Sp<String>>| -> Option<String> {
            match rule {
                Some(id) => notice.retention_rule(id).map(|r| r.period.value.clone()),
                None => notice
                    .file
                    .retention
                    .as_ref()
                    .and_then(|r| s(&r.default).map(str::to_owned)),
            }
        };
        let (px, py) = (
            period(o, x.retention.as_ref()),
            period(n, y.retention.as_ref()),
        );
        period_change(
            cx,
            p("retention"),
            &format!("Retention period for purpose {}", name(&y.name)),
            &format!("data for {}", name(&y.name)),
            px.as_deref(),
            py.as_deref(),
        );
    }

    let flag = |v: &Option<Sp<bool>>| v.as_ref().is_some_and(|b| b.value);
    if !flag(&x.direct_marketing) && flag(&y.direct_marketing) {
        cx.material(
            a,
            p("direct_marketing"),
            format!("{label} is now direct marketing."),
            format!("{} now direct marketing", name(&y.name)),
        );
    } else if flag(&x.direct_marketing) && !flag(&y.direct_marketing) {
        cx.editorial(
            a,
            p("direct_marketing"),
            format!("{label} is no longer direct marketing."),
        );
    }
    let auto = |v: &Option<Sp<bool>>| v.as_ref().is_none_or(|b| b.value);
    if auto(&x.automated_means) != auto(&y.automated_means) {
        cx.editorial(
            a,
            p("automated_means"),
            format!("{label}: whether it is done by automated means changed."),
        );
    }
    cx.text(
        a,
        &p("withdraw_consent"),
        &format!("How to withdraw consent for purpose {}", name(&y.name)),
        s(&x.withdraw_consent),
        s(&y.withdraw_consent),
    );
}
