//! `notice diff`: read two versions of a notice (two files, or one file at git revisions),
//! compare them, print the changes, and exit 1 under `--fail-on` when one is found.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use super::Outcome;
use crate::cli::{DiffArgs, DiffFormat, FailOn};
use notice::diag::emit;
use notice::diff::{self, Class};
use notice::model::{Date, Notice};
use notice::office::{Disk, Kind, Loader};
use notice::source::{MAX_FILE_BYTES, ReadError, SourceFile};

/// Run `notice diff`.
///
/// Given a notice, compares its two versions. Given a shared office file, or a folder,
/// compares every notice that extends the office file (or every notice in the folder),
/// each with the office file as it was at the same version, so a change to the office
/// file is reported against every notice that uses it.
pub(crate) fn run(args: &DiffArgs) -> Result<Outcome> {
    let (subject, pairs) = versions(args)?;
    let comparisons: Vec<diff::Comparison> = pairs
        .iter()
        .map(|(old, new)| diff::compare(old, new))
        .collect();
    let text = match &subject {
        None => render(args, &comparisons[0]),
        Some(subject) => render_set(args, subject, &comparisons),
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .context("cannot write to standard output")?;
    let material: usize = comparisons.iter().map(|c| c.count(Class::Material)).sum();
    let any: usize = comparisons.iter().map(|c| c.changes.len()).sum();
    let fail = match args.fail_on {
        Some(FailOn::Material) => material > 0,
        Some(FailOn::Any) => any > 0,
        None => false,
    };
    if fail {
        let what = match args.fail_on {
            Some(FailOn::Material) => format!(
                "{material} material change{} found (--fail-on material)",
                if material == 1 { "" } else { "s" }
            ),
            _ => format!(
                "{any} change{} found (--fail-on any)",
                if any == 1 { "" } else { "s" }
            ),
        };
        eprintln!("notice diff: {what}");
    }
    Ok(if fail {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// One comparison, printed as asked.
fn render(args: &DiffArgs, comparison: &diff::Comparison) -> String {
    if args.changelog {
        diff::render::changelog(comparison, args.date.unwrap_or_else(Date::today))
    } else {
        match args.format {
            DiffFormat::Text => diff::render::text(comparison),
            DiffFormat::Markdown => diff::render::markdown(comparison),
            DiffFormat::Json => diff::render::json(comparison),
        }
    }
}

fn read(path: &Path) -> Result<SourceFile> {
    SourceFile::read(path).map_err(anyhow::Error::from)
}

/// The file as it was at a git revision, by `git show REV:./FILE` run in the file's folder
/// (so the path may be relative to anywhere inside the repository).
fn at_revision(path: &Path, rev: &str) -> Result<SourceFile> {
    if rev.is_empty() || rev.starts_with('-') {
        bail!("`{rev}` is not a git revision");
    }
    let name = path
        .file_name()
        .with_context(|| format!("`{}` is not a file", path.display()))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail!("cannot read `{}`: no such folder", dir.display());
    }
    let spec = format!("{rev}:./{}", name.to_string_lossy());
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["--no-pager", "show", "--no-textconv"])
        .arg(&spec)
        .output()
        .context("cannot run `git` (is it installed and on the PATH?)")?;
    let label = PathBuf::from(format!("{}@{rev}", path.display()));
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        let why = why
            .lines()
            .map(|l| l.trim_start_matches("fatal: ").trim())
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        bail!(
            "cannot read `{}` at revision `{rev}`: {}",
            path.display(),
            if why.is_empty() {
                "git failed".to_owned()
            } else {
                why
            }
        );
    }
    if out.stdout.len() as u64 > MAX_FILE_BYTES {
        bail!(
            "`{}` is {} bytes; a notice file may be at most {MAX_FILE_BYTES} bytes",
            label.display(),
            out.stdout.len()
        );
    }
    SourceFile::from_bytes(&label, out.stdout).map_err(anyhow::Error::from)
}

/// What is being compared: `None` for one notice, or the office file or folder whose
/// notices are compared one by one.
type Versions = (Option<String>, Vec<(Notice, Notice)>);

/// The pairs of versions to compare.
fn versions(args: &DiffArgs) -> Result<Versions> {
    let set_of = |path: &Path| -> Result<bool> {
        Ok(path.is_dir() || notice::office::kind(&read(path)?.text) == Kind::Office)
    };
    match (&args.from, &args.new) {
        (Some(from), _) if set_of(&args.old)? => {
            let mut pairs = Vec::new();
            for path in users(&args.old)? {
                let old = understand(at_revision(&path, from)?, &mut Git { rev: from })?;
                let new = match &args.to {
                    Some(to) => understand(at_revision(&path, to)?, &mut Git { rev: to })?,
                    None => understand(read(&path)?, &mut Disk::default())?,
                };
                pairs.push((old, new));
            }
            Ok((Some(args.old.display().to_string()), pairs))
        }
        (Some(from), _) => {
            let old = understand(at_revision(&args.old, from)?, &mut Git { rev: from })?;
            let new = match &args.to {
                Some(to) => understand(at_revision(&args.old, to)?, &mut Git { rev: to })?,
                None => understand(read(&args.old)?, &mut Disk::default())?,
            };
            Ok((None, vec![(old, new)]))
        }
        (None, Some(new)) if args.old.is_dir() && new.is_dir() => {
            // Two copies of a folder: each notice of the new one with its namesake.
            let mut pairs = Vec::new();
            for path in users(new)? {
                let rel = path.strip_prefix(new).unwrap_or(&path);
                let before = args.old.join(rel);
                if !before.is_file() {
                    eprintln!(
                        "note: `{}` is new: nothing to compare it with",
                        path.display()
                    );
                    continue;
                }
                pairs.push((
                    understand(read(&before)?, &mut Disk::default())?,
                    understand(read(&path)?, &mut Disk::default())?,
                ));
            }
            Ok((Some(new.display().to_string()), pairs))
        }
        (None, Some(new)) if notice::office::kind(&read(new)?.text) == Kind::Office => {
            // Two versions of an office file: every notice that extends the new one, read
            // once with the old office file in its place and once with the new.
            if notice::office::kind(&read(&args.old)?.text) != Kind::Office {
                bail!(
                    "`{}` is a shared office file but `{}` is not: compare two versions of the same kind of file",
                    new.display(),
                    args.old.display()
                );
            }
            let mut pairs = Vec::new();
            for path in users(new)? {
                let mut before = Instead {
                    path: notice::office::normalise(new),
                    source: read(&args.old)?,
                    disk: Disk::default(),
                };
                pairs.push((
                    understand(read(&path)?, &mut before)?,
                    understand(read(&path)?, &mut Disk::default())?,
                ));
            }
            Ok((Some(new.display().to_string()), pairs))
        }
        (None, Some(new)) => Ok((
            None,
            vec![(
                understand(read(&args.old)?, &mut Disk::default())?,
                understand(read(new)?, &mut Disk::default())?,
            )],
        )),
        (None, None) => bail!("give two notice files, or one file and --from REV"),
    }
}

/// The notices to compare for a folder (every notice in it) or an office file (every
/// notice in its folder, or below, that extends it), in a stable order.
fn users(path: &Path) -> Result<Vec<PathBuf>> {
    let (folder, office) = if path.is_dir() {
        (path.to_owned(), None)
    } else {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        (folder, Some(notice::office::normalise(path)))
    };
    let mut out = Vec::new();
    for file in super::collect_inputs(std::slice::from_ref(&folder))? {
        let src = read(&file)?;
        if notice::office::kind(&src.text) == Kind::Office {
            continue;
        }
        let Some(office) = &office else {
            out.push(file);
            continue;
        };
        // The office file this notice extends, as `check` would find it.
        let extends = notice::parse::parse(&src).ok().and_then(|f| f.extends);
        if let Some(extends) = extends {
            let parent = file.parent().unwrap_or(Path::new(""));
            let path = notice::office::normalise(&parent.join(extends.value.trim()));
            let same = path == *office
                || path.file_name() == office.file_name()
                    && std::fs::canonicalize(&path).ok() == std::fs::canonicalize(office).ok();
            if same {
                out.push(file);
            }
        }
    }
    if out.is_empty() {
        bail!(
            "no notice {} `{}`",
            if office.is_some() { "extends" } else { "is in" },
            path.display()
        );
    }
    Ok(out)
}

/// The comparisons of a set, one per notice, each headed by its notice.
fn render_set(args: &DiffArgs, subject: &str, comparisons: &[diff::Comparison]) -> String {
    if matches!(args.format, DiffFormat::Json) && !args.changelog {
        let each: Vec<serde_json::Value> = comparisons
            .iter()
            .map(|c| serde_json::from_str(&diff::render::json(c)).expect("our own JSON"))
            .collect();
        let doc = serde_json::json!({"compared": subject, "notices": each});
        let mut s = serde_json::to_string_pretty(&doc).expect("JSON of plain values");
        s.push('\n');
        return s;
    }
    let n = comparisons.len();
    let mut out = format!(
        "{n} notice{} compared for `{subject}`:\n\n",
        if n == 1 { "" } else { "s" }
    );
    for c in comparisons {
        let heading = match args.format {
            DiffFormat::Markdown if !args.changelog => format!("## `{}`\n\n", c.new.file),
            _ => format!("== {} ==\n\n", c.new.file),
        };
        out.push_str(&heading);
        out.push_str(&render(args, c));
        out.push('\n');
    }
    out
}

/// Reads the office file a notice extends as it was at a git revision.
struct Git<'a> {
    rev: &'a str,
}

