//! Wording lints: phrases in the office's own text that cite repealed or wrong law.
//!
//! Each lint looks for fixed phrases, case-insensitively, in every free-text field, and
//! points at the phrase itself in the file. The phrase lists are deliberately narrow: a
//! false alarm costs an office as much trust as a missed one.

use super::{CheckOptions, commencement};
use crate::diag::Diagnostic;
use crate::model::schema::Contact;
use crate::model::{Date, Notice};
use crate::registry::*;
use crate::source::Sp;

/// An Art 6 lawful basis followed straight away by Art 9, as if the article were part of
/// the basis ("public task: article 9"): every basis with every way of writing the join.
/// Written out, not built per text: the lints run over every text of every notice.
const ART9_AFTER_BASIS: [&str; 30] = [
    "legal obligation: article 9",
    "legal obligation article 9",
    "legal obligation - article 9",
    "legal obligation (article 9",
    "legal obligation: art 9",
    "public task: article 9",
    "public task article 9",
    "public task - article 9",
    "public task (article 9",
    "public task: art 9",
    "consent: article 9",
    "consent article 9",
    "consent - article 9",
    "consent (article 9",
    "consent: art 9",
    "legitimate interests: article 9",
    "legitimate interests article 9",
    "legitimate interests - article 9",
    "legitimate interests (article 9",
    "legitimate interests: art 9",
    "vital interests: article 9",
    "vital interests article 9",
    "vital interests - article 9",
    "vital interests (article 9",
    "vital interests: art 9",
    "contract: article 9",
    "contract article 9",
    "contract - article 9",
    "contract (article 9",
    "contract: art 9",
];

pub(super) fn check(n: &Notice, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    let before = out.len();
    lint_all(n, opts, out);
    // Two phrases of one lint in the same line of the same field are one finding.
    let mut seen = std::collections::BTreeSet::new();
    let mut i = before;
    while i < out.len() {
        let d = &out[i];
        if seen.insert((d.rule, d.path.clone(), d.span.line)) {
            i += 1;
        } else {
            out.remove(i);
        }
    }
}

