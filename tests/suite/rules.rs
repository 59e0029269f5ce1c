//! Every rule in the registry, proved by a pair of fixtures.
//!
//! `tests/fixtures/rules/PNxxx/fail.yaml` must produce at least one finding from that rule,
//! and `pass.yaml` (the rule's condition met) must produce no finding at all. Both are small
//! notices that are valid apart from the one point they make. The human-readable
//! diagnostics of every fail fixture are snapshotted: the snapshots under `snapshots/` are
//! the reference for what `notice check` says.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use notice::diag::{Diagnostic, FileReport, emit};
use notice::model::Date;
use notice::registry::{self, Rule};
use notice::rules::CheckOptions;
use notice::source::SourceFile;

/// The date the fixtures are checked as of: after every commencement date the rules know.
pub(crate) const AS_OF: Date = Date::ymd(2026, 11, 25);

/// The fixture folder of a rule, relative to the crate root (as shown in diagnostics).
fn fixture(rule: &str, kind: &str) -> PathBuf {
    Path::new("tests/fixtures/rules")
        .join(rule)
        .join(format!("{kind}.yaml"))
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Read a fixture (path relative to the crate root) as a source with that relative path.
pub(crate) fn source(relative: &Path) -> SourceFile {
    let bytes = std::fs::read(root().join(relative))
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", relative.display()));
    SourceFile::from_bytes(relative, bytes).expect("fixtures are UTF-8")
}

/// Check a source as of a date.
pub(crate) fn check_on(src: &SourceFile, as_of: Date) -> Vec<Diagnostic> {
    notice::check(src, &CheckOptions { as_of }).diagnostics
}

/// What `notice` reports on a rule's fixture: `check`'s findings, and for a rule the
/// renderers apply (`Stage::Render`), the warnings of rendering every format too, located
/// in the fixture as `build` prints them.
fn findings_for(rule: &Rule, src: &SourceFile) -> Vec<Diagnostic> {
    let opts = CheckOptions { as_of: AS_OF };
    // A rule about notices checked together (layers) has the fixture's companions in
    // `together/`: the fixture is checked with them, as `notice check` on a folder would.
    let mut set = vec![(src.clone(), notice::check(src, &opts))];
    let together = root()
        .join("tests/fixtures/rules")
        .join(rule.id)
        .join("together");
    if let Ok(entries) = std::fs::read_dir(&together) {
        let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths {
            let rel = p.strip_prefix(root()).unwrap().to_path_buf();
            let companion = source(&rel);
            let checked = notice::check(&companion, &opts);
            set.push((companion, checked));
        }
    }
    notice::judge_sets(&mut set, &opts);
    let checked = set.swap_remove(0).1;
    let mut diags = checked.diagnostics;
    if rule.stage == registry::Stage::Render
        && let Some(notice) = checked.notice
    {
        let (env, _) = notice::templates::environment(None).expect("templates load");
        let opts = notice::render::RenderOptions {
            formats: notice::render::Format::all().collect(),
            pdf_body_size: 18.0,
            braille_grade: 2,
        };
        let out = notice::render::render_notice(&notice, &env, &opts).expect("renders");
        diags.extend(out.warnings.iter().map(|w| w.to_diagnostic(src)));
        let doc = notice::document::build::build(&notice, &env).expect("builds");
        diags.extend(notice::document::coverage::diagnostics(&notice, &doc));
    }
    diags
}

fn rules_of(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.rule).collect()
}

/// Fail fixtures that cannot make their point alone: the other rules they also trip.
/// PN208 and PN601 need a notice with no contact details at all, which PN102 (and for
/// PN208, PN601) also report.
fn allowed_extras(rule: &str) -> &'static [&'static str] {
    match rule {
        "PN208" => &["PN102", "PN601"],
        "PN601" => &["PN102"],
        _ => &[],
    }
}

