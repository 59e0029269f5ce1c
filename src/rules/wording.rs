//! Wording lints: phrases in the office's own text that cite repealed or wrong law.
//!
//! Each lint looks for fixed phrases, case-insensitively, in every free-text field, and
//! points at the phrase itself in the file. The phrase lists are deliberately narrow: a
//! false alarm costs an office as much trust as a missed one.

use super::registry::*;
use super::{CheckOptions, commencement};
use crate::diag::Diagnostic;
use crate::model::Notice;
use crate::source::Sp;

pub(super) fn check(n: &Notice, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    let after_feb_2026 = !opts.as_of.is_before(commencement::DUAA_5_FEB_2026);
    let after_jun_2026 = !opts.as_of.is_before(commencement::DUAA_19_JUN_2026);
    for (path, text) in n.texts() {
        let mut lint = Lint {
            n,
            path: &path,
            text,
            out: &mut *out,
        };
        lint.phrases(&DPA_1998, &["data protection act 1998", "dpa 1998"], |m| {
            (
                format!("\"{m}\" was repealed on 25 May 2018"),
                "cite the UK GDPR and the Data Protection Act 2018".into(),
            )
        });
        lint.words(&EEA_BOUNDARY, &["eea", "european economic area", "privacy shield"], |m| {
            (format!("\"{m}\" describes the EU transfer regime; UK law restricts transfers outside the UK"), "say whether data leaves the UK, and set `transfers.outside_uk`".into())
        });
        lint.unqualified_gdpr();
        lint.words(&SAR_LEGACY, &["40 days", "£10"], |m| {
            (
                format!("\"{m}\" is a subject access term from the repealed 1998 Act"),
                "requests are free and answered within one month".into(),
            )
        });
        lint.dpa_without_year();
        if after_jun_2026 {
            lint.words(&SUPERVISORY_AUTHORITY, &["article 77", "supervisory authority"], |m| {
                (format!("\"{m}\" no longer describes the complaint route (Art 77 was omitted on 19 June 2026)"), "say \"complain to the Information Commissioner's Office\"".into())
            });
        }
        lint.phrases(
            &DEEMED_ACCEPTANCE,
            &[
                "by using our site",
                "by using this site",
                "by using our website",
                "by using this website",
                "agree to accept this privacy notice",
                "you accept this privacy notice",
            ],
            |m| {
                (
                    format!("\"{m}\" suggests people agree to the notice by using the site"),
                    "remove the sentence: a privacy notice informs, it is not agreed to".into(),
                )
            },
        );
        lint.phrases(&CHECK_BACK, &["check back", "continue to check"], |m| {
            (
                format!("\"{m}\" puts the duty to spot changes on the reader"),
                "say how the office will tell people about changes".into(),
            )
        });
        lint.phrases(
            &REQUEST_ASSESSMENT,
            &["request an assessment", "make an assessment", "request the information commissioner to assess"],
            |m| (format!("\"{m}\" is the 1998 Act route; people now complain to the Information Commissioner"), "say \"complain to the Information Commissioner's Office\"".into()),
        );
        if after_feb_2026 {
            lint.phrases(&ART_22_WORDING, &["not to be subject to a decision based solely on automated processing"], |_| {
                ("this is the wording of Art 22, replaced by Arts 22A–22D on 5 February 2026".into(), "use `automated_decision_making` and let `notice` write the current wording".into())
            });
        }
        for (wrong, right) in MISNAMES {
            lint.phrases(&MISNAMED, &[wrong], |m| {
                (
                    format!("\"{m}\" should be \"{right}\""),
                    format!("write \"{right}\""),
                )
            });
        }
        lint.phrases(
            &CONSENT_WORDING,
            &[
                "predominantly be undertaken with your consent",
                "uses consent as the lawful basis",
            ],
            |m| {
                (
                    format!(
                        "\"{m}\": a public authority's usual basis is its public task, not consent"
                    ),
                    "describe the real lawful basis of each purpose".into(),
                )
            },
        );
        lint.unqualified_fee();
        lint.phone_numbers();
    }
    for (path, phone) in contact_phones(n) {
        let mut lint = Lint {
            n,
            path: &path,
            text: phone,
            out: &mut *out,
        };
        lint.phone_numbers();
    }
}

/// Misnamed laws and bodies, with the right name.
const MISNAMES: &[(&str, &str)] = &[
    (
        "police and social responsibility act",
        "Police Reform and Social Responsibility Act 2011",
    ),
    (
        "independent office of police conduct",
        "Independent Office for Police Conduct",
    ),
    (
        "information commissioners office",
        "Information Commissioner's Office",
    ),
];

struct Lint<'a> {
    n: &'a Notice,
    path: &'a str,
    text: &'a Sp<String>,
    out: &'a mut Vec<Diagnostic>,
}

