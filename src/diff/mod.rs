//! What changed between two versions of a notice, in plain English.
//!
//! [`compare`] matches the entries of the two notices' lists by id and, failing that, by
//! name (so an entry whose id was renamed is still the same entry), then compares them
//! field by field. Every change is one of two classes:
//!
//! - **material**: people should be told before it takes effect (UK GDPR Art 13(3) and
//!   Art 14(4) for new purposes; the ICO's guidance for the rest): a new purpose; a new or
//!   changed lawful basis, Art 9 condition or Art 10 condition; a new kind of data; a new
//!   source or recipient (or a purpose newly using one); a new transfer, or data now going
//!   outside the UK; a longer retention period, or a changed one where the text does not say
//!   whether it is longer; new automated decisions; safeguards removed; a new controller.
//! - **editorial**: everything else: wording, contact details, dates, sections, and the
//!   removal of purposes, recipients, sources or data, which narrow what is done.
//!
//! [`render`] prints a comparison for people, as Markdown, as JSON, or as a change-log
//! entry to paste into `notice.changes`.

pub mod render;
pub mod text;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::Notice;
use crate::model::schema::*;
use crate::source::Sp;
use text::{PeriodChange, compare_periods, describe, loose, name, norm, quote};

/// Whether people must be told about a change before it takes effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// A change people must be told about before it takes effect.
    Material,
    /// Wording, contacts, dates, sections, removals.
    Editorial,
}

/// The part of the notice a change is in, in the order the notice reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Title, dates, introduction, change log, other formats.
    Notice,
    /// The controller, DPO and UK representative.
    Controller,
    /// Contact details anywhere in the notice.
    Contacts,
    /// Joint controllers.
    JointControllers,
    /// The kinds of personal data.
    DataCategories,
    /// Where data comes from.
    Sources,
    /// Who data is shared with.
    Recipients,
    /// What data is used for, on what basis.
    Purposes,
    /// Transfers outside the UK.
    Transfers,
    /// How long data is kept.
    Retention,
    /// Automated decision-making.
    AutomatedDecisions,
    /// Whether people must provide their data.
    ProvisionRequirement,
    /// How people exercise their rights.
    Rights,
    /// How to complain.
    Complaints,
    /// The appropriate policy document.
    PolicyDocument,
    /// Sections in the office's own words.
    Sections,
}

impl Area {
    /// A heading for people.
    pub fn heading(self) -> &'static str {
        match self {
            Area::Notice => "About the notice",
            Area::Controller => "Who we are",
            Area::Contacts => "Contact details",
            Area::JointControllers => "Joint controllers",
            Area::DataCategories => "The personal data we hold",
            Area::Sources => "Where it comes from",
            Area::Recipients => "Who we share it with",
            Area::Purposes => "What we use it for, and the lawful basis",
            Area::Transfers => "Transfers outside the UK",
            Area::Retention => "How long we keep it",
            Area::AutomatedDecisions => "Automated decisions",
            Area::ProvisionRequirement => "Whether you must give us your data",
            Area::Rights => "Your rights",
            Area::Complaints => "Complaints",
            Area::PolicyDocument => "Appropriate policy document",
            Area::Sections => "Other sections",
        }
    }
}

/// One change between two versions of a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Material or editorial.
    pub class: Class,
    /// Where in the notice.
    pub area: Area,
    /// The field, e.g. `purposes[complaints].lawful_basis` (list entries by id).
    pub path: String,
    /// What changed, as one sentence.
    pub summary: String,
    /// A short phrase for the change log (material changes only).
    #[serde(skip)]
    pub brief: Option<String>,
}

/// One version of a notice, as the comparison names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    /// The file (with `@REV` for a git revision).
    pub file: String,
    /// `notice.title`.
    pub title: Option<String>,
    /// `notice.last_updated`, as written.
    pub last_updated: Option<String>,
}

/// The changes between two versions of a notice, in the order the notice reads.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The older version.
    pub old: Version,
    /// The newer version.
    pub new: Version,
    /// Every change found.
    pub changes: Vec<Change>,
}

impl Comparison {
    /// How many changes of a class.
    pub fn count(&self, class: Class) -> usize {
        self.changes.iter().filter(|c| c.class == class).count()
    }

    /// Whether any change is material.
    pub fn has_material(&self) -> bool {
        self.count(Class::Material) > 0
    }
}

fn version(n: &Notice) -> Version {
    let meta = n.file.notice.as_ref();
    Version {
        file: n.source.path.display().to_string(),
        title: meta.map(|m| m.title.value.clone()),
        last_updated: meta.and_then(|m| m.last_updated.as_ref().map(|d| d.value.clone())),
    }
}

/// Compare two versions of a notice.
pub fn compare(old: &Notice, new: &Notice) -> Comparison {
    let mut cx = Cx::default();
    notice_meta(&mut cx, old, new);
    controller(&mut cx, old, new);
    joint_controllers(&mut cx, old, new);
    let cats = data_categories(&mut cx, old, new);
    let sources = sources(&mut cx, old, new, &cats);
    let recipients = recipients(&mut cx, old, new);
    let rules = retention(&mut cx, old, new);
    let ids = Ids {
        cats,
        sources,
        recipients,
        rules,
        joint: id_map(
            &pair(
                &old.file.joint_controllers,
                &new.file.joint_controllers,
                |j| Some(&j.id),
                |j| &j.name,
            ),
            |j| &j.id,
        ),
    };
    purposes(&mut cx, old, new, &ids);
    transfers(&mut cx, old, new, &ids.recipients);
    automated(&mut cx, old, new);
    provision(&mut cx, old, new);
    rights(&mut cx, old, new);
    complaints(&mut cx, old, new);
    policy_document(&mut cx, old, new);
    sections(&mut cx, old, new);
    let mut changes = cx.finish();
    changes.sort_by_key(|c| c.area);
    Comparison {
        old: version(old),
        new: version(new),
        changes,
    }
}

/// Changes found so far, and contact changes waiting to be merged.
#[derive(Default)]
struct Cx {
    changes: Vec<Change>,
    /// (who, path, what changed): the same change to several contacts (one YAML anchor
    /// used for the controller, the DPO and complaints) is reported once.
    contacts: Vec<(String, String, String)>,
}

impl Cx {
    fn material(&mut self, area: Area, path: impl Into<String>, summary: String, brief: String) {
        self.changes.push(Change {
            class: Class::Material,
            area,
            path: path.into(),
            summary: end_sentence(summary),
            brief: Some(brief),
        });
    }

    fn editorial(&mut self, area: Area, path: impl Into<String>, summary: String) {
        self.changes.push(Change {
            class: Class::Editorial,
            area,
            path: path.into(),
            summary: end_sentence(summary),
            brief: None,
        });
    }

    /// A free-text field whose changes are editorial; `label` starts the sentence.
    fn text(&mut self, area: Area, path: &str, label: &str, old: Option<&str>, new: Option<&str>) {
        if let Some(d) = text_change(old, new) {
            let sep = if d.starts_with("punctuation") {
                ": "
            } else {
                " "
            };
            self.editorial(area, path, format!("{label}{sep}{d}."));
        }
    }

    fn contact(&mut self, who: &str, path: &str, old: Option<&Contact>, new: Option<&Contact>) {
        if let Some(d) = contact_change(old, new) {
            self.contacts.push((who.to_owned(), path.to_owned(), d));
        }
    }

    fn finish(mut self) -> Vec<Change> {
        let mut groups: Vec<(Vec<String>, Vec<String>, String)> = Vec::new();
        for (who, path, what) in std::mem::take(&mut self.contacts) {
            match groups.iter_mut().find(|g| g.2 == what) {
                Some(g) => {
                    g.0.push(who);
                    g.1.push(path);
                }
                None => groups.push((vec![who], vec![path], what)),
            }
        }
        for (who, paths, what) in groups {
            self.editorial(
                Area::Contacts,
                paths.join(", "),
                format!("Contact details of {}: {what}.", and_list(&who)),
            );
        }
        self.changes
    }
}

