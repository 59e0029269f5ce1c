//! The sentences `notice` writes itself, for every combination of the facts they depend on:
//! lawful bases × public authority × consent × automated decisions × transfers (qualified
//! answers included). Each combination is rendered and the sentence the law requires is
//! asserted, as is the absence of sentences the facts do not support. The table of these
//! sentences, with the facts and articles, is in `docs/law.md`.

use notice::model::Date;
use notice::rules::CheckOptions;
use notice::source::SourceFile;

const BASES: [&str; 7] = [
    "consent",
    "contract",
    "legal_obligation",
    "vital_interests",
    "public_task",
    "recognised_legitimate_interest",
    "legitimate_interests",
];

#[derive(Clone, Copy, Debug)]
enum Answer {
    No,
    Yes,
    Qualified,
}

const ADM_HEDGE: &str = "If we ever make such decisions about you we will tell you first.";
const TRANSFER_HEDGE: &str = "We would not normally send personal information abroad.";

fn yaml(bases: &[&str], pa: bool, explicit: bool, adm: Answer, tr: Answer, route: bool) -> String {
    let mut y = format!(
        "notice:\n  title: Privacy notice\n  last_updated: 2026-09-14\n  next_review: 2027-09-14\n\
controller:\n  name: The Wessex Office\n  public_authority: {pa}\n  contact:\n    email: contact@wessex.example\n\
data_categories:\n  - id: contact\n    name: Contact details\n  - id: health\n    name: Health\n    kind: special\n\
recipients:\n  - id: host\n    name: Survey host\n    role: processor\n\
purposes:\n  - id: work\n    name: Our work\n    lawful_basis: [{}]\n    data_categories: [contact{}]\n",
        bases.join(", "),
        if explicit { ", health" } else { "" }
    );
    if bases.contains(&"recognised_legitimate_interest") {
        y.push_str("    recognised_legitimate_interest: Safeguarding vulnerable people\n");
    }
    if bases.contains(&"legitimate_interests") {
        y.push_str("    legitimate_interests: Running the office well\n");
    }
    if explicit {
        y.push_str("    special_category_conditions:\n      - condition: explicit_consent\n");
    }
    y.push_str(match tr {
        Answer::No => "transfers:\n  outside_uk: false\n",
        Answer::Yes => "transfers:\n  outside_uk: true\n  destinations:\n    - destination: United States\n      recipients: [host]\n      safeguard: idta\n      copy_from: Ask our data protection officer.\n",
        Answer::Qualified => "transfers:\n  outside_uk: false\n  qualified_answer: We would not normally send personal information abroad.\n",
    });
    y.push_str(match adm {
        Answer::No => "automated_decision_making:\n  used: false\n",
        Answer::Yes => "automated_decision_making:\n  used: true\n  decisions:\n    - description: Shortlisting\n      logic: A score.\n      significance: No grant.\n      safeguards: Ask for a review.\n",
        Answer::Qualified => "automated_decision_making:\n  used: false\n  qualified_answer: If we ever make such decisions about you we will tell you first.\n",
    });
    if route {
        y.push_str("complaints:\n  controller:\n    email: complaints@wessex.example\n");
    }
    y
}

/// The body of the notice as one line of text per paragraph, white space collapsed.
fn render(yaml: &str) -> String {
    let src = SourceFile::from_bytes(std::path::Path::new("combo.yaml"), yaml.as_bytes().to_vec())
        .unwrap();
    let checked = notice::check(
        &src,
        &CheckOptions {
            as_of: Date::ymd(2026, 11, 25),
        },
    );
    let n = checked
        .notice
        .unwrap_or_else(|| panic!("not understood: {:?}\n{yaml}", checked.diagnostics));
    let (env, _) = notice::templates::environment(None).unwrap();
    let md = notice::document::build::body_markdown(&n, &env).unwrap();
    md.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn basis_sets() -> Vec<Vec<&'static str>> {
    let mut sets: Vec<Vec<&str>> = BASES.iter().map(|b| vec![*b]).collect();
    for (i, a) in BASES.iter().enumerate() {
        for b in &BASES[i + 1..] {
            sets.push(vec![a, b]);
        }
    }
    sets.push(vec![
        "public_task",
        "recognised_legitimate_interest",
        "legitimate_interests",
    ]);
    sets
}

#[test]
fn every_combination_says_what_the_law_requires() {
    let answers = [Answer::No, Answer::Yes, Answer::Qualified];
    let mut count = 0;
    for bases in basis_sets() {
        for pa in [true, false] {
            for explicit in [false, true] {
                for adm in answers {
                    for tr in answers {
                        let route = count % 2 == 0;
                        let y = yaml(&bases, pa, explicit, adm, tr, route);
                        let text = render(&y);
                        assert_sentences(&bases, explicit, adm, tr, route, &text).unwrap_or_else(
                            |e| panic!("{e}\n--- facts:\n{y}\n--- notice:\n{text}"),
                        );
                        count += 1;
                    }
                }
            }
        }
    }
    assert_eq!(count, 29 * 2 * 2 * 3 * 3);
}

