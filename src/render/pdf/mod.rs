//! Large-print, tagged PDF (PDF/UA-1).
//!
//! [`render_pdf`] lays the [`Document`] out as one column of large, left-aligned text on A4
//! (see [`layout`] for sizes and spacing and [`text`] for line breaking), then draws it with
//! [krilla], which writes the structure tree, embeds subset fonts with `ToUnicode` maps and,
//! with its PDF/UA-1 validator switched on, refuses to write a file that breaks the rules it
//! can check. `docs/pdf.md` explains the choices.
//!
//! Rendering is a pure function of the document and the options: no I/O, no clock, and
//! the same input always gives the same bytes.

mod fonts;
mod layout;
mod text;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

use std::fmt;
use std::num::NonZeroU16;

use krilla::Document as PdfDocument;
use krilla::SerializeSettings;
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::configure::{Accessibility, ConfigurationBuilder, ValidationError};
use krilla::destination::XyzDestination;
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, Tag, TagGroup,
    TagKind, TagTree,
};
use krilla::text::{GlyphId, KrillaGlyph};

use crate::document::Document;

use fonts::fonts;
use layout::{
    BASELINE, Child, Layout, MARGIN, NodeKind, OutlineEntry, PAGE_HEIGHT, PAGE_WIDTH, PagePlan,
    TagArena,
};
use text::Para;

/// Options for the large-print PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfOptions {
    /// Body text size in points: 18 by default, 20 or 24 on request. Must be at least 16.
    pub body_size: f32,
}

impl Default for PdfOptions {
    fn default() -> Self {
        Self { body_size: 18.0 }
    }
}

/// A rendered PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfOutput {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Things the reader should know about, in plain English (for example a character
    /// that no embedded font has, drawn as a replacement mark).
    pub warnings: Vec<super::RenderWarning>,
}

/// Why a PDF could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// The body size is outside what large print allows.
    BodySize(f32),
    /// The PDF would not meet PDF/UA-1; each entry says why.
    NotAccessible(Vec<String>),
    /// The PDF library failed.
    Writer(String),
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::BodySize(size) => write!(
                f,
                "the large-print body size must be between {MIN_BODY} and {MAX_BODY} points, \
                 not {size}"
            ),
            PdfError::NotAccessible(reasons) => write!(
                f,
                "the PDF would not meet the PDF/UA-1 accessibility standard: {}",
                reasons.join("; ")
            ),
            PdfError::Writer(message) => write!(f, "the PDF could not be written: {message}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// The smallest body size allowed: large print means nothing under 16 pt.
pub const MIN_BODY: f32 = 16.0;
/// The largest body size allowed.
pub const MAX_BODY: f32 = 48.0;

/// The registry entry (see [`super::format`]).
pub static FORMAT: super::FormatSpec = super::FormatSpec {
    name: "pdf",
    description: "a tagged large-print PDF",
    default: true,
    file_name: |stem| format!("{stem}-large-print.pdf"),
    render: |doc, cx| {
        let out = render_pdf(
            &doc.with_notice_links(|stem| format!("{stem}-large-print.pdf")),
            &PdfOptions {
                body_size: cx.body_size,
            },
        )
        .map_err(|e| format!("large-print PDF: {e}"))?;
        Ok(super::Output {
            bytes: out.bytes,
            warnings: out.warnings,
        })
    },
};

/// Renders the document as a large-print, tagged PDF/UA-1 file.
pub fn render_pdf(doc: &Document, opts: &PdfOptions) -> Result<PdfOutput, PdfError> {
    let body = opts.body_size;
    if !(MIN_BODY..=MAX_BODY).contains(&body) {
        return Err(PdfError::BodySize(body));
    }
    let (layout, pages) = lay_out_with_contents(doc, body);

    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| PdfError::Writer(format!("{e:?}")))?;
    let settings = SerializeSettings {
        enable_tagging: true,
        compress_content_streams: true,
        xmp_metadata: true,
        configuration,
        ..SerializeSettings::default()
    };
    let mut pdf = PdfDocument::new_with(settings);

    let lang = if doc.lang.trim().is_empty() {
        "en-GB".to_string()
    } else {
        doc.lang.trim().to_string()
    };
    let mut drawer = Drawer {
        layout: &layout,
        tags: layout.tags.clone(),
        link_nodes: vec![None; layout.links.len()],
        annotations: Vec::new(),
        body,
        lang: lang.clone(),
        positions: positions(&layout, &pages),
    };
    let total = pages.len();
    for (index, plan) in pages.iter().enumerate() {
        drawer.page(&mut pdf, index, total, plan);
    }

    let mut metadata = Metadata::new()
        .title(doc.title.trim().to_string())
        .language(lang.clone())
        .creator("notice".to_string());
    if !doc.organisation.trim().is_empty() {
        metadata = metadata.authors(vec![doc.organisation.trim().to_string()]);
    }
    pdf.set_metadata(metadata);
    pdf.set_outline(outline(&layout, &pages, doc));
    pdf.set_tag_tree(drawer.tag_tree(lang));

    let bytes = pdf.finish().map_err(explain)?;
    let bytes = open_with_bookmarks(bytes)?;
    Ok(PdfOutput {
        bytes,
        warnings: layout.warnings.clone(),
    })
}

