//! Issue 13: the law engine on the gaps real notices have, without wrong findings.
//!
//! Each test takes a rule fixture, changes the one sentence or value a real notice had, and
//! says what `check` must (or must not) report. The real notices are in `tests/corpus/`.

use std::path::Path;

use notice::source::SourceFile;

use crate::rules::{AS_OF, check_on, source};

/// The rules `check` reports on a fixture with `from` replaced by `to`, as of [`AS_OF`].
fn rules_with(fixture: &str, from: &str, to: &str) -> Vec<&'static str> {
    findings_with(fixture, from, to)
        .into_iter()
        .map(|d| d.rule)
        .collect()
}

/// The fixtures' promise to tell people before a new use, which stands PN908 down; the
/// PN908 tests replace it.
const PROMISE: &str = "  review_statement: If we plan to use your information for a new purpose, we will tell you before we start.\n";

fn findings_with(fixture: &str, from: &str, to: &str) -> Vec<notice::diag::Diagnostic> {
    let base = source(Path::new("tests/fixtures/rules").join(fixture).as_path());
    assert!(base.text.contains(from), "{fixture} has no {from:?}");
    let src = SourceFile::from_text("variant.yaml", base.text.replacen(from, to, 1));
    check_on(&src, AS_OF)
}

/// The body of the last section of a fixture whose last line is `    body: …`.
const BODY_PN907: &str = "    body: By using our website you agree to this privacy notice.";

fn with_body(body: &str) -> Vec<&'static str> {
    rules_with("PN907/fail.yaml", BODY_PN907, &format!("    body: {body}"))
}

/// Like [`with_body`], with the fixture's promise about new uses replaced by a plain
/// review statement.
fn with_body_no_promise(body: &str) -> Vec<&'static str> {
    let base = source(Path::new("tests/fixtures/rules/PN907/fail.yaml"));
    let text = base
        .text
        .replacen(BODY_PN907, &format!("    body: {body}"), 1)
        .replacen(
            PROMISE,
            "  review_statement: We review this notice every year.\n",
            1,
        );
    check_on(&SourceFile::from_text("v.yaml", text), AS_OF)
        .into_iter()
        .map(|d| d.rule)
        .collect()
}

// ── Item 2: wrong findings ─────────────────────────────────────────────────────────────

#[test]
fn public_sources_are_asked_about_only_when_a_source_may_be_public() {
    // Durham: partner organisations; Bath: other departments of the same council.
    for name in [
        "Voluntary and community organisations, private and public bodies",
        "Other council departments, to answer your request",
        "Wessex Police",
    ] {
        let found = rules_with(
            "PN407/fail.yaml",
            "Local newspapers and social media posts about our work",
            name,
        );
        assert!(!found.contains(&"PN407"), "{name}: {found:?}");
    }
    for name in [
        "The media",
        "The electoral register",
        "Public posts on Facebook",
    ] {
        let found = rules_with(
            "PN407/fail.yaml",
            "Local newspapers and social media posts about our work",
            name,
        );
        assert!(found.contains(&"PN407"), "{name}: {found:?}");
    }
}

#[test]
fn check_back_stands_down_when_the_notice_promises_to_tell_people() {
    let asked = "Please check our website for updates from time to time.";
    assert!(with_body_no_promise(asked).contains(&"PN908"));
    // North Yorkshire 2020, Leicestershire: the reader is asked, and also promised.
    let promised = "We may need to change this notice, so please check our website for updates from time to time. If there are important changes, such as a change to where your data is processed, we will contact you to tell you.";
    assert!(!with_body_no_promise(promised).contains(&"PN908"));
    // The office reviewing its own notice is not an onus on the reader.
    assert!(!with_body_no_promise("We review this notice regularly.").contains(&"PN908"));
    for onus in [
        "We encourage you to periodically review this privacy notice.",
        "We encourage you to review this document periodically.",
        "Please refer back to this Privacy Notice whenever you send us personal data.",
    ] {
        assert!(with_body_no_promise(onus).contains(&"PN908"), "{onus}");
    }
}

#[test]
fn consent_to_cookies_by_browsing_is_a_cookie_consent_finding() {
    let sussex = "By using this website, you consent to the storing of cookies on your device.";
    let found = with_body(sussex);
    assert!(found.contains(&"PN916"), "{found:?}");
    assert!(!found.contains(&"PN907"), "{found:?}");
    let found = with_body("By using our website you agree to this privacy notice.");
    assert!(found.contains(&"PN907") && !found.contains(&"PN916"));
}

