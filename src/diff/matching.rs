//! Matching the entries of two versions of a list, and comparing lists of references
//! and short values.

use std::collections::{BTreeMap, BTreeSet};

use super::change::Area;
use super::report::{Cx, and_list};
use super::text::{loose, name, norm};
use crate::model::Notice;
use crate::source::Sp;

// ---------------------------------------------------------------------------------------
// Matching list entries.

/// Entries of two versions of a list, matched.
pub(super) struct Pairs<'a, T> {
    pub(super) both: Vec<(&'a T, &'a T)>,
    pub(super) removed: Vec<&'a T>,
    pub(super) added: Vec<&'a T>,
}

/// Match entries by key (an id) and, failing that, by name.
pub(super) fn pair<'a, T>(
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
pub(super) fn id_map<T>(p: &Pairs<'_, T>, id: impl Fn(&T) -> &str) -> BTreeMap<String, String> {
    p.both
        .iter()
        .map(|(o, n)| (id(o).to_owned(), id(n).to_owned()))
        .collect()
}

/// Old references translated into the new version's ids.
pub(super) fn mapped(refs: &[Sp<String>], map: &BTreeMap<String, String>) -> BTreeSet<String> {
    refs.iter()
        .map(|r| {
            map.get(&r.value)
                .cloned()
                .unwrap_or_else(|| r.value.clone())
        })
        .collect()
}

pub(super) fn ids(refs: &[Sp<String>]) -> BTreeSet<String> {
    refs.iter().map(|r| r.value.clone()).collect()
}

/// The id maps of the lists other parts refer to.
pub(super) struct Ids {
    pub(super) cats: BTreeMap<String, String>,
    pub(super) sources: BTreeMap<String, String>,
    pub(super) recipients: BTreeMap<String, String>,
    pub(super) rules: BTreeMap<String, String>,
    pub(super) joint: BTreeMap<String, String>,
}

/// A rename of a list entry: editorial.
pub(super) fn rename(cx: &mut Cx, area: Area, path: String, kind: &str, old: &str, new: &str) {
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
pub(super) fn list_change(old: &[Sp<String>], new: &[Sp<String>]) -> (Vec<String>, Vec<String>) {
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
pub(super) fn list_retouched(
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

pub(super) fn quoted(items: &[String]) -> String {
    and_list(&items.iter().map(|i| name(i)).collect::<Vec<_>>())
}

pub(super) fn category_name(n: &Notice, id: &str) -> String {
    n.category(id)
        .map_or_else(|| id.to_owned(), |c| name(&c.name))
}

/// References added (material) and removed (editorial), by name: "{subject} now also
/// uses …", "{subject} no longer uses …".
pub(super) struct Refs<'a> {
    pub(super) subject: &'a str,
    pub(super) brief_subject: &'a str,
    pub(super) added: &'a str,
    pub(super) removed: &'a str,
}

pub(super) fn refs_change(
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
