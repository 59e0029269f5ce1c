//! Properties of the whole pipeline over generated notices, and what fuzzing found.
//!
//! The generator is `notice::synth`: a seed notice from `notices/`, made larger or smaller,
//! with its free-text fields (names, titles, Markdown) replaced by arbitrary text: random
//! Unicode, Markdown syntax and hostile HTML. For every notice it can make:
//!
//! - (a) the notice is understood and renders in all three formats without a panic or an
//!   error;
//! - (b) the HTML page and the plain text carry every word of the document, in order (the
//!   large-print PDF is held to the same on the seeds, read back with `pdftotext`, and on a
//!   few generated notices whose text the embedded fonts can draw);
//! - (c) whatever the text, the HTML stays inert: only the renderer's own elements and
//!   attributes, every link `https:`, `http:`, `mailto:`, `tel:` or a fragment, no
//!   `javascript:`; and plain runs of text come out intact in the plain-text output.
//!
//! Case counts are small so that `cargo test` stays fast; fuzzing (fuzz/README.md) and the
//! property tests' own shrinking do the wide search.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use notice::document::Document;
use notice::model::Date;
use notice::render::{find_subsequence, html, pdf, text, words, words_in};
use notice::rules::CheckOptions;
use notice::source::SourceFile;
use notice::synth::{self, SEEDS, Synth};
use proptest::prelude::*;

fn opts() -> CheckOptions {
    CheckOptions {
        as_of: Date::ymd(2026, 6, 19),
    }
}

fn env() -> minijinja::Environment<'static> {
    notice::templates::environment(None)
        .expect("built-in templates")
        .0
}

/// Check a generated notice and build its document; panics (with the findings) if it is
/// not understood.
fn document(yaml: &str) -> Document {
    let src = SourceFile::from_text("generated.yaml", yaml);
    let checked = notice::check(&src, &opts());
    let Some(n) = checked.notice else {
        panic!(
            "the generated notice was not understood: {:#?}\n--- YAML ---\n{yaml}",
            checked.diagnostics
        );
    };
    notice::document::build::build(&n, &env()).expect("the document builds")
}

// ---------------------------------------------------------------------------------------
// Reading HTML back: a strict little tokenizer that fails on anything it does not expect.

/// Elements the HTML renderer and its page template write.
const TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "header", "main", "nav", "footer", "section",
    "div", "span", "p", "a", "strong", "br", "ul", "ol", "li", "dl", "dt", "dd", "table",
    "caption", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "aside",
];

/// Attributes they carry.
const ATTRS: &[&str] = &[
    "lang",
    "charset",
    "name",
    "content",
    "class",
    "id",
    "href",
    "rel",
    "tabindex",
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "role",
    "scope",
    "start",
    "translate",
];

/// Inline elements: removing them joins the text on either side, as the document does.
const INLINE: &[&str] = &["a", "strong", "span"];

/// The HTML's visible text (entities decoded), after checking that every tag and
/// attribute is one the renderer writes and every link is safe. Returns an error saying
/// what is wrong, for the property to report.
fn inert_text(html: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode(&rest[..lt])?);
        rest = &rest[lt..];
        if rest
            .get(..15)
            .is_some_and(|h| h.eq_ignore_ascii_case("<!DOCTYPE html>"))
        {
            rest = &rest[15..];
            continue;
        }
        let end = rest
            .find('>')
            .ok_or_else(|| format!("unclosed tag at {:?}", head(rest)))?;
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        let closing = tag.starts_with('/');
        let tag = tag.trim_start_matches('/').trim_end_matches('/');
        let (name, attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        if !TAGS.contains(&name) {
            return Err(format!("unexpected element <{tag}>"));
        }
        if closing && !attrs.is_empty() {
            return Err(format!("attributes on a closing tag </{tag}>"));
        }
        check_attrs(name, attrs)?;
        if INLINE.contains(&name) {
            // Joined to its neighbours.
        } else {
            out.push(' ');
        }
        if name == "style" && !closing {
            // The page's own style sheet: skip to its end.
            let close = rest.find("</style>").ok_or("unclosed <style>".to_owned())?;
            if rest[..close].contains('<') {
                return Err("markup inside <style>".to_owned());
            }
            rest = &rest[close..];
        }
    }
    out.push_str(&decode(rest)?);
    Ok(out)
}