#[test]
fn portability_is_not_overstated_on_top_of_no_lawful_basis() {
    let found = rules_with("PN602/fail.yaml", "    lawful_basis: [public_task]\n", "");
    assert!(found.contains(&"PN202"), "{found:?}");
    assert!(!found.contains(&"PN602"), "{found:?}");
}

#[test]
fn a_requirement_that_varies_is_not_called_required() {
    let d = findings_with(
        "PN605/pass.yaml",
        "  requirement: statutory\n  consequences: If you do not give us the information the law requires, we cannot consider your application.\n",
        "  requirement: varies\n",
    );
    let pn605 = d
        .iter()
        .find(|d| d.rule == "PN605")
        .expect("PN605 for varies without consequences");
    assert!(
        pn605.message.contains("some purposes and not others"),
        "{}",
        pn605.message
    );
}

#[test]
fn a_published_date_dates_the_notice() {
    // North Yorkshire 2024: "Published: 20 February 2024" is the date of the version.
    let found = rules_with(
        "PN702/fail.yaml",
        "  title: Privacy notice\n",
        "  title: Privacy notice\n  published: \"2026-09-14\"\n",
    );
    assert!(!found.contains(&"PN702"), "{found:?}");
}

#[test]
fn the_pcc_act_is_suggested_only_to_a_pcc() {
    let help = |controller: &str| {
        findings_with(
            "PN203/fail.yaml",
            "The Police and Crime Commissioner for Wessex",
            controller,
        )
        .into_iter()
        .find(|d| d.rule == "PN203")
        .and_then(|d| d.help)
        .expect("PN203 fires")
    };
    assert!(help("The Police and Crime Commissioner for Wessex").contains("Police Reform"));
    for other in [
        "Cabinet Office",
        "Environment Agency",
        "Devon and Somerset Fire and Rescue Authority",
    ] {
        assert!(!help(other).contains("Police Reform"), "{other}");
    }
}

// ── Item 4: wording lints that survive real typing ─────────────────────────────────────

#[test]
fn phrases_are_found_however_they_are_typed() {
    for (body, rule) in [
        ("We follow the DATA PROTECTION ACT 1998.", "PN901"),
        ("We follow the Data-Protection Act 1998.", "PN901"),
        (
            "|\n      We follow the General\n      Data Protection Regulation.",
            "PN903",
        ),
        (
            "|\n      We never send data outside the European\n      Economic Area.",
            "PN902",
        ),
        ("Contact the Information Commissioners Office.", "PN911"),
        ("Please check\u{a0}back regularly.", "PN908"),
        (
            "Please refer back to this notice each time you write to us.",
            "PN908",
        ),
    ] {
        let found = with_body_no_promise(body);
        assert!(found.contains(&rule), "{body:?}: {found:?}");
    }
    // A curly apostrophe does not hide a name, and the finding quotes the text as typed.
    let d = findings_with(
        "PN907/fail.yaml",
        BODY_PN907,
        "    body: \"Complaints go to the Local Government Ombudsman\u{2019}s office.\"",
    );
    let m = d.iter().find(|d| d.rule == "PN911").expect("PN911");
    assert!(
        m.message.contains("Local Government Ombudsman"),
        "{}",
        m.message
    );
}

#[test]
fn a_phrase_wrapped_across_lines_is_located_where_it_starts() {
    let d = findings_with(
        "PN907/fail.yaml",
        BODY_PN907,
        "    body: |\n      We follow the General\n      Data Protection Regulation.",
    );
    let m = d.iter().find(|d| d.rule == "PN903").expect("PN903");
    assert_eq!(
        m.message.split('"').nth(1),
        Some("General Data Protection Regulation")
    );
    assert_eq!(m.span.line, 46, "{m:?}");
}