impl Lint<'_> {
    /// Report `rule` at byte range `at` of the text.
    fn report(
        &mut self,
        rule: &'static Rule,
        at: std::ops::Range<usize>,
        msg: String,
        help: String,
    ) {
        let span = self.locate(at);
        self.out.push(rule.diag(span, self.path, msg, Some(help)));
    }

    /// Find where a range of the value stands in the file. Plain and quoted one-line scalars
    /// map directly; for block scalars the matched words are searched for after the value's
    /// start, and failing that the value's own position is used.
    fn locate(&self, at: std::ops::Range<usize>) -> crate::source::Span {
        let src = &self.n.source;
        let v = &self.text.value;
        let span = self.text.span;
        if !span.is_known() {
            return span;
        }
        let needle = &v[at.clone()];
        let window_end = (span.start + v.len() * 2 + 256).min(src.text.len());
        let hay = src.text.get(span.start..window_end).unwrap_or("");
        let first_word = needle.split_whitespace().next().unwrap_or(needle);
        let found = hay.find(needle).or_else(|| {
            // Folded across lines: find the first word at a plausible place.
            let approx = at.start;
            hay.match_indices(first_word)
                .map(|(i, _)| i)
                .min_by_key(|i| i.abs_diff(approx))
        });
        match found {
            Some(i) => src.span_of(
                span.start + i,
                span.start + i + needle.len().min(hay.len() - i),
            ),
            None => span,
        }
    }

    fn phrases(
        &mut self,
        rule: &'static Rule,
        phrases: &[&str],
        msg: impl Fn(&str) -> (String, String),
    ) {
        self.find(rule, phrases, false, msg);
    }

    /// Like `phrases`, but only at word boundaries (so "eea" does not match "agreeable").
    fn words(
        &mut self,
        rule: &'static Rule,
        words: &[&str],
        msg: impl Fn(&str) -> (String, String),
    ) {
        self.find(rule, words, true, msg);
    }

    fn find(
        &mut self,
        rule: &'static Rule,
        phrases: &[&str],
        whole_words: bool,
        msg: impl Fn(&str) -> (String, String),
    ) {
        let lower = fold(&self.text.value);
        let mut hits = Vec::new();
        for p in phrases {
            for (i, _) in lower.match_indices(p) {
                let end = i + p.len();
                if whole_words && !(boundary_before(&lower, i) && boundary_after(&lower, end)) {
                    continue;
                }
                hits.push(i..end);
            }
        }
        hits.sort_by_key(|r| r.start);
        // One report per rule per field: the first hit, with a count of the rest.
        if let Some(first) = hits.first().cloned() {
            let (mut m, h) = msg(&self.text.value[first.clone()]);
            if hits.len() > 1 {
                m.push_str(&format!(" (and {} more in this field)", hits.len() - 1));
            }
            self.report(rule, first, m, h);
        }
    }

    fn unqualified_gdpr(&mut self) {
        let lower = fold(&self.text.value);
        for p in ["gdpr", "general data protection regulation"] {
            for (i, _) in lower.match_indices(p) {
                if !boundary_before(&lower, i) || !boundary_after(&lower, i + p.len()) {
                    continue;
                }
                let before = lower[..i].trim_end();
                if before.ends_with("uk") || before.ends_with("u.k.") || before.ends_with("eu") {
                    continue;
                }
                let m = self.text.value[i..i + p.len()].to_owned();
                self.report(
                    &EU_GDPR,
                    i..i + p.len(),
                    format!("\"{m}\" names the EU regulation; the law in the UK is the UK GDPR"),
                    "write \"UK GDPR\"".into(),
                );
                return;
            }
        }
    }

    fn dpa_without_year(&mut self) {
        let lower = fold(&self.text.value);
        let p = "data protection act";
        for (i, _) in lower.match_indices(p) {
            let after = lower[i + p.len()..].trim_start();
            if after.starts_with("19") || after.starts_with("20") {
                continue;
            }
            self.report(
                &DPA_NO_YEAR,
                i..i + p.len(),
                "\"Data Protection Act\" without a year could mean the repealed 1998 Act".into(),
                "write \"the Data Protection Act 2018\"".into(),
            );
            return;
        }
    }

    fn unqualified_fee(&mut self) {
        let lower = fold(&self.text.value);
        for p in [
            "administration fee",
            "administrative fee",
            "fee for subject access",
        ] {
            for (i, _) in lower.match_indices(p) {
                let from = floor_char(&lower, i.saturating_sub(250));
                let to = ceil_char(&lower, (i + 250).min(lower.len()));
                let near = &lower[from..to];
                if ["manifestly unfounded", "excessive", "further copies"]
                    .iter()
                    .any(|q| near.contains(q))
                {
                    continue;
                }
                self.report(
                    &FEE_WORDING,
                    i..i + p.len(),
                    format!("\"{}\" is mentioned without the cases in which the law allows a fee", &self.text.value[i..i + p.len()]),
                    "say that requests are free, and that a reasonable fee applies only to manifestly unfounded or excessive requests or further copies".into(),
                );
                return;
            }
        }
    }

    fn phone_numbers(&mut self) {
        let text = &self.text.value;
        for (range, digits) in phone_like(text) {
            if let Some(problem) = uk_number_problem(&digits) {
                let shown = text[range.clone()].to_owned();
                self.report(
                    &PHONE_NUMBER,
                    range,
                    format!("the telephone number {shown} {problem}"),
                    "check the number and write all its digits".into(),
                );
            }
        }
    }
}

