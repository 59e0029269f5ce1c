//! What the office answered, against what `notice` writes for it: answers that are not a
//! plain yes or no (transfers, Art 13(1)(f); automated decisions, Art 13(2)(f)), the
//! office's own copy of the regulator's details (DPA 2018 s165), and generated wording in a
//! language other than the notice's (Art 12(1)).

use super::CheckOptions;
use crate::diag::Diagnostic;
use crate::model::Notice;
use crate::model::regulator;
use crate::model::schema::Contact;
use crate::registry::*;
use crate::source::Sp;

pub(super) fn check(n: &Notice, _opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    qualified(n, out);
    regulator_copy(n, out);
    language(n, out);
}

fn qualified(n: &Notice, out: &mut Vec<Diagnostic>) {
    let f = &n.file;
    if let Some(q) = f
        .transfers
        .as_ref()
        .and_then(|t| t.qualified_answer.as_ref())
    {
        out.push(NOT_PLAIN_ANSWER.diag(
            q.span,
            "transfers.qualified_answer",
            format!(
                "the answer on transfers outside the UK is not a plain yes or no: \"{}\"",
                short(&q.value)
            ),
            Some("say plainly whether personal information is sent outside the UK (`outside_uk`), and list each destination; the notice prints your words instead of a generated sentence"),
        ));
    }
    if let Some(q) = f
        .automated_decision_making
        .as_ref()
        .and_then(|a| a.qualified_answer.as_ref())
    {
        out.push(NOT_PLAIN_ANSWER.diag(
            q.span,
            "automated_decision_making.qualified_answer",
            format!(
                "the answer on automated decisions is not a plain yes or no: \"{}\"",
                short(&q.value)
            ),
            Some("say plainly whether significant decisions are made about people by automated means alone (`used`), and describe each one; the notice prints your words instead of a generated sentence"),
        ));
    }
}

/// The first line of a text, cut to about 80 characters.
fn short(s: &str) -> String {
    let line = s.trim().lines().next().unwrap_or_default();
    if line.chars().count() > 80 {
        format!("{}…", line.chars().take(79).collect::<String>())
    } else {
        line.to_owned()
    }
}

fn regulator_copy(n: &Notice, out: &mut Vec<Diagnostic>) {
    let Some(c) = n
        .file
        .complaints
        .as_ref()
        .and_then(|c| c.regulator.as_ref())
    else {
        return;
    };
    for problem in differences(c) {
        out.push(REGULATOR_COPY.diag(
            problem.0,
            &format!("complaints.regulator.{}", problem.1),
            problem.2,
            Some("the notice always prints the regulator's current details; remove this line from `complaints.regulator`, or correct it"),
        ));
    }
}

type Difference = (crate::source::Span, &'static str, String);

/// Where the office's copy of the regulator's details differs from the current ones.
fn differences(c: &Sp<Contact>) -> Vec<Difference> {
    let mut v = Vec::new();
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    if !c.address.is_empty() {
        let have: Vec<String> = c.address.iter().map(|l| norm(&l.value)).collect();
        let missing: Vec<&str> = regulator::ADDRESS
            .iter()
            .filter(|line| !have.iter().any(|h| h.contains(&norm(line))))
            .copied()
            .collect();
        if !missing.is_empty() {
            v.push((
                c.address[0].span,
                "address",
                format!(
                    "the regulator's address here lacks {} (the current address is {})",
                    missing
                        .iter()
                        .map(|m| format!("\"{m}\""))
                        .collect::<Vec<_>>()
                        .join(", "),
                    regulator::ADDRESS.join(", ")
                ),
            ));
        }
    }
    if let Some(p) = &c.phone {
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        if digits(&p.value) != digits(regulator::PHONE) {
            v.push((
                p.span,
                "phone",
                format!(
                    "the regulator's telephone number here is {}, not its helpline {}",
                    p.value.trim(),
                    regulator::PHONE
                ),
            ));
        }
    }
    for (field, value) in [("web", &c.web), ("form", &c.form)] {
        if let Some(w) = value {
            let host = w
                .value
                .trim()
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .split('/')
                .next()
                .unwrap_or_default()
                .trim_start_matches("www.")
                .to_ascii_lowercase();
            if host != regulator::DOMAIN {
                v.push((
                    w.span,
                    field,
                    format!(
                        "`{}` is not on the regulator's website ({})",
                        w.value.trim(),
                        regulator::DOMAIN
                    ),
                ));
            }
        }
    }
    v
}

fn language(n: &Notice, out: &mut Vec<Diagnostic>) {
    let Some(tag) = n.file.notice.as_ref().and_then(|m| m.language.as_ref()) else {
        return;
    };
    let primary = tag
        .value
        .split('-')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if primary != "en" {
        out.push(GENERATED_ENGLISH.diag(
            tag.span,
            "notice.language",
            format!(
                "the notice is in `{}`, but the wording `notice` writes itself (rights, complaints, transfers, the regulator, headings and labels) is in English; the outputs mark it as English so screen readers switch voice",
                tag.value.trim()
            ),
            Some("translate the built-in templates (`notice init --templates DIR`) and build with `--templates DIR`, or publish the notice in English alongside"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn short_cuts_long_first_lines() {
        assert_eq!(short("one\ntwo"), "one");
        let long = "x".repeat(100);
        assert_eq!(short(&long).chars().count(), 80);
    }
}