#[test]
fn renamed_statutes_and_defunct_bodies_name_their_successors() {
    for (body, successor) in [
        ("Our powers come from the Care Act 2015.", "Care Act 2014"),
        (
            "We plan under the Civil Contingency Act 2004.",
            "Civil Contingencies Act 2004",
        ),
        (
            "We act under the Fire and Rescue Act 2004.",
            "Fire and Rescue Services Act 2004",
        ),
        (
            "You can complain to the Local Government Ombudsman (LGO).",
            "Local Government and Social Care Ombudsman",
        ),
        (
            "The Act incorporates the Law Enforcement Directive (LED).",
            "Part 3 of the Data Protection Act 2018",
        ),
        (
            "We check records with the Criminal Records Bureau.",
            "Disclosure and Barring Service",
        ),
    ] {
        let d = findings_with("PN907/fail.yaml", BODY_PN907, &format!("    body: {body}"));
        let m = d
            .iter()
            .find(|d| d.rule == "PN911")
            .unwrap_or_else(|| panic!("{body}"));
        assert!(
            m.help.as_deref().unwrap_or("").contains(successor),
            "{body}: {m:?}"
        );
    }
    // The right names are not findings.
    for body in [
        "We act under the Fire and Rescue Services Act 2004 and the Care Act 2014.",
        "You can complain to the Local Government and Social Care Ombudsman.",
    ] {
        assert!(!with_body(body).contains(&"PN911"), "{body}");
    }
}

#[test]
fn a_body_is_defunct_only_from_the_day_it_went() {
    let src = |body: &str| {
        let base = source(Path::new("tests/fixtures/rules/PN907/fail.yaml"));
        SourceFile::from_text(
            "v.yaml",
            base.text
                .replacen(BODY_PN907, &format!("    body: {body}"), 1),
        )
    };
    let s = src("We share data with the Independent Police Complaints Commission.");
    let on = |d| check_on(&s, d).iter().any(|d| d.rule == "PN911");
    assert!(!on(notice::model::Date::ymd(2018, 1, 7)));
    assert!(on(notice::model::Date::ymd(2018, 1, 8)));
}

#[test]
fn vague_link_text_is_found() {
    for body in [
        "Read our retention schedule [here](https://www.wessex-pcc.example/retention).",
        "To see our retention schedule, click here.",
        "\"[See below](#contact) for how to contact us.\"",
    ] {
        assert!(with_body(body).contains(&"PN917"), "{body}");
    }
    for body in [
        "Read [our retention schedule](https://www.wessex-pcc.example/retention).",
        "Our contact details are below.",
    ] {
        assert!(!with_body(body).contains(&"PN917"), "{body}");
    }
}

#[test]
fn welsh_notices_are_read_in_welsh() {
    let welsh = |body: &str| {
        let base = source(Path::new("tests/fixtures/rules/PN907/fail.yaml"));
        let text = base
            .text
            .replacen(BODY_PN907, &format!("    body: {body}"), 1)
            .replacen(
                "  title: Privacy notice\n",
                "  title: Hysbysiad preifatrwydd\n  language: cy\n",
                1,
            );
        let src = SourceFile::from_text("cy.yaml", text);
        check_on(&src, AS_OF)
            .into_iter()
            .map(|d| d.rule)
            .collect::<Vec<_>>()
    };
    assert!(welsh("Rydym yn dilyn Deddf Diogelu Data 1998.").contains(&"PN901"));
    assert!(welsh("Rydym yn dilyn GDPR yr UE.").contains(&"PN903"));
    assert!(!welsh("Rydym yn dilyn GDPR y DU.").contains(&"PN903"));
    assert!(
        welsh("Nid ydym yn trosglwyddo data y tu allan i'r Ardal Economaidd Ewropeaidd.")
            .contains(&"PN902")
    );
    // The Welsh forms are not looked for in an English notice.
    assert!(!with_body("Rydym yn dilyn Deddf Diogelu Data 1998.").contains(&"PN901"));
}

// ── Item 3: the same law wherever the fact is written ──────────────────────────────────

#[test]
fn schedule_1_is_asked_of_conditions_given_on_sources() {
    // Leicestershire states Art 9 conditions per source, in a table.
    let found = rules_with(
        "PN407/pass.yaml",
        "    publicly_accessible: true\n",
        "    publicly_accessible: true\n    special_category_conditions:\n      - condition: substantial_public_interest\n",
    );
    assert!(found.contains(&"PN302"), "{found:?}");
}

#[test]
fn an_art_10_authority_must_name_a_law() {
    // Environment Agency: "under the same official authority".
    let found = rules_with(
        "PN306/pass.yaml",
        "official_authority: Police Reform and Social Responsibility Act 2011, section 143",
        "official_authority: the same official authority",
    );
    assert!(found.contains(&"PN304"), "{found:?}");
}