/// Lower-case for matching, keeping byte offsets (ASCII folding only, and typographic
/// apostrophes read as straight ones; both keep lengths per character class).
fn fold(s: &str) -> String {
    s.to_ascii_lowercase()
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn boundary_before(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn boundary_after(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// Runs of digits (separated by single spaces) that start with 0 at a word boundary: the
/// shape of a UK telephone number.
fn phone_like(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i] == b'0'
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || matches!(bytes[i - 1], b'/' | b'.' | b'-' | b'+')));
        if !starts {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        let mut j = i;
        let mut end = i;
        while j < bytes.len() {
            if bytes[j].is_ascii_digit() {
                digits.push(bytes[j] as char);
                j += 1;
                end = j;
            } else if bytes[j] == b' ' && j + 1 < bytes.len() && bytes[j + 1].is_ascii_digit() {
                j += 1;
            } else {
                break;
            }
        }
        // A full stop ends a sentence unless a digit or letter follows it (a decimal or a
        // version number such as 0123456789.5).
        let next = bytes.get(end + 1).copied();
        let followed_ok = end >= bytes.len()
            || !(bytes[end].is_ascii_alphanumeric()
                || matches!(bytes[end], b'/' | b'-')
                || (bytes[end] == b'.' && next.is_some_and(|b| b.is_ascii_alphanumeric())));
        if digits.len() >= 9 && followed_ok {
            out.push((i..end, digits));
        }
        i = end.max(i + 1);
    }
    out
}

/// What is wrong with a UK number's length, if anything.
fn uk_number_problem(digits: &str) -> Option<String> {
    let n = digits.len();
    let ten_ok =
        digits.starts_with("0800") || digits.starts_with("016977") || digits.starts_with("0500");
    if n == 11 || (n == 10 && ten_ok) {
        None
    } else if n < 11 {
        Some(format!("has only {n} digits; UK numbers have 11"))
    } else {
        Some(format!("has {n} digits, more than the 11 of a UK number"))
    }
}

/// Every telephone number in contact details, with its path.
fn contact_phones(n: &Notice) -> Vec<(String, &Sp<String>)> {
    let f = &n.file;
    let contacts = [
        (
            "controller.contact",
            f.controller.as_ref().and_then(|c| c.contact.as_ref()),
        ),
        (
            "dpo.contact",
            f.dpo.as_ref().and_then(|c| c.contact.as_ref()),
        ),
        (
            "rights.contact",
            f.rights.as_ref().and_then(|c| c.contact.as_ref()),
        ),
        (
            "complaints.controller",
            f.complaints.as_ref().and_then(|c| c.controller.as_ref()),
        ),
        (
            "complaints.regulator",
            f.complaints.as_ref().and_then(|c| c.regulator.as_ref()),
        ),
        (
            "notice.alternative_formats.contact",
            f.notice
                .as_ref()
                .and_then(|m| m.alternative_formats.as_ref())
                .and_then(|a| a.contact.as_ref()),
        ),
    ];
    let mut out = Vec::new();
    for (path, c) in contacts.into_iter().filter_map(|(p, c)| Some((p, c?))) {
        if let Some(p) = &c.phone {
            out.push((format!("{path}.phone"), p));
        }
        for (i, o) in c.other_phones.iter().enumerate() {
            out.push((format!("{path}.other_phones[{i}].value"), &o.value.value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_phone_shaped_runs() {
        let found: Vec<String> =
            phone_like("Call 01622 67055 (9am) or 0303 123 1113. Ref 04/09/2020, Z3653467")
                .into_iter()
                .map(|(_, d)| d)
                .collect();
        assert_eq!(found, ["0162267055", "03031231113"]);
    }

    #[test]
    fn judges_uk_number_lengths() {
        assert!(uk_number_problem("01622677055").is_none());
        assert!(uk_number_problem("0162267055").is_some());
        assert!(uk_number_problem("0800111111").is_none());
        assert!(uk_number_problem("011622989801").is_some());
    }
}