/// A document longer than this many pages gets a contents page.
pub const CONTENTS_AFTER_PAGES: usize = 4;

/// Lays the document out and cuts it into pages, with a contents page after the title
/// block when it runs past [`CONTENTS_AFTER_PAGES`] pages without one.
///
/// The contents gives the page each section starts on, as printed in the footer. The
/// sections start on a fresh page after the contents, so only the number of pages before
/// them (title block and contents) can move them: their pages are read off the layout
/// without contents, paginated from the first section, and the title block and contents
/// alone are laid out until their page count settles. The sections' lines are then put
/// after the contents ([`layout::splice`]), and every number checked against where its
/// heading is; should one ever be wrong, the PDF is made without a contents page rather
/// than with wrong numbers.
fn lay_out_with_contents(doc: &Document, body: f32) -> (Layout, Vec<PagePlan>) {
    let bottom = layout::content_bottom(body);
    let plain = layout::layout(doc, body, None);
    let plain_pages = layout::paginate(&plain.items, MARGIN, bottom);
    let listed: Vec<usize> = doc
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.in_contents)
        .map(|(i, _)| i)
        .collect();
    if plain_pages.len() <= CONTENTS_AFTER_PAGES || listed.is_empty() {
        return (plain, plain_pages);
    }
    let welsh = is_welsh(&doc.lang);
    let contents_with = |numbers: &[usize]| layout::Contents {
        label: if welsh { "Cynnwys" } else { "Contents" }.to_string(),
        page_word: if welsh { "tudalen" } else { "page" }.to_string(),
        entries: listed
            .iter()
            .zip(numbers)
            .map(|(&i, &n)| (i, doc.sections[i].heading.clone(), n))
            .collect(),
        entry_langs: listed
            .iter()
            .map(|&i| doc.sections[i].heading_lang.clone())
            .collect(),
    };
    // The sections start on a fresh page after the contents, so their pages, counted from
    // there, are those of the sections laid out alone: the layout without contents,
    // paginated from the first section.
    let first = plain.outline[0].item;
    let body_pages = layout::paginate(&plain.items[first..], MARGIN, bottom);
    let offsets: Vec<usize> = listed
        .iter()
        .map(|&i| page_of(&body_pages, plain.outline[i].item - first))
        .collect();
    // How many pages the title and contents take depends (a little) on the numbers'
    // widths: lay out just those until the count settles. Each pass is a page or two.
    let head = Document {
        lang: doc.lang.clone(),
        title: doc.title.clone(),
        organisation: doc.organisation.clone(),
        front_matter: doc.front_matter.clone(),
        date: doc.date.clone(),
        sections: Vec::new(),
    };
    let mut before = 1;
    let mut numbers: Vec<usize> = offsets.iter().map(|o| before + o + 1).collect();
    let mut head_layout = None;
    for _ in 0..6 {
        let l = layout::layout(&head, body, Some(&contents_with(&numbers)));
        let count = layout::paginate(&l.items, MARGIN, bottom).len();
        if count == before {
            head_layout = Some(l);
            break;
        }
        before = count;
        numbers = offsets.iter().map(|o| before + o + 1).collect();
    }
    let Some(head_layout) = head_layout else {
        return (plain, plain_pages);
    };
    let plain_count = plain_pages.len();
    // The sections as already laid out, after the contents; then a check that every
    // heading is where its entry says.
    let l = layout::splice(head_layout, listed.len(), plain);
    let pages = layout::paginate(&l.items, MARGIN, bottom);
    let found: Vec<usize> = listed
        .iter()
        .map(|&i| page_of(&pages, l.outline[i].item) + 1)
        .collect();
    if found == numbers {
        (l, pages)
    } else {
        // Never seen: lay the document out again, without the contents.
        let plain = layout::layout(doc, body, None);
        let pages = layout::paginate(&plain.items, MARGIN, bottom);
        debug_assert_eq!(pages.len(), plain_count);
        (plain, pages)
    }
}

