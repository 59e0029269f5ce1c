//! Notices and the shared office files they extend, read from disk (or from anywhere a
//! [`Loader`] reads) and checked as a set.
//!
//! A YAML file is one of two kinds, told from its own text ([`kind`]): a shared office
//! file has a top-level `office:` block; anything else is a notice. A notice's `extends:`
//! names an office file relative to the notice's folder; the office file is read, parsed
//! against its own strict format ([`OfficeFile`]) and merged into the notice
//! ([`crate::model::shared`] holds the merge rules). An office file given on its own is
//! checked as a part: its values, ids and wording, never the disclosures only a whole
//! notice makes.
//!
//! [`check_set`] is the one entry point for commands that take many paths: it reads each
//! file once (an office file shared by ten notices is read once), checks each as a
//! notice or a part, and [`CheckedSet::reports`] turns the findings into one report per
//! file, where a finding in the office file appears once, naming the notices it was found
//! for.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::Checked;
use crate::diag::{Diagnostic, FileReport};
use crate::model::shared::{self, OfficeFile};
use crate::model::{self, Notice};
use crate::parse;
use crate::registry;
use crate::rules;
use crate::rules::CheckOptions;
use crate::source::{FileId, ReadError, SourceFile, Sp, strip_comment};

/// What a YAML file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A notice, published on its own.
    Notice,
    /// A shared office file: a part of the notices that extend it, never published.
    Office,
}

/// Whether a file's text is a notice or a shared office file: an office file has a
/// top-level `office:` key (at the left margin), which no notice has. Read from the text
/// alone, so a file is classed without parsing it or reading any other file.
pub fn kind(text: &str) -> Kind {
    if top_level_key(text, "office").is_some() {
        Kind::Office
    } else {
        Kind::Notice
    }
}

/// The shared office file a notice's text names in its top-level `extends:`, joined to the
/// notice's folder, without parsing the notice (for `build --watch`, which must notice
/// when that file changes). `None` when there is no `extends:` or it names nothing; a bad
/// value is reported when the notice is checked, not here.
pub fn extended_by(notice_path: &Path, text: &str) -> Option<PathBuf> {
    let at = top_level_key(text, "extends")?;
    let line = text[at..].lines().next()?;
    let value = strip_comment(line)
        .trim_start_matches('\u{feff}')
        .strip_prefix("extends:")?
        .trim()
        .trim_matches(['"', '\'']);
    if value.is_empty() {
        return None;
    }
    let folder = notice_path.parent().unwrap_or(Path::new(""));
    Some(normalise(&folder.join(value)))
}

/// The byte offset of a top-level `key:` (at the left margin, outside comments).
fn top_level_key(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = strip_comment(line.trim_start_matches('\u{feff}')).trim_end();
        if let Some(rest) = content.strip_prefix(key)
            && let Some(after) = rest.strip_prefix(':')
            && (after.is_empty() || after.starts_with([' ', '\t']))
        {
            return Some(offset + (line.len() - line.trim_start_matches('\u{feff}').len()));
        }
        offset += line.len();
    }
    None
}

/// Reads the office file a notice extends.
pub trait Loader {
    /// Read the file at `path` (already joined to the notice's folder).
    fn load(&mut self, path: &Path) -> Result<SourceFile, ReadError>;
}

/// Reads from the file system, each file once.
#[derive(Debug, Default)]
pub struct Disk {
    read: BTreeMap<PathBuf, SourceFile>,
}

impl Loader for Disk {
    fn load(&mut self, path: &Path) -> Result<SourceFile, ReadError> {
        if let Some(src) = self.read.get(path) {
            return Ok(src.clone());
        }
        let src = SourceFile::read(path)?;
        self.read.insert(path.to_owned(), src.clone());
        Ok(src)
    }
}

/// A [`Disk`] shared by the workers of a command: each file is still read once.
struct Shared<'a>(&'a Mutex<Disk>);

impl Loader for Shared<'_> {
    fn load(&mut self, path: &Path) -> Result<SourceFile, ReadError> {
        // A worker that panicked holding the lock left the cache whole (an insert is the
        // only change), so its contents can still be used.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .load(path)
    }
}