/// No full stop after a quotation that ends with one ("… “this page.”" not "“this page.”.").
fn end_sentence(mut s: String) -> String {
    for end in [".”.", "…”.", "?”.", "!”."] {
        if s.ends_with(end) {
            s.pop();
            break;
        }
    }
    s
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn text_change(old: Option<&str>, new: Option<&str>) -> Option<String> {
    let old = old.filter(|s| !s.trim().is_empty());
    let new = new.filter(|s| !s.trim().is_empty());
    match (old, new) {
        (None, None) => None,
        (None, Some(n)) => Some(format!("added: {}", quote(n))),
        (Some(o), None) => Some(format!("removed (it said {})", quote(o))),
        (Some(o), Some(n)) => describe(o, n),
    }
}

/// An optional text field of a block, for tables of fields to compare.
type Field<T> = fn(&T) -> &Option<Sp<String>>;

fn s(v: &Option<Sp<String>>) -> Option<&str> {
    v.as_ref().map(|x| x.value.as_str())
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------------------
// Matching list entries.

/// Entries of two versions of a list, matched.
struct Pairs<'a, T> {
    both: Vec<(&'a T, &'a T)>,
    removed: Vec<&'a T>,
    added: Vec<&'a T>,
}

/// Match entries by key (an id) and, failing that, by name.
fn pair<'a, T>(
    old: &'a [Sp<T>],
    new: &'a [Sp<T>],
    key: impl Fn(&T) -> Option<&str>,
    name: impl Fn(&T) -> &str,
) -> Pairs<'a, T> {
    let mut taken = vec![false; new.len()];
    let mut matched: Vec<Option<usize>> = vec![None; old.len()];
    for (i, o) in old.iter().enumerate() {
        if let Some(k) = key(o) {
            let found = new
                .iter()
                .enumerate()
                .position(|(j, n)| !taken[j] && key(n) == Some(k));
            if let Some(j) = found {
                taken[j] = true;
                matched[i] = Some(j);
            }
        }
    }
    for (i, o) in old.iter().enumerate() {
        if matched[i].is_some() {
            continue;
        }
        let want = loose(name(o));
        let found = new
            .iter()
            .enumerate()
            .position(|(j, n)| !taken[j] && loose(name(n)) == want);
        if let Some(j) = found {
            taken[j] = true;
            matched[i] = Some(j);
        }
    }
    Pairs {
        both: old
            .iter()
            .zip(&matched)
            .filter_map(|(o, m)| m.map(|j| (&o.value, &new[j].value)))
            .collect(),
        removed: old
            .iter()
            .zip(&matched)
            .filter(|(_, m)| m.is_none())
            .map(|(o, _)| &o.value)
            .collect(),
        added: new
            .iter()
            .zip(&taken)
            .filter(|(_, t)| !**t)
            .map(|(n, _)| &n.value)
            .collect(),
    }
}

/// Old id → new id, for the entries matched.
fn id_map<T>(p: &Pairs<'_, T>, id: impl Fn(&T) -> &str) -> BTreeMap<String, String> {
    p.both
        .iter()
        .map(|(o, n)| (id(o).to_owned(), id(n).to_owned()))
        .collect()
}

/// Old references translated into the new version's ids.
fn mapped(refs: &[Sp<String>], map: &BTreeMap<String, String>) -> BTreeSet<String> {
    refs.iter()
        .map(|r| {
            map.get(&r.value)
                .cloned()
                .unwrap_or_else(|| r.value.clone())
        })
        .collect()
}

fn ids(refs: &[Sp<String>]) -> BTreeSet<String> {
    refs.iter().map(|r| r.value.clone()).collect()
}

/// The id maps of the lists other parts refer to.
struct Ids {
    cats: BTreeMap<String, String>,
    sources: BTreeMap<String, String>,
    recipients: BTreeMap<String, String>,
    rules: BTreeMap<String, String>,
    joint: BTreeMap<String, String>,
}

/// A rename of a list entry: editorial.
fn rename(cx: &mut Cx, area: Area, path: String, kind: &str, old: &str, new: &str) {
    if norm(old) == norm(new) {
        return;
    }
    if loose(old) == loose(new) {
        cx.editorial(
            area,
            path,
            format!(
                "{kind} {}: punctuation or capitals of the name changed.",
                name(new)
            ),
        );
    } else {
        cx.editorial(
            area,
            path,
            format!("{kind} {} renamed {}.", name(old), name(new)),
        );
    }
}

/// Added and removed items of two lists of short values (compared loosely).
fn list_change(old: &[Sp<String>], new: &[Sp<String>]) -> (Vec<String>, Vec<String>) {
    let o: Vec<String> = old.iter().map(|x| loose(x)).collect();
    let n: Vec<String> = new.iter().map(|x| loose(x)).collect();
    let added = new
        .iter()
        .filter(|x| !o.contains(&loose(x)))
        .map(|x| norm(x))
        .collect();
    let removed = old
        .iter()
        .filter(|x| !n.contains(&loose(x)))
        .map(|x| norm(x))
        .collect();
    (added, removed)
}

/// A list whose items only changed in punctuation or capitals: editorial, said once.
fn list_retouched(
    cx: &mut Cx,
    area: Area,
    path: String,
    label: &str,
    old: &[Sp<String>],
    new: &[Sp<String>],
) {
    let (added, removed) = list_change(old, new);
    let mut a: Vec<String> = old.iter().map(|x| norm(x)).collect();
    let mut b: Vec<String> = new.iter().map(|x| norm(x)).collect();
    a.sort();
    b.sort();
    if added.is_empty() && removed.is_empty() && a != b {
        cx.editorial(
            area,
            path,
            format!("{label}: punctuation or capitals changed."),
        );
    }
}

fn quoted(items: &[String]) -> String {
    and_list(&items.iter().map(|i| name(i)).collect::<Vec<_>>())
}

// ---------------------------------------------------------------------------------------
// The notice, the controller and contacts.

fn date_text(d: Option<&Sp<crate::model::Date>>) -> Option<String> {
    d.map(|d| d.value.long())
}

