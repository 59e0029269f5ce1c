//! The notice itself: title, dates, other formats, change log, the appropriate policy
//! document and the office's own sections.

use super::change::Area;
use super::matching::*;
use super::report::*;
use super::text::{name, quote};
use crate::model::Date;
use crate::model::Notice;
use crate::model::schema::*;
use crate::source::Sp;

pub(super) fn date_text(d: Option<&Sp<Date>>) -> Option<String> {
    d.map(|d| d.value.long())
}

/// One of the notice's parsed dates.
type DateOf = fn(&Notice) -> Option<&Sp<Date>>;

/// The notice's own details: title, dates, other formats, change log.
pub(super) fn notice_meta(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::Notice;
    let (om, nm) = blocks(o, n, |f| &f.notice);
    let (x, y) = field(om, nm, |m| Some(m.title.as_str()));
    cx.text(a, "notice.title", "Title", x, y);
    let texts: [(&str, &str, Field<NoticeMeta>); 8] = [
        ("language", "Language", |m| &m.language),
        ("url", "Web address of the notice", |m| &m.url),
        ("introduction", "Introduction", |m| &m.introduction),
        ("scope", "Scope", |m| &m.scope),
        ("version", "Version label", |m| &m.version),
        ("owner", "Owner", |m| &m.owner),
        ("responsible", "Person responsible", |m| &m.responsible),
        ("review_statement", "Statement on reviews", |m| {
            &m.review_statement
        }),
    ];
    cx.texts((a, "notice"), om, nm, &texts);
    // A first layer's layers, in order, as one line each: what the first layer links to.
    let layers = |m: Option<&NoticeMeta>| -> Option<String> {
        let lines: Vec<String> = m?
            .layers
            .iter()
            .map(|l| {
                let title = l.title.as_ref().map_or("", |t| t.value.trim());
                match (&l.notice, &l.url) {
                    (Some(n), _) => format!("{title} (notice {})", n.value.trim()),
                    (None, Some(u)) => format!("{title} ({})", u.value.trim()),
                    (None, None) => title.to_owned(),
                }
            })
            .collect();
        (!lines.is_empty()).then(|| lines.join("; "))
    };
    let (x, y) = (layers(om), layers(nm));
    cx.text(a, "notice.layers", "Layers", x.as_deref(), y.as_deref());
    let dates: [(&str, &str, DateOf); 3] = [
        ("notice.published", "Date first published", |n| {
            n.published.as_ref()
        }),
        ("notice.last_updated", "Date last updated", |n| {
            n.last_updated.as_ref()
        }),
        ("notice.next_review", "Date of next review", |n| {
            n.next_review.as_ref()
        }),
    ];
    for (path, label, date) in dates {
        match (date_text(date(o)), date_text(date(n))) {
            (Some(x), Some(y)) if x != y => {
                cx.editorial(a, path, format!("{label} changed from {x} to {y}."));
            }
            (None, Some(y)) => cx.editorial(a, path, format!("{label} added: {y}.")),
            (Some(x), None) => cx.editorial(a, path, format!("{label} removed (it was {x}).")),
            _ => {}
        }
    }

    let oa = om.and_then(|m| m.alternative_formats.as_ref());
    let na = nm.and_then(|m| m.alternative_formats.as_ref());
    let no_formats = Vec::new();
    let (fx, fy) = (
        oa.map_or(&no_formats, |x| &x.formats),
        na.map_or(&no_formats, |x| &x.formats),
    );
    let (path, label) = (
        "notice.alternative_formats.formats",
        "Formats offered on request",
    );
    if let Some(d) = list_words(fx, fy, ("now also", "no longer")) {
        cx.editorial(a, path, format!("{label}: {d}."));
    }
    list_retouched(cx, a, path.into(), label, fx, fy);
    let (x, y) = field(oa, na, |x| s(&x.statement));
    let path = "notice.alternative_formats.statement";
    cx.text(a, path, "Statement on other formats", x, y);
    cx.contact(
        "requests for other formats",
        "notice.alternative_formats.contact",
        oa.and_then(|x| x.contact.as_deref()),
        na.and_then(|x| x.contact.as_deref()),
    );

    let (old, new) = (entries(om, |m| &m.changes), entries(nm, |m| &m.changes));
    let list = List::new(a, "notice.changes", (old, new), |c| {
        c.summary.as_ref().map_or("", |s| s.as_str())
    })
    .keyed(|c| &c.date);
    let added = |c: &Change| {
        let what = s(&c.summary).map_or(String::new(), |x| format!(": {}", quote(x)));
        let date = long_date(&c.date);
        Report::Editorial(format!("Change log: new entry dated {date}{what}."))
    };
    let removed = |c: &Change| {
        let date = long_date(&c.date);
        Report::Editorial(format!("Change log: entry dated {date} removed."))
    };
    list.compare(cx, added, removed, |cx, path, x, y| {
        let label = format!(
            "Summary of the change-log entry dated {}",
            long_date(&y.date)
        );
        cx.text(a, path, &label, s(&x.summary), s(&y.summary));
    });
}

pub(super) fn long_date(s: &str) -> String {
    crate::model::Date::parse(s).map_or_else(|| s.to_owned(), super::super::model::date::Date::long)
}

/// The appropriate policy document.
pub(super) fn policy_document(cx: &mut Cx, o: &Notice, n: &Notice) {
    let (ox, nx) = blocks(o, n, |f| &f.appropriate_policy_document);
    let what = "the appropriate policy document";
    let texts: [(&str, String, Field<PolicyDocument>); 3] = [
        ("title", format!("Title of {what}"), |p| &p.title),
        ("url", format!("Web address of {what}"), |p| &p.url),
        (
            "last_reviewed",
            format!("Date {what} was last reviewed"),
            |p| &p.last_reviewed,
        ),
    ];
    cx.texts(
        (Area::PolicyDocument, "appropriate_policy_document"),
        ox,
        nx,
        &texts,
    );
}

/// Sections in the office's own words.
pub(super) fn sections(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::Sections;
    let (old, new) = (&o.file.sections, &n.file.sections);
    let list = List::new(a, "sections", (old, new), |x| &x.title)
        .ids(|x| &x.id)
        .renamed("title", "Section");
    let added = |x: &ExtraSection| Report::Editorial(format!("New section: {}.", name(&x.title)));
    let removed =
        |x: &ExtraSection| Report::Editorial(format!("Section removed: {}.", name(&x.title)));
    list.compare(cx, added, removed, |cx, path, x, y| {
        let label = format!("Text of section {}", name(&y.title));
        let (old, new) = (Some(x.body.as_str()), Some(y.body.as_str()));
        cx.text(a, &format!("{path}.body"), &label, old, new);
    });
}
