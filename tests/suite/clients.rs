//! `notice` as the tools its users run take it: code scanning (SARIF with awkward file
//! names), independent JSON Schema validators and YAML loaders, actionlint, pre-commit,
//! groff and mandoc, hadolint, shell completion, and `notice build --watch` end to end.
//!
//! The outside tools are installed by `scripts/install-test-deps.sh` (Debian: groff,
//! mandoc, shellcheck; PyPI, into `.venv-test`: ruamel.yaml, PyYAML, jsonschema,
//! pre-commit, actionlint, hadolint). A missing tool fails the test, never skips it.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

const INSTALL_HINT: &str = "run scripts/install-test-deps.sh to install the test tools";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn notice() -> Command {
    let mut c = Command::cargo_bin("notice").expect("the notice binary is built");
    c.current_dir(root()).env("NO_COLOR", "1");
    c
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A tool from `.venv-test/bin`, or a panic saying how to install it.
fn venv_tool(name: &str) -> PathBuf {
    let path = root().join(".venv-test/bin").join(name);
    assert!(path.exists(), "missing {}; {INSTALL_HINT}", path.display());
    path
}

/// A command on PATH, or a panic saying how to install it.
fn system_tool(name: &str) -> String {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path).any(|dir| dir.join(name).is_file());
    assert!(found, "`{name}` is not on PATH; {INSTALL_HINT}");
    name.to_owned()
}

fn run_tool(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("could not run {cmd:?}: {e}; {INSTALL_HINT}"))
}

// ---------------------------------------------------------------------------------------
// SARIF: file names that need encoding, absolute paths, help links, fingerprints

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/fixtures/sarif-2.1.0.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn sarif_of(dir: &Path, args: &[&std::ffi::OsStr]) -> Value {
    let o = notice()
        .current_dir(dir)
        .args(["check", "--format", "sarif", "--as-of", "2026-11-25"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        text(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("SARIF is JSON")
}

#[test]
fn sarif_uris_are_relative_encoded_and_valid() {
    let validator = sarif_validator();
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "with space.yaml",
        "hash#1.yaml",
        "100%.yaml",
        "Ynys Môn – 2026.yaml",
        "plain.yaml",
    ];
    std::fs::create_dir(dir.path().join("notices")).unwrap();
    for name in names {
        std::fs::copy(
            root().join("tests/fixtures/rules/PN202/fail.yaml"),
            dir.path().join("notices").join(name),
        )
        .unwrap();
    }
    // Relative paths, and the same files by absolute path.
    let relative: Vec<PathBuf> = names.iter().map(|n| Path::new("notices").join(n)).collect();
    let absolute: Vec<PathBuf> = relative.iter().map(|p| dir.path().join(p)).collect();
    for paths in [&relative, &absolute] {
        let args: Vec<&std::ffi::OsStr> = paths.iter().map(|p| p.as_os_str()).collect();
        let doc = sarif_of(dir.path(), &args);
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "SARIF schema errors:\n{}",
            errors.join("\n")
        );
        let run = &doc["runs"][0];
        let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            base.starts_with("file:///") && base.ends_with('/'),
            "{base}"
        );
        let results = run["results"].as_array().unwrap();
        let mut uris = BTreeSet::new();
        for r in results {
            let loc = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            assert_eq!(loc["uriBaseId"], "%SRCROOT%");
            let uri = loc["uri"].as_str().unwrap();
            assert!(
                uri.starts_with("notices/"),
                "relative to the working folder: {uri}"
            );
            assert!(
                uri.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~/%".contains(&b)),
                "not percent-encoded: {uri}"
            );
            uris.insert(uri.to_owned());
            let fp = r["partialFingerprints"]["noticeFinding/v1"]
                .as_str()
                .unwrap();
            assert!(fp.len() > 16, "{fp}");
        }
        let want: BTreeSet<String> = [
            "notices/with%20space.yaml",
            "notices/hash%231.yaml",
            "notices/100%25.yaml",
            "notices/Ynys%20M%C3%B4n%20%E2%80%93%202026.yaml",
            "notices/plain.yaml",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect();
        assert_eq!(uris, want);
    }

    // A raw name really is invalid: the schema checks `uri-reference`, so the test above
    // would catch a regression.
    let mut raw = sarif_of(dir.path(), &[relative[0].as_os_str()]);
    raw["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        Value::from("notices/with space#1%.yaml");
    assert!(
        !validator.is_valid(&raw),
        "the schema should refuse a raw file name"
    );
}

#[test]
fn sarif_outside_the_working_folder_climbs_out_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("repo");
    std::fs::create_dir_all(&work).unwrap();
    let outside = dir.path().join("elsewhere/n o.yaml");
    std::fs::create_dir_all(outside.parent().unwrap()).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/rules/PN202/fail.yaml"),
        &outside,
    )
    .unwrap();
    let doc = sarif_of(&work, &[outside.as_os_str()]);
    assert!(sarif_validator().is_valid(&doc));
    let uri = &doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(uri["uri"], "../elsewhere/n%20o.yaml");
    assert_eq!(uri["uriBaseId"], "%SRCROOT%");
}

