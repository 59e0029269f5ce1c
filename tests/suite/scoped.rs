//! Issue 10 item 3: facts stated for one purpose as well as for the whole notice. Whether
//! people must give their data, how long it is kept, "shared with no one" and who it is
//! for, each in every combination (notice level only, purpose level only, both differing,
//! neither): what `check` reports, and the sentences the notice writes, under the purpose
//! and in the notice-wide section.

use notice::diag::Diagnostic;
use notice::model::{Date, Notice};
use notice::rules::CheckOptions;
use notice::source::SourceFile;

/// The facts that vary; everything else is a small clean notice with two purposes:
/// `complaints` (data from the person) and `referrals` (data from the police).
#[derive(Clone, Default)]
struct Facts {
    /// The notice's `provision_requirement`, as YAML lines under it.
    provision: Option<&'static str>,
    /// `complaints`' own `provision_requirement`.
    complaints_provision: Option<&'static str>,
    /// `retention.default`; `None` leaves out the `retention` block.
    retention_default: Option<&'static str>,
    /// `complaints`' `retention_statement`.
    complaints_retention: Option<&'static str>,
    /// `referrals`' `retention_policy` (title, linked).
    referrals_policy: bool,
    /// The notice's `recipients`: `None` absent, `Some(false)` empty, `Some(true)` a list.
    recipients: Option<bool>,
    complaints_no_one: bool,
    referrals_no_one: bool,
    /// Notice-level and purpose-level audiences.
    audience: bool,
    complaints_audience: bool,
}

const COMPLAINTS: &str = "To deal with your complaint";
const REFERRALS: &str = "To act on referrals from the police";
const STATUTORY: &str = "requirement: statutory\n      consequences: Without your account of events we cannot investigate your complaint.";
const VOLUNTARY: &str = "requirement: voluntary";
const DEFAULT: &str = "2 years from the date of last contact";
const OWN: &str = "We keep complaint files for 6 years after the complaint is closed.";

fn yaml(f: &Facts) -> String {
    let mut y = String::from(
        "notice:\n  title: Privacy notice\n  last_updated: \"2026-09-14\"\n  next_review: \"2027-09-14\"\n  review_statement: If we plan to use your information for a new purpose, we will tell you before we start.\n  alternative_formats:\n    formats: [large print]\n",
    );
    if f.audience {
        y.push_str("  audience: [public, staff]\n  audience_other: [Members of our youth panel]\n");
    }
    y.push_str(
        "controller:\n  name: The Police and Crime Commissioner for Wessex\n  public_authority: true\n  contact:\n    email: contact@wessex-pcc.example\n    phone: 01632 960 000\n\
dpo:\n  role: Data Protection Officer\n  contact:\n    email: dpo@wessex-pcc.example\n\
data_categories:\n  - id: contact\n    name: Contact details\n\
sources:\n  - id: you\n    name: You, when you contact us\n    kind: data_subject\n  - id: police\n    name: Wessex Police\n    kind: third_party\n    publicly_accessible: false\n",
    );
    match f.recipients {
        None => {}
        Some(false) => y.push_str("recipients: []\n"),
        Some(true) => y.push_str("recipients:\n  - id: council\n    name: Wessex County Council\n"),
    }
    y.push_str(&format!(
        "purposes:\n  - id: complaints\n    name: {COMPLAINTS}\n    lawful_basis: [public_task]\n    legislation: [Police Reform Act 2002]\n    data_categories: [contact]\n    sources: [you]\n"
    ));
    if f.complaints_audience {
        y.push_str("    audience: [complainants]\n");
    }
    if let Some(p) = f.complaints_provision {
        y.push_str(&format!("    provision_requirement:\n      {p}\n"));
    }
    if let Some(r) = f.complaints_retention {
        y.push_str(&format!("    retention_statement: {r}\n"));
    }
    if f.complaints_no_one {
        y.push_str("    shared_with_no_one: true\n");
    }
    y.push_str(&format!(
        "  - id: referrals\n    name: {REFERRALS}\n    lawful_basis: [public_task]\n    legislation: [Police Reform and Social Responsibility Act 2011]\n    data_categories: [contact]\n    sources: [police]\n"
    ));
    if f.referrals_policy {
        y.push_str("    retention_policy:\n      title: Referrals Retention Schedule\n      url: https://www.wessex-pcc.example/referrals-retention\n");
    }
    if f.referrals_no_one {
        y.push_str("    shared_with_no_one: true\n");
    }
    y.push_str("transfers:\n  outside_uk: false\nautomated_decision_making:\n  used: false\n");
    if let Some(d) = f.retention_default {
        y.push_str(&format!("retention:\n  default: {d}\n"));
    }
    if let Some(p) = f.provision {
        y.push_str(&format!(
            "provision_requirement:\n  {}\n",
            p.replace("\n      ", "\n  ")
        ));
    }
    y.push_str("complaints:\n  controller:\n    form: https://www.wessex-pcc.example/data-complaint\n    address: [1 Example Road, Exampleton, EX1 1AA]\n");
    y
}

