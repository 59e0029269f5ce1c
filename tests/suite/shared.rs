//! Shared office files (`extends:`): the merge rules, findings located in the office file,
//! folders that hold an office file, and bad `extends` targets.
//!
//! Each test copies `tests/fixtures/office/` (an office file and two notices that extend
//! it, clean as of the date below) into a temporary folder, changes what it tests, and
//! runs the library or the command there, so the paths in the output are the short
//! relative ones a user sees.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

use notice::diag::Diagnostic;
use notice::model::Date;
use notice::rules::CheckOptions;
use notice::source::{FileId, SourceFile};

const AS_OF: &str = "2026-11-25";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture office in a temporary folder: `office.yaml`, `main.yaml`, `cctv.yaml`.
fn office_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in ["office.yaml", "main.yaml", "cctv.yaml"] {
        std::fs::copy(
            root().join("tests/fixtures/office").join(f),
            dir.path().join(f),
        )
        .unwrap();
    }
    dir
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// Replace the first `from` in a file of the folder; the file must contain it.
fn edit(dir: &Path, name: &str, from: &str, to: &str) {
    let text = read(dir, name);
    assert!(text.contains(from), "{name} lacks {from:?}");
    std::fs::write(dir.join(name), text.replacen(from, to, 1)).unwrap();
}

/// The 1-based line of the first line of `name` containing `needle`.
fn line_of(dir: &Path, name: &str, needle: &str) -> usize {
    read(dir, name)
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{name} lacks {needle:?}"))
        + 1
}

fn notice(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("notice").expect("the notice binary is built");
    c.current_dir(dir).env("NO_COLOR", "1");
    c
}

fn run(dir: &Path, args: &[&str]) -> (Output, String, String) {
    let o = notice(dir).args(args).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    (o, out, err)
}

/// Check one file of the folder with the library, as `notice check` does.
fn check(dir: &Path, name: &str) -> notice::Checked {
    let src = SourceFile::read(&dir.join(name)).unwrap();
    notice::check(
        &src,
        &CheckOptions {
            as_of: Date::parse(AS_OF).unwrap(),
        },
    )
}

fn rules(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.rule).collect()
}

#[test]
fn the_fixture_office_is_clean_and_merges_the_office_blocks() {
    let dir = office_dir();
    let checked = check(dir.path(), "cctv.yaml");
    assert_eq!(rules(&checked.diagnostics), Vec::<&str>::new());
    let n = checked.notice.expect("understood");
    // The controller, DPO and rights come from the office file, with their places there.
    let controller = n.file.controller.as_ref().unwrap();
    assert_eq!(controller.span.file, FileId::Office);
    // A block's place is its first key, the line after `controller:`.
    assert_eq!(
        controller.span.line,
        line_of(dir.path(), "office.yaml", "controller:") + 1
    );
    assert_eq!(
        n.source_of(controller.span).path,
        dir.path().join("office.yaml")
    );
    // The office's kinds of data are a vocabulary: the CCTV notice uses none of them, so it
    // carries only its own (it does not claim to hold contact details or letters).
    let categories: Vec<&str> = n
        .file
        .data_categories
        .iter()
        .map(|c| c.id.value.as_str())
        .collect();
    assert_eq!(categories, ["images"]);
    assert_eq!(n.file.data_categories[0].span.file, FileId::Notice);

    // The main notice uses the office's: the office's entries first, then its own.
    let main = check(dir.path(), "main.yaml").notice.expect("understood");
    let categories: Vec<(&str, FileId)> = main
        .file
        .data_categories
        .iter()
        .map(|c| (c.id.value.as_str(), c.span.file))
        .collect();
    assert_eq!(
        categories[..2],
        [
            ("contact", FileId::Office),
            ("correspondence", FileId::Office)
        ]
    );
    assert!(categories[2..].iter().all(|(_, f)| *f == FileId::Notice));
}

#[test]
fn a_notice_block_replaces_the_office_block_whole() {
    let dir = office_dir();
    edit(
        dir.path(),
        "cctv.yaml",
        "notice:\n",
        "dpo:\n  role: CCTV data lead\n  contact:\n    email: cctv@wessex-pcc.example\n\nnotice:\n",
    );
    let checked = check(dir.path(), "cctv.yaml");
    assert_eq!(rules(&checked.diagnostics), Vec::<&str>::new());
    let n = checked.notice.unwrap();
    let dpo = n.file.dpo.as_ref().unwrap();
    assert_eq!(dpo.span.file, FileId::Notice);
    let contact = dpo.contact.as_ref().unwrap();
    assert_eq!(
        contact.email.as_ref().unwrap().value,
        "cctv@wessex-pcc.example"
    );
    // Nothing of the office's DPO block is kept: not its description, not its phone.
    assert!(dpo.description.is_none());
    assert!(contact.phone.is_none());
}

