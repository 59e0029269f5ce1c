//! Collecting changes: the sentence rules every comparer shares, and contact changes
//! merged so one change to a shared contact is said once.

use super::change::{Area, Change, Class};
use super::identity::contact_change;
use super::text::{describe, quote};
use crate::model::schema::Contact;
use crate::source::Sp;

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

pub(super) fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
