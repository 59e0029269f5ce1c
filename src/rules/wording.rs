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
use crate::source::{LineIndex, Sp};

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
    let lines = LineIndex::new(&n.source.text);
    let welsh = n
        .file
        .notice
        .as_ref()
        .and_then(|m| m.language.as_ref())
        .is_some_and(|l| l.value.to_ascii_lowercase().starts_with("cy"));
    let tells_of_changes = n
        .texts()
        .iter()
        .any(|(_, t)| promises_to_tell_of_changes(&fold(&t.value)));
    for (path, text) in n.texts() {
        let lower = fold(&text.value);
        let mut lint = Lint {
            n,
            lines: &lines,
            path: &path,
            lower: &lower,
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
        for basis in [
            "legal obligation",
            "public task",
            "consent",
            "legitimate interests",
            "vital interests",
            "contract",
        ] {
            lint.phrases(
                &ART9_AS_BASIS,
                &[
                    &format!("{basis}: article 9"),
                    &format!("{basis} article 9"),
                    &format!("{basis} - article 9"),
                    &format!("{basis} (article 9"),
                    &format!("{basis}: art 9"),
                ],
                |m| {
                    (
                        format!("\"{m}\" presents an Art 9(2) condition as an Art 6 lawful basis"),
                        "give the Art 6 basis and the Art 9(2) condition separately (`lawful_basis` and `special_category_conditions`)".to_owned(),
                    )
                },
            );
        }
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
            lines: &lines,
            path: &path,
            lower: &lower,
            text: phone,
            out: &mut *out,
        };
        lint.phone_numbers();
    }
}

/// A body that no longer exists, or a law that no longer applies, with what replaced it.
struct Defunct {
    name: &'static str,
    /// Said after the quoted name.
    what: &'static str,
    now: &'static str,
    /// From when the name is out of date.
    since: Date,
}

/// Defunct bodies and laws that no longer apply in the UK, with their successors. The dates
/// are those of the change (see docs/law.md).
const DEFUNCT: &[Defunct] = &[
    Defunct {
        name: "local government ombudsman",
        what: "was renamed the Local Government and Social Care Ombudsman in 2017",
        now: "Local Government and Social Care Ombudsman",
        since: Date::ymd(2017, 6, 19),
    },
    Defunct {
        name: "independent police complaints commission",
        what: "was replaced by the Independent Office for Police Conduct on 8 January 2018",
        now: "Independent Office for Police Conduct",
        since: Date::ymd(2018, 1, 8),
    },
    Defunct {
        name: "criminal records bureau",
        what: "was replaced by the Disclosure and Barring Service on 1 December 2012",
        now: "Disclosure and Barring Service",
        since: Date::ymd(2012, 12, 1),
    },
    Defunct {
        name: "office of surveillance commissioners",
        what: "was replaced by the Investigatory Powers Commissioner's Office on 1 September 2017",
        now: "Investigatory Powers Commissioner's Office",
        since: Date::ymd(2017, 9, 1),
    },
    Defunct {
        name: "office of the surveillance commissioners",
        what: "was replaced by the Investigatory Powers Commissioner's Office on 1 September 2017",
        now: "Investigatory Powers Commissioner's Office",
        since: Date::ymd(2017, 9, 1),
    },
    Defunct {
        name: "nhs digital",
        what: "merged into NHS England on 1 February 2023",
        now: "NHS England",
        since: Date::ymd(2023, 2, 1),
    },
    Defunct {
        name: "public health england",
        what: "was abolished on 1 October 2021; its health protection work passed to the UK Health Security Agency",
        now: "UK Health Security Agency",
        since: Date::ymd(2021, 10, 1),
    },
    Defunct {
        name: "law enforcement directive",
        what: "is an EU directive that has not applied in the UK since 1 January 2021; law enforcement processing is governed by Part 3 of the Data Protection Act 2018",
        now: "Part 3 of the Data Protection Act 2018",
        since: Date::ymd(2021, 1, 1),
    },
    Defunct {
        name: "data protection directive",
        what: "was repealed on 25 May 2018",
        now: "UK GDPR",
        since: Date::ymd(2018, 5, 25),
    },
    Defunct {
        name: "directive 95/46/ec",
        what: "was repealed on 25 May 2018",
        now: "UK GDPR",
        since: Date::ymd(2018, 5, 25),
    },
];

