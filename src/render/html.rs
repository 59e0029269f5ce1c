//! The accessible web page: one self-contained HTML file per notice.
//!
//! The page shell (head, inline stylesheet, skip link, header, contents, landmarks) is the
//! minijinja template `templates/page.html.j2`, so an office can restyle it. The body is
//! rendered here in Rust and handed to the template as one pre-escaped string: every piece
//! of text and every attribute taken from the document goes through [`escape`] on the way
//! out, and links are written only for `https:`, `http:`, `mailto:`, `tel:` and `#fragment`
//! targets. The page has no script and loads nothing from outside.
//!
//! Heading levels follow nesting: the title is the only `h1`, top-level sections are `h2`,
//! their children `h3`, and so on, capped at `h6`; a subheading sits one level below its
//! section. Ids are the document's section ids plus generated, collision-free caption ids,
//! so the same document always gives the same bytes.

use std::collections::BTreeSet;
use std::fmt;

use minijinja::{Environment, UndefinedBehavior, Value, context};

use crate::document::{Block, Document, Field, Inline, Section, Table};

/// The name the page template is looked up by.
pub const PAGE_TEMPLATE_NAME: &str = "page.html.j2";

/// The default page template, compiled into the binary.
pub const PAGE_TEMPLATE: &str = include_str!("../../templates/page.html.j2");

/// Keep runs longer than this many characters (e-mail addresses, in practice) may wrap on
/// narrow screens rather than force the page to scroll sideways (WCAG 1.4.10 Reflow).
const LONG_KEEP: usize = 20;

/// Rendering the page failed: the template could not be found, parsed or rendered.
#[derive(Debug)]
pub enum RenderError {
    /// An error from the template engine, with the template name and line in its message.
    Template(minijinja::Error),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Template(e) => write!(f, "cannot render the HTML page template: {e:#}"),
        }
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RenderError::Template(e) => Some(e),
        }
    }
}

impl From<minijinja::Error> for RenderError {
    fn from(e: minijinja::Error) -> Self {
        RenderError::Template(e)
    }
}

/// A template environment holding the default page template, with strict undefined values
/// (a misspelt variable is an error, not an empty string).
///
/// Autoescaping is minijinja's default, chosen by the template name: `page.html.j2` is
/// HTML. An environment that serves its own `page.html.j2` must keep HTML autoescaping on
/// for it, because `title`, `organisation`, `lang` and each contents entry's `id` and
/// `heading` are passed as plain strings.
pub fn default_environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_template(PAGE_TEMPLATE_NAME, PAGE_TEMPLATE)
        .expect("the embedded page template parses");
    env
}

/// Render a document as one HTML page with the template [`PAGE_TEMPLATE_NAME`] from `env`.
///
/// The template receives:
/// - `lang`, `title`, `organisation`: plain strings (autoescaped by the template);
/// - `front_matter`: a list of pre-escaped HTML strings, one per line;
/// - `contents`: a list of `{id, heading, children}` maps for the sections listed in the
///   contents (a section left out of the contents passes its listed children up);
/// - `body`: the sections as one pre-escaped HTML string.
///
/// The output ends with exactly one newline.
pub fn render_html(doc: &Document, env: &Environment<'_>) -> Result<String, RenderError> {
    let mut body = Body::new(doc);
    for s in &doc.sections {
        body.section(s, 2);
    }
    let mut section_ids = body.section_ids.iter();
    let front_matter: Vec<Value> = doc
        .front_matter
        .iter()
        .map(|line| {
            let mut out = String::new();
            push_inlines(&mut out, line);
            Value::from_safe_string(out)
        })
        .collect();
    let ctx = context! {
        lang => doc.lang.as_str(),
        title => doc.title.as_str(),
        organisation => doc.organisation.as_str(),
        front_matter => front_matter,
        contents => contents(&doc.sections, &mut section_ids),
        body => Value::from_safe_string(body.out),
    };
    let mut page = env.get_template(PAGE_TEMPLATE_NAME)?.render(ctx)?;
    let trimmed = page.trim_end().len();
    page.truncate(trimmed);
    page.push('\n');
    Ok(page)
}

