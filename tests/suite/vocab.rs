//! Issue 10 item 4: the vocabularies real notices need. Source kinds for data the office
//! records by observing people and for data it creates itself; purposes that use only
//! anonymised information; an ICO fee exemption; the office holder; the policy number and
//! author. Each fact is tried in every combination it is written in, through the rules and
//! the generated words.

use notice::diag::Diagnostic;
use notice::model::Date;
use notice::rules::CheckOptions;
use notice::source::SourceFile;

/// A small valid notice with the given extra YAML appended.
fn base(extra: &str) -> String {
    format!(
        "notice:\n  title: Privacy notice\n  last_updated: \"2026-09-14\"\n  next_review: \"2027-09-14\"\n\
controller:\n  name: The Police and Crime Commissioner for Wessex\n  public_authority: true\n  contact:\n    email: contact@wessex.example\n\
dpo:\n  contact:\n    email: dpo@wessex.example\n\
transfers:\n  outside_uk: false\n\
automated_decision_making:\n  used: false\n\
retention:\n  default: 6 years\n\
recipients: []\n\
complaints:\n  controller:\n    form: https://wessex.example/complain\n    email: complaints@wessex.example\n\
{extra}"
    )
}

fn checked(yaml: &str) -> (Vec<Diagnostic>, Option<notice::model::Notice>) {
    let src = SourceFile::from_text("vocab.yaml", yaml.to_owned());
    let c = notice::check(
        &src,
        &CheckOptions {
            as_of: Date::ymd(2026, 11, 25),
        },
    );
    (c.diagnostics, c.notice)
}

fn rules(yaml: &str) -> Vec<&'static str> {
    checked(yaml).0.into_iter().map(|d| d.rule).collect()
}

/// The body of the notice, one paragraph a line, white space collapsed.
fn render(yaml: &str) -> String {
    let (diags, n) = checked(yaml);
    let n = n.unwrap_or_else(|| panic!("not understood: {diags:?}\n{yaml}"));
    let (env, _) = notice::templates::environment(None).unwrap();
    let md = notice::document::build::body_markdown(&n, &env).unwrap();
    md.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

// ── Source kinds ───────────────────────────────────────────────────────────────────────

const KINDS: [(&str, &str); 4] = [
    ("data_subject", "You, when you contact us"),
    ("observed", "Our CCTV cameras at the office"),
    ("third_party", "Wessex Police"),
    ("created", "Our caseworkers' notes"),
];

/// A notice with one source of each kind in `kinds`, a purpose using them, and (when
/// `categories`) a data category; `provision` adds a provision requirement.
fn sources_yaml(kinds: &[&str], categories: bool, provision: bool, bases: bool) -> String {
    let mut y = String::new();
    if categories {
        y.push_str("data_categories:\n  - id: contact\n    name: Contact details\n");
    }
    y.push_str("sources:\n");
    for (kind, name) in KINDS.iter().filter(|(k, _)| kinds.contains(k)) {
        y.push_str(&format!(
            "  - id: {}\n    name: {name}\n    kind: {kind}\n",
            kind.replace('_', "-")
        ));
        if *kind == "third_party" {
            y.push_str("    publicly_accessible: false\n");
        }
        if bases {
            y.push_str("    lawful_basis: [public_task]\n");
        }
    }
    let ids: Vec<String> = kinds.iter().map(|k| k.replace('_', "-")).collect();
    y.push_str(&format!(
        "purposes:\n  - id: work\n    name: Our work\n    lawful_basis: [public_task]\n    legislation: [Police Reform and Social Responsibility Act 2011]\n    sources: [{}]\n",
        ids.join(", ")
    ));
    if provision {
        y.push_str("provision_requirement:\n  requirement: voluntary\n");
    }
    base(&y)
}

/// Every non-empty set of source kinds.
fn kind_sets() -> Vec<Vec<&'static str>> {
    (1u8..16)
        .map(|bits| {
            KINDS
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, (k, _))| *k)
                .collect()
        })
        .collect()
}

