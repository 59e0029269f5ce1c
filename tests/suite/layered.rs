//! Layered notices: a first layer and its layers judged as one set, the links between
//! them in every output, and the site index `notice build` writes for a folder.
//!
//! The office in `tests/fixtures/layered/office/` is a first layer (`privacy.yaml`) that
//! leaves its DPO, retention and complaint routes to a second layer (`complaints.yaml`),
//! and a CCTV layer (`cctv.yaml`) that gives only its own purpose.

use std::path::{Path, PathBuf};

use notice::diag::Diagnostic;
use notice::rules::CheckOptions;
use notice::source::SourceFile;

use crate::rules::AS_OF;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const OFFICE: &str = "tests/fixtures/layered/office";
const FILES: [&str; 3] = ["cctv.yaml", "complaints.yaml", "privacy.yaml"];

/// A copy of the office in a temporary folder, with `from` replaced by `to` in `file`.
fn office_with(file: &str, from: &str, to: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in FILES {
        let mut text = std::fs::read_to_string(root().join(OFFICE).join(f)).unwrap();
        if f == file {
            assert!(text.contains(from), "{f} has no {from:?}");
            text = text.replace(from, to);
        }
        std::fs::write(dir.path().join(f), text).unwrap();
    }
    dir
}

/// Check the files in `dir` together, as `notice check DIR` does: each file's findings,
/// by file name.
fn check_together(dir: &Path, files: &[&str]) -> Vec<(String, Vec<Diagnostic>)> {
    let opts = CheckOptions { as_of: AS_OF };
    let mut set: Vec<_> = files
        .iter()
        .map(|f| {
            let src = SourceFile::read(&dir.join(f)).unwrap();
            let checked = notice::check(&src, &opts);
            (src, checked)
        })
        .collect();
    notice::judge_sets(&mut set, &opts);
    set.into_iter()
        .map(|(src, c)| {
            let name = src.path.file_name().unwrap().to_string_lossy().into_owned();
            (name, c.diagnostics)
        })
        .collect()
}

fn rules(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.rule).collect()
}

use crate::cli::notice as cli;