#[test]
fn a_controller_in_both_files_is_a_conflict_located_in_the_notice() {
    let dir = office_dir();
    edit(
        dir.path(),
        "cctv.yaml",
        "notice:\n",
        "controller:\n  name: Someone else\n  contact:\n    email: x@else.example\n\nnotice:\n",
    );
    let checked = check(dir.path(), "cctv.yaml");
    assert!(checked.notice.is_none());
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.rule == "PN014")
        .expect("PN014");
    assert_eq!(d.span.file, FileId::Notice);
    assert_eq!(
        d.span.line,
        line_of(dir.path(), "cctv.yaml", "controller:") + 1
    );
    let office_line = line_of(dir.path(), "office.yaml", "controller:") + 1;
    assert!(
        d.message
            .contains(&format!("office.yaml` (line {office_line})")),
        "{}",
        d.message
    );
    let (o, _, _) = run(dir.path(), &["check", "--as-of", AS_OF, "cctv.yaml"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn an_id_in_both_files_is_reported_at_the_notice_naming_the_office_line() {
    let dir = office_dir();
    edit(
        dir.path(),
        "cctv.yaml",
        "  - id: images\n",
        "  - id: contact\n    name: Contact details again\n  - id: images\n",
    );
    let (o, out, _) = run(
        dir.path(),
        &["check", "--as-of", AS_OF, "--format", "json", "cctv.yaml"],
    );
    assert_eq!(o.status.code(), Some(1));
    let json: Value = serde_json::from_str(&out).unwrap();
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "PN007")
        .expect("PN007");
    assert_eq!(d["file"], "cctv.yaml");
    assert_eq!(
        d["line"],
        line_of(dir.path(), "cctv.yaml", "  - id: contact") as u64
    );
    let office_line = line_of(dir.path(), "office.yaml", "  - id: contact");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .ends_with(&format!("`office.yaml` (line {office_line})")),
        "{d}"
    );
}

#[test]
fn none_in_one_file_and_entries_in_the_other_is_a_conflict() {
    let dir = office_dir();
    edit(
        dir.path(),
        "cctv.yaml",
        "transfers:\n",
        "recipients: []\n\ntransfers:\n",
    );
    edit(
        dir.path(),
        "cctv.yaml",
        "    recipients: [it-supplier]\n",
        "",
    );
    let checked = check(dir.path(), "cctv.yaml");
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.rule == "PN014")
        .expect("PN014");
    assert_eq!(
        d.span.line,
        line_of(dir.path(), "cctv.yaml", "recipients: []")
    );
    assert!(d.message.contains("office file lists 1"), "{}", d.message);
}