/// Check one file, reading the office file it extends with `loader`: a notice in full, an
/// office file as a part.
pub fn check_with(src: &SourceFile, opts: &CheckOptions, loader: &mut dyn Loader) -> Checked {
    match kind(&src.text) {
        Kind::Office => check_part(src, opts),
        Kind::Notice => check_notice(src, opts, loader),
    }
}

fn failed(diagnostics: Vec<Diagnostic>, office: Option<SourceFile>) -> Checked {
    let mut diagnostics = diagnostics;
    crate::diag::sort(&mut diagnostics);
    diagnostics.dedup();
    Checked {
        notice: None,
        diagnostics,
        office,
        part: false,
    }
}

fn check_notice(src: &SourceFile, opts: &CheckOptions, loader: &mut dyn Loader) -> Checked {
    let (notice, texts) = match understand(src, loader, true) {
        Ok(understood) => understood,
        Err((diagnostics, office)) => return failed(diagnostics, office),
    };
    let diagnostics = rules::check(&notice, opts);
    let mut checked = Checked {
        office: notice.office.clone(),
        notice: Some(notice),
        diagnostics,
        part: false,
    };
    if !texts.is_empty() {
        checked.diagnostics.extend(texts);
        crate::diag::sort(&mut checked.diagnostics);
        checked.diagnostics.dedup();
    }
    checked
}

/// Read a notice again, with the office file it extends, without judging it: for a notice
/// already checked (so understood), whose model was not kept (`notice build` of many
/// notices). `None` if it cannot be understood after all.
pub fn reread(src: &SourceFile, loader: &mut dyn Loader) -> Option<Notice> {
    understand(src, loader, false)
        .ok()
        .map(|(notice, _)| notice)
}

/// Why a notice could not be understood: the findings, and the office file if it was read.
type NotUnderstood = (Vec<Diagnostic>, Option<SourceFile>);

/// Parse a notice, merge the office file it extends and lower the result: the notice and
/// the findings about its text (only when `texts` is asked for); or every finding, sorted,
/// with the office file if it was read.
fn understand(
    src: &SourceFile,
    loader: &mut dyn Loader,
    texts: bool,
) -> Result<(Notice, Vec<Diagnostic>), NotUnderstood> {
    let file = parse::parse(src).map_err(|diagnostics| (diagnostics, None))?;
    let text_findings = |s: &SourceFile| {
        if texts {
            rules::text::check_source(s)
        } else {
            Vec::new()
        }
    };
    let mut texts = text_findings(src);
    let (file, office) = match file.extends.clone() {
        None => (file, None),
        Some(extends) => {
            let office = match resolve(src, &extends, loader) {
                Ok(office) => office,
                Err(d) => {
                    texts.push(*d);
                    return Err((texts, None));
                }
            };
            texts.extend(text_findings(&office));
            let parsed = match parse_office(&office) {
                Ok(parsed) => parsed,
                Err(d) => {
                    texts.extend(d);
                    return Err((texts, Some(office)));
                }
            };
            let name = office.path.display().to_string();
            match shared::merge(file, parsed, &name) {
                Ok(file) => (file, Some(office)),
                Err((_, d)) => {
                    texts.extend(d);
                    return Err((texts, Some(office)));
                }
            }
        }
    };
    match model::lower(file, src) {
        Ok(mut notice) => {
            notice.office = office;
            Ok((notice, texts))
        }
        Err(mut diagnostics) => {
            diagnostics.extend(texts);
            Err((diagnostics, office))
        }
    }
}

/// An office file on its own: its format, values, ids and wording.
fn check_part(src: &SourceFile, opts: &CheckOptions) -> Checked {
    let src = src.clone().with_id(FileId::Office);
    let mut diagnostics = rules::text::check_source(&src);
    match parse_office(&src) {
        Err(d) => diagnostics.extend(d),
        Ok(parsed) => match model::lower(shared::alone(parsed), &src) {
            Ok(notice) => diagnostics.extend(rules::check_part(&notice, opts)),
            Err(d) => diagnostics.extend(d),
        },
    }
    crate::diag::sort(&mut diagnostics);
    diagnostics.dedup();
    Checked {
        notice: None,
        diagnostics,
        office: Some(src),
        part: true,
    }
}

