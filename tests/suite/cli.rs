//! The command line: exit statuses, output formats and the informational subcommands.
//!
//! Exit status contract: 0 when no error-level finding, 1 when a notice has errors (or
//! warnings, with `--deny-warnings`), 2 when the command could not do what it was asked.

use std::path::Path;

use assert_cmd::Command;
use notice::registry;
use predicates::prelude::*;
use serde_json::Value;

const COMPLETE: &str = "tests/fixtures/complete.yaml";
/// Errors only: a purpose with no lawful basis.
const ERRORS: &str = "tests/fixtures/rules/PN202/fail.yaml";
/// A warning only: a public task with no legislation.
const WARNING: &str = "tests/fixtures/rules/PN203/fail.yaml";

/// `notice`, run from the crate root so that fixture paths print as written.
pub(crate) fn notice() -> Command {
    let mut cmd = Command::cargo_bin("notice").expect("the notice binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    cmd
}

/// `notice check ARGS --as-of 2026-11-25`.
/// A command the suite runs: `std::process::Command` or assert_cmd's.
pub(crate) trait Runs {
    fn run(&mut self) -> std::process::Output;
}

impl Runs for std::process::Command {
    fn run(&mut self) -> std::process::Output {
        self.output().unwrap()
    }
}

impl Runs for Command {
    fn run(&mut self) -> std::process::Output {
        self.output().unwrap()
    }
}

/// Run `cmd` and return its output, failing the test with its standard error if it did
/// not exit 0.
pub(crate) fn succeeds(cmd: &mut impl Runs) -> std::process::Output {
    let out = cmd.run();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn check(args: &[&str]) -> Command {
    let mut cmd = notice();
    cmd.arg("check").args(args).args(["--as-of", "2026-11-25"]);
    cmd
}

fn stdout_json(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

// ── Exit statuses ──────────────────────────────────────────────────────────────────────

#[test]
fn exit_0_for_a_clean_notice() {
    check(&[COMPLETE])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "checked 1 notice: 0 errors, 0 warnings",
        ));
}

#[test]
fn exit_1_for_errors() {
    check(&[ERRORS])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[PN202]"));
}

#[test]
fn warnings_exit_0_unless_denied() {
    check(&[WARNING])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[PN203]"));
    check(&[WARNING, "--deny-warnings"]).assert().code(1);
    check(&[COMPLETE, "--deny-warnings"]).assert().code(0);
}

#[test]
fn exit_2_for_a_missing_path() {
    check(&["tests/fixtures/no-such-notice.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-notice.yaml"));
}

#[test]
fn exit_2_for_bad_arguments() {
    for args in [
        &["check", COMPLETE, "--format", "xml"][..],
        &["check", COMPLETE, "--as-of", "2026-13-01"],
        &["check", COMPLETE, "--as-of", "25/11/2026"],
        &["check", COMPLETE, "--no-such-flag"],
        &["no-such-command"],
    ] {
        notice()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::is_empty().not());
    }
}

#[test]
fn exit_2_for_an_unreadable_file_but_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.yaml");
    std::fs::write(&latin1, b"notice:\n  title: caf\xe9\n").unwrap();
    let good = dir.path().join("good.yaml");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(ERRORS), &good).unwrap();
    let out = check(&[
        latin1.to_str().unwrap(),
        good.to_str().unwrap(),
        "--format",
        "json",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("latin1.yaml").and(predicate::str::contains("UTF-8")))
    .get_output()
    .stdout
    .clone();
    let json: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        json["summary"]["files"], 1,
        "the readable file is still checked"
    );
    assert!(
        json["diagnostics"][0]["file"]
            .as_str()
            .unwrap()
            .ends_with("good.yaml")
    );
}

#[test]
fn exit_2_for_a_folder_with_no_notices() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("readme.txt"), "not a notice").unwrap();
    check(&[dir.path().to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("contains no .yaml or .yml files"));
}

#[test]
fn no_arguments_prints_help_and_exits_2() {
    notice()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Usage"));
}