#[test]
fn art_14_rules_ask_only_about_data_from_others() {
    for kinds in kind_sets() {
        let from_others = kinds.contains(&"third_party");
        let found = rules(&sources_yaml(&kinds, false, true, false));
        assert_eq!(
            found.contains(&"PN406"),
            from_others,
            "{kinds:?}: categories asked for (Art 14(1)(d)) {found:?}"
        );
        let found = rules(&sources_yaml(&kinds, true, true, false));
        assert!(!found.contains(&"PN406"), "{kinds:?}: {found:?}");
    }
}

#[test]
fn art_13_2_e_is_asked_for_data_given_or_observed_not_created_or_received() {
    for kinds in kind_sets() {
        let from_the_person = kinds.contains(&"data_subject") || kinds.contains(&"observed");
        let found = rules(&sources_yaml(&kinds, true, false, false));
        assert_eq!(
            found.contains(&"PN605"),
            from_the_person,
            "{kinds:?}: provision requirement (Art 13(2)(e)) {found:?}"
        );
        let found = rules(&sources_yaml(&kinds, true, true, false));
        assert!(!found.contains(&"PN605"), "{kinds:?}: {found:?}");
    }
}

#[test]
fn the_sources_passage_is_right_for_every_combination_of_kinds() {
    for kinds in kind_sets() {
        let has = |k: &str| kinds.contains(&k);
        let text = render(&sources_yaml(&kinds, true, true, false));
        let says = |s: &str| text.contains(s);
        assert_eq!(
            says("Some of the information we hold comes from you"),
            has("data_subject"),
            "{kinds:?}\n{text}"
        );
        assert_eq!(
            says("We record some information about you ourselves:"),
            has("observed"),
            "{kinds:?}\n{text}"
        );
        assert_eq!(
            says("We create some information about you ourselves:"),
            has("created"),
            "{kinds:?}\n{text}"
        );
        let before = has("data_subject") || has("observed");
        assert_eq!(
            says("We also receive information about you from other people and organisations:"),
            has("third_party") && before,
            "{kinds:?}\n{text}"
        );
        assert_eq!(
            says("We receive information about you from other people and organisations:"),
            has("third_party") && !before,
            "{kinds:?}\n{text}"
        );
        for (kind, name) in KINDS {
            assert_eq!(text.contains(name), has(kind), "{kinds:?}: {name}\n{text}");
        }
        assert!(
            says("## Where we get your information"),
            "{kinds:?}\n{text}"
        );

        // The table form, where sources give bases, marks each row by its kind.
        let text = render(&sources_yaml(&kinds, true, true, true));
        for (kind, name, mark) in [
            ("data_subject", KINDS[0].1, " (you)"),
            ("observed", KINDS[1].1, " (recorded by us)"),
            ("created", KINDS[3].1, " (created by us)"),
        ] {
            assert_eq!(
                text.contains(&format!("| {name}{mark} |")),
                has(kind),
                "{kinds:?}: {mark}\n{text}"
            );
        }
        if has("third_party") {
            assert!(text.contains("| Wessex Police | "), "{kinds:?}\n{text}");
        }
    }
}

// ── Anonymised purposes ────────────────────────────────────────────────────────────────