/// Misnamed laws and bodies, with the right name.
const MISNAMES: &[(&str, &str)] = &[
    ("care act 2015", "Care Act 2014"),
    ("fire and rescue act", "Fire and Rescue Services Act 2004"),
    ("civil contingency act", "Civil Contingencies Act 2004"),
    ("human rights act 1988", "Human Rights Act 1998"),
    ("crime and disorder act 1988", "Crime and Disorder Act 1998"),
    (
        "freedom of information act 2002",
        "Freedom of Information Act 2000",
    ),
    (
        "environmental information regulations 2005",
        "Environmental Information Regulations 2004",
    ),
    ("data protection act 2017", "Data Protection Act 2018"),
    (
        "police reform and social responsibility act 2012",
        "Police Reform and Social Responsibility Act 2011",
    ),
    (
        "police and social responsibility act",
        "Police Reform and Social Responsibility Act 2011",
    ),
    (
        "independent office of police conduct",
        "Independent Office for Police Conduct",
    ),
    (
        "information commissioners office",
        "Information Commissioner's Office",
    ),
];

struct Lint<'a> {
    n: &'a Notice,
    lines: &'a LineIndex,
    path: &'a str,
    /// The text folded once for matching (see [`fold`]).
    lower: &'a Folded,
    text: &'a Sp<String>,
    out: &'a mut Vec<Diagnostic>,
}