fn has(text: &str, s: &str) -> bool {
    text.contains(s)
}

fn assert_sentences(
    bases: &[&str],
    explicit: bool,
    adm: Answer,
    tr: Answer,
    route: bool,
    text: &str,
) -> Result<(), String> {
    let uses = |b: &str| bases.contains(&b);
    let e = uses("public_task");
    let ea = uses("recognised_legitimate_interest");
    let f = uses("legitimate_interests");
    let consent = uses("consent") || explicit;
    let check = |ok: bool, what: &str| if ok { Ok(()) } else { Err(what.to_owned()) };

    // Subject access: usually free, with the exceptions (Art 12(5), 15(3)).
    check(
        has(text, "Using these rights is usually free."),
        "no 'usually free'",
    )?;
    check(!has(text, "Asking is free"), "unqualified 'free'")?;
    check(has(text, "extra copies"), "no Art 15(3) further-copies fee")?;

    // The right to object names exactly the bases used (Art 21(1)).
    let object = text.lines().find(|l| l.contains("(Article 21(1))"));
    check(
        object.is_some() == (e || ea || f),
        "objection passage present iff (e), (ea) or (f)",
    )?;
    if let Some(o) = object {
        check(
            o.contains("public tasks") == e,
            "objection names public tasks iff (e)",
        )?;
        check(
            o.contains("recognised legitimate interest") == ea,
            "objection names (ea) iff used",
        )?;
        check(
            o.contains("our legitimate interests") == f,
            "objection names (f) iff used",
        )?;
    }

    // Erasure: the grounds and Art 17(3) limits that follow from the facts.
    let erasure = text
        .lines()
        .find(|l| l.contains("delete your information (Article 17)"))
        .ok_or("no erasure passage")?;
    check(
        erasure.contains("withdrawn your consent") == consent,
        "erasure consent ground iff consent",
    )?;
    check(
        erasure.contains("after you have objected") == (e || ea || f),
        "erasure objection ground iff an objection right",
    )?;
    let limits = text
        .lines()
        .find(|l| l.contains("(Article 17(3))"))
        .ok_or("no Art 17(3) limits")?;
    check(
        limits.contains("if the law says we must"),
        "17(3)(b) legal duty",
    )?;
    check(limits.contains("legal claim"), "17(3)(e) legal claims")?;
    check(
        limits.contains("public tasks") == e,
        "17(3)(b) public tasks iff (e)",
    )?;

    // Withdrawing consent (Art 7(3)) iff consent or explicit consent.
    check(
        has(text, "you can withdraw it at any time") == consent,
        "withdrawal passage iff consent",
    )?;

    // Portability's public-task sentence only when public_task is used.
    if has(text, "(Article 20)") {
        check(
            has(
                text,
                "does not apply to information we use for our public tasks",
            ) == e,
            "portability public-task sentence iff (e)",
        )?;
    }

    // Automated decisions (Art 13(2)(f), 22A, 22C(2)).
    let adm_no =
        "We do not make decisions about you that have a legal or similarly significant effect";
    let adm_yes = "We make some decisions about people by automated means alone";
    let adm_rights = "(Article 22C(2))";
    match adm {
        Answer::No => {
            check(has(text, adm_no), "ADM no: the scoped negative sentence")?;
            check(
                !has(text, adm_yes) && !has(text, adm_rights),
                "ADM no: no yes wording",
            )?;
        }
        Answer::Yes => {
            check(has(text, adm_yes), "ADM yes: the disclosure")?;
            check(has(text, adm_rights), "ADM yes: Art 22C(2) safeguards")?;
            check(!has(text, adm_no), "ADM yes: no negative")?;
        }
        Answer::Qualified => {
            check(has(text, ADM_HEDGE), "ADM qualified: the office's words")?;
            check(
                !has(text, adm_no) && !has(text, adm_yes),
                "ADM qualified: no generated yes/no sentence",
            )?;
        }
    }

    // Transfers (Art 13(1)(f), 44A, 46).
    let tr_no = "We do not send your personal information outside the United Kingdom.";
    let tr_yes = "We send some personal information outside the United Kingdom.";
    match tr {
        Answer::No => {
            check(has(text, tr_no), "transfers no: the negative")?;
            check(!has(text, tr_yes), "transfers no: no yes wording")?;
            check(
                has(
                    text,
                    "**Outside the UK:** We do not send it outside the UK.",
                ),
                "transfers no: the summary says so",
            )?;
        }
        Answer::Yes => {
            check(has(text, tr_yes), "transfers yes: the disclosure")?;
            check(
                has(
                    text,
                    "**Outside the UK:** We send some information outside the UK",
                ),
                "transfers yes: the summary says so",
            )?;
            check(
                has(text, "UK International Data Transfer Agreement") && has(text, "(Article 46)"),
                "transfers yes: the IDTA under Art 46",
            )?;
            check(has(text, "Ask our data protection officer."), "copy route")?;
            check(!has(text, "to UK standards"), "no 'to UK standards'")?;
        }
        Answer::Qualified => {
            check(
                has(text, TRANSFER_HEDGE),
                "transfers qualified: the office's words",
            )?;
            check(
                !has(text, tr_no) && !has(text, tr_yes),
                "transfers qualified: no generated yes/no sentence",
            )?;
            check(
                !has(text, "We do not send it outside the UK")
                    && !has(text, "We send some information outside the UK"),
                "transfers qualified: no yes/no in the summary either",
            )?;
        }
    }

    // Complaints: the canonical ICO block always; "also" only after a route to the office.
    check(
        has(text, "Wycliffe House") && has(text, "Water Lane") && has(text, "0303 123 1113"),
        "the canonical ICO block",
    )?;
    check(
        has(
            text,
            "You can also complain to the Information Commissioner's Office",
        ) == route,
        "'also' iff a route to the office",
    )?;
    check(
        has(
            text,
            "You can complain to the Information Commissioner's Office",
        ) != route,
        "plain regulator sentence without a route",
    )?;

    // No facts the office did not give.
    for claim in [
        "Most of the information we hold comes from you",
        "only what is needed",
        "in large print",
        "We review this notice regularly",
    ] {
        check(!has(text, claim), &format!("unsupported claim: {claim}"))?;
    }
    check(
        has(
            text,
            "If we plan to use your information for a new purpose, we will tell you before we start",
        ),
        "the Art 13(3) commitment",
    )?;
    Ok(())
}