/// The index of the page that holds layout item `item`.
fn page_of(pages: &[PagePlan], item: usize) -> usize {
    pages
        .iter()
        .position(|p| p.items().contains(&item))
        .unwrap_or(0)
}

/// Whether the document is in Welsh.
fn is_welsh(lang: &str) -> bool {
    lang.split(['-', '_'])
        .next()
        .unwrap_or("")
        .eq_ignore_ascii_case("cy")
}

/// Makes the PDF open with its bookmarks showing: `/PageMode /UseOutlines` in the
/// document catalog.
///
/// krilla 0.8 has no setting for the page mode, so the key is added to the finished file.
/// krilla writes the catalog as the last object before a classic cross-reference table, so
/// the key can go inside the catalog's dictionary and only the `startxref` offset after it
/// moves: no other object's offset changes and the file stays a single revision. Each of
/// those facts is checked first; if krilla ever writes the file differently, this returns
/// an error (and the tests fail) instead of writing a damaged PDF.
pub fn open_with_bookmarks(mut bytes: Vec<u8>) -> Result<Vec<u8>, PdfError> {
    const KEY: &[u8] = b"/PageMode/UseOutlines";
    let fail = |what: &str| {
        PdfError::Writer(format!(
            "could not set the PDF to open with its bookmarks showing: {what}"
        ))
    };
    let find_last =
        |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).rposition(|w| w == needle);
    let xref = find_last(&bytes, b"\nxref\n").ok_or_else(|| fail("no cross-reference table"))? + 1;
    let startxref = find_last(&bytes, b"\nstartxref\n").ok_or_else(|| fail("no startxref"))? + 1;
    // The offset written after `startxref` must be the table's.
    let number_at = startxref + b"startxref\n".len();
    let number_end = number_at
        + bytes[number_at..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .ok_or_else(|| fail("no startxref offset"))?;
    let offset: usize = std::str::from_utf8(&bytes[number_at..number_end])
        .ok()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| fail("unreadable startxref offset"))?;
    if offset != xref {
        return Err(fail("startxref does not point at the table"));
    }
    // The last object before the table must be the catalog, ending `>>\nendobj\n`.
    let end = b">>\nendobj\n";
    if !bytes[..xref].ends_with(end) {
        return Err(fail("the last object is not a dictionary"));
    }
    // The catalog object: from the end of the object before it to the table.
    let obj_start = find_last(&bytes[..xref - b"endobj\n".len()], b"endobj\n")
        .map_or(0, |i| i + b"endobj\n".len());
    let object = &bytes[obj_start..xref];
    let has = |needle: &[u8]| object.windows(needle.len()).any(|w| w == needle);
    if !has(b"/Type/Catalog") || has(b"/PageMode") {
        return Err(fail(
            "the last object is not the catalog, or already has a page mode",
        ));
    }
    // The table's offsets must all be before the catalog's dictionary ends.
    let insert_at = xref - end.len();
    let table =
        std::str::from_utf8(&bytes[xref..startxref]).map_err(|_| fail("unreadable table"))?;
    let beyond = table
        .lines()
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let (a, _, kind) = (parts.next()?, parts.next()?, parts.next()?);
            (kind == "n").then(|| a.parse::<usize>().ok()).flatten()
        })
        .any(|o| o >= insert_at);
    if beyond {
        return Err(fail("an object starts after the catalog"));
    }
    bytes.splice(insert_at..insert_at, KEY.iter().copied());
    let new_offset = (offset + KEY.len()).to_string();
    let (number_at, number_end) = (number_at + KEY.len(), number_end + KEY.len());
    bytes.splice(number_at..number_end, new_offset.bytes());
    Ok(bytes)
}

