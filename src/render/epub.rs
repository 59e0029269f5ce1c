//! The ebook: a reflowable EPUB 3 with the accessibility metadata of EPUB Accessibility 1.1.
//!
//! The package holds one content document (the whole notice, `notice.xhtml`), a
//! navigation document listing its sections, and one stylesheet in relative units. The
//! content document's body is the HTML renderer's own (see [`super::html::body_parts`]),
//! made XHTML: every tag it writes is already closed except `<br>`, which becomes
//! `<br/>`, and characters XML cannot carry are dropped. A test parses the result as XML.
//!
//! Nothing depends on the clock: the entries are dated 1980-01-01 in the zip, the
//! package's `dcterms:modified` is the notice's own "last updated" date (midnight UTC;
//! 2000-01-01 if the notice gives no day), and the identifier is made from the
//! organisation and title, so a rebuild keeps it. `mimetype` is the first entry, stored.

use std::fmt::Write as _;

use crate::document::{Document, Section};
use crate::render::html::escape;

use super::docx::{xml, zip_package};

/// The registry entry (see [`super::format`]).
pub static FORMAT: super::FormatSpec = super::FormatSpec {
    name: "epub",
    description: "an accessible EPUB 3 ebook (EPUB Accessibility 1.1, WCAG 2.2 AA)",
    default: false,
    file_name: |stem| format!("{stem}.epub"),
    render: |doc, _| render_epub(doc).map(super::Output::plain),
};

/// The date used when the notice gives no "last updated" day.
const NO_DATE: &str = "2000-01-01";

/// Render a document as an EPUB 3 package.
pub fn render_epub(doc: &Document) -> Result<Vec<u8>, String> {
    let (body, ids, front_matter) = super::html::body_parts(doc);
    let content = content_document(doc, &xhtml(&body), &front_matter);
    let nav = nav_document(doc, &ids);
    let opf = package_document(doc);
    zip_package(&[
        ("mimetype", b"application/epub+zip", true),
        ("META-INF/container.xml", CONTAINER.as_bytes(), false),
        ("EPUB/package.opf", opf.as_bytes(), false),
        ("EPUB/nav.xhtml", nav.as_bytes(), false),
        ("EPUB/notice.xhtml", content.as_bytes(), false),
        ("EPUB/style.css", STYLE.as_bytes(), false),
    ])
}

/// HTML from the HTML renderer as XHTML. Text in it is escaped, so a literal `<br>` can
/// only be the line-break element, and a literal ` lang="` (a quote in text is `&quot;`)
/// only a language attribute; XHTML gives it as `xml:lang` too, as the root element does,
/// so reading systems that read XML see it.
fn xhtml(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(" lang=\"") {
        let value_at = at + " lang=\"".len();
        let Some(len) = rest[value_at..].find('"') else {
            break;
        };
        let value = &rest[value_at..value_at + len];
        out.push_str(&rest[..value_at + len + 1]);
        out.push_str(&format!(" xml:lang=\"{value}\""));
        rest = &rest[value_at + len + 1..];
    }
    out.push_str(rest);
    out.replace("<br>", "<br/>")
        .chars()
        .filter(|&c| c != '\u{FFFE}' && c != '\u{FFFF}')
        .collect()
}

fn welsh(doc: &Document) -> bool {
    doc.lang
        .get(..2)
        .is_some_and(|l| l.eq_ignore_ascii_case("cy"))
}

/// The opening of an XHTML document, up to and including `<body>`.
fn head(doc: &Document, title: &str) -> String {
    let lang = escape(&doc.lang);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" \
         lang=\"{lang}\" xml:lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <title>{}</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n\
         </head>\n<body>\n",
        xhtml(&escape(title))
    )
}

fn content_document(doc: &Document, body: &str, front_matter: &[String]) -> String {
    let mut out = head(doc, &doc.title);
    out.push_str("<header>\n<h1>");
    out.push_str(&xhtml(&escape(&doc.title)));
    out.push_str("</h1>\n");
    if !doc.organisation.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"organisation\">{}</p>",
            xhtml(&escape(&doc.organisation))
        );
    }
    for line in front_matter {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", xhtml(line));
    }
    out.push_str("</header>\n<main id=\"main\">\n");
    out.push_str(body);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The navigation document: the contents as nested ordered lists inside `main` (a
/// reading system shows it as the book's contents; axe wants one main landmark).
fn nav_document(doc: &Document, ids: &[String]) -> String {
    let label = if welsh(doc) { "Cynnwys" } else { "Contents" };
    let mut out = head(doc, label);
    let _ = write!(
        out,
        "<main>\n<nav epub:type=\"toc\" id=\"toc\" aria-labelledby=\"toc-title\">\n\
         <h1 id=\"toc-title\">{label}</h1>\n<ol>\n<li><a href=\"notice.xhtml\">{}</a></li>\n",
        xhtml(&escape(&doc.title))
    );
    let mut ids = ids.iter();
    nav_entries(&doc.sections, &mut ids, &mut out);
    out.push_str("</ol>\n</nav>\n</main>\n</body>\n</html>\n");
    out
}

/// Contents entries for `sections`, nested as they are; a section left out of the
/// contents passes its listed children up (as in the HTML page).
fn nav_entries<'a>(
    sections: &[Section],
    ids: &mut impl Iterator<Item = &'a String>,
    out: &mut String,
) {
    for s in sections {
        let id = ids.next().map_or("", String::as_str);
        let mut children = String::new();
        nav_entries(&s.children, ids, &mut children);
        if s.in_contents {
            let lang = s.heading_lang.as_deref().map_or_else(String::new, |l| {
                let l = escape(l);
                format!(" lang=\"{l}\" xml:lang=\"{l}\"")
            });
            let _ = write!(
                out,
                "<li><a href=\"notice.xhtml#{}\"{lang}>{}</a>",
                escape(id),
                xhtml(&escape(&s.heading))
            );
            if !children.is_empty() {
                let _ = write!(out, "\n<ol>\n{children}</ol>\n");
            }
            out.push_str("</li>\n");
        } else {
            out.push_str(&children);
        }
    }
}