/// A notice with a statistics purpose: `anonymised` (when given), `bases` (when not
/// empty), and a data category described by `category`.
fn anonymised_yaml(anonymised: Option<bool>, bases: &str, category: &str) -> String {
    let mut y = format!(
        "sources:\n  - id: you\n    name: You\n    kind: data_subject\n\
provision_requirement:\n  requirement: voluntary\n\
data_categories:\n  - id: contact\n    name: Contact details\n  - id: totals\n    name: {category}\n  - id: health\n    name: Health\n    kind: special\n\
purposes:\n  - id: work\n    name: Our work\n    lawful_basis: [public_task]\n    legislation: [Police Reform and Social Responsibility Act 2011]\n    data_categories: [contact]\n    sources: [you]\n"
    );
    y.push_str("  - id: statistics\n    name: To publish statistics about our work\n    data_categories: [totals, health]\n");
    if !bases.is_empty() {
        y.push_str(&format!(
            "    lawful_basis: [{bases}]\n    legislation: [Police Reform and Social Responsibility Act 2011]\n"
        ));
    }
    if let Some(a) = anonymised {
        y.push_str(&format!("    anonymised: {a}\n"));
    }
    base(&y).replace(
        "retention:\n  default: 6 years\n",
        "retention:\n  rules:\n    - {id: r, records: Casework, period: 6 years}\n",
    )
}

#[test]
fn an_anonymised_purpose_needs_no_lawful_basis_condition_or_retention() {
    for anonymised in [None, Some(false), Some(true)] {
        for bases in ["", "public_task"] {
            let found = rules(&anonymised_yaml(anonymised, bases, "Monthly totals"));
            let anon = anonymised == Some(true);
            assert_eq!(
                found.contains(&"PN202"),
                bases.is_empty() && !anon,
                "{anonymised:?} {bases:?}: {found:?}"
            );
            // Art 9 condition for the health category, and a retention period.
            assert_eq!(
                found.contains(&"PN301"),
                !anon,
                "{anonymised:?} {bases:?}: {found:?}"
            );
            assert!(!found.contains(&"PN307"), "{anonymised:?}: {found:?}");
        }
    }
}

#[test]
fn pseudonymised_data_marked_anonymised_is_questioned() {
    for (category, pseudonymised) in [
        ("Pseudonymised case records", true),
        ("Key-coded survey answers", true),
        ("Case records with names replaced by pseudonyms", true),
        ("Pseudo-anonymised complaint data", true),
        ("Monthly totals", false),
        ("Anonymised survey answers", false),
    ] {
        let found = rules(&anonymised_yaml(Some(true), "", category));
        assert_eq!(
            found.contains(&"PN307"),
            pseudonymised,
            "{category}: {found:?}"
        );
        // Not marked anonymised: pseudonymised data is personal data, and PN307 is silent.
        let found = rules(&anonymised_yaml(None, "public_task", category));
        assert!(!found.contains(&"PN307"), "{category}: {found:?}");
    }
}

#[test]
fn the_purposes_passage_says_when_no_basis_is_needed() {
    for anonymised in [None, Some(true)] {
        for bases in ["", "public_task"] {
            let text = render(&anonymised_yaml(anonymised, bases, "Monthly totals"));
            let anon = anonymised == Some(true);
            let row = "| To publish statistics about our work |";
            assert_eq!(
                text.contains(&format!("{row} None needed: anonymised information only |")),
                anon && bases.is_empty(),
                "{anonymised:?} {bases:?}\n{text}"
            );
            assert_eq!(
                text.contains(&format!("{row} Not stated |")),
                !anon && bases.is_empty(),
                "{anonymised:?} {bases:?}\n{text}"
            );
            assert_eq!(
                text.contains("For this we use only anonymised information, which does not identify anyone. Data protection law does not apply to anonymised information (UK GDPR Recital 26)."),
                anon,
                "{anonymised:?} {bases:?}\n{text}"
            );
        }
    }
}

#[test]
fn diff_reports_a_purpose_that_stops_being_anonymised_as_material() {
    let notice = |yaml: &str| checked(yaml).1.unwrap();
    let anon = notice(&anonymised_yaml(
        Some(true),
        "public_task",
        "Monthly totals",
    ));
    let personal = notice(&anonymised_yaml(None, "public_task", "Monthly totals"));
    let to_personal = notice::diff::compare(&anon, &personal);
    let c = to_personal
        .changes
        .iter()
        .find(|c| c.path.ends_with(".anonymised"))
        .unwrap_or_else(|| panic!("{:#?}", to_personal.changes));
    assert_eq!(c.class, notice::diff::Class::Material, "{c:?}");
    assert!(c.summary.contains("now uses personal data"), "{c:?}");
    let to_anon = notice::diff::compare(&personal, &anon);
    let c = to_anon
        .changes
        .iter()
        .find(|c| c.path.ends_with(".anonymised"))
        .unwrap();
    assert_eq!(c.class, notice::diff::Class::Editorial, "{c:?}");
}