#[test]
fn a_controller_that_is_the_regulator_is_not_sent_to_itself() {
    let mut y = yaml(&["public_task"], true, false, Answer::No, Answer::No, true);
    y.push_str("  controller_is_regulator: true\n");
    let text = render(&y);
    // The full layer's complaints section (the at-a-glance summary is another template).
    let text = &text[text.find("## How to complain").unwrap()..];
    assert!(
        !text.contains("complain to the Information Commissioner's Office"),
        "{text}"
    );
    assert!(
        text.contains("We are also the UK regulator for data protection"),
        "{text}"
    );
    assert!(text.contains("section 167"), "{text}");
    assert!(text.contains("Wycliffe House"), "{text}");
}

#[test]
fn an_office_copy_of_the_regulator_follows_the_canonical_block() {
    let mut y = yaml(&["public_task"], true, false, Answer::No, Answer::No, true);
    y.push_str("  regulator:\n    email: casework@ico.org.uk\n");
    let text = render(&y);
    let canonical = text.find("Wycliffe House").unwrap();
    let office = text.find("casework@ico.org.uk").unwrap();
    assert!(canonical < office, "{text}");
}

#[test]
fn each_exemption_ground_is_one_sentence_and_prints_only_what_was_given() {
    // The sentence for each ground, with its article (the current lettering: the templates
    // always write today's law).
    let grounds = [
        (
            "already_informed",
            "People already have this information (UK GDPR Articles 13(4) and 14(5)(a)).",
        ),
        (
            "disproportionate_effort",
            "Telling each person would be impossible or would take a disproportionate effort (UK GDPR Article 14(5)(e)).",
        ),
        (
            "seriously_impair",
            "Telling people would make the purpose of using the information impossible, or seriously impair it (UK GDPR Article 14(5)(f)).",
        ),
        (
            "required_by_law",
            "The law requires us to obtain or disclose this information (UK GDPR Article 14(5)(c)).",
        ),
        (
            "professional_secrecy",
            "We must keep this information confidential under a duty of professional secrecy (UK GDPR Article 14(5)(d)).",
        ),
        (
            "research",
            "We use information people gave us for research, archiving or statistics, and telling each person would be impossible or would take a disproportionate effort (UK GDPR Article 13(5)).",
        ),
    ];
    let base = yaml(&["public_task"], true, false, Answer::No, Answer::No, true)
        + "sources:\n  - id: force\n    name: Wessex Police\n    kind: third_party\n    publicly_accessible: false\n";
    for (ground, sentence) in grounds {
        for full in [false, true] {
            let mut y = format!(
                "{base}exemptions:\n  - id: e\n    ground: {ground}\n    reason: Our reason in our words.\n"
            );
            if ground == "research" {
                y.push_str("    purposes: [work]\n");
            } else {
                y.push_str("    sources: [force]\n");
            }
            if full {
                y.push_str("    law: Example Act 2000 s1\n    measures: We publish this notice.\n");
            }
            let text = render(&y);
            let plain = text.replace("**", "");
            assert!(plain.contains(sentence), "{ground}: {text}");
            assert!(has(&text, "Our reason in our words."), "{ground}: {text}");
            assert_eq!(has(&text, "Example Act 2000 s1"), full, "{ground}: {text}");
            assert_eq!(has(&text, "What we do instead:"), full, "{ground}: {text}");
            let scope = if ground == "research" {
                "Used for:** Our work"
            } else {
                "Information from:** Wessex Police"
            };
            assert!(has(&text, scope), "{ground}: {text}");
            // Only the ground declared is stated.
            for (other, s) in grounds {
                if other != ground {
                    assert!(!plain.contains(s), "{ground} also says {other}: {text}");
                }
            }
        }
    }
    // No exemption, no section.
    let none = render(&base);
    assert!(!none.contains("Information we do not give everyone directly"));
}