/// A stable identifier for the publication: the organisation and title as one slug, so
/// every edition of the same notice has the same identifier.
fn identifier(doc: &Document) -> String {
    let slug = crate::document::markdown::slug(&format!("{} {}", doc.organisation, doc.title));
    format!("urn:x-notice:{slug}")
}

fn package_document(doc: &Document) -> String {
    let lang = xml(&doc.lang);
    let date = doc.date.as_deref().unwrap_or(NO_DATE);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"id\" xml:lang=\"{lang}\">\n\
         <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n\
         <dc:identifier id=\"id\">{}</dc:identifier>\n\
         <dc:title>{}</dc:title>\n\
         <dc:language>{lang}</dc:language>\n",
        xml(&identifier(doc)),
        xml(&doc.title)
    );
    if !doc.organisation.trim().is_empty() {
        let _ = writeln!(
            out,
            "<dc:creator>{}</dc:creator>\n<dc:publisher>{0}</dc:publisher>",
            xml(&doc.organisation)
        );
    }
    let _ = writeln!(
        out,
        "<meta property=\"dcterms:modified\">{}T00:00:00Z</meta>",
        xml(date)
    );
    out.push_str(ACCESSIBILITY_METADATA);
    out.push_str(
        "</metadata>\n<manifest>\n\
         <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n\
         <item id=\"notice\" href=\"notice.xhtml\" media-type=\"application/xhtml+xml\"/>\n\
         <item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n\
         </manifest>\n<spine>\n<itemref idref=\"notice\"/>\n</spine>\n</package>\n",
    );
    out
}

/// What a reader's software and a library catalogue need to know before opening the
/// book (EPUB Accessibility 1.1 §2): text only, structured, no hazards, and the claim of
/// WCAG 2.2 AA that the tests hold the content documents to (axe, epubcheck).
const ACCESSIBILITY_METADATA: &str = "\
<meta property=\"schema:accessMode\">textual</meta>\n\
<meta property=\"schema:accessModeSufficient\">textual</meta>\n\
<meta property=\"schema:accessibilityFeature\">structuralNavigation</meta>\n\
<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>\n\
<meta property=\"schema:accessibilityFeature\">readingOrder</meta>\n\
<meta property=\"schema:accessibilityFeature\">displayTransformability</meta>\n\
<meta property=\"schema:accessibilityHazard\">none</meta>\n\
<meta property=\"schema:accessibilitySummary\">Text only. Headings, lists, tables with header rows and a contents list give the structure. No images, sound or video. The text can be resized and restyled.</meta>\n\
<meta property=\"dcterms:conformsTo\">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>\n";

const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n\
<rootfiles>\n<rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n\
</rootfiles>\n</container>\n";

/// Relative units only, left-aligned, no fixed font sizes: the reader's own settings win.
const STYLE: &str = "\
body { font-family: sans-serif; line-height: 1.5; text-align: left; overflow-wrap: break-word; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; font-weight: bold; page-break-after: avoid; break-after: avoid; }
h1 { font-size: 1.6em; }
h2 { font-size: 1.35em; }
h3 { font-size: 1.2em; }
h4, h5, h6 { font-size: 1.05em; }
p, ul, ol, dl, table { margin: 0 0 1em; }
.organisation { font-weight: bold; font-size: 1.15em; }
header { border-bottom: 1px solid #505a5f; margin-bottom: 1.5em; }
nav ol { list-style: none; padding-left: 0; }
nav ol ol { padding-left: 1.25em; margin: 0; }
nav li { margin: 0.25em 0; }
nav a { display: inline-block; min-height: 1.5em; min-width: 1.5em; padding: 0.125em 0; }
a { color: #15508a; text-decoration: underline; overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; }
.nowrap.long { white-space: normal; }
.table-wrap { overflow-x: auto; max-width: 100%; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.5em; }
th, td { text-align: left; vertical-align: top; padding: 0.4em 0.5em 0.4em 0; border-bottom: 1px solid #505a5f; }
dt { font-weight: bold; }
dd { margin: 0 0 0.5em; }
.note { border-left: 0.3em solid #15508a; padding: 0.5em 0 0.1em 1em; margin: 0 0 1em; }
";

#[cfg(test)]
mod tests;