#[test]
fn purposes_that_speak_of_health_or_offences_ask_for_the_data() {
    // Sussex: health care services; no special category data declared.
    let found = rules_with(
        "PN907/pass.yaml",
        "    name: To reply to your letters and e-mails",
        "    name: To provide health care and counselling",
    );
    assert!(found.contains(&"PN306"), "{found:?}");
    // "Crime prevention" is the office's work, not people's offences.
    let found = rules_with(
        "PN907/pass.yaml",
        "    name: To reply to your letters and e-mails",
        "    name: To set the police and crime plan and fund crime prevention",
    );
    assert!(!found.contains(&"PN306"), "{found:?}");
}

#[test]
fn an_art_9_condition_needs_special_category_data_to_cover() {
    // NHS England: Art 9(2)(h) given, no health data declared.
    let found = rules_with(
        "PN305/fail.yaml",
        "  - id: health\n    name: Information about your health\n    kind: special\n",
        "  - id: health\n    name: Information about your health\n",
    );
    assert!(found.contains(&"PN301"), "{found:?}");
}

#[test]
fn a_public_authority_with_special_data_is_asked_for_its_policy_document() {
    // No Schedule 1 paragraph named, and still asked.
    let found = rules_with("PN305/fail.yaml", "        schedule_1: Part 2 para 6\n", "");
    assert!(found.contains(&"PN305"), "{found:?}");
}

#[test]
fn the_controller_is_the_legal_person() {
    for name in [
        "The OPCC",
        "The Office of the Police and Crime Commissioner",
        "Devon and Somerset Fire and Rescue Service",
        "The Chief Executive of the Office",
    ] {
        let found = rules_with(
            "PN108/pass.yaml",
            "  name: The Police and Crime Commissioner for Wessex\n",
            &format!("  name: {name}\n"),
        );
        assert!(found.contains(&"PN108"), "{name}: {found:?}");
    }
    for name in [
        "Devon and Somerset Fire and Rescue Authority",
        "The Chief Constable of Staffordshire Police",
        "Cabinet Office",
    ] {
        let found = rules_with(
            "PN108/pass.yaml",
            "  name: The Police and Crime Commissioner for Wessex\n",
            &format!("  name: {name}\n"),
        );
        assert!(!found.contains(&"PN108"), "{name}: {found:?}");
    }
}

#[test]
fn a_claim_of_ico_exemption_is_questioned_only_after_registration_ended() {
    let base = source(Path::new("tests/fixtures/rules/PN918/fail.yaml"));
    let on = |d| check_on(&base, d).iter().any(|d| d.rule == "PN918");
    assert!(on(notice::model::Date::ymd(2018, 5, 25)));
    assert!(!on(notice::model::Date::ymd(2018, 5, 24)));
}

// ── Item 5: `--as-of` is the law of that day ───────────────────────────────────────────

/// The boundary dates of docs/law.md.
const BOUNDARIES: &[(i32, u32, u32)] = &[(2018, 5, 25), (2021, 1, 1), (2026, 2, 5), (2026, 6, 19)];

fn before(d: notice::model::Date) -> notice::model::Date {
    // Every boundary is the first of a month or the 5th, 19th or 25th: the day before is
    // in the same month unless it is the 1st.
    match (d.year, d.month, d.day) {
        (y, Some(1), Some(1)) => notice::model::Date::ymd(y - 1, 12, 31),
        (y, Some(m), Some(day)) => notice::model::Date::ymd(y, m, day - 1),
        _ => unreachable!(),
    }
}

#[test]
fn every_rule_of_the_law_carries_a_boundary_date() {
    for r in notice::registry::ALL {
        if let Some(f) = r.in_force() {
            assert!(BOUNDARIES.contains(&f.ymd), "{} in force {:?}", r.id, f.ymd);
            assert!(!f.by.is_empty());
        }
    }
}