/// A finding about a fact written in the office file is reported there, with its path and
/// line, once however many notices extend the file, naming them.
#[test]
fn a_finding_in_the_office_file_is_located_there_once() {
    let dir = office_dir();
    let phrase = "Write to or e-mail our Data Protection Officer.";
    edit(
        dir.path(),
        "office.yaml",
        phrase,
        "Write to us under the Data Protection Act 1998.",
    );
    let line = line_of(dir.path(), "office.yaml", "Data Protection Act 1998");

    let (o, out, _) = run(
        dir.path(),
        &["check", "--as-of", AS_OF, "--format", "json", "."],
    );
    assert_eq!(o.status.code(), Some(1), "PN901 is an error:\n{out}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let found: Vec<&Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "PN901")
        .collect();
    assert_eq!(found.len(), 1, "{out}");
    let d = found[0];
    assert_eq!(d["file"], "office.yaml");
    assert_eq!(d["line"], line as u64);
    assert_eq!(
        d["notices"],
        serde_json::json!(["./cctv.yaml", "./main.yaml"])
    );

    let (_, out, _) = run(dir.path(), &["check", "--as-of", AS_OF, "main.yaml"]);
    assert!(
        out.contains(&format!("--> office.yaml:{line}:")),
        "human output names the office file:\n{out}"
    );
    assert!(
        out.contains("Write to us under the Data Protection Act 1998."),
        "and quotes its line:\n{out}"
    );
    assert!(out.contains("found while checking `main.yaml`"), "{out}");
    assert!(
        out.ends_with("checked 1 notice and 1 shared office file: 1 error, 0 warnings\n"),
        "{out}"
    );
}

#[test]
fn a_placeholder_in_the_office_file_is_located_there() {
    let dir = office_dir();
    edit(
        dir.path(),
        "office.yaml",
        "response_time: one month",
        "response_time: TODO",
    );
    let line = line_of(dir.path(), "office.yaml", "response_time: TODO");
    let checked = check(dir.path(), "cctv.yaml");
    let d = checked
        .diagnostics
        .iter()
        .find(|d| d.rule == "PN012")
        .expect("PN012");
    assert_eq!((d.span.file, d.span.line), (FileId::Office, line));
}

#[test]
fn a_folder_check_and_build_treat_the_office_file_as_a_part() {
    let dir = office_dir();
    let (o, out, _) = run(dir.path(), &["check", "--as-of", AS_OF, "."]);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert_eq!(
        out,
        "checked 2 notices and 1 shared office file: 0 errors, 0 warnings\n"
    );
    let (o, _, err) = run(
        dir.path(),
        &[
            "build", "--as-of", AS_OF, "--format", "txt", "--out", "out", ".",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(dir.path().join("out/cctv/cctv.txt").is_file());
    assert!(dir.path().join("out/main").is_dir());
    assert!(
        !dir.path().join("out/office").exists(),
        "no outputs for a part"
    );
    // The CCTV notice prints the DPO from the office file.
    let text = read(dir.path(), "out/cctv/cctv.txt");
    assert!(text.contains("dpo@wessex-pcc.example"), "{text}");
}

#[test]
fn an_office_file_on_its_own_is_checked_as_a_part() {
    let dir = office_dir();
    let (o, out, _) = run(dir.path(), &["check", "--as-of", AS_OF, "office.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert_eq!(out, "checked 1 shared office file: 0 errors, 0 warnings\n");

    // Its own strict format: a misspelt key, with a suggestion; a notice's block refused.
    edit(
        dir.path(),
        "office.yaml",
        "\ncomplaints:\n",
        "\ncomplaint:\n",
    );
    let (o, out, _) = run(dir.path(), &["check", "--as-of", AS_OF, "office.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out.contains("unknown key `complaint` at the top level"),
        "{out}"
    );
    assert!(out.contains("did you mean `complaints`?"), "{out}");
    edit(
        dir.path(),
        "office.yaml",
        "\ncomplaint:\n",
        "\npurposes: []\ncomplaints:\n",
    );
    let (_, out, _) = run(dir.path(), &["check", "--as-of", AS_OF, "office.yaml"]);
    assert!(
        out.contains("unknown key `purposes` at the top level"),
        "{out}"
    );
    assert!(!out.contains("PN101"), "never judged as a notice: {out}");
}

#[test]
fn bad_extends_targets_are_located_errors() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "missing",
            "extends: nowhere.yaml",
            "cannot read `nowhere.yaml`",
        ),
        (
            "absolute",
            "extends: /etc/office.yaml",
            "is not a path relative to this notice",
        ),
        (
            "web",
            "extends: https://example.org/office.yaml",
            "is not a path relative",
        ),
        ("not yaml", "extends: office.txt", "is not a YAML file"),
        (
            "a notice",
            "extends: main.yaml",
            "is a notice, not a shared office file",
        ),
        (
            "itself",
            "extends: cctv.yaml",
            "a notice cannot extend itself",
        ),
        ("empty", "extends: empty.yaml", "`empty.yaml` is empty"),
        (
            "a folder",
            "extends: sub.yaml",
            "cannot use the shared office file",
        ),
    ];
    for (case, line, message) in cases {
        let dir = office_dir();
        std::fs::create_dir(dir.path().join("sub.yaml")).unwrap();
        std::fs::write(dir.path().join("empty.yaml"), "# nothing yet\n").unwrap();
        edit(dir.path(), "cctv.yaml", "extends: office.yaml", line);
        let (o, out, err) = run(dir.path(), &["check", "--as-of", AS_OF, "./cctv.yaml"]);
        assert_eq!(o.status.code(), Some(1), "{case}: {out}{err}");
        assert!(out.contains("error[PN013]"), "{case}: {out}");
        assert!(out.contains(message), "{case}: {out}");
        let at = line_of(dir.path(), "cctv.yaml", line);
        assert!(
            out.contains(&format!("--> ./cctv.yaml:{at}:")),
            "{case}: {out}"
        );
    }
}

#[test]
fn an_office_file_may_not_extend_another() {
    let dir = office_dir();
    edit(
        dir.path(),
        "office.yaml",
        "office:\n",
        "extends: other.yaml\noffice:\n",
    );
    for file in ["office.yaml", "cctv.yaml"] {
        let (o, out, _) = run(dir.path(), &["check", "--as-of", AS_OF, file]);
        assert_eq!(o.status.code(), Some(1), "{file}: {out}");
        assert!(out.contains("error[PN013]"), "{file}: {out}");
        assert!(out.contains("one level only"), "{file}: {out}");
        assert!(out.contains("--> office.yaml:"), "{file}: {out}");
    }
}

#[test]
fn the_office_schema_describes_the_office_file() {
    let dir = office_dir();
    let (o, out, _) = run(dir.path(), &["schema", "--office"]);
    assert!(o.status.success());
    let schema: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(schema["required"], serde_json::json!(["office"]));
    assert_eq!(schema["additionalProperties"], false);
    assert!(schema["properties"].get("purposes").is_none());
    let committed: PathBuf = root().join("docs/office.schema.json");
    assert_eq!(std::fs::read_to_string(committed).unwrap(), out);
}

/// A change to the office file, reported against every notice that extends it: at git
/// revisions, and between two copies of the office file.
#[test]
fn a_diff_of_the_office_file_names_each_notice_that_uses_it() {
    let dir = office_dir();
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .current_dir(dir.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .output()
            .expect("git is installed");
        assert!(o.status.success(), "git {args:?}: {o:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "one"]);
    std::fs::copy(
        dir.path().join("office.yaml"),
        dir.path().join("before.yaml"),
    )
    .unwrap();
    edit(
        dir.path(),
        "office.yaml",
        "recipients:\n",
        "recipients:\n  - id: payroll\n    name: Our payroll bureau\n    role: processor\n    location: United Kingdom\n",
    );

    let each = |json: &Value| -> Vec<(String, Vec<String>)> {
        json["notices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["new"]["file"].as_str().unwrap().to_owned(),
                    c["changes"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|ch| format!("{}: {}", ch["class"], ch["summary"]))
                        .collect(),
                )
            })
            .collect()
    };
    let want = |file: &str| {
        (
            file.to_owned(),
            vec!["\"material\": \"New recipient: “Our payroll bureau”.\"".to_owned()],
        )
    };

    let (o, out, err) = run(
        dir.path(),
        &[
            "diff",
            "office.yaml",
            "--from",
            "HEAD",
            "--format",
            "json",
            "--fail-on",
            "material",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["compared"], "office.yaml");
    assert_eq!(each(&json), vec![want("./cctv.yaml"), want("./main.yaml")]);

    let (o, out, err) = run(
        dir.path(),
        &["diff", "before.yaml", "office.yaml", "--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0), "{out}{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(each(&json), vec![want("./cctv.yaml"), want("./main.yaml")]);

    // In text, each notice is named above its changes.
    let (_, out, _) = run(dir.path(), &["diff", "office.yaml", "--from", "HEAD"]);
    assert!(
        out.starts_with("2 notices compared for `office.yaml`:\n\n== ./cctv.yaml ==\n"),
        "{out}"
    );
    assert!(out.contains("\n== ./main.yaml ==\n"), "{out}");
    assert_eq!(
        out.matches("New recipient: “Our payroll bureau”.").count(),
        2,
        "{out}"
    );
}

/// A renderer's warning about text written in the office file (a character no font has)
/// points into the office file.
#[test]
fn a_render_warning_about_office_text_is_located_in_the_office_file() {
    let dir = office_dir();
    edit(
        dir.path(),
        "office.yaml",
        "title: Cookies",
        "title: Cookies 🧠",
    );
    let line = line_of(dir.path(), "office.yaml", "Cookies 🧠");
    let (o, _, err) = run(
        dir.path(),
        &[
            "build",
            "--as-of",
            AS_OF,
            "--format",
            "pdf",
            "--out",
            "out",
            "cctv.yaml",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("warning[PN950]"), "{err}");
    assert!(err.contains(&format!("--> office.yaml:{line}:")), "{err}");
    assert!(err.contains("found while checking `cctv.yaml`"), "{err}");
}
