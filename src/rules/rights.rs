//! People's rights (Art 13(2)(b)–(d)), complaints (DPA 2018 s164A, s165), whether providing
//! data is required (Art 13(2)(e)) and automated decisions (Art 13(2)(f), Arts 22A–22D).

use super::identity::FILE_START;
use super::{CheckOptions, commencement};
use crate::diag::Diagnostic;
use crate::model::rights::portability_applies;
use crate::model::schema::{ProvisionRequirement, Purpose, Requirement};
use crate::model::{Notice, has_channel};
use crate::registry::*;
use crate::source::Sp;

pub(super) fn check(n: &Notice, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    if n.rights_contact().is_none() {
        let span = n.file.rights.as_ref().map_or(FILE_START, |r| r.span);
        out.push(RIGHTS_CONTACT.diag(
            span,
            "rights.contact",
            "the notice gives no way to contact the office to exercise rights".into(),
            Some("add `rights.contact:` (or contact details for the DPO or controller)"),
        ));
    }
    if let Some(p) = n
        .file
        .rights
        .as_ref()
        .and_then(|r| r.details.as_ref())
        .and_then(|d| d.portability.as_ref())
        && !n.purposes().iter().any(|p| portability_applies(p))
        // With no lawful basis on any purpose, PN202 is the finding; whether portability
        // applies cannot be known until the bases are given.
        && n.purposes().iter().any(|p| !p.lawful_basis.is_empty())
    {
        out.push(PORTABILITY_OVERSTATED.diag(
            p.span,
            "rights.details.portability",
            "the notice describes the right to data portability, but no purpose relies on consent or contract".into(),
            Some("remove `rights.details.portability`, or check the lawful bases of the purposes"),
        ));
    }
    complaints(n, opts, out);
    provision(n, out);
    automated(n, opts, out);
}

fn complaints(n: &Notice, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    // DPA 2018 s164A (and with it Art 13(2)(ca)) is in force from 19 June 2026: before
    // then neither rule applies.
    if opts.as_of.is_before(commencement::DUAA_19_JUN_2026) {
        return;
    }
    let route = n
        .file
        .complaints
        .as_ref()
        .and_then(|c| c.controller.as_ref());
    match route {
        None => {
            let span = n.file.complaints.as_ref().map_or(FILE_START, |c| c.span);
            out.push(COMPLAINTS_TO_CONTROLLER.diag(
                span,
                "complaints.controller",
                "the notice does not say how to complain to the office (`complaints.controller`), which is required from 19 June 2026".into(),
                Some("add `complaints: {controller: {form: <https address>, address: [<postal address>]}}` (a way online and another way, such as post or phone)"),
            ));
        }
        Some(c) if !has_channel(c) => out.push(COMPLAINTS_TO_CONTROLLER.diag(
            c.span,
            "complaints.controller",
            "`complaints.controller` gives no way to complain to the office".into(),
            Some("add a `form`, `email`, `address` or `phone` to `complaints.controller`"),
        )),
        Some(c) => {
            let electronic = c.form.is_some() || c.email.is_some();
            let other = !c.address.is_empty() || c.phone.is_some();
            if !(electronic && other) {
                out.push(COMPLAINT_FORM.diag(
                    c.span,
                    "complaints.controller",
                    "complaints to the office should be possible electronically and by other means".into(),
                    Some(if electronic {
                        "add a postal `address` or `phone` as well"
                    } else {
                        "add an online `form` or `email` as well"
                    }),
                ));
            }
        }
    }
}

fn provision(n: &Notice, out: &mut Vec<Diagnostic>) {
    // Art 13 applies to data collected from people; with no sources declared, assume it
    // is. Every statement that Art 13 asks for, at either level, must be complete in
    // itself; one given where the data all comes from others is not asked for.
    let direct = n.has_direct_sources() || n.file.sources.is_none();
    if !direct {
        return;
    }
    if let Some(p) = &n.file.provision_requirement {
        provision_block(p, "provision_requirement", "", out);
    }
    for (i, p) in n.purposes().iter().enumerate() {
        if let Some(b) = &p.provision_requirement
            && n.collects_directly(p)
        {
            provision_block(
                b,
                &format!("purposes[{i}].provision_requirement"),
                &format!(" for purpose `{}`", p.id.value),
                out,
            );
        }
    }
    if n.file.provision_requirement.is_some() {
        return;
    }
    // No notice-wide answer: Art 13 asks it of each purpose whose data comes from the
    // person, so each such purpose must give its own. With no purposes (PN201), the
    // question is asked of the notice, where data may come from people themselves.
    if n.purposes().is_empty() {
        out.push(PROVISION_REQUIREMENT.diag(
            FILE_START,
            "provision_requirement",
            "the notice does not say whether people must provide their data, or what happens if they do not".into(),
            Some("add `provision_requirement: {requirement: voluntary, consequences: ...}`"),
        ));
        return;
    }
    let unanswered: Vec<(usize, &Sp<Purpose>)> = n
        .purposes()
        .iter()
        .enumerate()
        .filter(|(_, p)| p.provision_requirement.is_none() && n.collects_directly(p))
        .collect();
    if unanswered.is_empty() {
        return;
    }
    if n.purposes()
        .iter()
        .all(|p| p.provision_requirement.is_none())
    {
        // No answer at either level: one finding for the notice, not one per purpose.
        out.push(PROVISION_REQUIREMENT.diag(
            FILE_START,
            "provision_requirement",
            "the notice does not say whether people must provide their data, or what happens if they do not".into(),
            Some("add `provision_requirement: {requirement: voluntary, consequences: ...}`"),
        ));
        return;
    }
    for (i, p) in unanswered {
        out.push(PROVISION_REQUIREMENT.diag(
            p.id.span,
            &format!("purposes[{i}].provision_requirement"),
            format!(
                "purpose `{}` collects data from people themselves but does not say whether they must provide it, and the notice gives no answer for all purposes",
                p.id.value
            ),
            Some("add `provision_requirement:` to this purpose, or a notice-wide `provision_requirement:`"),
        ));
    }
}