/// Parse an office file, refusing one that extends another (one level only).
fn parse_office(src: &SourceFile) -> Result<OfficeFile, Vec<Diagnostic>> {
    if let Some(at) = top_level_key(&src.text, "extends") {
        return Err(vec![registry::EXTENDS_UNUSABLE.diag(
            src.span_of(at, at + "extends".len()),
            "extends",
            "a shared office file cannot extend another file: notices extend an office file, one level only".to_owned(),
            Some("remove `extends:` from the office file, and put the blocks it needs into this file"),
        )]);
    }
    parse::parse_as::<OfficeFile>(src)
}

/// Find, read and class the office file `extends` names.
fn resolve(
    src: &SourceFile,
    extends: &Sp<String>,
    loader: &mut dyn Loader,
) -> Result<SourceFile, Box<Diagnostic>> {
    let written = extends.value.trim();
    let unusable = |message: String, help: &str| {
        Box::new(registry::EXTENDS_UNUSABLE.diag(extends.span, "extends", message, Some(help)))
    };
    let relative = Path::new(written);
    if written.is_empty() {
        return Err(unusable(
            "`extends` is empty".to_owned(),
            "write the path of the shared office file, e.g. `extends: office.yaml`",
        ));
    }
    if written.contains("://")
        || relative.has_root()
        || relative
            .components()
            .any(|c| matches!(c, Component::Prefix(_)))
    {
        return Err(unusable(
            format!("`{written}` is not a path relative to this notice"),
            "write the office file's path from this notice's folder, e.g. `office.yaml` or `../office.yaml`, so the notice builds the same on every computer",
        ));
    }
    if !matches!(
        relative.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    ) {
        return Err(unusable(
            format!("`{written}` is not a YAML file"),
            "name the shared office file, ending `.yaml` or `.yml`",
        ));
    }
    let folder = src.path.parent().unwrap_or(Path::new(""));
    let path = normalise(&folder.join(relative));
    if path == normalise(&src.path) {
        return Err(unusable(
            "a notice cannot extend itself".to_owned(),
            "name the shared office file, which holds an `office:` block",
        ));
    }
    let office = loader.load(&path).map_err(|e| {
        unusable(
            format!("cannot use the shared office file: {e}"),
            "write the office file's path from this notice's folder, e.g. `office.yaml`",
        )
    })?;
    if office
        .text
        .lines()
        .all(|l| strip_comment(l).trim().is_empty())
    {
        return Err(unusable(
            format!("`{}` is empty", path.display()),
            "start the shared office file with its `office:` block (`office:` then `  name: Your office`)",
        ));
    }
    if kind(&office.text) != Kind::Office {
        return Err(unusable(
            format!("`{}` is a notice, not a shared office file", path.display()),
            "a notice can extend only a shared office file, which starts with an `office:` block (`office:` then `  name: Your office`)",
        ));
    }
    Ok(office.with_id(FileId::Office))
}