fn lint_all(n: &Notice, opts: &CheckOptions, out: &mut Vec<Diagnostic>) {
    let after_feb_2026 = !opts.as_of.is_before(commencement::DUAA_5_FEB_2026);
    let after_jun_2026 = !opts.as_of.is_before(commencement::DUAA_19_JUN_2026);
    let welsh = n
        .file
        .notice
        .as_ref()
        .and_then(|m| m.language.as_ref())
        .is_some_and(|l| l.value.to_ascii_lowercase().starts_with("cy"));
    // Each text folded once: the lints below read it many times.
    let texts: Vec<_> = n
        .texts()
        .into_iter()
        .map(|(path, text)| (path, text, fold(&text.value)))
        .collect();
    let tells_of_changes = texts
        .iter()
        .any(|(_, _, folded)| promises_to_tell_of_changes(folded));
    for (path, text, lower) in &texts {
        let mut lint = Lint {
            n,
            path,
            lower,
            text,
            out: &mut *out,
        };
        lint.phrases(&DPA_1998, &["data protection act 1998", "dpa 1998"], |m| {
            (
                format!("\"{m}\" was repealed on 25 May 2018"),
                "cite the UK GDPR and the Data Protection Act 2018".into(),
            )
        });
        // The EEA as the boundary of transfers ("we do not transfer outside the EEA") is the
        // error; a sentence naming the EEA for another reason is not.
        let eea = |m: &str| {
            (
                format!(
                    "\"{m}\" describes the EU transfer regime; UK law restricts transfers outside the UK"
                ),
                "say whether data leaves the UK, and set `transfers.outside_uk`".to_owned(),
            )
        };
        lint.find(
            &EEA_BOUNDARY,
            &["eea", "european economic area"],
            true,
            |sentence| {
                ["outside", "transfer", "beyond", "send", "sent"]
                    .iter()
                    .any(|w| sentence.contains(w))
            },
            eea,
        );
        lint.words(&EEA_BOUNDARY, &["privacy shield"], eea);
        lint.unqualified_gdpr(welsh);
        lint.words(&SAR_LEGACY, &["40 days", "£10"], |m| {
            (
                format!("\"{m}\" is a subject access term from the repealed 1998 Act"),
                "requests are free and answered within one month".into(),
            )
        });
        lint.dpa_without_year();
        // From 1 January 2021 the UK GDPR says "the Commissioner" where the EU GDPR said
        // "supervisory authority"; from 19 June 2026 Art 77 itself is gone. (The rule's
        // commencement, in the registry, keeps it quiet before 2021.)
        if after_jun_2026 {
            lint.words(&SUPERVISORY_AUTHORITY, &["article 77", "supervisory authority"], |m| {
                (format!("\"{m}\" no longer describes the complaint route (Art 77 was omitted on 19 June 2026)"), "say \"complain to the Information Commissioner's Office\"".into())
            });
        } else {
            lint.words(&SUPERVISORY_AUTHORITY, &["supervisory authority"], |m| {
                (format!("\"{m}\" is the EU GDPR's term; since 1 January 2021 the UK GDPR names the Information Commissioner"), "say \"complain to the Information Commissioner's Office\"".into())
            });
        }
        let deemed = |m: &str| {
            (
                format!("\"{m}\" suggests people agree to the notice by using the site"),
                "remove the sentence: a privacy notice informs, it is not agreed to".to_owned(),
            )
        };
        // "By using our website you agree ..." is deemed acceptance; "by using our website's
        // contact form you can ..." is not, so these need agreement in the same sentence.
        // "By using this website, you consent to cookies" is not about the notice at all: it
        // deems consent to cookies, which PECR reg 6 with Art 4(11) forbids (PN916).
        let by_using = [
            "by using our site",
            "by using this site",
            "by using our website",
            "by using this website",
            "by continuing to use",
            "by continuing to browse",
            "if you continue to use",
            "if you continue to browse",
        ];
        let agrees = |sentence: &str| {
            ["agree", "accept", "consent"]
                .iter()
                .any(|w| sentence.contains(w))
        };
        lint.phrases_where(
            &DEEMED_ACCEPTANCE,
            &by_using,
            |sentence| agrees(sentence) && !sentence.contains("cookie"),
            deemed,
        );
        // Consent by conduct: "by communicating electronically with us, you acknowledge and
        // agree" (to transfers, to processing).
        lint.phrases_where(
            &DEEMED_ACCEPTANCE,
            &[
                "by communicating",
                "by contacting us",
                "by e mailing us",
                "by emailing us",
                "by writing to us",
                "by submitting",
                "by providing",
                "by giving us",
                "by sending us",
            ],
            |sentence| {
                ["agree", "consent", "acknowledge"]
                    .iter()
                    .any(|w| sentence.contains(w))
                    && !sentence.contains("cookie")
            },
            |m| {
                (
                    format!("\"{m}\" treats what people do as their agreement; consent must be a clear affirmative act (and a transfer relying on consent needs explicit consent)"),
                    "remove the sentence, and give the real lawful basis (and, for transfers, the safeguard)".to_owned(),
                )
            },
        );
        // An Art 9(2) condition given as an Art 6 basis ("Legal obligation: Article 9(2)(h)").
        lint.phrases(&ART9_AS_BASIS, &ART9_AFTER_BASIS, |m| {
            (
                format!("\"{m}\" presents an Art 9(2) condition as an Art 6 lawful basis"),
                "give the Art 6 basis and the Art 9(2) condition separately (`lawful_basis` and `special_category_conditions`)".to_owned(),
            )
        });
        lint.phrases_where(
            &DEEMED_COOKIE_CONSENT,
            &by_using,
            |sentence| agrees(sentence) && sentence.contains("cookie"),
            |m| {
                (
                    format!("\"{m}\" treats browsing as consent to cookies; consent must be a clear positive act"),
                    "ask for consent to non-essential cookies before setting them (for example a cookie banner with equal accept and reject buttons), and say so".to_owned(),
                )
            },
        );
        lint.phrases(
            &DEEMED_ACCEPTANCE,
            &[
                "agree to accept this privacy notice",
                "you accept this privacy notice",
            ],
            deemed,
        );
        let check_back = |m: &str| {
            (
                format!("\"{m}\" puts the duty to spot changes on the reader"),
                "say how the office will tell people about changes".to_owned(),
            )
        };
        // A notice that also promises to tell people about important changes has met the
        // duty; asking readers to look now and then as well is harmless.
        if !tells_of_changes {
            lint.phrases(
                &CHECK_BACK,
                &["check back", "periodically review"],
                check_back,
            );
            // "We continue to check our records" is not about the notice.
            lint.phrases_where(
                &CHECK_BACK,
                &["continue to check"],
                |sentence| {
                    [
                        "page",
                        "notice",
                        "policy",
                        "site",
                        "change",
                        "update",
                        "regularly",
                    ]
                    .iter()
                    .any(|w| sentence.contains(w))
                },
                check_back,
            );
            // "Refer back to this notice", "review this document periodically", "check our
            // website for updates": only when the reader is asked ("you", "please"); "we
            // review this notice regularly" is the office's own duty.
            lint.phrases_where(
                &CHECK_BACK,
                &[
                    "refer back",
                    "review this document",
                    "review this notice",
                    "review this privacy notice",
                    "review this page",
                    "review this policy",
                    "check this page",
                    "check our website for updates",
                    "check the website for updates",
                    "check for updates",
                ],
                |sentence| {
                    (has_word(sentence, "you") || has_word(sentence, "please"))
                        && [
                            "notice", "page", "policy", "document", "website", "site", "update",
                        ]
                        .iter()
                        .any(|w| sentence.contains(w))
                        && [
                            "periodically",
                            "regularly",
                            "from time to time",
                            "each time",
                            "whenever",
                            "update",
                            "refer back",
                            "now and then",
                        ]
                        .iter()
                        .any(|w| sentence.contains(w))
                },
                check_back,
            );
        }
        let assessment = |m: &str| {
            (
                format!(
                    "\"{m}\" is the 1998 Act route; people now complain to the Information Commissioner"
                ),
                "say \"complain to the Information Commissioner's Office\"".to_owned(),
            )
        };
        lint.phrases(
            &REQUEST_ASSESSMENT,
            &["request the information commissioner to assess"],
            assessment,
        );
        // "We make an assessment of each request" is the office's own work, not the 1998
        // Act route: only an assessment by the Commissioner counts.
        lint.phrases_where(
            &REQUEST_ASSESSMENT,
            &["request an assessment", "make an assessment"],
            |sentence| sentence.contains("commissioner") || has_word(sentence, "ico"),
            assessment,
        );
        if after_feb_2026 {
            lint.phrases(&ART_22_WORDING, &["not to be subject to a decision based solely on automated processing"], |m| {
                (format!("\"{m}\" is the wording of Art 22, replaced by Arts 22A–22D on 5 February 2026"), "use `automated_decision_making` and let `notice` write the current wording".into())
            });
        }
        // EU adequacy decisions stopped governing UK transfers on 1 January 2021 (UK
        // adequacy regulations under DPA 2018 s17A); from 5 February 2026 they are made
        // under Art 45A.
        let regs = if after_feb_2026 {
            "adequacy regulations under Art 45A"
        } else {
            "adequacy regulations under DPA 2018 s17A"
        };
        lint.phrases_where(
            &ADEQUACY_WORDING,
            &["adequacy decision", "european commission"],
            |sentence| ["transfer", "outside", "send", "adequa"].iter().any(|w| sentence.contains(w)),
            |m| {
                (
                    format!("\"{m}\" is the EU transfer regime; UK transfers rely on {regs}"),
                    "say whether UK adequacy regulations cover the transfer, or which safeguard it relies on".into(),
                )
            },
        );
        for (wrong, right) in MISNAMES {
            lint.words(&MISNAMED, &[wrong], |m| {
                (
                    format!("\"{m}\" should be \"{right}\""),
                    format!("write \"{right}\""),
                )
            });
        }
        for d in DEFUNCT {
            if opts.as_of.is_before(d.since) {
                continue;
            }
            lint.words(&MISNAMED, &[d.name], |m| {
                (
                    format!("\"{m}\" {}", d.what),
                    format!("write \"{}\"", d.now),
                )
            });
        }
        lint.link_text();
        lint.empty_labels();
        if !opts.as_of.is_before(Date::ymd(2018, 5, 25)) {
            lint.phrases_where(
                &ICO_FEE_EXEMPTION,
                &[
                    "exempt from registering",
                    "exempt from registration",
                    "exempt from notification",
                    "exempt from paying",
                    "exempt from the fee",
                    "exempt from the data protection fee",
                    "not required to register",
                    "not need to register",
                    "not required to pay",
                ],
                |sentence| {
                    sentence.contains("commissioner")
                        || has_word(sentence, "ico")
                        || sentence.contains("controller")
                        || sentence.contains("fee")
                },
                |m| {
                    (
                        format!("\"{m}\": since 25 May 2018 controllers pay the Information Commissioner a data protection fee unless an exemption in the 2018 Charges Regulations applies"),
                        "give the ICO fee reference in `ico_registration`, or name the exemption relied on".into(),
                    )
                },
            );
        }
        if welsh {
            lint.phrases(&DPA_1998, &["deddf diogelu data 1998"], |m| {
                (
                    format!("\"{m}\" (the Data Protection Act 1998) was repealed on 25 May 2018"),
                    "cite GDPR y DU and Deddf Diogelu Data 2018".into(),
                )
            });
            lint.find(
                &EEA_BOUNDARY,
                &["ardal economaidd ewropeaidd", "aee"],
                true,
                |sentence| {
                    ["tu allan", "trosglwyddo", "tu hwnt", "anfon"]
                        .iter()
                        .any(|w| sentence.contains(w))
                },
                |m| {
                    (
                        format!("\"{m}\" (the European Economic Area) describes the EU transfer regime; UK law restricts transfers outside the UK"),
                        "say whether data leaves the UK, and set `transfers.outside_uk`".to_owned(),
                    )
                },
            );
        }
        lint.phrases(
            &CONSENT_WORDING,
            &[
                "predominantly be undertaken with your consent",
                "uses consent as the lawful basis",
            ],
            |m| {
                (
                    format!(
                        "\"{m}\": a public authority's usual basis is its public task, not consent"
                    ),
                    "describe the real lawful basis of each purpose".into(),
                )
            },
        );
        lint.unqualified_fee();
        lint.phone_numbers();
    }
    email_domains(n, out);
    for (path, c) in contacts(n) {
        let Some(last) = c.address.last() else {
            continue;
        };
        let t = last.value.trim();
        if let Some(fixed) = postcode_without_space(t) {
            out.push(POSTCODE.diag(
                last.span,
                &format!("{path}.address[{}]", c.address.len() - 1),
                format!("the postcode \"{t}\" has no space (\"{fixed}\")"),
                Some(format!("write \"{fixed}\"")),
            ));
        }
    }
    for (path, phone) in contact_phones(n) {
        let lower = fold(&phone.value);
        let mut lint = Lint {
            n,
            path: &path,
            lower: &lower,
            text: phone,
            out: &mut *out,
        };
        lint.phone_numbers();
    }
}

