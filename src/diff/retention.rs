//! How long data is kept: the default, the rules and the policy; whether a period got
//! longer.

use std::collections::BTreeMap;

use super::change::Area;
use super::matching::*;
use super::report::*;
use super::text::{PeriodChange, compare_periods, describe, loose, name, norm, quote};
use crate::model::Notice;
use crate::model::schema::*;

/// A retention period changed: material if longer, or if it cannot be told.
pub(super) fn period_change(
    cx: &mut Cx,
    path: String,
    label: &str,
    subject: &str,
    old: Option<&str>,
    new: Option<&str>,
) {
    let a = Area::Retention;
    match (old, new) {
        (None, None) => {}
        (None, Some(y)) => cx.material(
            a,
            path,
            format!(
                "{label} is now given as {}; it was not given before, so it may be longer (counted as material to be safe).",
                quote(y)
            ),
            format!("{subject} now kept for {}", quote(y)),
        ),
        (Some(x), None) => cx.material(
            a,
            path,
            format!(
                "{label} is no longer given (it was {}); counted as material to be safe.",
                quote(x)
            ),
            format!("retention period for {subject} no longer given"),
        ),
        (Some(x), Some(y)) => match compare_periods(x, y) {
            PeriodChange::Same if norm(x) == norm(y) => {}
            PeriodChange::Same => cx.editorial(
                a,
                path,
                format!(
                    "{label} reworded from {} to {} (the same period).",
                    quote(x),
                    quote(y)
                ),
            ),
            PeriodChange::Punctuation => cx.editorial(
                a,
                path,
                format!("{label}: punctuation or capitals changed."),
            ),
            PeriodChange::Shorter => cx.editorial(
                a,
                path,
                format!("{label} is shorter: {} (it was {}).", quote(y), quote(x)),
            ),
            PeriodChange::Longer => cx.material(
                a,
                path,
                format!("{label} is longer: {} (it was {}).", quote(y), quote(x)),
                format!("{subject} kept longer ({} → {})", norm(x), norm(y)),
            ),
            PeriodChange::Unclear => cx.material(
                a,
                path,
                format!(
                    "{label} changed from {} to {}; it cannot be told whether this is longer, so it counts as material.",
                    quote(x),
                    quote(y)
                ),
                format!("retention of {subject} changed ({} → {})", norm(x), norm(y)),
            ),
        },
    }
}

/// How long data is kept; returns old rule id → new rule id.
pub(super) fn retention(cx: &mut Cx, o: &Notice, n: &Notice) -> BTreeMap<String, String> {
    let a = Area::Retention;
    let (or, nr) = blocks(o, n, |f| &f.retention);
    let (dx, dy) = (
        or.and_then(|r| s(&r.default)),
        nr.and_then(|r| s(&r.default)),
    );
    period_change(
        cx,
        "retention.default".into(),
        "The default retention period",
        "personal data by default",
        dx,
        dy,
    );
    let (cx_, cy) = (
        or.and_then(|r| s(&r.criteria)),
        nr.and_then(|r| s(&r.criteria)),
    );
    if let Some(d) = text_change(cx_, cy) {
        if cx_.map(loose) == cy.map(loose) {
            cx.editorial(a, "retention.criteria", format!("Retention criteria {d}."));
        } else {
            cx.material(
                a,
                "retention.criteria",
                format!(
                    "Retention criteria {d}; it cannot be told whether data is kept longer, so this counts as material."
                ),
                "retention criteria changed".into(),
            );
        }
    }
    let (old, new) = (entries(or, |r| &r.rules), entries(nr, |r| &r.rules));
    let list = List::new(a, "retention.rules", (old, new), |r| &r.records).ids(|r| &r.id);
    // Whether one period is no longer than another.
    let not_longer = |x: &str, y: &str| {
        matches!(
            compare_periods(x, y),
            PeriodChange::Shorter | PeriodChange::Same
        )
    };
    let added = |r: &RetentionRule| {
        let (records, period) = (name(&r.records), quote(&r.period));
        if dx.is_some_and(|d| not_longer(d, &r.period)) {
            Report::Editorial(format!(
                "New retention period for {records}: {period}, no longer than the default."
            ))
        } else {
            Report::Material(
                format!(
                    "New retention period for {records}: {period}; it may be longer than before, so it counts as material."
                ),
                format!("{records} now kept for {period}"),
            )
        }
    };
    let removed = |r: &RetentionRule| {
        let records = name(&r.records);
        let default = dy.map_or_else(|| "none given".to_owned(), quote);
        if dy.is_some_and(|d| not_longer(&r.period, d)) {
            Report::Editorial(format!(
                "Retention period for {records} removed; the default ({default}) is no longer."
            ))
        } else {
            Report::Material(
                format!(
                    "Retention period for {records} removed (it was {}); the default ({default}) may be longer, so this counts as material.",
                    quote(&r.period)
                ),
                format!("retention of {records} changed"),
            )
        }
    };
    let p = list.compare(cx, added, removed, |cx, path, x, y| {
        if describe(&x.records, &y.records).is_some() {
            let (was, now) = (name(&x.records), name(&y.records));
            let summary = format!("Retention rule for {was} now covers {now}.");
            cx.editorial(a, format!("{path}.records"), summary);
        }
        period_change(
            cx,
            format!("{path}.period"),
            &format!("Retention of {}", name(&y.records)),
            &name(&y.records),
            Some(&x.period),
            Some(&y.period),
        );
    });
    let (px, py) = (
        or.and_then(|r| r.policy.as_ref()),
        nr.and_then(|r| r.policy.as_ref()),
    );
    let (x, y) = field(px, py, |p| Some(p.title.as_str()));
    let (path, label) = ("retention.policy.title", "Retention policy");
    cx.text(a, path, label, x, y);
    let (x, y) = field(px, py, |p| s(&p.url));
    let label = "Web address of the retention policy";
    cx.text(a, "retention.policy.url", label, x, y);
    let texts: [(&str, &str, Field<Retention>); 1] =
        [("statement", "Statement on retention", |r| &r.statement)];
    cx.texts((a, "retention"), or, nr, &texts);
    id_map(&p, |r| &r.id)
}