#[test]
fn each_rule_is_quiet_the_day_before_its_law_and_fires_on_the_day() {
    // A rule's fail fixture, checked the day before its law came into force, does not
    // trip it; checked on the day, it does (unless the fixture's own dates make it quiet
    // then: a review date not yet due, a notice not yet stale; PN607's fixture is about the
    // Art 22C safeguards of 5 February 2026).
    let quiet_on_the_day = ["PN607", "PN703", "PN704"];
    for r in notice::registry::ALL {
        let Some(f) = r.in_force() else { continue };
        let path = Path::new("tests/fixtures/rules")
            .join(r.id)
            .join("fail.yaml");
        let src = source(&path);
        let day = notice::model::Date::ymd(f.ymd.0, f.ymd.1, f.ymd.2);
        let fired = |d| check_on(&src, d).iter().any(|x| x.rule == r.id);
        assert!(
            !fired(before(day)),
            "{} fires the day before {}",
            r.id,
            f.day
        );
        if !quiet_on_the_day.contains(&r.id) && r.stage == notice::registry::Stage::Check {
            assert!(fired(day), "{} does not fire on {}", r.id, f.day);
        }
    }
}

#[test]
fn the_1998_act_and_the_eea_were_right_before_their_successors() {
    let with = |body: &str| {
        let base = source(Path::new("tests/fixtures/rules/PN907/fail.yaml"));
        SourceFile::from_text(
            "v.yaml",
            base.text
                .replacen(BODY_PN907, &format!("    body: {body}"), 1),
        )
    };
    let d = notice::model::Date::ymd;
    let on = |src: &SourceFile, date, rule| check_on(src, date).iter().any(|x| x.rule == rule);
    let dpa = with("We comply with the Data Protection Act 1998.");
    assert!(!on(&dpa, d(2018, 5, 24), "PN901"));
    assert!(on(&dpa, d(2018, 5, 25), "PN901"));
    let eea = with("We do not transfer your data outside the EEA.");
    assert!(!on(&eea, d(2020, 12, 31), "PN902"));
    assert!(on(&eea, d(2021, 1, 1), "PN902"));
    let gdpr = with("We comply with the GDPR.");
    assert!(!on(&gdpr, d(2020, 12, 31), "PN903"));
    assert!(on(&gdpr, d(2021, 1, 1), "PN903"));
    // "Supervisory authority" is out of date from 2021; "Article 77" only from 19 June 2026.
    let sa = with("You can complain to the supervisory authority.");
    assert!(!on(&sa, d(2020, 12, 31), "PN906"));
    assert!(on(&sa, d(2021, 1, 1), "PN906"));
    let art77 = with("You have the right under Article 77 to complain.");
    assert!(!on(&art77, d(2026, 6, 18), "PN906"));
    assert!(on(&art77, d(2026, 6, 19), "PN906"));
    // The adequacy message names the UK instrument of the day.
    let adq = with("We transfer data to countries with an adequacy decision.");
    let msg = |date| {
        check_on(&adq, date)
            .into_iter()
            .find(|x| x.rule == "PN915")
            .map(|x| x.message)
            .unwrap_or_default()
    };
    assert!(msg(d(2021, 1, 1)).contains("s17A"));
    assert!(msg(d(2026, 2, 5)).contains("Art 45A"));
}

#[test]
fn explain_shows_when_a_rule_applies_from() {
    let r = notice::registry::find("PN603").unwrap();
    assert!(
        r.docs()
            .contains("Applies from 19 June 2026 (DUAA 2025 s103"),
        "{}",
        r.docs()
    );
    let r = notice::registry::find("PN001").unwrap();
    assert!(r.docs().contains("Applies on any day"));
}

#[test]
fn a_newsletter_purpose_is_asked_whether_it_is_direct_marketing() {
    let found = rules_with(
        "PN209/pass.yaml",
        "    direct_marketing: true\n",
        "    direct_marketing: false\n",
    );
    assert!(!found.contains(&"PN209"), "an answer either way: {found:?}");
    for name in [
        "To send you our e-bulletin",
        "Fundraising appeals",
        "Our mailing list",
    ] {
        let found = rules_with(
            "PN209/fail.yaml",
            "To send you our newsletter and invitations to events",
            name,
        );
        assert!(found.contains(&"PN209"), "{name}: {found:?}");
    }
}

#[test]
fn consent_by_conduct_is_not_consent() {
    // Sussex: transfers "agreed" by e-mailing the university.
    let found = with_body(
        "By communicating electronically with us, you acknowledge and agree to your data being processed outside the UK.",
    );
    assert!(found.contains(&"PN907"), "{found:?}");
    assert!(!with_body("By contacting us you help us improve our service.").contains(&"PN907"));
}

