//! Synthetic notices, made from real ones: for benchmarks, scale tests and property tests.
//!
//! A seed notice (YAML text) is read into a small ordered tree ([`Synth`]), changed, and
//! written back as YAML that `notice` reads like any other file. Three changes are offered:
//!
//! - [`Synth::scale`]: every list of things with ids (data categories, sources, recipients,
//!   purposes, retention rules, joint controllers, extra sections) is repeated `k` times.
//!   Copy `j` gets ids ending `-x{j}` and names ending `({j})`, and its references point at
//!   the same copy, so a scaled notice is exactly as valid as its seed, `k` times larger.
//! - [`Synth::rename`]: a distinct office (title, controller and its short name), for a
//!   corpus of many notices.
//! - [`Synth::map_texts`]: replace every free-text value (names, titles, Markdown fields,
//!   address lines, examples), for property tests that put arbitrary text everywhere.
//!
//! Which lists have ids, which keys hold text and which hold references all come from the
//! format's one description ([`crate::model::walk`]), so a new field reaches the generator
//! with no change here.
//!
//! It lives in the library, not in the benchmarks, because the criterion benches, the
//! integration tests and the fuzz crate all need the same generator, and each of those can
//! only reach the library's public API; copies would drift. It costs the binary nothing
//! that matters (no new dependency) and is never called by the commands.

use std::fmt::Write as _;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::model::schema::NoticeFile;
use crate::model::walk::{Class, Field, Shape};

/// A YAML value with its map order kept.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `null` (or an empty value).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written back (plain, unquoted).
    Number(String),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in the order written.
    Map(Vec<(String, Node)>),
}

