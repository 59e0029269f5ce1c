//! `notice build`: check, build the document, render every format in memory, then write.
//!
//! Nothing is written until every input has been read and understood: a notice that cannot
//! be understood (YAML or schema errors) stops the whole build with nothing written. Rule
//! findings are printed but do not stop a notice being rendered, unless `--strict`.
//! Notices are rendered in parallel, one worker per core.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::{Outcome, collect_inputs};
use crate::cli::{BuildArgs, Format};
use notice::diag::{FileReport, Severity, emit};
use notice::model::Date;
use notice::render::{self, RenderOptions};
use notice::rules::CheckOptions;
use notice::source::SourceFile;
use notice::write::{Artifact, safe_stem, write_all};

/// Run `notice build`.
pub fn run(args: &BuildArgs) -> Result<Outcome> {
    let files = collect_inputs(&args.input.paths)?;
    let opts = CheckOptions {
        as_of: args.input.as_of.unwrap_or_else(Date::today),
    };
    let (env, template_warnings) = notice::templates::environment(args.templates.as_deref())?;
    let mut stderr = std::io::stderr().lock();
    for w in &template_warnings {
        writeln!(stderr, "warning: {w}")?;
    }
    let color = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());

    // 1. Read and check everything first.
    let mut sources = Vec::new();
    for path in &files {
        sources.push(SourceFile::read(path).map_err(anyhow::Error::from)?);
    }
    let checked: Vec<notice::Checked> = sources.iter().map(|s| notice::check(s, &opts)).collect();
    let reports: Vec<FileReport> = sources
        .iter()
        .zip(&checked)
        .map(|(s, c)| FileReport {
            source: s.clone(),
            diagnostics: c.diagnostics.clone(),
        })
        .collect();
    let with_findings: Vec<FileReport> = reports
        .iter()
        .filter(|r| !r.diagnostics.is_empty())
        .cloned()
        .collect();
    if !with_findings.is_empty() {
        stderr.write_all(emit::human(&with_findings, color).as_bytes())?;
    }
    let unreadable: Vec<&Path> = sources
        .iter()
        .zip(&checked)
        .filter(|(_, c)| c.notice.is_none())
        .map(|(s, _)| s.path.as_path())
        .collect();
    if !unreadable.is_empty() {
        let names: Vec<String> = unreadable
            .iter()
            .map(|p| format!("`{}`", p.display()))
            .collect();
        writeln!(
            stderr,
            "error: nothing written: {} cannot be understood; fix the errors above first",
            names.join(", ")
        )?;
        return Ok(Outcome::Findings);
    }

    // 2. Render in memory.
    let render_opts = RenderOptions {
        formats: args
            .format
            .iter()
            .map(|f| match f {
                Format::Html => render::Format::Html,
                Format::Pdf => render::Format::Pdf,
                Format::Txt => render::Format::Text,
            })
            .collect(),
        pdf_body_size: args.font_size.parse().unwrap_or(18.0),
    };
    let mut outcome = Outcome::Clean;
    let mut jobs = Vec::new();
    for (src, c) in sources.iter().zip(&checked) {
        let errors = c
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        if args.strict && errors > 0 {
            writeln!(
                stderr,
                "refused  {} ({errors} error{}; --strict)",
                src.path.display(),
                if errors == 1 { "" } else { "s" }
            )?;
            outcome = Outcome::Findings;
            continue;
        }
        let notice = c
            .notice
            .as_ref()
            .expect("unreadable notices stopped the build above");
        jobs.push((src.path.clone(), notice));
    }
    let results = parallel_map(&jobs, |(path, notice)| {
        let stem = safe_stem(
            &path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        render::render_notice(notice, &env, &render_opts).map(|out| {
            let artifacts: Vec<Artifact> = out
                .files
                .into_iter()
                .map(|(format, bytes)| Artifact {
                    rel_path: PathBuf::from(&stem).join(format.file_name(&stem)),
                    bytes,
                })
                .collect();
            (stem, artifacts, out.warnings)
        })
    });

    // 3. Write.
    let mut written = Vec::new();
    for ((path, _), result) in jobs.iter().zip(results) {
        match result {
            Ok((stem, artifacts, warnings)) => {
                for w in warnings {
                    writeln!(
                        stderr,
                        "warning: {}: {w}",
                        locate_warning(notice_source(&jobs, path), &w)
                    )?;
                }
                let paths = write_all(&args.out, &artifacts)?;
                writeln!(
                    stderr,
                    "built    {} -> {}",
                    path.display(),
                    args.out.join(&stem).display()
                )?;
                written.extend(paths);
            }
            Err(e) => {
                writeln!(stderr, "error: {}: {e}", path.display())?;
                outcome = Outcome::Findings;
            }
        }
    }
    let mut stdout = std::io::stdout().lock();
    writeln!(
        stdout,
        "wrote {} file{} for {} notice{} into {}",
        written.len(),
        if written.len() == 1 { "" } else { "s" },
        jobs.len(),
        if jobs.len() == 1 { "" } else { "s" },
        args.out.display()
    )
    .context("cannot write to standard output")?;
    Ok(outcome)
}

fn notice_source<'a>(jobs: &'a [(PathBuf, &notice::model::Notice)], path: &Path) -> &'a SourceFile {
    &jobs
        .iter()
        .find(|(p, _)| p == path)
        .expect("a job for every result")
        .1
        .source
}

/// A renderer's warning about a character (`U+1F9E0`) points at the first place the
/// character is written in the notice: `path:line:column`.
fn locate_warning(src: &SourceFile, warning: &str) -> String {
    let found = warning
        .find("U+")
        .and_then(|i| {
            let hex: String = warning[i + 2..]
                .chars()
                .take_while(char::is_ascii_hexdigit)
                .collect();
            u32::from_str_radix(&hex, 16).ok()
        })
        .and_then(char::from_u32)
        .and_then(|c| {
            // Prefer the quoted context, so each place is named; else the first use.
            let context = warning
                .split_once("in \"")
                .and_then(|(_, rest)| rest.split_once('"'))
                .map(|(c, _)| c);
            context
                .and_then(|ctx| src.text.find(ctx).map(|at| at + ctx.find(c).unwrap_or(0)))
                .or_else(|| src.text.find(c))
        });
    match found {
        Some(at) => {
            let span = src.span_of(at, at);
            format!("{}:{}:{}", src.path.display(), span.line, span.column)
        }
        None => src.path.display().to_string(),
    }
}

/// Map `f` over `items` on one thread per core, keeping the order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    if workers <= 1 {
        return items.iter().map(&f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    let results = std::sync::Mutex::new(&mut slots);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= items.len() {
                        break;
                    }
                    let r = f(&items[i]);
                    results
                        .lock()
                        .expect("no worker panics while holding the lock")[i] = Some(r);
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|r| r.expect("every item was processed"))
        .collect()
}
