//! Purposes: what data is used for, on what lawful basis and condition, with which data,
//! sources, recipients and retention rule, and the facts a purpose states for itself.

use std::collections::BTreeSet;

use super::change::Area;
use super::matching::*;
use super::report::*;
use super::retention::period_change;
use super::text::{loose, name, norm};
use crate::model::schema::*;
use crate::model::vocab::audience_list;
use crate::model::{Notice, shared_with_no_one};
use crate::source::Sp;

pub(super) fn bases(list: &[Sp<LawfulBasis>]) -> BTreeSet<LawfulBasis> {
    list.iter().map(|b| b.value).collect()
}

pub(super) fn bases_words(set: &BTreeSet<LawfulBasis>) -> String {
    if set.is_empty() {
        return "none".into();
    }
    and_list(&set.iter().map(|b| b.words().to_owned()).collect::<Vec<_>>())
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
                Some(p) => format!("{} ({})", c.condition.value.words(), norm(p)),
                None => c.condition.value.words().to_owned(),
            })
            .collect::<Vec<_>>(),
    )
}

/// What a change is about: its area and path, how a sentence names it ("Purpose “X”"),
/// and how the change-log phrase names it ("data from “You”").
pub(super) struct About<'a> {
    pub(super) area: Area,
    pub(super) path: &'a str,
    pub(super) label: &'a str,
    pub(super) brief: &'a str,
}

impl<'a> About<'a> {
    pub(super) fn new(area: Area, path: &'a str, label: &'a str, brief: &'a str) -> Self {
        About {
            area,
            path,
            label,
            brief,
        }
    }
}

/// A changed set of lawful bases: material.
pub(super) fn basis_change(
    cx: &mut Cx,
    at: &About,
    old: &[Sp<LawfulBasis>],
    new: &[Sp<LawfulBasis>],
) {
    let (bx, by) = (bases(old), bases(new));
    if bx != by {
        let (was, now, label) = (bases_words(&bx), bases_words(&by), at.label);
        cx.material(
            at.area,
            format!("{}.lawful_basis", at.path),
            format!("{label}: lawful basis changed from {was} to {now}."),
            format!("lawful basis for {} now {now}", at.brief),
        );
    }
}

/// A changed set of Art 9 conditions (or Schedule 1 paragraphs): material.
pub(super) fn conditions_change(
    cx: &mut Cx,
    at: &About,
    old: &[Sp<SpecialCondition>],
    new: &[Sp<SpecialCondition>],
) {
    if conditions(old) != conditions(new) {
        let (was, now, label) = (conditions_words(old), conditions_words(new), at.label);
        cx.material(
            at.area,
            format!("{}.special_category_conditions", at.path),
            format!("{label}: special category conditions changed from {was} to {now}."),
            format!("special category conditions for {} changed", at.brief),
        );
    }
}

/// What data is used for.
pub(super) fn purposes(cx: &mut Cx, o: &Notice, n: &Notice, ids_: &Ids) {
    let (old, new) = (o.purposes(), n.purposes());
    let list = List::new(Area::Purposes, "purposes", (old, new), |x| &x.name)
        .ids(|x| &x.id)
        .renamed("name", "Purpose");
    let added = |x: &Purpose| {
        let b = bases(&x.lawful_basis);
        let basis = if b.is_empty() {
            " (no lawful basis given)".to_owned()
        } else {
            format!(", on the lawful basis of {}", bases_words(&b))
        };
        Report::Material(
            format!("New purpose: {}{basis}.", name(&x.name)),
            format!("new purpose {}", name(&x.name)),
        )
    };
    let removed = |x: &Purpose| Report::Editorial(format!("Purpose removed: {}.", name(&x.name)));
    list.compare(cx, added, removed, |cx, path, x, y| {
        purpose(cx, o, n, path, (x, y), ids_);
    });
}

