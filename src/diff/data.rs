//! The data: kinds of personal data, where it comes from and who it is shared with.

use std::collections::BTreeMap;

use super::change::Area;
use super::matching::*;
use super::purposes::{About, basis_change, conditions_change};
use super::report::*;
use super::text::{loose, name, norm};
use crate::model::Notice;
use crate::model::schema::*;
use crate::source::Sp;

/// Kinds of personal data; returns old id → new id.
pub(super) fn data_categories(cx: &mut Cx, o: &Notice, n: &Notice) -> BTreeMap<String, String> {
    let a = Area::DataCategories;
    let (old, new) = (&o.file.data_categories, &n.file.data_categories);
    // Not `.renamed(…)`: an id change is said before the rename, below.
    let list = List::new(a, "data_categories", (old, new), |c| &c.name).ids(|c| &c.id);
    let added = |c: &DataCategory| {
        let kind = Notice::kind_of(c);
        let suffix = if kind == DataKind::Personal {
            String::new()
        } else {
            format!(" ({})", kind.words())
        };
        Report::Material(
            format!("New kind of personal data: {}{suffix}.", name(&c.name)),
            format!("new kind of personal data {}{suffix}", name(&c.name)),
        )
    };
    let removed = |c: &DataCategory| {
        Report::Editorial(format!("Kind of personal data removed: {}.", name(&c.name)))
    };
    let p = list.compare(cx, added, removed, |cx, path, x, y| {
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
        if kx != ky && ky == DataKind::Personal {
            cx.editorial(
                a,
                format!("{path}.kind"),
                format!("{label} is no longer treated as {}.", kx.words()),
            );
        } else if kx != ky {
            cx.material(
                a,
                format!("{path}.kind"),
                format!(
                    "{label} is now treated as {} (it was {}).",
                    ky.words(),
                    kx.words()
                ),
                format!("{} now {}", name(&y.name), ky.words()),
            );
        }
        examples(cx, path, &label, x, y);
        let note = format!("Note on data category {}", name(&y.name));
        cx.text(a, &format!("{path}.note"), &note, s(&x.note), s(&y.note));
    });
    id_map(&p, |c| &c.id)
}

/// The examples of a data category: one added is new data (material), one reworded
/// ("email" → "email address") is not.
fn examples(cx: &mut Cx, path: &str, label: &str, x: &DataCategory, y: &DataCategory) {
    let a = Area::DataCategories;
    let path = format!("{path}.examples");
    let what = format!("Examples of data category {}", name(&y.name));
    list_retouched(cx, a, path.clone(), &what, &x.examples, &y.examples);
    let (added, removed) = list_change(&x.examples, &y.examples);
    let alike = |o: &String, n: &String| {
        let (lo, ln) = (loose(o), loose(n));
        lo.contains(&ln) || ln.contains(&lo)
    };
    let (reworded, added): (Vec<String>, Vec<String>) = added
        .into_iter()
        .partition(|n| removed.iter().any(|o| alike(o, n)));
    let removed: Vec<String> = removed
        .into_iter()
        .filter(|o| !reworded.iter().any(|n| alike(o, n)))
        .collect();
    if !added.is_empty() {
        cx.material(
            a,
            path.clone(),
            format!("{label} now also includes {}.", quoted(&added)),
            format!("{} now includes {}", name(&y.name), quoted(&added)),
        );
    }
    if !removed.is_empty() {
        let summary = format!("{label} no longer lists {}.", quoted(&removed));
        cx.editorial(a, path.clone(), summary);
    }
    if !reworded.is_empty() {
        let summary = format!("{label}: examples reworded ({}).", quoted(&reworded));
        cx.editorial(a, path, summary);
    }
}