fn checked(f: &Facts) -> (Option<Notice>, Vec<Diagnostic>) {
    let y = yaml(f);
    let src = SourceFile::from_text("scoped.yaml", y);
    let c = notice::check(
        &src,
        &CheckOptions {
            as_of: Date::ymd(2026, 11, 25),
        },
    );
    (c.notice, c.diagnostics)
}

/// The findings, as (rule, path).
fn findings(f: &Facts) -> Vec<(&'static str, String)> {
    checked(f).1.into_iter().map(|d| (d.rule, d.path)).collect()
}

/// The body of the notice, one paragraph (or list item) a line, white space collapsed.
fn body(f: &Facts) -> String {
    let (n, d) = checked(f);
    let n = n.unwrap_or_else(|| panic!("not understood: {d:?}\n{}", yaml(f)));
    let (env, _) = notice::templates::environment(None).unwrap();
    let md = notice::document::build::body_markdown(&n, &env).unwrap();
    md.split('\n')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The part of the body under the `### ~name` heading of a purpose, up to the next heading.
fn under_purpose<'a>(body: &'a str, name: &str) -> &'a str {
    let start = body
        .find(&format!("### ~{name}"))
        .unwrap_or_else(|| panic!("no section for {name}:\n{body}"));
    let rest = &body[start + 4..];
    let end = rest.find("\n#").unwrap_or(rest.len());
    &rest[..end]
}

/// The notice-wide section whose heading starts with `heading`, up to the next `## `.
fn section<'a>(body: &'a str, heading: &str) -> Option<&'a str> {
    let start = body.find(&format!("## {heading}"))?;
    let rest = &body[start + 3..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(&rest[..end])
}

fn clean() -> Facts {
    Facts {
        provision: Some(VOLUNTARY),
        retention_default: Some(DEFAULT),
        recipients: Some(true),
        ..Facts::default()
    }
}

#[test]
fn the_base_notice_is_clean() {
    assert_eq!(findings(&clean()), vec![]);
}

// ── Whether people must give their data (Art 13(2)(e)) ─────────────────────────────────

const NOTICE_VOLUNTARY: &str =
    "You do not have to give us your personal information: it is your choice.";
const PURPOSE_STATUTORY: &str =
    "For this purpose, the law requires you to give us some personal information.";

#[test]
fn provision_notice_level_only() {
    let f = clean();
    assert_eq!(findings(&f), vec![]);
    let b = body(&f);
    let s = section(&b, "If you do not give us your information").expect("section");
    assert!(s.contains(NOTICE_VOLUNTARY), "{s}");
    assert!(
        !s.contains("own answer") && !s.contains("under these purposes"),
        "{s}"
    );
    assert!(!b.contains("For this purpose,"), "{b}");
}

#[test]
fn provision_purpose_level_only() {
    // `referrals` takes its data from the police: Art 13(2)(e) does not ask it.
    let f = Facts {
        provision: None,
        complaints_provision: Some(STATUTORY),
        ..clean()
    };
    assert_eq!(findings(&f), vec![]);
    let b = body(&f);
    let p = under_purpose(&b, COMPLAINTS);
    assert!(p.contains(PURPOSE_STATUTORY), "{p}");
    assert!(p.contains("Without your account of events"), "{p}");
    let s = section(&b, "If you do not give us your information").expect("section");
    assert!(
        s.contains(&format!(
            "We say whether you must give us your information under this purpose in \"Why we use your information\": {COMPLAINTS}."
        )),
        "{s}"
    );
    assert!(!b.contains(NOTICE_VOLUNTARY), "{b}");
}