impl Node {
    /// The value under `key`, if this is a map that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value under `key`, mutably.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match self {
            Node::Map(m) => m.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::Str(s) => Some(s),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Number(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Number(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Number(v.to_string()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Node, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = a.next_element()? {
            out.push(v);
        }
        Ok(Node::Seq(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Node, A::Error> {
        let mut out = Vec::new();
        while let Some((k, v)) = a.next_entry::<String, Node>()? {
            out.push((k, v));
        }
        Ok(Node::Map(out))
    }
}

/// The lists of things with ids that [`Synth::scale`] repeats, as paths from the root:
/// every list in the format's description whose entries have an id.
fn scaled_lists() -> Vec<Vec<&'static str>> {
    fn go(prefix: &[&'static str], fields: &[Field], out: &mut Vec<Vec<&'static str>>) {
        for f in fields {
            let mut path = prefix.to_vec();
            path.push(f.name);
            let inner = (f.fields)();
            if f.list && inner.iter().any(|x| x.class == Class::Id) {
                out.push(path.clone());
            } else if !f.list {
                go(&path, inner, out);
            }
        }
    }
    let mut out = Vec::new();
    go(&[], NoticeFile::fields(), &mut out);
    out
}

/// A notice being made: a seed read into a tree, ready to change and write back.
#[derive(Debug, Clone)]
pub struct Synth {
    /// The whole notice.
    pub root: Node,
}

impl Synth {
    /// Read a seed notice. Anchors and aliases are expanded; comments are dropped.
    pub fn from_yaml(seed: &str) -> Result<Synth, String> {
        let root: Node = serde_saphyr::from_str(seed).map_err(|e| e.to_string())?;
        if !matches!(root, Node::Map(_)) {
            return Err("a notice is a YAML mapping".to_owned());
        }
        Ok(Synth { root })
    }

    /// Repeat every list of things with ids `k` times (`k` of 0 or 1 changes nothing), with
    /// fresh ids and names and references kept within each copy.
    pub fn scale(&mut self, k: usize) -> &mut Self {
        if k <= 1 {
            return self;
        }
        for path in scaled_lists() {
            let shape = shape_at(&path);
            let Some(Node::Seq(items)) = get_path_mut(&mut self.root, &path) else {
                continue;
            };
            let originals = std::mem::take(items);
            for j in 0..k {
                for item in &originals {
                    let mut copy = item.clone();
                    if j > 0 {
                        relabel(&mut copy, shape, j);
                    }
                    items.push(copy);
                }
            }
        }
        self
    }

    /// Make this a distinct office, number `i`: its title, controller name and short name
    /// carry the number.
    pub fn rename(&mut self, i: usize) -> &mut Self {
        let suffix = format!(" {}", number_words(i));
        for path in [
            &["notice", "title"][..],
            &["controller", "name"],
            &["controller", "short_name"],
        ] {
            if let Some(Node::Str(s)) = get_path_mut(&mut self.root, path) {
                s.push_str(&suffix);
            }
        }
        self
    }

    /// Replace every free-text value. `f` gets the value's path (`purposes[3].name`) and its
    /// current text, and returns the new text.
    pub fn map_texts(&mut self, mut f: impl FnMut(&str, &str) -> String) -> &mut Self {
        map_texts_in(
            &mut self.root,
            String::new(),
            NoticeFile::fields(),
            false,
            &mut f,
        );
        self
    }

    /// Every free-text value with its path, in file order.
    pub fn texts(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut copy = self.root.clone();
        map_texts_in(
            &mut copy,
            String::new(),
            NoticeFile::fields(),
            false,
            &mut |p: &str, t: &str| {
                out.push((p.to_owned(), t.to_owned()));
                t.to_owned()
            },
        );
        out
    }

    /// The notice as YAML text.
    pub fn to_yaml(&self) -> String {
        let mut out = String::from("# A synthetic notice made by notice::synth.\n");
        emit_block(&self.root, 0, &mut out);
        out
    }
}

/// A seed made `scale` times larger (see [`Synth::scale`]), as YAML.
///
/// # Panics
/// If the seed is not a YAML mapping.
pub fn notice_yaml(seed_yaml: &str, scale: usize) -> String {
    let mut s = Synth::from_yaml(seed_yaml).expect("the seed is a YAML notice");
    s.scale(scale);
    s.to_yaml()
}

/// `n` distinct notices made from the seeds in turn, each a different office: file names
/// (`{stem}-{i:04}.yaml`) and YAML text.
///
/// # Panics
/// If `seeds` is empty or a seed is not a YAML mapping.
pub fn corpus(seeds: &[(&str, &str)], n: usize) -> Vec<(String, String)> {
    assert!(!seeds.is_empty(), "at least one seed");
    let parsed: Vec<(&str, Synth)> = seeds
        .iter()
        .map(|(stem, yaml)| (*stem, Synth::from_yaml(yaml).expect("the seed is a notice")))
        .collect();
    (0..n)
        .map(|i| {
            let (stem, seed) = &parsed[i % parsed.len()];
            let mut s = seed.clone();
            s.rename(i);
            (format!("{stem}-{i:04}.yaml"), s.to_yaml())
        })
        .collect()
}

/// The seed notices shipped in `notices/`, by stem, compiled in (for benches and tests).
pub const SEEDS: &[(&str, &str)] = &[
    ("hampshire", include_str!("../notices/hampshire.yaml")),
    (
        "hertfordshire",
        include_str!("../notices/hertfordshire.yaml"),
    ),
    ("kent-2018", include_str!("../notices/kent-2018.yaml")),
    ("kent-2021", include_str!("../notices/kent-2021.yaml")),
    (
        "leicestershire",
        include_str!("../notices/leicestershire.yaml"),
    ),
];

/// What [`pipeline`] got through.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PipelineRun {
    /// The bytes were UTF-8 text.
    pub text: bool,
    /// The text was understood as a notice.
    pub understood: bool,
    /// Findings reported.
    pub findings: usize,
    /// The formats rendered, with their sizes in bytes.
    pub rendered: Vec<(crate::render::Format, usize)>,
    /// Why rendering failed, if it did (an answer for the user, not a crash).
    pub render_error: Option<String>,
}

/// Run every stage on arbitrary bytes, as `notice check` and `notice build` would: read as
/// UTF-8 text, parse, lower, check, print the findings in every output format, build the
/// document and render HTML, large-print PDF and plain text. Any panic is a bug; an error
/// is an answer. The fuzz target (`fuzz/fuzz_targets/pipeline.rs`) and the regression tests
/// for what it found both call this, so they exercise exactly the same code.
pub fn pipeline(bytes: &[u8]) -> PipelineRun {
    use crate::diag::{FileReport, emit};
    use crate::render::{Format, RenderOptions};

    let mut run = PipelineRun::default();
    let Ok(src) =
        crate::source::SourceFile::from_bytes(std::path::Path::new("fuzz.yaml"), bytes.to_vec())
    else {
        return run;
    };
    run.text = true;
    let checked = crate::check(
        &src,
        &crate::rules::CheckOptions {
            as_of: crate::model::Date::ymd(2026, 6, 19),
        },
    );
    run.findings = checked.diagnostics.len();
    let reports = [FileReport {
        source: src,
        diagnostics: checked.diagnostics,
    }];
    let _ = emit::human(&reports, false);
    let _ = emit::human(&reports, true);
    let _ = emit::json(&reports);
    let _ = emit::sarif(&reports, std::path::Path::new("/fuzz"));
    let _ = emit::github(&reports);
    let _ = emit::summary_line(&reports);
    let Some(notice) = checked.notice else {
        return run;
    };
    run.understood = true;
    let (env, _) = crate::templates::environment(None).expect("the built-in templates load");
    let opts = RenderOptions {
        formats: Format::defaults(),
        pdf_body_size: 18.0,
        braille_grade: 2,
    };
    // A template or renderer error is an answer (reported to the user), not a crash.
    match crate::render::render_notice(&notice, &env, &opts) {
        Ok(out) => run.rendered = out.files.iter().map(|(f, b)| (*f, b.len())).collect(),
        Err(e) => run.render_error = Some(e),
    }
    run
}

/// A number in words (`1234` → `one two three four`), so that numbered copies differ in
/// their words, not only in digits.
fn number_words(i: usize) -> String {
    const DIGITS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    i.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect::<Vec<_>>()
        .join(" ")
}

fn get_path_mut<'a>(root: &'a mut Node, path: &[&str]) -> Option<&'a mut Node> {
    let mut at = root;
    for key in path {
        at = at.get_mut(key)?;
    }
    Some(at)
}

/// Give copy `j` of an item fresh ids, numbered names and references into copy `j`.
fn relabel(item: &mut Node, shape: &[Field], j: usize) {
    let Node::Map(fields) = item else { return };
    for (key, value) in fields.iter_mut() {
        let class = shape.iter().find(|f| f.name == key).map(|f| f.class);
        match (key.as_str(), value) {
            ("id", Node::Str(id)) => *id = copy_id(id, j),
            ("name" | "title", Node::Str(name)) => {
                let _ = write!(name, " ({})", j + 1);
            }
            (_, v) if class == Some(Class::Reference) => match v {
                Node::Str(id) => *id = copy_id(id, j),
                Node::Seq(ids) => {
                    for id in ids {
                        if let Node::Str(id) = id {
                            *id = copy_id(id, j);
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
}

fn copy_id(id: &str, j: usize) -> String {
    format!("{id}-x{j}")
}

/// The fields of the entries of the list at `path` (a path of keys from the root).
fn shape_at(path: &[&str]) -> &'static [Field] {
    let mut fields = NoticeFile::fields();
    for key in path {
        match fields.iter().find(|f| f.name == *key) {
            Some(f) => fields = (f.fields)(),
            None => return &[],
        }
    }
    fields
}

/// Replace every string the description classes as text ([`Class::is_text`]): the
/// office's prose and its labels; ids, references, codes, dates, web addresses and
/// contact routes keep their values.
fn map_texts_in(
    node: &mut Node,
    path: String,
    shape: &'static [Field],
    is_text: bool,
    f: &mut impl FnMut(&str, &str) -> String,
) {
    match node {
        Node::Str(s) if is_text => *s = f(&path, s),
        Node::Seq(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                map_texts_in(item, format!("{path}[{i}]"), shape, is_text, f);
            }
        }
        Node::Map(fields) => {
            for (key, value) in fields.iter_mut() {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let field = shape.iter().find(|x| x.name == key);
                let inner = field.map_or(&[][..], |x| (x.fields)());
                let text = field.is_some_and(|x| x.class.is_text());
                map_texts_in(value, child, inner, text, f);
            }
        }
        _ => {}
    }
}

/// Write a map or sequence as block YAML at `indent` spaces.
fn emit_block(node: &Node, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match node {
        Node::Map(fields) => {
            for (key, value) in fields {
                let _ = write!(out, "{pad}{key}:");
                emit_value(value, indent + 2, out);
            }
        }
        Node::Seq(items) => {
            for item in items {
                let _ = write!(out, "{pad}-");
                match item {
                    Node::Map(fields) if !fields.is_empty() => {
                        // The first key on the dash's line, the rest below it.
                        let mut first = true;
                        for (key, value) in fields {
                            if first {
                                let _ = write!(out, " {key}:");
                                first = false;
                            } else {
                                let _ = write!(out, "{pad}  {key}:");
                            }
                            emit_value(value, indent + 4, out);
                        }
                    }
                    _ => emit_value(item, indent + 2, out),
                }
            }
        }
        scalar => {
            let _ = write!(out, "{pad}");
            emit_value(scalar, indent, out);
        }
    }
}

/// Write the value after `key:` or `-` (which is already written), ending with a newline.
fn emit_value(node: &Node, indent: usize, out: &mut String) {
    match node {
        Node::Null => out.push_str(" null\n"),
        Node::Bool(b) => {
            let _ = writeln!(out, " {b}");
        }
        Node::Number(n) => {
            let _ = writeln!(out, " {n}");
        }
        Node::Str(s) => emit_str(s, indent, out),
        Node::Seq(items) if items.is_empty() => out.push_str(" []\n"),
        Node::Map(fields) if fields.is_empty() => out.push_str(" {}\n"),
        Node::Seq(_) | Node::Map(_) => {
            out.push('\n');
            emit_block(node, indent, out);
        }
    }
}

/// A character YAML cannot carry unescaped, or that would end a line.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

fn emit_str(s: &str, indent: usize, out: &mut String) {
    // A literal block for Markdown paragraphs, where it is safe: no character to escape,
    // no line of spaces alone, and a first line that does not start with a space (which
    // would set the block's indentation).
    let literal_ok = s.contains('\n')
        && !s.chars().any(|c| c != '\n' && needs_escape(c))
        && s.lines().all(|l| l.is_empty() || !l.trim().is_empty())
        && s.lines()
            .find(|l| !l.is_empty())
            .is_some_and(|l| !l.starts_with(' '));
    if literal_ok {
        let body = s.trim_end_matches('\n');
        let trailing = s.len() - body.len();
        let chomp = match trailing {
            0 => "-",
            1 => "",
            _ => "+",
        };
        let _ = writeln!(out, " |{chomp}");
        let pad = " ".repeat(indent);
        for line in body.split('\n') {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{pad}{line}");
            }
        }
        for _ in 1..trailing {
            out.push('\n');
        }
        return;
    }
    out.push_str(" \"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let n = u32::from(c);
                if n <= 0xffff {
                    let _ = write!(out, "\\u{n:04x}");
                } else {
                    let _ = write!(out, "\\U{n:08x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push_str("\"\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(s: &Synth) -> Synth {
        Synth::from_yaml(&s.to_yaml()).unwrap_or_else(|e| panic!("{e}\n{}", s.to_yaml()))
    }

    #[test]
    fn seeds_round_trip() {
        for (stem, yaml) in SEEDS {
            let s = Synth::from_yaml(yaml).unwrap();
            assert_eq!(round_trip(&s).root, s.root, "{stem}");
        }
    }

    #[test]
    fn awkward_strings_round_trip() {
        let texts = [
            "plain",
            "",
            " leading space",
            "trailing space ",
            "two\nlines",
            "two\nlines\n",
            "kept\n\n\n",
            "\n\nleading blank lines",
            "  indented\nfirst",
            "blank\n   \nline of spaces",
            "tab\there",
            "nul \0 and bell \u{7} and del \u{7f}",
            "nel \u{85} ls \u{2028} ps \u{2029} bom \u{feff}",
            "quotes \" and ' and \\ backslash",
            "# not a comment\n- not a list: really\n",
            "emoji 🦀 and astral 𝔘",
            "\r\ncrlf\r\n",
            "yes",
            "null",
            "- 1",
        ];
        for t in texts {
            let s = Synth {
                root: Node::Map(vec![
                    ("a".into(), Node::Str(t.into())),
                    (
                        "b".into(),
                        Node::Seq(vec![Node::Map(vec![
                            ("c".into(), Node::Str(t.into())),
                            ("d".into(), Node::Seq(vec![Node::Str(t.into())])),
                        ])]),
                    ),
                ]),
            };
            assert_eq!(round_trip(&s).root, s.root, "{t:?}");
        }
    }

    #[test]
    fn scale_multiplies_lists_and_keeps_references() {
        let (_, seed) = SEEDS.iter().find(|(s, _)| *s == "leicestershire").unwrap();
        let one = Synth::from_yaml(seed).unwrap();
        let mut ten = one.clone();
        ten.scale(10);
        let lists = scaled_lists();
        assert_eq!(
            lists,
            [
                &["joint_controllers"][..],
                &["data_categories"],
                &["sources"],
                &["recipients"],
                &["purposes"],
                &["retention", "rules"],
                &["sections"],
                &["exemptions"],
            ]
        );
        for path in &lists {
            let len = |s: &Synth| {
                let mut r = s.root.clone();
                match get_path_mut(&mut r, path) {
                    Some(Node::Seq(v)) => v.len(),
                    _ => 0,
                }
            };
            assert_eq!(len(&ten), len(&one) * 10, "{path:?}");
        }
        let src = crate::source::SourceFile::from_text("ten.yaml", ten.to_yaml());
        let checked = crate::check(
            &src,
            &crate::rules::CheckOptions {
                as_of: crate::model::Date::ymd(2026, 1, 1),
            },
        );
        assert!(checked.notice.is_some(), "{:#?}", checked.diagnostics);
    }

    #[test]
    fn corpus_is_distinct() {
        let c = corpus(SEEDS, 12);
        let names: std::collections::BTreeSet<_> = c.iter().map(|(n, _)| n).collect();
        let texts: std::collections::BTreeSet<_> = c.iter().map(|(_, t)| t).collect();
        assert_eq!(names.len(), 12);
        assert_eq!(texts.len(), 12);
        assert_eq!(number_words(205), "two zero five");
    }
}