/// The contents entries for `sections`, nested as the sections are. `ids` gives the page
/// id of every section in reading order (depth first), as [`Body::new`] made them.
fn contents<'a>(sections: &[Section], ids: &mut impl Iterator<Item = &'a String>) -> Vec<Value> {
    let mut out = Vec::new();
    for s in sections {
        let id = ids.next().map_or("", String::as_str);
        let children = contents(&s.children, ids);
        if s.in_contents {
            out.push(context! {
                id => id,
                heading => s.heading.as_str(),
                children => children,
            });
        } else {
            out.extend(children);
        }
    }
    out
}

/// Escape text for HTML element content and double- or single-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// The `href` to write for a link target, or `None` when the target is not one we link
/// to. Only `https:`, `http:`, `mailto:`, `tel:` and in-page `#fragment` targets pass;
/// `javascript:`, `data:` and everything else become plain text. Browsers ignore tabs,
/// newlines and leading control characters in a URL (`java\tscript:` is `javascript:`),
/// so those are removed before the scheme is read, and spaces are percent-encoded.
pub fn safe_href(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c.is_ascii_whitespace() || c.is_control())
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .replace(' ', "%20");
    let lower = cleaned.to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:", "tel:", "#"];
    allowed
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
        .then_some(cleaned)
}

/// The HTML of the document's sections, with the ids already used.
struct Body {
    out: String,
    /// Every id in the page so far.
    ids: BTreeSet<String>,
    /// The page id of each section, in reading order (depth first).
    section_ids: Vec<String>,
    /// How many sections have been written.
    sections: usize,
    tables: usize,
    /// The names of the region landmarks so far (section headings, table captions),
    /// folded, so two regions are never named alike (axe `landmark-unique`).
    region_names: BTreeSet<String>,
    /// Whether the page is in Welsh (for the word "table" in a table region's name).
    welsh: bool,
}

impl Body {
    /// Reserve the template's own ids and give every section a page id: its document id,
    /// which the document promises is a unique slug. Should one not be, white space
    /// becomes `-` (an id with a space breaks `aria-labelledby`) and a repeat gets a
    /// number, so the page stays valid.
    fn new(doc: &Document) -> Self {
        let mut body = Body {
            out: String::new(),
            ids: ["main".to_owned()].into(),
            section_ids: Vec::new(),
            sections: 0,
            tables: 0,
            region_names: BTreeSet::new(),
            welsh: doc
                .lang
                .get(..2)
                .is_some_and(|l| l.eq_ignore_ascii_case("cy")),
        };
        for (_, s) in doc.walk_sections() {
            body.region_names.insert(fold(&s.heading));
            let base: String =
                s.id.chars()
                    .map(|c| if c.is_whitespace() { '-' } else { c })
                    .collect();
            let base = if base.is_empty() { "section" } else { &base };
            let id = body.fresh_id(base);
            body.section_ids.push(id);
        }
        body
    }

    /// A fresh id starting with `base`, unique in the page.
    fn fresh_id(&mut self, base: &str) -> String {
        let mut id = base.to_owned();
        let mut n = 1;
        while self.ids.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.ids.insert(id.clone());
        id
    }

    fn section(&mut self, s: &Section, level: usize) {
        let h = level.min(6);
        let id = escape(&self.section_ids[self.sections]);
        self.sections += 1;
        self.out
            .push_str(&format!("<section aria-labelledby=\"{id}\">\n"));
        self.out.push_str(&format!("<h{h} id=\"{id}\">"));
        push_escaped(&mut self.out, &s.heading);
        self.out.push_str(&format!("</h{h}>\n"));
        self.blocks(&s.blocks, level);
        for c in &s.children {
            self.section(c, level + 1);
        }
        self.out.push_str("</section>\n");
    }

