//! Hostile and broken input: `notice check` must answer every file quickly, name it, never
//! panic, and exit 1 when it can say what is wrong with the file (a finding) or 2 when it
//! cannot read the file as a notice at all (not UTF-8, over the 4 MB limit).
//!
//! The big inputs are written to a temporary folder, not kept as fixtures.

use std::time::{Duration, Instant};

use super::cli::notice;

/// Not a speed test (speed is measured by the benchmarks, `cargo bench` and `bench/`): a bound
/// that only a hang or a blow-up (quadratic work on a 4 MB scalar, an alias bomb) can reach,
/// far above what a debug build takes on a loaded two-core machine (under 4 s). The real
/// times are printed.
const LIMIT: Duration = Duration::from_secs(30);

/// What `notice check` must do with an input.
enum Expect {
    /// Exit 1 with a finding from this rule.
    Finding(&'static str),
    /// Exit 2: the file cannot be read as a notice; stderr says why.
    Unreadable(&'static str),
}

/// Write `bytes` to a file called `name` in a fresh folder, check it, and hold the result
/// to `expect`.
fn run(name: &str, bytes: &[u8], expect: Expect) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let start = Instant::now();
    let out = notice()
        .arg("check")
        .arg(&path)
        .args(["--as-of", "2026-11-25"])
        .output()
        .unwrap();
    let took = start.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!(
        "{name}: {} bytes, exit {:?}, {:.0} ms",
        bytes.len(),
        out.status.code(),
        took.as_secs_f64() * 1000.0
    );
    let all = format!("{stdout}{stderr}");
    assert!(!all.contains("panicked"), "{name} panicked:\n{all}");
    assert!(
        all.contains(name),
        "{name}: the output does not name the file:\n{}",
        head(&all)
    );
    assert!(took < LIMIT, "{name} took {took:?}");
    match expect {
        Expect::Finding(rule) => {
            assert_eq!(out.status.code(), Some(1), "{name}:\n{}", head(&all));
            assert!(
                stdout.contains(&format!("error[{rule}]")),
                "{name}: no {rule} in:\n{}",
                head(&stdout)
            );
        }
        Expect::Unreadable(why) => {
            assert_eq!(out.status.code(), Some(2), "{name}:\n{}", head(&all));
            assert!(
                stderr.contains(why),
                "{name}: stderr lacks {why:?}:\n{}",
                head(&stderr)
            );
        }
    }
}

fn head(s: &str) -> String {
    s.chars().take(2000).collect()
}

#[test]
fn empty_file() {
    run("empty.yaml", b"", Expect::Finding("PN011"));
}

#[test]
fn whitespace_only() {
    run("blank.yaml", b"  \n\n\t\n   \r\n", Expect::Finding("PN011"));
}

#[test]
fn comments_only() {
    run(
        "comments.yaml",
        b"# a notice will go here\n---\n",
        Expect::Finding("PN011"),
    );
}

#[test]
fn binary_bytes_with_nul() {
    // Valid UTF-8, but control characters and NUL: not YAML text.
    let bytes: Vec<u8> = (0u8..128).cycle().take(4096).collect();
    run("control.yaml", &bytes, Expect::Finding("PN001"));
}

#[test]
fn random_binary() {
    // A PNG header and arbitrary bytes: not UTF-8.
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    run("image.yaml", &bytes, Expect::Unreadable("not UTF-8"));
}

#[test]
fn invalid_utf8() {
    run(
        "latin1.yaml",
        b"notice:\n  title: Caf\xe9 privacy notice\n",
        Expect::Unreadable("not UTF-8"),
    );
}

#[test]
fn billion_laughs() {
    // Nine levels, each of nine aliases to the level below: 9^9 values if expanded.
    let mut yaml = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for level in "bcdefghi".chars() {
        let refs = vec![format!("*{prev}"); 9].join(",");
        yaml.push_str(&format!("{level}: &{level} [{refs}]\n"));
        prev = level;
    }
    run("laughs.yaml", yaml.as_bytes(), Expect::Finding("PN002"));
}

#[test]
fn billion_laughs_inside_the_format() {
    // The same bomb where the format takes lists, so the aliases are really followed.
    let mut yaml = String::from(
        "notice:\n  title: t\n  alternative_formats:\n    formats: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n",
    );
    yaml.push_str("data_categories:\n");
    let mut prev = "a".to_owned();
    for level in 1..9 {
        let name = format!("l{level}");
        let refs = vec![format!("*{prev}"); 9].join(",");
        yaml.push_str(&format!(
            "  - id: c{level}\n    name: n\n    examples: &{name} [{refs}]\n"
        ));
        prev = name;
    }
    run(
        "laughs-in-format.yaml",
        yaml.as_bytes(),
        Expect::Finding("PN003"),
    );
}

#[test]
fn aliases_of_a_long_text() {
    // 1,000 aliases of a 100 KB text: 100 MB of text once expanded.
    let long = "x".repeat(100_000);
    let yaml = format!(
        "notice:\n  title: &t {long}\n  alternative_formats:\n    formats: [{}]\n",
        vec!["*t"; 1000].join(",")
    );
    run("amplified.yaml", yaml.as_bytes(), Expect::Finding("PN010"));
}

#[test]
fn deep_flow_nesting() {
    let yaml = format!("{}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    run("deep-flow.yaml", yaml.as_bytes(), Expect::Finding("PN010"));
}

#[test]
fn deep_flow_mappings() {
    let yaml = format!("{}x{}\n", "{a: ".repeat(100_000), "}".repeat(100_000));
    run(
        "deep-flow-maps.yaml",
        yaml.as_bytes(),
        Expect::Finding("PN010"),
    );
}

#[test]
fn deep_block_sequences() {
    // `- - - - x`: 100,000 block sequences, one inside the other, on one line.
    let yaml = format!("{}x\n", "- ".repeat(100_000));
    run(
        "deep-block-seqs.yaml",
        yaml.as_bytes(),
        Expect::Finding("PN003"),
    );
}

#[test]
fn deep_block_mappings() {
    // 100,000 nested block mappings need about 5 GB of indentation, far over the 4 MB
    // limit, so the 4 MB limit answers them; this is the deepest that fits under it.
    let yaml: String = (0..2_800)
        .map(|i| format!("{}a:\n", " ".repeat(i)))
        .collect();
    assert!(yaml.len() < 4 * 1024 * 1024);
    run(
        "deep-block-maps.yaml",
        yaml.as_bytes(),
        Expect::Finding("PN002"),
    );
    // The same nesting under keys the format knows stops at the first value of the wrong
    // shape.
    let yaml: String = std::iter::once("notice:\n".to_owned())
        .chain((1..2_800).map(|i| format!("{}title:\n", " ".repeat(i))))
        .collect();
    run(
        "deep-block-titles.yaml",
        yaml.as_bytes(),
        Expect::Finding("PN003"),
    );
}

#[test]
fn deep_block_mappings_of_100_000_levels_are_too_large() {
    // The first 4 MB and a bit of a 100,000-level file: refused from its size alone.
    let mut yaml = String::new();
    let mut level = 0;
    while yaml.len() <= 4 * 1024 * 1024 {
        yaml.push_str(&format!("{}a:\n", " ".repeat(level)));
        level += 1;
    }
    run(
        "deep-block-maps-100k.yaml",
        yaml.as_bytes(),
        Expect::Unreadable("at most 4 MB"),
    );
}

#[test]
fn twenty_megabyte_scalar() {
    let yaml = format!("notice:\n  title: \"{}\"\n", "x".repeat(20 * 1024 * 1024));
    run(
        "big-scalar.yaml",
        yaml.as_bytes(),
        Expect::Unreadable("at most 4 MB"),
    );
}

#[test]
fn a_scalar_just_under_the_limit() {
    let yaml = format!(
        "notice:\n  title: \"{}\"\n",
        "x".repeat(4 * 1024 * 1024 - 100)
    );
    run("big-title.yaml", yaml.as_bytes(), Expect::Finding("PN101"));
}

#[test]
fn python_object_tag() {
    run(
        "python.yaml",
        b"notice: !!python/object/apply:os.system [\"echo pwned\"]\n",
        Expect::Finding("PN001"),
    );
}

#[test]
fn custom_tag() {
    run(
        "custom-tag.yaml",
        b"notice:\n  title: !custom Privacy notice\n",
        Expect::Finding("PN001"),
    );
}

#[test]
fn multiple_documents() {
    run(
        "two-docs.yaml",
        b"notice:\n  title: One\n---\nnotice:\n  title: Two\n",
        Expect::Finding("PN001"),
    );
}

#[test]
fn huge_file() {
    // A real notice followed by 5 MB of comments.
    let mut yaml = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/complete.yaml"),
    )
    .unwrap();
    while yaml.len() < 5 * 1024 * 1024 {
        yaml.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    run(
        "huge.yaml",
        yaml.as_bytes(),
        Expect::Unreadable("at most 4 MB"),
    );
}

#[test]
fn duplicate_keys() {
    run(
        "duplicate.yaml",
        b"notice:\n  title: One\n  title: Two\n",
        Expect::Finding("PN006"),
    );
}

#[test]
fn tab_indentation() {
    run(
        "tabs.yaml",
        b"notice:\n\ttitle: Privacy notice\n\tlast_updated: 2026-09-14\n",
        Expect::Finding("PN001"),
    );
}

#[test]
fn many_dangling_references() {
    // 2,000 ids and 2,000 references to undeclared ids: each used to be compared with
    // every id for a suggestion.
    let mut yaml = String::from("data_categories:\n");
    for i in 0..2_000 {
        yaml.push_str(&format!("  - {{id: c{i}, name: n}}\n"));
    }
    yaml.push_str("purposes:\n");
    for i in 0..2_000 {
        yaml.push_str(&format!(
            "  - {{id: p{i}, name: n, lawful_basis: [consent], data_categories: [x{i}]}}\n"
        ));
    }
    run("dangling.yaml", yaml.as_bytes(), Expect::Finding("PN008"));
}

#[test]
fn many_findings() {
    // 3,000 sections that each trip a wording lint: each finding's line used to be found
    // by rescanning the file.
    let mut yaml = String::from("purposes: []\nsections:\n");
    for i in 0..3_000 {
        yaml.push_str(&format!(
            "  - {{id: s{i}, title: t, body: We follow the Data Protection Act 1998.}}\n"
        ));
    }
    run(
        "many-findings.yaml",
        yaml.as_bytes(),
        Expect::Finding("PN901"),
    );
}

#[test]
fn a_key_left_blank_is_reported_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.yaml");
    std::fs::write(
        &path,
        "notice:\n  title: Privacy notice\ncontroller:\n  name: The PCC\n  contact:\n    email:\n    address:\n    - Police HQ\n    phone: 01622 677055\n",
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("notice")
        .unwrap()
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("error[PN009]: `controller.contact.email` has no value"),
        "{stdout}"
    );
    assert!(stdout.contains("blank.yaml:6:5"), "{stdout}");
    assert!(
        !stdout.contains("`controller.contact.address` has no value"),
        "a list below its key is a value: {stdout}"
    );
}