#[test]
fn provision_both_levels_differing() {
    let f = Facts {
        complaints_provision: Some(STATUTORY),
        ..clean()
    };
    assert_eq!(findings(&f), vec![]);
    let b = body(&f);
    assert!(
        under_purpose(&b, COMPLAINTS).contains(PURPOSE_STATUTORY),
        "{b}"
    );
    assert!(
        !under_purpose(&b, REFERRALS).contains("For this purpose"),
        "{b}"
    );
    let s = section(&b, "If you do not give us your information").expect("section");
    // The notice-wide answer is said to apply to the other purposes only.
    let own = s
        .find(&format!("One purpose has its own answer, given under it in \"Why we use your information\": {COMPLAINTS}. For our other purposes:"))
        .unwrap_or_else(|| panic!("{s}"));
    let general = s.find(NOTICE_VOLUNTARY).unwrap_or_else(|| panic!("{s}"));
    assert!(own < general, "{s}");
    // Two purposes with their own answer: the sentence is plural, and names both.
    let y = yaml(&f).replace(
        "    sources: [police]\n",
        "    sources: [police]\n    provision_requirement:\n      requirement: voluntary\n",
    );
    let n = notice::check(
        &SourceFile::from_text("scoped.yaml", y),
        &CheckOptions {
            as_of: Date::ymd(2026, 11, 25),
        },
    )
    .notice
    .expect("understood");
    let (env, _) = notice::templates::environment(None).unwrap();
    let md = notice::document::build::body_markdown(&n, &env).unwrap();
    let md = md.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        md.contains(&format!("Some purposes have their own answer, given under each of them in \"Why we use your information\": {COMPLAINTS} and {REFERRALS}. For our other purposes:")),
        "{md}"
    );
}

#[test]
fn provision_neither_level() {
    let f = Facts {
        provision: None,
        ..clean()
    };
    assert_eq!(
        findings(&f),
        vec![("PN605", "provision_requirement".to_owned())]
    );
    let b = body(&f);
    assert!(
        section(&b, "If you do not give us your information").is_none(),
        "{b}"
    );
    assert!(!b.contains("give us your personal information"), "{b}");
}

#[test]
fn provision_a_purpose_without_its_own_answer_is_named() {
    // `complaints` answers for itself; `referrals` now also takes data from the person and
    // has no answer at either level.
    let f = Facts {
        provision: None,
        complaints_provision: Some(VOLUNTARY),
        ..clean()
    };
    let y = yaml(&f).replace("    sources: [police]\n", "    sources: [police, you]\n");
    let src = SourceFile::from_text("scoped.yaml", y);
    let d = notice::check(
        &src,
        &CheckOptions {
            as_of: Date::ymd(2026, 11, 25),
        },
    )
    .diagnostics;
    let got: Vec<(&str, &str)> = d.iter().map(|d| (d.rule, d.path.as_str())).collect();
    assert_eq!(got, vec![("PN605", "purposes[1].provision_requirement")]);
    assert!(
        d[0].message.contains("purpose `referrals`"),
        "{}",
        d[0].message
    );
    // A purpose that names no source may take data from the person when the notice has
    // such a source: it is asked too.
    let y = yaml(&f).replace("    sources: [police]\n", "");
    let src = SourceFile::from_text("scoped.yaml", y);
    let d = notice::check(
        &src,
        &CheckOptions {
            as_of: Date::ymd(2026, 11, 25),
        },
    )
    .diagnostics;
    let got: Vec<(&str, &str)> = d.iter().map(|d| (d.rule, d.path.as_str())).collect();
    assert_eq!(got, vec![("PN605", "purposes[1].provision_requirement")]);
}

#[test]
fn provision_a_purpose_statement_must_be_complete() {
    let f = Facts {
        complaints_provision: Some("requirement: statutory"),
        ..clean()
    };
    let d = checked(&f).1;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].rule, "PN605");
    assert_eq!(d[0].path, "purposes[0].provision_requirement.consequences");
    assert!(
        d[0].message
            .starts_with("providing data is a statutory requirement for purpose `complaints`"),
        "{}",
        d[0].message
    );
    // Art 13(2)(e) does not ask it of a purpose whose data all comes from others.
    let y = yaml(&clean()).replace(
        "    sources: [police]\n",
        "    sources: [police]\n    provision_requirement:\n      requirement: statutory\n",
    );
    let d = notice::check(
        &SourceFile::from_text("scoped.yaml", y),
        &CheckOptions {
            as_of: Date::ymd(2026, 11, 25),
        },
    )
    .diagnostics;
    assert!(d.is_empty(), "{d:?}");
}

