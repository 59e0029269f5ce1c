//! Tests of the plain text: layout rules, headings, links, blocks, and the wrapper.

use super::*;
use crate::render::sample::{self, HOSTILE, LONG_URL};
use crate::render::{find_subsequence, words, words_in};

fn render() -> String {
    render_text(&sample::clean_document())
}

/// Lines longer than the width must be one unbreakable token (after the indent).
fn assert_layout(out: &str) {
    assert!(
        out.ends_with('\n') && !out.ends_with("\n\n"),
        "one final newline"
    );
    assert!(
        !out.contains('\r') && !out.contains('\t'),
        "LF only, no tabs"
    );
    assert!(!out.starts_with('\u{feff}'), "no BOM");
    for line in out.lines() {
        assert_eq!(line, line.trim_end(), "trailing space: {line:?}");
        assert!(
            !line.chars().any(char::is_control),
            "control character: {line:?}"
        );
        if line.chars().count() > WIDTH {
            assert!(!line.trim_start().contains(' '), "overlong line: {line}");
        }
    }
    // No ASCII-art rules.
    for run in ["====", "----", "____", "****", "~~~~", "####"] {
        assert!(!out.contains(run), "{run}");
    }
}

#[test]
fn layout_rules_hold() {
    assert_layout(&render());
    assert_layout(&render_text(&sample::document()));
}

#[test]
fn title_organisation_and_front_matter_first() {
    let out = render();
    let lines: Vec<&str> = out.lines().take(5).collect();
    assert_eq!(
        lines,
        [
            "Privacy notice for council tax",
            "Maidstone Borough Council",
            "",
            "Published 1 April 2025",
            "Last reviewed 14 February 2026",
        ]
    );
}

#[test]
fn headings_are_numbered_with_two_blank_lines_before_and_one_after() {
    let out = render();
    let lines: Vec<&str> = out.lines().collect();
    for heading in [
        "1. Who we are",
        "1.1 Our data protection officer",
        "1.1.1 When the officer is available",
        "2. What we collect and why",
        "How to ask for your information",
        "3. Your rights",
    ] {
        let i = lines
            .iter()
            .position(|l| *l == heading)
            .unwrap_or_else(|| panic!("no heading {heading:?}"));
        assert_eq!(
            lines[i - 2..i],
            ["", ""],
            "two blank lines before {heading}"
        );
        assert_ne!(lines[i - 3], "", "exactly two blank lines before {heading}");
        assert_eq!(lines[i + 1], "", "one blank line after {heading}");
        assert_ne!(lines[i + 2], "", "exactly one blank line after {heading}");
    }
}

#[test]
fn blank_lines_never_exceed_two_and_two_only_before_headings() {
    let out = render_text(&sample::document());
    assert!(!out.contains("\n\n\n\n"), "three blank lines in a row");
    let lines: Vec<&str> = out.lines().collect();
    for w in lines.windows(3) {
        if w[0].is_empty() && w[1].is_empty() {
            let next = w[2];
            let numbered = next
                .split(' ')
                .next()
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit() || c == '.'));
            assert!(
                numbered || next == "How to ask for your information",
                "two blank lines before a non-heading: {next:?}"
            );
        }
    }
}

#[test]
fn keep_runs_and_urls_are_never_broken() {
    let out = render_text(&sample::document());
    for keep in [
        "01622 677055",
        "ME15 9BZ",
        "0303 123 1113",
        "1 April 2025",
        "14 February 2026",
        "dataprotection@maidstone.gov.uk",
        LONG_URL,
        "https://ico.org.uk/make-a-complaint/",
    ] {
        assert!(out.lines().any(|l| l.contains(keep)), "{keep} broken");
    }
}

#[test]
fn links_are_written_out_once() {
    let out = render();
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&format!("our data protection pages ({LONG_URL}),")));
    // Text that already is the address is not repeated.
    assert_eq!(flat.matches(LONG_URL).count(), 2);
    assert!(flat.contains("or at https://ico.org.uk/make-a-complaint/."));
    assert!(!flat.contains("(https://ico.org.uk"));
    // E-mail and phone links that say their target add nothing.
    assert!(flat.contains("Email dataprotection@maidstone.gov.uk with any question."));
    assert!(!flat.contains("mailto:") && !flat.contains("tel:"));
    assert!(flat.contains("Call us on 01622 677055 or write"));
    // A javascript: target is never written, but the link's words are.
    let hostile = render_text(&sample::document());
    assert!(!hostile.contains("javascript:"));
    let hostile = hostile.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(hostile.contains("a hostile link: do not follow and"));
}