#[test]
fn sarif_links_rules_and_fingerprints_findings_without_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("n.yaml");
    let original = std::fs::read_to_string(root().join("notices/kent-2021.yaml")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let before = sarif_of(dir.path(), &[file.as_os_str()]);
    let rules = before["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for r in rules {
        let uri = r["helpUri"].as_str().unwrap();
        let anchor = format!(
            "#{}-{}",
            r["id"].as_str().unwrap().to_lowercase(),
            r["name"].as_str().unwrap()
        );
        assert!(
            uri.starts_with("https://") && uri.ends_with(&anchor),
            "{uri}"
        );
    }
    // docs/rules.md has a heading for every anchor the links use.
    let docs = std::fs::read_to_string(root().join("docs/rules.md")).unwrap();
    for r in rules {
        let heading = format!(
            "## {} {}",
            r["id"].as_str().unwrap(),
            r["name"].as_str().unwrap()
        );
        assert!(docs.contains(&heading), "docs/rules.md lacks {heading}");
    }

    // Three lines added at the top move every finding, but not its fingerprint.
    std::fs::write(&file, format!("# a\n# b\n# c\n{original}")).unwrap();
    let after = sarif_of(dir.path(), &[file.as_os_str()]);
    let prints = |doc: &Value| -> Vec<(String, u64)> {
        doc["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["partialFingerprints"]["noticeFinding/v1"]
                        .as_str()
                        .unwrap()
                        .to_owned(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                )
            })
            .collect()
    };
    let (b, a) = (prints(&before), prints(&after));
    assert!(!b.is_empty());
    assert_eq!(b.len(), a.len());
    for ((fb, lb), (fa, la)) in b.iter().zip(&a) {
        assert_eq!(fb, fa);
        assert_eq!(lb + 3, *la);
    }
    let unique: BTreeSet<&String> = b.iter().map(|(f, _)| f).collect();
    assert_eq!(
        unique.len(),
        b.len(),
        "fingerprints are unique within a run"
    );
}

// ---------------------------------------------------------------------------------------
// The JSON Schema, the parser and independent validators agree

/// Rules whose findings mean the file does not fit the format, as the schema says too.
const SCHEMA_RULES: [&str; 5] = ["PN001", "PN002", "PN003", "PN005", "PN011"];
/// Format rules the schema cannot express (duplicate keys, size limits, empty values,
/// which YAML reads as null) or that are about other things than shape: such files are
/// not held to either verdict.
const UNDECIDED_RULES: [&str; 3] = ["PN006", "PN009", "PN010"];

