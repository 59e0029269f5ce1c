//! `cargo bench`: the pipeline stage by stage on the five seed notices, the whole build of
//! `notices/` in memory and through the command line, and notices ten times larger.
//!
//! Sample sizes are small (the whole run takes a few minutes on two cores); criterion still
//! reports a confidence interval for each. docs/performance.md has the numbers and how they
//! were taken.

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use notice::document::Document;
use notice::model::{Date, Notice};
use notice::render::{self, Format, RenderOptions, html, pdf, text};
use notice::rules::CheckOptions;
use notice::source::SourceFile;
use notice::synth::{self, SEEDS};

fn opts() -> CheckOptions {
    CheckOptions {
        as_of: Date::ymd(2026, 6, 1),
    }
}

fn all_formats() -> RenderOptions {
    RenderOptions {
        formats: Format::defaults(),
        pdf_body_size: 18.0,
        braille_grade: 2,
    }
}

fn source(stem: &str, yaml: &str) -> SourceFile {
    SourceFile::from_text(format!("notices/{stem}.yaml"), yaml)
}

fn notice(src: &SourceFile) -> Notice {
    notice::check(src, &opts())
        .notice
        .expect("every seed can be understood")
}

fn document(n: &Notice, env: &minijinja::Environment<'_>) -> Document {
    notice::document::build::build(n, env).expect("every seed builds")
}

/// Parse, lower and run every rule.
fn check(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    for (stem, yaml) in SEEDS {
        let src = source(stem, yaml);
        g.bench_function(*stem, |b| {
            b.iter(|| notice::check(black_box(&src), &opts()));
        });
    }
    g.finish();
}

/// The notice into the intermediate document (view, templates, Markdown).
fn build_document(c: &mut Criterion) {
    let (env, _) = notice::templates::environment(None).expect("built-in templates");
    let mut g = c.benchmark_group("document");
    for (stem, yaml) in SEEDS {
        let n = notice(&source(stem, yaml));
        g.bench_function(*stem, |b| b.iter(|| document(black_box(&n), &env)));
    }
    g.finish();
}

/// Each renderer on each seed, the document built once outside the loop.
fn renderers(c: &mut Criterion) {
    let (env, _) = notice::templates::environment(None).expect("built-in templates");
    let docs: Vec<(&str, Document)> = SEEDS
        .iter()
        .map(|(stem, yaml)| (*stem, document(&notice(&source(stem, yaml)), &env)))
        .collect();
    let mut g = c.benchmark_group("render");
    for (stem, doc) in &docs {
        g.bench_with_input(BenchmarkId::new("html", stem), doc, |b, d| {
            b.iter(|| html::render_html(d, &env).expect("html"));
        });
        g.bench_with_input(BenchmarkId::new("text", stem), doc, |b, d| {
            b.iter(|| text::render_text(d));
        });
        g.bench_with_input(BenchmarkId::new("pdf", stem), doc, |b, d| {
            b.iter(|| pdf::render_pdf(d, &pdf::PdfOptions::default()).expect("pdf"));
        });
    }
    g.finish();
}

/// One seed from YAML text to all three formats in memory, the way `notice build` does
/// it for one notice.
fn one_notice(c: &mut Criterion) {
    let (env, _) = notice::templates::environment(None).expect("built-in templates");
    let mut g = c.benchmark_group("one_notice_all_formats");
    for (stem, yaml) in SEEDS {
        let src = source(stem, yaml);
        g.bench_function(*stem, |b| {
            b.iter(|| {
                let n = notice(black_box(&src));
                render::render_notice(&n, &env, &all_formats()).expect("renders")
            });
        });
    }
    g.finish();
}

/// The whole build of `notices/`: in memory (no disk, one thread), and end to end through
/// the `notice` binary into a temporary folder (both cores, atomic writes included).
fn build_all(c: &mut Criterion) {
    let (env, _) = notice::templates::environment(None).expect("built-in templates");
    let sources: Vec<SourceFile> = SEEDS.iter().map(|(s, y)| source(s, y)).collect();
    let mut g = c.benchmark_group("build_notices");
    g.bench_function("in_memory", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for src in &sources {
                let n = notice(src);
                let out = render::render_notice(&n, &env, &all_formats()).expect("renders");
                bytes += out.files.iter().map(|(_, b)| b.len()).sum::<usize>();
            }
            bytes
        });
    });
    let notices = Path::new(env!("CARGO_MANIFEST_DIR")).join("notices");
    let out = tempfile::tempdir().expect("a temporary folder");
    g.bench_function("cli_to_tempdir", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_notice"))
                .arg("build")
                .arg(&notices)
                .arg("--out")
                .arg(out.path())
                .arg("--as-of")
                .arg("2026-06-01")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .expect("notice runs");
            assert!(status.code().is_some_and(|c| c <= 1), "{status}");
        });
    });
    g.finish();
}

/// Leicestershire made 1, 3 and 10 times larger (more purposes, recipients, sources,
/// sections and data categories): check and all three formats. Time should grow linearly.
fn scale(c: &mut Criterion) {
    let (env, _) = notice::templates::environment(None).expect("built-in templates");
    let seed = SEEDS
        .iter()
        .find(|(s, _)| *s == "leicestershire")
        .map(|(_, y)| *y)
        .expect("the Leicestershire seed");
    let mut g = c.benchmark_group("scale_leicestershire");
    g.sample_size(10);
    for k in [1usize, 3, 10] {
        let src = SourceFile::from_text(format!("x{k}.yaml"), synth::notice_yaml(seed, k));
        g.bench_with_input(BenchmarkId::from_parameter(k), &src, |b, src| {
            b.iter(|| {
                let n = notice(src);
                render::render_notice(&n, &env, &all_formats()).expect("renders")
            });
        });
    }
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .without_plots()
}

criterion_group! {
    name = benches;
    config = config();
    targets = check, build_document, renderers, one_notice, build_all, scale
}
criterion_main!(benches);
