//! Whether people must give their data, how they exercise their rights, and how to
//! complain.

use super::change::Area;
use super::matching::*;
use super::report::*;
use super::text::name;
use crate::model::Notice;
use crate::model::rights::Right;
use crate::model::schema::*;
use crate::model::vocab::RIGHT_TO_BE_INFORMED;

/// Whether people must give their data.
pub(super) fn provision(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::ProvisionRequirement;
    let (ox, nx) = blocks(o, n, |f| &f.provision_requirement);
    let req = |x: Option<&ProvisionRequirement>| {
        x.and_then(|x| x.requirement.as_ref())
            .map(|r| r.value.words())
    };
    let label = "Whether giving personal data is required";
    let path = "provision_requirement.requirement";
    cx.text(a, path, label, req(ox), req(nx));
    let texts: [(&str, &str, Field<ProvisionRequirement>); 2] = [
        (
            "consequences",
            "What happens if you do not give your data",
            |x| &x.consequences,
        ),
        ("statement", "Statement on giving your data", |x| {
            &x.statement
        }),
    ];
    cx.texts((a, "provision_requirement"), ox, nx, &texts);
}

/// How people exercise their rights.
pub(super) fn rights(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::Rights;
    let (ox, nx) = blocks(o, n, |f| &f.rights);
    let texts: [(&str, &str, Field<Rights>); 4] = [
        ("statement", "Introduction to your rights", |r| &r.statement),
        ("how_to_exercise", "How to make a request", |r| {
            &r.how_to_exercise
        }),
        ("identity_check", "Identity checks", |r| &r.identity_check),
        ("response_time", "Response time", |r| &r.response_time),
    ];
    cx.texts((a, "rights"), ox, nx, &texts);
    // Each field of `rights.details` is named by the code of the right it speaks about;
    // `informed` speaks about the right to be informed, which has no `Right`.
    let details: [(Option<Right>, Field<RightDetails>); 9] = [
        (Some(Right::Access), |d| &d.access),
        (Some(Right::Rectification), |d| &d.rectification),
        (Some(Right::Erasure), |d| &d.erasure),
        (Some(Right::Restriction), |d| &d.restriction),
        (Some(Right::Portability), |d| &d.portability),
        (Some(Right::Object), |d| &d.object),
        (Some(Right::AutomatedDecisions), |d| &d.automated_decisions),
        (Some(Right::WithdrawConsent), |d| &d.withdraw_consent),
        (None, |d| &d.informed),
    ];
    let details = details.map(|(right, f)| {
        let (key, words) = right.map_or(("informed", RIGHT_TO_BE_INFORMED), |r| {
            (r.code(), r.words())
        });
        (key, format!("What we say about {words}"), f)
    });
    let (dx, dy) = field(ox, nx, |r| r.details.as_deref());
    cx.texts((a, "rights.details"), dx, dy, &details);
    let (old, new) = (entries(ox, |r| &r.forms), entries(nx, |r| &r.forms));
    let list = List::new(a, "rights.forms", (old, new), |f| &f.title);
    list.compare(
        cx,
        |f| Report::Editorial(format!("Request form added: {}.", name(&f.title))),
        |f| Report::Editorial(format!("Request form removed: {}.", name(&f.title))),
        |cx, path, x, y| {
            let label = format!("Web address of request form {}", name(&y.title));
            cx.text(a, path, &label, s(&x.url), s(&y.url));
        },
    );
    cx.contact(
        "requests about your rights",
        "rights.contact",
        ox.and_then(|r| r.contact.as_deref()),
        nx.and_then(|r| r.contact.as_deref()),
    );
}

/// A contact of a block.
type ContactOf<T> = fn(&T) -> Option<&Contact>;

/// How to complain.
pub(super) fn complaints(cx: &mut Cx, o: &Notice, n: &Notice) {
    let (ox, nx) = blocks(o, n, |f| &f.complaints);
    let texts: [(&str, &str, Field<Complaints>); 1] =
        [("statement", "What we say about complaints", |c| {
            &c.statement
        })];
    cx.texts((Area::Complaints, "complaints"), ox, nx, &texts);
    let contacts: [(&str, &str, ContactOf<Complaints>); 2] = [
        ("complaints to the office", "complaints.controller", |c| {
            c.controller.as_deref()
        }),
        ("the regulator", "complaints.regulator", |c| {
            c.regulator.as_deref()
        }),
    ];
    for (who, path, f) in contacts {
        cx.contact(who, path, ox.and_then(f), nx.and_then(f));
    }
}
