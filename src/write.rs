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

/// Write every artifact under `out`: each into a temporary file beside its target, all
/// flushed to disk side by side (a flush waits on the disk, and the waits overlap), then
/// each renamed into place. A failure before the renames leaves every target as it was;
/// no file is ever left half-written, and no temporary file is left behind.
pub fn write_all(out: &Path, artifacts: &[Artifact]) -> Result<Vec<PathBuf>, WriteError> {
    let paths: Vec<PathBuf> = artifacts
        .iter()
        .map(|a| {
            debug_assert!(
                a.rel_path
                    .components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
            );
            out.join(&a.rel_path)
        })
        .collect();
    let staged: Vec<Result<PathBuf, WriteError>> = if artifacts.len() <= 1 {
        paths
            .iter()
            .zip(artifacts)
            .map(|(p, a)| stage(p, &a.bytes))
            .collect()
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = paths
                .iter()
                .zip(artifacts)
                .map(|(p, a)| scope.spawn(move || stage(p, &a.bytes)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("writing a file does not panic"))
                .collect()
        })
    };
    let mut temps = Vec::new();
    let mut first_error = None;
    for s in staged {
        match s {
            Ok(tmp) => temps.push(tmp),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if let Some(e) = first_error {
        for tmp in &temps {
            let _ = std::fs::remove_file(tmp);
        }
        return Err(e);
    }
    for (i, (tmp, path)) in temps.iter().zip(&paths).enumerate() {
        if let Err(e) = commit(tmp, path) {
            for rest in &temps[i + 1..] {
                let _ = std::fs::remove_file(rest);
            }
            return Err(e);
        }
    }
    Ok(paths)
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