mod contacts;
mod lint;
mod phrases;
mod text;

use contacts::*;
use lint::*;
use phrases::*;
use text::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_in_a_text_always_passes_the_pair_filter() {
        // The filter may let through a phrase that is not there (a hash collision); it must
        // never stop one that is. Every phrase of every length cut from every seed line.
        let mut stopped = 0;
        let mut tried = 0;
        for (_, yaml) in crate::synth::SEEDS {
            for line in yaml.lines().take(400) {
                let folded = fold(line);
                let bytes = folded.text.as_bytes();
                for start in 0..bytes.len() {
                    for end in start + 1..=bytes.len().min(start + 24) {
                        if let Ok(phrase) = std::str::from_utf8(&bytes[start..end]) {
                            assert!(folded.may_contain(phrase), "{phrase:?} in {line:?}");
                        }
                    }
                }
                for phrase in ["data protection act 1998", "european economic area", "zz"] {
                    tried += 1;
                    if !folded.may_contain(phrase) {
                        stopped += 1;
                        assert!(!folded.text.contains(phrase));
                    }
                }
            }
        }
        // And it is worth having: most lines are spared the search.
        assert!(stopped * 2 > tried, "{stopped} of {tried}");
    }

    #[test]
    fn occurrences_are_where_match_indices_finds_them() {
        let texts = [
            "",
            "a",
            "aaaa",
            "aaaaa",
            "the gdpr, the uk gdpr and the gdpr",
            "gdprgdpr gdp gdpr",
            "ŵŷ caf\u{e9} — café ŵŷ and ŵ",
            "click here, click  here or click here",
        ];
        let phrases = [
            "a",
            "aa",
            "aaa",
            "gdpr",
            "the",
            "ŵ",
            "ŵŷ",
            "é",
            "café",
            "click here",
            " ",
        ];
        for t in texts {
            for p in phrases {
                let want: Vec<usize> = t.match_indices(p).map(|(i, _)| i).collect();
                let got: Vec<usize> = occurrences(t, p).collect();
                assert_eq!(got, want, "{p:?} in {t:?}");
            }
        }
        // Every phrase table the lints use, over every seed's text.
        for (_, yaml) in crate::synth::SEEDS {
            let folded = yaml.to_lowercase();
            for p in [
                "data protection",
                "gdpr",
                "eea",
                "we may",
                "for example",
                "e.g.",
            ] {
                let want: Vec<usize> = folded.match_indices(p).map(|(i, _)| i).collect();
                assert_eq!(occurrences(&folded, p).collect::<Vec<_>>(), want, "{p:?}");
            }
        }
    }

    #[test]
    fn finds_phone_shaped_runs() {
        let found: Vec<String> =
            phone_like("Call 01622 67055 (9am) or 0303 123 1113. Ref 04/09/2020, Z3653467")
                .into_iter()
                .map(|(_, d)| d)
                .collect();
        assert_eq!(found, ["0162267055", "03031231113"]);
    }

    #[test]
    fn addresses_are_not_prose() {
        let t = "see https://ico.org.uk/gdpr-guide or write to gdpr@example.gov.uk about the gdpr";
        let at = |n: usize| t.match_indices("gdpr").nth(n).unwrap().0;
        assert!(in_address(t, at(0)));
        assert!(in_address(t, at(1)));
        assert!(!in_address(t, at(2)));
        // The label of a Markdown link is prose; its target is not.
        let md = "[the gdpr](https://example.org/gdpr)";
        assert!(!in_address(md, 5));
        assert!(in_address(md, md.rfind("gdpr").unwrap()));
        // Multi-byte whitespace before a word is a delimiter, not a panic.
        assert!(!in_address("a\u{a0}gdpr", 3));
    }

    #[test]
    fn sentences_end_at_full_stops() {
        let t = "We use cookies. By using our website you agree. Version 2.1 applies.";
        let i = t.find("By using").unwrap();
        assert_eq!(
            sentence(t, i..i + 8).trim(),
            "By using our website you agree."
        );
        let i = t.find("Version").unwrap();
        assert_eq!(sentence(t, i..i + 7).trim(), "Version 2.1 applies.");
    }

    #[test]
    fn finds_postcodes_without_their_space() {
        assert_eq!(postcode_without_space("EX30NW").as_deref(), Some("EX3 0NW"));
        assert_eq!(
            postcode_without_space("ME159BZ").as_deref(),
            Some("ME15 9BZ")
        );
        assert_eq!(
            postcode_without_space("SW1A2AA").as_deref(),
            Some("SW1A 2AA")
        );
        assert_eq!(postcode_without_space("EX3 0NW"), None);
        assert_eq!(postcode_without_space("Exeter"), None);
        assert_eq!(postcode_without_space("DEVON"), None);
    }

    #[test]
    fn judges_uk_number_lengths() {
        assert!(uk_number_problem("01622677055").is_none());
        assert!(uk_number_problem("0162267055").is_some());
        assert!(uk_number_problem("0800111111").is_none());
        assert!(uk_number_problem("011622989801").is_some());
        assert!(uk_number_problem("00441622677055").is_none());
    }
}