fn notice_meta(cx: &mut Cx, o: &Notice, n: &Notice) {
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

fn long_date(s: &str) -> String {
    crate::model::Date::parse(s).map_or_else(|| s.to_owned(), |d| d.long())
}

fn contact_change(old: Option<&Contact>, new: Option<&Contact>) -> Option<String> {
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

fn controller(cx: &mut Cx, o: &Notice, n: &Notice) {
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
                cx.text(
                    a,
                    "controller.name",
                    "Controller's name",
                    Some(&x.name),
                    Some(&y.name),
                );
            }
            cx.text(
                a,
                "controller.short_name",
                "Short name",
                s(&x.short_name),
                s(&y.short_name),
            );
            cx.text(
                a,
                "controller.ico_registration",
                "ICO registration number",
                s(&x.ico_registration),
                s(&y.ico_registration),
            );
            cx.text(
                a,
                "controller.description",
                "Description of who we are",
                s(&x.description),
                s(&y.description),
            );
            let flag = |v: &Option<Sp<bool>>| v.as_ref().map(|b| b.value);
            if flag(&x.public_authority).unwrap_or(false)
                != flag(&y.public_authority).unwrap_or(false)
            {
                let now = if flag(&y.public_authority).unwrap_or(false) {
                    "now says"
                } else {
                    "no longer says"
                };
                cx.editorial(
                    a,
                    "controller.public_authority",
                    format!("The notice {now} the controller is a public authority."),
                );
            }
            if flag(&x.established_in_uk).unwrap_or(true)
                != flag(&y.established_in_uk).unwrap_or(true)
            {
                let now = if flag(&y.established_in_uk).unwrap_or(true) {
                    "now says"
                } else {
                    "no longer says"
                };
                cx.editorial(
                    a,
                    "controller.established_in_uk",
                    format!("The notice {now} the controller is established in the UK."),
                );
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

    let (od, nd) = (
        o.file.dpo.as_ref().map(|d| &d.value),
        n.file.dpo.as_ref().map(|d| &d.value),
    );
    match (od, nd) {
        (None, Some(_)) => {
            cx.editorial(a, "dpo", "Data protection officer's details added.".into())
        }
        (Some(_), None) => cx.editorial(
            a,
            "dpo",
            "Data protection officer's details removed.".into(),
        ),
        (Some(x), Some(y)) => {
            cx.text(
                a,
                "dpo.name",
                "Data protection officer's name",
                s(&x.name),
                s(&y.name),
            );
            cx.text(
                a,
                "dpo.role",
                "Data protection officer's role",
                s(&x.role),
                s(&y.role),
            );
            cx.text(
                a,
                "dpo.description",
                "Description of the data protection officer",
                s(&x.description),
                s(&y.description),
            );
        }
        (None, None) => {}
    }
    cx.contact(
        "the data protection officer",
        "dpo.contact",
        od.and_then(|d| d.contact.as_deref()),
        nd.and_then(|d| d.contact.as_deref()),
    );

    let (or, nr) = (
        o.file.representative.as_ref().map(|r| &r.value),
        n.file.representative.as_ref().map(|r| &r.value),
    );
    cx.text(
        a,
        "representative.name",
        "UK representative",
        or.map(|r| r.name.as_str()),
        nr.map(|r| r.name.as_str()),
    );
    cx.contact(
        "the UK representative",
        "representative.contact",
        or.and_then(|r| r.contact.as_deref()),
        nr.and_then(|r| r.contact.as_deref()),
    );
}

fn joint_controllers(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::JointControllers;
    let p = pair(
        &o.file.joint_controllers,
        &n.file.joint_controllers,
        |j| Some(&j.id),
        |j| &j.name,
    );
    for j in &p.added {
        cx.material(
            a,
            format!("joint_controllers[{}]", j.id.value),
            format!("New joint controller: {}.", name(&j.name)),
            format!("new joint controller {}", name(&j.name)),
        );
    }
    for j in &p.removed {
        cx.editorial(
            a,
            format!("joint_controllers[{}]", j.id.value),
            format!("Joint controller removed: {}.", name(&j.name)),
        );
    }
    for (x, y) in &p.both {
        let path = format!("joint_controllers[{}]", y.id.value);
        rename(
            cx,
            a,
            format!("{path}.name"),
            "Joint controller",
            &x.name,
            &y.name,
        );
        cx.text(
            a,
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
    }
}

// ---------------------------------------------------------------------------------------
// Data, sources and recipients.

fn kind_words(k: DataKind) -> &'static str {
    match k {
        DataKind::Personal => "ordinary personal data",
        DataKind::Special => "special category data",
        DataKind::CriminalOffence => "criminal offence data",
    }
}

fn data_categories(cx: &mut Cx, o: &Notice, n: &Notice) -> BTreeMap<String, String> {
    let a = Area::DataCategories;
    let p = pair(
        &o.file.data_categories,
        &n.file.data_categories,
        |c| Some(&c.id),
        |c| &c.name,
    );
    for c in &p.added {
        let kind = Notice::kind_of(c);
        let suffix = if kind == DataKind::Personal {
            String::new()
        } else {
            format!(" ({})", kind_words(kind))
        };
        cx.material(
            a,
            format!("data_categories[{}]", c.id.value),
            format!("New kind of personal data: {}{suffix}.", name(&c.name)),
            format!("new kind of personal data {}{suffix}", name(&c.name)),
        );
    }
    for c in &p.removed {
        cx.editorial(
            a,
            format!("data_categories[{}]", c.id.value),
            format!("Kind of personal data removed: {}.", name(&c.name)),
        );
    }
    for (x, y) in &p.both {
        let path = format!("data_categories[{}]", y.id.value);
        let label = format!("Data category {}", name(&y.name));
        if x.id.value != y.id.value {
            cx.editorial(
                a,
                format!("{path}.id"),
                format!(
                    "{label}: id changed from {} to {} (ids are not shown to readers).",
                    x.id.value, y.id.value
                ),
            );
        }
        rename(
            cx,
            a,
            format!("{path}.name"),
            "Data category",
            &x.name,
            &y.name,
        );
        let (kx, ky) = (Notice::kind_of(x), Notice::kind_of(y));
        if kx != ky {
            if ky == DataKind::Personal {
                cx.editorial(
                    a,
                    format!("{path}.kind"),
                    format!("{label} is no longer treated as {}.", kind_words(kx)),
                );
            } else {
                cx.material(
                    a,
                    format!("{path}.kind"),
                    format!(
                        "{label} is now treated as {} (it was {}).",
                        kind_words(ky),
                        kind_words(kx)
                    ),
                    format!("{} now {}", name(&y.name), kind_words(ky)),
                );
            }
        }
        list_retouched(
            cx,
            a,
            format!("{path}.examples"),
            &format!("Examples of data category {}", name(&y.name)),
            &x.examples,
            &y.examples,
        );
        let (added, removed) = list_change(&x.examples, &y.examples);
        // An example reworded ("email" → "email address") is not new data.
        let (reworded, added): (Vec<String>, Vec<String>) = added.into_iter().partition(|n| {
            removed.iter().any(|o| {
                let (lo, ln) = (loose(o), loose(n));
                lo.contains(&ln) || ln.contains(&lo)
            })
        });
        let removed: Vec<String> = removed
            .into_iter()
            .filter(|o| {
                !reworded.iter().any(|n| {
                    let (lo, ln) = (loose(o), loose(n));
                    lo.contains(&ln) || ln.contains(&lo)
                })
            })
            .collect();
        if !added.is_empty() {
            cx.material(
                a,
                format!("{path}.examples"),
                format!("{label} now also includes {}.", quoted(&added)),
                format!("{} now includes {}", name(&y.name), quoted(&added)),
            );
        }
        if !removed.is_empty() {
            cx.editorial(
                a,
                format!("{path}.examples"),
                format!("{label} no longer lists {}.", quoted(&removed)),
            );
        }
        if !reworded.is_empty() {
            cx.editorial(
                a,
                format!("{path}.examples"),
                format!("{label}: examples reworded ({}).", quoted(&reworded)),
            );
        }
        cx.text(
            a,
            &format!("{path}.note"),
            &format!("Note on data category {}", name(&y.name)),
            s(&x.note),
            s(&y.note),
        );
    }
    id_map(&p, |c| &c.id)
}

fn basis_words(b: LawfulBasis) -> &'static str {
    match b {
        LawfulBasis::Consent => "consent",
        LawfulBasis::Contract => "contract",
        LawfulBasis::LegalObligation => "legal obligation",
        LawfulBasis::VitalInterests => "vital interests",
        LawfulBasis::PublicTask => "public task",
        LawfulBasis::RecognisedLegitimateInterest => "recognised legitimate interest",
        LawfulBasis::LegitimateInterests => "legitimate interests",
    }
}

fn bases(list: &[Sp<LawfulBasis>]) -> BTreeSet<LawfulBasis> {
    list.iter().map(|b| b.value).collect()
}

fn bases_words(set: &BTreeSet<LawfulBasis>) -> String {
    if set.is_empty() {
        return "none".into();
    }
    and_list(
        &set.iter()
            .map(|b| basis_words(*b).to_owned())
            .collect::<Vec<_>>(),
    )
}

fn condition_words(c: Art9Condition) -> &'static str {
    match c {
        Art9Condition::ExplicitConsent => "explicit consent",
        Art9Condition::Employment => "employment law",
        Art9Condition::VitalInterests => "vital interests",
        Art9Condition::NotForProfit => "not-for-profit bodies",
        Art9Condition::MadePublic => "made public by the person",
        Art9Condition::LegalClaims => "legal claims",
        Art9Condition::SubstantialPublicInterest => "substantial public interest",
        Art9Condition::HealthOrSocialCare => "health or social care",
        Art9Condition::PublicHealth => "public health",
        Art9Condition::ArchivingResearchStatistics => "archiving, research or statistics",
    }
}

fn conditions(list: &[Sp<SpecialCondition>]) -> BTreeSet<(Art9Condition, String)> {
    list.iter()
        .map(|c| {
            (
                c.condition.value,
                c.schedule_1.as_ref().map_or(String::new(), |s| loose(s)),
            )
        })
        .collect()
}