impl Lint<'_> {
    /// Report `rule` at byte range `at` of the text.
    fn report(
        &mut self,
        rule: &'static Rule,
        at: std::ops::Range<usize>,
        msg: String,
        help: String,
    ) {
        let at = self.lower.to_orig(at);
        let span = self.locate(at);
        self.out.push(rule.diag(span, self.path, msg, Some(help)));
    }

    /// The words of a folded range as written, with runs of whitespace as one space (a
    /// message quotes a phrase wrapped across lines on one line).
    fn shown(&self, at: std::ops::Range<usize>) -> String {
        let r = self.lower.to_orig(at);
        self.text.value[r]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Find where a range of the value stands in the file. Plain and quoted one-line scalars
    /// map directly; for block scalars the matched words are searched for after the value's
    /// start, and failing that the value's own position is used.
    fn locate(&self, at: std::ops::Range<usize>) -> crate::source::Span {
        let src = &self.n.source;
        let v = &self.text.value;
        let span = self.text.span;
        if !span.is_known() {
            return span;
        }
        let needle = &v[at.clone()];
        let window_end = ceil_char(
            &src.text,
            (span.start + v.len() * 2 + 256).min(src.text.len()),
        );
        let hay = src.text.get(span.start..window_end).unwrap_or("");
        let first_word = needle.split_whitespace().next().unwrap_or(needle);
        // The hit may not be the first time these words appear in the value ("UK GDPR ...
        // the GDPR"): point at the same occurrence in the file.
        let nth = v[..at.start].match_indices(needle).count();
        let found = hay
            .match_indices(needle)
            .nth(nth)
            .map(|(i, _)| i)
            .or_else(|| {
                // Folded across lines: find the first word at a plausible place.
                let approx = at.start;
                hay.match_indices(first_word)
                    .map(|(i, _)| i)
                    .min_by_key(|i| i.abs_diff(approx))
            });
        match found {
            Some(i) => self.lines.span_of(
                &src.text,
                span.start + i,
                span.start + i + needle.len().min(hay.len() - i),
            ),
            None => span,
        }
    }

    fn phrases(
        &mut self,
        rule: &'static Rule,
        phrases: &[&str],
        msg: impl Fn(&str) -> (String, String),
    ) {
        self.find(rule, phrases, false, |_| true, msg);
    }

    /// Like `phrases`, but only where the (lower-case) sentence around the phrase passes
    /// `context`.
    fn phrases_where(
        &mut self,
        rule: &'static Rule,
        phrases: &[&str],
        context: impl Fn(&str) -> bool,
        msg: impl Fn(&str) -> (String, String),
    ) {
        self.find(rule, phrases, false, context, msg);
    }

    /// Like `phrases`, but only at word boundaries (so "eea" does not match "agreeable").
    fn words(
        &mut self,
        rule: &'static Rule,
        words: &[&str],
        msg: impl Fn(&str) -> (String, String),
    ) {
        self.find(rule, words, true, |_| true, msg);
    }

    fn find(
        &mut self,
        rule: &'static Rule,
        phrases: &[&str],
        whole_words: bool,
        context: impl Fn(&str) -> bool,
        msg: impl Fn(&str) -> (String, String),
    ) {
        let lower = self.lower;
        let mut hits = Vec::new();
        for p in phrases {
            for (i, _) in lower.match_indices(p) {
                let end = i + p.len();
                if whole_words && !(boundary_before(lower, i) && boundary_after(lower, end)) {
                    continue;
                }
                if in_address(lower, i) || !context(sentence(lower, i..end)) {
                    continue;
                }
                hits.push(i..end);
            }
        }
        hits.sort_by_key(|r| r.start);
        // Overlapping phrases count once.
        hits.dedup_by(|b, a| b.start < a.end);
        // One report per rule per field: the first hit, with a count of the rest.
        if let Some(first) = hits.first().cloned() {
            let (mut m, h) = msg(&self.shown(first.clone()));
            if hits.len() > 1 {
                m.push_str(&format!(" (and {} more in this field)", hits.len() - 1));
            }
            self.report(rule, first, m, h);
        }
    }

    fn unqualified_gdpr(&mut self, welsh: bool) {
        let lower = self.lower;
        // Welsh puts the qualifier after the name: "GDPR y DU" is the UK GDPR, "GDPR yr UE"
        // the EU one.
        if welsh {
            for p in ["gdpr yr ue", "rheoliad cyffredinol ar ddiogelu data yr ue"] {
                if let Some(i) = lower.find(p) {
                    let m = self.shown(i..i + p.len());
                    self.report(
                        &EU_GDPR,
                        i..i + p.len(),
                        format!("\"{m}\" names the EU regulation; the law in the UK is the UK GDPR (GDPR y DU)"),
                        "write \"GDPR y DU\"".into(),
                    );
                    return;
                }
            }
        }
        for p in ["gdpr", "general data protection regulation"] {
            for (i, _) in lower.match_indices(p) {
                if !boundary_before(lower, i)
                    || !boundary_after(lower, i + p.len())
                    || in_address(lower, i)
                {
                    continue;
                }
                let before = lower[..i].trim_end_matches(|c: char| c.is_whitespace() || c == '-');
                if before.ends_with("uk") || before.ends_with("u.k.") || before.ends_with("eu") {
                    continue;
                }
                let after = &lower[i + p.len()..];
                if welsh && (after.starts_with(" y du") || after.starts_with(" yr ue")) {
                    continue;
                }
                let m = self.shown(i..i + p.len());
                self.report(
                    &EU_GDPR,
                    i..i + p.len(),
                    format!("\"{m}\" names the EU regulation; the law in the UK is the UK GDPR"),
                    "write \"UK GDPR\"".into(),
                );
                return;
            }
        }
    }

    /// Link text that does not say where the link goes ("click here", "see below"): a
    /// reader listing the links on a page hears only "here, here, here".
    fn link_text(&mut self) {
        let lower = self.lower;
        const VAGUE: &[&str] = &[
            "here",
            "click here",
            "click",
            "see below",
            "below",
            "this link",
            "link",
            "read more",
            "more",
            "more information",
            "this page",
        ];
        let mut from = 0;
        while let Some(j) = lower[from..].find("](") {
            let close = from + j;
            from = close + 2;
            let Some(open) = lower[..close].rfind('[') else {
                continue;
            };
            let label = lower[open + 1..close].trim();
            if VAGUE.contains(&label) {
                let m = self.shown(open + 1..close);
                self.report(
                    &LINK_TEXT,
                    open + 1..close,
                    format!("the link text \"{m}\" does not say where the link goes"),
                    "use words that name the page, e.g. \"[our retention schedule](https://…)\""
                        .into(),
                );
                return;
            }
        }
        for (i, _) in lower.match_indices("click here") {
            if in_address(lower, i) {
                continue;
            }
            let m = self.shown(i..i + "click here".len());
            self.report(
                &LINK_TEXT,
                i..i + "click here".len(),
                format!("\"{m}\" does not say where the link goes"),
                "use words that name the page, e.g. \"[our retention schedule](https://…)\"".into(),
            );
            return;
        }
    }

    /// "Email:" or "Telephone:" with nothing after it in free text: a contact route that was
    /// meant to be there and is not.
    fn empty_labels(&mut self) {
        let lower = self.lower;
        for label in ["email:", "e mail:", "telephone:", "tel:", "phone:"] {
            for (i, _) in lower.match_indices(label) {
                let end = i + label.len();
                if !boundary_before(lower, i) || in_address(lower, i) {
                    continue;
                }
                let rest = &lower[end..];
                let next = rest.trim_start_matches(' ');
                if next.is_empty() || next.starts_with('\n') {
                    let m = self.shown(i..end);
                    self.report(
                        &CONTACT_ROUTE,
                        i..end,
                        format!("\"{m}\" has nothing after it"),
                        "write the address or number, or remove the label".into(),
                    );
                    return;
                }
            }
        }
    }

    fn dpa_without_year(&mut self) {
        let lower = self.lower;
        let p = "data protection act";
        for (i, _) in lower.match_indices(p) {
            let after = lower[i + p.len()..].trim_start();
            if after.starts_with("19") || after.starts_with("20") || in_address(lower, i) {
                continue;
            }
            self.report(
                &DPA_NO_YEAR,
                i..i + p.len(),
                "\"Data Protection Act\" without a year could mean the repealed 1998 Act".into(),
                "write \"the Data Protection Act 2018\"".into(),
            );
            return;
        }
    }

    fn unqualified_fee(&mut self) {
        let lower = self.lower;
        for p in [
            "administration fee",
            "administrative fee",
            "fee for subject access",
        ] {
            for (i, _) in lower.match_indices(p) {
                let from = floor_char(lower, i.saturating_sub(250));
                let to = ceil_char(lower, (i + 250).min(lower.len()));
                let near = &lower[from..to];
                if ["manifestly unfounded", "excessive", "further copies"]
                    .iter()
                    .any(|q| near.contains(q))
                    || in_address(lower, i)
                {
                    continue;
                }
                self.report(
                    &FEE_WORDING,
                    i..i + p.len(),
                    format!("\"{}\" is mentioned without the cases in which the law allows a fee", self.shown(i..i + p.len())),
                    "say that requests are free, and that a reasonable fee applies only to manifestly unfounded or excessive requests or further copies".into(),
                );
                return;
            }
        }
    }

    fn phone_numbers(&mut self) {
        let text = &self.text.value;
        for (range, digits) in phone_like(text) {
            if let Some(problem) = uk_number_problem(&digits) {
                let shown = text[range.clone()].to_owned();
                let span = self.locate(range);
                self.out.push(PHONE_NUMBER.diag(
                    span,
                    self.path,
                    format!("the telephone number {shown} {problem}"),
                    Some("check the number and write all its digits"),
                ));
            }
        }
    }
}

