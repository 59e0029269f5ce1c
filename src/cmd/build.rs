//! `notice build`: check, build the document, render every format in memory, then write.
//!
//! Nothing is written until every input has been read and understood: a notice that cannot
//! be understood (YAML or schema errors) stops the whole build with nothing written. Rule
//! findings are printed but do not stop a notice being rendered, unless `--strict`.
//! Notices are checked, then rendered and written, in parallel, one worker per core; each
//! notice's files are written as soon as they are rendered (atomically, see `write`), so
//! memory does not grow with the number of notices.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};

use super::{Outcome, collect_inputs};
use crate::cli::BuildArgs;
use notice::diag::{Diagnostic, FileReport, Severity, emit};
use notice::model::{Date, Notice};
use notice::parallel;
use notice::render::{self, RenderOptions, site};
use notice::rules::CheckOptions;
use notice::source::SourceFile;
use notice::write::{Artifact, Batch, Finished, safe_stem, write_all};

// Every checked notice is kept in memory between checking and rendering while the inputs
// add up to no more than this; past it, each notice is parsed again from its text when its
// turn to render comes (see the constant).
use notice::office::KEEP_NOTICES_UP_TO_BYTES;

/// One input after checking.
struct Input {
    /// The notice's own findings (for a shared office file, the file's own).
    report: FileReport,
    /// Findings in the shared office file the notice extends.
    shared: Vec<FileReport>,
    /// A shared office file: checked, never built into outputs of its own.
    part: bool,
    /// The notice, if understood and kept (see [`KEEP_NOTICES_UP_TO_BYTES`]).
    notice: Option<Notice>,
    understood: bool,
    errors: usize,
    /// Its output folder's name, from its file name.
    stem: String,
    /// What the site index and the layers' links back say about it (a notice understood).
    entry: Option<site::Entry>,
}

/// How many files may wait for a writer: enough to keep the writers busy, few enough that
/// memory holds only a handful of notices' outputs.
const WRITES_WAITING: usize = 12;

/// Threads writing and flushing files while the workers render, each file of a notice taken
/// by whichever is free, so that a notice's flushes overlap. Writing mostly waits on the
/// disk, so two keep up with the workers on any number of cores seen so far.
const WRITERS: usize = 2;

/// What became of one notice's files, handed to the writers.
enum Written {
    /// Written and flushed, each renamed into place.
    Done,
    /// Could not be written: why (nothing of this notice was left half-written).
    Failed(String),
    /// Not attempted: writing had already failed for another notice.
    Skipped,
}

/// What rendering and writing one notice gave.
enum Done {
    /// Written: the folder name, the files, and the renderers' warnings, located (one
    /// report per file they point into).
    Built(String, Vec<PathBuf>, Vec<FileReport>),
    /// Could not be rendered (a finding about the notice: exit 1).
    NotRendered(String),
    /// Could not be written (the command could not do its job: exit 2).
    NotWritten(String),
}

/// Run `notice build` (or, with `--watch`, keep building as files change).
pub(crate) fn run(args: &BuildArgs) -> Result<Outcome> {
    if args.watch {
        return super::watch::run(args);
    }
    let files = collect_inputs(&args.input.paths)?;
    build(args, &files)
}

