//! The notice itself: its title, dates and review (ICO guidance, Art 13(3)) and alternative
//! formats (Art 12(1)).

use super::CheckOptions;
use super::identity::FILE_START;
use crate::diag::Diagnostic;
use crate::model::{Date, Notice};
use crate::registry::*;

/// The day the GDPR and the Data Protection Act 2018 took effect.
const GDPR_START: Date = Date::ymd(2018, 5, 25);

pub(super) fn check(n: &Notice, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    let Some(meta) = &n.file.notice else {
        out.push(NOTICE_MISSING.diag(
            FILE_START,
            "notice",
            "the file has no `notice` block".into(),
            Some("add `notice:` with at least `title:` and `last_updated:`"),
        ));
        return;
    };
    // A notice that gives one date, "published", for its version has said when it was
    // last updated: the publication of this version is its last update.
    match n.last_updated.as_ref().or(n.published.as_ref()) {
        None => out.push(LAST_UPDATED_MISSING.diag(
            meta.title.span,
            "notice.last_updated",
            "the notice does not say when it was last updated".into(),
            Some("add `last_updated: YYYY-MM-DD`"),
        )),
        Some(lu) => {
            let pre_gdpr = lu.value.is_before(GDPR_START);
            if pre_gdpr {
                out.push(PRE_GDPR.diag(
                    lu.span,
                    "notice.last_updated",
                    format!(
                        "the notice was last updated {}, before the GDPR and DPA 2018 applied on 25 May 2018",
                        lu.value.long()
                    ),
                    Some("check the notice against current law, then update `last_updated`"),
                ));
            }
            if !pre_gdpr && n.next_review.is_none() && lu.value.months_until(opts.as_of) > 12 {
                out.push(NOTICE_STALE.diag(
                    lu.span,
                    "notice.last_updated",
                    format!(
                        "the notice was last updated {}, over a year ago, and has no review date",
                        lu.value.long()
                    ),
                    Some("review the notice, then set `last_updated` and `next_review`"),
                ));
            }
            if let Some(p) = &n.published
                && lu.value.is_before(p.value)
            {
                out.push(DATES_INCONSISTENT.diag(
                    p.span,
                    "notice.published",
                    format!(
                        "the notice says it was published {} but last updated earlier, {}",
                        p.value.long(),
                        lu.value.long()
                    ),
                    Some("correct one of the two dates"),
                ));
            }
            if let Some((i, d)) = n
                .change_dates
                .iter()
                .enumerate()
                .find(|(_, d)| lu.value.is_before(**d))
            {
                let span = meta.changes.get(i).map_or(lu.span, |c| c.date.span);
                out.push(DATES_INCONSISTENT.diag(
                    span,
                    &format!("notice.changes[{i}].date"),
                    format!(
                        "a change is dated {}, after the notice's last update ({})",
                        d.long(),
                        lu.value.long()
                    ),
                    Some("set `last_updated` to the date of the latest change"),
                ));
            }
            if let Some(nr) = &n.next_review
                && !lu.value.is_before(nr.value)
            {
                out.push(DATES_INCONSISTENT.diag(
                    nr.span,
                    "notice.next_review",
                    format!(
                        "the next review ({}) is not after the last update ({})",
                        nr.value.long(),
                        lu.value.long()
                    ),
                    Some("set `next_review` to a date after `last_updated`"),
                ));
            }
        }
    }
    if let Some(nr) = &n.next_review
        && nr.value.is_before(opts.as_of)
    {
        out.push(REVIEW_OVERDUE.diag(
            nr.span,
            "notice.next_review",
            format!(
                "the notice was due for review on {} (`notice.next_review`)",
                nr.value.long()
            ),
            Some("review the notice, then update `last_updated` and `next_review`"),
        ));
    }
    if meta.alternative_formats.is_none() {
        out.push(ALTERNATIVE_FORMATS.diag(
            meta.title.span,
            "notice.alternative_formats",
            "the notice does not say how to get it in another format".into(),
            Some("add `alternative_formats: {formats: [large print, audio, braille, Easy Read]}`"),
        ));
    }
}
