//! `notice build --watch`: build, then build again whenever a notice or a template changes.
//!
//! An officer edits a notice with the HTML open in a browser: every save rebuilds it and
//! prints its findings, and a reload shows the result. The watcher polls the files' sizes
//! and modification times (ten times a second; no platform file-event API, so it works the
//! same on every system and on network drives). A changed notice is built on its own; a
//! changed template or shared office file, or a notice added or removed, rebuilds every
//! notice. Errors (a notice
//! that cannot be understood, a folder that cannot be written) are printed and watching
//! goes on.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::Result;

use super::{Outcome, collect_inputs};
use crate::cli::BuildArgs;

/// How often the files are looked at.
const POLL: Duration = Duration::from_millis(100);
/// How long the files must stay the same before building: editors often save a file in
/// more than one write.
const SETTLE: Duration = Duration::from_millis(40);

/// What is known about one watched file: its size and modification time.
type Stamp = (u64, Option<SystemTime>);

/// The files being watched, split by what a change to them means.
#[derive(Debug, Default, PartialEq)]
struct Snapshot {
    /// The notices, as `notice build` would find them now.
    notices: BTreeMap<PathBuf, Stamp>,
    /// Everything under `--templates`.
    shared: BTreeMap<PathBuf, Stamp>,
    /// Why the notices could not be listed (a folder removed), if they could not.
    error: Option<String>,
}

/// Run `notice build --watch`: exits only on Ctrl-C, or after `--watch-builds` builds.
pub(crate) fn run(args: &BuildArgs) -> Result<Outcome> {
    let mut builds = 0;
    let mut last = Outcome::Clean;
    let mut seen = snapshot(args);
    let mut todo: Option<Vec<PathBuf>> = None; // None: every notice.
    loop {
        if let Some(e) = &seen.error {
            eprintln!("error: {e}");
        } else {
            let files: Vec<PathBuf> = match &todo {
                Some(changed) => changed.clone(),
                None => seen.notices.keys().cloned().collect(),
            };
            last = match super::build::build(args, &files) {
                Ok(outcome) => outcome,
                Err(e) => {
                    eprintln!("error: {e:#}");
                    Outcome::Unreadable
                }
            };
        }
        builds += 1;
        if args.watch_builds.is_some_and(|n| builds >= n) {
            return Ok(last);
        }
        let _ = std::io::stdout().flush();
        let named_parts = seen.notices.keys().filter(|p| is_part(p)).count();
        let notices = seen.notices.len() - named_parts;
        // Office files named on the command line, and those the notices extend.
        let parts = named_parts + seen.shared.keys().filter(|p| is_part(p)).count();
        eprintln!(
            "watching {notices} notice{}{} for changes (Ctrl-C stops)",
            if notices == 1 { "" } else { "s" },
            match parts {
                0 => String::new(),
                1 => " and 1 shared office file".to_owned(),
                n => format!(" and {n} shared office files"),
            },
        );
        let now = wait_for_change(args, &seen);
        todo = what_to_build(&seen, &now);
        match &todo {
            Some(changed) => {
                let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
                eprintln!("\nchanged: {}", names.join(", "));
            }
            None => eprintln!(
                "\nchanged: templates, a shared office file or the list of notices; building every notice"
            ),
        }
        seen = now;
    }
}

/// Poll until the files differ from `seen` and then stay the same for [`SETTLE`].
fn wait_for_change(args: &BuildArgs, seen: &Snapshot) -> Snapshot {
    loop {
        std::thread::sleep(POLL);
        let now = snapshot(args);
        if now == *seen {
            continue;
        }
        let mut settled = now;
        loop {
            std::thread::sleep(SETTLE);
            let again = snapshot(args);
            if again == settled {
                return settled;
            }
            settled = again;
        }
    }
}

/// The notices to build after `before` became `after`: only the changed ones, or `None`
/// (every notice) when a template changed or notices were added or removed.
fn what_to_build(before: &Snapshot, after: &Snapshot) -> Option<Vec<PathBuf>> {
    let same_list = before.notices.keys().eq(after.notices.keys());
    if before.shared != after.shared || !same_list || before.error != after.error {
        return None;
    }
    let changed: Vec<PathBuf> = after
        .notices
        .iter()
        .filter(|(path, stamp)| before.notices.get(*path) != Some(stamp))
        .map(|(path, _)| path.clone())
        .collect();
    // A shared office file is part of every notice that extends it: build them all.
    if changed.iter().any(|p| is_part(p)) {
        return None;
    }
    Some(changed)
}

/// Whether a file is a shared office file (a part of the notices that extend it).
fn is_part(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .is_ok_and(|t| notice::office::kind(&t) == notice::office::Kind::Office)
}

fn snapshot(args: &BuildArgs) -> Snapshot {
    let mut snap = Snapshot::default();
    match collect_inputs(&args.input.paths) {
        Ok(files) => {
            // The shared office files the notices extend are watched too, wherever they
            // are: a change to one rebuilds every notice.
            let offices: BTreeSet<PathBuf> = files
                .iter()
                .filter_map(|f| {
                    let text = std::fs::read_to_string(f).ok()?;
                    notice::office::extended_by(f, &text)
                })
                .filter(|o| !files.iter().any(|f| notice::office::normalise(f) == *o))
                .collect();
            snap.shared.extend(stamps(offices));
            snap.notices = stamps(files);
        }
        Err(e) => snap.error = Some(format!("{e:#}")),
    }
    if let Some(dir) = &args.templates {
        let mut files = BTreeSet::new();
        list_files(dir, &mut files);
        snap.shared.extend(stamps(files));
        // The folder itself: removing or replacing it is a change too.
        snap.shared.insert(dir.clone(), stamp(dir));
    }
    snap
}

fn stamps(files: impl IntoIterator<Item = PathBuf>) -> BTreeMap<PathBuf, Stamp> {
    files
        .into_iter()
        .map(|f| {
            let s = stamp(&f);
            (f, s)
        })
        .collect()
}

fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path).map_or((u64::MAX, None), |m| (m.len(), m.modified().ok()))
}

fn list_files(dir: &Path, out: &mut BTreeSet<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            list_files(&path, out);
        } else {
            out.insert(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(notices: &[(&str, u64)], shared: &[(&str, u64)]) -> Snapshot {
        let map = |items: &[(&str, u64)]| {
            items
                .iter()
                .map(|(p, n)| (PathBuf::from(p), (*n, None)))
                .collect()
        };
        Snapshot {
            notices: map(notices),
            shared: map(shared),
            error: None,
        }
    }

    #[test]
    fn only_changed_notices_are_rebuilt() {
        let before = snap(&[("a.yaml", 1), ("b.yaml", 1)], &[("t/page.html.j2", 1)]);
        let after = snap(&[("a.yaml", 1), ("b.yaml", 2)], &[("t/page.html.j2", 1)]);
        assert_eq!(
            what_to_build(&before, &after),
            Some(vec![PathBuf::from("b.yaml")])
        );
    }

    #[test]
    fn a_template_or_a_new_notice_rebuilds_everything() {
        let before = snap(&[("a.yaml", 1)], &[("t/page.html.j2", 1)]);
        let template = snap(&[("a.yaml", 1)], &[("t/page.html.j2", 2)]);
        assert_eq!(what_to_build(&before, &template), None);
        let added = snap(&[("a.yaml", 1), ("b.yaml", 1)], &[("t/page.html.j2", 1)]);
        assert_eq!(what_to_build(&before, &added), None);
    }
}
