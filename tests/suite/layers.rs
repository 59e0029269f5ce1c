//! The pipeline's direction, enforced: a stage imports only from stages at or below it.
//!
//! `src/lib.rs` tells the pipeline as source → parse → model → rules → document → render →
//! write. The bottom holds what every stage may use: the source text, "did you mean", the
//! worker threads, small helpers on English words, the diagnostics and the rule registry. This test reads every library source file (test code
//! after `#[cfg(test)]` is not read: tests may reach anywhere) and fails on an import
//! (`crate::…`) that goes up the list.

use std::path::{Path, PathBuf};

/// The layers, bottom first. A module may import from its own layer and those below.
/// `model::schema` (the input mirror the parser reads into), `model::walk` (its
/// description) and `model::date` sit below `parse`; the rest of `model` above it.
const LAYERS: &[&[&str]] = &[
    // `parallel`: work spread over the cores, used by whoever checks or builds many files.
    &["source", "suggest", "parallel", "words"],
    &["diag", "registry"],
    &["model::schema", "model::walk", "model::date"],
    &["parse"],
    &["model"],
    &["rules"],
    &["templates"],
    &["document"],
    &["render"],
    &["write"],
    // `crate::check` (in lib.rs): parse, lower and run every rule over one source.
    // `office` reads the office file a notice extends and checks sets of files; `Checked`
    // is what `check` returns.
    &["check", "Checked", "office"],
    &["diff"],
    // Synthetic notices and the whole-pipeline harness the fuzz target runs.
    &["synth"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The module a source file belongs to: `src/model/schema.rs` is `model::schema`,
/// `src/render/pdf/text.rs` is `render`.
fn module_of(file: &Path, src: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap();
    let parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let two = parts.get(..2).map(|p| p.join("::"));
    match two {
        Some(two) if layer_of(&two).is_some() => two,
        _ => parts[0].clone(),
    }
}

/// The module an import names: `crate::model::schema::X` is `model::schema`,
/// `crate::rules::CheckOptions` is `rules`, `crate::check(` is `check`.
fn imported(path: &str) -> String {
    let segs: Vec<&str> = path.split("::").collect();
    if let [a, b, ..] = segs.as_slice() {
        let two = format!("{a}::{b}");
        if layer_of(&two).is_some() {
            return two;
        }
    }
    segs[0].to_owned()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Library files only: the binary's `main.rs`, `cli.rs` and `cmd/` sit above everything.
fn library_files(src: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.retain(|f| {
        let rel = f.strip_prefix(src).unwrap();
        !(rel.starts_with("cmd")
            || rel == Path::new("main.rs")
            || rel == Path::new("cli.rs")
            || rel == Path::new("lib.rs")
            || rel.file_name().is_some_and(|n| n == "tests.rs"))
    });
    files.sort();
    files
}

/// Every `crate::a::b` path in the code before `#[cfg(test)]`, with its line.
fn imports(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            let path: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push((n + 1, path.trim_end_matches(':').to_owned()));
            rest = &after[path.len()..];
        }
    }
    out
}

#[test]
fn no_import_goes_against_the_pipeline() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for file in library_files(&src) {
        let module = module_of(&file, &src);
        let Some(own) = layer_of(&module) else {
            wrong.push(format!(
                "{}: module `{module}` is in no layer; add it to LAYERS",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        for (line, path) in imports(&text) {
            let target = imported(&path);
            match layer_of(&target) {
                Some(l) if l <= own => {}
                Some(_) => wrong.push(format!(
                    "{}:{line}: `{module}` imports `crate::{path}`, which comes after it",
                    file.display()
                )),
                None => wrong.push(format!(
                    "{}:{line}: `crate::{path}` names module `{target}`, which is in no layer",
                    file.display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn the_check_sees_an_import_against_the_pipeline() {
    let text = "use crate::rules::CheckOptions;\n#[cfg(test)]\nuse crate::synth::X;\n";
    let found = imports(text);
    assert_eq!(found, vec![(1, "rules::CheckOptions".to_owned())]);
    assert_eq!(imported("model::schema::Purpose"), "model::schema");
    assert_eq!(imported("model::Notice"), "model");
    assert!(layer_of("rules") > layer_of("parse"));
}
