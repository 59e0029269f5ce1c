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

/// Keep runs longer than this many characters (long web addresses) are wider than the
/// page's column (46rem) at any width: they wrap anywhere on every screen, or the page
/// scrolls sideways on a desktop too.
const OVERLONG_KEEP: usize = 60;

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

/// The registry entry (see [`super::format`]).
pub static FORMAT: super::FormatSpec = super::FormatSpec {
    name: "html",
    description: "a self-contained accessible web page",
    default: true,
    file_name: |stem| format!("{stem}.html"),
    render: |doc, cx| {
        render_html(
            &doc.with_notice_links(|stem| format!("{stem}.html")),
            cx.env,
        )
        .map(|html| super::Output::plain(html.into_bytes()))
        .map_err(|e| e.to_string())
    },
};

/// Render a document as one HTML page with the template [`PAGE_TEMPLATE_NAME`] from `env`.
///
/// The template receives:
/// - `lang`, `title`, `organisation`: plain strings (autoescaped by the template);
/// - `front_matter`: a list of pre-escaped HTML strings, one per line;
/// - `contents`: a list of `{id, heading, lang, children}` maps (`lang` is the heading's
///   language when it differs from the page's, else none) for the sections listed in the
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

/// The document's sections as HTML, for a format that carries the page body in its own
/// shell (the EPUB): the sections, each section's id in reading order (depth first, as
/// [`Document::walk_sections`] lists them), and each front-matter line. Text is escaped
/// exactly as in the page; line breaks are written `<br>`.
pub(crate) fn body_parts(doc: &Document) -> (String, Vec<String>, Vec<String>) {
    let mut body = Body::new(doc);
    for s in &doc.sections {
        body.section(s, 2);
    }
    let front_matter = doc
        .front_matter
        .iter()
        .map(|line| {
            let mut out = String::new();
            push_inlines(&mut out, line);
            out
        })
        .collect();
    (body.out, body.section_ids, front_matter)
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
                lang => s.heading_lang.as_deref(),
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

/// Whether `url` is the relative address of another notice's output in the same build, as
/// [`Document::with_notice_links`](crate::document::Document::with_notice_links) and the
/// site index write it: `../stem/file` or `stem/file`, each part a safe file name.
pub fn is_notice_path(url: &str) -> bool {
    let rest = url.strip_prefix("../").unwrap_or(url);
    rest.split_once('/').is_some_and(|(stem, file)| {
        crate::document::is_stem(stem) && crate::document::is_stem(file)
    })
}

/// The `href` to write for a link target, or `None` when the target is not one we link
/// to. Only `https:`, `http:`, `mailto:`, `tel:`, in-page `#fragment` targets and the
/// relative addresses of other notices of the build ([`is_notice_path`]) pass;
/// `javascript:`, `data:` and everything else become plain text. Browsers ignore tabs,
/// newlines and leading control characters in a URL (`java\tscript:` is `javascript:`),
/// so those are removed before the scheme is read, and spaces are percent-encoded.
pub fn safe_href(url: &str) -> Option<String> {
    if is_notice_path(url) {
        return Some(url.to_owned());
    }
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
        // Only top-level sections are named regions: forty landmarks would make landmark
        // navigation slower than reading.
        if level == 2 {
            self.out
                .push_str(&format!("<section aria-labelledby=\"{id}\">\n"));
        } else {
            self.out.push_str("<section>\n");
        }
        let lang = lang_attr(s.heading_lang.as_deref());
        self.out.push_str(&format!("<h{h} id=\"{id}\"{lang}>"));
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
            "<div class=\"table-wrap\" role=\"region\" {name} tabindex=\"0\">\n<table>\n<caption id=\"{caption_id}\"{}>",
            lang_attr(t.caption_lang.as_deref())
        ));
        push_escaped(o, &t.caption);
        o.push_str(&format!(
            "</caption>\n<thead{}>\n<tr>",
            lang_attr(t.header_lang.as_deref())
        ));
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
            o.push_str(&format!("<div><dt{}>", lang_attr(f.label_lang.as_deref())));
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
            let len = s.chars().count();
            if len > OVERLONG_KEEP {
                out.push_str("<span class=\"overlong\">");
            } else if len > LONG_KEEP {
                out.push_str("<span class=\"nowrap long\">");
            } else {
                out.push_str("<span class=\"nowrap\">");
            }
            push_escaped(out, s);
            out.push_str("</span>");
        }
        Inline::Break => out.push_str("<br>"),
        Inline::Lang { lang, content } => {
            out.push_str(&format!("<span{}>", lang_attr(Some(lang))));
            push_inlines(out, content);
            out.push_str("</span>");
        }
    }
}

/// ` lang="…"` for a part in another language than the page's; nothing for `None`.
fn lang_attr(lang: Option<&str>) -> String {
    lang.map_or_else(String::new, |l| format!(" lang=\"{}\"", escape(l)))
}

#[cfg(test)]
mod tests;