/// Draws pages and fills in the structure tree as content is marked.
struct Drawer<'a> {
    layout: &'a Layout,
    tags: TagArena,
    /// The structure node of each link, made when its first piece is drawn.
    link_nodes: Vec<Option<usize>>,
    /// Annotation identifiers, in the order they were added.
    annotations: Vec<Identifier>,
    body: f32,
    /// The document language, for the footer's words.
    lang: String,
    /// The page (from 0) and top of every layout item, for links inside the document.
    positions: Vec<(usize, f32)>,
}

/// A link annotation to add once the page's content is finished.
struct PendingLink {
    rect: Rect,
    link: usize,
    /// Index into `annotations` that the structure tree refers to.
    slot: usize,
}

impl Drawer<'_> {
    fn page(&mut self, pdf: &mut PdfDocument, index: usize, total: usize, plan: &PagePlan) {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a valid size");
        let mut page = pdf.start_page_with(settings);
        let mut links = Vec::new();
        {
            let mut surface = page.surface();
            surface.set_fill(Some(Fill::default()));
            for (k, item_index) in plan.items().enumerate() {
                let item = &self.layout.items[item_index];
                let baseline = plan.tops[k] + item.size * BASELINE;
                for marker in &item.markers {
                    self.draw_line(&mut surface, marker.para, 0, marker.x, baseline, &mut links);
                }
                self.draw_line(
                    &mut surface,
                    item.para,
                    item.line,
                    item.x,
                    baseline,
                    &mut links,
                );
            }
            self.draw_rules(&mut surface, plan);
            self.draw_footer(&mut surface, index, total);
            surface.finish();
        }
        for pending in links {
            let link = &self.layout.links[pending.link];
            let target = match link.section.and_then(|s| self.layout.outline.get(s)) {
                Some(entry) => {
                    let (page, top) = self.positions[entry.item];
                    Target::Destination(XyzDestination::new(page, Point::from_xy(0.0, top)).into())
                }
                None => Target::Action(Action::Link(LinkAction::new(link.url.clone()))),
            };
            let annotation = Annotation::new_link(
                LinkAnnotation::new(pending.rect, target),
                Some(self.link_description(link)),
            );
            let id = page.add_tagged_annotation(annotation);
            self.annotations[pending.slot] = id;
        }
        page.finish();
    }

    /// Draws one line of a paragraph, marking its content for the structure tree.
    fn draw_line(
        &mut self,
        surface: &mut Surface,
        para_index: usize,
        line_index: usize,
        x: f32,
        baseline: f32,
        links: &mut Vec<PendingLink>,
    ) {
        let layout = self.layout;
        let placed = &layout.paras[para_index];
        let para = &placed.para;
        let Some(line) = placed.lines.get(line_index) else {
            return;
        };
        let end = para.glyph_at(line.range.end);
        let mut i = para.glyph_at(line.range.start);
        // Every line but the last ends in a space, drawn invisibly at the ragged edge, so
        // that text extraction and screen readers keep the words apart.
        // (Not where an over-long word or URL was cut: nothing separated the pieces.)
        let space_after = placed
            .lines
            .get(line_index + 1)
            .is_some_and(|next| line.range.end < next.range.start);
        let mut pen = x;
        let span_of = |g: usize| para.span_at(para.glyphs[g].cluster);
        let link_of = |g: usize| span_of(g).and_then(|s| s.link);
        let lang_of = |g: usize| span_of(g).and_then(|s| s.lang.as_deref());
        while i < end {
            let link = link_of(i);
            let lang = lang_of(i);
            let mut j = i + 1;
            while j < end && link_of(j) == link && lang_of(j) == lang {
                j += 1;
            }
            let start_x = pen;
            let id = surface.start_tagged(ContentTag::Span(SpanTag::empty().with_lang(lang)));
            let space = space_after && j == end;
            pen = draw_glyphs(surface, para, i, j, line.range.end, pen, baseline, space);
            surface.end_tagged();
            // Text in another language sits in a Span structure element with its `/Lang`,
            // one per run: a run continued on the next line joins the same element.
            let parent = match lang {
                None => placed.node,
                Some(lang) => self.lang_node(placed.node, lang),
            };
            match link {
                None => self.tags.nodes[parent].children.push(Child::Content(id)),
                Some(link) => {
                    let node = match self.link_nodes[link] {
                        Some(node) => node,
                        None => {
                            let node = self.tags.add(parent, NodeKind::Link(link));
                            self.link_nodes[link] = Some(node);
                            node
                        }
                    };
                    let slot = self.annotations.len();
                    // A placeholder until the annotation is added after the page's content.
                    self.annotations.push(id);
                    let children = &mut self.tags.nodes[node].children;
                    children.push(Child::Annotation(slot));
                    children.push(Child::Content(id));
                    let size = para.size;
                    if let Some(rect) = Rect::from_ltrb(
                        start_x,
                        baseline - size * 1.0,
                        pen.max(start_x + 1.0),
                        baseline + size * 0.3,
                    ) {
                        links.push(PendingLink { rect, link, slot });
                    }
                }
            }
            i = j;
        }
    }

    /// The Span element for text in `lang` under `node`: the node's last child when that
    /// is already such a Span (the run goes on), else a new one.
    fn lang_node(&mut self, node: usize, lang: &str) -> usize {
        if let Some(Child::Node(last)) = self.tags.nodes[node].children.last()
            && matches!(&self.tags.nodes[*last].kind, NodeKind::Span(l) if l == lang)
        {
            return *last;
        }
        self.tags.add(node, NodeKind::Span(lang.to_owned()))
    }

    fn draw_rules(&self, surface: &mut Surface, plan: &PagePlan) {
        let on_page = plan.items();
        for rule in &self.layout.rules {
            let first = rule.items.0.max(on_page.start);
            let last = rule.items.1.min(on_page.end.saturating_sub(1));
            if on_page.is_empty() || first > last {
                continue;
            }
            let top = plan.tops[first - on_page.start];
            let last_item = &self.layout.items[last];
            let bottom = plan.tops[last - on_page.start] + last_item.height;
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_ltrb(rule.x, top, rule.x + layout::RULE_WIDTH, bottom) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                    ArtifactType::Layout,
                )));
                surface.draw_path(&path);
                surface.end_tagged();
            }
        }
    }

    /// What a screen reader says for a link (see [`link_description`]); a contents entry
    /// says where it goes in the document.
    fn link_description(&self, link: &text::Link) -> String {
        match link.section.and_then(|s| self.layout.outline.get(s)) {
            Some(entry) => {
                let page = self.positions[entry.item].0 + 1;
                let sep = layout::page_separator(&link.text);
                if is_welsh(&self.lang) {
                    format!("{}{sep}tudalen {page}", link.text)
                } else {
                    format!("{}{sep}page {page}", link.text)
                }
            }
            None => link_description(&link.text, &link.url),
        }
    }

    fn draw_footer(&self, surface: &mut Surface, index: usize, total: usize) {
        let mut p = text::ParaBuilder::new();
        p.push(
            &page_label(&self.lang, index + 1, total),
            false,
            None,
            false,
        );
        let para = p.finish(self.body, &mut Vec::new());
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::Footer,
        )));
        draw_glyphs(
            surface,
            &para,
            0,
            para.glyphs.len(),
            para.text.len(),
            MARGIN,
            layout::footer_baseline(),
            false,
        );
        surface.end_tagged();
    }

    /// The structure tree: everything under one Document element, in reading order.
    fn tag_tree(&self, lang: String) -> TagTree {
        let mut tree = TagTree::new().with_lang(Some(lang));
        for child in &self.tags.nodes[0].children {
            if let Some(node) = self.convert(child) {
                tree.push(node);
            }
        }
        tree
    }

    fn convert(&self, child: &Child) -> Option<Node> {
        match child {
            Child::Content(id) => Some(Node::Leaf(*id)),
            Child::Annotation(slot) => Some(Node::Leaf(self.annotations[*slot])),
            Child::Node(index) => {
                let node = &self.tags.nodes[*index];
                let children: Vec<Node> = node
                    .children
                    .iter()
                    .filter_map(|c| self.convert(c))
                    .collect();
                if children.is_empty() {
                    return None;
                }
                let tag: TagKind = match &node.kind {
                    NodeKind::Heading(level, title) => Tag::Hn(
                        NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN),
                        Some(title.clone()),
                    )
                    .into(),
                    NodeKind::P => Tag::P.into(),
                    NodeKind::List(style) => Tag::L(match style {
                        layout::ListStyle::Numbered => ListNumbering::Decimal,
                        layout::ListStyle::Bulleted => ListNumbering::Disc,
                        layout::ListStyle::Plain => ListNumbering::None,
                    })
                    .into(),
                    NodeKind::ListItem => Tag::LI.into(),
                    NodeKind::Label => Tag::Lbl.into(),
                    NodeKind::ListBody => Tag::LBody.into(),
                    NodeKind::Caption => Tag::Caption.into(),
                    NodeKind::Div => Tag::Div.into(),
                    NodeKind::Link(link) => {
                        let link = &self.layout.links[*link];
                        Tag::Link
                            .with_alt_text(Some(self.link_description(link)))
                            .into()
                    }
                    NodeKind::Span(lang) => Tag::Span.with_lang(Some(lang.clone())).into(),
                    NodeKind::Toc => Tag::TOC.into(),
                    NodeKind::TocItem => Tag::TOCI.into(),
                };
                Some(Node::Group(TagGroup::with_children(tag, children)))
            }
        }
    }
}