/// Build `files` once: check them all, then render and write those that can be.
pub(crate) fn build(args: &BuildArgs, files: &[PathBuf]) -> Result<Outcome> {
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

    // 1. Read and check everything first, on every core.
    let sources = parallel::map(files, |path| SourceFile::read(path));
    let sources = sources
        .into_iter()
        .collect::<Result<Vec<SourceFile>, _>>()
        .map_err(anyhow::Error::from)?;
    let total_bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let keep = total_bytes <= KEEP_NOTICES_UP_TO_BYTES;
    let by_size = |s: &SourceFile| s.text.len();
    let mut inputs = parallel::map_sized(sources, by_size, |source| {
        let checked = notice::check(&source, &opts);
        let errors = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let mut reports = notice::office::reports(&source, &checked).into_iter();
        let stem = stem_of(&source.path);
        let entry = (!checked.part)
            .then(|| checked.notice.as_ref().map(|n| site::Entry::of(&stem, n)))
            .flatten();
        let report = reports.next().unwrap_or(FileReport {
            source,
            diagnostics: Vec::new(),
        });
        Input {
            // A shared office file is a part of the notices that extend it: its findings
            // are reported, and it is never built on its own.
            understood: checked.notice.is_some() || checked.part,
            part: checked.part,
            // A notice that names others is judged with them as a set (below), so it is
            // kept whatever the build's size.
            notice: checked
                .notice
                .filter(|n| keep || notice::rules::set::names_others(n)),
            errors,
            report,
            shared: reports.collect(),
            stem,
            entry,
        }
    });
    // Layered notices are judged as sets (src/rules/set.rs), on each notice's own
    // findings (a disclosure missing from a notice is a finding in the notice's file); in
    // a large build, the layers that were not kept are read again for it.
    notice::office::judge_layered(
        inputs
            .iter_mut()
            .map(|i| notice::rules::set::Member {
                source: &i.report.source,
                notice: i.notice.as_ref(),
                understood: i.understood && !i.part,
                diagnostics: &mut i.report.diagnostics,
            })
            .collect(),
        &opts,
    );
    for i in &mut inputs {
        i.errors = i.report.count(Severity::Error)
            + i.shared
                .iter()
                .map(|r| r.count(Severity::Error))
                .sum::<usize>();
    }
    let all_reports = notice::office::merge_parts(
        inputs
            .iter()
            .flat_map(|i| std::iter::once(&i.report).chain(&i.shared))
            .map(std::borrow::Cow::Borrowed),
    );
    let with_findings: Vec<&FileReport> = all_reports
        .iter()
        .map(std::convert::AsRef::as_ref)
        .filter(|r| !r.diagnostics.is_empty())
        .collect();
    if !with_findings.is_empty() {
        stderr.write_all(emit::human(&with_findings, color).as_bytes())?;
    }
    let unreadable: Vec<&Path> = inputs
        .iter()
        .filter(|i| !i.understood)
        .map(|i| i.report.source.path.as_path())
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

    // 2. Render each notice in memory and write it, on every core; a notice's files are
    // written as soon as they are rendered, so memory holds a few notices' outputs at a
    // time, not every notice's.
    let render_opts = RenderOptions {
        formats: args.format.0.clone(),
        pdf_body_size: args.font_size.parse().unwrap_or(18.0),
        braille_grade: if args.braille_grade == "1" { 1 } else { 2 },
    };
    // Braille needs liblouis's program: say what to install before anything is written.
    if render_opts.formats.iter().any(|f| f.name() == "brf") {
        notice::render::brf::louis_version().map_err(anyhow::Error::msg)?;
    }
    let mut outcome = Outcome::Clean;
    let mut jobs: Vec<(String, &mut Input)> = Vec::new();
    for input in inputs.iter_mut().filter(|i| !i.part) {
        let path = &input.report.source.path;
        if args.strict && input.errors > 0 {
            let errors = input.errors;
            writeln!(
                stderr,
                "refused  {} ({errors} error{}; --strict)",
                path.display(),
                if errors == 1 { "" } else { "s" }
            )?;
            outcome = Outcome::Findings;
            continue;
        }
        let stem = input.stem.clone();
        jobs.push((stem, input));
    }
    refuse_shared_folders(&jobs, &args.out)?;
    // What the site index and the layers' links back say about each notice.
    let entries: Vec<site::Entry> = jobs
        .iter()
        .filter_map(|(_, input)| input.entry.clone())
        .collect();

    // Each notice's files are handed to the writers, and its worker goes on to the next
    // notice while they are flushed to disk: a flush waits on the disk, not the processor.
    let failed = AtomicBool::new(false);
    let jobs: Vec<(usize, (String, &mut Input))> = jobs.into_iter().enumerate().collect();
    let written_as: Vec<Mutex<Option<Written>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
    let size = |(_, (_, i)): &(usize, (String, &mut Input))| i.report.source.text.len();
    let (to_writers, queue) =
        std::sync::mpsc::sync_channel::<(usize, Arc<Batch>, usize)>(WRITES_WAITING);
    let queue = Mutex::new(queue);
    let results = std::thread::scope(|scope| {
        for _ in 0..WRITERS {
            scope.spawn(|| {
                loop {
                    // The lock is held only while waiting for the next file.
                    let next = queue.lock().map_or(None, |q| q.recv().ok());
                    let Some((job, batch, file)) = next else {
                        break;
                    };
                    let finished = if failed.load(Ordering::Relaxed) {
                        batch.abandon(file)
                    } else {
                        batch.stage(file)
                    };
                    let outcome = match finished {
                        None => continue,
                        Some(Finished::Written(_)) => Written::Done,
                        Some(Finished::Failed(e)) => {
                            // Stop taking new notices; those written stay written, whole.
                            failed.store(true, Ordering::Relaxed);
                            Written::Failed(e.to_string())
                        }
                        Some(Finished::Abandoned) => Written::Skipped,
                    };
                    if let Ok(mut slot) = written_as[job].lock() {
                        *slot = Some(outcome);
                    }
                }
            });
        }
        let to_writers = to_writers;
        parallel::map_sized(
            jobs,
            size,
            |(job, (stem, input))| -> Option<(usize, PathBuf, Done)> {
                if failed.load(Ordering::Relaxed) {
                    return None;
                }
                let path = input.report.source.path.clone();
                let notice = match input.notice.take() {
                    Some(n) => n,
                    None => match reread(&input.report.source) {
                        Some(n) => n,
                        None => {
                            let msg = "the notice could not be read again".to_owned();
                            return Some((job, path, Done::NotRendered(msg)));
                        }
                    },
                };
                let mut doc = match notice::document::build::build(&notice, &env) {
                    Ok(doc) => doc,
                    Err(e) => return Some((job, path, Done::NotRendered(e.to_string()))),
                };
                // Office text the document does not print, located (PN951).
                let left_out = notice::document::coverage::diagnostics(&notice, &doc);
                site::link_back(&mut doc, &stem, &entries);
                let out = match render::render_document(&doc, &env, &render_opts) {
                    Ok(out) => out,
                    Err(e) => return Some((job, path, Done::NotRendered(e))),
                };
                drop(doc);
                let review = if args.review {
                    // The notice's own findings and those in the office file it extends.
                    let findings: Vec<Diagnostic> = std::iter::once(&input.report)
                        .chain(&input.shared)
                        .flat_map(|r| r.diagnostics.iter().cloned())
                        .collect();
                    match review_copy(&notice, &findings, &env) {
                        Ok(html) => Some(Artifact {
                            rel_path: PathBuf::from(&stem)
                                .join(notice::document::review::file_name(&stem)),
                            bytes: html.into_bytes(),
                        }),
                        Err(e) => return Some((job, path, Done::NotRendered(e))),
                    }
                } else {
                    None
                };
                let office = notice.office.clone();
                drop(notice);
                let artifacts: Vec<Artifact> = out
                    .files
                    .into_iter()
                    .map(|(format, bytes)| Artifact {
                        rel_path: PathBuf::from(&stem).join(format.file_name(&stem)),
                        bytes,
                    })
                    .chain(review)
                    .collect();
                let paths: Vec<PathBuf> = artifacts
                    .iter()
                    .map(|a| args.out.join(&a.rel_path))
                    .collect();
                let warnings = left_out
                    .into_iter()
                    .chain(out.warnings.iter().map(|w| {
                        let sources: Vec<&SourceFile> = std::iter::once(&input.report.source)
                            .chain(office.as_ref())
                            .collect();
                        w.to_diagnostic_among(&sources)
                    }))
                    .collect();
                let warnings =
                    notice::office::split(&input.report.source, office.as_ref(), false, warnings);
                // The writers stop only when this side has gone, so every file is taken.
                let batch = Arc::new(Batch::new(&args.out, artifacts));
                if batch.is_empty()
                    && let Ok(mut slot) = written_as[job].lock()
                {
                    *slot = Some(Written::Done);
                }
                for file in 0..batch.len() {
                    let _ = to_writers.send((job, Arc::clone(&batch), file));
                }
                Some((job, path, Done::Built(stem, paths, warnings)))
            },
        )
    });
    // What became of each notice's files: a notice whose files were not written (the
    // writing stopped at a failure) is not reported as built.
    let results: Vec<(PathBuf, Done)> = results
        .into_iter()
        .flatten()
        .filter_map(|(job, path, done)| {
            let written = written_as[job].lock().ok().and_then(|mut w| w.take());
            match (done, written) {
                (Done::Built(stem, paths, warnings), Some(Written::Done)) => {
                    Some((path, Done::Built(stem, paths, warnings)))
                }
                (Done::Built(..), Some(Written::Failed(e))) => Some((path, Done::NotWritten(e))),
                (Done::Built(..), _) => None,
                (done, _) => Some((path, done)),
            }
        })
        .collect();

    // 3. Report, in input order.
    let mut written = Vec::new();
    let mut built_stems = std::collections::BTreeSet::new();
    let mut write_error = None;
    let mut notices = 0;
    for (path, result) in results {
        match result {
            Done::Built(stem, paths, warnings) => {
                let warnings: Vec<&FileReport> = warnings
                    .iter()
                    .filter(|r| !r.diagnostics.is_empty())
                    .collect();
                if !warnings.is_empty() {
                    stderr.write_all(emit::human(&warnings, color).as_bytes())?;
                }
                writeln!(
                    stderr,
                    "built    {} -> {}",
                    path.display(),
                    args.out.join(&stem).display()
                )?;
                written.extend(paths);
                built_stems.insert(stem);
                notices += 1;
            }
            Done::NotWritten(e) => {
                write_error.get_or_insert(e);
            }
            Done::NotRendered(e) => {
                writeln!(stderr, "error: {}: {e}", path.display())?;
                outcome = Outcome::Findings;
            }
        }
    }
    if let Some(e) = write_error {
        // The command could not do its job: exit 2, naming the path that failed.
        anyhow::bail!(
            "{e}\n{} file{} for {notices} notice{} had been written into {} before this; \
             no file was left half-written",
            written.len(),
            if written.len() == 1 { "" } else { "s" },
            if notices == 1 { "" } else { "s" },
            args.out.display()
        );
    }
    // A folder of notices is a site: its index, beside the notices.
    if args.input.paths.iter().any(|p| p.is_dir()) {
        let built: Vec<site::Entry> = entries
            .into_iter()
            .filter(|e| built_stems.contains(&e.stem))
            .collect();
        let pages = site::index(&built, &render_opts.formats, &env).map_err(anyhow::Error::msg)?;
        let artifacts: Vec<Artifact> = pages
            .into_iter()
            .map(|(name, bytes)| Artifact {
                rel_path: PathBuf::from(name),
                bytes,
            })
            .collect();
        written.extend(write_all(&args.out, artifacts)?);
    }
    let mut stdout = std::io::stdout().lock();
    writeln!(
        stdout,
        "wrote {} file{} for {} notice{} into {}",
        written.len(),
        if written.len() == 1 { "" } else { "s" },
        notices,
        if notices == 1 { "" } else { "s" },
        args.out.display()
    )
    .context("cannot write to standard output")?;
    Ok(outcome)
}