/// A text folded for matching, with the way back to the original.
///
/// Real notices are typed, pasted and wrapped: the same phrase arrives in capitals, with
/// curly apostrophes, hyphenated ("UK-GDPR") or broken across lines of a YAML block. The
/// folded text is lower case; curly quotes and apostrophes are straight; a run of
/// whitespace (line breaks, non-breaking spaces) is one space, or a blank line where the run
/// holds one; a hyphen between two letters outside a web or e-mail address is a space; soft
/// hyphens are gone. `orig[i]` is the byte in the original where folded byte `i` came from
/// (`orig[len]` is the original's length), so a match is reported where it was written.
struct Folded {
    text: String,
    orig: Vec<usize>,
}

impl std::ops::Deref for Folded {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl Folded {
    /// The original byte range of a folded range.
    fn to_orig(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        // Where the next folded character came from is where this range ends.
        self.orig[r.start]..self.orig[r.end]
    }
}

fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut orig = Vec::with_capacity(s.len() + 1);
    let mut chars = s.char_indices().peekable();
    let push = |text: &mut String, orig: &mut Vec<usize>, c: char, at: usize| {
        let before = text.len();
        text.push(c);
        orig.extend(std::iter::repeat_n(at, text.len() - before));
    };
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_alphanumeric() || (c.is_ascii_punctuation() && c != '-') {
            text.push(c.to_ascii_lowercase());
            orig.push(i);
            continue;
        }
        if c.is_whitespace() {
            let mut newlines = usize::from(c == '\n');
            while let Some(&(_, d)) = chars.peek() {
                if !d.is_whitespace() {
                    break;
                }
                newlines += usize::from(d == '\n');
                chars.next();
            }
            if newlines >= 2 {
                push(&mut text, &mut orig, '\n', i);
                push(&mut text, &mut orig, '\n', i);
            } else {
                push(&mut text, &mut orig, ' ', i);
            }
            continue;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2032}' => {
                push(&mut text, &mut orig, '\'', i);
            }
            '\u{201c}' | '\u{201d}' | '\u{2033}' => push(&mut text, &mut orig, '"', i),
            '\u{00ad}' => {}
            '-' | '\u{2010}' | '\u{2011}' => {
                let prev = s[..i].chars().next_back();
                let next = s[i + c.len_utf8()..].chars().next();
                let between_letters = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if between_letters && !in_address(s, i) {
                    push(&mut text, &mut orig, ' ', i);
                } else {
                    push(&mut text, &mut orig, '-', i);
                }
            }
            c => {
                let mut lower = c.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(l), None) => push(&mut text, &mut orig, l, i),
                    _ => push(&mut text, &mut orig, c, i),
                }
            }
        }
    }
    orig.push(s.len());
    Folded { text, orig }
}