#[test]
fn a_disclosure_in_a_second_layer_satisfies_the_first() {
    let found = check_together(&root().join(OFFICE), &FILES);
    for (file, diags) in &found {
        assert!(
            diags.is_empty(),
            "{file}: {:?}",
            diags.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
    }
    // The same first layer alone lacks what its layers give, and says its layers were
    // not checked.
    let alone = check_together(&root().join(OFFICE), &["privacy.yaml"]);
    let got = rules(&alone[0].1);
    for id in ["PN021", "PN105", "PN501", "PN603"] {
        assert!(got.contains(&id), "privacy.yaml alone: {got:?}");
    }
}

#[test]
fn a_missing_disclosure_is_reported_once_naming_the_layers() {
    // Take the DPO out of the complaints layer: now no notice of the set gives one.
    let dir = office_with(
        "complaints.yaml",
        "dpo:\n  role: Data Protection Officer\n  contact:\n    phone: 01632 960 003\n",
        "",
    );
    let found = check_together(dir.path(), &FILES);
    let pn105: Vec<(&str, &Diagnostic)> = found
        .iter()
        .flat_map(|(f, ds)| ds.iter().map(move |d| (f.as_str(), d)))
        .filter(|(_, d)| d.rule == "PN105")
        .collect();
    assert_eq!(pn105.len(), 1, "{pn105:?}");
    let (file, d) = pn105[0];
    assert_eq!(file, "privacy.yaml");
    assert!(
        d.message
            .ends_with("; the same is missing from its layers `complaints` and `cctv`"),
        "{}",
        d.message
    );
    assert_eq!(d.span.line, 19, "at `public_authority: true`");
    // Nothing else is missing from the set.
    let all: Vec<&str> = found.iter().flat_map(|(_, ds)| rules(ds)).collect();
    assert_eq!(all, ["PN105"]);
}

#[test]
fn a_layer_not_in_the_build_is_a_located_error_with_a_suggestion() {
    let dir = office_with(
        "privacy.yaml",
        "notice: complaints\n    - title",
        "notice: complaint\n    - title",
    );
    let found = check_together(dir.path(), &FILES);
    let privacy = &found[2].1;
    let d = privacy
        .iter()
        .find(|d| d.rule == "PN020")
        .unwrap_or_else(|| panic!("no PN020: {:?}", rules(privacy)));
    assert_eq!(
        d.message,
        "`complaint` is not one of the notices checked with this one"
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `complaints`?"));
    assert_eq!(d.path, "notice.layers[0].notice");
    assert_eq!((d.span.line, d.span.column), (12, 15));
    // Without the layer in the set, the first layer's retention is missing again.
    assert!(rules(privacy).contains(&"PN501"), "{:?}", rules(privacy));
}

#[test]
fn check_on_the_folder_and_on_the_first_layer_alone() {
    let out = cli()
        .args(["check", "--as-of", "2026-11-25", OFFICE])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let alone = cli()
        .args(["check", "--as-of", "2026-11-25"])
        .arg(PathBuf::from(OFFICE).join("privacy.yaml"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&alone.stdout);
    assert_eq!(alone.status.code(), Some(1), "{text}");
    assert!(
        text.contains(
            "warning[PN021]: this notice was checked without its layers `complaints` and `cctv`"
        ),
        "{text}"
    );
}

/// The office built once into a temporary folder, as `notice build` on the folder does.
fn built() -> &'static Path {
    static OUT: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        crate::cli::succeeds(
            cli()
                .args(["build", "--as-of", "2026-11-25", "--out"])
                .arg(dir.path())
                .arg(OFFICE),
        );
        dir
    })
    .path()
}

