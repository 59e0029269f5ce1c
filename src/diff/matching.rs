//! Matching the entries of two versions of a list, and the one list comparison every
//! comparer uses: [`List::compare`] matches entries by id and then by name, and reports each
//! entry added, removed, renamed or changed. Also lists of references and of short values.

use std::collections::{BTreeMap, BTreeSet};

use super::change::Area;
use super::report::{Cx, Report, and_list};
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

/// One list of the notice, as the generic comparison sees it.
pub(super) struct List<'a, T> {
    /// Where in the notice the list is.
    area: Area,
    /// The list's path; for entries with ids, an entry is at `{path}[{id}]`.
    path: &'static str,
    /// The older version's entries.
    old: &'a [Sp<T>],
    /// The newer version's entries.
    new: &'a [Sp<T>],
    /// An entry's name, matched loosely where keys do not match.
    name: fn(&T) -> &str,
    /// An entry's key (its id), matched first.
    key: Option<fn(&T) -> &str>,
    /// Whether an entry's path names its key.
    key_in_path: bool,
    /// For lists whose renames are reported: the field holding the name, and what an entry
    /// is called in a sentence (`("name", "Purpose")`).
    renamed: Option<(&'static str, &'static str)>,
}

/// The entries of a list in an optional block, or none.
pub(super) fn entries<B, T>(block: Option<&B>, list: fn(&B) -> &Vec<Sp<T>>) -> &[Sp<T>] {
    block.map_or(&[], |b| list(b).as_slice())
}

impl<'a, T> List<'a, T> {
    /// A list at `path`, its entries matched by name.
    pub(super) fn new(
        area: Area,
        path: &'static str,
        (old, new): (&'a [Sp<T>], &'a [Sp<T>]),
        name: fn(&T) -> &str,
    ) -> Self {
        List {
            area,
            path,
            old,
            new,
            name,
            key: None,
            key_in_path: false,
            renamed: None,
        }
    }

    /// Entries with ids: matched by id first, each at `{path}[{id}]`.
    pub(super) fn ids(self, id: fn(&T) -> &str) -> Self {
        List {
            key: Some(id),
            key_in_path: true,
            ..self
        }
    }

    /// Entries matched by `key` first (the path stays the list's).
    pub(super) fn keyed(self, key: fn(&T) -> &str) -> Self {
        List {
            key: Some(key),
            ..self
        }
    }

    /// Renames are reported: `field` holds the name, and an entry is called `noun`.
    pub(super) fn renamed(self, field: &'static str, noun: &'static str) -> Self {
        List {
            renamed: Some((field, noun)),
            ..self
        }
    }

    fn path_of(&self, x: &T) -> String {
        match self.key {
            Some(key) if self.key_in_path => format!("{}[{}]", self.path, key(x)),
            _ => self.path.to_owned(),
        }
    }

    /// Match the entries and report every difference: `added` and `removed` say how an entry
    /// found in only one version is reported; a rename is reported as [`List::renamed`]
    /// says; `changed` compares the fields of a matched pair, given the entry's path.
    /// Returns the matches, for the id maps of lists other parts refer to.
    pub(super) fn compare(
        self,
        cx: &mut Cx,
        added: impl Fn(&T) -> Report,
        removed: impl Fn(&T) -> Report,
        mut changed: impl FnMut(&mut Cx, &str, &T, &T),
    ) -> Pairs<'a, T> {
        let p = pair(self.old, self.new, |x| self.key.map(|k| k(x)), self.name);
        for x in &p.added {
            cx.report(self.area, self.path_of(x), added(x));
        }
        for x in &p.removed {
            cx.report(self.area, self.path_of(x), removed(x));
        }
        for (x, y) in &p.both {
            let path = self.path_of(y);
            if let Some((field, noun)) = self.renamed {
                let (old, new) = ((self.name)(x), (self.name)(y));
                rename(cx, self.area, format!("{path}.{field}"), noun, old, new);
            }
            changed(cx, &path, x, y);
        }
        p
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

/// Items added to and removed from a list of short values, as "added “a”; removed “b”"
/// with the words given; `None` when none were.
pub(super) fn list_words(
    old: &[Sp<String>],
    new: &[Sp<String>],
    (added_word, removed_word): (&str, &str),
) -> Option<String> {
    let (added, removed) = list_change(old, new);
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("{added_word} {}", quoted(&added)));
    }
    if !removed.is_empty() {
        parts.push(format!("{removed_word} {}", quoted(&removed)));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

pub(super) fn quoted(items: &[String]) -> String {
    and_list(&items.iter().map(|i| name(i)).collect::<Vec<_>>())
}

pub(super) fn category_name(n: &Notice, id: &str) -> String {
    n.category(id)
        .map_or_else(|| id.to_owned(), |c| name(&c.name))
}

pub(super) fn source_name(n: &Notice, id: &str) -> String {
    n.source(id)
        .map_or_else(|| id.to_owned(), |s| name(&s.name))
}

pub(super) fn recipient_name(n: &Notice, id: &str) -> String {
    n.recipient(id)
        .map_or_else(|| id.to_owned(), |r| name(&r.name))
}

pub(super) fn joint_name(n: &Notice, id: &str) -> String {
    n.file
        .joint_controllers
        .iter()
        .find(|j| j.id.value == id)
        .map_or_else(|| id.to_owned(), |j| name(&j.name))
}

/// References added (material) and removed (editorial), by name: "{subject} now also
/// uses …", "{subject} no longer uses …".
pub(super) struct Refs<'a> {
    pub(super) subject: &'a str,
    pub(super) brief_subject: &'a str,
    pub(super) added: &'a str,
    pub(super) removed: &'a str,
}

impl<'a> Refs<'a> {
    pub(super) fn new(
        subject: &'a str,
        brief_subject: &'a str,
        added: &'a str,
        removed: &'a str,
    ) -> Self {
        Refs {
            subject,
            brief_subject,
            added,
            removed,
        }
    }
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