fn head(s: &str) -> &str {
    let mut end = s.len().min(60);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `name="value"` pairs separated by single spaces, each known, each value free of quotes
/// and raw angle brackets, and every link target safe.
fn check_attrs(tag: &str, mut attrs: &str) -> Result<(), String> {
    while !attrs.is_empty() {
        let (name, rest) = match attrs.find(['=', ' ']) {
            Some(i) if attrs.as_bytes()[i] == b'=' => (&attrs[..i], &attrs[i + 1..]),
            Some(i) => (&attrs[..i], &attrs[i..]),
            None => (attrs, ""),
        };
        if !ATTRS.contains(&name) {
            return Err(format!("unexpected attribute `{name}` on <{tag}>"));
        }
        let rest = if let Some(quoted) = rest.strip_prefix('"') {
            let close = quoted
                .find('"')
                .ok_or_else(|| format!("unclosed attribute on <{tag}>"))?;
            let raw = &quoted[..close];
            let value = decode(raw)?;
            // An attribute holding the office's words (an aria-label repeating a caption)
            // may say `<` once decoded; what must never happen is a raw one.
            if raw.contains(['<', '>']) && name != "content" {
                return Err(format!("unescaped angle bracket in {name}={value:?}"));
            }
            if name == "href" {
                let v = value.trim().to_ascii_lowercase();
                let safe = ["https://", "http://", "mailto:", "tel:", "#"]
                    .iter()
                    .any(|p| v.starts_with(p));
                if !safe || v.contains("javascript:") {
                    return Err(format!("unsafe link href={value:?}"));
                }
            }
            &quoted[close + 1..]
        } else {
            rest
        };
        attrs = match rest.strip_prefix(' ') {
            Some(r) => r,
            None if rest.is_empty() => rest,
            None => return Err(format!("malformed attributes on <{tag}>: {rest:?}")),
        };
    }
    Ok(())
}

/// Decode the entities the renderer writes; any other `&` is an error (text escaped
/// twice, or not at all).
fn decode(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (entity, c) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
            ("&#x27;", '\''),
            ("&#34;", '"'),
            ("&#x2f;", '/'),
            ("&nbsp;", '\u{a0}'),
        ]
        .into_iter()
        .find(|(e, _)| rest.starts_with(e))
        .ok_or_else(|| format!("unknown entity at {:?}", head(rest)))?;
        out.push(c);
        rest = &rest[entity.len()..];
    }
    out.push_str(rest);
    if out.contains('<') && s.contains('<') {
        return Err(format!("unescaped `<` in text {:?}", head(s)));
    }
    Ok(out)
}

