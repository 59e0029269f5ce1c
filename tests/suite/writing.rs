//! How `notice build` writes: atomically, only inside `--out`, and with a clear error (exit
//! status 2, naming the path) when it cannot.
//!
//! The tests run as root in CI, and root ignores file permissions, so a read-only folder
//! cannot be made here. An unwritable output is simulated in ways permissions do not
//! enter into: an output folder under a regular file (ENOTDIR), under /proc (which refuses
//! new files to everyone), and an output file whose place is taken by a folder (EISDIR).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use notice::synth::{SEEDS, Synth};

const AS_OF: &str = "2026-06-19";

fn notice() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_notice"));
    c.env("NO_COLOR", "1");
    c
}

fn build(inputs: &[&Path], out: &Path) -> Output {
    notice()
        .arg("build")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .args(["--as-of", AS_OF])
        .output()
        .expect("notice runs")
}

fn seed(stem: &str) -> &'static str {
    SEEDS.iter().find(|(s, _)| *s == stem).expect("seed").1
}

/// Every file under `dir`, relative path to bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(dir).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).expect("under root").to_owned();
                match std::fs::read(&p) {
                    Ok(bytes) => {
                        out.insert(rel, bytes);
                    }
                    // A build running alongside renamed its temporary file into place
                    // between listing and reading: the file it became is read next time.
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound && is_temp(&rel) => {}
                    Err(e) => panic!("read {}: {e}", p.display()),
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

fn is_temp(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.') && n.ends_with(".tmp"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_build_that_fails_half_way_leaves_earlier_outputs_intact() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let out = dir.path().join("out");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.yaml"), seed("hertfordshire")).unwrap();
    std::fs::write(input.join("b.yaml"), seed("hampshire")).unwrap();
    let first = build(&[&input], &out);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let before = files(&out);
    // Three formats for each notice, and the folder's index and its text twin.
    assert_eq!(before.len(), 8);

    // The second build cannot write b's PDF: a folder has taken its place.
    let pdf = out.join("b/b-large-print.pdf");
    std::fs::remove_file(&pdf).unwrap();
    std::fs::create_dir(&pdf).unwrap();
    let second = build(&[&input], &out);
    assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
    let err = stderr(&second);
    assert!(
        err.contains("b-large-print.pdf") && err.contains("cannot write"),
        "the error names the file: {err}"
    );

    let after = files(&out);
    for (path, bytes) in &before {
        if path.ends_with("b-large-print.pdf") {
            continue;
        }
        assert_eq!(
            after.get(path),
            Some(bytes),
            "{} changed or vanished",
            path.display()
        );
    }
    let temps: Vec<_> = after.keys().filter(|p| is_temp(p)).collect();
    assert!(temps.is_empty(), "temporary files left behind: {temps:?}");
}

#[test]
fn an_interrupted_build_leaves_every_file_old_or_new_never_partial() {
    let dir = tempfile::tempdir().unwrap();
    let (v1, v2) = (dir.path().join("v1"), dir.path().join("v2"));
    std::fs::create_dir(&v1).unwrap();
    std::fs::create_dir(&v2).unwrap();
    for (i, (stem, yaml)) in SEEDS.iter().cycle().take(8).enumerate() {
        let name = format!("{stem}-{i}.yaml");
        std::fs::write(v1.join(&name), yaml).unwrap();
        let mut changed = Synth::from_yaml(yaml).unwrap();
        changed.rename(i + 100);
        std::fs::write(v2.join(&name), changed.to_yaml()).unwrap();
    }
    // The outputs of each version, built to the end.
    let (old_out, new_out) = (dir.path().join("old"), dir.path().join("new"));
    assert!(build(&[&v1], &old_out).status.success());
    assert!(build(&[&v2], &new_out).status.success());
    let (old, new) = (files(&old_out), files(&new_out));
    assert_ne!(old, new);

    // Build v1, then kill a build of v2 part of the way through.
    let out = dir.path().join("out");
    assert!(build(&[&v1], &out).status.success());
    let mut child = notice()
        .arg("build")
        .arg(&v2)
        .arg("--out")
        .arg(&out)
        .args(["--as-of", AS_OF])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the new build has replaced at least one file, then kill it.
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if files(&out).iter().any(|(p, b)| new.get(p) == Some(b)) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().ok();
    child.wait().unwrap();

    let now = files(&out);
    for (path, bytes) in &now {
        if is_temp(path) {
            // A killed process cannot tidy up; its temporary files are never read.
            continue;
        }
        assert!(
            old.get(path) == Some(bytes) || new.get(path) == Some(bytes),
            "{} is neither the old file nor the new one",
            path.display()
        );
    }
    for path in old.keys() {
        assert!(now.contains_key(path), "{} vanished", path.display());
    }
}

#[test]
fn outputs_stay_inside_out_whatever_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let out = dir.path().join("deep/out");
    std::fs::create_dir(&input).unwrap();
    let yaml = seed("hertfordshire");
    let names = [
        "..yaml",
        ".yaml",
        "a b.yaml",
        "ŵŷ Ōrdinal.yaml",
        "back\\slash.yaml",
        "new\nline.yaml",
        "-dash.yaml",
        "%2e%2e.yaml",
        "\u{202e}lmth.yaml",
    ];
    let mut paths = Vec::new();
    for name in names {
        let p = input.join(name);
        std::fs::write(&p, yaml).unwrap();
        paths.push(p);
    }
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let o = build(&refs, &out);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // Nothing outside `out` but the inputs.
    let all = files(dir.path());
    for path in all.keys() {
        assert!(
            path.starts_with("in") || path.starts_with("deep/out"),
            "{} was written outside --out",
            path.display()
        );
    }
    let written = files(&out);
    assert_eq!(written.len(), 3 * names.len(), "{:#?}", written.keys());
    for path in written.keys() {
        assert!(
            path.components()
                .all(|c| matches!(c, std::path::Component::Normal(_))),
            "{}",
            path.display()
        );
        let folder = path
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        assert!(
            !folder.starts_with('.') && !folder.contains(['/', '\\', '\n', '\u{202e}']),
            "unsafe folder name {folder:?}"
        );
    }
}

#[test]
fn notices_that_would_share_a_folder_are_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a b.yaml"), dir.path().join("a-b.yaml"));
    std::fs::write(&a, seed("hertfordshire")).unwrap();
    std::fs::write(&b, seed("hampshire")).unwrap();
    let out = dir.path().join("out");
    let o = build(&[&a, &b], &out);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("would both be written to"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn an_unwritable_output_folder_is_a_clear_error_with_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("notice.yaml");
    std::fs::write(&input, seed("hertfordshire")).unwrap();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "not a folder").unwrap();
    for out in [blocker.join("out"), PathBuf::from("/proc/notice-test-out")] {
        let o = build(&[&input], &out);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{}: {err}", out.display());
        assert!(
            err.contains("cannot write") && err.contains(&out.display().to_string()),
            "the error names the folder: {err}"
        );
    }
}
