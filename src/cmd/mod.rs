//! The subcommands, each a function from parsed arguments to an exit status.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod diff;
pub(crate) mod info;
pub(crate) mod init;
pub(crate) mod manual;
pub(crate) mod watch;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

/// How a command ended, as the exit status CI scripts read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing wrong (exit 0).
    Clean,
    /// A notice has error-level findings, or warnings under --deny-warnings (exit 1).
    Findings,
    /// A file could not be read, so not everything was checked (exit 2).
    Unreadable,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        match o {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::Findings => ExitCode::from(1),
            Outcome::Unreadable => ExitCode::from(2),
        }
    }
}

/// Expand the paths given on the command line into notice files, in a stable order.
/// A folder contributes every `*.yaml` and `*.yml` file directly inside it or below.
pub(crate) fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        let meta =
            std::fs::metadata(p).with_context(|| format!("cannot read `{}`", p.display()))?;
        if meta.is_dir() {
            let before = files.len();
            walk(p, &mut files)?;
            if files.len() == before {
                bail!("`{}` contains no .yaml or .yml files", p.display());
            }
        } else {
            files.push(p.clone());
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    files.retain(|f| seen.insert(f.clone()));
    Ok(files)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read folder `{}`", dir.display()))?
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("cannot read folder `{}`", dir.display()))?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for e in entries {
        let path = e.path();
        let ft = e
            .file_type()
            .with_context(|| format!("cannot read `{}`", path.display()))?;
        if ft.is_dir() {
            walk(&path, out)?;
        } else if matches!(
            path.extension().and_then(|x| x.to_str()),
            Some("yaml" | "yml")
        ) {
            out.push(path);
        }
    }
    Ok(())
}