fn conditions_words(list: &[Sp<SpecialCondition>]) -> String {
    if list.is_empty() {
        return "none".into();
    }
    and_list(
        &list
            .iter()
            .map(|c| match &c.schedule_1 {
                Some(p) => format!("{} ({})", condition_words(c.condition.value), norm(p)),
                None => condition_words(c.condition.value).to_owned(),
            })
            .collect::<Vec<_>>(),
    )
}

fn source_words(k: SourceKind) -> &'static str {
    match k {
        SourceKind::DataSubject => "the person the data is about",
        SourceKind::ThirdParty => "someone other than the person the data is about",
    }
}

fn sources(
    cx: &mut Cx,
    o: &Notice,
    n: &Notice,
    cats: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let a = Area::Sources;
    let p = pair(o.sources(), n.sources(), |x| Some(&x.id), |x| &x.name);
    for x in &p.added {
        cx.material(
            a,
            format!("sources[{}]", x.id.value),
            format!(
                "New source of personal data: {} ({}).",
                name(&x.name),
                source_words(x.kind.value)
            ),
            format!("new source {}", name(&x.name)),
        );
    }
    for x in &p.removed {
        cx.editorial(
            a,
            format!("sources[{}]", x.id.value),
            format!("Source removed: {}.", name(&x.name)),
        );
    }
    for (x, y) in &p.both {
        let path = format!("sources[{}]", y.id.value);
        let label = format!("Source {}", name(&y.name));
        rename(cx, a, format!("{path}.name"), "Source", &x.name, &y.name);
        if x.kind.value != y.kind.value {
            if y.kind.value == SourceKind::ThirdParty {
                cx.material(
                    a,
                    format!("{path}.kind"),
                    format!("{label} is now {}.", source_words(y.kind.value)),
                    format!("{} now a third-party source", name(&y.name)),
                );
            } else {
                cx.editorial(
                    a,
                    format!("{path}.kind"),
                    format!("{label} is now {}.", source_words(y.kind.value)),
                );
            }
        }
        let public = |v: &Option<Sp<bool>>| v.as_ref().is_some_and(|b| b.value);
        if !public(&x.publicly_accessible) && public(&y.publicly_accessible) {
            cx.material(
                a,
                format!("{path}.publicly_accessible"),
                format!("{label}: data now comes from publicly accessible sources."),
                format!("{} now publicly accessible", name(&y.name)),
            );
        } else if public(&x.publicly_accessible) != public(&y.publicly_accessible)
            || x.publicly_accessible.is_some() != y.publicly_accessible.is_some()
        {
            cx.editorial(
                a,
                format!("{path}.publicly_accessible"),
                format!("{label}: what the notice says about publicly accessible sources changed."),
            );
        }
        list_retouched(
            cx,
            a,
            format!("{path}.examples"),
            &format!("Examples of source {}", name(&y.name)),
            &x.examples,
            &y.examples,
        );
        let (added, removed) = list_change(&x.examples, &y.examples);
        let mut parts = Vec::new();
        if !added.is_empty() {
            parts.push(format!("added {}", quoted(&added)));
        }
        if !removed.is_empty() {
            parts.push(format!("removed {}", quoted(&removed)));
        }
        if !parts.is_empty() {
            cx.editorial(
                a,
                format!("{path}.examples"),
                format!("{label}: examples {}.", parts.join("; ")),
            );
        }
        refs_change(
            cx,
            a,
            &format!("{path}.data_categories"),
            &mapped(&x.data_categories, cats),
            &ids(&y.data_categories),
            |id| category_name(n, id),
            Refs {
                subject: &label,
                brief_subject: &name(&y.name),
                added: "now also provides",
                removed: "no longer provides",
            },
        );
        let (bx, by) = (bases(&x.lawful_basis), bases(&y.lawful_basis));
        if bx != by {
            cx.material(
                a,
                format!("{path}.lawful_basis"),
                format!(
                    "{label}: lawful basis changed from {} to {}.",
                    bases_words(&bx),
                    bases_words(&by)
                ),
                format!(
                    "lawful basis for data from {} now {}",
                    name(&y.name),
                    bases_words(&by)
                ),
            );
        }
        if conditions(&x.special_category_conditions) != conditions(&y.special_category_conditions)
        {
            cx.material(
                a,
                format!("{path}.special_category_conditions"),
                format!(
                    "{label}: special category conditions changed from {} to {}.",
                    conditions_words(&x.special_category_conditions),
                    conditions_words(&y.special_category_conditions)
                ),
                format!(
                    "special category conditions for data from {} changed",
                    name(&y.name)
                ),
            );
        }
        cx.text(
            a,
            &format!("{path}.note"),
            &format!("Note on source {}", name(&y.name)),
            s(&x.note),
            s(&y.note),
        );
    }
    id_map(&p, |x| &x.id)
}

fn category_name(n: &Notice, id: &str) -> String {
    n.category(id)
        .map_or_else(|| id.to_owned(), |c| name(&c.name))
}

/// References added (material) and removed (editorial), by name: "{subject} now also
/// uses …", "{subject} no longer uses …".
struct Refs<'a> {
    subject: &'a str,
    brief_subject: &'a str,
    added: &'a str,
    removed: &'a str,
}

fn refs_change(
    cx: &mut Cx,
    area: Area,
    path: &str,
    old: &BTreeSet<String>,
    new: &BTreeSet<String>,
    name_of: impl Fn(&str) -> String,
    words: Refs<'_>,
) {
    let added: Vec<String> = new.difference(old).map(|id| name_of(id)).collect();
    let removed: Vec<String> = old.difference(new).map(|id| name_of(id)).collect();
    if !added.is_empty() {
        let list = and_list(&added);
        cx.material(
            area,
            path,
            format!("{} {} {list}.", words.subject, words.added),
            format!("{} {} {list}", words.brief_subject, words.added),
        );
    }
    if !removed.is_empty() {
        cx.editorial(
            area,
            path,
            format!(
                "{} {} {}.",
                words.subject,
                words.removed,
                and_list(&removed)
            ),
        );
    }
}

/// Whether a place is in the UK (no location means the UK), as the transfer rules read it.
fn is_uk(place: Option<&str>) -> bool {
    place.is_none_or(crate::model::is_uk)
}

/// A country as it reads in a sentence: "the United States", "France".
fn place(s: &str) -> String {
    let p = norm(s);
    let needs_the = [
        "United ",
        "Republic of ",
        "Netherlands",
        "Philippines",
        "Czech Republic",
        "Bahamas",
        "Gambia",
        "Maldives",
    ]
    .iter()
    .any(|x| p.starts_with(x));
    if needs_the { format!("the {p}") } else { p }
}

fn role_words(r: Option<RecipientRole>) -> &'static str {
    match r.unwrap_or(RecipientRole::Controller) {
        RecipientRole::Controller => "a controller",
        RecipientRole::Processor => "a processor",
        RecipientRole::JointController => "a joint controller",
        RecipientRole::PublicAuthority => "a public authority",
    }
}