/// Where data comes from; returns old id → new id.
pub(super) fn sources(
    cx: &mut Cx,
    o: &Notice,
    n: &Notice,
    cats: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let a = Area::Sources;
    let (old, new) = (o.sources(), n.sources());
    let list = List::new(a, "sources", (old, new), |x| &x.name)
        .ids(|x| &x.id)
        .renamed("name", "Source");
    let added = |x: &Source| {
        let (who, kind) = (name(&x.name), x.kind.value.words());
        let summary = format!("New source of personal data: {who} ({kind}).");
        Report::Material(summary, format!("new source {who}"))
    };
    let removed = |x: &Source| Report::Editorial(format!("Source removed: {}.", name(&x.name)));
    let p = list.compare(cx, added, removed, |cx, path, x, y| {
        let label = format!("Source {}", name(&y.name));
        if x.kind.value != y.kind.value {
            let summary = format!("{label} is now {}.", y.kind.value.words());
            let kind = format!("{path}.kind");
            if y.kind.value == SourceKind::ThirdParty {
                let brief = format!("{} now a third-party source", name(&y.name));
                cx.material(a, kind, summary, brief);
            } else {
                cx.editorial(a, kind, summary);
            }
        }
        let public = |v: &Option<Sp<bool>>| v.as_ref().is_some_and(|b| b.value);
        let (px, py) = (&x.publicly_accessible, &y.publicly_accessible);
        if !public(px) && public(py) {
            cx.material(
                a,
                format!("{path}.publicly_accessible"),
                format!("{label}: data now comes from publicly accessible sources."),
                format!("{} now publicly accessible", name(&y.name)),
            );
        } else if public(px) != public(py) || px.is_some() != py.is_some() {
            cx.editorial(
                a,
                format!("{path}.publicly_accessible"),
                format!("{label}: what the notice says about publicly accessible sources changed."),
            );
        }
        let what = format!("Examples of source {}", name(&y.name));
        let examples = format!("{path}.examples");
        list_retouched(cx, a, examples.clone(), &what, &x.examples, &y.examples);
        if let Some(d) = list_words(&x.examples, &y.examples, ("added", "removed")) {
            cx.editorial(a, examples, format!("{label}: examples {d}."));
        }
        let brief = name(&y.name);
        let words = Refs::new(&label, &brief, "now also provides", "no longer provides");
        let (old, new) = (mapped(&x.data_categories, cats), ids(&y.data_categories));
        let field = format!("{path}.data_categories");
        refs_change(cx, a, &field, &old, &new, |id| category_name(n, id), words);
        let from = format!("data from {brief}");
        let at = About::new(a, path, &label, &from);
        basis_change(cx, &at, &x.lawful_basis, &y.lawful_basis);
        let (cx_, cy) = (
            &x.special_category_conditions,
            &y.special_category_conditions,
        );
        conditions_change(cx, &at, cx_, cy);
        let note = format!("Note on source {}", name(&y.name));
        cx.text(a, &format!("{path}.note"), &note, s(&x.note), s(&y.note));
    });
    id_map(&p, |x| &x.id)
}

/// Whether a place is in the UK (no location means the UK), as the transfer rules read it.
pub(super) fn is_uk(place: Option<&str>) -> bool {
    place.is_none_or(crate::model::is_uk)
}

/// A country as it reads in a sentence: "the United States", "France".
pub(super) fn place(s: &str) -> String {
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

/// Who data is shared with; returns old id → new id.
pub(super) fn recipients(cx: &mut Cx, o: &Notice, n: &Notice) -> BTreeMap<String, String> {
    let a = Area::Recipients;
    let list = List::new(a, "recipients", (o.recipients(), n.recipients()), |x| {
        &x.name
    });
    let list = list.ids(|x| &x.id).renamed("name", "Recipient");
    let added = |x: &Recipient| {
        let loc = s(&x.location);
        let (abroad, brief_abroad) = if is_uk(loc) {
            (String::new(), String::new())
        } else {
            let at = place(loc.unwrap_or_default());
            (format!(", in {at} (outside the UK)"), format!(" in {at}"))
        };
        Report::Material(
            format!("New recipient: {}{abroad}.", name(&x.name)),
            format!("new recipient {}{brief_abroad}", name(&x.name)),
        )
    };
    let removed =
        |x: &Recipient| Report::Editorial(format!("Recipient removed: {}.", name(&x.name)));
    let p = list.compare(cx, added, removed, |cx, path, x, y| {
        let label = format!("Recipient {}", name(&y.name));
        // No role means a controller.
        let role = |r: &Recipient| {
            r.role
                .as_ref()
                .map_or(RecipientRole::Controller, |r| r.value)
        };
        let (rx, ry) = (role(x), role(y));
        if rx != ry {
            let (now, was) = (ry.words(), rx.words());
            let summary = format!("{label} is now {now} (it was {was}).");
            cx.editorial(a, format!("{path}.role"), summary);
        }
        let grouping = format!("Grouping of recipient {}", name(&y.name));
        let (gx, gy) = (s(&x.category), s(&y.category));
        cx.text(a, &format!("{path}.category"), &grouping, gx, gy);
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
            let location = format!("Location of recipient {}", name(&y.name));
            cx.text(a, &format!("{path}.location"), &location, lx, ly);
        }
        let note = format!("Note on recipient {}", name(&y.name));
        cx.text(a, &format!("{path}.note"), &note, s(&x.note), s(&y.note));
    });
    id_map(&p, |x| &x.id)
}
