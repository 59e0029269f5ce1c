//! Transfers outside the UK and automated decisions.

use std::collections::BTreeMap;

use super::change::Area;
use super::data::place;
use super::matching::*;
use super::report::*;
use super::text::{name, quote};
use crate::model::Notice;
use crate::model::schema::*;

pub(super) fn safeguard_words(s: Safeguard) -> &'static str {
    match s {
        Safeguard::AdequacyRegulations => "UK adequacy regulations",
        Safeguard::Idta => "the International Data Transfer Agreement",
        Safeguard::UkAddendum => "the UK Addendum to the EU standard contractual clauses",
        Safeguard::BindingCorporateRules => "binding corporate rules",
        Safeguard::OtherSafeguards => "other appropriate safeguards",
        Safeguard::Derogation => "a derogation for a specific situation",
    }
}

pub(super) fn transfers(
    cx: &mut Cx,
    o: &Notice,
    n: &Notice,
    recipients: &BTreeMap<String, String>,
) {
    let a = Area::Transfers;
    let (ot, nt) = (
        o.file.transfers.as_ref().map(|t| &t.value),
        n.file.transfers.as_ref().map(|t| &t.value),
    );
    let out = |t: Option<&Transfers>| t.is_some_and(|t| t.outside_uk.value);
    if !out(ot) && out(nt) {
        cx.material(
            a,
            "transfers.outside_uk",
            "Personal data now goes outside the UK.".into(),
            "personal data now goes outside the UK".into(),
        );
    } else if out(ot) && !out(nt) {
        cx.editorial(
            a,
            "transfers.outside_uk",
            "The notice now says no personal data goes outside the UK.".into(),
        );
    } else if ot.is_none() && nt.is_some() {
        cx.editorial(
            a,
            "transfers",
            "The notice now says that no personal data goes outside the UK.".into(),
        );
    } else if ot.is_some() && nt.is_none() {
        cx.editorial(
            a,
            "transfers",
            "The notice no longer says whether personal data goes outside the UK.".into(),
        );
    }
    let none = Vec::new();
    let p = pair(
        ot.map_or(&none, |t| &t.destinations),
        nt.map_or(&none, |t| &t.destinations),
        |_| None,
        |d| &d.destination,
    );
    for d in &p.added {
        cx.material(
            a,
            "transfers.destinations",
            format!(
                "New transfer outside the UK: to {}, relying on {}.",
                place(&d.destination),
                safeguard_words(d.safeguard.value)
            ),
            format!("new transfer to {}", place(&d.destination)),
        );
    }
    for d in &p.removed {
        cx.editorial(
            a,
            "transfers.destinations",
            format!("Transfer to {} removed.", place(&d.destination)),
        );
    }
    for (x, y) in &p.both {
        let label = format!("Transfer to {}", place(&y.destination));
        if x.safeguard.value != y.safeguard.value {
            cx.material(
                a,
                "transfers.destinations",
                format!(
                    "{label} now relies on {} (it relied on {}).",
                    safeguard_words(y.safeguard.value),
                    safeguard_words(x.safeguard.value)
                ),
                format!(
                    "transfer to {} now relies on {}",
                    place(&y.destination),
                    safeguard_words(y.safeguard.value)
                ),
            );
        }
        refs_change(
            cx,
            a,
            "transfers.destinations",
            &mapped(&x.recipients, recipients),
            &ids(&y.recipients),
            |id| {
                n.recipient(id)
                    .map_or_else(|| id.to_owned(), |r| name(&r.name))
            },
            Refs {
                subject: &label,
                brief_subject: &format!("transfer to {}", place(&y.destination)),
                added: "now also goes to",
                removed: "no longer goes to",
            },
        );
        cx.text(
            a,
            "transfers.destinations",
            &format!(
                "Where to get a copy of the safeguards for the transfer to {}",
                place(&y.destination)
            ),
            s(&x.copy_from),
            s(&y.copy_from),
        );
    }
    cx.text(
        a,
        "transfers.statement",
        "Statement on transfers",
        ot.and_then(|t| s(&t.statement)),
        nt.and_then(|t| s(&t.statement)),
    );
}

pub(super) fn automated(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::AutomatedDecisions;
    let (ox, nx) = (
        o.file.automated_decision_making.as_ref().map(|x| &x.value),
        n.file.automated_decision_making.as_ref().map(|x| &x.value),
    );
    let used = |x: Option<&AutomatedDecisions>| x.is_some_and(|x| x.used.value);
    if !used(ox) && used(nx) {
        cx.material(
            a,
            "automated_decision_making.used",
            "Decisions are now made about people by automated means.".into(),
            "automated decision-making now used".into(),
        );
    } else if used(ox) && !used(nx) {
        cx.editorial(
            a,
            "automated_decision_making.used",
            "The notice now says no automated decisions are made.".into(),
        );
    }
    let none = Vec::new();
    let p = pair(
        ox.map_or(&none, |x| &x.decisions),
        nx.map_or(&none, |x| &x.decisions),
        |_| None,
        |d| &d.description,
    );
    for d in &p.added {
        cx.material(
            a,
            "automated_decision_making.decisions",
            format!("New automated decision: {}.", quote(&d.description)),
            format!("new automated decision {}", quote(&d.description)),
        );
    }
    for d in &p.removed {
        cx.editorial(
            a,
            "automated_decision_making.decisions",
            format!("Automated decision removed: {}.", quote(&d.description)),
        );
    }
    for (x, y) in &p.both {
        let label = format!("Automated decision {}", quote(&y.description));
        let path = "automated_decision_making.decisions";
        cx.text(
            a,
            path,
            &format!("Logic of automated decision {}", quote(&y.description)),
            s(&x.logic),
            s(&y.logic),
        );
        cx.text(
            a,
            path,
            &format!(
                "Significance of automated decision {}",
                quote(&y.description)
            ),
            s(&x.significance),
            s(&y.significance),
        );
        match (s(&x.safeguards), s(&y.safeguards)) {
            (Some(old), None) => cx.material(
                a,
                path,
                format!("{label}: safeguards removed (they were {}).", quote(old)),
                format!("safeguards for {} removed", quote(&y.description)),
            ),
            (old, new) => cx.text(
                a,
                path,
                &format!(
                    "Safeguards for automated decision {}",
                    quote(&y.description)
                ),
                old,
                new,
            ),
        }
    }
    cx.text(
        a,
        "automated_decision_making.statement",
        "Statement on automated decisions",
        ox.and_then(|x| s(&x.statement)),
        nx.and_then(|x| s(&x.statement)),
    );
}