/// The sentence around a range of `text`: from the previous sentence end to the next one
/// (a full stop, question or exclamation mark followed by a space, or a blank line), at
/// most 300 bytes either side.
fn sentence(text: &str, at: std::ops::Range<usize>) -> &str {
    let from = floor_char(text, at.start.saturating_sub(300));
    let to = ceil_char(text, (at.end + 300).min(text.len()));
    let ends = |s: &str, i: usize| {
        let b = s.as_bytes();
        (matches!(b[i], b'.' | b'?' | b'!') && b.get(i + 1).is_none_or(u8::is_ascii_whitespace))
            || (b[i] == b'\n' && b.get(i + 1) == Some(&b'\n'))
    };
    let start = (from..at.start)
        .rev()
        .find(|&i| ends(text, i))
        .map_or(from, |i| i + 1);
    let end = (at.end..to).find(|&i| ends(text, i)).map_or(to, |i| i + 1);
    &text[floor_char(text, start)..ceil_char(text, end)]
}

/// Whether a (folded) text promises to tell people about changes to the notice or to the
/// use of their data: "if there are important changes … we will contact you", "we will
/// bring it to your attention before we start".
fn promises_to_tell_of_changes(text: &str) -> bool {
    let tell = [
        "contact you",
        "tell you",
        "notify you",
        "inform you",
        "let you know",
        "write to you",
        "bring it to your attention",
        "bring this to your attention",
    ];
    tell.iter().any(|t| {
        text.match_indices(t).any(|(i, _)| {
            let s = sentence(text, i..i + t.len());
            (s.contains("we will") || s.contains("we'll") || s.contains("we shall"))
                && ["change", "new use", "new purpose"]
                    .iter()
                    .any(|c| s.contains(c))
        })
    })
}