// ── Output formats ─────────────────────────────────────────────────────────────────────

#[test]
fn human_format_shows_the_place_the_line_and_the_fix() {
    let out = check(&[ERRORS])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let place = regex_like_place(&out, ERRORS);
    assert!(place, "no `{ERRORS}:line:col` in:\n{out}");
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with('|') && l.contains('^')),
        "no caret line in:\n{out}"
    );
    assert!(out.contains("= help:"), "no help in:\n{out}");
    assert!(
        out.contains("= note: UK GDPR Art 13(1)(c)"),
        "no citation in:\n{out}"
    );
    assert!(
        !out.contains('\u{1b}'),
        "NO_COLOR output has no escape codes"
    );
}

/// Whether `out` contains `file:LINE:COL` with numbers.
fn regex_like_place(out: &str, file: &str) -> bool {
    out.match_indices(&format!("{file}:")).any(|(i, m)| {
        let rest = &out[i + m.len()..];
        let mut parts = rest.splitn(3, |c: char| !c.is_ascii_digit());
        let line = parts.next().unwrap_or("");
        let sep = rest[line.len()..].chars().next();
        let col: String = rest[line.len() + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        !line.is_empty() && sep == Some(':') && !col.is_empty()
    })
}

#[test]
fn json_format_has_every_field() {
    let json = stdout_json(check(&[ERRORS, WARNING, "--format", "json"]).env_remove("NO_COLOR"));
    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 2, "{json:#}");
    for d in diags {
        for key in [
            "file", "path", "rule", "name", "severity", "citation", "message",
        ] {
            assert!(d[key].is_string(), "`{key}` is not a string in {d:#}");
        }
        assert!(d["line"].as_u64().unwrap() >= 1, "{d:#}");
        assert!(d["column"].as_u64().unwrap() >= 1, "{d:#}");
        assert!(d["help"].is_string(), "{d:#}");
        let rule = registry::find(d["rule"].as_str().unwrap()).expect("a registry rule");
        assert_eq!(d["citation"], rule.citation);
        assert_eq!(d["severity"], rule.severity.as_str());
    }
    assert_eq!(diags[0]["file"], ERRORS);
    assert_eq!(diags[0]["rule"], "PN202");
    assert_eq!(diags[0]["path"], "purposes[0].lawful_basis");
    assert_eq!(diags[0]["severity"], "error");
    assert_eq!(diags[1]["file"], WARNING);
    assert_eq!(diags[1]["severity"], "warning");
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(json["summary"]["errors"], 1);
    assert_eq!(json["summary"]["warnings"], 1);
}

#[test]
fn json_format_for_a_clean_notice() {
    let json = stdout_json(&mut check(&[COMPLETE, "--format", "json"]));
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    assert_eq!(json["summary"]["errors"], 0);
}

#[test]
fn sarif_format_is_sarif_2_1_0() {
    let sarif = stdout_json(&mut check(&[ERRORS, WARNING, "--format", "sarif"]));
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "notice");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), registry::ALL.len());
    for (r, want) in rules.iter().zip(registry::ALL) {
        assert_eq!(r["id"], want.id);
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], id, "ruleIndex points at the rule");
        assert!(matches!(r["level"].as_str(), Some("error" | "warning")));
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(
            loc["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .ends_with(".yaml")
        );
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(loc["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn sarif_locations_are_at_least_line_1_for_whole_file_findings() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.yaml");
    std::fs::write(&empty, "").unwrap();
    let sarif = stdout_json(&mut check(&[empty.to_str().unwrap(), "--format", "sarif"]));
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "PN011");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
}

