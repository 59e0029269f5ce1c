//! The notice itself: title, dates, other formats, change log, the appropriate policy
//! document and the office's own sections.

use super::change::Area;
use super::matching::*;
use super::report::*;
use super::text::{name, quote};
use crate::model::Notice;
use crate::model::schema::*;
use crate::source::Sp;

pub(super) fn date_text(d: Option<&Sp<crate::model::Date>>) -> Option<String> {
    d.map(|d| d.value.long())
}

pub(super) fn notice_meta(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::Notice;
    let om = o.file.notice.as_ref().map(|m| &m.value);
    let nm = n.file.notice.as_ref().map(|m| &m.value);
    cx.text(
        a,
        "notice.title",
        "Title",
        om.map(|m| m.title.as_str()),
        nm.map(|m| m.title.as_str()),
    );
    fn field(m: Option<&NoticeMeta>, f: Field<NoticeMeta>) -> Option<&str> {
        m.and_then(|m| s(f(m)))
    }
    let texts: [(&str, &str, Field<NoticeMeta>); 8] = [
        ("notice.language", "Language", |m| &m.language),
        ("notice.url", "Web address of the notice", |m| &m.url),
        ("notice.introduction", "Introduction", |m| &m.introduction),
        ("notice.scope", "Scope", |m| &m.scope),
        ("notice.version", "Version label", |m| &m.version),
        ("notice.owner", "Owner", |m| &m.owner),
        ("notice.responsible", "Person responsible", |m| {
            &m.responsible
        }),
        ("notice.review_statement", "Statement on reviews", |m| {
            &m.review_statement
        }),
    ];
    for (path, label, f) in texts {
        cx.text(a, path, label, field(om, f), field(nm, f));
    }
    let dates = [
        (
            "notice.published",
            "Date first published",
            date_text(o.published.as_ref()),
            date_text(n.published.as_ref()),
        ),
        (
            "notice.last_updated",
            "Date last updated",
            date_text(o.last_updated.as_ref()),
            date_text(n.last_updated.as_ref()),
        ),
        (
            "notice.next_review",
            "Date of next review",
            date_text(o.next_review.as_ref()),
            date_text(n.next_review.as_ref()),
        ),
    ];
    for (path, label, od, nd) in dates {
        match (od, nd) {
            (Some(x), Some(y)) if x != y => {
                cx.editorial(a, path, format!("{label} changed from {x} to {y}."))
            }
            (None, Some(y)) => cx.editorial(a, path, format!("{label} added: {y}.")),
            (Some(x), None) => cx.editorial(a, path, format!("{label} removed (it was {x}).")),
            _ => {}
        }
    }

    let oa = om.and_then(|m| m.alternative_formats.as_ref());
    let na = nm.and_then(|m| m.alternative_formats.as_ref());
    let no_formats = Vec::new();
    let (added, removed) = list_change(
        oa.map_or(&no_formats, |x| &x.formats),
        na.map_or(&no_formats, |x| &x.formats),
    );
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("now also {}", quoted(&added)));
    }
    if !removed.is_empty() {
        parts.push(format!("no longer {}", quoted(&removed)));
    }
    if !parts.is_empty() {
        cx.editorial(
            a,
            "notice.alternative_formats.formats",
            format!("Formats offered on request: {}.", parts.join("; ")),
        );
    }
    list_retouched(
        cx,
        a,
        "notice.alternative_formats.formats".into(),
        "Formats offered on request",
        oa.map_or(&no_formats, |x| &x.formats),
        na.map_or(&no_formats, |x| &x.formats),
    );
    cx.text(
        a,
        "notice.alternative_formats.statement",
        "Statement on other formats",
        oa.and_then(|x| s(&x.statement)),
        na.and_then(|x| s(&x.statement)),
    );
    cx.contact(
        "requests for other formats",
        "notice.alternative_formats.contact",
        oa.and_then(|x| x.contact.as_deref()),
        na.and_then(|x| x.contact.as_deref()),
    );

    let none = Vec::new();
    let p = pair(
        om.map_or(&none, |m| &m.changes),
        nm.map_or(&none, |m| &m.changes),
        |c| Some(c.date.as_str()),
        |c| c.summary.as_ref().map_or("", |s| s.as_str()),
    );
    for c in &p.added {
        let what = s(&c.summary).map_or(String::new(), |x| format!(": {}", quote(x)));
        cx.editorial(
            a,
            "notice.changes",
            format!("Change log: new entry dated {}{what}.", long_date(&c.date)),
        );
    }
    for c in &p.removed {
        cx.editorial(
            a,
            "notice.changes",
            format!("Change log: entry dated {} removed.", long_date(&c.date)),
        );
    }
    for (x, y) in &p.both {
        cx.text(
            a,
            "notice.changes",
            &format!(
                "Summary of the change-log entry dated {}",
                long_date(&y.date)
            ),
            s(&x.summary),
            s(&y.summary),
        );
    }
}

pub(super) fn long_date(s: &str) -> String {
    crate::model::Date::parse(s).map_or_else(|| s.to_owned(), |d| d.long())
}

pub(super) fn policy_document(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::PolicyDocument;
    let (ox, nx) = (
        o.file
            .appropriate_policy_document
            .as_ref()
            .map(|x| &x.value),
        n.file
            .appropriate_policy_document
            .as_ref()
            .map(|x| &x.value),
    );
    cx.text(
        a,
        "appropriate_policy_document.title",
        "Title of the appropriate policy document",
        ox.and_then(|p| s(&p.title)),
        nx.and_then(|p| s(&p.title)),
    );
    cx.text(
        a,
        "appropriate_policy_document.url",
        "Web address of the appropriate policy document",
        ox.and_then(|p| s(&p.url)),
        nx.and_then(|p| s(&p.url)),
    );
    cx.text(
        a,
        "appropriate_policy_document.last_reviewed",
        "Date the appropriate policy document was last reviewed",
        ox.and_then(|p| s(&p.last_reviewed)),
        nx.and_then(|p| s(&p.last_reviewed)),
    );
}

pub(super) fn sections(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::Sections;
    let p = pair(
        &o.file.sections,
        &n.file.sections,
        |x| Some(&x.id),
        |x| &x.title,
    );
    for x in &p.added {
        cx.editorial(
            a,
            format!("sections[{}]", x.id.value),
            format!("New section: {}.", name(&x.title)),
        );
    }
    for x in &p.removed {
        cx.editorial(
            a,
            format!("sections[{}]", x.id.value),
            format!("Section removed: {}.", name(&x.title)),
        );
    }
    for (x, y) in &p.both {
        let path = format!("sections[{}]", y.id.value);
        rename(
            cx,
            a,
            format!("{path}.title"),
            "Section",
            &x.title,
            &y.title,
        );
        cx.text(
            a,
            &format!("{path}.body"),
            &format!("Text of section {}", name(&y.title)),
            Some(&x.body),
            Some(&y.body),
        );
    }
}