#[test]
fn link_targets() {
    assert_eq!(
        link_target("Email us", "mailto:a@b.org?subject=Hi"),
        Some("a@b.org".into())
    );
    assert_eq!(link_target("a@b.org", "mailto:a@b.org"), None);
    assert_eq!(link_target("01622 677055", "tel:+441622677055"), None);
    assert_eq!(link_target("01622 677055", "tel:01622677055"), None);
    assert_eq!(
        link_target("Call us", "tel:01622677055"),
        Some("01622677055".into())
    );
    assert_eq!(link_target("0 5", "tel:+445"), Some("+445".into()));
    assert_eq!(link_target("https://a.org", "https://a.org/"), None);
    assert_eq!(
        link_target("our site", "https://a.org/"),
        Some("https://a.org/".into())
    );
    assert_eq!(link_target("above", "#who-we-are"), None);
}

#[test]
fn blocks_render_as_plain_labelled_lines() {
    let out = render();
    for expected in [
        "We never\nsell your information.",
        "Telephone: 01622 677055\nAddress: Maidstone House\n  King Street\n  Maidstone ME15 9BZ\n",
        "- your name, address and contact details\n- information about your household, including:\n  - the people who live with you\n  - any benefits or discounts you receive, and the evidence you give us for\n    them, which we keep for as long as the law requires\n",
        "\n1. Write to us or send an email.\n2. Tell us which information you want, as precisely as you can, so we can find\n   it quickly.\n3. We reply within one month.\n",
        "Why we use your information and the law that allows it\n\nPurpose: Council tax billing and collection\nLawful basis: Public task (UK GDPR Article 6(1)(e))\nHow long we keep it: 6 years after the account closes\n\nPurpose: Housing register\nLawful basis: Public task; Legal obligation (Housing Act 1996)\n",
        "Your right to object: You can object at any time to our use of your information\nfor public tasks.",
        "ŵyr, ŷd, dŵr a tŷ",
    ] {
        assert!(
            out.contains(expected),
            "missing:\n{expected}\n---in---\n{out}"
        );
    }
    assert!(!out.contains('*'), "no markup emphasis");
}

#[test]
fn hostile_text_is_written_verbatim() {
    let out = render_text(&sample::document());
    assert!(out.contains(HOSTILE));
    // An empty table cell gives its label without a trailing space.
    assert!(out.lines().any(|l| l == "How long we keep it:"));
}

#[test]
fn says_every_word_in_order() {
    for doc in [sample::document(), sample::clean_document()] {
        let want = words(&doc);
        let got = words_in(&render_text(&doc));
        if let Err(i) = find_subsequence(&want, &got) {
            panic!("word {i} ({:?}) missing or out of order", want[i]);
        }
    }
}

#[test]
fn deterministic() {
    let doc = sample::document();
    assert_eq!(render_text(&doc), render_text(&doc.clone()));
}

