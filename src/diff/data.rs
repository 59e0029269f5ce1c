//! The data: kinds of personal data, where it comes from and who it is shared with.

use std::collections::BTreeMap;

use super::change::Area;
use super::matching::*;
use super::purposes::{bases, bases_words, conditions, conditions_words};
use super::report::*;
use super::text::{loose, name, norm};
use crate::model::Notice;
use crate::model::schema::*;
use crate::source::Sp;

pub(super) fn kind_words(k: DataKind) -> &'static str {
    match k {
        DataKind::Personal => "ordinary personal data",
        DataKind::Special => "special category data",
        DataKind::CriminalOffence => "criminal offence data",
    }
}

pub(super) fn data_categories(cx: &mut Cx, o: &Notice, n: &Notice) -> BTreeMap<String, String> {
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

pub(super) fn source_words(k: SourceKind) -> &'static str {
    match k {
        SourceKind::DataSubject => "the person the data is about",
        SourceKind::ThirdParty => "someone other than the person the data is about",
    }
}

pub(super) fn sources(
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

pub(super) fn role_words(r: Option<RecipientRole>) -> &'static str {
    match r.unwrap_or(RecipientRole::Controller) {
        RecipientRole::Controller => "a controller",
        RecipientRole::Processor => "a processor",
        RecipientRole::JointController => "a joint controller",
        RecipientRole::PublicAuthority => "a public authority",
    }
}

pub(super) fn recipients(cx: &mut Cx, o: &Notice, n: &Notice) -> BTreeMap<String, String> {
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
