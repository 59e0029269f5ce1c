//! Writing outputs: atomically, and only inside the output folder.
//!
//! Each file is written to a temporary file in its target folder and then renamed over the
//! target, so a reader (or a web server) sees either the old file or the new one, never a
//! half-written one, and a build that fails or is interrupted leaves the previous outputs
//! intact. Output folder names come from notice file names, which are made safe first, so no
//! notice name can write outside `--out`.

use std::io::Write;
use std::path::{Path, PathBuf};

/// A file to write: where (relative to the output folder) and what.
#[derive(Debug, Clone)]
pub struct Artifact {
    /// The path relative to the output folder, e.g. `kent/kent.html`.
    pub rel_path: PathBuf,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// Why an output could not be written; each names its path.
#[derive(Debug)]
pub struct WriteError {
    /// The path that failed.
    pub path: PathBuf,
    /// What failed.
    pub source: std::io::Error,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hint = match self.source.kind() {
            std::io::ErrorKind::PermissionDenied => " (the folder is not writable)",
            std::io::ErrorKind::StorageFull => " (the disk is full)",
            std::io::ErrorKind::ReadOnlyFilesystem => " (the file system is read-only)",
            _ => "",
        };
        write!(
            f,
            "cannot write `{}`: {}{hint}",
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for WriteError {}

/// A folder name made from a notice file's stem: letters, digits, `-`, `_` and `.` kept,
/// anything else replaced by `-`, never empty, never `.` or `..`.
pub fn safe_stem(stem: &str) -> String {
    let mut out: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    out = out.trim_matches('.').to_owned();
    if out.is_empty() {
        out.push_str("notice");
    }
    out.chars().take(100).collect()
}

/// Write `bytes` to `path` atomically: a temporary file beside it, flushed, then renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let tmp = stage(path, bytes)?;
    commit(&tmp, path)
}

/// Write every artifact under `out`, all or nothing: the files are flushed to disk side by
/// side (a flush waits on the disk, and the waits overlap), then renamed into place. A
/// failure before the renames leaves every target as it was; no file is ever left
/// half-written, and no temporary file is left behind.
pub fn write_all(out: &Path, artifacts: Vec<Artifact>) -> Result<Vec<PathBuf>, WriteError> {
    let batch = Batch::new(out, artifacts);
    let finished = if batch.len() <= 1 {
        (0..batch.len()).find_map(|i| batch.stage(i))
    } else {
        std::thread::scope(|scope| {
            let batch = &batch;
            let handles: Vec<_> = (0..batch.len())
                .map(|i| scope.spawn(move || batch.stage(i)))
                .collect();
            // Every thread is joined; exactly one of them finished the batch.
            let outcomes: Vec<Option<Finished>> = handles
                .into_iter()
                .map(|h| h.join().expect("writing a file does not panic"))
                .collect();
            outcomes.into_iter().flatten().next()
        })
    };
    match finished {
        None => Ok(Vec::new()),
        Some(Finished::Written(paths)) => Ok(paths),
        Some(Finished::Failed(e)) => Err(e),
        Some(Finished::Abandoned) => unreachable!("write_all abandons no file"),
    }
}

/// A set of files (one notice's) written all or nothing, by one thread or several.
///
/// Each file is staged (written to a temporary file beside its target and flushed to disk)
/// by whichever thread takes it; the thread that finishes the last file renames them all
/// into place or, if any could not be written, removes the others' temporary files, so every
/// target is left as it was. A build's writer threads share the files of the notices in
/// flight this way, so that a notice's flushes overlap without a thread per file.
#[derive(Debug)]
pub struct Batch {
    files: Vec<(PathBuf, Vec<u8>)>,
    staging: std::sync::Mutex<Staging>,
}

/// What the threads staging a batch have done so far.
#[derive(Debug)]
struct Staging {
    /// Files not yet staged or given up.
    left: usize,
    /// Each file's temporary file, once staged.
    temps: Vec<Option<PathBuf>>,
    /// The first file that could not be written.
    error: Option<WriteError>,
    /// Whether a file was given up without being written.
    abandoned: bool,
}

/// What became of a batch, told to the thread that finished it.
#[derive(Debug)]
pub enum Finished {
    /// Every file is in place: their paths, in the batch's order.
    Written(Vec<PathBuf>),
    /// A file could not be written; nothing of the batch was left behind.
    Failed(WriteError),
    /// A file was given up before it was written; nothing of the batch was left behind.
    Abandoned,
}

impl Batch {
    /// A batch of `artifacts`, to be written under `out`.
    pub fn new(out: &Path, artifacts: Vec<Artifact>) -> Self {
        let files: Vec<(PathBuf, Vec<u8>)> = artifacts
            .into_iter()
            .map(|a| {
                debug_assert!(
                    a.rel_path
                        .components()
                        .all(|c| matches!(c, std::path::Component::Normal(_)))
                );
                (out.join(&a.rel_path), a.bytes)
            })
            .collect();
        let staging = Staging {
            left: files.len(),
            temps: vec![None; files.len()],
            error: None,
            abandoned: false,
        };
        Self {
            files,
            staging: std::sync::Mutex::new(staging),
        }
    }

    /// How many files the batch holds.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether the batch holds no file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Write and flush the `i`th file (each index once). The call that finishes the batch,
    /// in whichever thread, returns what became of it.
    pub fn stage(&self, i: usize) -> Option<Finished> {
        let (path, bytes) = &self.files[i];
        let staged = stage(path, bytes);
        self.settle(i, Some(staged))
    }

    /// Give up the `i`th file without writing it (each index once): the batch is then not
    /// written. The call that finishes the batch returns what became of it.
    pub fn abandon(&self, i: usize) -> Option<Finished> {
        self.settle(i, None)
    }