/// A path with `.` and `..` worked out by hand, so one office file named from several
/// folders is one file (`notices/a/../office.yaml` is `notices/office.yaml`).
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !matches!(out.components().next_back(), Some(Component::Normal(_))) || !out.pop()
                {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// One file checked: the source and what was found.
#[derive(Debug)]
pub struct CheckedFile {
    /// The file as read.
    pub source: SourceFile,
    /// The findings. The notice itself is not kept once the set has been judged.
    pub checked: Checked,
    /// Whether it is a notice that could be understood.
    pub understood: bool,
}

impl CheckedFile {
    /// Whether this file is a shared office file (a part, not a notice to publish).
    pub fn is_part(&self) -> bool {
        self.checked.part
    }
}

/// Every file of a command line checked, in order, with the files that could not be read.
#[derive(Debug, Default)]
pub struct CheckedSet {
    /// The files read, notices and office files, in the order given.
    pub files: Vec<CheckedFile>,
    /// The files that could not be read.
    pub unreadable: Vec<ReadError>,
}

/// How much notice text a command keeps its checked notices in memory for. Past it, a
/// notice is dropped once checked, unless it names other notices (a first layer, judged
/// with its layers), and read again from its text when it is needed: to judge a set it is a
/// layer of, or to be rendered. So memory stays flat however many notices there are (a
/// checked notice takes about seven times the size of its YAML), and the findings are the
/// same either way.
pub const KEEP_NOTICES_UP_TO_BYTES: usize = 8 * 1024 * 1024;

/// Read and check every file: notices in full (with the office files they extend, each
/// read once), office files as parts. Only the findings are kept: each notice is dropped
/// once it has been judged (see [`KEEP_NOTICES_UP_TO_BYTES`]).
pub fn check_set(paths: &[PathBuf], opts: &CheckOptions) -> CheckedSet {
    let disk = Mutex::new(Disk::default());
    let read = crate::parallel::map(paths, |path| {
        // Keep the path as given for messages; the loader's copy is keyed by the
        // normalised path, the way `extends` names it.
        Shared(&disk)
            .load(&normalise(path))
            .map(|read| SourceFile::from_text(path.clone(), read.text))
    });
    let mut set = CheckedSet::default();
    let mut sources = Vec::new();
    for r in read {
        match r {
            Ok(source) => sources.push(source),
            Err(e) => set.unreadable.push(e),
        }
    }
    let keep = sources.iter().map(|s| s.text.len()).sum::<usize>() <= KEEP_NOTICES_UP_TO_BYTES;
    set.files = crate::parallel::map_sized(
        sources,
        |s| s.text.len(),
        |source| {
            let mut checked = check_with(&source, opts, &mut Shared(&disk));
            let understood = checked.notice.is_some();
            if !keep {
                checked.notice = checked.notice.filter(rules::set::names_others);
            }
            CheckedFile {
                source,
                checked,
                understood,
            }
        },
    );
    // Layered notices are judged as sets: a disclosure made in any layer counts.
    judge_layered(
        set.files
            .iter_mut()
            .map(|f| rules::set::Member {
                source: &f.source,
                notice: f.checked.notice.as_ref(),
                understood: f.understood,
                diagnostics: &mut f.checked.diagnostics,
            })
            .collect(),
        opts,
    );
    // Only the findings are wanted from here on: the notices go, so that checking many
    // notices holds only their findings.
    for f in &mut set.files {
        f.checked.notice = None;
    }
    set
}

/// Judge notices checked together as [`rules::set`] says: layers named but missing, and
/// layered notices' disclosures over their whole set. A caller short of memory may give
/// only the notices that name others ([`rules::set::names_others`]): a layer one of them
/// names whose notice was not given is parsed and lowered again from its text (without its
/// rules, which have run), on every core, and dropped after the judging.
pub fn judge_layered(members: Vec<rules::set::Member<'_>>, opts: &CheckOptions) {
    let layers: std::collections::BTreeSet<&str> = members
        .iter()
        .filter_map(|m| m.notice)
        .flat_map(rules::set::layer_stems)
        .collect();
    let needed: Vec<(usize, &SourceFile)> = members
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.notice.is_none()
                && m.understood
                && layers.contains(rules::set::stem_of(&m.source.path).as_str())
        })
        .map(|(k, m)| (k, m.source))
        .collect();
    let disk = Mutex::new(Disk::default());
    let again: Vec<(usize, Option<Notice>)> = crate::parallel::map(&needed, |&(k, source)| {
        (k, reread(source, &mut Shared(&disk)))
    });
    // Rebound, so the members may borrow the notices read again here.
    let mut members = members;
    for (k, notice) in &again {
        members[*k].notice = notice.as_ref();
    }
    rules::set::check(&mut members, opts);
}

