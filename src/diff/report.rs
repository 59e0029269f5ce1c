//! Collecting changes: the sentence rules every comparer shares, and contact changes
//! merged so one change to a shared contact is said once.

use super::change::{Area, Change, Class};
use super::identity::contact_change;
use super::text::{describe, quote};
use crate::model::Notice;
use crate::model::schema::{Contact, NoticeFile};
use crate::source::Sp;

/// How an entry found in only one version of a list is reported.
pub(super) enum Report {
    /// People must be told: the sentence, and a phrase for the change log.
    Material(String, String),
    /// Editorial: the sentence.
    Editorial(String),
}

/// Changes found so far, and contact changes waiting to be merged.
#[derive(Default)]
pub(super) struct Cx {
    pub(super) changes: Vec<Change>,
    /// (who, path, what changed): the same change to several contacts (one YAML anchor
    /// used for the controller, the DPO and complaints) is reported once.
    pub(super) contacts: Vec<(String, String, String)>,
}

impl Cx {
    pub(super) fn material(
        &mut self,
        area: Area,
        path: impl Into<String>,
        summary: String,
        brief: String,
    ) {
        self.changes.push(Change {
            class: Class::Material,
            area,
            path: path.into(),
            summary: end_sentence(summary),
            brief: Some(brief),
        });
    }

    /// A flag turned on (material: the sentence and the change-log phrase `on`) or off
    /// (editorial: the sentence `off`); whether it changed.
    pub(super) fn switch(
        &mut self,
        (area, path): (Area, &str),
        (was, now): (bool, bool),
        (on, brief): (&str, &str),
        off: &str,
    ) -> bool {
        if !was && now {
            self.material(area, path, on.to_owned(), brief.to_owned());
        } else if was && !now {
            self.editorial(area, path, off.to_owned());
        }
        was != now
    }

    /// A change to a list, as [`Report`] says.
    pub(super) fn report(&mut self, area: Area, path: String, report: Report) {
        match report {
            Report::Material(summary, brief) => self.material(area, path, summary, brief),
            Report::Editorial(summary) => self.editorial(area, path, summary),
        }
    }

    /// Free-text fields of the block at `block` (absent in either version), each compared
    /// as [`Cx::text`]: (field, label, the field's value).
    pub(super) fn texts<T>(
        &mut self,
        (area, block): (Area, &str),
        old: Option<&T>,
        new: Option<&T>,
        fields: &[(&str, impl AsRef<str>, Field<T>)],
    ) {
        for (field, label, f) in fields {
            let (x, y) = (old.and_then(|b| s(f(b))), new.and_then(|b| s(f(b))));
            self.text(area, &format!("{block}.{field}"), label.as_ref(), x, y);
        }
    }

    pub(super) fn editorial(&mut self, area: Area, path: impl Into<String>, summary: String) {
        self.changes.push(Change {
            class: Class::Editorial,
            area,
            path: path.into(),
            summary: end_sentence(summary),
            brief: None,
        });
    }

    /// A free-text field whose changes are editorial; `label` starts the sentence.
    pub(super) fn text(
        &mut self,
        area: Area,
        path: &str,
        label: &str,
        old: Option<&str>,
        new: Option<&str>,
    ) {
        if let Some(d) = text_change(old, new) {
            let sep = if d.starts_with("punctuation") {
                ": "
            } else {
                " "
            };
            self.editorial(area, path, format!("{label}{sep}{d}."));
        }
    }

    pub(super) fn contact(
        &mut self,
        who: &str,
        path: &str,
        old: Option<&Contact>,
        new: Option<&Contact>,
    ) {
        if let Some(d) = contact_change(old, new) {
            self.contacts.push((who.to_owned(), path.to_owned(), d));
        }
    }

    pub(super) fn finish(mut self) -> Vec<Change> {
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
pub(super) fn end_sentence(mut s: String) -> String {
    for end in [".”.", "…”.", "?”.", "!”."] {
        if s.ends_with(end) {
            s.pop();
            break;
        }
    }
    s
}

/// "a", "a and b", "a, b and c".
pub(super) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub(super) fn text_change(old: Option<&str>, new: Option<&str>) -> Option<String> {
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
pub(super) type Field<T> = fn(&T) -> &Option<Sp<String>>;

pub(super) fn s(v: &Option<Sp<String>>) -> Option<&str> {
    v.as_ref().map(|x| x.value.as_str())
}

/// One optional block of both versions, e.g. `|f| &f.complaints`.
pub(super) fn blocks<'a, T>(
    o: &'a Notice,
    n: &'a Notice,
    block: fn(&NoticeFile) -> &Option<Sp<T>>,
) -> (Option<&'a T>, Option<&'a T>) {
    let get = |x: &'a Notice| block(&x.file).as_ref().map(|b| &b.value);
    (get(o), get(n))
}

/// One field of a block of both versions (absent where the block is).
pub(super) fn field<'a, T, U: ?Sized>(
    old: Option<&'a T>,
    new: Option<&'a T>,
    f: impl Fn(&'a T) -> Option<&'a U>,
) -> (Option<&'a U>, Option<&'a U>) {
    (old.and_then(&f), new.and_then(&f))
}
