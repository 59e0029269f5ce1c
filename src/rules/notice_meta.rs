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
    match &meta.alternative_formats {
        None => out.push(ALTERNATIVE_FORMATS.diag(
            meta.title.span,
            "notice.alternative_formats",
            "the notice does not say how to get it in another format".into(),
            Some("add `alternative_formats: {formats: [large print, audio, braille, Easy Read]}`"),
        )),
        Some(alt) => formats_offered(alt, out),
    }
}

/// What an offered format is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Offered {
    /// `notice build` makes it.
    Made,
    /// A person or supplier makes it from the notice (audio, Easy Read, a translation).
    ByPeople,
    /// Not a format anyone can make from the notice.
    Unknown,
}

/// Words that mark a format `notice build` makes (HTML, large print, text, braille, Word,
/// EPUB).
const MADE: &[&str] = &[
    "print",
    "large",
    "giant",
    "pdf",
    "html",
    "web",
    "webpage",
    "online",
    "text",
    "txt",
    "braille",
    "brf",
    "word",
    "docx",
    "epub",
    "ebook",
    "e-book",
    "electronic",
    "digital",
];

/// Words that mark a format people make from the notice.
const BY_PEOPLE: &[&str] = &[
    "audio",
    "cd",
    "tape",
    "cassette",
    "mp3",
    "daisy",
    "recording",
    "recorded",
    "easy",
    "easyread",
    "bsl",
    "sign",
    "video",
    "language",
    "languages",
    "translation",
    "translated",
    "interpreter",
    "interpreting",
    "welsh",
    "cymraeg",
    "arabic",
    "bengali",
    "chinese",
    "cantonese",
    "mandarin",
    "farsi",
    "french",
    "german",
    "gujarati",
    "hindi",
    "italian",
    "kurdish",
    "lithuanian",
    "pashto",
    "polish",
    "portuguese",
    "punjabi",
    "romanian",
    "russian",
    "somali",
    "spanish",
    "tamil",
    "turkish",
    "ukrainian",
    "urdu",
    "tigrinya",
    "gaelic",
    "irish",
    "cornish",
];

/// Classifies one entry of `alternative_formats.formats`.
pub(super) fn classify(format: &str) -> Offered {
    let lower = format.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if has(MADE) {
        Offered::Made
    } else if has(BY_PEOPLE) {
        Offered::ByPeople
    } else {
        Offered::Unknown
    }
}

fn formats_offered(
    alt: &crate::source::Sp<crate::model::schema::AlternativeFormats>,
    out: &mut Vec<Diagnostic>,
) {
    if alt.value.formats.iter().all(|f| f.value.trim().is_empty()) {
        out.push(FORMATS_OFFERED.diag(
            alt.span,
            "notice.alternative_formats.formats",
            "the notice offers other formats but names none".into(),
            Some("list them: `formats: [large print, braille, audio, Easy Read]`"),
        ));
        return;
    }
    for f in &alt.value.formats {
        if f.value.trim().is_empty() || classify(&f.value) != Offered::Unknown {
            continue;
        }
        out.push(FORMATS_OFFERED.diag(
            f.span,
            "notice.alternative_formats.formats",
            format!(
                "\"{}\" is not a format anyone can produce from the notice",
                f.value.trim()
            ),
            Some(
                "name a format: large print, braille, plain text, Word, EPUB (`notice build` \
                 makes these), or audio, Easy Read, BSL or a language (a person makes these)",
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::{Offered, classify};

    #[test]
    fn formats_are_classified_by_who_can_make_them() {
        for f in [
            "large print",
            "Large-print PDF",
            "giant print",
            "Braille",
            "plain text",
            "Word",
            "EPUB",
            "web page",
        ] {
            assert_eq!(classify(f), Offered::Made, "{f}");
        }
        for f in [
            "audio",
            "Audio CD",
            "Easy Read",
            "British Sign Language",
            "BSL",
            "Welsh",
            "other languages",
            "Polish",
        ] {
            assert_eq!(classify(f), Offered::ByPeople, "{f}");
        }
        for f in ["on request", "other formats", "brail", "fax"] {
            assert_eq!(classify(f), Offered::Unknown, "{f}");
        }
    }

    #[test]
    fn an_empty_list_of_formats_is_reported_once() {
        let yaml = include_str!("../../tests/fixtures/rules/PN708/fail.yaml")
            .replace("[large print, on request, brail]", "[]");
        let src = crate::source::SourceFile::from_text("empty.yaml", yaml);
        let checked = crate::check(
            &src,
            &crate::rules::CheckOptions {
                as_of: crate::model::Date::ymd(2026, 11, 25),
            },
        );
        let found: Vec<&str> = checked
            .diagnostics
            .iter()
            .filter(|d| d.rule == "PN708")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            found,
            vec!["the notice offers other formats but names none"]
        );
    }
}