    /// Blocks inside a section whose heading is at `level`.
    fn blocks(&mut self, blocks: &[Block], level: usize) {
        for b in blocks {
            self.block(b, level);
        }
    }

    fn block(&mut self, b: &Block, level: usize) {
        match b {
            Block::Paragraph(inl) => {
                self.out.push_str("<p>");
                push_inlines(&mut self.out, inl);
                self.out.push_str("</p>\n");
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                self.out.push_str(&format!("<{tag}>\n"));
                for item in items {
                    self.out.push_str("<li>");
                    match item.as_slice() {
                        [Block::Paragraph(inl)] => push_inlines(&mut self.out, inl),
                        _ => {
                            self.out.push('\n');
                            self.blocks(item, level);
                        }
                    }
                    self.out.push_str("</li>\n");
                }
                self.out.push_str(&format!("</{tag}>\n"));
            }
            Block::Table(t) => self.table(t),
            Block::Fields(fields) => self.fields(fields),
            Block::Note { label, blocks } => {
                self.out.push_str(
                    "<div class=\"note\" role=\"note\">\n<p class=\"note-label\"><strong>",
                );
                push_escaped(&mut self.out, label);
                self.out.push_str("</strong></p>\n");
                self.blocks(blocks, level);
                self.out.push_str("</div>\n");
            }
            Block::Subheading(text) => {
                let h = (level + 1).min(6);
                self.out.push_str(&format!("<h{h}>"));
                push_escaped(&mut self.out, text);
                self.out.push_str(&format!("</h{h}>\n"));
            }
        }
    }