#[test]
fn every_rule_has_a_pass_and_a_fail_fixture() {
    let missing: Vec<String> = registry::ALL
        .iter()
        .flat_map(|r| ["pass", "fail"].map(|k| fixture(r.id, k)))
        .filter(|p| !root().join(p).is_file())
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "missing fixtures:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn no_fixture_folder_without_a_rule() {
    let dir = root().join("tests/fixtures/rules");
    let strays: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| registry::find(name).is_none_or(|r| r.id != name))
        .collect();
    assert!(strays.is_empty(), "fixture folders for no rule: {strays:?}");
}

#[test]
fn fail_fixtures_fire_their_rule_and_only_it() {
    let mut problems = Vec::new();
    for rule in registry::ALL {
        let path = fixture(rule.id, "fail");
        if !root().join(&path).is_file() {
            continue; // reported by every_rule_has_a_pass_and_a_fail_fixture
        }
        let found = rules_of(&findings_for(rule, &source(&path)));
        if !found.contains(&rule.id) {
            problems.push(format!(
                "{}: no {} finding (found {found:?})",
                path.display(),
                rule.id
            ));
        }
        let extra: Vec<_> = found
            .iter()
            .filter(|id| **id != rule.id && !allowed_extras(rule.id).contains(id))
            .collect();
        if !extra.is_empty() {
            problems.push(format!("{}: also trips {extra:?}", path.display()));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn pass_fixtures_are_clean() {
    let mut problems = Vec::new();
    for rule in registry::ALL {
        let path = fixture(rule.id, "pass");
        if !root().join(&path).is_file() {
            continue;
        }
        let diags = findings_for(rule, &source(&path));
        if !diags.is_empty() {
            let fired = if rules_of(&diags).contains(&rule.id) {
                " (including the rule itself)"
            } else {
                ""
            };
            problems.push(format!(
                "{}: {:?}{fired}\n{}",
                path.display(),
                rules_of(&diags),
                diags
                    .iter()
                    .map(|d| format!("    {}: {}", d.rule, d.message))
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// The human-readable output for one fail fixture, as `notice check` prints it without
/// colour.
fn human(rule: &Rule) -> String {
    let src = source(&fixture(rule.id, "fail"));
    let diagnostics = findings_for(rule, &src);
    emit::human(
        &[FileReport {
            source: src,
            diagnostics,
        }],
        false,
    )
}

#[test]
fn fail_fixture_diagnostics() {
    for rule in registry::ALL {
        if !root().join(fixture(rule.id, "fail")).is_file() {
            continue;
        }
        insta::with_settings!({
            description => format!("{} {}: tests/fixtures/rules/{}/fail.yaml", rule.id, rule.name, rule.id),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(rule.id, human(rule));
        });
    }
}

#[test]
fn messages_follow_the_house_style() {
    // Plain English: lower-case start, no trailing period, and a help line saying what to do.
    let mut problems = Vec::new();
    for rule in registry::ALL {
        let path = fixture(rule.id, "fail");
        if !root().join(&path).is_file() {
            continue;
        }
        for d in findings_for(rule, &source(&path)) {
            let first = d.message.chars().next().unwrap_or(' ');
            if first.is_uppercase() {
                problems.push(format!(
                    "{}: message starts upper-case: {}",
                    d.rule, d.message
                ));
            }
            if d.message.ends_with('.') {
                problems.push(format!(
                    "{}: message ends with a period: {}",
                    d.rule, d.message
                ));
            }
            if d.help.as_deref().is_none_or(str::is_empty) && d.rule != "PN001" {
                problems.push(format!("{}: no help: {}", d.rule, d.message));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_complete_notice_has_no_findings() {
    let src = source(Path::new("tests/fixtures/complete.yaml"));
    let checked = notice::check(&src, &CheckOptions { as_of: AS_OF });
    assert!(checked.notice.is_some(), "complete.yaml lowers");
    assert_eq!(
        checked
            .diagnostics
            .iter()
            .map(|d| format!("{} {}:{} {}", d.rule, d.span.line, d.span.column, d.message))
            .collect::<Vec<_>>(),
        Vec::<String>::new()
    );
}

#[test]
fn the_complete_notice_uses_every_top_level_block_a_uk_office_can() {
    // `representative` is only for controllers outside the UK (PN104 warns about it);
    // `as_published` only for a notice published elsewhere in its own words.
    let text = source(Path::new("tests/fixtures/complete.yaml")).text;
    let schema: serde_json::Value =
        serde_json::to_value(schemars::schema_for!(notice::model::schema::NoticeFile)).unwrap();
    let blocks: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
    let unused: Vec<_> = blocks
        .iter()
        .filter(|b| !["representative", "as_published"].contains(&b.as_str()))
        // `extends` names a shared office file; complete.yaml stands alone.
        .filter(|b| b.as_str() != "extends")
        .filter(|b| !text.lines().any(|l| l.starts_with(&format!("{b}:"))))
        .collect();
    assert!(unused.is_empty(), "complete.yaml leaves out {unused:?}");
}

// ── The law as it stood on a date ──────────────────────────────────────────────────────

/// Rules that apply only from a commencement date: the day before, the fail fixture must
/// not trip them.
const COMMENCEMENT: &[(&str, Date)] = &[
    ("PN603", Date::ymd(2026, 6, 19)),
    ("PN604", Date::ymd(2026, 6, 19)),
    ("PN607", Date::ymd(2026, 2, 5)),
    ("PN906", Date::ymd(2021, 1, 1)),
    ("PN910", Date::ymd(2026, 2, 5)),
    ("PN915", Date::ymd(2021, 1, 1)),
];

fn day_before(d: Date) -> Date {
    match d {
        Date {
            year,
            month: Some(month),
            day: Some(day),
        } if day > 1 => Date::ymd(year, month, day - 1),
        Date {
            year,
            month: Some(month),
            ..
        } if month > 1 => Date::ymd(year, month - 1, 28),
        Date { year, .. } => Date::ymd(year - 1, 12, 31),
    }
}

#[test]
fn date_dependent_rules_do_not_fire_before_commencement() {
    for &(id, from) in COMMENCEMENT {
        let src = source(&fixture(id, "fail"));
        let before = rules_of(&check_on(&src, day_before(from)));
        assert!(
            !before.contains(&id),
            "{id} fires on {} though it applies from {from}",
            day_before(from)
        );
        let on = rules_of(&check_on(&src, from));
        assert!(
            on.contains(&id),
            "{id} does not fire on its commencement date {from}"
        );
    }
}

#[test]
fn pn607_still_asks_for_logic_and_significance_before_5_february_2026() {
    // Before Arts 22A-22D only the safeguards are not required.
    let src = SourceFile::from_text(
        "adm.yaml",
        source(&fixture("PN607", "fail"))
            .text
            .replace("      logic: Applications scoring under 40 on the published criteria are not shortlisted.\n", ""),
    );
    let diags = check_on(&src, Date::ymd(2026, 2, 4));
    let pn607: Vec<_> = diags.iter().filter(|d| d.rule == "PN607").collect();
    assert_eq!(pn607.len(), 1, "{diags:?}");
    assert!(pn607[0].message.contains("`logic`"), "{}", pn607[0].message);
    assert!(
        !pn607[0].message.contains("safeguards"),
        "{}",
        pn607[0].message
    );
}

#[test]
fn pn206_before_5_february_2026_says_the_basis_is_not_in_force() {
    // Art 6(1)(ea) did not exist before 5 February 2026. Before then PN206 does not ask for
    // the Annex 1 condition (so the pass fixture's condition does not help), it says the
    // basis cannot be used at all.
    let before = Date::ymd(2026, 2, 4);
    for kind in ["pass", "fail"] {
        let diags = check_on(&source(&fixture("PN206", kind)), before);
        let pn206: Vec<_> = diags.iter().filter(|d| d.rule == "PN206").collect();
        assert_eq!(pn206.len(), 1, "{kind}: {diags:?}");
        assert!(
            pn206[0].message.contains("not in force"),
            "{}",
            pn206[0].message
        );
        assert!(
            !pn206[0].message.contains("Annex 1"),
            "{}",
            pn206[0].message
        );
    }
    let on = Date::ymd(2026, 2, 5);
    assert!(!rules_of(&check_on(&source(&fixture("PN206", "pass")), on)).contains(&"PN206"));
    let fail = check_on(&source(&fixture("PN206", "fail")), on);
    assert!(
        fail.iter()
            .any(|d| d.rule == "PN206" && d.message.contains("Annex 1"))
    );
}

// ── More ways to trip some rules ───────────────────────────────────────────────────────

/// A fixture with one text replaced, checked as of [`AS_OF`].
fn variant(rule: &str, kind: &str, from: &str, to: &str) -> Vec<&'static str> {
    let base = source(&fixture(rule, kind));
    assert!(base.text.contains(from), "{rule}/{kind} has no {from:?}");
    let src = SourceFile::from_text(
        format!("{rule}-variant.yaml"),
        base.text.replacen(from, to, 1),
    );
    rules_of(&check_on(&src, AS_OF))
}

#[test]
fn more_fail_cases() {
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        // rule expected, fixture, kind, replace, with
        (
            "PN004",
            "PN004",
            "pass",
            "[public_task, legal_obligation]",
            "[public_tsk]",
        ),
        (
            "PN009",
            "PN009",
            "pass",
            "  title: Privacy notice",
            "  title:",
        ),
        (
            "PN003",
            "PN003",
            "pass",
            "  outside_uk: false",
            "  outside_uk: [false]",
        ),
        (
            "PN207",
            "PN207",
            "pass",
            "    lawful_basis: [public_task]",
            "    lawful_basis: [consent]",
        ),
        (
            "PN303",
            "PN303",
            "pass",
            "Schedule 1, Part 2, paragraph 18 (safeguarding)",
            "Part 2 para 5",
        ),
        (
            "PN403",
            "PN403",
            "pass",
            "      copy_from: Ask our Data Protection Officer for a copy of the agreement.\n",
            "      copy_from: \"  \"\n",
        ),
        (
            "PN404",
            "PN404",
            "pass",
            "London, UK",
            "Sydney, New South Wales, Australia",
        ),
        (
            "PN603",
            "PN603",
            "pass",
            "    form: https://www.wessex-pcc.example/data-complaint\n    address: [1 Example Road, Exampleton, EX1 1AA]\n",
            "    hours: 9am to 5pm\n",
        ),
        (
            "PN904",
            "PN904",
            "pass",
            "  response_time: one month",
            "  response_time: 40 days",
        ),
        (
            "PN912",
            "PN912",
            "pass",
            "Our textphone is 01632 960 002.",
            "Our textphone is 01632 96002.",
        ),
    ];
    let mut problems = Vec::new();
    for &(want, rule, kind, from, to) in cases {
        let found = variant(rule, kind, from, to);
        if !found.contains(&want) {
            problems.push(format!(
                "{rule}/{kind} with {to:?}: no {want} (found {found:?})"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn a_file_of_comments_is_empty() {
    let src = SourceFile::from_text("comments.yaml", "---\n# nothing but comments\n...\n");
    assert_eq!(rules_of(&check_on(&src, AS_OF)), ["PN011"]);
}

#[test]
fn every_rule_is_in_the_snapshot_set() {
    // A snapshot left behind by a removed rule would document a message nobody sees.
    let dir = root().join("tests/suite/snapshots");
    let ids: BTreeMap<String, ()> = registry::ALL
        .iter()
        .map(|r| (format!("suite__rules__{}.snap", r.id), ()))
        .collect();
    let strays: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("suite__rules__PN") && !ids.contains_key(n))
                .collect()
        })
        .unwrap_or_default();
    assert!(strays.is_empty(), "snapshots for no rule: {strays:?}");
}

// ── docs/rules.md ──────────────────────────────────────────────────────────────────────

#[test]
fn docs_rules_md_is_generated_from_the_registry() {
    let path = root().join("docs/rules.md");
    let want = registry::reference_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is out of date with the registry; regenerate it with\n\n    \
         UPDATE_DOCS=1 cargo test --test suite docs\n"
    );
}