/// Read a notice again (it was understood once, so it will be again), with the office
/// file it extends; its findings are already known.
fn reread(source: &SourceFile) -> Option<Notice> {
    notice::office::reread(source, &mut notice::office::Disk::default())
}

/// The name of a notice's output folder: its file name without the extension, made safe.
fn stem_of(path: &Path) -> String {
    safe_stem(
        &path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    )
}

fn refuse_shared_folders(jobs: &[(String, &mut Input)], out: &Path) -> Result<()> {
    let mut seen: std::collections::BTreeMap<&str, &Path> = std::collections::BTreeMap::new();
    for (stem, input) in jobs {
        let path = input.report.source.path.as_path();
        if let Some(first) = seen.insert(stem.as_str(), path) {
            anyhow::bail!(
                "nothing written: `{}` and `{}` would both be written to `{}`; rename one of them",
                first.display(),
                path.display(),
                out.join(stem).display()
            );
        }
    }
    Ok(())
}

/// The review copy of a notice as an HTML page (see `notice::document::review`).
fn review_copy(
    n: &Notice,
    findings: &[Diagnostic],
    env: &minijinja::Environment<'_>,
) -> std::result::Result<String, String> {
    let doc =
        notice::document::review::review_document(n, findings, env).map_err(|e| e.to_string())?;
    render::html::render_html(&doc, env).map_err(|e| e.to_string())
}
