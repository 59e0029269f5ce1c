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

mod change;
mod data;
mod fallback;
mod identity;
mod matching;
mod meta;
mod purposes;
mod report;
mod retention;
mod rights;
mod transfers;

pub use change::{Area, Change, Class, Comparison, Version};

use crate::model::Notice;
use matching::Ids;
use report::Cx;

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
    meta::notice_meta(&mut cx, old, new);
    identity::controller(&mut cx, old, new);
    let joint = identity::joint_controllers(&mut cx, old, new);
    let cats = data::data_categories(&mut cx, old, new);
    let sources = data::sources(&mut cx, old, new, &cats);
    let recipients = data::recipients(&mut cx, old, new);
    let rules = retention::retention(&mut cx, old, new);
    let ids = Ids {
        cats,
        sources,
        recipients,
        rules,
        joint,
    };
    purposes::purposes(&mut cx, old, new, &ids);
    transfers::transfers(&mut cx, old, new, &ids.recipients);
    transfers::automated(&mut cx, old, new);
    rights::provision(&mut cx, old, new);
    rights::rights(&mut cx, old, new);
    rights::complaints(&mut cx, old, new);
    meta::policy_document(&mut cx, old, new);
    meta::sections(&mut cx, old, new);
    fallback::uncovered(&mut cx, old, new, fallback::COVERED);
    let mut changes = cx.finish();
    changes.sort_by_key(|c| c.area);
    Comparison {
        old: version(old),
        new: version(new),
        changes,
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
    fn facts_scoped_to_a_purpose_are_compared() {
        let new = OLD.replace(
            "    retention: complaints\n",
            "    retention: complaints\n    audience: [complainants]\n    provision_requirement: {requirement: statutory, consequences: We cannot look into it.}\n    retention_statement: Six years after the complaint is closed.\n    retention_policy: {title: Complaints Retention Schedule}\n    shared_with_no_one: true\n",
        )
        .replace("    recipients: [police]\n", "")
        .replace(
            "notice: {title: Privacy notice}",
            "notice: {title: Privacy notice, audience: [public], audience_other: [Volunteers]}",
        );
        let c = compare(&notice("a.yaml", OLD), &notice("b.yaml", &new));
        let paths: Vec<&str> = c.changes.iter().map(|c| c.path.as_str()).collect();
        for want in [
            "notice.audience",
            "purposes[complaints].audience",
            "purposes[complaints].provision_requirement.requirement",
            "purposes[complaints].provision_requirement.consequences",
            "purposes[complaints].retention_statement",
            "purposes[complaints].retention_policy.title",
            "purposes[complaints].shared_with_no_one",
        ] {
            assert!(paths.contains(&want), "{want} not reported: {paths:#?}");
        }
        let all = classes(&c);
        assert!(
            all.iter()
                .any(|(_, s)| s.contains("members of the public; Volunteers")),
            "{all:#?}"
        );
        assert!(
            all.iter()
                .any(|(_, s)| s.contains("Now says the data is shared with no one")),
            "{all:#?}"
        );
        // And back: each is reported again.
        let c = compare(&notice("b.yaml", &new), &notice("a.yaml", OLD));
        let paths: Vec<&str> = c.changes.iter().map(|c| c.path.as_str()).collect();
        assert!(
            paths.contains(&"purposes[complaints].shared_with_no_one"),
            "{paths:#?}"
        );
        assert!(
            paths.contains(&"purposes[complaints].retention_statement"),
            "{paths:#?}"
        );
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
