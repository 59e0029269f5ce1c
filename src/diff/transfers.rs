//! Transfers outside the UK and automated decisions.

use std::collections::BTreeMap;

use super::change::Area;
use super::data::place;
use super::matching::*;
use super::report::*;
use super::text::quote;
use crate::model::Notice;
use crate::model::schema::*;

/// Transfers outside the UK.
pub(super) fn transfers(
    cx: &mut Cx,
    o: &Notice,
    n: &Notice,
    recipients: &BTreeMap<String, String>,
) {
    let a = Area::Transfers;
    let (ot, nt) = blocks(o, n, |f| &f.transfers);
    let out = |t: Option<&Transfers>| t.is_some_and(|t| t.outside_uk.value);
    let on = (
        "Personal data now goes outside the UK.",
        "personal data now goes outside the UK",
    );
    let off = "The notice now says no personal data goes outside the UK.";
    let path = (a, "transfers.outside_uk");
    let switched = cx.switch(path, (out(ot), out(nt)), on, off);
    let says = "The notice now says that no personal data goes outside the UK.";
    let silent = "The notice no longer says whether personal data goes outside the UK.";
    match (switched, ot.is_some(), nt.is_some()) {
        (false, false, true) => cx.editorial(a, "transfers", says.into()),
        (false, true, false) => cx.editorial(a, "transfers", silent.into()),
        _ => {}
    }
    let (old, new) = (
        entries(ot, |t| &t.destinations),
        entries(nt, |t| &t.destinations),
    );
    let list = List::new(a, "transfers.destinations", (old, new), |d| &d.destination);
    let added = |d: &Transfer| {
        let (to, relying_on) = (place(&d.destination), d.safeguard.value.words());
        let summary = format!("New transfer outside the UK: to {to}, relying on {relying_on}.");
        Report::Material(summary, format!("new transfer to {to}"))
    };
    let removed =
        |d: &Transfer| Report::Editorial(format!("Transfer to {} removed.", place(&d.destination)));
    list.compare(cx, added, removed, |cx, path, x, y| {
        let to = place(&y.destination);
        let label = format!("Transfer to {to}");
        let (sx, sy) = (x.safeguard.value, y.safeguard.value);
        if sx != sy {
            let (was, now) = (sx.words(), sy.words());
            cx.material(
                a,
                path,
                format!("{label} now relies on {now} (it relied on {was})."),
                format!("transfer to {to} now relies on {now}"),
            );
        }
        let brief = format!("transfer to {to}");
        let words = Refs::new(&label, &brief, "now also goes to", "no longer goes to");
        let (old, new) = (mapped(&x.recipients, recipients), ids(&y.recipients));
        refs_change(cx, a, path, &old, &new, |id| recipient_name(n, id), words);
        let copy = format!("Where to get a copy of the safeguards for the transfer to {to}");
        cx.text(a, path, &copy, s(&x.copy_from), s(&y.copy_from));
    });
    let (x, y) = field(ot, nt, |t| s(&t.statement));
    let (path, label) = ("transfers.statement", "Statement on transfers");
    cx.text(a, path, label, x, y);
}

/// Automated decision-making.
pub(super) fn automated(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::AutomatedDecisions;
    let (ox, nx) = blocks(o, n, |f| &f.automated_decision_making);
    let used = |x: Option<&AutomatedDecisions>| x.is_some_and(|x| x.used.value);
    let was_now = (used(ox), used(nx));
    let on = "Decisions are now made about people by automated means.";
    let path = (a, "automated_decision_making.used");
    let off = "The notice now says no automated decisions are made.";
    cx.switch(
        path,
        was_now,
        (on, "automated decision-making now used"),
        off,
    );
    let (old, new) = (entries(ox, |x| &x.decisions), entries(nx, |x| &x.decisions));
    let list = List::new(a, "automated_decision_making.decisions", (old, new), |d| {
        &d.description
    });
    let added = |d: &AutomatedDecision| {
        Report::Material(
            format!("New automated decision: {}.", quote(&d.description)),
            format!("new automated decision {}", quote(&d.description)),
        )
    };
    let removed = |d: &AutomatedDecision| {
        Report::Editorial(format!(
            "Automated decision removed: {}.",
            quote(&d.description)
        ))
    };
    list.compare(cx, added, removed, |cx, path, x, y| {
        let what = quote(&y.description);
        let logic = format!("Logic of automated decision {what}");
        cx.text(a, path, &logic, s(&x.logic), s(&y.logic));
        let significance = format!("Significance of automated decision {what}");
        cx.text(
            a,
            path,
            &significance,
            s(&x.significance),
            s(&y.significance),
        );
        match (s(&x.safeguards), s(&y.safeguards)) {
            (Some(old), None) => cx.material(
                a,
                path,
                format!(
                    "Automated decision {what}: safeguards removed (they were {}).",
                    quote(old)
                ),
                format!("safeguards for {what} removed"),
            ),
            (old, new) => {
                let label = format!("Safeguards for automated decision {what}");
                cx.text(a, path, &label, old, new);
            }
        }
    });
    let (x, y) = field(ox, nx, |x| s(&x.statement));
    let path = "automated_decision_making.statement";
    cx.text(a, path, "Statement on automated decisions", x, y);
}