fn recipients(cx: &mut Cx, o: &Notice, n: &Notice) -> BTreeMap<String, String> {
    let a = Area::Recipients;
    let p = pair(o.recipients(), n.recipients(), |x| Some(&x.id), |x| &x.name);
    for x in &p.added {
        let loc = s(&x.location);
        let (abroad, brief_abroad) = if is_uk(loc) {
            (String::new(), String::new())
        } else {
            let at = place(loc.unwrap_or_default());
            (format!(", in {at} (outside the UK)"), format!(" in {at}"))
        };
        cx.material(
            a,
            format!("recipients[{}]", x.id.value),
            format!("New recipient: {}{abroad}.", name(&x.name)),
            format!("new recipient {}{brief_abroad}", name(&x.name)),
        );
    }
    for x in &p.removed {
        cx.editorial(
            a,
            format!("recipients[{}]", x.id.value),
            format!("Recipient removed: {}.", name(&x.name)),
        );
    }
    for (x, y) in &p.both {
        let path = format!("recipients[{}]", y.id.value);
        let label = format!("Recipient {}", name(&y.name));
        rename(cx, a, format!("{path}.name"), "Recipient", &x.name, &y.name);
        let (rx, ry) = (
            x.role.as_ref().map(|r| r.value),
            y.role.as_ref().map(|r| r.value),
        );
        if rx.unwrap_or(RecipientRole::Controller) != ry.unwrap_or(RecipientRole::Controller) {
            cx.editorial(
                a,
                format!("{path}.role"),
                format!(
                    "{label} is now {} (it was {}).",
                    role_words(ry),
                    role_words(rx)
                ),
            );
        }
        cx.text(
            a,
            &format!("{path}.category"),
            &format!("Grouping of recipient {}", name(&y.name)),
            s(&x.category),
            s(&y.category),
        );
        let (lx, ly) = (s(&x.location), s(&y.location));
        let (ux, uy) = (is_uk(lx), is_uk(ly));
        let at = |l: Option<&str>| l.map_or_else(|| "the UK".to_owned(), place);
        if !uy && (ux || loose(lx.unwrap_or_default()) != loose(ly.unwrap_or_default())) {
            cx.material(
                a,
                format!("{path}.location"),
                format!(
                    "{label} is now in {}, outside the UK (it was in {}).",
                    at(ly),
                    at(lx)
                ),
                format!("{} now in {}", name(&y.name), at(ly)),
            );
        } else {
            cx.text(
                a,
                &format!("{path}.location"),
                &format!("Location of recipient {}", name(&y.name)),
                lx,
                ly,
            );
        }
        cx.text(
            a,
            &format!("{path}.note"),
            &format!("Note on recipient {}", name(&y.name)),
            s(&x.note),
            s(&y.note),
        );
    }
    id_map(&p, |x| &x.id)
}

// ---------------------------------------------------------------------------------------
// Purposes.

fn purposes(cx: &mut Cx, o: &Notice, n: &Notice, ids_: &Ids) {
    let a = Area::Purposes;
    let p = pair(o.purposes(), n.purposes(), |x| Some(&x.id), |x| &x.name);
    for x in &p.added {
        let b = bases(&x.lawful_basis);
        let basis = if b.is_empty() {
            " (no lawful basis given)".to_owned()
        } else {
            format!(", on the lawful basis of {}", bases_words(&b))
        };
        cx.material(
            a,
            format!("purposes[{}]", x.id.value),
            format!("New purpose: {}{basis}.", name(&x.name)),
            format!("new purpose {}", name(&x.name)),
        );
    }
    for x in &p.removed {
        cx.editorial(
            a,
            format!("purposes[{}]", x.id.value),
            format!("Purpose removed: {}.", name(&x.name)),
        );
    }
    for (x, y) in &p.both {
        purpose(cx, o, n, x, y, ids_);
    }
}

fn purpose(cx: &mut Cx, o: &Notice, n: &Notice, x: &Purpose, y: &Purpose, ids_: &Ids) {
    let a = Area::Purposes;
    let path = format!("purposes[{}]", y.id.value);
    let label = format!("Purpose {}", name(&y.name));
    let p = |f: &str| format!("{path}.{f}");
    rename(cx, a, p("name"), "Purpose", &x.name, &y.name);
    cx.text(
        a,
        &p("description"),
        &format!("Description of purpose {}", name(&y.name)),
        s(&x.description),
        s(&y.description),
    );

    let (bx, by) = (bases(&x.lawful_basis), bases(&y.lawful_basis));
    if bx != by {
        cx.material(
            a,
            p("lawful_basis"),
            format!(
                "{label}: lawful basis changed from {} to {}.",
                bases_words(&bx),
                bases_words(&by)
            ),
            format!(
                "lawful basis for {} now {}",
                name(&y.name),
                bases_words(&by)
            ),
        );
    }
    list_retouched(
        cx,
        a,
        p("legislation"),
        &format!("Law cited for purpose {}", name(&y.name)),
        &x.legislation,
        &y.legislation,
    );
    let (added, removed) = list_change(&x.legislation, &y.legislation);
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("added {}", quoted(&added)));
    }
    if !removed.is_empty() {
        parts.push(format!("removed {}", quoted(&removed)));
    }
    if !parts.is_empty() {
        cx.editorial(
            a,
            p("legislation"),
            format!("{label}: law cited {}.", parts.join("; ")),
        );
    }
    cx.text(
        a,
        &p("legitimate_interests"),
        &format!("Legitimate interests of purpose {}", name(&y.name)),
        s(&x.legitimate_interests),
        s(&y.legitimate_interests),
    );
    let (rx, ry) = (
        s(&x.recognised_legitimate_interest),
        s(&y.recognised_legitimate_interest),
    );
    if rx.map(loose) != ry.map(loose) {
        cx.material(
            a,
            p("recognised_legitimate_interest"),
            format!(
                "{label}: recognised legitimate interest {}.",
                text_change(rx, ry).unwrap_or_else(|| "changed".into())
            ),
            format!(
                "recognised legitimate interest for {} changed",
                name(&y.name)
            ),
        );
    }
    if x.outside_public_tasks.as_ref().map(|b| b.value)
        != y.outside_public_tasks.as_ref().map(|b| b.value)
    {
        cx.editorial(
            a,
            p("outside_public_tasks"),
            format!("{label}: whether it is outside our public tasks changed."),
        );
    }
    if conditions(&x.special_category_conditions) != conditions(&y.special_category_conditions) {
        cx.material(
            a,
            p("special_category_conditions"),
            format!(
                "{label}: special category conditions changed from {} to {}.",
                conditions_words(&x.special_category_conditions),
                conditions_words(&y.special_category_conditions)
            ),
            format!("special category conditions for {} changed", name(&y.name)),
        );
    }
    for c in &y.special_category_conditions {
        if let Some(old) = x
            .special_category_conditions
            .iter()
            .find(|o| o.condition.value == c.condition.value)
        {
            cx.text(
                a,
                &p("special_category_conditions"),
                &format!(
                    "Note on the condition {} for purpose {}",
                    condition_words(c.condition.value),
                    name(&y.name)
                ),
                s(&old.note),
                s(&c.note),
            );
        }
    }
    let crim = |c: &Option<Sp<CriminalOffenceCondition>>| {
        c.as_ref().map(|c| {
            (
                s(&c.official_authority).map(loose),
                s(&c.schedule_1).map(loose),
            )
        })
    };
    if crim(&x.criminal_offence_condition) != crim(&y.criminal_offence_condition) {
        cx.material(
            a,
            p("criminal_offence_condition"),
            format!("{label}: the condition for criminal offence data changed."),
            format!(
                "criminal offence data condition for {} changed",
                name(&y.name)
            ),
        );
    }

    refs_change(
        cx,
        a,
        &p("data_categories"),
        &mapped(&x.data_categories, &ids_.cats),
        &ids(&y.data_categories),
        |id| category_name(n, id),
        Refs {
            subject: &label,
            brief_subject: &name(&y.name),
            added: "now also uses",
            removed: "no longer uses",
        },
    );
    refs_change(
        cx,
        a,
        &p("sources"),
        &mapped(&x.sources, &ids_.sources),
        &ids(&y.sources),
        |id| {
            n.source(id)
                .map_or_else(|| id.to_owned(), |s| name(&s.name))
        },
        Refs {
            subject: &label,
            brief_subject: &name(&y.name),
            added: "now also uses data from",
            removed: "no longer uses data from",
        },
    );
    refs_change(
        cx,
        a,
        &p("recipients"),
        &mapped(&x.recipients, &ids_.recipients),
        &ids(&y.recipients),
        |id| {
            n.recipient(id)
                .map_or_else(|| id.to_owned(), |r| name(&r.name))
        },
        Refs {
            subject: &label,
            brief_subject: &name(&y.name),
            added: "now also shares data with",
            removed: "no longer shares data with",
        },
    );
    refs_change(
        cx,
        a,
        &p("joint_controllers"),
        &mapped(&x.joint_controllers, &ids_.joint),
        &ids(&y.joint_controllers),
        |id| {
            n.file
                .joint_controllers
                .iter()
                .find(|j| j.id.value == id)
                .map_or_else(|| id.to_owned(), |j| name(&j.name))
        },
        Refs {
            subject: &label,
            brief_subject: &name(&y.name),
            added: "now also has the joint controller",
            removed: "no longer has the joint controller",
        },
    );

    // Retention: only where the purpose now points at another rule (a rule's own period
    // changing is reported under retention).
    let old_rule = x.retention.as_ref().map(|r| {
        ids_.rules
            .get(&r.value)
            .cloned()
            .unwrap_or_else(|| r.value.clone())
    });
    let new_rule = y.retention.as_ref().map(|r| r.value.clone());
    if old_rule != new_rule {
        let period = |notice: &Notice, rule: Option<&Sp<String>>| -> Option<String> {
            match rule {
                Some(id) => notice.retention_rule(id).map(|r| r.period.value.clone()),
                None => notice
                    .file
                    .retention
                    .as_ref()
                    .and_then(|r| s(&r.default).map(str::to_owned)),
            }
        };
        let (px, py) = (
            period(o, x.retention.as_ref()),
            period(n, y.retention.as_ref()),
        );
        period_change(
            cx,
            p("retention"),
            &format!("Retention period for purpose {}", name(&y.name)),
            &format!("data for {}", name(&y.name)),
            px.as_deref(),
            py.as_deref(),
        );
    }

    let flag = |v: &Option<Sp<bool>>| v.as_ref().is_some_and(|b| b.value);
    if !flag(&x.direct_marketing) && flag(&y.direct_marketing) {
        cx.material(
            a,
            p("direct_marketing"),
            format!("{label} is now direct marketing."),
            format!("{} now direct marketing", name(&y.name)),
        );
    } else if flag(&x.direct_marketing) && !flag(&y.direct_marketing) {
        cx.editorial(
            a,
            p("direct_marketing"),
            format!("{label} is no longer direct marketing."),
        );
    }
    let auto = |v: &Option<Sp<bool>>| v.as_ref().is_none_or(|b| b.value);
    if auto(&x.automated_means) != auto(&y.automated_means) {
        cx.editorial(
            a,
            p("automated_means"),
            format!("{label}: whether it is done by automated means changed."),
        );
    }
    cx.text(
        a,
        &p("withdraw_consent"),
        &format!("How to withdraw consent for purpose {}", name(&y.name)),
        s(&x.withdraw_consent),
        s(&y.withdraw_consent),
    );
}