    fn settle(&self, i: usize, staged: Option<Result<PathBuf, WriteError>>) -> Option<Finished> {
        let mut state = match self.staging.lock() {
            Ok(state) => state,
            Err(poisoned) => poisoned.into_inner(),
        };
        match staged {
            Some(Ok(tmp)) => state.temps[i] = Some(tmp),
            Some(Err(e)) => {
                state.error.get_or_insert(e);
            }
            None => state.abandoned = true,
        }
        state.left -= 1;
        if state.left > 0 {
            return None;
        }
        let temps: Vec<PathBuf> = state.temps.iter_mut().filter_map(Option::take).collect();
        if let Some(e) = state.error.take() {
            remove_all(&temps);
            return Some(Finished::Failed(e));
        }
        if state.abandoned {
            remove_all(&temps);
            return Some(Finished::Abandoned);
        }
        for (k, (tmp, (path, _))) in temps.iter().zip(&self.files).enumerate() {
            if let Err(e) = commit(tmp, path) {
                remove_all(&temps[k + 1..]);
                return Some(Finished::Failed(e));
            }
        }
        Some(Finished::Written(
            self.files.iter().map(|(p, _)| p.clone()).collect(),
        ))
    }
}

fn remove_all(temps: &[PathBuf]) {
    for tmp in temps {
        let _ = std::fs::remove_file(tmp);
    }
}

/// Write `bytes` to a new temporary file beside `path` and flush it to disk; returns the
/// temporary file's path. On failure nothing is left behind.
fn stage(path: &Path, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|source| WriteError {
        path: dir.to_owned(),
        source,
    })?;
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    // Unique within the process too: two workers never share a temporary file.
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()
    })();
    match result {
        Ok(()) => Ok(tmp),
        Err(source) => {
            let _ = std::fs::remove_file(&tmp);
            Err(WriteError {
                path: path.to_owned(),
                source,
            })
        }
    }
}

/// Rename a staged temporary file over its target.
fn commit(tmp: &Path, path: &Path) -> Result<(), WriteError> {
    std::fs::rename(tmp, path).map_err(|source| {
        let _ = std::fs::remove_file(tmp);
        WriteError {
            path: path.to_owned(),
            source,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_cannot_escape() {
        assert_eq!(safe_stem("../../etc/passwd"), "-..-etc-passwd");
        assert_eq!(safe_stem(".."), "notice");
        assert_eq!(safe_stem(""), "notice");
        assert_eq!(safe_stem("kent 2018"), "kent-2018");
        assert_eq!(safe_stem("hampshire"), "hampshire");
        for s in ["..", "../x", "a/b", "a\\b", "/abs"] {
            let p = PathBuf::from(safe_stem(s));
            assert!(
                p.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_))),
                "{s}"
            );
        }
    }

    fn artifact(rel: &str, bytes: &[u8]) -> Artifact {
        Artifact {
            rel_path: PathBuf::from(rel),
            bytes: bytes.to_vec(),
        }
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_batch_staged_by_several_threads_is_finished_once() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<Artifact> = (0..8)
            .map(|i| artifact(&format!("n/{i}.txt"), format!("file {i}").as_bytes()))
            .collect();
        let batch = Batch::new(dir.path(), files);
        let finished: Vec<Finished> = std::thread::scope(|scope| {
            let batch = &batch;
            let handles: Vec<_> = (0..batch.len())
                .map(|i| scope.spawn(move || batch.stage(i)))
                .collect();
            let all: Vec<Option<Finished>> =
                handles.into_iter().map(|h| h.join().unwrap()).collect();
            all.into_iter().flatten().collect()
        });
        assert_eq!(finished.len(), 1, "exactly one thread finishes the batch");
        let Finished::Written(paths) = &finished[0] else {
            panic!("not written: {:?}", finished[0]);
        };
        for (i, p) in paths.iter().enumerate() {
            assert_eq!(p, &dir.path().join(format!("n/{i}.txt")));
            assert_eq!(std::fs::read_to_string(p).unwrap(), format!("file {i}"));
        }
        assert_eq!(
            entries(&dir.path().join("n")).len(),
            8,
            "no temporary file left"
        );
    }

    #[test]
    fn a_batch_with_a_failed_file_leaves_every_target_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        write_all(dir.path(), vec![artifact("n/a.txt", b"old a")]).unwrap();
        // `blocked` is a file, so nothing can be written under it.
        std::fs::write(dir.path().join("blocked"), b"").unwrap();
        let err = write_all(
            dir.path(),
            vec![
                artifact("n/a.txt", b"new a"),
                artifact("blocked/b.txt", b"new b"),
                artifact("n/c.txt", b"new c"),
            ],
        )
        .unwrap_err();
        assert!(err.path.starts_with(dir.path().join("blocked")), "{err}");
        assert_eq!(std::fs::read(dir.path().join("n/a.txt")).unwrap(), b"old a");
        assert_eq!(
            entries(&dir.path().join("n")),
            ["a.txt"],
            "nothing new, no temporary file"
        );
    }

    #[test]
    fn an_abandoned_batch_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let batch = Batch::new(
            dir.path(),
            vec![artifact("n/a.txt", b"a"), artifact("n/b.txt", b"b")],
        );
        assert!(batch.stage(0).is_none(), "one file is still to come");
        assert!(matches!(batch.abandon(1), Some(Finished::Abandoned)));
        assert!(
            entries(&dir.path().join("n")).is_empty(),
            "the staged file is removed"
        );
    }

    #[test]
    fn writes_atomically_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b.txt");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("a")).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary files left behind");
    }
}
