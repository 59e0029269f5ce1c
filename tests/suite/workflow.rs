//! The workflow around check and build: `notice diff` (two files and git revisions, every
//! output format, exit codes, the change-log entry), `notice completions` and `notice man`,
//! examples in every command's `--help`, and the CI outputs: SARIF validated against the
//! SARIF 2.1.0 JSON Schema, GitHub workflow commands checked line by line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::seeds::SEEDS;
use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

/// A made-up next version of Kent 2021 with material and editorial changes.
const NEXT: &str = "tests/fixtures/diff/kent-next.yaml";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn notice() -> Command {
    let mut c = Command::cargo_bin("notice").expect("the notice binary is built");
    c.current_dir(root()).env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> Output {
    notice().args(args).output().expect("notice runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed")
}

/// Text with its line breaks and indentation folded to single spaces, to look for phrases
/// that wrapping may have split.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn seed(stem: &str) -> String {
    format!("notices/{stem}.yaml")
}

// ---------------------------------------------------------------------------------------
// notice diff on two files

#[test]
fn diff_kent_2018_to_2021_snapshot() {
    let o = run(&["diff", "notices/kent-2018.yaml", "notices/kent-2021.yaml"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = stdout(&o);
    // The two notices differ in wording and contact details only.
    assert!(text.contains("Material changes: none."), "{text}");
    for fact in [
        "Title changed from “Privacy Notice” to “How we handle your personal information”",
        "e-mail address “contactyourpcc@kent.police.uk” removed",
        "Purpose “To process your complaint” renamed",
        "“Telephone: 01622 67055”",
        "Web address of the retention policy removed",
        "Change log: new entry dated 2021",
    ] {
        assert!(flat(&text).contains(fact), "missing {fact:?} in:\n{text}");
    }
    insta::assert_snapshot!("diff_kent_2018_2021", text);
}

#[test]
fn diff_material_changes_snapshot() {
    let o = run(&["diff", "notices/kent-2021.yaml", NEXT]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = stdout(&o);
    for fact in [
        "Material changes: 7.",
        "New kind of personal data: “Information about your health” (special category data).",
        "New recipient: “Our survey provider”, in the United States (outside the UK).",
        "New purpose: “To understand the needs of victims of crime”, on the lawful basis of",
        "lawful basis changed from consent to public task.",
        "Personal data now goes outside the UK.",
        "is longer: “12 years after the last entry” (it was “10 years after the last entry”).",
        "Purpose removed: “To conduct analysis and research activities”.",
        "Recipient removed: “Medway Council”.",
    ] {
        assert!(flat(&text).contains(fact), "missing {fact:?} in:\n{text}");
    }
    insta::assert_snapshot!("diff_kent_2021_next", text);
}

#[test]
fn diff_markdown_snapshot() {
    let o = run(&[
        "diff",
        "notices/kent-2021.yaml",
        NEXT,
        "--format",
        "markdown",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    insta::assert_snapshot!("diff_kent_2021_next_markdown", stdout(&o));
}

#[test]
fn diff_exit_codes() {
    let k18 = seed("kent-2018");
    let k21 = seed("kent-2021");
    // No --fail-on: 0 whatever changed.
    assert_eq!(code(&run(&["diff", &k21, NEXT])), 0);
    // --fail-on material: 1 only when a change is material.
    let o = run(&["diff", &k21, NEXT, "--fail-on", "material"]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("7 material changes found"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        code(&run(&["diff", &k18, &k21, "--fail-on", "material"])),
        0
    );
    // --fail-on any: 1 on any change, 0 on none.
    assert_eq!(code(&run(&["diff", &k18, &k21, "--fail-on", "any"])), 1);
    assert_eq!(code(&run(&["diff", &k21, &k21, "--fail-on", "any"])), 0);
    // 2 when it cannot run.
    let o = run(&["diff", "notices/missing.yaml", &k21]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("notices/missing.yaml"),
        "{}",
        stderr(&o)
    );
    assert_eq!(code(&run(&["diff", &k21])), 2, "NEW or --from is required");
    assert_eq!(
        code(&run(&["diff", &k18, &k21, "--from", "HEAD"])),
        2,
        "NEW and --from conflict"
    );
    assert_eq!(
        code(&run(&["diff", &k18, &k21, "--format", "pdf"])),
        2,
        "unknown format"
    );
}

#[test]
fn diff_refuses_a_notice_it_cannot_understand() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "notice:\n  title: [unclosed\n").unwrap();
    let o = notice()
        .arg("diff")
        .arg(&bad)
        .arg(seed("kent-2021"))
        .output()
        .unwrap();
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("error[PN"), "the YAML error is shown: {err}");
    assert!(err.contains("cannot compare"), "{err}");
    assert!(o.stdout.is_empty(), "nothing on stdout: {}", stdout(&o));

    let unknown = dir.path().join("unknown.yaml");
    std::fs::write(&unknown, "notice:\n  title: T\n  colour: blue\n").unwrap();
    let o = notice()
        .arg("diff")
        .arg(seed("kent-2021"))
        .arg(&unknown)
        .output()
        .unwrap();
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("colour"), "{}", stderr(&o));
}

#[test]
fn diff_json_parses_and_counts() {
    let o = run(&["diff", "notices/kent-2021.yaml", NEXT, "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    assert_eq!(v["old"]["file"], "notices/kent-2021.yaml");
    assert_eq!(v["new"]["file"], NEXT);
    assert_eq!(v["new"]["last_updated"], "2024-06-03");
    let changes = v["changes"].as_array().expect("a list of changes");
    let material = changes.iter().filter(|c| c["class"] == "material").count();
    let editorial = changes.iter().filter(|c| c["class"] == "editorial").count();
    assert_eq!(v["material"], material);
    assert_eq!(v["editorial"], editorial);
    assert_eq!(material, 7);
    for c in changes {
        for key in ["class", "area", "heading", "path", "summary"] {
            assert!(
                c[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key} in {c}"
            );
        }
    }
    assert!(changes.iter().any(|c| c["path"] == "purposes[victim-needs]"
        && c["class"] == "material"
        && c["area"] == "purposes"));
}

#[test]
fn diff_every_pair_of_seeds() {
    for a in SEEDS {
        // A notice compared with itself has no changes.
        let o = run(&["diff", &seed(a), &seed(a), "--format", "json"]);
        assert_eq!(code(&o), 0, "{a}: {}", stderr(&o));
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["changes"].as_array().unwrap().len(), 0, "{a} vs itself");
        for b in SEEDS {
            if a == b {
                continue;
            }
            let o = run(&["diff", &seed(a), &seed(b)]);
            assert_eq!(code(&o), 0, "{a} → {b}: {}", stderr(&o));
            let text = stdout(&o);
            assert!(text.starts_with("Changes from "), "{a} → {b}");
            assert!(text.contains("\nIn all: "), "{a} → {b}");
            // Different offices: new purposes and recipients are material.
            if !(a.starts_with("kent") && b.starts_with("kent")) {
                assert!(!text.contains("Material changes: none."), "{a} → {b}");
            }
        }
    }
}

#[test]
fn diff_changelog_entry_pastes_into_the_notice() {
    let o = run(&[
        "diff",
        "notices/kent-2021.yaml",
        NEXT,
        "--changelog",
        "--date",
        "2024-06-03",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let entry = stdout(&o);
    assert!(entry.contains("- date: \"2024-06-03\""), "{entry}");
    assert!(entry.contains("summary:"), "{entry}");
    assert!(entry.contains("kind: major"), "{entry}");
    assert!(flat(&entry).contains("new purpose “To understand the needs of victims of crime”"));
    insta::assert_snapshot!("diff_changelog_kent_2021_next", entry);

    // Paste it after the last change-log entry of the new version: notice's own parser
    // reads it, and the date is the one given.
    let next = std::fs::read_to_string(root().join(NEXT)).unwrap();
    let anchor = "      summary: Victims' needs survey; survey provider in the United States.\n";
    assert!(next.contains(anchor));
    let pasted = next.replace(anchor, &format!("{anchor}{entry}"));
    let src = notice::source::SourceFile::from_text("pasted.yaml", pasted);
    let file = notice::parse::parse(&src).unwrap_or_else(|d| panic!("{d:#?}"));
    let n = notice::model::lower(file, &src).unwrap_or_else(|d| panic!("{d:#?}"));
    let changes = &n.file.notice.as_ref().unwrap().changes;
    let last = changes.last().unwrap();
    assert_eq!(last.date.value, "2024-06-03");
    assert_eq!(last.kind.as_ref().unwrap().value, "major");
    assert!(
        last.summary
            .as_ref()
            .unwrap()
            .value
            .starts_with("New kind of personal data")
    );

    // No material change: a minor entry; the date defaults to today.
    let o = run(&[
        "diff",
        "notices/kent-2018.yaml",
        "notices/kent-2021.yaml",
        "--changelog",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let entry = stdout(&o);
    assert!(entry.contains("kind: minor"), "{entry}");
    assert!(entry.contains("Editorial changes only"), "{entry}");
    let today = notice::model::Date::today().to_string();
    assert!(entry.contains(&format!("- date: \"{today}\"")), "{entry}");

    // --date needs --changelog, and a full date.
    assert_eq!(
        code(&run(&[
            "diff",
            "notices/kent-2018.yaml",
            "notices/kent-2021.yaml",
            "--date",
            "2024-06-03"
        ])),
        2
    );
    assert_eq!(
        code(&run(&[
            "diff",
            "notices/kent-2018.yaml",
            "notices/kent-2021.yaml",
            "--changelog",
            "--date",
            "2024-06"
        ])),
        2
    );
}

// ---------------------------------------------------------------------------------------
// notice diff across git revisions

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("git runs");
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

/// A repository with two commits of `notices/office.yaml`: Kent 2021, then the next
/// version.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    std::fs::create_dir(d.join("notices")).unwrap();
    let file = d.join("notices/office.yaml");
    std::fs::copy(root().join("notices/kent-2021.yaml"), &file).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "Kent 2021"]);
    std::fs::copy(root().join(NEXT), &file).unwrap();
    git(d, &["commit", "-q", "-am", "next"]);
    dir
}

fn in_repo(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("notice")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn diff_across_git_revisions() {
    let repo = repo();
    let d = repo.path();

    // HEAD~1 against the working tree (the same as HEAD here).
    let o = in_repo(d, &["diff", "notices/office.yaml", "--from", "HEAD~1"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.starts_with("Changes from notices/office.yaml@HEAD~1 to notices/office.yaml\n"),
        "{text}"
    );
    assert!(text.contains("Material changes: 7."), "{text}");
    // The same comparison as between the two files.
    let files = run(&["diff", "notices/kent-2021.yaml", NEXT]);
    let body = |s: &str| s.split_once('\n').unwrap().1.to_owned();
    assert_eq!(body(&text), body(&stdout(&files)));

    // Two revisions, and CI's gate.
    let o = in_repo(
        d,
        &[
            "diff",
            "notices/office.yaml",
            "--from",
            "HEAD~1",
            "--to",
            "HEAD",
            "--fail-on",
            "material",
        ],
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).contains("office.yaml@HEAD~1 to notices/office.yaml@HEAD"));

    // From inside the folder, with a path relative to it.
    let o = in_repo(
        &d.join("notices"),
        &["diff", "office.yaml", "--from", "HEAD"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Material changes: none."),
        "{}",
        stdout(&o)
    );

    // An uncommitted edit in the working tree is the new version.
    let file = d.join("notices/office.yaml");
    let edited = std::fs::read_to_string(&file).unwrap().replace(
        "12 years after the last entry",
        "15 years after the last entry",
    );
    std::fs::write(&file, edited).unwrap();
    let o = in_repo(
        d,
        &[
            "diff",
            "notices/office.yaml",
            "--from",
            "HEAD",
            "--fail-on",
            "material",
        ],
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        flat(&stdout(&o)).contains("is longer: “15 years after the last entry”"),
        "{}",
        stdout(&o)
    );

    // A revision that does not exist, or where the file did not exist: 2, saying why.
    let o = in_repo(
        d,
        &["diff", "notices/office.yaml", "--from", "no-such-branch"],
    );
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no-such-branch"), "{}", stderr(&o));
    std::fs::copy(
        root().join("notices/hampshire.yaml"),
        d.join("notices/new.yaml"),
    )
    .unwrap();
    let o = in_repo(d, &["diff", "notices/new.yaml", "--from", "HEAD"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("notices/new.yaml"), "{}", stderr(&o));
    // Something that would be read as an option is not a revision.
    let o = in_repo(d, &["diff", "notices/office.yaml", "--from=--output=x"]);
    assert_eq!(code(&o), 2);
    assert!(!d.join("x").exists());
}

// ---------------------------------------------------------------------------------------
// Completions, manual, --help

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = run(&["completions", shell]);
        assert_eq!(code(&o), 0, "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        assert!(script.len() > 500, "{shell}: {script}");
        for word in ["notice", "diff", "fail-on", "completions"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    assert_eq!(code(&run(&["completions", "tcsh"])), 2);
}

#[test]
fn man_page_is_roff() {
    let o = run(&["man"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.starts_with(".TH NOTICE 1 "), "{}", &page[..80]);
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH EXAMPLES",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(section), "no {section}");
    }
    assert_eq!(page.matches(".ds Aq").count(), 2, "one string definition");

    let dir = tempfile::tempdir().unwrap();
    let o = notice()
        .args(["man", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for name in [
        "notice.1",
        "notice-check.1",
        "notice-diff.1",
        "notice-man.1",
    ] {
        let p = dir.path().join(name);
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(text.starts_with(".TH "), "{name}");
    }
    let diff = std::fs::read_to_string(dir.path().join("notice-diff.1")).unwrap();
    assert!(
        diff.contains("\\-\\-fail\\-on"),
        "diff's options are documented"
    );
}

#[test]
fn every_command_has_examples() {
    for cmd in [
        "check",
        "build",
        "init",
        "rules",
        "explain",
        "schema",
        "diff",
        "completions",
        "man",
    ] {
        let o = run(&[cmd, "--help"]);
        assert_eq!(code(&o), 0, "{cmd}");
        let help = stdout(&o);
        let examples = help
            .split_once("Examples:\n")
            .unwrap_or_else(|| panic!("`notice {cmd} --help` has no examples:\n{help}"))
            .1;
        assert!(
            examples.contains(&format!("notice {cmd}")),
            "`notice {cmd} --help` examples do not show the command:\n{examples}"
        );
    }
    assert!(stdout(&run(&["--help"])).contains("Examples:\n"));
}

// ---------------------------------------------------------------------------------------
// CI outputs: SARIF and GitHub workflow commands

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/fixtures/sarif-2.1.0.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).expect("the SARIF schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn schema_errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_is_valid_sarif_2_1_0() {
    let validator = sarif_validator();
    let o = run(&[
        "check",
        "notices",
        "--format",
        "sarif",
        "--as-of",
        "2026-11-25",
    ]);
    assert_eq!(code(&o), 1, "the seeds have errors: {}", stderr(&o));
    let doc: Value = serde_json::from_str(&stdout(&o)).expect("SARIF is JSON");
    let errors = schema_errors(&validator, &doc);
    assert!(
        errors.is_empty(),
        "SARIF schema errors:\n{}",
        errors.join("\n")
    );

    // What code scanning reads: rules by index, every result located in a seed.
    let run0 = &doc["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run0["results"].as_array().unwrap();
    assert!(results.len() > 10);
    for r in results {
        let i = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
        let loc = &r["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            uri.starts_with("notices/") && root().join(uri).is_file(),
            "{uri}"
        );
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(matches!(r["level"].as_str(), Some("error" | "warning")));
    }

    // A file that cannot be understood is reported in valid SARIF too.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "notice: [\n").unwrap();
    let o = notice()
        .args(["check", "--format", "sarif"])
        .arg(&bad)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let errors = schema_errors(&validator, &doc);
    assert!(errors.is_empty(), "{}", errors.join("\n"));

    // The schema really is applied: a broken log fails it.
    let mut broken = doc.clone();
    broken["version"] = Value::from("2.0");
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(schema_errors(&validator, &broken).len() >= 2);
}

/// The escapes GitHub defines for workflow commands.
fn unescape(s: &str, property: bool) -> String {
    let mut out = s.replace("%0D", "\r").replace("%0A", "\n");
    if property {
        out = out.replace("%3A", ":").replace("%2C", ",");
    }
    out.replace("%25", "%")
}

/// Whether every `%` in `s` starts one of the escapes allowed.
fn escapes_ok(s: &str, allowed: &[&str]) -> bool {
    s.match_indices('%')
        .all(|(i, _)| allowed.iter().any(|e| s[i..].starts_with(e)))
}

/// One GitHub Actions workflow command, unescaped.
struct WorkflowCommand {
    properties: Vec<(String, String)>,
    message: String,
}

impl WorkflowCommand {
    fn property(&self, key: &str) -> &str {
        &self.properties.iter().find(|(k, _)| k == key).unwrap().1
    }
}

/// Check a `--format github` output line by line, and read its commands.
fn workflow_commands(text: &str) -> Vec<WorkflowCommand> {
    let mut commands = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let (last, body) = lines.split_last().expect("some output");
    assert!(last.starts_with("checked "), "summary last: {last}");
    for line in body {
        assert!(!line.contains('\r'), "{line:?}");
        let rest = line
            .strip_prefix("::")
            .unwrap_or_else(|| panic!("not a workflow command: {line:?}"));
        let (head, message) = rest
            .split_once("::")
            .unwrap_or_else(|| panic!("no `::` before the message: {line:?}"));
        let (level, props) = head.split_once(' ').unwrap_or((head, ""));
        assert!(
            matches!(level, "error" | "warning" | "notice"),
            "{level} in {line:?}"
        );
        let mut properties = Vec::new();
        for prop in props.split(',') {
            let (k, v) = prop
                .split_once('=')
                .unwrap_or_else(|| panic!("{prop:?} in {line:?}"));
            assert!(
                ["file", "line", "col", "endLine", "endColumn", "title"].contains(&k),
                "unknown property {k}"
            );
            assert!(!v.contains(':'), "unescaped `:` in {k}: {line:?}");
            assert!(
                escapes_ok(v, &["%25", "%0D", "%0A", "%3A", "%2C"]),
                "bad escape in {k}: {line:?}"
            );
            if k == "line" || k == "col" {
                assert!(v.parse::<u32>().is_ok_and(|n| n >= 1), "{k}={v}");
            }
            properties.push((k.to_owned(), unescape(v, true)));
        }
        for key in ["file", "line", "col", "title"] {
            assert!(
                properties.iter().any(|(k, _)| k == key),
                "no {key} in {line:?}"
            );
        }
        assert!(
            escapes_ok(message, &["%25", "%0D", "%0A"]),
            "bad escape in the message: {line:?}"
        );
        commands.push(WorkflowCommand {
            properties,
            message: unescape(message, false),
        });
    }
    commands
}

#[test]
fn github_output_is_well_formed_workflow_commands() {
    let o = run(&[
        "check",
        "notices",
        "--format",
        "github",
        "--as-of",
        "2026-11-25",
    ]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let commands = workflow_commands(&stdout(&o));
    assert!(commands.len() > 10);
    for c in &commands {
        let file = c.property("file");
        assert!(root().join(file).is_file(), "{file}");
        let title = c.property("title");
        assert!(title.starts_with("PN"), "{title}");
        assert!(!c.message.trim().is_empty());
    }
    // Multi-line messages (the help line) survive as escapes.
    assert!(commands.iter().any(|c| c.message.contains("\nhelp: ")));

    // A file name with the characters that need escaping.
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("a,b: 100%.yaml");
    std::fs::copy(root().join("notices/kent-2021.yaml"), &odd).unwrap();
    let o = notice()
        .args(["check", "--format", "github"])
        .arg(&odd)
        .output()
        .unwrap();
    let commands = workflow_commands(&stdout(&o));
    assert!(!commands.is_empty());
    for c in &commands {
        assert_eq!(PathBuf::from(c.property("file")), odd);
    }
}

// ---------------------------------------------------------------------------------------
// The shipped CI files

#[test]
fn ci_files_are_present_and_parse() {
    let workflow = std::fs::read_to_string(root().join("docs/ci/github-actions.yml")).unwrap();
    for needle in [
        "notice check notices/ --format github",
        "--format sarif",
        "github/codeql-action/upload-sarif",
        "--fail-on material",
        "actions/upload-artifact",
        "notice build",
    ] {
        assert!(workflow.contains(needle), "the workflow lacks {needle}");
    }
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    assert!(hooks.contains("id: notice-check"));
    assert!(hooks.contains("entry: notice check"));
    // Both are YAML that a YAML reader accepts.
    for (name, text) in [("workflow", &workflow), ("hooks", &hooks)] {
        let v: Result<serde_json::Value, _> = serde_saphyr::from_str(text);
        assert!(v.is_ok(), "{name}: {:?}", v.err());
    }
}