// ── How long data is kept (Art 13(2)(a)) ───────────────────────────────────────────────

#[test]
fn retention_notice_level_only() {
    let f = clean();
    let b = body(&f);
    assert!(
        under_purpose(&b, COMPLAINTS).contains(&format!("**Kept for:** {DEFAULT}")),
        "{b}"
    );
    let s = section(&b, "How long we keep your information").expect("section");
    assert!(
        s.contains(&format!("We keep personal information for {DEFAULT}.")),
        "{s}"
    );
    assert!(
        !s.contains("Unless a purpose") && !s.contains("under each of them"),
        "{s}"
    );
    assert!(
        b.contains(&format!("**How long we keep it:** {DEFAULT}.")),
        "summary: {b}"
    );
}

#[test]
fn retention_purpose_level_only() {
    let f = Facts {
        retention_default: None,
        complaints_retention: Some(OWN),
        referrals_policy: true,
        ..clean()
    };
    assert_eq!(findings(&f), vec![]);
    let b = body(&f);
    let c = under_purpose(&b, COMPLAINTS);
    assert!(
        c.contains(&format!("**How long we keep it:** {OWN}")),
        "{c}"
    );
    assert!(!c.contains("Kept for"), "{c}");
    let r = under_purpose(&b, REFERRALS);
    assert!(
        r.contains("Our [Referrals Retention Schedule](https://www.wessex-pcc.example/referrals-retention) sets out how long we keep the information used for this purpose."),
        "{r}"
    );
    let s = section(&b, "How long we keep your information").expect("section");
    assert!(
        s.contains(&format!("We say how long we keep the information used for these purposes under each of them in \"Why we use your information\": {COMPLAINTS} and {REFERRALS}.")),
        "{s}"
    );
    assert!(!b.contains("We keep personal information for"), "{b}");
    assert!(
        b.contains("**How long we keep it:** It depends on the purpose"),
        "summary: {b}"
    );
}

#[test]
fn retention_both_levels_differing() {
    let f = Facts {
        complaints_retention: Some(OWN),
        ..clean()
    };
    assert_eq!(findings(&f), vec![]);
    let b = body(&f);
    // The purpose's own words take the place of the default under it.
    let c = under_purpose(&b, COMPLAINTS);
    assert!(c.contains(OWN) && !c.contains(DEFAULT), "{c}");
    assert!(
        under_purpose(&b, REFERRALS).contains(&format!("**Kept for:** {DEFAULT}")),
        "{b}"
    );
    let s = section(&b, "How long we keep your information").expect("section");
    assert!(
        s.contains(&format!("Unless a purpose says otherwise in \"Why we use your information\" ({COMPLAINTS}), we keep personal information for {DEFAULT}.")),
        "{s}"
    );
    assert!(
        b.contains(&format!(
            "**How long we keep it:** {DEFAULT}, with some exceptions."
        )),
        "summary: {b}"
    );
}

#[test]
fn retention_neither_level() {
    let f = Facts {
        retention_default: None,
        ..clean()
    };
    assert_eq!(findings(&f), vec![("PN501", "retention".to_owned())]);
    let b = body(&f);
    assert!(
        section(&b, "How long we keep your information").is_none(),
        "{b}"
    );
    assert!(!b.contains("How long we keep it"), "{b}");
    // One purpose answering for itself: the other is named.
    let f = Facts {
        complaints_retention: Some(OWN),
        ..f
    };
    assert_eq!(
        findings(&f),
        vec![("PN501", "purposes[1].retention_statement".to_owned())]
    );
    let b = body(&f);
    assert!(
        b.contains(&format!("We say how long we keep the information used for this purpose under it in \"Why we use your information\": {COMPLAINTS}.")),
        "{b}"
    );
    assert!(!under_purpose(&b, REFERRALS).contains("Kept for"), "{b}");
}

