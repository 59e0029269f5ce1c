//! `notice diff`: read two versions of a notice (two files, or one file at git revisions),
//! compare them, print the changes, and exit 1 under `--fail-on` when one is found.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use super::Outcome;
use crate::cli::{DiffArgs, DiffFormat, FailOn};
use notice::diag::{FileReport, emit};
use notice::diff::{self, Class};
use notice::model::{Date, Notice};
use notice::source::{MAX_FILE_BYTES, SourceFile};

/// Run `notice diff`.
pub(crate) fn run(args: &DiffArgs) -> Result<Outcome> {
    let (old, new) = match (&args.from, &args.new) {
        (Some(from), _) => (
            at_revision(&args.old, from)?,
            match &args.to {
                Some(to) => at_revision(&args.old, to)?,
                None => read(&args.old)?,
            },
        ),
        (None, Some(new)) => (read(&args.old)?, read(new)?),
        (None, None) => bail!("give two notice files, or one file and --from REV"),
    };
    let old = understand(old)?;
    let new = understand(new)?;
    let comparison = diff::compare(&old, &new);

    let text = if args.changelog {
        diff::render::changelog(&comparison, args.date.unwrap_or_else(Date::today))
    } else {
        match args.format {
            DiffFormat::Text => diff::render::text(&comparison),
            DiffFormat::Markdown => diff::render::markdown(&comparison),
            DiffFormat::Json => diff::render::json(&comparison),
        }
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .context("cannot write to standard output")?;

    let fail = match args.fail_on {
        Some(FailOn::Material) => comparison.has_material(),
        Some(FailOn::Any) => !comparison.changes.is_empty(),
        None => false,
    };
    if fail {
        let m = comparison.count(Class::Material);
        let what = match args.fail_on {
            Some(FailOn::Material) => format!(
                "{m} material change{} found (--fail-on material)",
                if m == 1 { "" } else { "s" }
            ),
            _ => format!(
                "{} change{} found (--fail-on any)",
                comparison.changes.len(),
                if comparison.changes.len() == 1 {
                    ""
                } else {
                    "s"
                }
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

/// Parse and lower a notice; a notice that cannot be understood stops the comparison, with
/// its errors printed. Rule findings do not matter here.
fn understand(src: SourceFile) -> Result<Notice> {
    let parsed = notice::parse::parse(&src).and_then(|file| notice::model::lower(file, &src));
    match parsed {
        Ok(notice) => Ok(notice),
        Err(diagnostics) => {
            let color = std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let report = FileReport {
                source: src.clone(),
                diagnostics,
            };
            let mut stderr = std::io::stderr().lock();
            let _ = stderr.write_all(emit::human(&[report], color).as_bytes());
            bail!(
                "cannot compare: `{}` is not a notice that can be understood; fix the errors above first",
                src.path.display()
            )
        }
    }
}