/// Whether `word` appears in `text` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(i, _)| boundary_before(text, i) && boundary_after(text, i + word.len()))
}

/// Whether byte `i` of `text` is inside a web or e-mail address (`https://ico.org.uk/gdpr`,
/// `gdpr@example.gov.uk`), where words are not prose and must not be linted.
fn in_address(text: &str, i: usize) -> bool {
    let delim = |c: char| c.is_whitespace() || "()<>[]\"'".contains(c);
    let start = text[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| delim(c))
        .map_or(0, |(d, c)| d + c.len_utf8());
    let end = text[i..].find(delim).map_or(text.len(), |d| i + d);
    let token = &text[start..end];
    let before = &text[start..i];
    before.contains("://")
        || token.starts_with("www.")
        || token
            .split_once('@')
            .is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.'))
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn boundary_before(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn boundary_after(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// E-mail domains one edit apart in the same notice ("kent-pcc.gov.uk" and
/// "kentpcc.gov.uk"): one of them is very likely a typing error, and mail to it is lost.
/// Reported once, at the less used domain.
fn email_domains(n: &Notice, out: &mut Vec<Diagnostic>) {
    let mut seen: Vec<(String, String, &Sp<String>)> = Vec::new();
    for (path, c) in contacts(n) {
        if let Some(e) = &c.email
            && let Some((_, domain)) = e.value.trim().rsplit_once('@')
        {
            seen.push((domain.to_ascii_lowercase(), format!("{path}.email"), e));
        }
    }
    let count = |d: &str| seen.iter().filter(|(x, _, _)| x == d).count();
    for (i, (a, path, e)) in seen.iter().enumerate() {
        if let Some((b, _, _)) = seen[..i]
            .iter()
            .chain(&seen[i + 1..])
            .find(|(b, _, _)| b != a && crate::suggest::edit_distance(a, b) == 1)
            && (count(a) < count(b) || (count(a) == count(b) && a > b))
        {
            out.push(CONTACT_ROUTE.diag(
                e.span,
                path,
                format!("the e-mail domain \"{a}\" is one letter away from \"{b}\", used elsewhere in the notice"),
                Some(format!("check the address; if it should be \"{b}\", correct it")),
            ));
            return;
        }
    }
}

/// A UK postcode written without the space before its inward code ("EX30NW"), with the
/// space put back ("EX3 0NW"). The inward code is a digit and two letters; the outward
/// code one or two letters, a digit, and an optional letter or digit.
fn postcode_without_space(t: &str) -> Option<String> {
    let b = t.as_bytes();
    if !(5..=7).contains(&b.len()) || !b.iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    let (out, inw) = t.split_at(t.len() - 3);
    let i = inw.as_bytes();
    let inward = i[0].is_ascii_digit() && i[1].is_ascii_uppercase() && i[2].is_ascii_uppercase();
    let o = out.as_bytes();
    let letters = o.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let rest = &o[letters..];
    let outward = (1..=2).contains(&letters)
        && !rest.is_empty()
        && rest[0].is_ascii_digit()
        && rest.len() <= 2
        && rest[1..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    (inward && outward).then(|| format!("{out} {inw}"))
}

/// Runs of digits (separated by single spaces) that start with 0 at a word boundary: the
/// shape of a UK telephone number.
fn phone_like(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i] == b'0'
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || matches!(bytes[i - 1], b'/' | b'.' | b'-' | b'+')));
        if !starts {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        let mut j = i;
        let mut end = i;
        while j < bytes.len() {
            if bytes[j].is_ascii_digit() {
                digits.push(bytes[j] as char);
                j += 1;
                end = j;
            } else if bytes[j] == b' ' && j + 1 < bytes.len() && bytes[j + 1].is_ascii_digit() {
                j += 1;
            } else {
                break;
            }
        }
        // A full stop ends a sentence unless a digit or letter follows it (a decimal or a
        // version number such as 0123456789.5).
        let next = bytes.get(end + 1).copied();
        let followed_ok = end >= bytes.len()
            || !(bytes[end].is_ascii_alphanumeric()
                || matches!(bytes[end], b'/' | b'-')
                || (bytes[end] == b'.' && next.is_some_and(|b| b.is_ascii_alphanumeric())));
        if digits.len() >= 9 && followed_ok {
            out.push((i..end, digits));
        }
        i = end.max(i + 1);
    }
    out
}

/// What is wrong with a UK number's length, if anything.
fn uk_number_problem(digits: &str) -> Option<String> {
    if digits.starts_with("00") {
        // An international number (00 then a country code): not a UK number.
        return None;
    }
    let n = digits.len();
    let ten_ok =
        digits.starts_with("0800") || digits.starts_with("016977") || digits.starts_with("0500");
    if n == 11 || (n == 10 && ten_ok) {
        None
    } else if n < 11 {
        Some(format!("has only {n} digits; UK numbers have 11"))
    } else {
        Some(format!("has {n} digits, more than the 11 of a UK number"))
    }
}

/// Every contact block, with its path.
fn contacts(n: &Notice) -> Vec<(String, &Sp<Contact>)> {
    let f = &n.file;
    let contacts = [
        (
            "controller.contact",
            f.controller.as_ref().and_then(|c| c.contact.as_ref()),
        ),
        (
            "dpo.contact",
            f.dpo.as_ref().and_then(|c| c.contact.as_ref()),
        ),
        (
            "rights.contact",
            f.rights.as_ref().and_then(|c| c.contact.as_ref()),
        ),
        (
            "complaints.controller",
            f.complaints.as_ref().and_then(|c| c.controller.as_ref()),
        ),
        (
            "complaints.regulator",
            f.complaints.as_ref().and_then(|c| c.regulator.as_ref()),
        ),
        (
            "notice.alternative_formats.contact",
            f.notice
                .as_ref()
                .and_then(|m| m.alternative_formats.as_ref())
                .and_then(|a| a.contact.as_ref()),
        ),
    ];
    let mut contacts: Vec<(String, Option<&Sp<Contact>>)> = contacts
        .into_iter()
        .map(|(p, c)| (p.to_owned(), c))
        .collect();
    contacts.push((
        "representative.contact".to_owned(),
        f.representative.as_ref().and_then(|r| r.contact.as_ref()),
    ));
    for (i, j) in f.joint_controllers.iter().enumerate() {
        contacts.push((
            format!("joint_controllers[{i}].contact"),
            j.contact.as_ref(),
        ));
    }
    contacts
        .into_iter()
        .filter_map(|(p, c)| Some((p, c?)))
        .collect()
}

/// Every telephone number in contact details, with its path.
fn contact_phones(n: &Notice) -> Vec<(String, &Sp<String>)> {
    let mut out = Vec::new();
    for (path, c) in contacts(n) {
        if let Some(p) = &c.phone {
            out.push((format!("{path}.phone"), p));
        }
        for (i, o) in c.other_phones.iter().enumerate() {
            out.push((format!("{path}.other_phones[{i}].value"), &o.value.value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