/// One `provision_requirement` block, at notice level (`scope` empty) or for a purpose
/// (`scope` is " for purpose `x`").
fn provision_block(
    p: &Sp<ProvisionRequirement>,
    path: &str,
    scope: &str,
    out: &mut Vec<Diagnostic>,
) {
    match &p.requirement {
        None => out.push(PROVISION_REQUIREMENT.diag(
            p.span,
            &format!("{path}.requirement"),
            format!("the notice does not say whether providing personal data{scope} is voluntary or a statutory or contractual requirement"),
            Some("add `requirement: voluntary` (or `statutory`, `contractual`, `pre_contract`, `varies`)"),
        )),
        Some(r) if r.value != Requirement::Voluntary && p.consequences.is_none() => {
            let what = match r.value {
                Requirement::Varies => "providing data is required for some purposes and not others",
                Requirement::Statutory => "providing data is a statutory requirement",
                Requirement::Contractual => "providing data is a contractual requirement",
                _ => "providing data is required to enter into a contract",
            };
            let what = if scope.is_empty() {
                what.to_owned()
            } else if r.value == Requirement::Varies {
                format!("whether providing data{scope} is required varies")
            } else {
                format!("{what}{scope}")
            };
            out.push(PROVISION_REQUIREMENT.diag(
                r.span,
                &format!("{path}.consequences"),
                format!("{what}, but the notice does not say what happens if people do not provide it"),
                Some("add `consequences:`"),
            ));
        }
        Some(_) => {}
    }
}

fn automated(n: &Notice, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    let Some(a) = &n.file.automated_decision_making else {
        out.push(ADM_UNDECLARED.diag(
            FILE_START,
            "automated_decision_making",
            "the notice does not say whether automated decisions are made about people; the law asks about those that are made, and `notice` asks for an answer either way".into(),
            Some("add `automated_decision_making: {used: false}` if none are made"),
        ));
        return;
    };
    if !a.used.value {
        if let Some(d) = a.decisions.first() {
            out.push(ADM_DETAILS.diag(
                d.span,
                "automated_decision_making.decisions",
                "decisions are listed but `used` is `false`".into(),
                Some("set `used: true`, or remove the decisions"),
            ));
        }
        return;
    }
    if a.decisions.is_empty() {
        out.push(ADM_DETAILS.diag(
            a.used.span,
            "automated_decision_making.decisions",
            "automated decisions are declared but none is described".into(),
            Some(
                "add `decisions:` with what is decided, the logic, and the significance for people",
            ),
        ));
    }
    let safeguards_in_force = !opts.as_of.is_before(commencement::DUAA_5_FEB_2026);
    for (i, d) in a.decisions.iter().enumerate() {
        let mut missing = Vec::new();
        if d.logic.is_none() {
            missing.push("`logic`");
        }
        if d.significance.is_none() {
            missing.push("`significance`");
        }
        if safeguards_in_force && d.safeguards.is_none() {
            missing.push("`safeguards`");
        }
        if !missing.is_empty() {
            out.push(ADM_DETAILS.diag(
                d.description.span,
                &format!("automated_decision_making.decisions[{i}]"),
                format!("the automated decision `{}` lacks {}", d.description.value, and_list(&missing)),
                Some("explain the logic, the consequences for the person and (from 5 February 2026) how to contest the decision"),
            ));
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::and_list;

    #[test]
    fn lists_read_as_english() {
        assert_eq!(and_list(&["`logic`"]), "`logic`");
        assert_eq!(and_list(&["a", "b"]), "a and b");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
    }
}