// ---------------------------------------------------------------------------------------
// Transfers, retention, automated decisions.

fn safeguard_words(s: Safeguard) -> &'static str {
    match s {
        Safeguard::AdequacyRegulations => "UK adequacy regulations",
        Safeguard::Idta => "the International Data Transfer Agreement",
        Safeguard::UkAddendum => "the UK Addendum to the EU standard contractual clauses",
        Safeguard::BindingCorporateRules => "binding corporate rules",
        Safeguard::OtherSafeguards => "other appropriate safeguards",
        Safeguard::Derogation => "a derogation for a specific situation",
    }
}

fn transfers(cx: &mut Cx, o: &Notice, n: &Notice, recipients: &BTreeMap<String, String>) {
    let a = Area::Transfers;
    let (ot, nt) = (
        o.file.transfers.as_ref().map(|t| &t.value),
        n.file.transfers.as_ref().map(|t| &t.value),
    );
    let out = |t: Option<&Transfers>| t.is_some_and(|t| t.outside_uk.value);
    if !out(ot) && out(nt) {
        cx.material(
            a,
            "transfers.outside_uk",
            "Personal data now goes outside the UK.".into(),
            "personal data now goes outside the UK".into(),
        );
    } else if out(ot) && !out(nt) {
        cx.editorial(
            a,
            "transfers.outside_uk",
            "The notice now says no personal data goes outside the UK.".into(),
        );
    } else if ot.is_none() && nt.is_some() {
        cx.editorial(
            a,
            "transfers",
            "The notice now says that no personal data goes outside the UK.".into(),
        );
    } else if ot.is_some() && nt.is_none() {
        cx.editorial(
            a,
            "transfers",
            "The notice no longer says whether personal data goes outside the UK.".into(),
        );
    }
    let none = Vec::new();
    let p = pair(
        ot.map_or(&none, |t| &t.destinations),
        nt.map_or(&none, |t| &t.destinations),
        |_| None,
        |d| &d.destination,
    );
    for d in &p.added {
        cx.material(
            a,
            "transfers.destinations",
            format!(
                "New transfer outside the UK: to {}, relying on {}.",
                place(&d.destination),
                safeguard_words(d.safeguard.value)
            ),
            format!("new transfer to {}", place(&d.destination)),
        );
    }
    for d in &p.removed {
        cx.editorial(
            a,
            "transfers.destinations",
            format!("Transfer to {} removed.", place(&d.destination)),
        );
    }
    for (x, y) in &p.both {
        let label = format!("Transfer to {}", place(&y.destination));
        if x.safeguard.value != y.safeguard.value {
            cx.material(
                a,
                "transfers.destinations",
                format!(
                    "{label} now relies on {} (it relied on {}).",
                    safeguard_words(y.safeguard.value),
                    safeguard_words(x.safeguard.value)
                ),
                format!(
                    "transfer to {} now relies on {}",
                    place(&y.destination),
                    safeguard_words(y.safeguard.value)
                ),
            );
        }
        refs_change(
            cx,
            a,
            "transfers.destinations",
            &mapped(&x.recipients, recipients),
            &ids(&y.recipients),
            |id| {
                n.recipient(id)
                    .map_or_else(|| id.to_owned(), |r| name(&r.name))
            },
            Refs {
                subject: &label,
                brief_subject: &format!("transfer to {}", place(&y.destination)),
                added: "now also goes to",
                removed: "no longer goes to",
            },
        );
        cx.text(
            a,
            "transfers.destinations",
            &format!(
                "Where to get a copy of the safeguards for the transfer to {}",
                place(&y.destination)
            ),
            s(&x.copy_from),
            s(&y.copy_from),
        );
    }
    cx.text(
        a,
        "transfers.statement",
        "Statement on transfers",
        ot.and_then(|t| s(&t.statement)),
        nt.and_then(|t| s(&t.statement)),
    );
}

/// A retention period changed: material if longer, or if it cannot be told.
fn period_change(
    cx: &mut Cx,
    path: String,
    label: &str,
    subject: &str,
    old: Option<&str>,
    new: Option<&str>,
) {
    let a = Area::Retention;
    match (old, new) {
        (None, None) => {}
        (None, Some(y)) => cx.material(
            a,
            path,
            format!(
                "{label} is now given as {}; it was not given before, so it may be longer (counted as material to be safe).",
                quote(y)
            ),
            format!("{subject} now kept for {}", quote(y)),
        ),
        (Some(x), None) => cx.material(
            a,
            path,
            format!(
                "{label} is no longer given (it was {}); counted as material to be safe.",
                quote(x)
            ),
            format!("retention period for {subject} no longer given"),
        ),
        (Some(x), Some(y)) => match compare_periods(x, y) {
            PeriodChange::Same if norm(x) == norm(y) => {}
            PeriodChange::Same => cx.editorial(
                a,
                path,
                format!(
                    "{label} reworded from {} to {} (the same period).",
                    quote(x),
                    quote(y)
                ),
            ),
            PeriodChange::Punctuation => cx.editorial(
                a,
                path,
                format!("{label}: punctuation or capitals changed."),
            ),
            PeriodChange::Shorter => cx.editorial(
                a,
                path,
                format!("{label} is shorter: {} (it was {}).", quote(y), quote(x)),
            ),
            PeriodChange::Longer => cx.material(
                a,
                path,
                format!("{label} is longer: {} (it was {}).", quote(y), quote(x)),
                format!("{subject} kept longer ({} → {})", norm(x), norm(y)),
            ),
            PeriodChange::Unclear => cx.material(
                a,
                path,
                format!(
                    "{label} changed from {} to {}; it cannot be told whether this is longer, so it counts as material.",
                    quote(x),
                    quote(y)
                ),
                format!("retention of {subject} changed ({} → {})", norm(x), norm(y)),
            ),
        },
    }
}