#[test]
fn a_period_that_ends_only_on_request_is_not_a_period() {
    // Environment Agency: lower-tier registrations kept "unless you ask".
    let found = rules_with(
        "PN907/pass.yaml",
        "  default: 2 years from the date of last contact",
        "  default: Kept unless you ask us to remove it",
    );
    assert!(found.contains(&"PN502"), "{found:?}");
    let found = rules_with(
        "PN907/pass.yaml",
        "  default: 2 years from the date of last contact",
        "  default: 2 years, or until you ask us to remove it if sooner",
    );
    assert!(!found.contains(&"PN502"), "{found:?}");
}

// ── Item 7: findings a person can act on ───────────────────────────────────────────────

#[test]
fn one_rule_on_many_items_is_one_finding_with_every_location() {
    let src = source(Path::new("tests/corpus/sussex-university-2017.yaml"));
    let diags = check_on(&src, AS_OF);
    let pn202: Vec<_> = diags.iter().filter(|d| d.rule == "PN202").collect();
    assert_eq!(pn202.len(), 1, "{pn202:#?}");
    assert_eq!(pn202[0].also.len(), 6);
    assert!(
        pn202[0]
            .message
            .starts_with("7 purposes have no lawful basis: `marketing`")
    );
    let report = notice::diag::FileReport {
        source: src.clone(),
        diagnostics: diags.clone(),
    };
    let json: serde_json::Value =
        serde_json::from_str(&notice::diag::emit::json(std::slice::from_ref(&report))).unwrap();
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "PN202")
        .unwrap();
    assert_eq!(d["locations"].as_array().unwrap().len(), 7);
    let sarif: serde_json::Value = serde_json::from_str(&notice::diag::emit::sarif(
        std::slice::from_ref(&report),
        Path::new(env!("CARGO_MANIFEST_DIR")),
    ))
    .unwrap();
    let r = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "PN202")
        .unwrap();
    assert_eq!(r["locations"].as_array().unwrap().len(), 7);
}

#[test]
fn a_missing_block_has_no_code_frame_and_says_where_it_goes() {
    let src = source(Path::new("tests/corpus/sussex-university-2017.yaml"));
    let diags = check_on(&src, AS_OF);
    let pn501 = diags.iter().find(|d| d.rule == "PN501").unwrap();
    assert!(!pn501.span.is_known());
    assert!(
        pn501
            .help
            .as_deref()
            .unwrap()
            .contains("`retention:` is a top-level block")
    );
    let report = notice::diag::FileReport {
        source: src,
        diagnostics: vec![pn501.clone()],
    };
    let human = notice::diag::emit::human(&[report], false);
    assert!(!human.contains(" 1 |"), "{human}");
}

#[test]
fn the_help_of_pn603_is_accepted_by_pn604() {
    // Following PN603's help (a form and a postal address) must not trip PN604.
    let found = rules_with(
        "PN603/pass.yaml",
        "    form: https://www.wessex-pcc.example/data-complaint\n    address: [1 Example Road, Exampleton, EX1 1AA]\n",
        "    form: https://www.wessex-pcc.example/data-complaint\n    address: [1 Example Road, Exampleton, EX1 1AA]\n",
    );
    assert!(
        !found.contains(&"PN603") && !found.contains(&"PN604"),
        "{found:?}"
    );
    let help = findings_with(
        "PN603/pass.yaml",
        "    form: https://www.wessex-pcc.example/data-complaint\n    address: [1 Example Road, Exampleton, EX1 1AA]\n",
        "    hours: 9am to 5pm\n",
    )
    .into_iter()
    .find(|d| d.rule == "PN603")
    .and_then(|d| d.help)
    .unwrap();
    assert!(help.contains("form") && help.contains("address"), "{help}");
}

#[test]
fn criminal_data_under_official_authority_needs_no_policy_document() {
    // Art 10's first limb (official authority) needs no Schedule 1 condition.
    let found = rules_with(
        "PN306/pass.yaml",
        "appropriate_policy_document:\n  title: Appropriate policy document\n  url: https://www.wessex-pcc.example/apd\n",
        "",
    );
    assert!(!found.contains(&"PN305"), "{found:?}");
}

#[test]
fn e_mail_domains_one_letter_apart_are_questioned() {
    let found = rules_with(
        "PN907/pass.yaml",
        "    email: dpo@wessex-pcc.example",
        "    email: dpo@wessexpcc.example",
    );
    assert!(found.contains(&"PN921"), "{found:?}");
    assert!(!rules_with("PN907/pass.yaml", "Privacy notice", "Privacy notice").contains(&"PN921"));
}

