//! How long data is kept: the default, the rules and the policy; whether a period got
//! longer.

use std::collections::BTreeMap;

use super::change::Area;
use super::matching::*;
use super::report::*;
use super::text::{PeriodChange, compare_periods, describe, loose, name, norm, quote};
use crate::model::Notice;

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

pub(super) fn retention(cx: &mut Cx, o: &Notice, n: &Notice) -> BTreeMap<String, String> {
    let a = Area::Retention;
    let (or, nr) = (
        o.file.retention.as_ref().map(|r| &r.value),
        n.file.retention.as_ref().map(|r| &r.value),
    );
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
    let none = Vec::new();
    let p = pair(
        or.map_or(&none, |r| &r.rules),
        nr.map_or(&none, |r| &r.rules),
        |r| Some(&r.id),
        |r| &r.records,
    );
    for r in &p.added {
        let path = format!("retention.rules[{}]", r.id.value);
        let shorter = dx.is_some_and(|d| {
            matches!(
                compare_periods(d, &r.period),
                PeriodChange::Shorter | PeriodChange::Same
            )
        });
        if shorter {
            cx.editorial(
                a,
                path,
                format!(
                    "New retention period for {}: {}, no longer than the default.",
                    name(&r.records),
                    quote(&r.period)
                ),
            );
        } else {
            cx.material(
                a,
                path,
                format!(
                    "New retention period for {}: {}; it may be longer than before, so it counts as material.",
                    name(&r.records),
                    quote(&r.period)
                ),
                format!(
                    "{} now kept for {}",
                    name(&r.records),
                    quote(&r.period)
                ),
            );
        }
    }
    for r in &p.removed {
        let path = format!("retention.rules[{}]", r.id.value);
        let not_longer = dy.is_some_and(|d| {
            matches!(
                compare_periods(&r.period, d),
                PeriodChange::Shorter | PeriodChange::Same
            )
        });
        let default = dy.map_or_else(|| "none given".to_owned(), quote);
        if not_longer {
            cx.editorial(
                a,
                path,
                format!(
                    "Retention period for {} removed; the default ({default}) is no longer.",
                    name(&r.records)
                ),
            );
        } else {
            cx.material(
                a,
                path,
                format!(
                    "Retention period for {} removed (it was {}); the default ({default}) may be longer, so this counts as material.",
                    name(&r.records),
                    quote(&r.period)
                ),
                format!("retention of {} changed", name(&r.records)),
            );
        }
    }
    for (x, y) in &p.both {
        let path = format!("retention.rules[{}]", y.id.value);
        if describe(&x.records, &y.records).is_some() {
            cx.editorial(
                a,
                format!("{path}.records"),
                format!(
                    "Retention rule for {} now covers {}.",
                    name(&x.records),
                    name(&y.records)
                ),
            );
        }
        period_change(
            cx,
            format!("{path}.period"),
            &format!("Retention of {}", name(&y.records)),
            &name(&y.records),
            Some(&x.period),
            Some(&y.period),
        );
    }
    let (px, py) = (
        or.and_then(|r| r.policy.as_ref()),
        nr.and_then(|r| r.policy.as_ref()),
    );
    cx.text(
        a,
        "retention.policy.title",
        "Retention policy",
        px.map(|p| p.title.as_str()),
        py.map(|p| p.title.as_str()),
    );
    cx.text(
        a,
        "retention.policy.url",
        "Web address of the retention policy",
        px.and_then(|p| s(&p.url)),
        py.and_then(|p| s(&p.url)),
    );
    cx.text(
        a,
        "retention.statement",
        "Statement on retention",
        or.and_then(|r| s(&r.statement)),
        nr.and_then(|r| s(&r.statement)),
    );
    id_map(&p, |r| &r.id)
}
