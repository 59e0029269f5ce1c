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
    assert!(with_body(asked).contains(&"PN908"));
    // North Yorkshire 2020, Leicestershire: the reader is asked, and also promised.
    let promised = "We may need to change this notice, so please check our website for updates from time to time. If there are important changes, such as a change to where your data is processed, we will contact you to tell you.";
    assert!(!with_body(promised).contains(&"PN908"));
    // The office reviewing its own notice is not an onus on the reader.
    assert!(!with_body("We review this notice regularly.").contains(&"PN908"));
    for onus in [
        "We encourage you to periodically review this privacy notice.",
        "We encourage you to review this document periodically.",
        "Please refer back to this Privacy Notice whenever you send us personal data.",
    ] {
        assert!(with_body(onus).contains(&"PN908"), "{onus}");
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
        "  title: Privacy notice\n  published: 2026-09-14\n",
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