fn retention(cx: &mut Cx, o: &Notice, n: &Notice) -> BTreeMap<String, String> {
    let a = Area::Retention;
    let (or, nr) = (
        o.file.retention.as_ref().map(|r| &r.value),
        n.file.retention.as_ref().map(|r| &r.value),
    );
    let (dx, dy) = (
        or.and_then(|r| s(&r.default)),
        nr.and_then(|r| s(&r.default)),
    );
    period_change(
        cx,
        "retention.default".into(),
        "The default retention period",
        "personal data by default",
        dx,
        dy,
    );
    let (cx_, cy) = (
        or.and_then(|r| s(&r.criteria)),
        nr.and_then(|r| s(&r.criteria)),
    );
    if let Some(d) = text_change(cx_, cy) {
        if cx_.map(loose) == cy.map(loose) {
            cx.editorial(a, "retention.criteria", format!("Retention criteria {d}."));
        } else {
            cx.material(
                a,
                "retention.criteria",
                format!(
                    "Retention criteria {d}; it cannot be told whether data is kept longer, so this counts as material."
                ),
                "retention criteria changed".into(),
            );
        }
    }
    let none = Vec::new();
    let p = pair(
        or.map_or(&none, |r| &r.rules),
        nr.map_or(&none, |r| &r.rules),
        |r| Some(&r.id),
        |r| &r.records,
    );
    for r in &p.added {
        let path = format!("retention.rules[{}]", r.id.value);
        let shorter = dx.is_some_and(|d| {
            matches!(
                compare_periods(d, &r.period),
                PeriodChange::Shorter | PeriodChange::Same
            )
        });
        if shorter {
            cx.editorial(
                a,
                path,
                format!(
                    "New retention period for {}: {}, no longer than the default.",
                    name(&r.records),
                    quote(&r.period)
                ),
            );
        } else {
            cx.material(
                a,
                path,
                format!(
                    "New retention period for {}: {}; it may be longer than before, so it counts as material.",
                    name(&r.records),
                    quote(&r.period)
                ),
                format!(
                    "{} now kept for {}",
                    name(&r.records),
                    quote(&r.period)
                ),
            );
        }
    }
    for r in &p.removed {
        let path = format!("retention.rules[{}]", r.id.value);
        let not_longer = dy.is_some_and(|d| {
            matches!(
                compare_periods(&r.period, d),
                PeriodChange::Shorter | PeriodChange::Same
            )
        });
        let default = dy.map_or_else(|| "none given".to_owned(), quote);
        if not_longer {
            cx.editorial(
                a,
                path,
                format!(
                    "Retention period for {} removed; the default ({default}) is no longer.",
                    name(&r.records)
                ),
            );
        } else {
            cx.material(
                a,
                path,
                format!(
                    "Retention period for {} removed (it was {}); the default ({default}) may be longer, so this counts as material.",
                    name(&r.records),
                    quote(&r.period)
                ),
                format!("retention of {} changed", name(&r.records)),
            );
        }
    }
    for (x, y) in &p.both {
        let path = format!("retention.rules[{}]", y.id.value);
        if describe(&x.records, &y.records).is_some() {
            cx.editorial(
                a,
                format!("{path}.records"),
                format!(
                    "Retention rule for {} now covers {}.",
                    name(&x.records),
                    name(&y.records)
                ),
            );
        }
        period_change(
            cx,
            format!("{path}.period"),
            &format!("Retention of {}", name(&y.records)),
            &name(&y.records),
            Some(&x.period),
            Some(&y.period),
        );
    }
    let (px, py) = (
        or.and_then(|r| r.policy.as_ref()),
        nr.and_then(|r| r.policy.as_ref()),
    );
    cx.text(
        a,
        "retention.policy.title",
        "Retention policy",
        px.map(|p| p.title.as_str()),
        py.map(|p| p.title.as_str()),
    );
    cx.text(
        a,
        "retention.policy.url",
        "Web address of the retention policy",
        px.and_then(|p| s(&p.url)),
        py.and_then(|p| s(&p.url)),
    );
    cx.text(
        a,
        "retention.statement",
        "Statement on retention",
        or.and_then(|r| s(&r.statement)),
        nr.and_then(|r| s(&r.statement)),
    );
    id_map(&p, |r| &r.id)
}

fn automated(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::AutomatedDecisions;
    let (ox, nx) = (
        o.file.automated_decision_making.as_ref().map(|x| &x.value),
        n.file.automated_decision_making.as_ref().map(|x| &x.value),
    );
    let used = |x: Option<&AutomatedDecisions>| x.is_some_and(|x| x.used.value);
    if !used(ox) && used(nx) {
        cx.material(
            a,
            "automated_decision_making.used",
            "Decisions are now made about people by automated means.".into(),
            "automated decision-making now used".into(),
        );
    } else if used(ox) && !used(nx) {
        cx.editorial(
            a,
            "automated_decision_making.used",
            "The notice now says no automated decisions are made.".into(),
        );
    }
    let none = Vec::new();
    let p = pair(
        ox.map_or(&none, |x| &x.decisions),
        nx.map_or(&none, |x| &x.decisions),
        |_| None,
        |d| &d.description,
    );
    for d in &p.added {
        cx.material(
            a,
            "automated_decision_making.decisions",
            format!("New automated decision: {}.", quote(&d.description)),
            format!("new automated decision {}", quote(&d.description)),
        );
    }
    for d in &p.removed {
        cx.editorial(
            a,
            "automated_decision_making.decisions",
            format!("Automated decision removed: {}.", quote(&d.description)),
        );
    }
    for (x, y) in &p.both {
        let label = format!("Automated decision {}", quote(&y.description));
        let path = "automated_decision_making.decisions";
        cx.text(
            a,
            path,
            &format!("Logic of automated decision {}", quote(&y.description)),
            s(&x.logic),
            s(&y.logic),
        );
        cx.text(
            a,
            path,
            &format!(
                "Significance of automated decision {}",
                quote(&y.description)
            ),
            s(&x.significance),
            s(&y.significance),
        );
        match (s(&x.safeguards), s(&y.safeguards)) {
            (Some(old), None) => cx.material(
                a,
                path,
                format!("{label}: safeguards removed (they were {}).", quote(old)),
                format!("safeguards for {} removed", quote(&y.description)),
            ),
            (old, new) => cx.text(
                a,
                path,
                &format!(
                    "Safeguards for automated decision {}",
                    quote(&y.description)
                ),
                old,
                new,
            ),
        }
    }
    cx.text(
        a,
        "automated_decision_making.statement",
        "Statement on automated decisions",
        ox.and_then(|x| s(&x.statement)),
        nx.and_then(|x| s(&x.statement)),
    );
}

// ---------------------------------------------------------------------------------------
// The rest: editorial.

fn requirement_words(r: Requirement) -> &'static str {
    match r {
        Requirement::Voluntary => "voluntary",
        Requirement::Statutory => "a statutory requirement",
        Requirement::Contractual => "a contractual requirement",
        Requirement::PreContract => "needed to enter into a contract",
        Requirement::Varies => "depends on the purpose",
    }
}

fn provision(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::ProvisionRequirement;
    let (ox, nx) = (
        o.file.provision_requirement.as_ref().map(|x| &x.value),
        n.file.provision_requirement.as_ref().map(|x| &x.value),
    );
    let req = |x: Option<&ProvisionRequirement>| {
        x.and_then(|x| x.requirement.as_ref())
            .map(|r| requirement_words(r.value))
    };
    cx.text(
        a,
        "provision_requirement.requirement",
        "Whether giving personal data is required",
        req(ox),
        req(nx),
    );
    cx.text(
        a,
        "provision_requirement.consequences",
        "What happens if you do not give your data",
        ox.and_then(|x| s(&x.consequences)),
        nx.and_then(|x| s(&x.consequences)),
    );
    cx.text(
        a,
        "provision_requirement.statement",
        "Statement on giving your data",
        ox.and_then(|x| s(&x.statement)),
        nx.and_then(|x| s(&x.statement)),
    );
}