// ── Exemptions (Art 13(4), 13(5), 14(5)) ───────────────────────────────────────────────

/// The PN410 fail fixture's exemption: disproportionate effort for the force's referrals,
/// with no measures.
const EXEMPTION_PN410: &str = "    ground: disproportionate_effort\n";

fn exemption_on(ground: &str, day: notice::model::Date) -> Vec<notice::diag::Diagnostic> {
    let base = source(Path::new("tests/fixtures/rules/PN410/fail.yaml"));
    let src = SourceFile::from_text(
        "variant.yaml",
        base.text
            .replacen(EXEMPTION_PN410, &format!("    ground: {ground}\n"), 1),
    );
    check_on(&src, day)
}

#[test]
fn the_disproportionate_effort_exemption_is_cited_as_the_law_stood_that_day() {
    // DUAA 2025 s77 (SI 2026/82 reg 2(i)) moved the ground from Art 14(5)(b) to
    // Art 14(5)(e), and the measures to Art 14(7), on 5 February 2026.
    let d = notice::model::Date::ymd;
    let message = |day| {
        exemption_on("disproportionate_effort", day)
            .into_iter()
            .find(|x| x.rule == "PN410")
            .map(|x| x.message)
            .expect("PN410 fires")
    };
    let before = message(d(2026, 2, 4));
    assert!(before.contains("Art 14(5)(b)"), "{before}");
    assert!(!before.contains("Art 14(7)"), "{before}");
    let on = message(d(2026, 2, 5));
    assert!(
        on.contains("Art 14(5)(e)") && on.contains("Art 14(7)"),
        "{on}"
    );
    let impair = exemption_on("seriously_impair", d(2026, 2, 5));
    assert!(
        impair
            .iter()
            .any(|x| x.rule == "PN410" && x.message.contains("Art 14(5)(f)"))
    );
    // No exemption rule applies before the GDPR did.
    assert!(
        exemption_on("disproportionate_effort", d(2018, 5, 24))
            .iter()
            .all(|x| !x.rule.starts_with("PN41"))
    );
}

#[test]
fn the_research_exemption_exists_only_from_5_february_2026() {
    let d = notice::model::Date::ymd;
    // The fixture's exemption covers a source, not a purpose: research needs purposes.
    let research = |day| {
        let base = source(Path::new("tests/fixtures/rules/PN410/fail.yaml"));
        let text = base
            .text
            .replacen(EXEMPTION_PN410, "    ground: research\n", 1)
            .replacen("    sources: [force]\n", "    purposes: [correspondence]\n    measures: This notice is published on our website.\n", 1);
        check_on(&SourceFile::from_text("variant.yaml", text), day)
    };
    let before = research(d(2026, 2, 4));
    assert!(
        before
            .iter()
            .any(|x| x.rule == "PN411" && x.message.contains("only from 5 February 2026")),
        "{before:#?}"
    );
    // Without measures, the day before, only PN411 speaks: there is no Art 13(7) yet.
    let base = source(Path::new("tests/fixtures/rules/PN410/fail.yaml"));
    let bare = base
        .text
        .replacen(EXEMPTION_PN410, "    ground: research\n", 1)
        .replacen(
            "    sources: [force]\n",
            "    purposes: [correspondence]\n",
            1,
        );
    let bare = |day| {
        check_on(&SourceFile::from_text("variant.yaml", bare.clone()), day)
            .into_iter()
            .map(|d| d.rule)
            .collect::<Vec<_>>()
    };
    assert_eq!(bare(d(2026, 2, 4)), ["PN411"]);
    assert_eq!(bare(d(2026, 2, 5)), ["PN410"]);
    let on = research(d(2026, 2, 5));
    assert!(on.iter().all(|x| x.rule != "PN411"), "{on:#?}");
}