/// Where a purpose's references point: (field, old refs, new refs, old id → new id, the
/// name of a referenced entry, words for an added and a removed reference).
type RefList<'a> = (
    &'a str,
    &'a [Sp<String>],
    &'a [Sp<String>],
    &'a std::collections::BTreeMap<String, String>,
    fn(&Notice, &str) -> String,
    &'a str,
    &'a str,
);

fn purpose(
    cx: &mut Cx,
    o: &Notice,
    n: &Notice,
    path: &str,
    (x, y): (&Purpose, &Purpose),
    ids_: &Ids,
) {
    let a = Area::Purposes;
    let label = format!("Purpose {}", name(&y.name));
    let p = |f: &str| format!("{path}.{f}");
    let what = |s: &str| format!("{s} {}", name(&y.name));
    let desc = what("Description of purpose");
    cx.text(
        a,
        &p("description"),
        &desc,
        s(&x.description),
        s(&y.description),
    );
    let brief = name(&y.name);
    let at = About::new(a, path, &label, &brief);
    basis_change(cx, &at, &x.lawful_basis, &y.lawful_basis);
    let law = what("Law cited for purpose");
    list_retouched(
        cx,
        a,
        p("legislation"),
        &law,
        &x.legislation,
        &y.legislation,
    );
    if let Some(d) = list_words(&x.legislation, &y.legislation, ("added", "removed")) {
        cx.editorial(a, p("legislation"), format!("{label}: law cited {d}."));
    }
    let interests = what("Legitimate interests of purpose");
    let (lx, ly) = (s(&x.legitimate_interests), s(&y.legitimate_interests));
    cx.text(a, &p("legitimate_interests"), &interests, lx, ly);
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
            format!("recognised legitimate interest for {brief} changed"),
        );
    }
    if x.outside_public_tasks.as_ref().map(|b| b.value)
        != y.outside_public_tasks.as_ref().map(|b| b.value)
    {
        let summary = format!("{label}: whether it is outside our public tasks changed.");
        cx.editorial(a, p("outside_public_tasks"), summary);
    }
    let (cx_, cy) = (
        &x.special_category_conditions,
        &y.special_category_conditions,
    );
    conditions_change(cx, &at, cx_, cy);
    for c in cy {
        if let Some(old) = cx_.iter().find(|o| o.condition.value == c.condition.value) {
            let words = c.condition.value.words();
            let note = format!("Note on the condition {words} for purpose {brief}");
            cx.text(
                a,
                &p("special_category_conditions"),
                &note,
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
            format!("criminal offence data condition for {brief} changed"),
        );
    }

    let refs: [RefList<'_>; 4] = [
        (
            "data_categories",
            &x.data_categories,
            &y.data_categories,
            &ids_.cats,
            category_name,
            "now also uses",
            "no longer uses",
        ),
        (
            "sources",
            &x.sources,
            &y.sources,
            &ids_.sources,
            source_name,
            "now also uses data from",
            "no longer uses data from",
        ),
        (
            "recipients",
            &x.recipients,
            &y.recipients,
            &ids_.recipients,
            recipient_name,
            "now also shares data with",
            "no longer shares data with",
        ),
        (
            "joint_controllers",
            &x.joint_controllers,
            &y.joint_controllers,
            &ids_.joint,
            joint_name,
            "now also has the joint controller",
            "no longer has the joint controller",
        ),
    ];
    for (field, old, new, map, name_of, added, removed) in refs {
        let words = Refs::new(&label, &brief, added, removed);
        let (old, new) = (mapped(old, map), ids(new));
        refs_change(cx, a, &p(field), &old, &new, |id| name_of(n, id), words);
    }

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
            &what("Retention period for purpose"),
            &format!("data for {brief}"),
            px.as_deref(),
            py.as_deref(),
        );
    }

    let flag = |v: &Option<Sp<bool>>| v.as_ref().is_some_and(|b| b.value);
    let (on, brief_on) = (
        format!("{label} is now direct marketing."),
        format!("{brief} now direct marketing"),
    );
    let off = format!("{label} is no longer direct marketing.");
    let was_now = (flag(&x.direct_marketing), flag(&y.direct_marketing));
    cx.switch((a, &p("direct_marketing")), was_now, (&on, &brief_on), &off);
    // Personal data where there was only anonymised information is a new use of
    // personal data (material); the reverse takes something away (editorial).
    let (on, brief_on) = (
        format!("{label} now uses personal data, not only anonymised information."),
        format!("{brief} now uses personal data"),
    );
    let off = format!("{label} now uses only anonymised information.");
    let was_now = (!flag(&x.anonymised), !flag(&y.anonymised));
    cx.switch((a, &p("anonymised")), was_now, (&on, &brief_on), &off);
    let auto = |v: &Option<Sp<bool>>| v.as_ref().is_none_or(|b| b.value);
    if auto(&x.automated_means) != auto(&y.automated_means) {
        let summary = format!("{label}: whether it is done by automated means changed.");
        cx.editorial(a, p("automated_means"), summary);
    }
    let withdraw = what("How to withdraw consent for purpose");
    let (wx, wy) = (s(&x.withdraw_consent), s(&y.withdraw_consent));
    cx.text(a, &p("withdraw_consent"), &withdraw, wx, wy);
    scoped(cx, path, (x, y));
}

