//! The catch-all: a change in a field that no comparer reads is still reported.
//!
//! [`COVERED`] names the fields (as [`walk::field_paths`] writes them, `purposes[].name`)
//! that the comparers of this module read, and [`LEFT_OUT`] those deliberately not
//! compared; an entry covers the field it names and every field inside it. Every other
//! field the schema walk visits is compared here, as the sorted list of its values across
//! the notice, so a block added to the format cannot slip past the diff unseen.
//!
//! Such a change is **editorial**: the catch-all cannot tell what the field means, so it
//! names the field and asks for a human check rather than claim that people must be told.
//! A field that can change what is done with data deserves its own comparer.

use std::collections::BTreeMap;

use super::change::Area;
use super::report::Cx;
use crate::model::Notice;
use crate::model::walk::{self, Step};

/// The fields the comparers read.
pub(super) const COVERED: &[&str] = &[
    "notice.title",
    "notice.language",
    "notice.url",
    "notice.introduction",
    "notice.scope",
    "notice.version",
    "notice.published",
    "notice.last_updated",
    "notice.next_review",
    "notice.owner",
    "notice.responsible",
    "notice.alternative_formats",
    "notice.changes[].date",
    "notice.changes[].summary",
    "notice.review_statement",
    "notice.layers",
    "controller",
    "dpo",
    "representative",
    "joint_controllers",
    "data_categories",
    "sources",
    "recipients",
    "purposes",
    "transfers",
    "retention",
    "automated_decision_making",
    "provision_requirement",
    "rights",
    "complaints",
    "appropriate_policy_document",
    "sections",
];

/// The fields deliberately not compared: the change log's own bookkeeping, which says
/// nothing to the people the notice is for.
pub(super) const LEFT_OUT: &[&str] = &["notice.changes[].kind", "notice.changes[].author"];

/// Whether an entry of [`COVERED`] or [`LEFT_OUT`] covers a field.
fn covers(entry: &str, field: &str) -> bool {
    field
        .strip_prefix(entry)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Whether the comparers read a field, or leave it out on purpose.
pub(super) fn is_covered(field: &str, covered: &[&str]) -> bool {
    covered
        .iter()
        .chain(LEFT_OUT)
        .any(|entry| covers(entry, field))
}

/// A field's path as [`walk::field_paths`] writes it: `purposes[2].name` → `purposes[].name`.
fn field_path(path: &[Step<'_>]) -> String {
    let mut inside = false;
    let mut out = walk::path_string(path);
    out.retain(|c| {
        inside = (inside || c == '[') && c != ']';
        !(inside && c.is_ascii_digit())
    });
    out
}

/// The values of every field not in `covered`, sorted, by field.
fn values(n: &Notice, covered: &[&str]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    walk::walk(&n.file, &mut |path, _, leaf| {
        let field = field_path(path);
        if !is_covered(&field, covered) {
            out.entry(field).or_default().push(leaf.as_text());
        }
    });
    for v in out.values_mut() {
        v.sort();
    }
    out
}

/// The part of the notice a field is in, by its top-level block.
fn area_of(field: &str) -> Area {
    let block = field.split(['.', '[']).next().unwrap_or_default();
    match block {
        "controller" | "dpo" | "representative" => Area::Controller,
        "joint_controllers" => Area::JointControllers,
        "data_categories" => Area::DataCategories,
        "sources" => Area::Sources,
        "recipients" => Area::Recipients,
        "purposes" => Area::Purposes,
        "transfers" => Area::Transfers,
        "retention" => Area::Retention,
        "automated_decision_making" => Area::AutomatedDecisions,
        "provision_requirement" => Area::ProvisionRequirement,
        "rights" => Area::Rights,
        "complaints" => Area::Complaints,
        "appropriate_policy_document" => Area::PolicyDocument,
        "sections" => Area::Sections,
        _ => Area::Notice,
    }
}

/// Report a change in every field outside `covered` (normally [`COVERED`]).
pub(super) fn uncovered(cx: &mut Cx, o: &Notice, n: &Notice, covered: &[&str]) {
    let (mut old, new) = (values(o, covered), values(n, covered));
    for (field, now) in &new {
        let was = old.remove(field).unwrap_or_default();
        if &was != now {
            report(cx, field);
        }
    }
    for field in old.keys() {
        report(cx, field);
    }
}

fn report(cx: &mut Cx, field: &str) {
    cx.editorial(
        area_of(field),
        field,
        format!("`{field}` changed; the comparison does not read this field, so check the change by hand."),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn notice(yaml: &str) -> Notice {
        let src = SourceFile::from_text("n.yaml", yaml);
        let file = crate::parse::parse(&src).unwrap_or_else(|d| panic!("{d:#?}"));
        crate::model::lower(file, &src).unwrap_or_else(|d| panic!("{d:#?}"))
    }

    #[test]
    fn every_entry_names_a_field_of_the_format() {
        let fields = walk::field_paths();
        for entry in COVERED.iter().chain(LEFT_OUT) {
            assert!(
                fields.iter().any(|(f, _)| covers(entry, f)),
                "{entry} is not a field of the format"
            );
        }
    }

    #[test]
    fn every_field_is_read_by_a_comparer_or_left_out() {
        // A field added to the format is reported by the catch-all from the start (the walk
        // visits every field); this asks for a decision: a comparer, or LEFT_OUT.
        for (field, class) in walk::field_paths() {
            if class == walk::Class::Block || is_covered(&field, COVERED) {
                continue;
            }
            panic!("{field} is read by no comparer: give it one, or add it to LEFT_OUT");
        }
    }

    #[test]
    fn a_field_no_comparer_reads_is_still_reported() {
        let old = "notice: {title: Privacy notice}\nsections:\n  - {id: a, title: About, body: Old words.}\n";
        let new = old.replace("Old words.", "New words.");
        let (o, n) = (notice(old), notice(&new));
        let without_sections: Vec<&str> = COVERED
            .iter()
            .copied()
            .filter(|c| *c != "sections")
            .collect();
        let mut cx = Cx::default();
        uncovered(&mut cx, &o, &n, &without_sections);
        let changes = cx.finish();
        assert_eq!(changes.len(), 1, "{changes:#?}");
        assert_eq!(changes[0].path, "sections[].body");
        assert_eq!(changes[0].area, Area::Sections);
        let mut cx = Cx::default();
        uncovered(&mut cx, &o, &n, COVERED);
        assert!(cx.finish().is_empty(), "sections are compared elsewhere");
    }
}