#[test]
fn an_art_14_5_ground_cannot_cover_data_people_give_themselves() {
    for ground in [
        "disproportionate_effort",
        "seriously_impair",
        "required_by_law",
        "professional_secrecy",
    ] {
        let found = rules_with(
            "PN412/pass.yaml",
            "    ground: required_by_law\n",
            &format!("    ground: {ground}\n    measures: Published on our website.\n"),
        );
        assert!(
            !found.contains(&"PN411"),
            "{ground} on a police source: {found:?}"
        );
        let base = source(Path::new("tests/fixtures/rules/PN412/pass.yaml"));
        let text = base
            .text
            .replacen(
                "    ground: required_by_law\n",
                &format!("    ground: {ground}\n    measures: Published on our website.\n"),
                1,
            )
            .replacen("    sources: [force]\n", "    sources: [you]\n", 1);
        let found: Vec<_> = check_on(&SourceFile::from_text("v.yaml", text), AS_OF)
            .into_iter()
            .map(|d| d.rule)
            .collect();
        assert!(
            found.contains(&"PN411"),
            "{ground} on the person: {found:?}"
        );
    }
    // The person already having the information is an exception for both articles.
    let base = source(Path::new("tests/fixtures/rules/PN412/pass.yaml"));
    let text = base
        .text
        .replacen(
            "    ground: required_by_law\n",
            "    ground: already_informed\n",
            1,
        )
        .replacen("    sources: [force]\n", "    sources: [you]\n", 1);
    assert!(check_on(&SourceFile::from_text("v.yaml", text), AS_OF).is_empty());
}

#[test]
fn an_exemption_for_a_source_turns_off_the_art_14_questions_about_it() {
    // PN407's fail fixture: a source that may be public says nothing. Declared exempt
    // for disproportionate effort, it is not asked about, but the measures are.
    let exempt = "recipients: []\nexemptions:\n  - id: press\n    ground: disproportionate_effort\n    reason: We cannot trace the people named in press reports.\n    sources: [force]\n";
    let found = rules_with("PN407/fail.yaml", "recipients: []\n", exempt);
    assert_eq!(found, ["PN410"]);
    let measured = exempt.to_owned() + "    measures: This notice is published on our website.\n";
    assert!(rules_with("PN407/fail.yaml", "recipients: []\n", &measured).is_empty());
    // An exemption with no scope covers nothing and is itself a finding.
    let blanket = "recipients: []\nexemptions:\n  - id: all\n    ground: already_informed\n    reason: People know.\n";
    let found = rules_with("PN407/fail.yaml", "recipients: []\n", blanket);
    assert!(
        found.contains(&"PN407") && found.contains(&"PN411"),
        "{found:?}"
    );
}

#[test]
fn a_purpose_people_already_know_about_is_not_asked_for_its_basis() {
    // PN202's fail fixture: purpose `correspondence` has no lawful basis.
    let base = source(Path::new("tests/fixtures/rules/PN202/fail.yaml"));
    let with = |ground: &str| {
        let text = format!(
            "{}\nexemptions:\n  - id: told\n    ground: {ground}\n    reason: The application form tells people this before they apply.\n    purposes: [correspondence]\n",
            base.text.trim_end()
        );
        check_on(&SourceFile::from_text("v.yaml", text), AS_OF)
            .into_iter()
            .map(|d| d.rule)
            .collect::<Vec<_>>()
    };
    assert!(!with("already_informed").contains(&"PN202"));
    // Research (Art 13(5)) covers telling people of a new use, not the basis.
    assert!(with("research").contains(&"PN202"));
}

#[test]
fn a_published_notice_is_asked_for_erasure_only_where_it_applies() {
    // The PN610 fixtures rely on a public task: erasure is not asked for (Art 17(3)(b)).
    let found = findings_with(
        "PN610/pass.yaml",
        "  rights: [access, rectification, erasure, restriction, object]\n",
        "  rights: [access, rectification, restriction, object]\n",
    );
    assert!(found.is_empty(), "{found:#?}");
    // With consent as well, it is.
    let base = source(Path::new("tests/fixtures/rules/PN610/pass.yaml"));
    let text = base
        .text
        .replacen(
            "lawful_basis: [public_task]",
            "lawful_basis: [public_task, consent]\n    withdraw_consent: E-mail us.",
            1,
        )
        .replacen(
            "  rights: [access, rectification, erasure, restriction, object]\n",
            "  rights: [access, rectification, restriction, object, withdraw_consent]\n",
            1,
        );
    let found = check_on(&SourceFile::from_text("v.yaml", text), AS_OF);
    let pn610: Vec<_> = found.iter().filter(|d| d.rule == "PN610").collect();
    assert_eq!(pn610.len(), 1, "{found:#?}");
    assert!(
        pn610[0].message.contains("the right to erasure"),
        "{}",
        pn610[0].message
    );
}