#[test]
fn schema_parser_and_independent_validators_agree() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("notice.schema.json");
    let o = notice().arg("schema").output().unwrap();
    assert!(o.status.success());
    std::fs::write(&schema, &o.stdout).unwrap();

    // Every example, every fixture, the starter, and the cases the issue found.
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(root().join("notices")).unwrap() {
        files.push(entry.unwrap().path());
    }
    collect_yaml(&root().join("tests/fixtures"), &mut files);
    let starter = dir.path().join("starter.yaml");
    let o = notice().arg("init").arg(&starter).output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    files.push(starter.clone());
    let cases = [
        (
            "bool-yes",
            "  public_authority: true",
            "  public_authority: yes",
        ),
        (
            "bool-on",
            "  public_authority: true",
            "  public_authority: on",
        ),
        (
            "date-swapped",
            "  last_updated: \"2026-09-14\"",
            "  last_updated: 2018-23-05",
        ),
        (
            "date-slashes",
            "  last_updated: \"2026-09-14\"",
            "  last_updated: \"23/05/2018\"",
        ),
        (
            "date-feb-30",
            "  last_updated: \"2026-09-14\"",
            "  last_updated: \"2024-02-30\"",
        ),
        (
            "date-unquoted",
            "  last_updated: \"2026-09-14\"",
            "  last_updated: 2026-09-14",
        ),
    ];
    let complete = std::fs::read_to_string(root().join("tests/fixtures/complete.yaml")).unwrap();
    let mut case_files = BTreeMap::new();
    for (name, from, to) in cases {
        assert!(complete.contains(from), "complete.yaml lacks {from:?}");
        let path = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&path, complete.replacen(from, to, 1)).unwrap();
        case_files.insert(name, path.clone());
        files.push(path);
    }
    files.retain(|f| matches!(f.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")));
    // Shared office files have their own format (`notice schema --office`), not this one.
    files.retain(|f| {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        notice::office::kind(&text) == notice::office::Kind::Notice
    });
    files.sort();

    // What `notice check` makes of each file.
    let o = notice()
        .args(["check", "--format", "json", "--as-of", "2026-11-25"])
        .args(&files)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let mut rules: BTreeMap<PathBuf, Vec<(String, String)>> = BTreeMap::new();
    for d in json["diagnostics"].as_array().unwrap() {
        rules
            .entry(PathBuf::from(d["file"].as_str().unwrap()))
            .or_default()
            .push((
                d["rule"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            ));
    }
    let (mut valid, mut invalid, mut undecided) = (Vec::new(), Vec::new(), Vec::new());
    for f in &files {
        let found = rules.get(f).cloned().unwrap_or_default();
        // A key with no value is null to a YAML loader, which the schema allows where the
        // key is optional: notice reports it (PN009) to say something is missing, not
        // that the file does not fit the format.
        let found: Vec<(String, String)> = found
            .into_iter()
            .filter(|(r, m)| !(r == "PN009" && m.ends_with("has no value")))
            .collect();
        let has = |set: &[&str]| found.iter().any(|(r, _)| set.contains(&r.as_str()));
        // An invalid value that the schema also constrains: a vocabulary or a date.
        let shape_value = found.iter().any(|(r, m)| {
            r == "PN004" && (m.contains("is not an allowed value") || m.contains("is not a date"))
        });
        if has(&SCHEMA_RULES) || shape_value {
            invalid.push(f.clone());
        } else if has(&UNDECIDED_RULES) || found.iter().any(|(r, _)| r == "PN004") {
            undecided.push(f.clone());
        } else {
            valid.push(f.clone());
        }
    }
    // The issue's cases land where they should; an unquoted date is a string in YAML 1.2,
    // so notice accepts it, but YAML 1.1 reads it as a date: it is checked by hand below.
    for case in [
        "bool-yes",
        "bool-on",
        "date-swapped",
        "date-slashes",
        "date-feb-30",
    ] {
        assert!(
            invalid.contains(&case_files[case]),
            "{case} should be refused by check"
        );
    }
    let unquoted = case_files["date-unquoted"].clone();
    assert!(valid.contains(&unquoted));
    valid.retain(|f| *f != unquoted);
    let yaml11_booleans = [
        case_files["bool-yes"].clone(),
        case_files["bool-on"].clone(),
    ];
    invalid.retain(|f| !yaml11_booleans.contains(f));
    assert!(valid.contains(&starter), "the starter fits the schema");
    for seed in [
        "hampshire",
        "hertfordshire",
        "kent-2018",
        "kent-2021",
        "leicestershire",
    ] {
        assert!(
            valid.contains(&root().join(format!("notices/{seed}.yaml"))),
            "{seed}"
        );
    }
    assert!(valid.len() >= 100, "{} valid files", valid.len());
    assert!(invalid.len() >= 8, "{} invalid files", invalid.len());
    assert!(undecided.len() <= 12, "too many undecided: {undecided:#?}");

    let python = venv_tool("python");
    let script = root().join("tests/clients/validate_schema.py");
    let o = run_tool(
        Command::new(&python)
            .arg(&script)
            .arg(&schema)
            .arg("--valid")
            .args(&valid)
            .arg("--invalid")
            .args(&invalid),
    );
    let report = format!("{}{}", text(&o.stdout), text(&o.stderr));
    assert_eq!(
        o.status.code(),
        Some(0),
        "the validators disagree with notice:\n{report}"
    );

    // The unquoted date: notice reads it as text (YAML 1.2 core has no date type), but
    // both Python loaders turn it into a date object (ruamel.yaml resolves timestamps even
    // in YAML 1.2 mode), which no JSON Schema string matches: why every example and the
    // starter quote their dates.
    let o = run_tool(
        Command::new(&python)
            .arg(&script)
            .arg(&schema)
            .arg("--valid")
            .arg(&unquoted),
    );
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("FAIL")).count(),
        2,
        "{out}"
    );

    // `yes` and `on`: refused by notice and by YAML 1.2 with the schema; YAML 1.1 reads
    // them as `true`, which is the difference the format's rule (YAML 1.2 core) settles.
    let o = run_tool(
        Command::new(&python)
            .arg(&script)
            .arg(&schema)
            .arg("--invalid")
            .args(&yaml11_booleans),
    );
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with("ok   ") && l.contains("YAML 1.2"))
            .count(),
        2,
        "{out}"
    );
    assert!(
        out.lines()
            .filter(|l| l.starts_with("FAIL"))
            .all(|l| l.contains("PyYAML")),
        "{out}"
    );
}

fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_yaml(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn yaml_1_1_booleans_are_refused_with_a_fix() {
    let dir = tempfile::tempdir().unwrap();
    let complete = std::fs::read_to_string(root().join("tests/fixtures/complete.yaml")).unwrap();
    let f = dir.path().join("n.yaml");
    std::fs::write(
        &f,
        complete.replacen("public_authority: true", "public_authority: yes", 1),
    )
    .unwrap();
    let o = notice()
        .args(["check", "--format", "json"])
        .arg(&f)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(d["rule"], "PN003", "{json}");
    assert_eq!(d["path"], "controller.public_authority");
    assert!(d["help"].as_str().unwrap().contains("`true` or `false`"));
}

// ---------------------------------------------------------------------------------------
// Small ones: where a missing key is reported, syntax before type, completion of rule ids

#[test]
fn a_missing_key_is_reported_at_its_block() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("n.yaml");
    std::fs::write(
        &f,
        "notice:\n  title: T\n  last_updated: \"2024-01-01\"\ncontroller:\n  short_name: OPCC\n  description: About us\n  public_authority: true\ntransfers:\n  outside_uk: false\n",
    )
    .unwrap();
    let o = notice()
        .args(["check", "--format", "json"])
        .arg(&f)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(d["rule"], "PN005", "{json}");
    assert_eq!(d["path"], "controller.name");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(4), Some(1)),
        "{json}"
    );

    // In a list item: at the item's dash (the first change-log entry loses its date).
    let complete = std::fs::read_to_string(root().join("tests/fixtures/complete.yaml")).unwrap();
    let entry = "    - date: \"2019-04-01\"\n      summary: First published";
    assert!(complete.contains(entry));
    let broken = complete.replacen(entry, "    - summary: First published", 1);
    let line = complete[..complete.find(entry).unwrap()].lines().count() + 1;
    let json = check_json(dir.path(), &broken);
    let d = &json["diagnostics"][0];
    assert_eq!(d["rule"], "PN005", "{json}");
    assert_eq!(d["path"], "notice.changes[0].date", "{json}");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(line as u64), Some(5)),
        "{json}"
    );
}

fn check_json(dir: &Path, yaml: &str) -> Value {
    let f = dir.join("n.yaml");
    std::fs::write(&f, yaml).unwrap();
    let o = notice()
        .args(["check", "--format", "json", "--as-of", "2026-11-25"])
        .arg(&f)
        .output()
        .unwrap();
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn an_unclosed_flow_sequence_is_a_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    for yaml in [
        "notice: [\n",
        "notice:\n  title: T\npurposes: [a, b\n",
        "controller: {name: x\n",
    ] {
        let json = check_json(dir.path(), yaml);
        let d = &json["diagnostics"][0];
        assert_eq!(d["rule"], "PN001", "{yaml:?}: {json}");
        assert!(
            d["message"]
                .as_str()
                .unwrap()
                .starts_with("the YAML cannot be read"),
            "{json}"
        );
    }
}

