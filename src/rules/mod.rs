//! The law as rules over a checked notice.
//!
//! Every rule lives in one static [`registry`](crate::registry): a stable id (`PN201`), a name, a severity,
//! the citation it rests on, a one-line summary and its documentation (what it checks, why,
//! an example and how to fix it). `notice rules` and `notice explain` read the same registry,
//! and the checks below fill in a diagnostic's metadata from it, so nothing is written twice.
//!
//! The checks are grouped the way Articles 13 and 14 are: who the controller is, why data
//! is used and on what basis, special category and criminal offence data, who it is shared
//! with and where it goes, how long it is kept, people's rights, and the notice itself. The
//! wording lints look for phrases that cite repealed or wrong law.

mod answers;
mod basis;
mod exemptions;
mod identity;
mod notice_meta;
mod rights;
pub mod set;
mod sharing;
mod special;
pub mod text;
mod wording;

use crate::diag::Diagnostic;
use crate::model::{Date, Notice};

/// What a check needs besides the notice.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    /// The date the law is applied as of (rules that depend on commencement use it).
    pub as_of: Date,
}

/// Dates on which parts of the Data (Use and Access) Act 2025 came into force.
pub mod commencement {
    use crate::model::Date;
    /// Arts 22A–22D, the new transfer wording of Art 13(1)(f), recognised legitimate
    /// interests (Art 6(1)(ea)) and the omission of Art 6(4): SI 2026/82 reg 2.
    pub const DUAA_5_FEB_2026: Date = Date::ymd(2026, 2, 5);
    /// Complaints to controllers (DPA 2018 s164A, Art 13(2)(ca)) and the omission of
    /// Art 77: DUAA s103.
    pub const DUAA_19_JUN_2026: Date = Date::ymd(2026, 6, 19);
}

/// Run every rule over a notice. The result is sorted by position.
pub fn check(notice: &Notice, opts: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    identity::check(notice, opts, &mut out);
    basis::check(notice, opts, &mut out);
    special::check(notice, opts, &mut out);
    sharing::check(notice, opts, &mut out);
    rights::check(notice, opts, &mut out);
    notice_meta::check(notice, opts, &mut out);
    wording::check(notice, opts, &mut out);
    answers::check(notice, opts, &mut out);
    exemptions::check(notice, opts, &mut out);
    // What a declared exemption covers is not a finding.
    exemptions::drop_covered(notice, &mut out);
    // The law of the day: a rule whose provision was not yet in force does not apply.
    out.retain(|d| {
        crate::registry::find(d.rule)
            .and_then(super::registry::Rule::in_force)
            .is_none_or(|f| !opts.as_of.is_before(Date::ymd(f.ymd.0, f.ymd.1, f.ymd.2)))
    });
    crate::diag::sort(&mut out);
    // A YAML alias repeats a value in several places; report each finding once.
    out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
    for d in &mut out {
        // A whole block missing: say where it goes, since there is no line to show.
        if !d.span.is_known() && !d.path.is_empty() && !d.path.contains(['.', '[']) {
            d.help = Some(match d.help.take() {
                Some(h) => format!(
                    "{h}; `{}:` is a top-level block, beside `notice:` and `controller:`",
                    d.path
                ),
                None => format!(
                    "`{}:` is a top-level block, beside `notice:` and `controller:`",
                    d.path
                ),
            });
        }
    }
    group(out)
}

/// The rules that apply to a shared office file checked on its own: the wording lints
/// (its values, ids and references are checked by lowering). The disclosures a notice must
/// make are judged on each notice that extends it.
pub fn check_part(notice: &Notice, opts: &CheckOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    wording::check(notice, opts, &mut out);
    out.retain(|d| {
        crate::registry::find(d.rule)
            .and_then(super::registry::Rule::in_force)
            .is_none_or(|f| !opts.as_of.is_before(Date::ymd(f.ymd.0, f.ymd.1, f.ymd.2)))
    });
    crate::diag::sort(&mut out);
    out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
    group(out)
}

/// Rules that find the same thing on many items (every purpose without a lawful basis):
/// their findings are merged into one with many locations.
const GROUPED: &[&str] = &[
    "PN202", "PN203", "PN204", "PN205", "PN206", "PN301", "PN302", "PN304", "PN907", "PN908",
];

/// Merge the findings of each [`GROUPED`] rule into the first, which lists the others'
/// places in `also` and names every item in its message.
fn group(out: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut merged: Vec<Diagnostic> = Vec::with_capacity(out.len());
    for d in out {
        if GROUPED.contains(&d.rule)
            && let Some(first) = merged
                .iter_mut()
                .find(|m| m.rule == d.rule && m.help == d.help && m.span.file == d.span.file)
        {
            first.also.push(crate::diag::Location {
                span: d.span,
                path: d.path,
            });
            // Keep each message for the summary below.
            first.message.push('\u{0}');
            first.message.push_str(&d.message);
            continue;
        }
        merged.push(d);
    }
    for d in &mut merged {
        if d.also.is_empty() {
            continue;
        }
        let messages: Vec<&str> = d.message.split('\u{0}').collect();
        let items: Vec<&str> = messages
            .iter()
            .filter_map(|m| m.split('`').nth(1))
            .collect();
        let n = messages.len();
        let list = items
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ");
        d.message = match d.rule {
            "PN202" => format!("{n} purposes have no lawful basis: {list}"),
            "PN203" => format!(
                "{n} purposes rely on a public task or legal obligation but name no legislation: {list}"
            ),
            _ => format!("{} (and {} more like it)", messages[0], n - 1),
        };
    }
    merged
}