// ── The ICO registration, the office holder, the policy number and author ───────────────

/// A notice whose controller has `controller` appended (indented), as a public authority
/// or not.
fn controller_yaml(controller: &str, public_authority: bool) -> String {
    base(
        "sources:\n  - id: you\n    name: You\n    kind: data_subject\n\
provision_requirement:\n  requirement: voluntary\n\
purposes:\n  - id: work\n    name: Our work\n    lawful_basis: [public_task]\n    legislation: [Police Reform and Social Responsibility Act 2011]\n    sources: [you]\n",
    )
    .replace(
        "  public_authority: true\n",
        &format!("  public_authority: {public_authority}\n{controller}"),
    )
}

#[test]
fn the_summary_gives_the_short_name_only_where_the_name_does_not_say_it() {
    for (name, short, who) in [
        (
            "The Police and Crime Commissioner for Wessex",
            "PCC",
            "**Who we are:** The Police and Crime Commissioner for Wessex (PCC).",
        ),
        ("The OPCC", "OPCC", "**Who we are:** The OPCC."),
        (
            "The OPCCs of Wessex",
            "OPCC",
            "**Who we are:** The OPCCs of Wessex (OPCC).",
        ),
    ] {
        let yaml = controller_yaml(&format!("  short_name: {short}\n"), true).replace(
            "name: The Police and Crime Commissioner for Wessex",
            &format!("name: {name}"),
        );
        let text = render(&yaml);
        assert!(text.contains(who), "{name} / {short}:\n{text}");
    }
}

const REASON: &str = "All our processing is for staff administration and accounts.";

#[test]
fn the_fee_rules_for_every_combination_of_registration_and_exemption() {
    let reason = format!("  ico_exemption: {REASON}\n");
    for (registration, exemption, pn109) in [
        ("", false, false),
        ("  ico_registration: Z3653467\n", false, false),
        ("  ico_registration: ZA123456\n", false, false),
        ("  ico_registration: exempt\n", true, false),
        ("  ico_registration: Exempt\n", true, false),
        ("  ico_registration: exempt\n", false, true),
        ("  ico_registration: Z3653467\n", true, true),
        ("", true, true),
        ("  ico_registration: registered\n", false, true),
        ("  ico_registration: \"12345678\"\n", false, true),
    ] {
        let exempt = registration.to_lowercase().contains("exempt");
        for pa in [false, true] {
            let controller = format!(
                "{registration}{}",
                if exemption { reason.as_str() } else { "" }
            );
            let found = rules(&controller_yaml(&controller, pa));
            let what = format!("{controller:?} public authority {pa}: {found:?}");
            assert_eq!(found.contains(&"PN109"), pn109, "{what}");
            assert_eq!(found.contains(&"PN110"), exempt && pa, "{what}");
        }
    }
}