#[test]
fn retention_a_purpose_policy_named_but_not_linked_is_vague() {
    let f = Facts {
        referrals_policy: true,
        ..clean()
    };
    assert_eq!(findings(&f), vec![]);
    let y = yaml(&f).replace(
        "      url: https://www.wessex-pcc.example/referrals-retention\n",
        "",
    );
    let src = SourceFile::from_text("scoped.yaml", y);
    let got: Vec<(&str, String)> = notice::check(
        &src,
        &CheckOptions {
            as_of: Date::ymd(2026, 11, 25),
        },
    )
    .diagnostics
    .into_iter()
    .map(|d| (d.rule, d.path))
    .collect();
    assert_eq!(
        got,
        vec![("PN502", "purposes[1].retention_policy.url".to_owned())]
    );
}

// ── Who data is shared with (Art 13(1)(e)) ─────────────────────────────────────────────

const BLANKET: &str = "We do not share your personal information with anyone outside our office.";

fn no_one_for(names: &[&str]) -> String {
    let which = if names.len() == 1 {
        "this purpose"
    } else {
        "these purposes"
    };
    format!(
        "We do not share the information we use for {which} with anyone outside our office: {}.",
        names.join(" and ")
    )
}

#[test]
fn recipients_every_combination() {
    for recipients in [None, Some(false), Some(true)] {
        for complaints_no_one in [false, true] {
            for referrals_no_one in [false, true] {
                let f = Facts {
                    recipients,
                    complaints_no_one,
                    referrals_no_one,
                    ..clean()
                };
                let all = complaints_no_one && referrals_no_one;
                let any = complaints_no_one || referrals_no_one;
                let why = format!(
                    "recipients {recipients:?}, complaints {complaints_no_one}, referrals {referrals_no_one}"
                );
                // PN401: answered by a list, or by every purpose; the purposes that
                // have not answered are named.
                let pn401 = recipients.is_none() && !all;
                if pn401 && any {
                    let d = checked(&f).1;
                    let silent = if complaints_no_one {
                        "referrals"
                    } else {
                        "complaints"
                    };
                    assert!(
                        d[0].message.starts_with(&format!(
                            "the notice does not say who the data of purpose `{silent}` is shared with"
                        )),
                        "{why}: {}",
                        d[0].message
                    );
                }
                assert_eq!(
                    findings(&f),
                    if pn401 {
                        vec![("PN401", "recipients".to_owned())]
                    } else {
                        vec![]
                    },
                    "{why}"
                );
                let b = body(&f);
                let s = section(&b, "Who we share your information with");
                let c = under_purpose(&b, COMPLAINTS);
                assert_eq!(
                    c.contains("**Shared with:** No one outside our office"),
                    complaints_no_one,
                    "{why}: {c}"
                );
                match (recipients, all, any) {
                    // Nothing said at either level: no section, no summary line.
                    (None, _, false) => {
                        assert!(s.is_none(), "{why}: {b}");
                        assert!(!b.contains("Who we share it with"), "{why}: {b}");
                    }
                    // Every purpose says no one: the notice can say so of all its data.
                    (None, true, _) | (Some(false), _, _) => {
                        let s = s.unwrap_or_else(|| panic!("{why}: {b}"));
                        assert!(s.contains(BLANKET), "{why}: {s}");
                        assert!(!s.contains("these purposes"), "{why}: {s}");
                        assert!(
                            b.contains("**Who we share it with:** No one outside our office."),
                            "{why}: {b}"
                        );
                    }
                    // Some purposes say no one: named, and nothing said of the rest.
                    (None, false, true) => {
                        let s = s.unwrap_or_else(|| panic!("{why}: {b}"));
                        assert!(!s.contains(BLANKET), "{why}: {s}");
                        let name = if complaints_no_one {
                            COMPLAINTS
                        } else {
                            REFERRALS
                        };
                        assert!(s.contains(&no_one_for(&[name])), "{why}: {s}");
                        assert!(!b.contains("Who we share it with"), "{why}: {b}");
                    }
                    (Some(true), _, _) => {
                        let s = s.unwrap_or_else(|| panic!("{why}: {b}"));
                        assert!(
                            s.contains("We may share personal information with:"),
                            "{why}: {s}"
                        );
                        assert!(!s.contains(BLANKET), "{why}: {s}");
                        let names: Vec<&str> = [
                            (complaints_no_one, COMPLAINTS),
                            (referrals_no_one, REFERRALS),
                        ]
                        .iter()
                        .filter(|(on, _)| *on)
                        .map(|(_, n)| *n)
                        .collect();
                        if names.is_empty() {
                            assert!(!s.contains("these purposes"), "{why}: {s}");
                        } else {
                            assert!(s.contains(&no_one_for(&names)), "{why}: {s}");
                        }
                    }
                }
            }
        }
    }
}