#[test]
fn shells_complete_rule_ids_for_explain() {
    for shell in ["bash", "zsh", "fish"] {
        let o = notice().args(["completions", shell]).output().unwrap();
        let script = text(&o.stdout);
        for word in ["PN202", "PN001", "purpose-without-lawful-basis"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    // Unknown rules still get notice's own answer, not a list of 150 values.
    let o = notice().args(["explain", "PN2022"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(err.contains("did you mean `PN202`?"), "{err}");
    let help = text(
        &notice()
            .args(["explain", "--help"])
            .output()
            .unwrap()
            .stdout,
    );
    assert!(!help.contains("PN915"), "{help}");
}

// ---------------------------------------------------------------------------------------
// CI files: actionlint, pre-commit, hadolint

#[test]
fn workflows_pass_actionlint() {
    system_tool("shellcheck");
    let actionlint = venv_tool("actionlint");
    let files = [
        "docs/ci/github-actions.yml",
        ".github/workflows/release.yml",
    ];
    let o = run_tool(Command::new(&actionlint).current_dir(root()).args(files));
    assert!(
        o.status.success() && o.stdout.is_empty(),
        "actionlint:\n{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    // actionlint really looks (and runs shellcheck): a broken copy fails.
    let dir = tempfile::tempdir().unwrap();
    let workflow = std::fs::read_to_string(root().join(files[0])).unwrap();
    let broken = workflow
        .replace(
            "upload-sarif@v4",
            "upload-sarif@v4\n        with:\n          nonsense: 1",
        )
        .replace("exit \"$material\"", "exit $material_");
    let bad = dir.path().join("bad.yml");
    std::fs::write(&bad, broken).unwrap();
    let o = run_tool(Command::new(&actionlint).arg(&bad));
    assert!(!o.status.success());

    // What the recipe promises.
    for needle in [
        "github/codeql-action/upload-sarif@v4",
        "--format markdown >> \"$GITHUB_STEP_SUMMARY\"",
        "key: notice-${{ env.NOTICE_VERSION }}-",
        "releases/download/$NOTICE_VERSION",
        "sha256sum --check",
    ] {
        assert!(workflow.contains(needle), "the workflow lacks {needle}");
    }
    assert!(
        !workflow.contains("cargo install"),
        "the recipe uses the prebuilt binary"
    );
}

#[test]
fn pre_commit_accepts_the_hooks_and_the_pinned_config() {
    let pre_commit = venv_tool("pre-commit");
    let o = run_tool(
        Command::new(&pre_commit)
            .current_dir(root())
            .args(["validate-manifest", ".pre-commit-hooks.yaml"]),
    );
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));

    // The configuration the file documents, uncommented.
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let config: String = hooks
        .lines()
        .skip_while(|l| !l.contains("repos:"))
        .take_while(|l| {
            l.starts_with("#  ") || l.trim_start_matches('#').trim().starts_with("repos:")
        })
        .map(|l| format!("{}\n", l.trim_start_matches('#')))
        .collect();
    assert!(config.contains("rev: v"), "pinned to a tag:\n{config}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".pre-commit-config.yaml");
    std::fs::write(&path, &config).unwrap();
    let o = run_tool(Command::new(&pre_commit).arg("validate-config").arg(&path));
    let out = format!("{}{}", text(&o.stdout), text(&o.stderr));
    assert!(
        o.status.success() && !out.contains("WARNING"),
        "{out}\n{config}"
    );
    // The check is real: a branch is warned about.
    std::fs::write(&path, config.replace("rev: v0.1.0", "rev: main")).unwrap();
    let o = run_tool(Command::new(&pre_commit).arg("validate-config").arg(&path));
    assert!(
        text(&o.stdout).contains("mutable reference")
            || text(&o.stderr).contains("mutable reference")
    );
}

#[test]
fn dockerfile_passes_hadolint() {
    let hadolint = venv_tool("hadolint");
    let o = run_tool(
        Command::new(&hadolint)
            .current_dir(root())
            .arg("Dockerfile"),
    );
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
    let dockerfile = std::fs::read_to_string(root().join("Dockerfile")).unwrap();
    assert!(dockerfile.contains("USER 10001"), "runs without privileges");
    assert!(dockerfile.contains("--locked"));
}

// ---------------------------------------------------------------------------------------
// Manual pages

fn lint_page(name: &str, page: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, page).unwrap();
    let o = run_tool(
        Command::new(system_tool("groff"))
            .args(["-ww", "-man", "-Tutf8", "-z"])
            .arg(&path),
    );
    assert!(
        o.status.success() && o.stderr.is_empty(),
        "groff -ww on {name}:\n{}",
        text(&o.stderr)
    );
    let o = run_tool(
        Command::new(system_tool("mandoc"))
            .args(["-Tlint", "-W", "warning"])
            .arg(&path),
    );
    assert!(
        o.status.success() && o.stdout.is_empty() && o.stderr.is_empty(),
        "mandoc -Tlint on {name}:\n{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
}

#[test]
fn man_pages_pass_groff_and_mandoc() {
    let dir = tempfile::tempdir().unwrap();
    let o = notice()
        .env_remove("SOURCE_DATE_EPOCH")
        .args(["man", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let mut pages = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let page = std::fs::read(&path).unwrap();
        assert!(page.is_ascii(), "{}", path.display());
        lint_page(&path.file_name().unwrap().to_string_lossy(), &page);
        pages += 1;
    }
    assert!(pages >= 10, "{pages} pages");

    let o = notice()
        .env_remove("SOURCE_DATE_EPOCH")
        .arg("man")
        .output()
        .unwrap();
    assert!(o.status.success());
    lint_page("notice.1", &o.stdout);
    let page = text(&o.stdout);
    // One page: it names no page it does not print, and holds every command.
    assert!(!page.contains("(1)"), "refers to other pages:\n{page}");
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
        assert!(
            page.contains(&format!(".SS \"notice {cmd}\"")),
            "no {cmd} in:\n{page}"
        );
    }
    assert!(page.contains("\\-\\-fail\\-on"), "diff's options are in it");
}

#[test]
fn man_page_dates_are_deterministic() {
    let th = |epoch: Option<&str>| {
        let mut cmd = notice();
        cmd.arg("man");
        match epoch {
            Some(e) => cmd.env("SOURCE_DATE_EPOCH", e),
            None => cmd.env_remove("SOURCE_DATE_EPOCH"),
        };
        let page = text(&cmd.output().unwrap().stdout);
        page.lines().next().unwrap().to_owned()
    };
    let plain = th(None);
    assert!(
        regex::Regex::new(
            r#"^\.TH NOTICE 1 "\d{4}-\d{2}-\d{2}" "notice \d+\.\d+\.\d+" "notice manual"$"#
        )
        .unwrap()
        .is_match(&plain),
        "{plain}"
    );
    assert_eq!(plain, th(None));
    assert_eq!(
        th(Some("1780000000")),
        format!(
            ".TH NOTICE 1 \"2026-05-28\" \"notice {}\" \"notice manual\"",
            env!("CARGO_PKG_VERSION")
        )
    );
}

// ---------------------------------------------------------------------------------------
// notice build --watch

/// Lines of a child's stderr, as they come.
fn lines_of(child: &mut std::process::Child) -> mpsc::Receiver<String> {
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Wait for a line containing `needle`, giving up at `deadline`; returns the lines seen.
fn wait_for(rx: &mpsc::Receiver<String>, needle: &str, deadline: Instant) -> Vec<String> {
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => {
                let hit = line.contains(needle);
                seen.push(line);
                if hit {
                    return seen;
                }
            }
            Err(_) => panic!("no line with {needle:?} in time; saw:\n{}", seen.join("\n")),
        }
    }
}

/// Kills the child if the test fails half way, so no watcher outlives the test.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn watch_rebuilds_on_every_change_and_survives_errors() {
    let dir = tempfile::tempdir().unwrap();
    let notices = dir.path().join("notices");
    let templates = dir.path().join("templates");
    std::fs::create_dir(&notices).unwrap();
    let kent = notices.join("kent.yaml");
    let original = std::fs::read_to_string(root().join("notices/kent-2021.yaml")).unwrap();
    std::fs::write(&kent, &original).unwrap();
    std::fs::copy(
        root().join("notices/hampshire.yaml"),
        notices.join("hampshire.yaml"),
    )
    .unwrap();
    let o = notice()
        .arg("init")
        .arg("--templates")
        .arg(&templates)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = dir.path().join("out");
    let txt = out.join("kent/kent.txt");

    let child = notice()
        .current_dir(dir.path())
        .args([
            "build", "notices", "--out", "out", "--format", "txt", "--watch",
        ])
        .arg("--templates")
        .arg(&templates)
        .args(["--as-of", "2026-11-25", "--watch-builds", "6"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut child = KillOnDrop(child);
    let rx = lines_of(&mut child.0);
    let start = Instant::now();
    wait_for(&rx, "watching 2 notices", start + Duration::from_secs(60));
    let first = std::fs::read_to_string(&txt).unwrap();
    assert!(
        first.contains("How we handle your personal information"),
        "{first}"
    );

    // 1. A notice changes on disk: a new build of that notice within a second.
    std::thread::sleep(Duration::from_millis(20));
    let changed = original.replacen(
        "How we handle your personal information",
        "How we look after your information",
        1,
    );
    assert_ne!(changed, original);
    let saved = Instant::now();
    std::fs::write(&kent, &changed).unwrap();
    let seen = wait_for(&rx, "watching 2 notices", saved + Duration::from_secs(10));
    let took = saved.elapsed();
    assert!(took < Duration::from_secs(1), "rebuilt after {took:?}");
    let log = seen.join("\n");
    assert!(log.contains("changed: notices/kent.yaml"), "{log}");
    assert!(log.contains("built    notices/kent.yaml"), "{log}");
    assert!(
        !log.contains("built    notices/hampshire.yaml"),
        "only the changed notice: {log}"
    );
    assert!(
        log.contains("warning[") || log.contains("error["),
        "findings are printed: {log}"
    );
    assert!(
        std::fs::read_to_string(&txt)
            .unwrap()
            .contains("How we look after your information")
    );

    // 2. A notice that cannot be understood: reported, nothing written, still watching.
    std::fs::write(&kent, "notice: [\n").unwrap();
    let log = wait_for(
        &rx,
        "watching 2 notices",
        Instant::now() + Duration::from_secs(10),
    )
    .join("\n");
    assert!(log.contains("error[PN001]"), "{log}");
    assert!(log.contains("nothing written"), "{log}");

    // 3. Fixed again: built again.
    std::fs::write(&kent, &original).unwrap();
    let log = wait_for(
        &rx,
        "watching 2 notices",
        Instant::now() + Duration::from_secs(10),
    )
    .join("\n");
    assert!(log.contains("built    notices/kent.yaml"), "{log}");

    // 4. A template changes: every notice is built again with it.
    let template = templates.join("notice.md.j2");
    let mut t = std::fs::read_to_string(&template).unwrap();
    t.push_str("\nWatched template line.\n");
    std::fs::write(&template, t).unwrap();
    let log = wait_for(
        &rx,
        "watching 2 notices",
        Instant::now() + Duration::from_secs(10),
    )
    .join("\n");
    assert!(log.contains("building every notice"), "{log}");
    assert!(
        log.contains("built    notices/kent.yaml")
            && log.contains("built    notices/hampshire.yaml"),
        "{log}"
    );
    assert!(
        std::fs::read_to_string(&txt)
            .unwrap()
            .contains("Watched template line.")
    );

    // 5. The sixth build ends the bounded watch by itself.
    std::fs::write(&kent, &changed).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            assert!(status.code().is_some(), "exited, not killed");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the watcher did not stop after six builds"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Editors check a shared office file against `notice schema --office`: independent
/// validators accept the office files `notice check` accepts and refuse the ones it refuses
/// for their shape.
#[test]
fn office_schema_and_independent_validators_agree() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("office.schema.json");
    let o = notice().args(["schema", "--office"]).output().unwrap();
    assert!(o.status.success());
    std::fs::write(&schema, &o.stdout).unwrap();

    let mut files = Vec::new();
    collect_yaml(&root().join("tests/fixtures"), &mut files);
    let valid: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            notice::office::kind(&text) == notice::office::Kind::Office
        })
        .collect();
    assert!(valid.len() >= 3, "{valid:?}");
    let office = std::fs::read_to_string(root().join("tests/fixtures/office/office.yaml")).unwrap();
    let mut invalid = Vec::new();
    for (name, from, to) in [
        ("a-notice-block", "\nrights:\n", "\npurposes: []\nrights:\n"),
        ("misspelt", "\ncomplaints:\n", "\ncomplaint:\n"),
        (
            "no-name",
            "office:\n  name: The Police and Crime Commissioner for Wessex\n",
            "office: {}\n",
        ),
        (
            "wrong-type",
            "\ndpo:\n",
            "\nrepresentative: somebody\ndpo:\n",
        ),
    ] {
        assert!(office.contains(from), "office.yaml lacks {from:?}");
        let path = dir.path().join(format!("{name}.yaml"));
        std::fs::write(&path, office.replacen(from, to, 1)).unwrap();
        invalid.push(path);
    }
    // `notice check` agrees: the valid ones are clean, the invalid ones refused.
    for (files, code) in [(&valid, 0), (&invalid, 1)] {
        for f in files {
            let o = notice()
                .args(["check", "--as-of", "2026-11-25"])
                .arg(f)
                .output()
                .unwrap();
            assert_eq!(o.status.code(), Some(code), "{}: {o:?}", f.display());
        }
    }
    let python = venv_tool("python");
    let o = run_tool(
        Command::new(&python)
            .arg(root().join("tests/clients/validate_schema.py"))
            .arg(&schema)
            .arg("--valid")
            .args(&valid)
            .arg("--invalid")
            .args(&invalid),
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "the validators disagree with notice:\n{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The office fixtures `files` copied into `notices/` of a fresh folder, and `notice build
/// TARGET --watch` started there (text only, two builds), once it says `ready`.
fn watch_office_fixtures(
    files: &[&str],
    target: &str,
    ready: &str,
) -> (tempfile::TempDir, KillOnDrop, mpsc::Receiver<String>) {
    let dir = tempfile::tempdir().unwrap();
    let notices = dir.path().join("notices");
    std::fs::create_dir(&notices).unwrap();
    for f in files {
        std::fs::copy(
            root().join("tests/fixtures/office").join(f),
            notices.join(f),
        )
        .unwrap();
    }
    let child = notice()
        .current_dir(dir.path())
        .args([
            "build", target, "--out", "out", "--format", "txt", "--watch",
        ])
        .args(["--as-of", "2026-11-25", "--watch-builds", "2"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut child = KillOnDrop(child);
    let rx = lines_of(&mut child.0);
    wait_for(&rx, ready, Instant::now() + Duration::from_secs(60));
    (dir, child, rx)
}

/// Change the DPO's address in the office file of a folder made by
/// [`watch_office_fixtures`], and return the log up to `notices/main.yaml` being built again.
fn change_office_dpo(dir: &Path, rx: &mpsc::Receiver<String>) -> String {
    let office = dir.join("notices/office.yaml");
    let text = std::fs::read_to_string(&office).unwrap();
    let changed = text.replacen("dpo@wessex-pcc.example", "privacy@wessex-pcc.example", 1);
    assert_ne!(changed, text);
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&office, changed).unwrap();
    wait_for(
        rx,
        "built    notices/main.yaml",
        Instant::now() + Duration::from_secs(20),
    )
    .join("\n")
}

/// `build --watch` on a folder with a shared office file: a change to the office file
/// rebuilds every notice that extends it.
#[test]
fn watch_rebuilds_every_notice_when_the_office_file_changes() {
    let (dir, _child, rx) = watch_office_fixtures(
        &["office.yaml", "main.yaml", "cctv.yaml"],
        "notices",
        "watching 2 notices and 1 shared office file",
    );
    assert!(
        !dir.path().join("out/office").exists(),
        "no outputs for a part"
    );
    let log = change_office_dpo(dir.path(), &rx);
    assert!(log.contains("shared office file"), "{log}");
    assert!(log.contains("built    notices/cctv.yaml"), "{log}");
    assert!(log.contains("built    notices/main.yaml"), "{log}");
    for stem in ["cctv", "main"] {
        let txt =
            std::fs::read_to_string(dir.path().join(format!("out/{stem}/{stem}.txt"))).unwrap();
        assert!(txt.contains("privacy@wessex-pcc.example"), "{stem}: {txt}");
    }
}

/// `build --watch` on one notice that extends a shared office file: the office file is not
/// among the files named, and a change to it still rebuilds the notice.
#[test]
fn watch_on_one_notice_rebuilds_it_when_its_office_file_changes() {
    let (dir, _child, rx) = watch_office_fixtures(
        &["office.yaml", "main.yaml"],
        "notices/main.yaml",
        "watching 1 notice and 1 shared office file",
    );
    change_office_dpo(dir.path(), &rx);
    let txt = std::fs::read_to_string(dir.path().join("out/main/main.txt")).unwrap();
    assert!(txt.contains("privacy@wessex-pcc.example"), "{txt}");
}
