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

pub(super) fn provision(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::ProvisionRequirement;
    let (ox, nx) = (
        o.file.provision_requirement.as_ref().map(|x| &x.value),
        n.file.provision_requirement.as_ref().map(|x| &x.value),
    );
    let req = |x: Option<&ProvisionRequirement>| {
        x.and_then(|x| x.requirement.as_ref())
            .map(|r| requirement_words(r.value))
    };
    cx.text(
        a,
        "provision_requirement.requirement",
        "Whether giving personal data is required",
        req(ox),
        req(nx),
    );
    cx.text(
        a,
        "provision_requirement.consequences",
        "What happens if you do not give your data",
        ox.and_then(|x| s(&x.consequences)),
        nx.and_then(|x| s(&x.consequences)),
    );
    cx.text(
        a,
        "provision_requirement.statement",
        "Statement on giving your data",
        ox.and_then(|x| s(&x.statement)),
        nx.and_then(|x| s(&x.statement)),
    );
}

pub(super) fn rights(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::Rights;
    let (ox, nx) = (
        o.file.rights.as_ref().map(|x| &x.value),
        n.file.rights.as_ref().map(|x| &x.value),
    );
    let texts: [(&str, &str, Field<Rights>); 4] = [
        ("rights.statement", "Introduction to your rights", |r| {
            &r.statement
        }),
        ("rights.how_to_exercise", "How to make a request", |r| {
            &r.how_to_exercise
        }),
        ("rights.identity_check", "Identity checks", |r| {
            &r.identity_check
        }),
        ("rights.response_time", "Response time", |r| {
            &r.response_time
        }),
    ];
    for (path, label, f) in texts {
        cx.text(
            a,
            path,
            label,
            ox.and_then(|r| s(f(r))),
            nx.and_then(|r| s(f(r))),
        );
    }
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
    let (dx, dy) = (
        ox.and_then(|r| r.details.as_deref()),
        nx.and_then(|r| r.details.as_deref()),
    );
    for (key, words, f) in details {
        cx.text(
            a,
            &format!("rights.details.{key}"),
            &format!("What we say about {words}"),
            dx.and_then(|d| s(f(d))),
            dy.and_then(|d| s(f(d))),
        );
    }
    let none = Vec::new();
    let p = pair(
        ox.map_or(&none, |r| &r.forms),
        nx.map_or(&none, |r| &r.forms),
        |_| None,
        |f| &f.title,
    );
    for f in &p.added {
        cx.editorial(
            a,
            "rights.forms",
            format!("Request form added: {}.", name(&f.title)),
        );
    }
    for f in &p.removed {
        cx.editorial(
            a,
            "rights.forms",
            format!("Request form removed: {}.", name(&f.title)),
        );
    }
    for (x, y) in &p.both {
        cx.text(
            a,
            "rights.forms",
            &format!("Web address of request form {}", name(&y.title)),
            s(&x.url),
            s(&y.url),
        );
    }
    cx.contact(
        "requests about your rights",
        "rights.contact",
        ox.and_then(|r| r.contact.as_deref()),
        nx.and_then(|r| r.contact.as_deref()),
    );
}

pub(super) fn complaints(cx: &mut Cx, o: &Notice, n: &Notice) {
    let (ox, nx) = (
        o.file.complaints.as_ref().map(|x| &x.value),
        n.file.complaints.as_ref().map(|x| &x.value),
    );
    cx.text(
        Area::Complaints,
        "complaints.statement",
        "What we say about complaints",
        ox.and_then(|c| s(&c.statement)),
        nx.and_then(|c| s(&c.statement)),
    );
    cx.contact(
        "complaints to the office",
        "complaints.controller",
        ox.and_then(|c| c.controller.as_deref()),
        nx.and_then(|c| c.controller.as_deref()),
    );
    cx.contact(
        "the regulator",
        "complaints.regulator",
        ox.and_then(|c| c.regulator.as_deref()),
        nx.and_then(|c| c.regulator.as_deref()),
    );
}