/// White space runs as one space, trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_words(doc: &Document, haystack: &str, what: &str) -> Result<(), TestCaseError> {
    let want = words(doc);
    let have = words_in(haystack);
    if let Err(i) = find_subsequence(&want, &have) {
        return Err(TestCaseError::fail(format!(
            "{what} lacks word {i} {:?} (in order); next words wanted: {:?}",
            want[i],
            &want[i..want.len().min(i + 8)]
        )));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The generator's text.

/// Markdown and HTML that a field might hold, on purpose or not.
const MARKUP: &[&str] = &[
    "**",
    "*",
    "_",
    "__",
    "~~",
    "`",
    "[",
    "]",
    "](",
    ")",
    "[link](https://example.org/a?b=1&c=\"d\")",
    "[click](javascript:alert(1))",
    "[x](JaVaScRiPt:alert`1`)",
    "[data](data:text/html;base64,PHNjcmlwdD4=)",
    "<https://example.org/auto>",
    "<javascript:alert(1)>",
    "![image](https://example.org/i.png)",
    "<script>alert(1)</script>",
    "<zqinj onzqinj=\"1\">",
    "\"><zqinj zqinj=1>",
    "' onmouseover='alert(1)",
    "<!-- comment -->",
    "<style>body{}</style>",
    "&amp;",
    "&lt;b&gt;",
    "&#60;script&#62;",
    "&",
    "\\",
    "{{ notice }}",
    "{% if true %}x{% endif %}",
    "\n\n# Heading\n\n",
    "\n\n## Heading two {#custom-id}\n\n",
    "\n\n- item one\n- item two\n\n",
    "\n\n1. first\n2. second\n\n",
    "\n\n> **Note:** quoted\n\n",
    "\n\n| a | b |\n|---|---|\n| c | d |\n\n",
    "\n\n    indented code\n\n",
    "\n\n```\nfenced\n```\n\n",
    "\n\n---\n\n",
    "  \n",
    "\n",
    "\t",
    "dpo@example.org",
    "https://example.org/path",
    "www.example.org",
    "0116 2298980",
    "ME15 9BZ",
    "12 April 2024",
    "TODO",
    "\u{0}",
    "\u{7}",
    "\u{85}",
    "\u{200b}",
    "\u{202e}",
    "\u{feff}",
    "e\u{301}",
    "ŵŷ Ō",
    "🦀",
    "𝔘𝔫𝔦",
    "مرحبا",
    "中文",
];

/// A plain run: starts with a letter, no Markdown, HTML or line syntax.
const PLAIN: &str = "[\\p{L}][\\p{L}\\p{N} ,;:'()?.-]{0,24}";

/// One field's text, and the plain runs in it (which must come out intact).
fn field_text() -> impl Strategy<Value = (String, Vec<String>)> {
    let piece = prop_oneof![
        3 => PLAIN.prop_map(|s| (s.clone(), Some(s))),
        2 => prop::sample::select(MARKUP).prop_map(|s| (s.to_owned(), None)),
        1 => any::<String>().prop_map(|s| (s.chars().take(12).collect(), None)),
    ];
    prop::collection::vec(piece, 1..5).prop_map(|pieces| {
        let text = pieces.iter().map(|(s, _)| s.as_str()).collect::<String>();
        let plain = pieces.into_iter().filter_map(|(_, p)| p).collect();
        (text, plain)
    })
}

/// A generated notice: which seed, how large, and the text put into its fields.
#[derive(Debug, Clone)]
struct Case {
    seed: usize,
    scale: usize,
    texts: Vec<(String, Vec<String>)>,
    /// Replace every `stride`-th field (1 = every field).
    stride: usize,
}

fn case(max_scale: usize) -> impl Strategy<Value = Case> {
    (
        0..SEEDS.len(),
        1..=max_scale,
        prop::collection::vec(field_text(), 1..8),
        1usize..4,
    )
        .prop_map(|(seed, scale, texts, stride)| Case {
            seed,
            scale,
            texts,
            stride,
        })
}

impl Case {
    /// The notice's YAML, and the plain runs put into it (each with its field's prefix).
    fn make(&self) -> (String, Vec<String>) {
        let mut s = Synth::from_yaml(SEEDS[self.seed].1).expect("seed");
        s.scale(self.scale);
        let mut plain = Vec::new();
        let mut i = 0;
        s.map_texts(|_, old| {
            i += 1;
            if i % self.stride != 0 {
                return old.to_owned();
            }
            let (text, runs) = &self.texts[i % self.texts.len()];
            plain.extend(runs.iter().cloned());
            // A word first, so that no field is empty and none starts a Markdown block.
            format!("w{i} {text}")
        });
        (s.to_yaml(), plain)
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        max_shrink_iters: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// (a), (b) and (c) for HTML and text, on any notice the generator makes.
    #[test]
    fn generated_notices_render_safely(c in case(2)) {
        let (yaml, plain) = c.make();
        let doc = document(&yaml);
        let page = html::render_html(&doc, &env()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let txt = text::render_text(&doc);

        let visible = inert_text(&page).map_err(TestCaseError::fail)?;
        assert_words(&doc, &visible, "the HTML")?;
        assert_words(&doc, &txt, "the plain text")?;

        // Plain runs that the page shows come out intact in the text.
        let visible = squash(&visible);
        let txt_squashed = squash(&txt);
        for run in plain {
            let run = squash(&run);
            if !run.is_empty() && visible.contains(&run) {
                prop_assert!(
                    txt_squashed.contains(&run),
                    "{run:?} is on the page but not intact in the text"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 8,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// (a) for the PDF, including notices several times larger than the seeds.
    #[test]
    fn generated_notices_make_pdfs(c in case(3)) {
        let (yaml, _) = c.make();
        let doc = document(&yaml);
        let out = pdf::render_pdf(&doc, &pdf::PdfOptions::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(out.bytes.starts_with(b"%PDF-"));
    }
}

// ---------------------------------------------------------------------------------------
// The large-print PDF says every word too, read back with pdftotext.

fn pdf_words(bytes: &[u8], name: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join(format!("{name}.pdf"));
    std::fs::write(&file, bytes).expect("write PDF");
    let out = Command::new("pdftotext")
        // -raw: content-stream order, and no joining of words across a hyphen at a line end.
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext runs (scripts/install-test-deps.sh installs poppler-utils)");
    assert!(out.status.success(), "pdftotext failed on {name}");
    String::from_utf8(out.stdout).expect("UTF-8 from pdftotext")
}

/// The seeds are held to this in `build.rs`; here, a notice twice the size of the largest.
#[test]
fn pdf_carries_every_word_of_a_scaled_notice() {
    let doc = document(&synth::notice_yaml(SEEDS[4].1, 2));
    let bytes = pdf::render_pdf(&doc, &pdf::PdfOptions::default())
        .expect("pdf")
        .bytes;
    assert_words(&doc, &pdf_words(&bytes, "scaled"), "the PDF").unwrap();
    let page = html::render_html(&doc, &env()).expect("html");
    assert_words(&doc, &inert_text(&page).unwrap(), "the HTML").unwrap();
    assert_words(&doc, &text::render_text(&doc), "the text").unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 4,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Generated text the embedded fonts can draw (Latin, Welsh and the punctuation the
    /// seeds use) reaches the PDF word for word.
    #[test]
    fn pdf_carries_every_word_of_generated_notices(
        seed in 0..SEEDS.len(),
        texts in prop::collection::vec("[A-Za-zÀ-ÿŵŷŴŶ0-9][A-Za-zÀ-ÿŵŷŴŶ0-9 ,.;:()'-]{0,30}", 1..6),
    ) {
        let mut s = Synth::from_yaml(SEEDS[seed].1).expect("seed");
        let mut i = 0;
        s.map_texts(|_, _| {
            i += 1;
            format!("w{i} {}", texts[i % texts.len()])
        });
        let doc = document(&s.to_yaml());
        let bytes = pdf::render_pdf(&doc, &pdf::PdfOptions::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?
            .bytes;
        assert_words(&doc, &pdf_words(&bytes, "generated"), "the PDF")?;
    }
}

// ---------------------------------------------------------------------------------------
// The generator itself, at the sizes the benchmarks use.

#[test]
fn scaled_notices_are_valid_and_grow() {
    let (_, seed) = SEEDS[4];
    let one = words(&document(&synth::notice_yaml(seed, 1))).len();
    let three = words(&document(&synth::notice_yaml(seed, 3))).len();
    assert!(three > 2 * one, "{one} words, then {three}");
}

#[test]
fn a_corpus_of_distinct_offices() {
    let corpus = synth::corpus(SEEDS, 10);
    let titles: BTreeSet<String> = corpus
        .iter()
        .map(|(_, yaml)| document(yaml).title)
        .collect();
    assert_eq!(titles.len(), 10);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 12,
        max_shrink_iters: 100,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The Word file and the ebook of any generated notice: every XML part well-formed
    /// (hostile text included), and the document's words in order.
    #[test]
    fn generated_notices_make_well_formed_word_files_and_ebooks(c in case(2)) {
        let (yaml, _) = c.make();
        let doc = document(&yaml);
        let env = env();
        let cx = notice::render::RenderContext {
            env: &env,
            body_size: 18.0,
            braille_grade: 2,
        };
        for name in ["docx", "epub"] {
            let f = notice::render::Format::by_name(name).unwrap();
            let bytes = f.render(&doc, &cx).map_err(TestCaseError::fail)?.bytes;
            let parts = crate::alt_formats::zip_entries(&bytes);
            for (part, text) in &parts {
                if part.ends_with(".xml") || part.ends_with(".rels") || part.ends_with(".opf") {
                    roxmltree::Document::parse(text)
                        .map_err(|e| TestCaseError::fail(format!("{name} {part}: {e}")))?;
                }
            }
            let said = if name == "docx" {
                let xml = &parts.iter().find(|(n, _)| n == "word/document.xml").unwrap().1;
                crate::alt_formats::document_xml_text(xml)
            } else {
                let xhtml = &parts.iter().find(|(n, _)| n == "EPUB/notice.xhtml").unwrap().1;
                crate::alt_formats::xhtml_text(xhtml)
            };
            assert_words(&doc, &said, name)?;
        }
    }
}

// ---------------------------------------------------------------------------------------
// Inputs that fuzzing found (and a few written by hand): each runs through the whole
// pipeline, exactly as the fuzz target does, in normal `cargo test`.

fn fuzz_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz")
}

#[test]
fn fuzz_regressions() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fuzz_fixtures())
        .expect("tests/fixtures/fuzz exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "bin"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fuzz fixtures found");
    for f in files {
        let bytes = std::fs::read(&f).expect("read fixture");
        let result = std::panic::catch_unwind(|| synth::pipeline(&bytes));
        assert!(result.is_ok(), "{} panics", f.display());
    }
}

#[test]
fn every_seed_goes_through_the_fuzz_pipeline() {
    for (stem, yaml) in SEEDS {
        let run = synth::pipeline(yaml.as_bytes());
        assert!(run.understood, "{stem}");
        assert_eq!(run.rendered.len(), 3, "{stem}: {:?}", run.render_error);
    }
}