/// Draws glyphs `from..to` of a paragraph starting at `x`, one run per font; returns the
/// pen position after them. `text_end` is where the drawn text ends in the paragraph.
/// With `space_after`, a space glyph follows the last glyph (see [`Drawer::draw_line`]).
#[allow(clippy::too_many_arguments)]
fn draw_glyphs(
    surface: &mut Surface,
    para: &Para,
    from: usize,
    to: usize,
    text_end: usize,
    x: f32,
    baseline: f32,
    space_after: bool,
) -> f32 {
    let set = fonts();
    let mut pen = x;
    let mut k = from;
    while k < to {
        let face = para.glyphs[k].face;
        let mut m = k + 1;
        while m < to && para.glyphs[m].face == face {
            m += 1;
        }
        let run_start = para.glyphs[k].cluster;
        let run_end = if m < para.glyphs.len() {
            para.glyphs[m].cluster.min(text_end).max(run_start)
        } else {
            text_end
        };
        let mut run_text = std::borrow::Cow::Borrowed(&para.text[run_start..run_end]);
        let mut glyphs = Vec::with_capacity(m - k);
        let mut width = 0.0;
        for g in k..m {
            let glyph = &para.glyphs[g];
            let start = glyph.cluster;
            let next = para.glyphs[g + 1..m]
                .iter()
                .map(|n| n.cluster)
                .find(|&c| c > start)
                .unwrap_or(run_end);
            let end = visible_end(&para.text, start, next);
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(u32::from(glyph.gid)),
                glyph.advance,
                glyph.x_offset,
                glyph.y_offset,
                0.0,
                start - run_start..end - run_start,
                None,
            ));
            width += glyph.advance * para.size;
        }
        if space_after && m == to {
            let (gid, advance) = set.space(face);
            let at = run_text.len();
            run_text.to_mut().push(' ');
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(u32::from(gid)),
                advance,
                0.0,
                0.0,
                0.0,
                at..at + 1,
                None,
            ));
        }
        surface.draw_glyphs(
            Point::from_xy(pen, baseline),
            &glyphs,
            set.krilla(face),
            &run_text,
            para.size,
            false,
        );
        pen += width;
        k = m;
    }
    pen
}

