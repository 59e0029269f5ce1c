//! The wording templates: built in, and overridable one file at a time.
//!
//! Every sentence `notice` writes itself (the at-a-glance summary, the rights that follow
//! from each lawful basis, how to complain, the ICO's details) comes from a minijinja
//! template in `templates/`, compiled into the binary. An office can replace any one of them
//! by putting a file of the same name in a folder passed with `--templates DIR`; the rest
//! still come from the built-in set. `notice init --templates DIR` copies the defaults out.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use minijinja::{Environment, UndefinedBehavior};
use regex::Regex;

/// The built-in templates: name and text.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("notice.md.j2", include_str!("../templates/notice.md.j2")),
    ("law.md.j2", include_str!("../templates/law.md.j2")),
    ("summary.md.j2", include_str!("../templates/summary.md.j2")),
    ("rights.md.j2", include_str!("../templates/rights.md.j2")),
    ("page.html.j2", include_str!("../templates/page.html.j2")),
];

/// The two characters (from Unicode's private use area) that open and close a value the
/// office wrote, in what the templates are given (see `document::provenance`). The
/// templates' `length` filter does not count them.
pub const OFFICE_MARKS: [char; 2] = ['\u{E000}', '\u{E001}'];

/// The two characters that open and close a built-in template's output: `notice`'s own
/// wording, even inside a template the office wrote.
pub const WORDING_MARKS: [char; 2] = ['\u{E002}', '\u{E003}'];

/// Why templates could not be loaded.
#[derive(Debug)]
pub enum TemplateError {
    /// The override folder could not be read.
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Io(p, e) => {
                write!(f, "cannot read templates folder `{}`: {e}", p.display())
            }
        }
    }
}

impl std::error::Error for TemplateError {}

/// A template environment: overrides from `dir` first, then the built-in defaults.
/// Returns the environment and a warning for each override file that replaces nothing
/// (most likely a misspelt name).
pub fn environment(
    dir: Option<&Path>,
) -> Result<(Environment<'static>, Vec<String>), TemplateError> {
    let mut sources: BTreeMap<String, Arc<str>> = DEFAULTS
        .iter()
        .map(|(n, t)| ((*n).to_owned(), Arc::from(*t)))
        .collect();
    let mut warnings = Vec::new();
    if let Some(dir) = dir {
        let entries = std::fs::read_dir(dir).map_err(|e| TemplateError::Io(dir.to_owned(), e))?;
        let mut names = Vec::new();
        for e in entries {
            let e = e.map_err(|e| TemplateError::Io(dir.to_owned(), e))?;
            let path = e.path();
            if e.file_type()
                .map_err(|err| TemplateError::Io(path, err))?
                .is_file()
            {
                names.push(e.file_name().to_string_lossy().into_owned());
            }
        }
        names.sort();
        for name in names {
            let path = dir.join(&name);
            if !sources.contains_key(&name) {
                let known: Vec<&str> = DEFAULTS.iter().map(|(n, _)| *n).collect();
                let hint = crate::suggest::suggest(&name, &known)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                warnings.push(format!(
                    "template `{}` does not replace a built-in template and is ignored{hint}",
                    path.display()
                ));
                continue;
            }
            let text =
                std::fs::read_to_string(&path).map_err(|e| TemplateError::Io(path.clone(), e))?;
            sources.insert(name, Arc::from(text));
        }
    }
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .expect("default delimiters are valid"),
    );
    // Markdown templates are not HTML-escaped: values arrive already escaped for Markdown.
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html.j2") || name.ends_with(".html") {
            minijinja::AutoEscape::Html
        } else {
            minijinja::AutoEscape::None
        }
    });
    // A template tests a value's length in words the reader sees: the marks the view puts
    // round the office's values are not counted.
    env.add_filter(
        "length",
        |v: minijinja::Value| -> Result<usize, minijinja::Error> {
            match v.as_str() {
                Some(s) => Ok(s
                    .chars()
                    .filter(|c| !OFFICE_MARKS.contains(c) && !WORDING_MARKS.contains(c))
                    .count()),
                None => v.len().ok_or_else(|| {
                    minijinja::Error::new(
                        minijinja::ErrorKind::InvalidOperation,
                        format!("cannot take the length of {}", v.kind()),
                    )
                }),
            }
        },
    );
    // A value that opens a sentence or a summary line: "you can ask" → "You can ask".
    env.add_filter("upper_first", |s: &str| crate::words::upper_first(s));
    // Who wrote each Markdown template's words: the office, for a file from `dir`;
    // `notice`, for a built-in one (see `document::provenance`).
    let marked: BTreeMap<String, String> = sources
        .into_iter()
        .map(|(name, text)| {
            let office = !DEFAULTS.iter().any(|(n, t)| *n == name && **t == *text);
            let text = if name.ends_with(".md.j2") && !text.contains("extends") {
                mark_source(&text, office)
            } else {
                text.to_string()
            };
            (name, text)
        })
        .collect();
    env.set_loader(move |name| Ok(marked.get(name).cloned()));
    Ok((env, warnings))
}

/// A template's source with its output marked as the office's words (`office`) or as
/// `notice`'s own ([`OFFICE_MARKS`], [`WORDING_MARKS`]), and so is each macro's body: a
/// macro's words are those of the template that defines it (`law.md.j2`'s labels), not
/// of the one that calls it. Marks already in the source are dropped first, so a template
/// cannot forge them. (A template that extends another is not marked: its text outside
/// blocks is never shown.)
pub fn mark_source(source: &str, office: bool) -> String {
    // The marks go outside the white space next to the tags, so `-%}` and `{%-` still
    // trim it (a table row must stay one line).
    static MACRO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\{%-?\s*macro\b[^%]*%\}\s*").expect("valid regex"));
    static END_MACRO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*\{%-?\s*endmacro\s*-?%\}").expect("valid regex"));
    let [open, close] = if office { OFFICE_MARKS } else { WORDING_MARKS };
    let clean: String = source
        .chars()
        .filter(|c| !OFFICE_MARKS.contains(c) && !WORDING_MARKS.contains(c))
        .collect();
    let opened = MACRO.replace_all(&clean, |c: &regex::Captures<'_>| format!("{}{open}", &c[0]));
    let closed = END_MACRO.replace_all(&opened, |c: &regex::Captures<'_>| {
        format!("{close}{}", &c[0])
    });
    format!("{open}{closed}{close}")
}

/// Write the built-in templates into `dir` (for `notice init --templates`). Refuses to
/// overwrite existing files unless `force`.
pub fn copy_defaults(dir: &Path, force: bool) -> Result<Vec<PathBuf>, TemplateError> {
    std::fs::create_dir_all(dir).map_err(|e| TemplateError::Io(dir.to_owned(), e))?;
    let mut written = Vec::new();
    for (name, text) in DEFAULTS {
        let path = dir.join(name);
        if path.exists() && !force {
            return Err(TemplateError::Io(
                path,
                std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "already exists (use --force to overwrite)",
                ),
            ));
        }
        std::fs::write(&path, text).map_err(|e| TemplateError::Io(path.clone(), e))?;
        written.push(path);
    }
    Ok(written)
}
