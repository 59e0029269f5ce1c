//! Who is responsible: the controller, the DPO, the UK representative, joint controllers,
//! and what changed in a contact.

use std::collections::BTreeMap;

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

/// A yes-or-no field of a block.
type Flag<T> = fn(&T) -> &Option<Sp<bool>>;

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
                let (old, new) = (Some(x.name.as_str()), Some(y.name.as_str()));
                cx.text(a, "controller.name", "Controller's name", old, new);
            }
            let texts: [(&str, &str, Field<Controller>); 5] = [
                ("short_name", "Short name", |c| &c.short_name),
                ("ico_registration", "ICO registration number", |c| {
                    &c.ico_registration
                }),
                (
                    "ico_exemption",
                    "Exemption from the data protection fee",
                    |c| &c.ico_exemption,
                ),
                ("office_holder", "Office holder", |c| &c.office_holder),
                ("description", "Description of who we are", |c| {
                    &c.description
                }),
            ];
            cx.texts((a, "controller"), Some(x), Some(y), &texts);
            let flag = |v: &Option<Sp<bool>>, default| v.as_ref().map_or(default, |b| b.value);
            let flags: [(&str, &str, Flag<Controller>, bool); 2] = [
                (
                    "public_authority",
                    "is a public authority",
                    |c| &c.public_authority,
                    false,
                ),
                (
                    "established_in_uk",
                    "is established in the UK",
                    |c| &c.established_in_uk,
                    true,
                ),
            ];
            for (field, what, f, default) in flags {
                let now = flag(f(y), default);
                if flag(f(x), default) != now {
                    let now = if now { "now says" } else { "no longer says" };
                    cx.editorial(
                        a,
                        format!("controller.{field}"),
                        format!("The notice {now} the controller {what}."),
                    );
                }
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

    let (od, nd) = blocks(o, n, |f| &f.dpo);
    match (od, nd) {
        (None, Some(_)) => {
            cx.editorial(a, "dpo", "Data protection officer's details added.".into());
        }
        (Some(_), None) => cx.editorial(
            a,
            "dpo",
            "Data protection officer's details removed.".into(),
        ),
        (Some(_), Some(_)) => {
            let texts: [(&str, &str, Field<Dpo>); 3] = [
                ("name", "Data protection officer's name", |d| &d.name),
                ("role", "Data protection officer's role", |d| &d.role),
                (
                    "description",
                    "Description of the data protection officer",
                    |d| &d.description,
                ),
            ];
            cx.texts((a, "dpo"), od, nd, &texts);
        }
        (None, None) => {}
    }
    cx.contact(
        "the data protection officer",
        "dpo.contact",
        od.and_then(|d| d.contact.as_deref()),
        nd.and_then(|d| d.contact.as_deref()),
    );

    let (or, nr) = blocks(o, n, |f| &f.representative);
    let (x, y) = field(or, nr, |r| Some(r.name.as_str()));
    let (path, label) = ("representative.name", "UK representative");
    cx.text(a, path, label, x, y);
    cx.contact(
        "the UK representative",
        "representative.contact",
        or.and_then(|r| r.contact.as_deref()),
        nr.and_then(|r| r.contact.as_deref()),
    );
}

/// Joint controllers; returns old id → new id.
pub(super) fn joint_controllers(cx: &mut Cx, o: &Notice, n: &Notice) -> BTreeMap<String, String> {
    let (old, new) = (&o.file.joint_controllers, &n.file.joint_controllers);
    let list = List::new(
        Area::JointControllers,
        "joint_controllers",
        (old, new),
        |j| &j.name,
    )
    .ids(|j| &j.id)
    .renamed("name", "Joint controller");
    let p = list.compare(
        cx,
        |j| {
            Report::Material(
                format!("New joint controller: {}.", name(&j.name)),
                format!("new joint controller {}", name(&j.name)),
            )
        },
        |j| Report::Editorial(format!("Joint controller removed: {}.", name(&j.name))),
        |cx, path, x, y| {
            cx.text(
                Area::JointControllers,
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
        },
    );
    id_map(&p, |j| &j.id)
}