    fn table(&mut self, t: &Table) {
        self.tables += 1;
        let caption_id = self.fresh_id(&format!("table-{}", self.tables));
        // A row header needs data cells beside it; a one-column table has none.
        let row_headers = t.header.len() > 1;
        // The scrolling wrapper is a region named by the caption; when a section (or
        // another table) already has that name, say that this one is the table.
        let name = if self.region_names.insert(fold(&t.caption)) {
            format!("aria-labelledby=\"{caption_id}\"")
        } else {
            let word = if self.welsh { "tabl" } else { "table" };
            format!("aria-label=\"{} ({word})\"", escape(t.caption.trim()))
        };
        let o = &mut self.out;
        o.push_str(&format!(
            "<div class=\"table-wrap\" role=\"region\" {name} tabindex=\"0\">\n<table>\n<caption id=\"{caption_id}\">"
        ));
        push_escaped(o, &t.caption);
        o.push_str("</caption>\n<thead>\n<tr>");
        for h in &t.header {
            o.push_str("<th scope=\"col\">");
            push_escaped(o, h);
            o.push_str("</th>");
        }
        o.push_str("</tr>\n</thead>\n<tbody>\n");
        for row in &t.rows {
            o.push_str("<tr>");
            for (i, cell) in row.iter().enumerate() {
                let (open, close) = if i == 0 && row_headers {
                    ("<th scope=\"row\">", "</th>")
                } else {
                    ("<td>", "</td>")
                };
                o.push_str(open);
                for (j, line) in cell.iter().enumerate() {
                    if j > 0 {
                        o.push_str("<br>");
                    }
                    push_inlines(o, line);
                }
                o.push_str(close);
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</tbody>\n</table>\n</div>\n");
    }

    fn fields(&mut self, fields: &[Field]) {
        let o = &mut self.out;
        o.push_str("<dl class=\"fields\">\n");
        for f in fields {
            o.push_str("<div><dt>");
            push_escaped(o, &f.label);
            o.push_str("</dt><dd>");
            push_inlines(o, &f.value);
            o.push_str("</dd></div>\n");
        }
        o.push_str("</dl>\n");
    }
}

/// A landmark name as assistive technology compares it: trimmed, spaces collapsed,
/// lower case.
fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn push_inlines(out: &mut String, inlines: &[Inline]) {
    for i in inlines {
        push_inline(out, i);
    }
}

fn push_inline(out: &mut String, inline: &Inline) {
    match inline {
        Inline::Text(s) => push_escaped(out, s),
        Inline::Strong(inner) => {
            out.push_str("<strong>");
            push_inlines(out, inner);
            out.push_str("</strong>");
        }
        Inline::Link { text, url } => match safe_href(url) {
            Some(href) => {
                let said = crate::document::plain(text);
                let said = said.trim();
                // A link whose text is its address: print stylesheets must not repeat it.
                let bare = said.trim_end_matches('/') == href.trim_end_matches('/');
                out.push_str(if bare {
                    "<a class=\"url\" href=\""
                } else {
                    "<a href=\""
                });
                push_escaped(out, &href);
                out.push_str("\">");
                if said.is_empty() {
                    // A link must have a name: say where it goes.
                    push_escaped(out, url);
                } else {
                    push_inlines(out, text);
                }
                out.push_str("</a>");
            }
            None => push_inlines(out, text),
        },
        Inline::Keep(s) => {
            if s.chars().count() > LONG_KEEP {
                out.push_str("<span class=\"nowrap long\">");
            } else {
                out.push_str("<span class=\"nowrap\">");
            }
            push_escaped(out, s);
            out.push_str("</span>");
        }
        Inline::Break => out.push_str("<br>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::sample::{self, HOSTILE, LONG_URL};
    use crate::render::{find_subsequence, words, words_in};

    fn render(doc: &Document) -> String {
        render_html(doc, &default_environment()).expect("renders")
    }

    /// The levels of the headings, in document order.
    fn heading_levels(html: &str) -> Vec<u32> {
        html.match_indices("<h")
            .filter_map(|(i, _)| {
                let b = html.as_bytes();
                let d = *b.get(i + 2)?;
                let after = *b.get(i + 3)?;
                (d.is_ascii_digit() && (after == b'>' || after == b' '))
                    .then(|| u32::from(d - b'0'))
            })
            .collect()
    }

    fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
        let pat = format!(" {attr}=\"");
        html.match_indices(&pat)
            .map(|(i, _)| {
                let rest = &html[i + pat.len()..];
                &rest[..rest.find('"').expect("attribute closes")]
            })
            .collect()
    }

    #[test]
    fn page_shell_is_complete() {
        let html = render(&sample::clean_document());
        assert!(html.starts_with("<!doctype html>\n<html lang=\"en-GB\">\n"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(
            html.contains(
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            )
        );
        assert!(!html.contains("user-scalable") && !html.contains("maximum-scale"));
        assert!(
            html.contains(
                "<title>Privacy notice for council tax – Maidstone Borough Council</title>"
            )
        );
        assert!(html.ends_with("</html>\n") && !html.ends_with("\n\n"));
        // The skip link is the first link and points at main.
        let first_link = &html[html.find("<a ").unwrap()..];
        assert!(first_link.starts_with("<a class=\"skip-link\" href=\"#main\">"));
        assert!(html.contains("<main id=\"main\""));
        for landmark in ["<header>", "<nav aria-label=\"Contents\">", "<footer>"] {
            assert_eq!(html.matches(landmark).count(), 1, "{landmark}");
        }
        assert_eq!(html.matches("<main").count(), 1);
    }

    #[test]
    fn self_contained_and_scriptless() {
        let html = render(&sample::clean_document());
        let lower = html.to_ascii_lowercase();
        for banned in ["<script", "<link", " src=", "url(", "@import", "<iframe"] {
            assert!(!lower.contains(banned), "page contains {banned}");
        }
        // No event handler attributes (` onclick=`).
        for (i, _) in lower.match_indices(" on") {
            let name: String = lower[i + 3..]
                .chars()
                .take_while(char::is_ascii_lowercase)
                .collect();
            assert!(
                !lower[i + 3 + name.len()..].starts_with('='),
                "handler on{name}"
            );
        }
        assert!(html.contains("@media print"));
        assert!(html.contains("a[href^=\"http\"]::after { content: \" (\" attr(href) \")\"; }"));
    }

    #[test]
    fn one_h1_and_no_skipped_levels() {
        for doc in [sample::document(), sample::clean_document()] {
            let html = render(&doc);
            let levels = heading_levels(&html);
            assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1, "{levels:?}");
            assert_eq!(levels[0], 1);
            for pair in levels.windows(2) {
                assert!(pair[1] <= pair[0] + 1, "skipped a level: {levels:?}");
            }
            assert!(levels.contains(&4), "nested sections reach h4: {levels:?}");
        }
    }

    #[test]
    fn deep_sections_cap_at_h6() {
        let mut doc = sample::clean_document();
        let mut deep = doc.sections[0].clone();
        for _ in 0..6 {
            let mut parent = doc.sections[1].clone();
            parent.id = format!("{}-x", deep.id);
            parent.children = vec![deep];
            deep = parent;
        }
        doc.sections.push(deep);
        let html = render(&doc);
        let levels = heading_levels(&html);
        assert!(levels.iter().all(|&l| (1..=6).contains(&l)));
        for pair in levels.windows(2) {
            assert!(pair[1] <= pair[0] + 1, "skipped a level: {levels:?}");
        }
    }

    #[test]
    fn tables_have_captions_and_scoped_headers() {
        let html = render(&sample::document());
        let tables: Vec<&str> = html.split("<table>").skip(1).collect();
        assert!(!tables.is_empty());
        for t in tables {
            let t = &t[..t.find("</table>").unwrap()];
            assert!(t.starts_with("\n<caption id=\""), "caption first: {t}");
            let thead = &t[t.find("<thead>").unwrap()..t.find("</thead>").unwrap()];
            assert_eq!(thead.matches("<th scope=\"col\">").count(), 3);
            assert!(!thead.contains("<td"));
            let tbody = &t[t.find("<tbody>").unwrap()..];
            for row in tbody.split("<tr>").skip(1) {
                assert!(row.starts_with("<th scope=\"row\">"), "row header: {row}");
                assert_eq!(row.matches("<td>").count(), 2);
            }
        }
        // The scrolling wrapper is named by the caption.
        let wrap = "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"table-1\" tabindex=\"0\">\n<table>\n<caption id=\"table-1\">";
        assert!(html.contains(wrap));
    }

    #[test]
    fn table_regions_have_unique_names() {
        let mut doc = sample::clean_document();
        let Block::Table(mut table) = doc.sections[1].blocks[4].clone() else {
            panic!("the sample's table moved");
        };
        table.caption = " What we collect  AND why ".into();
        doc.sections[1].blocks.push(Block::Table(table.clone()));
        let html = render(&doc);
        assert!(html.contains(
            "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"table-1\" tabindex=\"0\">"
        ));
        assert!(html.contains("<div class=\"table-wrap\" role=\"region\" aria-label=\"What we collect  AND why (table)\" tabindex=\"0\">\n<table>\n<caption id=\"table-2\">"));
        doc.lang = "cy".into();
        assert!(render(&doc).contains("aria-label=\"What we collect  AND why (tabl)\""));
    }

    #[test]
    fn hostile_text_is_escaped_everywhere() {
        let doc = sample::document();
        let html = render(&doc);
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "raw script tag");
        assert!(!html.contains("\" onmouseover"), "attribute injection");
        assert!(!lower.contains("javascript:"), "javascript: URL survived");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x"));
        // Every title-bearing place: title, h1, organisation, lang, section id and heading,
        // field label, note label, table cell, contents entry.
        assert!(html.contains("<html lang=\"en-GB&quot; onmouseover=&quot;x\">"));
        assert!(html.contains("<section aria-labelledby=\"hostile&quot;-onmouseover=&quot;x\">"));
        assert!(html.contains("<a href=\"#hostile&quot;-onmouseover=&quot;x\">"));
        assert!(html.contains("<dt>&lt;script&gt;"));
        assert!(html.contains("<strong>&lt;script&gt;"));
        assert!(html.contains("<th scope=\"row\">&lt;script&gt;"));
        // The javascript: link keeps its words but loses its target.
        assert!(html.contains("a hostile link: do not follow and"));
        // A URL with quotes and angle brackets stays inside its attribute.
        assert!(html.contains(
            "<a href=\"https://example.org/?a=1&amp;b=&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\">quoted</a>"
        ));
        // Quotes in every attribute value are escaped: none ends early.
        for attr in ["id", "href", "aria-labelledby", "class", "lang"] {
            for v in attr_values(&html, attr) {
                assert!(!v.contains('<') && !v.contains('>'), "{attr}={v}");
            }
        }
    }

    #[test]
    fn safe_href_allows_only_known_schemes() {
        for ok in [
            "https://example.org/a?b=c",
            "http://example.org",
            "mailto:a@example.org",
            "tel:+441622677055",
            "#who-we-are",
            "HTTPS://EXAMPLE.ORG",
        ] {
            assert!(safe_href(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<script>alert(1)</script>",
            "//evil.example",
            "https:",
            "",
            "file:///etc/passwd",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
        assert_eq!(
            safe_href(" https://a.example/b c ").as_deref(),
            Some("https://a.example/b%20c")
        );
    }

    #[test]
    fn links_keep_runs_and_fields() {
        let html = render(&sample::clean_document());
        assert!(html.contains(&format!(
            "<a href=\"{LONG_URL}\">our data protection pages</a>"
        )));
        // A link that says its own address is marked so print does not repeat it.
        assert!(html.contains(&format!(
            "<a class=\"url\" href=\"{LONG_URL}\">{LONG_URL}</a>"
        )));
        assert!(html.contains(
            "<a href=\"tel:+441622677055\"><span class=\"nowrap\">01622 677055</span></a>"
        ));
        assert!(html.contains("<span class=\"nowrap\">ME15 9BZ</span>"));
        assert!(html.contains(
            "<a href=\"mailto:dataprotection@maidstone.gov.uk\"><span class=\"nowrap long\">dataprotection@maidstone.gov.uk</span></a>"
        ));
        assert!(html.contains(
            "<div><dt>Address</dt><dd>Maidstone House<br>King Street<br>Maidstone <span class=\"nowrap\">ME15 9BZ</span></dd></div>"
        ));
        assert!(html.contains("<div class=\"note\" role=\"note\">\n<p class=\"note-label\"><strong>Your right to object</strong></p>"));
        assert!(html.contains("ŵyr, ŷd, dŵr a tŷ"));
        assert!(html.contains("<ul>\n<li>the people who live with you</li>"));
        assert!(html.contains("<ol>\n<li>Write to us or send an email.</li>"));
        assert!(html.contains("<h3>How to ask for your information</h3>"));
    }

    #[test]
    fn contents_lists_sections_in_contents() {
        let mut doc = sample::clean_document();
        doc.sections[0].in_contents = false;
        let html = render(&doc);
        let nav = &html[html.find("<nav").unwrap()..html.find("</nav>").unwrap()];
        assert!(!nav.contains("#who-we-are"));
        // A left-out section passes its listed children up.
        assert!(nav.contains(
            "<li><a href=\"#data-protection-officer\">Our data protection officer</a><ul>\n<li><a href=\"#dpo-hours\">"
        ));
        assert!(nav.contains("<li><a href=\"#your-rights\">Your rights</a></li>"));
        // No section listed: no nav at all.
        fn unlist(s: &mut [Section]) {
            for s in s {
                s.in_contents = false;
                unlist(&mut s.children);
            }
        }
        unlist(&mut doc.sections);
        assert!(!render(&doc).contains("<nav"));
    }

    #[test]
    fn ids_are_unique_and_targets_exist() {
        let mut doc = sample::document();
        // A section whose id collides with a generated caption id, two sections with one
        // id, an id with a space and an empty id.
        doc.sections[2].id = "table-1".into();
        doc.sections[1].id = "who-we-are".into();
        doc.sections[0].children[0].id = "our officer".into();
        doc.sections[0].children[0].children[0].id = String::new();
        let html = render(&doc);
        let ids = attr_values(&html, "id");
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
        for target in attr_values(&html, "aria-labelledby") {
            assert!(ids.contains(&target), "{target}");
        }
        for href in attr_values(&html, "href") {
            if let Some(frag) = href.strip_prefix('#') {
                assert!(ids.contains(&frag), "{href}");
            }
        }
        assert!(html.contains("<a href=\"#who-we-are-2\">What we collect and why</a>"));
        assert!(html.contains("<h2 id=\"who-we-are-2\">What we collect and why</h2>"));
        assert!(html.contains("<a href=\"#our-officer\">Our data protection officer</a>"));
        assert!(html.contains("<a href=\"#section\">When the officer is available</a>"));
        assert!(html.contains("<a href=\"#table-1\">Your rights</a>"));
        assert!(html.contains("<caption id=\"table-1-2\">"));
    }

    #[test]
    fn says_every_word_in_order() {
        for doc in [sample::document(), sample::clean_document()] {
            let html = render(&doc);
            let want = words(&doc);
            let got = words_in(&sample::visible_text(&html));
            if let Err(i) = find_subsequence(&want, &got) {
                panic!("word {i} ({:?}) missing or out of order", want[i]);
            }
        }
    }

    #[test]
    fn deterministic() {
        let doc = sample::document();
        assert_eq!(render(&doc), render(&doc));
        assert_eq!(render(&doc), render(&doc.clone()));
    }

    #[test]
    fn welsh_page_labels() {
        let mut doc = sample::clean_document();
        doc.lang = "cy".into();
        let html = render(&doc);
        assert!(html.contains("<html lang=\"cy\">"));
        assert!(html.contains("Neidio i’r prif gynnwys"));
        assert!(html.contains("<nav aria-label=\"Cynnwys\">"));
    }

    #[test]
    fn template_can_be_overridden() {
        let mut env = Environment::new();
        env.add_template(PAGE_TEMPLATE_NAME, "<h1>{{ title }}</h1>{{ body }}")
            .unwrap();
        let doc = sample::document();
        let html = render_html(&doc, &env).unwrap();
        assert!(html.starts_with("<h1>Privacy notice for council tax &lt;script&gt;"));
        assert!(!html.to_ascii_lowercase().contains("<script"));
        let missing = render_html(&doc, &Environment::new()).unwrap_err();
        assert!(missing.to_string().contains("page.html.j2"), "{missing}");
    }

    #[test]
    fn same_page_with_trimmed_blocks() {
        // The wording templates' environment trims blocks; the page must not depend on it.
        let mut env = default_environment();
        env.set_syntax(
            minijinja::syntax::SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .build()
                .unwrap(),
        );
        env.add_template(PAGE_TEMPLATE_NAME, PAGE_TEMPLATE).unwrap();
        let doc = sample::document();
        assert_eq!(render_html(&doc, &env).unwrap(), render(&doc));
    }

    #[test]
    fn renders_with_the_wording_templates_environment() {
        let (env, _) = crate::templates::environment(None).unwrap();
        let doc = sample::document();
        assert_eq!(render_html(&doc, &env).unwrap(), render(&doc));
    }

    #[test]
    fn strict_undefined_in_default_environment() {
        let mut env = default_environment();
        env.add_template(PAGE_TEMPLATE_NAME, "{{ titel }}").unwrap();
        assert!(render_html(&sample::document(), &env).is_err());
    }

    /// Writes the sample page for looking at in a browser:
    /// `cargo test render::html -- --ignored write_sample`.
    #[test]
    #[ignore = "writes /tmp/render-sample.html"]
    fn write_sample() {
        std::fs::write("/tmp/render-sample.html", render(&sample::clean_document())).unwrap();
        std::fs::write("/tmp/render-hostile.html", render(&sample::document())).unwrap();
    }

    #[test]
    fn hostile_constant_is_in_the_sample() {
        assert!(sample::document().title.contains(HOSTILE));
    }
}
