//! Who is responsible: the controller, the DPO, the UK representative, joint controllers,
//! and what changed in a contact.

use super::change::Area;
use super::matching::*;
use super::report::*;
use super::text::{describe, loose, name};
use crate::model::Notice;
use crate::model::schema::*;
use crate::source::Sp;

pub(super) fn contact_change(old: Option<&Contact>, new: Option<&Contact>) -> Option<String> {
    match (old, new) {
        (None, None) => None,
        (None, Some(_)) => Some("added".into()),
        (Some(_), None) => Some("removed".into()),
        (Some(a), Some(b)) => {
            let mut parts = Vec::new();
            let mut field = |label: &str, x: Option<String>, y: Option<String>| {
                let x = x.filter(|v| !v.trim().is_empty());
                let y = y.filter(|v| !v.trim().is_empty());
                match (x, y) {
                    (None, Some(y)) => parts.push(format!("{label} {} added", name(&y))),
                    (Some(x), None) => parts.push(format!("{label} {} removed", name(&x))),
                    (Some(x), Some(y)) => {
                        if let Some(d) = describe(&x, &y) {
                            let sep = if d.starts_with("punctuation") {
                                ": "
                            } else {
                                " "
                            };
                            parts.push(format!("{label}{sep}{d}"));
                        }
                    }
                    (None, None) => {}
                }
            };
            let owned = |v: &Option<Sp<String>>| v.as_ref().map(|x| x.value.clone());
            let lines = |v: &[Sp<String>]| {
                (!v.is_empty()).then(|| {
                    v.iter()
                        .map(|l| l.value.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
            };
            let labelled = |v: &[Sp<LabelledValue>]| {
                (!v.is_empty()).then(|| {
                    v.iter()
                        .map(|l| format!("{}: {}", l.label.as_str(), l.value.value.as_str()))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
            };
            field("name", owned(&a.name), owned(&b.name));
            field("postal address", lines(&a.address), lines(&b.address));
            field("e-mail address", owned(&a.email), owned(&b.email));
            field("telephone number", owned(&a.phone), owned(&b.phone));
            field(
                "other telephone numbers",
                labelled(&a.other_phones),
                labelled(&b.other_phones),
            );
            field("opening hours", owned(&a.hours), owned(&b.hours));
            field("web page", owned(&a.web), owned(&b.web));
            field("online form", owned(&a.form), owned(&b.form));
            field("social media", labelled(&a.social), labelled(&b.social));
            (!parts.is_empty()).then(|| parts.join("; "))
        }
    }
}

pub(super) fn controller(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::Controller;
    match (o.controller(), n.controller()) {
        (Some(x), Some(y)) => {
            if loose(&x.name) != loose(&y.name) {
                cx.material(
                    a,
                    "controller.name",
                    format!(
                        "The controller is now {} (it was {}).",
                        name(&y.name),
                        name(&x.name)
                    ),
                    format!("the controller is now {}", name(&y.name)),
                );
            } else {
                cx.text(
                    a,
                    "controller.name",
                    "Controller's name",
                    Some(&x.name),
                    Some(&y.name),
                );
            }
            cx.text(
                a,
                "controller.short_name",
                "Short name",
                s(&x.short_name),
                s(&y.short_name),
            );
            cx.text(
                a,
                "controller.ico_registration",
                "ICO registration number",
                s(&x.ico_registration),
                s(&y.ico_registration),
            );
            cx.text(
                a,
                "controller.description",
                "Description of who we are",
                s(&x.description),
                s(&y.description),
            );
            let flag = |v: &Option<Sp<bool>>| v.as_ref().map(|b| b.value);
            if flag(&x.public_authority).unwrap_or(false)
                != flag(&y.public_authority).unwrap_or(false)
            {
                let now = if flag(&y.public_authority).unwrap_or(false) {
                    "now says"
                } else {
                    "no longer says"
                };
                cx.editorial(
                    a,
                    "controller.public_authority",
                    format!("The notice {now} the controller is a public authority."),
                );
            }
            if flag(&x.established_in_uk).unwrap_or(true)
                != flag(&y.established_in_uk).unwrap_or(true)
            {
                let now = if flag(&y.established_in_uk).unwrap_or(true) {
                    "now says"
                } else {
                    "no longer says"
                };
                cx.editorial(
                    a,
                    "controller.established_in_uk",
                    format!("The notice {now} the controller is established in the UK."),
                );
            }
        }
        (None, Some(y)) => cx.editorial(
            a,
            "controller",
            format!("Controller added: {}.", name(&y.name)),
        ),
        (Some(x), None) => cx.editorial(
            a,
            "controller",
            format!("Controller removed (it was {}).", name(&x.name)),
        ),
        (None, None) => {}
    }
    cx.contact(
        "the controller",
        "controller.contact",
        o.controller().and_then(|c| c.contact.as_deref()),
        n.controller().and_then(|c| c.contact.as_deref()),
    );

    let (od, nd) = (
        o.file.dpo.as_ref().map(|d| &d.value),
        n.file.dpo.as_ref().map(|d| &d.value),
    );
    match (od, nd) {
        (None, Some(_)) => {
            cx.editorial(a, "dpo", "Data protection officer's details added.".into())
        }
        (Some(_), None) => cx.editorial(
            a,
            "dpo",
            "Data protection officer's details removed.".into(),
        ),
        (Some(x), Some(y)) => {
            cx.text(
                a,
                "dpo.name",
                "Data protection officer's name",
                s(&x.name),
                s(&y.name),
            );
            cx.text(
                a,
                "dpo.role",
                "Data protection officer's role",
                s(&x.role),
                s(&y.role),
            );
            cx.text(
                a,
                "dpo.description",
                "Description of the data protection officer",
                s(&x.description),
                s(&y.description),
            );
        }
        (None, None) => {}
    }
    cx.contact(
        "the data protection officer",
        "dpo.contact",
        od.and_then(|d| d.contact.as_deref()),
        nd.and_then(|d| d.contact.as_deref()),
    );

    let (or, nr) = (
        o.file.representative.as_ref().map(|r| &r.value),
        n.file.representative.as_ref().map(|r| &r.value),
    );
    cx.text(
        a,
        "representative.name",
        "UK representative",
        or.map(|r| r.name.as_str()),
        nr.map(|r| r.name.as_str()),
    );
    cx.contact(
        "the UK representative",
        "representative.contact",
        or.and_then(|r| r.contact.as_deref()),
        nr.and_then(|r| r.contact.as_deref()),
    );
}

pub(super) fn joint_controllers(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::JointControllers;
    let p = pair(
        &o.file.joint_controllers,
        &n.file.joint_controllers,
        |j| Some(&j.id),
        |j| &j.name,
    );
    for j in &p.added {
        cx.material(
            a,
            format!("joint_controllers[{}]", j.id.value),
            format!("New joint controller: {}.", name(&j.name)),
            format!("new joint controller {}", name(&j.name)),
        );
    }
    for j in &p.removed {
        cx.editorial(
            a,
            format!("joint_controllers[{}]", j.id.value),
            format!("Joint controller removed: {}.", name(&j.name)),
        );
    }
    for (x, y) in &p.both {
        let path = format!("joint_controllers[{}]", y.id.value);
        rename(
            cx,
            a,
            format!("{path}.name"),
            "Joint controller",
            &x.name,
            &y.name,
        );
        cx.text(
            a,
            &format!("{path}.arrangement"),
            &format!("Arrangement with joint controller {}", name(&y.name)),
            s(&x.arrangement),
            s(&y.arrangement),
        );
        cx.contact(
            &format!("joint controller {}", name(&y.name)),
            &format!("{path}.contact"),
            x.contact.as_deref(),
            y.contact.as_deref(),
        );
    }
}