/// The facts a purpose states for itself, in place of the notice-wide ones: who it
/// concerns, whether people must give their data, how long it is kept in its own words or
/// policy, and that it is shared with no one.
fn scoped(cx: &mut Cx, path: &str, (x, y): (&Purpose, &Purpose)) {
    let a = Area::Purposes;
    let p = |f: &str| format!("{path}.{f}");
    let what = |s: &str| format!("{s} {}", name(&y.name));
    let audience = |v: &Purpose| {
        Some(audience_list(&v.audience, &v.audience_other).join("; ")).filter(|w| !w.is_empty())
    };
    let (ax, ay) = (audience(x), audience(y));
    let label = what("Who is concerned by purpose");
    cx.text(a, &p("audience"), &label, ax.as_deref(), ay.as_deref());

    let (ox, oy) = (
        x.provision_requirement.as_deref(),
        y.provision_requirement.as_deref(),
    );
    let req = |b: Option<&ProvisionRequirement>| {
        b.and_then(|b| b.requirement.as_ref())
            .map(|r| r.value.words())
    };
    let label = what("Whether giving personal data is required for purpose");
    cx.text(
        a,
        &p("provision_requirement.requirement"),
        &label,
        req(ox),
        req(oy),
    );
    let texts: [(&str, String, Field<ProvisionRequirement>); 2] = [
        (
            "consequences",
            what("What happens if you do not give your data for purpose"),
            |b| &b.consequences,
        ),
        (
            "statement",
            what("Statement on giving your data for purpose"),
            |b| &b.statement,
        ),
    ];
    cx.texts((a, &p("provision_requirement")), ox, oy, &texts);

    let label = what("How long we keep the data of purpose");
    let (rx, ry) = (s(&x.retention_statement), s(&y.retention_statement));
    cx.text(a, &p("retention_statement"), &label, rx, ry);
    let (lx, ly) = (x.retention_policy.as_deref(), y.retention_policy.as_deref());
    let label = what("Retention policy of purpose");
    let (tx, ty) = (
        lx.map(|l| l.title.value.as_str()),
        ly.map(|l| l.title.value.as_str()),
    );
    cx.text(a, &p("retention_policy.title"), &label, tx, ty);
    let label = what("Web address of the retention policy of purpose");
    let (ux, uy) = (lx.and_then(|l| s(&l.url)), ly.and_then(|l| s(&l.url)));
    cx.text(a, &p("retention_policy.url"), &label, ux, uy);

    let flag = |v: &Purpose| shared_with_no_one(v);
    match (flag(x), flag(y)) {
        (false, true) => cx.editorial(
            a,
            p("shared_with_no_one"),
            what("Now says the data is shared with no one: purpose"),
        ),
        (true, false) => cx.editorial(
            a,
            p("shared_with_no_one"),
            what("No longer says the data is shared with no one: purpose"),
        ),
        _ => {}
    }
}