impl Loader for Git<'_> {
    fn load(&mut self, path: &Path) -> Result<SourceFile, ReadError> {
        at_revision(path, self.rev)
            .map_err(|e| ReadError::Io(path.to_owned(), std::io::Error::other(format!("{e:#}"))))
    }
}

/// Reads one file's other version in place of the file on disk (the old office file in
/// place of the new), and everything else from disk.
struct Instead {
    path: PathBuf,
    source: SourceFile,
    disk: Disk,
}

impl Loader for Instead {
    fn load(&mut self, path: &Path) -> Result<SourceFile, ReadError> {
        if notice::office::normalise(path) == self.path {
            Ok(self.source.clone())
        } else {
            self.disk.load(path)
        }
    }
}

/// Check a notice (with the office file it extends, read by `loader`); a notice that
/// cannot be understood stops the comparison, with its errors printed. Rule findings do
/// not matter here.
fn understand(src: SourceFile, loader: &mut dyn Loader) -> Result<Notice> {
    let opts = notice::rules::CheckOptions {
        as_of: Date::today(),
    };
    let checked = notice::office::check_with(&src, &opts, loader);
    match checked.notice {
        Some(notice) => Ok(notice),
        None => {
            let color = std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let reports = notice::office::reports(&src, &checked);
            let mut stderr = std::io::stderr().lock();
            let _ = stderr.write_all(emit::human(&reports, color).as_bytes());
            bail!(
                "cannot compare: `{}` is not a notice that can be understood; fix the errors above first",
                src.path.display()
            )
        }
    }
}