fn rights(cx: &mut Cx, o: &Notice, n: &Notice) {
    let a = Area::Rights;
    let (ox, nx) = (
        o.file.rights.as_ref().map(|x| &x.value),
        n.file.rights.as_ref().map(|x| &x.value),
    );
    let texts: [(&str, &str, Field<Rights>); 4] = [
        ("rights.statement", "Introduction to your rights", |r| {
            &r.statement
        }),
        ("rights.how_to_exercise", "How to make a request", |r| {
            &r.how_to_exercise
        }),
        ("rights.identity_check", "Identity checks", |r| {
            &r.identity_check
        }),
        ("rights.response_time", "Response time", |r| {
            &r.response_time
        }),
    ];
    for (path, label, f) in texts {
        cx.text(
            a,
            path,
            label,
            ox.and_then(|r| s(f(r))),
            nx.and_then(|r| s(f(r))),
        );
    }
    let details: [(&str, &str, Field<RightDetails>); 9] = [
        ("access", "the right of access", |d| &d.access),
        ("rectification", "the right to rectification", |d| {
            &d.rectification
        }),
        ("erasure", "the right to erasure", |d| &d.erasure),
        ("restriction", "the right to restriction", |d| {
            &d.restriction
        }),
        ("portability", "the right to data portability", |d| {
            &d.portability
        }),
        ("object", "the right to object", |d| &d.object),
        (
            "automated_decisions",
            "rights about automated decisions",
            |d| &d.automated_decisions,
        ),
        ("withdraw_consent", "withdrawing consent", |d| {
            &d.withdraw_consent
        }),
        ("informed", "the right to be informed", |d| &d.informed),
    ];
    let (dx, dy) = (
        ox.and_then(|r| r.details.as_deref()),
        nx.and_then(|r| r.details.as_deref()),
    );
    for (key, words, f) in details {
        cx.text(
            a,
            &format!("rights.details.{key}"),
            &format!("What we say about {words}"),
            dx.and_then(|d| s(f(d))),
            dy.and_then(|d| s(f(d))),
        );
    }
    let none = Vec::new();
    let p = pair(
        ox.map_or(&none, |r| &r.forms),
        nx.map_or(&none, |r| &r.forms),
        |_| None,
        |f| &f.title,
    );
    for f in &p.added {
        cx.editorial(
            a,
            "rights.forms",
            format!("Request form added: {}.", name(&f.title)),
        );
    }
    for f in &p.removed {
        cx.editorial(
            a,
            "rights.forms",
            format!("Request form removed: {}.", name(&f.title)),
        );
    }
    for (x, y) in &p.both {
        cx.text(
            a,
            "rights.forms",
            &format!("Web address of request form {}", name(&y.title)),
            s(&x.url),
            s(&y.url),
        );
    }
    cx.contact(
        "requests about your rights",
        "rights.contact",
        ox.and_then(|r| r.contact.as_deref()),
        nx.and_then(|r| r.contact.as_deref()),
    );
}

fn complaints(cx: &mut Cx, o: &Notice, n: &Notice) {
    let (ox, nx) = (
        o.file.complaints.as_ref().map(|x| &x.value),
        n.file.complaints.as_ref().map(|x| &x.value),
    );
    cx.text(
        Area::Complaints,
        "complaints.statement",
        "What we say about complaints",
        ox.and_then(|c| s(&c.statement)),
        nx.and_then(|c| s(&c.statement)),
    );
    cx.contact(
        "complaints to the office",
        "complaints.controller",
        ox.and_then(|c| c.controller.as_deref()),
        nx.and_then(|c| c.controller.as_deref()),
    );
    cx.contact(
        "the regulator",
        "complaints.regulator",
        ox.and_then(|c| c.regulator.as_deref()),
        nx.and_then(|c| c.regulator.as_deref()),
    );
}

fn policy_document(cx: &mut Cx, o: &Notice, n: &Notice) {
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

fn sections(cx: &mut Cx, o: &Notice, n: &Notice) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn notice(name: &str, yaml: &str) -> Notice {
        let src = SourceFile::from_text(name, yaml);
        let file = crate::parse::parse(&src).unwrap_or_else(|d| panic!("{d:#?}"));
        crate::model::lower(file, &src).unwrap_or_else(|d| panic!("{d:#?}"))
    }

    const OLD: &str = r#"
notice: {title: Privacy notice}
controller: {name: The Police and Crime Commissioner for Somewhere}
data_categories:
  - {id: contact, name: Contact details, examples: [name, email]}
sources:
  - {id: you, name: You, kind: data_subject}
recipients:
  - {id: police, name: Somewhere Police}
purposes:
  - id: complaints
    name: To deal with complaints
    lawful_basis: [public_task]
    data_categories: [contact]
    recipients: [police]
    retention: complaints
retention:
  default: 4 years from last contact
  rules:
    - {id: complaints, records: Complaint files, period: 6 years after closure}
automated_decision_making:
  used: true
  decisions:
    - description: Triage of complaints
      safeguards: Ask for a person to review it.
"#;

    fn classes(c: &Comparison) -> Vec<(Class, &str)> {
        c.changes
            .iter()
            .map(|c| (c.class, c.summary.as_str()))
            .collect()
    }

    #[test]
    fn the_same_notice_has_no_changes() {
        let c = compare(&notice("a.yaml", OLD), &notice("b.yaml", OLD));
        assert!(c.changes.is_empty(), "{:#?}", c.changes);
        assert_eq!(c.old.file, "a.yaml");
    }

    #[test]
    fn entries_renamed_by_id_are_matched_by_name() {
        let new = OLD
            .replace("id: contact,", "id: contact-details,")
            .replace("[contact]", "[contact-details]");
        let c = compare(&notice("a.yaml", OLD), &notice("b.yaml", &new));
        assert_eq!(c.count(Class::Material), 0, "{:#?}", classes(&c));
        assert_eq!(c.changes.len(), 1, "{:#?}", classes(&c));
        assert!(
            c.changes[0]
                .summary
                .contains("id changed from contact to contact-details")
        );
    }

    #[test]
    fn material_and_editorial_are_told_apart() {
        let new = OLD
            .replace(
                "The Police and Crime Commissioner for Somewhere",
                "The Police Fire and Crime Commissioner for Somewhere",
            )
            .replace("[name, email]", "[name, email, date of birth]")
            .replace("kind: data_subject", "kind: third_party")
            .replace("6 years after closure", "6 years after the last entry")
            .replace("      safeguards: Ask for a person to review it.\n", "")
            .replace("4 years from last contact", "3 years from last contact")
            .replace("    recipients: [police]\n", "");
        let c = compare(&notice("a.yaml", OLD), &notice("b.yaml", &new));
        let all = classes(&c);
        let find = |needle: &str| {
            all.iter()
                .find(|(_, s)| s.contains(needle))
                .unwrap_or_else(|| panic!("no change mentions {needle:?}: {all:#?}"))
                .0
        };
        assert_eq!(find("The controller is now"), Class::Material);
        assert_eq!(find("now also includes “date of birth”"), Class::Material);
        assert_eq!(
            find("is now someone other than the person"),
            Class::Material
        );
        assert_eq!(
            find("cannot be told whether this is longer"),
            Class::Material,
            "a changed starting point may be longer"
        );
        assert_eq!(find("safeguards removed"), Class::Material);
        assert_eq!(
            find("The default retention period is shorter"),
            Class::Editorial
        );
        assert_eq!(find("no longer shares data with"), Class::Editorial);
        assert_eq!(c.count(Class::Material), 5, "{all:#?}");
        assert_eq!(c.count(Class::Editorial), 2, "{all:#?}");
    }

    #[test]
    fn a_purpose_pointing_at_a_longer_rule_is_material() {
        let new = OLD.replace(
            "    - {id: complaints, records: Complaint files, period: 6 years after closure}\n",
            "    - {id: complaints, records: Complaint files, period: 6 years after closure}\n    - {id: long, records: Serious complaints, period: 10 years after closure}\n",
        )
        .replace("retention: complaints", "retention: long");
        let c = compare(&notice("a.yaml", OLD), &notice("b.yaml", &new));
        let all = classes(&c);
        assert!(
            all.iter().any(|(k, s)| *k == Class::Material
                && s.starts_with(
                    "Retention period for purpose “To deal with complaints” is longer"
                )),
            "{all:#?}"
        );
    }
}