#[test]
fn who_we_are_says_the_registration_or_the_exemption_and_the_office_holder() {
    let reason = format!("  ico_exemption: {REASON}\n");
    for registration in [
        "",
        "  ico_registration: Z3653467\n",
        "  ico_registration: exempt\n",
    ] {
        for exemption in [false, true] {
            for holder in [false, true] {
                let controller = format!(
                    "{registration}{}{}",
                    if exemption { reason.as_str() } else { "" },
                    if holder {
                        "  office_holder: Alex Example\n"
                    } else {
                        ""
                    }
                );
                let text = render(&controller_yaml(&controller, true));
                let what = format!("{controller:?}\n{text}");
                let number = registration.contains('Z');
                let exempt = registration.contains("exempt");
                assert_eq!(
                    text.contains("We are registered with the Information Commissioner's Office, registration number Z3653467."),
                    number,
                    "{what}"
                );
                assert_eq!(
                    text.contains("We are exempt from paying the data protection fee to the Information Commissioner's Office."),
                    exempt,
                    "{what}"
                );
                assert!(!text.contains("registration number exempt"), "{what}");
                assert_eq!(text.contains(REASON), exemption, "{what}");
                assert_eq!(
                    text.contains("The office is currently held by Alex Example."),
                    holder,
                    "{what}"
                );
            }
        }
    }
}

#[test]
fn the_policy_number_and_author_head_the_notice_when_given() {
    for (number, author) in [(false, false), (true, false), (false, true), (true, true)] {
        let mut meta = String::new();
        if number {
            meta.push_str("  policy_number: IG-POL-007\n");
        }
        if author {
            meta.push_str("  author: Information Governance Officer\n");
        }
        let yaml = controller_yaml("", true).replace(
            "  title: Privacy notice\n",
            &format!("  title: Privacy notice\n{meta}"),
        );
        let (diags, n) = checked(&yaml);
        let n = n.unwrap_or_else(|| panic!("{diags:?}"));
        let (env, _) = notice::templates::environment(None).unwrap();
        let doc = notice::document::build::build(&n, &env).unwrap();
        let lines: Vec<String> = doc
            .front_matter
            .iter()
            .map(|l| notice::document::plain(l))
            .collect();
        assert_eq!(
            lines.contains(&"Policy number: IG-POL-007".to_owned()),
            number,
            "{lines:?}"
        );
        assert_eq!(
            lines.contains(&"Author: Information Governance Officer".to_owned()),
            author,
            "{lines:?}"
        );
    }
}

// ── The children block (issue 8: a top-level block in three source files) ─────────────

#[test]
fn the_children_passage_is_right_for_every_combination() {
    for statement in [false, true] {
        for version in [None, Some(false), Some(true)] {
            for given in [false, true] {
                if !given && (statement || version.is_some()) {
                    continue;
                }
                let mut block = String::new();
                if given {
                    block.push_str("children:\n");
                    if statement {
                        block.push_str("  statement: We run a youth forum.\n");
                    }
                    match version {
                        Some(url) => {
                            block.push_str(
                                "  version_for_children:\n    title: A guide for young people\n",
                            );
                            if url {
                                block.push_str("    url: https://wessex.example/young\n");
                            }
                        }
                        None if !statement => block.push_str("  statement: null\n"),
                        None => {}
                    }
                }
                let yaml = controller_yaml("", true) + &block;
                let text = render(&yaml);
                let what = format!("{block}\n{text}");
                assert_eq!(
                    text.contains("## Children and young people"),
                    given,
                    "{what}"
                );
                assert_eq!(
                    text.contains(
                        "Children have the same rights over their personal information as adults."
                    ),
                    given,
                    "{what}"
                );
                assert_eq!(text.contains("We run a youth forum."), statement, "{what}");
                assert_eq!(
                    text.contains("There is a version of this notice written for children and young people: [A guide for young people](https://wessex.example/young)."),
                    version == Some(true),
                    "{what}"
                );
                assert_eq!(
                    text.contains("There is a version of this notice written for children and young people: A guide for young people."),
                    version == Some(false),
                    "{what}"
                );
            }
        }
    }
}

#[test]
fn a_broken_link_to_the_version_for_children_is_reported() {
    let yaml = controller_yaml("", true)
        + "children:\n  version_for_children:\n    title: A guide\n    url: wessex.example/young\n";
    let (diags, _) = checked(&yaml);
    assert!(
        diags
            .iter()
            .any(|d| d.rule == "PN004" && d.path == "children.version_for_children.url"),
        "{diags:?}"
    );
}