#[test]
fn github_format_is_workflow_commands() {
    let out = check(&[ERRORS, WARNING, "--format", "github"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let commands: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(commands.len(), 2, "{out}");
    assert!(
        commands[0].starts_with(&format!("::error file={ERRORS},line=")),
        "{out}"
    );
    assert!(
        commands[1].starts_with(&format!("::warning file={WARNING},line=")),
        "{out}"
    );
    for c in &commands {
        assert!(c.contains(",col=") && c.contains(",title=PN"), "{c}");
        assert!(!c.contains('\n'));
    }
}

// ── rules, explain, schema ─────────────────────────────────────────────────────────────

#[test]
fn rules_lists_every_rule() {
    let out = notice()
        .arg("rules")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), registry::ALL.len());
    for (line, rule) in out.lines().zip(registry::ALL) {
        assert!(line.starts_with(rule.id), "{line}");
        assert!(
            line.contains(rule.name) && line.contains(rule.citation),
            "{line}"
        );
    }
}

#[test]
fn explain_prints_the_docs() {
    let rule = registry::find("PN202").unwrap();
    notice()
        .args(["explain", "PN202"])
        .assert()
        .code(0)
        .stdout(rule.docs());
    // By name, and by id in any case.
    notice()
        .args(["explain", "purpose-without-lawful-basis"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "# PN202 purpose-without-lawful-basis",
        ));
    notice().args(["explain", "pn202"]).assert().code(0).stdout(
        predicate::str::contains("## What it checks")
            .and(predicate::str::contains("## How to fix")),
    );
}

#[test]
fn explain_an_unknown_rule_exits_2_with_a_suggestion() {
    notice()
        .args(["explain", "nonsense"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(
            predicate::str::contains("there is no rule `nonsense`")
                .and(predicate::str::contains("`notice rules` lists them all")),
        );
    notice()
        .args(["explain", "purpose-without-lawful-bases"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `purpose-without-lawful-basis`?",
        ));
    notice()
        .args(["explain", "PN2022"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `PN202`?"));
}

#[test]
fn schema_is_json_with_every_top_level_block() {
    let schema = stdout_json(notice().arg("schema"));
    let props = schema["properties"].as_object().expect("properties");
    for block in [
        "notice",
        "controller",
        "dpo",
        "representative",
        "joint_controllers",
        "data_categories",
        "sources",
        "recipients",
        "purposes",
        "transfers",
        "retention",
        "automated_decision_making",
        "provision_requirement",
        "rights",
        "complaints",
        "appropriate_policy_document",
        "sections",
    ] {
        assert!(props.contains_key(block), "schema lacks `{block}`");
    }
    assert_eq!(
        schema["additionalProperties"], false,
        "unknown keys are refused"
    );
}

// ── The law as of a date, and folders ──────────────────────────────────────────────────

#[test]
fn as_of_changes_the_outcome() {
    // Complaints to the controller (PN603) are required from 19 June 2026.
    let fixture = "tests/fixtures/rules/PN603/fail.yaml";
    let on = |date: &str| {
        let mut cmd = notice();
        cmd.args(["check", fixture, "--format", "json", "--as-of", date]);
        cmd
    };
    on("2026-06-18").assert().code(0);
    let before = stdout_json(&mut on("2026-06-18"));
    assert_eq!(before["diagnostics"], serde_json::json!([]));
    on("2026-06-19").assert().code(1);
    let after = stdout_json(&mut on("2026-06-19"));
    assert_eq!(after["diagnostics"][0]["rule"], "PN603");
}

#[test]
fn a_folder_is_checked_file_by_file_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let errors = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(ERRORS)).unwrap();
    for name in ["b.yaml", "a.yml", "sub/c.yaml", "z/0.yml"] {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &errors).unwrap();
    }
    std::fs::write(dir.path().join("notes.txt"), "not a notice").unwrap();
    std::fs::write(dir.path().join("draft.yaml.bak"), "not a notice").unwrap();
    let json = stdout_json(&mut check(&[
        dir.path().to_str().unwrap(),
        "--format",
        "json",
    ]));
    let files: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            Path::new(d["file"].as_str().unwrap())
                .strip_prefix(dir.path())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(files, ["a.yml", "b.yaml", "sub/c.yaml", "z/0.yml"]);
    assert_eq!(json["summary"]["files"], 4);
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let json = stdout_json(&mut check(&[ERRORS, ERRORS, "--format", "json"]));
    assert_eq!(json["summary"]["files"], 1);
}