impl CheckedSet {
    /// The findings, one report per file: each notice's own, then each office file's
    /// once, however many notices found them.
    pub fn reports(&self) -> Vec<FileReport> {
        merge_parts(
            self.files
                .iter()
                .flat_map(|f| reports(&f.source, &f.checked))
                .map(Cow::Owned),
        )
        .into_iter()
        .map(Cow::into_owned)
        .collect()
    }
}

/// One file's findings as reports, one per file they point into: the notice's own, and
/// (when it extends an office file with findings) the office file's, each finding there
/// naming the notice it was found for.
pub fn reports(source: &SourceFile, checked: &Checked) -> Vec<FileReport> {
    split(
        source,
        checked.office.as_ref(),
        checked.part,
        checked.diagnostics.clone(),
    )
}

/// Findings about a notice (or, when `part`, about an office file checked on its own)
/// split into one report per file they point into.
pub fn split(
    source: &SourceFile,
    office: Option<&SourceFile>,
    part: bool,
    diagnostics: Vec<Diagnostic>,
) -> Vec<FileReport> {
    let (own, theirs): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics
        .into_iter()
        .partition(|d| d.span.file == FileId::Notice && !part);
    let mut out = Vec::new();
    if !part {
        out.push(FileReport {
            source: source.clone(),
            diagnostics: own,
        });
    }
    if let Some(office) = office
        && (part || !theirs.is_empty())
    {
        let name = source.path.display().to_string();
        let diagnostics = theirs
            .into_iter()
            .map(|mut d| {
                if !part {
                    d.notices.push(name.clone());
                }
                d
            })
            .collect();
        out.push(FileReport {
            source: office.clone(),
            diagnostics,
        });
    }
    out
}

/// Reports of the same office file made into one, in the place of the first, with each
/// finding once: a finding several notices met lists them all. A notice's own report passes
/// through as it came (borrowed reports are not copied).
pub fn merge_parts<'a>(
    reports: impl IntoIterator<Item = Cow<'a, FileReport>>,
) -> Vec<Cow<'a, FileReport>> {
    let mut out: Vec<Cow<'a, FileReport>> = Vec::new();
    let mut index: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for report in reports {
        if report.source.id != FileId::Office {
            out.push(report);
            continue;
        }
        let key = normalise(&report.source.path);
        let Some(&at) = index.get(&key) else {
            index.insert(key, out.len());
            out.push(Cow::Owned(report.into_owned()));
            continue;
        };
        let into = &mut out[at].to_mut().diagnostics;
        for d in report.into_owned().diagnostics {
            let same = |e: &Diagnostic| {
                e.rule == d.rule
                    && e.span == d.span
                    && e.message == d.message
                    && e.path == d.path
                    && e.help == d.help
            };
            match into.iter_mut().find(|e| same(e)) {
                Some(e) => e.notices.extend(d.notices),
                None => into.push(d),
            }
        }
    }
    for r in &mut out {
        if r.source.id == FileId::Office {
            let r = r.to_mut();
            for d in &mut r.diagnostics {
                d.notices.sort();
                d.notices.dedup();
            }
            crate::diag::sort(&mut r.diagnostics);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_office_file_a_notice_extends_is_found_without_parsing() {
        let at = Path::new("notices/cctv.yaml");
        let found = |text: &str| extended_by(at, text);
        let office = Some(PathBuf::from("notices/office.yaml"));
        assert_eq!(found("extends: office.yaml\nnotice:\n  title: x\n"), office);
        assert_eq!(
            found("notice:\n  title: x\nextends: \"office.yaml\" # shared\n"),
            office
        );
        assert_eq!(found("\u{feff}extends: 'office.yaml'\n"), office);
        assert_eq!(
            found("extends: ../office.yaml\n"),
            Some(PathBuf::from("office.yaml"))
        );
        // Not at the top level, empty, or absent: nothing.
        assert_eq!(found("notice:\n  extends: office.yaml\n"), None);
        assert_eq!(found("extends:\n"), None);
        assert_eq!(found("# extends: office.yaml\nnotice: {}\n"), None);
    }
}