/// `end` moved back over invisible characters (soft hyphens, zero-width spaces), keeping
/// at least one character after `start`.
fn visible_end(text: &str, start: usize, mut end: usize) -> usize {
    while let Some(c) = text[start..end].chars().next_back() {
        if end - c.len_utf8() > start && fonts::is_invisible(c) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// The footer: "Page 3 of 12", in Welsh for a Welsh document.
fn page_label(lang: &str, page: usize, total: usize) -> String {
    if is_welsh(lang) {
        format!("Tudalen {page} o {total}")
    } else {
        format!("Page {page} of {total}")
    }
}

/// What a screen reader says for a link: its text and where it goes. (The reader already
/// announces that it is a link.)
fn link_description(text: &str, url: &str) -> String {
    let target = url
        .strip_prefix("mailto:")
        .or_else(|| url.strip_prefix("tel:"))
        .unwrap_or(url);
    if text.is_empty() || text == url || text == target {
        target.to_string()
    } else {
        format!("{text} ({target})")
    }
}

/// Bookmarks: one per section, nested like the sections. A document with no sections gets
/// one bookmark for its title, because PDF/UA needs an outline.
fn outline(layout: &Layout, pages: &[PagePlan], doc: &Document) -> Outline {
    let position = positions(layout, pages);
    fn node(entry: &OutlineEntry, position: &[(usize, f32)]) -> OutlineNode {
        let (page, top) = position.get(entry.item).copied().unwrap_or((0, MARGIN));
        let mut n = OutlineNode::new(
            entry.title.clone(),
            XyzDestination::new(page, Point::from_xy(0.0, top)),
        )
        .with_open(true);
        for child in &entry.children {
            n.push_child(node(child, position));
        }
        n
    }
    let mut outline = Outline::new();
    for entry in &layout.outline {
        outline.push_child(node(entry, &position));
    }
    if layout.outline.is_empty() {
        let title = if doc.title.trim().is_empty() {
            "Privacy notice".to_string()
        } else {
            doc.title.trim().to_string()
        };
        outline.push_child(OutlineNode::new(
            title,
            XyzDestination::new(0, Point::from_xy(0.0, MARGIN)),
        ));
    }
    outline
}

/// The page (from 0) and top of every layout item.
fn positions(layout: &Layout, pages: &[PagePlan]) -> Vec<(usize, f32)> {
    let mut position = vec![(0usize, MARGIN); layout.items.len()];
    for (p, plan) in pages.iter().enumerate() {
        for (k, item) in plan.items().enumerate() {
            position[item] = (p, plan.tops[k]);
        }
    }
    position
}

/// Turns a krilla error into plain English.
fn explain(error: KrillaError) -> PdfError {
    match error {
        KrillaError::Validation(errors) => {
            let mut reasons: Vec<String> = Vec::new();
            for (e, _) in errors {
                let reason = match e {
                    ValidationError::NoDocumentTitle => "the document has no title".to_string(),
                    ValidationError::NoDocumentLanguage => {
                        "the document has no language".to_string()
                    }
                    ValidationError::MissingHeadingTitle => "a heading has no text".to_string(),
                    ValidationError::MissingDocumentOutline => {
                        "the document has no bookmarks".to_string()
                    }
                    ValidationError::MissingAnnotationAltText(_) => {
                        "a link has no description".to_string()
                    }
                    ValidationError::ContainsNotDefGlyph(_, _, text) => {
                        format!("no font can draw the text \"{text}\"")
                    }
                    ValidationError::InvalidCodepointMapping(_, _, c, _) => format!(
                        "the character U+{:04X} cannot be used in an accessible PDF",
                        u32::from(c)
                    ),
                    ValidationError::NoCodepointMapping(..) => {
                        "some drawn text could not be mapped back to characters".to_string()
                    }
                    ValidationError::TooLongString => {
                        "a piece of text is too long for a PDF string".to_string()
                    }
                    other => format!("{other:?}"),
                };
                if !reasons.contains(&reason) {
                    reasons.push(reason);
                }
            }
            PdfError::NotAccessible(reasons)
        }
        other => PdfError::Writer(other.to_string()),
    }
}