#[test]
fn wrap_edge_cases() {
    let w = |ps: &[Piece], first: &str, rest: &str| wrap(ps, first, rest, 20);
    assert_eq!(w(&[], "", ""), Vec::<String>::new());
    assert_eq!(w(&[], "- ", "  "), ["-"]);
    assert_eq!(w(&[Piece::text("  \t ")], "", ""), Vec::<String>::new());
    assert_eq!(
        w(
            &[
                Piece::Break,
                Piece::text("a"),
                Piece::Break,
                Piece::Break,
                Piece::text("b"),
                Piece::Break
            ],
            "",
            "  "
        ),
        ["a", "  b"]
    );
    assert_eq!(
        w(
            &[
                Piece::text("call "),
                Piece::Keep("01622  677055".into()),
                Piece::text(". ok")
            ],
            "",
            ""
        ),
        ["call 01622  677055.", "ok"]
    );
    assert_eq!(w(&[Piece::text("a\u{7}b c\td\r\ne")], "", ""), ["ab c d e"]);
    assert_eq!(
        w(
            &[Piece::text("aaaa bbbbbbbbbbbbbbbbbbbbbbbbb cc")],
            "> ",
            "  "
        ),
        ["> aaaa", "  bbbbbbbbbbbbbbbbbbbbbbbbb", "  cc"]
    );
    // A link target goes after the word the link ends in, and takes the punctuation
    // that follows.
    let target = || Piece::Target("(https://a.example)".into());
    let w40 = |ps: &[Piece]| wrap(ps, "", "", 40);
    assert_eq!(
        w40(&[Piece::text("see our site"), target(), Piece::text(". Then")]),
        ["see our site (https://a.example). Then"]
    );
    assert_eq!(
        w40(&[Piece::text("the web"), target(), Piece::text("site, ok")]),
        ["the website (https://a.example), ok"]
    );
    assert_eq!(
        w40(&[
            Piece::text("a"),
            target(),
            Piece::Keep("PO1 4JY".into()),
            Piece::text("x y")
        ]),
        ["aPO1 4JYx (https://a.example) y"]
    );
    assert_eq!(
        w40(&[
            Piece::text("a"),
            target(),
            target(),
            Piece::Break,
            Piece::text("b")
        ]),
        ["a (https://a.example)", "(https://a.example)", "b"]
    );
    // Exactly the width fits.
    assert_eq!(
        w(&[Piece::text("aaaaaaaaa bbbbbbbbbb")], "", ""),
        ["aaaaaaaaa bbbbbbbbbb"]
    );
}

mod prop {
    use super::super::*;
    use proptest::prelude::*;

    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            8 => "[a-zA-Z0-9ŵŷâ.,;:()'@/-]{1,12}",
            1 => "[a-z0-9./:@-]{60,120}",
        ]
    }

    proptest! {
        #[test]
        fn lines_fit_and_words_survive(
            words in proptest::collection::vec(word(), 0..60),
            seps in proptest::collection::vec(prop_oneof![Just(" "), Just("  "), Just("\n"), Just("\t")], 60),
            indent in 0usize..12,
            width in 20usize..=80,
        ) {
            let mut text = String::new();
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    text.push_str(seps[i % seps.len()]);
                }
                text.push_str(w);
            }
            let first = format!("{}- ", " ".repeat(indent));
            let rest = " ".repeat(indent + 2);
            let lines = wrap(&[Piece::Text(text)], &first, &rest, width);
            for (n, line) in lines.iter().enumerate() {
                prop_assert_eq!(line.as_str(), line.trim_end());
                let prefix = if n == 0 { &first } else { &rest };
                prop_assert!(line.starts_with(prefix.trim_end()));
                if line.chars().count() > width {
                    prop_assert!(!line.trim_start().trim_start_matches("- ").contains(' '), "overlong line with more than one token: {}", line);
                }
            }
            // Words are kept, whole and in order.
            let mut got: Vec<&str> = Vec::new();
            for (n, line) in lines.iter().enumerate() {
                let body = if n == 0 { line.trim_start().strip_prefix('-').unwrap_or(line) } else { line.as_str() };
                got.extend(body.split_whitespace());
            }
            prop_assert_eq!(got, words.iter().map(String::as_str).collect::<Vec<_>>());
            // Greedy: no line could have taken the next line's first word.
            for pair in lines.windows(2) {
                let next = pair[1].split_whitespace().next().unwrap_or("");
                prop_assert!(pair[0].chars().count() + 1 + next.chars().count() > width);
            }
        }

        #[test]
        fn keep_runs_stay_on_one_line(
            before in "[a-z]{1,10}( [a-z]{1,10}){0,12}",
            keep in "[A-Z0-9]{1,6}( [A-Z0-9]{1,6}){1,3}",
            after in "[a-z]{1,10}( [a-z]{1,10}){0,12}",
            width in 20usize..=80,
        ) {
            let pieces = [Piece::Text(format!("{before} ")), Piece::Keep(keep.clone()), Piece::Text(format!(" {after}"))];
            let lines = wrap(&pieces, "", "", width);
            prop_assert!(lines.iter().any(|l| l.contains(&keep)), "{:?} broken in {:?}", keep, lines);
            for line in &lines {
                prop_assert!(line.chars().count() <= width || line == &keep);
            }
        }
    }
}