// ── Who the notice is for ──────────────────────────────────────────────────────────────

#[test]
fn audience_every_combination() {
    for audience in [false, true] {
        for complaints_audience in [false, true] {
            let f = Facts {
                audience,
                complaints_audience,
                ..clean()
            };
            // No rule of law turns on the audience.
            assert_eq!(findings(&f), vec![], "{audience} {complaints_audience}");
            let b = body(&f);
            assert_eq!(
                b.contains(
                    "This notice is for members of the public, our staff and Members of our youth panel."
                ),
                audience,
                "{b}"
            );
            assert_eq!(
                under_purpose(&b, COMPLAINTS)
                    .contains("**Who this is about:** People who make a complaint"),
                complaints_audience,
                "{b}"
            );
            assert!(
                !under_purpose(&b, REFERRALS).contains("Who this is about"),
                "{b}"
            );
        }
    }
}

#[test]
fn an_empty_audience_label_is_an_error() {
    let y = yaml(&Facts {
        audience: true,
        ..clean()
    })
    .replace("[Members of our youth panel]", "[\"  \"]");
    let src = SourceFile::from_text("scoped.yaml", y);
    let d = notice::check(
        &src,
        &CheckOptions {
            as_of: Date::ymd(2026, 11, 25),
        },
    )
    .diagnostics;
    assert!(
        d.iter()
            .any(|d| d.rule == "PN009" && d.path == "notice.audience_other[0]"),
        "{d:?}"
    );
}

// ── Every output ───────────────────────────────────────────────────────────────────────

/// The scoped sentences reach HTML, text and the large-print PDF, and the shared document
/// that Word, EPUB and braille are written from.
#[test]
fn every_output_shows_the_purpose_level_statements() {
    use notice::render::{Format, RenderContext, find_subsequence, words, words_in};
    let f = Facts {
        audience: true,
        complaints_audience: true,
        complaints_provision: Some(STATUTORY),
        complaints_retention: Some(OWN),
        complaints_no_one: true,
        ..clean()
    };
    let n = checked(&f).0.expect("understood");
    let (env, _) = notice::templates::environment(None).unwrap();
    let doc = notice::document::build::build(&n, &env).unwrap();
    let cx = RenderContext {
        env: &env,
        body_size: 18.0,
        braille_grade: 2,
    };
    let render = |name: &str| {
        Format::by_name(name)
            .unwrap()
            .render(&doc, &cx)
            .unwrap()
            .bytes
    };
    let html = crate::seeds::html_text(&String::from_utf8(render("html")).unwrap());
    let text = String::from_utf8(render("txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = dir.path().join("n.pdf");
    std::fs::write(&pdf_path, render("pdf")).unwrap();
    let pdf = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&pdf_path)
        .arg("-")
        .output()
        .expect("pdftotext runs (scripts/install-test-deps.sh installs poppler-utils)");
    assert!(pdf.status.success());
    let pdf = String::from_utf8(pdf.stdout).unwrap();
    let outputs = [
        ("document", words(&doc)),
        ("HTML", words_in(&html)),
        ("text", words_in(&text)),
        ("PDF", words_in(&pdf)),
    ];
    for sentence in [
        PURPOSE_STATUTORY,
        NOTICE_VOLUNTARY,
        OWN,
        "Shared with: No one outside our office",
        "Who this is about: People who make a complaint",
        "This notice is for members of the public, our staff and Members of our youth panel.",
        &format!(
            "One purpose has its own answer, given under it in \"Why we use your information\": {COMPLAINTS}. For our other purposes:"
        ),
        &no_one_for(&[COMPLAINTS]),
    ] {
        let want = words_in(sentence);
        for (name, got) in &outputs {
            assert!(
                find_subsequence(&want, got).is_ok(),
                "{name} lacks {sentence:?}"
            );
        }
    }
}