fn read(rel: &str) -> String {
    let p = built().join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn the_html_links_the_layers_to_each_other() {
    let first = read("privacy/privacy.html");
    for link in [
        r#"<li><a href="../complaints/complaints.html">How we handle complaints about the Chief Constable</a></li>"#,
        r#"<li><a href="../cctv/cctv.html">Closed-circuit television at our office</a></li>"#,
        r#"<li><a href="https://www.wessex-pcc.example/cookies">Cookies on our website</a></li>"#,
        // The purpose's page.
        r#"<strong>More about this:</strong> <a href="../complaints/complaints.html">"#,
    ] {
        assert!(first.contains(link), "privacy.html lacks {link}");
    }
    for layer in ["complaints/complaints.html", "cctv/cctv.html"] {
        let html = read(layer);
        assert!(
            html.contains(r#"Start with: <a href="../privacy/privacy.html">Privacy notice</a>"#),
            "{layer} does not link back to its first layer"
        );
    }
    let paths: Vec<PathBuf> = ["privacy/privacy.html", "complaints/complaints.html"]
        .iter()
        .map(|p| built().join(p))
        .collect();
    crate::tools::check_html(&paths);
}

#[test]
fn the_text_writes_out_each_layer_address() {
    let first = read("privacy/privacy.txt");
    for line in [
        "1. How we handle complaints about the Chief Constable\n   (../complaints/complaints.txt)",
        "2. Closed-circuit television at our office (../cctv/cctv.txt)",
        "3. Cookies on our website (https://www.wessex-pcc.example/cookies)",
    ] {
        assert!(first.contains(line), "privacy.txt lacks {line:?}");
    }
    assert!(
        read("cctv/cctv.txt").contains("Start with: Privacy notice\n(../privacy/privacy.txt)"),
        "cctv.txt does not write out its first layer's address"
    );
}

#[test]
fn the_pdf_has_link_annotations_to_the_layers() {
    let first = built().join("privacy/privacy-large-print.pdf");
    let links = crate::tools::pdf_links(&first);
    let has = |uri: &str, said: &str| links.iter().any(|(u, c)| u == uri && c.contains(said));
    for (uri, said) in [
        (
            "../complaints/complaints-large-print.pdf",
            "How we handle complaints about the Chief Constable",
        ),
        (
            "../cctv/cctv-large-print.pdf",
            "Closed-circuit television at our office",
        ),
        (
            "https://www.wessex-pcc.example/cookies",
            "Cookies on our website",
        ),
    ] {
        assert!(
            has(uri, said),
            "no link to {uri} saying {said:?} in {links:#?}"
        );
    }
    let back = crate::tools::pdf_links(&built().join("cctv/cctv-large-print.pdf"));
    assert!(
        back.iter()
            .any(|(u, c)| u == "../privacy/privacy-large-print.pdf" && c.contains("Privacy notice")),
        "{back:#?}"
    );
    crate::tools::check_pdf(&first, "Privacy notice", "en-GB");
}

#[test]
fn the_index_lists_every_notice_and_passes_axe() {
    insta::assert_snapshot!("index_txt", read("index.txt"));
    let html = read("index.html");
    assert!(html.contains(r#"<html lang="en-GB">"#));
    assert!(
        html.contains(
            "<title>Privacy notices – The Police and Crime Commissioner for Wessex</title>"
        )
    );
    for row in ["cctv", "complaints", "privacy"] {
        assert!(
            html.contains(&format!(
                r#"<a href="{row}/{row}-large-print.pdf">Large print (PDF)</a>"#
            )),
            "no PDF link for {row}"
        );
    }
    // Layers in their order, after the first layer's formats.
    let layers = html
        .find(r#"1. <a href="complaints/complaints.html">"#)
        .expect("first layer");
    let second = html
        .find(r#"2. <a href="cctv/cctv.html">"#)
        .expect("second layer");
    assert!(layers < second);
    crate::tools::check_html(&[built().join("index.html")]);
}

#[test]
fn the_index_links_only_the_formats_built_and_is_the_same_every_time() {
    let build = |formats: &str| {
        let dir = tempfile::tempdir().unwrap();
        crate::cli::succeeds(
            cli()
                .args([
                    "build",
                    "--as-of",
                    "2026-11-25",
                    "--format",
                    formats,
                    "--out",
                ])
                .arg(dir.path())
                .arg(OFFICE),
        );
        dir
    };
    let html_only = build("html");
    let text = std::fs::read_to_string(html_only.path().join("index.txt")).unwrap();
    assert!(
        text.contains("Formats: Web page (privacy/privacy.html)\n"),
        "{text}"
    );
    assert!(!text.contains(".pdf") && !text.contains(".txt)"), "{text}");
    // Deterministic: the same notices give the same bytes.
    let again = build("html");
    for f in ["index.html", "index.txt"] {
        assert_eq!(
            std::fs::read(html_only.path().join(f)).unwrap(),
            std::fs::read(again.path().join(f)).unwrap(),
            "{f} differs between two builds"
        );
    }
}

#[test]
fn building_single_files_writes_no_index() {
    let dir = tempfile::tempdir().unwrap();
    crate::cli::succeeds(
        cli()
            .args(["build", "--as-of", "2026-11-25", "--out"])
            .arg(dir.path())
            .arg(PathBuf::from(OFFICE).join("cctv.yaml")),
    );
    assert!(!dir.path().join("index.html").exists());
}

#[test]
fn a_link_to_another_notice_in_the_office_s_own_words_is_checked_and_followed() {
    let dir = office_with(
        "cctv.yaml",
        "    sources: [cameras]\n",
        "    sources: [cameras]\n    description: See [how to complain](notice:complaints) or [our policy](notice:polcy).\n",
    );
    let found = check_together(dir.path(), &FILES);
    let cctv = &found[0].1;
    let unknown: Vec<&Diagnostic> = cctv.iter().filter(|d| d.rule == "PN020").collect();
    assert_eq!(unknown.len(), 1, "{:?}", rules(cctv));
    assert_eq!(
        unknown[0].message,
        "`polcy` is not one of the notices checked with this one"
    );
    assert_eq!(unknown[0].path, "purposes[0].description");
    let out = tempfile::tempdir().unwrap();
    crate::cli::succeeds(
        cli()
            .args([
                "build",
                "--as-of",
                "2026-11-25",
                "--format",
                "html",
                "--out",
            ])
            .arg(out.path())
            .arg(dir.path()),
    );
    let html = std::fs::read_to_string(out.path().join("cctv/cctv.html")).unwrap();
    assert!(
        html.contains(r#"<a href="../complaints/complaints.html">how to complain</a>"#),
        "{html}"
    );
}

/// The findings in `output` (as `notice check` and `notice build` print them) about files
/// whose names do not start with `pad-`: each as "PN000 file.yaml", sorted.
fn office_findings(output: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(output);
    let mut found = Vec::new();
    let mut rule = None;
    for line in text.lines() {
        if let Some(rest) = line
            .strip_prefix("error[")
            .or_else(|| line.strip_prefix("warning["))
        {
            rule = rest.split(']').next().map(str::to_owned);
        } else if let (Some(r), Some((_, at))) = (&rule, line.split_once("--> ")) {
            let file = Path::new(at.split(':').next().unwrap_or(at))
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !file.starts_with("pad-") {
                found.push(format!("{r} {file}"));
            }
            rule = None;
        }
    }
    found.sort();
    found
}

/// Past 8 MB of input, `notice build` and `notice check` stop keeping every notice in
/// memory: a notice is read again when it is needed. Layered notices must still be judged
/// as one set, exactly as when everything is kept: once, in a build, each layer was judged
/// alone, and the first layer drew false errors for the disclosures its layers make.
#[test]
fn past_8_mb_layered_notices_are_judged_as_in_a_small_set() {
    // A finding of the layer's own, which must survive the judging: the EU regulation
    // named in its title (PN903).
    let dir = office_with(
        "cctv.yaml",
        "title: Closed-circuit television at our office",
        "title: Closed-circuit television under the General Data Protection Regulation",
    );
    let small = cli()
        .args(["check", "--as-of", "2026-11-25"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        office_findings(&small.stdout),
        ["PN903 cctv.yaml"],
        "{small:?}"
    );
    // Three notices padded with a comment of 3 MB each take the build past 8 MB.
    let padded = std::fs::read_to_string(root().join("notices/hertfordshire.yaml")).unwrap()
        + &format!("# {}\n", "x".repeat(78)).repeat(37_500);
    for i in 0..3 {
        std::fs::write(dir.path().join(format!("pad-{i}.yaml")), &padded).unwrap();
    }
    let total: u64 = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    assert!(total > 8 * 1024 * 1024, "{total} bytes");

    let check = cli()
        .args(["check", "--as-of", "2026-11-25"])
        .arg(dir.path())
        .output()
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let build = cli()
        .args(["build", "--as-of", "2026-11-25", "--out"])
        .arg(out.path())
        .arg(dir.path())
        .output()
        .unwrap();
    let build_text = String::from_utf8_lossy(&build.stderr);
    assert!(
        build_text.contains("pad-0.yaml"),
        "the padding notices were checked: {build_text}"
    );
    assert_eq!(
        office_findings(&build.stderr),
        office_findings(&small.stdout),
        "build:\n{build_text}"
    );
    assert_eq!(
        office_findings(&check.stdout),
        office_findings(&small.stdout),
        "check:\n{}",
        String::from_utf8_lossy(&check.stdout)
    );
    for stem in ["privacy", "complaints", "cctv"] {
        assert!(
            out.path().join(stem).join(format!("{stem}.html")).exists(),
            "{stem} built: {build_text}"
        );
    }
}
