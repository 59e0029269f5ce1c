//! Whether people must give their data, how they exercise their rights, and how to
//! complain.

use super::change::Area;
use super::matching::*;
use super::report::*;
use super::text::name;
use crate::model::Notice;
use crate::model::schema::*;

pub(super) fn requirement_words(r: Requirement) -> &'static str {
    match r {
        Requirement::Voluntary => "voluntary",
        Requirement::Statutory => "a statutory requirement",
        Requirement::Contractual => "a contractual requirement",
        Requirement::PreContract => "needed to enter into a contract",
        Requirement::Varies => "depends on the purpose",
    }
}

/// Whether people must give their data.
pub(super) fn provision(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::ProvisionRequirement;
    let (ox, nx) = blocks(o, n, |f| &f.provision_requirement);
    let req = |x: Option<&ProvisionRequirement>| {
        x.and_then(|x| x.requirement.as_ref())
            .map(|r| requirement_words(r.value))
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
    let details: [(&str, &str, Field<RightDetails>); 9] = [
        ("access", "the right of access", |d| &d.access),
        ("rectification", "the right to rectification", |d| {
            &d.rectification
        }),
        ("erasure", "the right to erasure", |d| &d.erasure),
        ("restriction", "the right to restriction", |d| {
            &d.restriction
        }),
        ("portability", "the right to data portability", |d| {
            &d.portability
        }),
        ("object", "the right to object", |d| &d.object),
        (
            "automated_decisions",
            "rights about automated decisions",
            |d| &d.automated_decisions,
        ),
        ("withdraw_consent", "withdrawing consent", |d| {
            &d.withdraw_consent
        }),
        ("informed", "the right to be informed", |d| &d.informed),
    ];
    let details = details.map(|(key, words, f)| (key, format!("What we say about {words}"), f));
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
