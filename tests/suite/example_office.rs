//! The example office in `notices/cleveland/`: a shared office file, a first layer and three
//! layers, checked and built the way the README shows.

/// Run `notice ARGS` from the crate root: exit code, stdout, stderr.
fn notice(args: &[&str]) -> (i32, String, String) {
    let out = crate::cli::notice().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_office_is_checked_as_one_set_with_its_office_file_as_a_part() {
    let (code, out, err) = notice(&[
        "check",
        "notices/cleveland/",
        "--as-of",
        "2026-12-02",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings: Vec<(String, String, String)> = json["diagnostics"]
        .as_array()
        .expect("a list of findings")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_owned(),
                d["rule"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    // A gap every page shares (transfers) is reported once, on the first layer, naming the
    // layers that lack it too.
    let transfers: Vec<_> = findings.iter().filter(|(_, r, _)| r == "PN402").collect();
    assert_eq!(transfers.len(), 1, "{findings:#?}");
    assert!(transfers[0].0.ends_with("privacy.yaml"), "{transfers:?}");
    assert!(
        transfers[0]
            .2
            .contains("`correspondence-and-complaints`, `website` and `scrutiny-questions`"),
        "{transfers:?}"
    );
    // The controller and DPO are given once, in the office file, for every page.
    assert!(
        !findings
            .iter()
            .any(|(_, r, _)| r == "PN101" || r == "PN105")
    );
    // A kind of data the office lists but no purpose of a page uses is not that page's:
    // no page is asked for an Art 10 authority for criminal offence data it never uses.
    assert!(
        !findings.iter().any(|(_, r, _)| r == "PN304"),
        "{findings:#?}"
    );
}

#[test]
fn the_office_builds_linked_pages_and_an_index_but_no_page_for_the_office_file() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let (code, _, err) = notice(&[
        "build",
        "notices/cleveland/",
        "--as-of",
        "2026-12-02",
        "--out",
        dir,
    ]);
    assert_eq!(
        code, 0,
        "findings do not stop a build without --strict: {err}"
    );
    assert!(!out.path().join("office").exists());
    let first = std::fs::read_to_string(out.path().join("privacy/privacy.html")).unwrap();
    for layer in [
        "correspondence-and-complaints",
        "website",
        "scrutiny-questions",
    ] {
        assert!(
            first.contains(&format!("href=\"../{layer}/{layer}.html\"")),
            "{layer}"
        );
    }
    let website = std::fs::read_to_string(out.path().join("website/website.txt")).unwrap();
    assert!(
        website.contains("Steve Turner"),
        "the office holder, from office.yaml"
    );
    assert!(
        !website.contains("Criminal offence data"),
        "the website page does not claim the office's criminal offence data"
    );
    // Every page as a reader meets it: axe, keyboard, and no sideways scroll on a desktop
    // or a phone (the first layer's 116-character address once pushed the column wide).
    let mut pages = vec![out.path().join("index.html")];
    for (stem, title) in [
        ("privacy", "Your information"),
        (
            "correspondence-and-complaints",
            "General correspondence and handling complaints",
        ),
        ("website", "Accessing the OPCC website"),
        (
            "scrutiny-questions",
            "Submitting questions to the PCC's scrutiny process",
        ),
    ] {
        pages.push(out.path().join(format!("{stem}/{stem}.html")));
        crate::tools::check_pdf(
            &out.path().join(format!("{stem}/{stem}-large-print.pdf")),
            title,
            "en-GB",
        );
    }
    crate::tools::check_html(&pages);
    let index = std::fs::read_to_string(out.path().join("index.txt")).unwrap();
    assert!(index.contains("The Police and Crime Commissioner for Cleveland"));
    assert!(index.contains("Who it is for: Members of the public"));
}
