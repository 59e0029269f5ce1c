//! Who the controller is: identity and contact (Art 13(1)(a)), representative (Art 27), DPO
//! (Art 13(1)(b), Art 37) and joint controllers (Art 26).

use super::CheckOptions;
use crate::diag::Diagnostic;
use crate::model::{Notice, has_channel};
use crate::registry::*;
use crate::source::Span;

/// Where to point when something is missing from the whole file: nowhere. A missing block
/// has no line to quote, so the finding names the block and where it goes instead of
/// showing line 1.
pub(super) const FILE_START: Span = Span::UNKNOWN;

pub(super) fn check(n: &Notice, _opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    let Some(c) = &n.file.controller else {
        out.push(CONTROLLER_MISSING.diag(
            FILE_START,
            "controller",
            "the notice does not say who the controller is".into(),
            Some("add a `controller:` block with the controller's legal name and contact details"),
        ));
        return;
    };
    if !c.contact.as_ref().is_some_and(|x| has_channel(x)) {
        let span = c.contact.as_ref().map_or(c.name.span, |x| x.span);
        out.push(CONTROLLER_CONTACT.diag(
            span,
            "controller.contact",
            "the controller has no contact details in `controller.contact`".into(),
            Some("add `contact:` with at least an `address`, `email` or `phone`"),
        ));
    }
    fee(n, c, out);
    if let Some(problem) = not_a_legal_person(&c.name.value) {
        out.push(CONTROLLER_LEGAL_PERSON.diag(
            c.name.span,
            "controller.name",
            format!("the controller is named as \"{}\": {problem}", c.name.value.trim()),
            Some("name the legal person in `controller.name` (for a PCC's office, \"The Police and Crime Commissioner for …\"), and keep the office's name in `short_name` or the text"),
        ));
    }
    let established = c.established_in_uk.as_ref().is_none_or(|e| e.value);
    match (&n.file.representative, established) {
        (None, false) => out.push(REPRESENTATIVE_MISSING.diag(
            c.established_in_uk.as_ref().map_or(c.span, |e| e.span),
            "representative",
            "the controller is established outside the UK but names no UK representative".into(),
            Some(
                "add a `representative:` block with the representative's name and contact details",
            ),
        )),
        (Some(r), true) => out.push(REPRESENTATIVE_UNNEEDED.diag(
            r.span,
            "representative",
            "a representative is given but the controller is established in the UK".into(),
            Some("remove `representative:`, or set `controller.established_in_uk: false`"),
        )),
        _ => {}
    }
    match &c.public_authority {
        None => out.push(PUBLIC_AUTHORITY_UNSTATED.diag(
            c.name.span,
            "controller.public_authority",
            "the controller does not say whether it is a public authority".into(),
            Some("add `public_authority: true` (every PCC is a public authority) or `false`"),
        )),
        Some(pa) if pa.value => {
            let dpo_ok = n
                .file
                .dpo
                .as_ref()
                .and_then(|d| d.contact.as_ref())
                .is_some_and(|x| has_channel(x));
            if !dpo_ok {
                let (span, msg) = match &n.file.dpo {
                    None => (
                        pa.span,
                        "a public authority must give its data protection officer's contact details, and there is no `dpo` block",
                    ),
                    Some(d) => (d.span, "the data protection officer has no contact details"),
                };
                out.push(DPO_MISSING.diag(
                    span,
                    "dpo.contact",
                    msg.into(),
                    Some("add `dpo:` with `contact:` (an e-mail address or telephone number that reaches the DPO)"),
                ));
            }
        }
        Some(_) => {}
    }
    for (i, j) in n.file.joint_controllers.iter().enumerate() {
        if j.arrangement
            .as_ref()
            .is_none_or(|a| a.value.trim().is_empty())
        {
            out.push(JOINT_ARRANGEMENT.diag(
                j.name.span,
                &format!("joint_controllers[{i}].arrangement"),
                format!(
                    "joint controller `{}` has no `arrangement` saying who does what",
                    j.name.value
                ),
                Some("add `arrangement:` saying who does what and where people should go"),
            ));
        }
    }
}

/// Why a controller's name is not that of a legal person, if it plainly is not: an office
/// ("the Office of the Police and Crime Commissioner", "the OPCC"), a post holder ("the
/// Chief Executive") or a fire and rescue service (run by an authority or council).
fn not_a_legal_person(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if lower.starts_with("office of") || matches!(words.as_slice(), ["opcc" | "opfcc" | "office"]) {
        return Some(
            "an office is staff and premises, not a legal person; the controller is the body or corporation sole it serves (for a PCC's office, the Commissioner)",
        );
    }
    if lower.contains("chief executive") && !lower.contains("chief constable") {
        return Some(
            "a post holder is not the controller; the controller is the body that employs them",
        );
    }
    if lower.ends_with("fire and rescue service") {
        return Some(
            "a fire and rescue service is run by a fire and rescue authority (or a council or commissioner), which is the controller",
        );
    }
    None
}

/// Whether a value has the form of an ICO registration reference: `Z` and seven letters or
/// digits (`Z3653467`, `ZA123456`).
fn is_registration_number(s: &str) -> bool {
    s.len() == 8
        && s.starts_with(['Z', 'z'])
        && s.chars().skip(1).all(|c| c.is_ascii_alphanumeric())
        && s.chars().any(|c| c.is_ascii_digit())
}

/// PN109 and PN110: the ICO registration number, or an exemption from the fee.
fn fee(n: &Notice, c: &crate::model::schema::Controller, out: &mut Vec<Diagnostic>) {
    let exempt = crate::model::claims_fee_exemption(c);
    if let Some(r) = &c.ico_registration {
        let v = r.value.trim();
        // A TODO is the placeholder check's finding (PN012).
        if !exempt && !is_registration_number(v) && !v.to_ascii_uppercase().contains("TODO") {
            out.push(ICO_REGISTRATION_FORM.diag(
                r.span,
                "controller.ico_registration",
                format!("`{v}` is not an ICO registration number"),
                Some("give the reference from the ICO's register of fee payers (`Z` and seven letters or digits, e.g. `Z3653467`), or `exempt` with the exemption in `ico_exemption`"),
            ));
        }
        if exempt && c.ico_exemption.is_none() {
            out.push(ICO_REGISTRATION_FORM.diag(
                r.span,
                "controller.ico_exemption",
                "the controller says it is exempt from the data protection fee but not which exemption it relies on".into(),
                Some("add `ico_exemption:` naming the exemption in the Data Protection (Charges and Information) Regulations 2018"),
            ));
        }
        if exempt && n.is_public_authority() {
            out.push(FEE_EXEMPTION_PUBLIC_AUTHORITY.diag(
                r.span,
                "controller.ico_registration",
                "the controller is a public authority but says it is exempt from the data protection fee; public authorities generally pay it, so please confirm the exemption".into(),
                Some("check the office's processing against the ICO's fee self-assessment; give the registration number, or keep `exempt` with the exemption named in `ico_exemption` (this warning stays: `notice` cannot confirm an exemption)"),
            ));
        }
    }
    if let Some(e) = &c.ico_exemption
        && !exempt
    {
        out.push(ICO_REGISTRATION_FORM.diag(
            e.span,
            "controller.ico_exemption",
            match &c.ico_registration {
                Some(r) => format!("`ico_exemption` is given, but `ico_registration` is `{}`, not `exempt`", r.value.trim()),
                None => "`ico_exemption` is given, but `ico_registration` is not `exempt`".into(),
            },
            Some("write `ico_registration: exempt` if the office pays no fee, or remove `ico_exemption`"),
        ));
    }
}
