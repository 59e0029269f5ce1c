//! Block layout and pagination.
//!
//! The document is laid out as a single column of lines ([`Item`]s), each with its font size,
//! indent and the space above it, then cut into pages. Every paragraph also gets a node in
//! the structure tree ([`TagArena`]) so the drawing pass knows where its content belongs.
//!
//! Sizes are multiples of the body size `b` (18 pt by default):
//!
//! | what | size | weight |
//! | --- | --- | --- |
//! | title (H1) | 1.45 b | bold |
//! | section heading (H2) | 1.25 b | bold |
//! | H3 | 1.1 b | bold |
//! | H4 and deeper | b | bold |
//! | body, lists, tables, fields, notes, footer | b | regular (labels bold) |
//!
//! Lines are 1.5 × their font size apart; paragraphs, lists, tables and notes are separated
//! by one body line (1.5 b).

use crate::document::{Block, Document, Field, Section, Table};

use super::text::{Line, Link, Para, ParaBuilder};

/// A4 width in points.
pub(super) const PAGE_WIDTH: f32 = 595.28;
/// A4 height in points.
pub(super) const PAGE_HEIGHT: f32 = 841.89;
/// 25 mm, on every side.
pub(super) const MARGIN: f32 = 70.87;
/// Line height as a multiple of the font size.
pub(super) const LINE_HEIGHT: f32 = 1.5;
/// Where the baseline sits in a line box, as a multiple of the font size from its top.
pub(super) const BASELINE: f32 = 1.1;
/// Width of the rule to the left of a note.
pub(super) const RULE_WIDTH: f32 = 3.0;

/// Where the footer's baseline sits.
pub(super) fn footer_baseline() -> f32 {
    PAGE_HEIGHT - MARGIN
}

/// The lowest point body text may reach: above the footer and a gap.
pub(super) fn content_bottom(body: f32) -> f32 {
    footer_baseline() - body * 1.2 - body * LINE_HEIGHT * 0.5
}

/// Font size of a heading at `level` (1 is the title).
pub(super) fn heading_size(level: u16, body: f32) -> f32 {
    match level {
        1 => body * 1.45,
        2 => body * 1.25,
        3 => body * 1.1,
        _ => body,
    }
}

/// What a structure node is. Mirrors the krilla tags used.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum NodeKind {
    /// A heading with its level and text.
    Heading(u16, String),
    /// A paragraph.
    P,
    /// A list.
    List(ListStyle),
    /// A list item.
    ListItem,
    /// A list item's label (bullet or number).
    Label,
    /// A list item's body.
    ListBody,
    /// A caption (of a linearised table).
    Caption,
    /// A generic block grouping (a note).
    Div,
    /// A link; the index is into [`Layout::links`].
    Link(usize),
    /// Text in another language than the document's, with that language.
    Span(String),
    /// The contents list.
    Toc,
    /// One entry of the contents list.
    TocItem,
}

/// How a list is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ListStyle {
    /// 1., 2., 3.
    Numbered,
    /// Bullets.
    Bulleted,
    /// No markers (a linearised table's rows).
    Plain,
}

/// A child of a structure node.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Child {
    /// Another node.
    Node(usize),
    /// Marked content on a page.
    Content(krilla::tagging::Identifier),
    /// A link annotation, by its index in the drawer's annotation list.
    Annotation(usize),
}

/// A structure node.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Node {
    /// What it is.
    pub kind: NodeKind,
    /// Its children in reading order.
    pub children: Vec<Child>,
}

/// The structure tree, as an arena. Node 0 is the document root.
#[derive(Debug, Clone, Default)]
pub(super) struct TagArena {
    /// All nodes; children refer to them by index.
    pub nodes: Vec<Node>,
}

impl TagArena {
    fn new() -> Self {
        Self {
            nodes: vec![Node {
                kind: NodeKind::Div,
                children: Vec::new(),
            }],
        }
    }

    /// Adds a node under `parent`, returning its index.
    pub(super) fn add(&mut self, parent: usize, kind: NodeKind) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            children: Vec::new(),
        });
        self.nodes[parent].children.push(Child::Node(id));
        id
    }
}

/// A paragraph placed in the layout: its shaped text, lines and structure node.
#[derive(Debug, Clone)]
pub(super) struct PlacedPara {
    /// The shaped text.
    pub para: Para,
    /// Its lines.
    pub lines: Vec<Line>,
    /// The structure node its content belongs to.
    pub node: usize,
}

/// A list marker drawn in the gutter of an item's first line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Marker {
    /// The paragraph holding the marker text.
    pub para: usize,
    /// Its left edge.
    pub x: f32,
}

/// One line in the column.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Item {
    /// The paragraph and line drawn here.
    pub para: usize,
    /// Which of its lines.
    pub line: usize,
    /// Left edge of the text.
    pub x: f32,
    /// Font size.
    pub size: f32,
    /// Height of the line box.
    pub height: f32,
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    /// A page break just before this line is not allowed (headings kept with what
    /// follows; no lone first or last line of a paragraph).
    pub keep_with_prev: bool,
    /// List markers drawn on this line (more than one when a nested list starts an item).
    pub markers: Vec<Marker>,
    /// This line starts a new page (the first section after the contents page).
    pub break_before: bool,
}

/// A vertical rule beside a run of lines (a note).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Rule {
    /// The first and last item (inclusive) it runs beside.
    pub items: (usize, usize),
    /// Its left edge.
    pub x: f32,
}

/// A bookmark.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct OutlineEntry {
    /// The heading text.
    pub title: String,
    /// The heading's first line.
    pub item: usize,
    /// Child sections.
    pub children: Vec<OutlineEntry>,
}

/// The whole document laid out as one column.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    /// Paragraphs, in reading order.
    pub paras: Vec<PlacedPara>,
    /// Lines, in reading order.
    pub items: Vec<Item>,
    /// Rules beside notes.
    pub rules: Vec<Rule>,
    /// The structure tree.
    pub tags: TagArena,
    /// Links, in reading order.
    pub links: Vec<Link>,
    /// Bookmarks for the sections.
    pub outline: Vec<OutlineEntry>,
    /// Characters no font has, each once.
    pub warnings: Vec<crate::render::RenderWarning>,
}

/// The contents page to lay out after the title block: one entry per top-level section
/// listed in the contents, with the page number its heading is printed on.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Contents {
    /// The heading over the list ("Contents").
    pub label: String,
    /// The word before each page number ("page").
    pub page_word: String,
    /// Each entry: the section's index in the outline (= in the document's sections), its
    /// heading, and its printed page number.
    pub entries: Vec<(usize, String, usize)>,
    /// Each entry's heading language, when it is not the document's (missing: the
    /// document's).
    pub entry_langs: Vec<Option<String>>,
}

/// Vertical spacing, as multiples of the body line height.
mod gap {
    pub(super) const PARAGRAPH: f32 = 1.0;
    pub(super) const BEFORE_H2: f32 = 1.5;
    pub(super) const BEFORE_H3: f32 = 1.25;
    pub(super) const AFTER_HEADING: f32 = 0.35;
    pub(super) const LIST_ITEM: f32 = 0.5;
    pub(super) const FIELD: f32 = 0.25;
    pub(super) const TABLE_ROW: f32 = 0.6;
    pub(super) const AFTER_CAPTION: f32 = 0.3;
    pub(super) const AFTER_LABEL: f32 = 0.2;
    pub(super) const FRONT_MATTER: f32 = 0.25;
}

struct Builder {
    body: f32,
    out: Layout,
    /// Space requested before the next line.
    pending: f32,
    /// The next line must stay with the one before it (it follows a heading or label).
    keep_next: bool,
    /// After a heading the gap is fixed, whatever the next block asks for.
    after_heading: bool,
    /// Markers waiting for the next line.
    markers: Vec<Marker>,
    /// Extra indent for the second and later lines of the next paragraph placed.
    hang: f32,
    /// The next line starts a new page.
    break_next: bool,
}

/// The id of the summary section, kept on one page when it fits on one.
const SUMMARY_ID: &str = "at-a-glance";

/// Lays out the document, with a contents page after the title block when `contents` is
/// given. Pure: the same input always gives the same layout.
pub(super) fn layout(doc: &Document, body: f32, contents: Option<&Contents>) -> Layout {
    let mut b = Builder {
        body,
        out: Layout {
            paras: Vec::new(),
            items: Vec::new(),
            rules: Vec::new(),
            tags: TagArena::new(),
            links: Vec::new(),
            outline: Vec::new(),
            warnings: Vec::new(),
        },
        pending: 0.0,
        keep_next: false,
        after_heading: false,
        markers: Vec::new(),
        hang: 0.0,
        break_next: false,
    };
    b.title_page(doc);
    if let Some(contents) = contents {
        b.contents(contents);
    }
    for section in &doc.sections {
        let first = b.out.items.len();
        let entry = b.section(section, 2);
        if section.id == SUMMARY_ID {
            // The summary stays on one page: no break inside it. (When it is longer than
            // a page, pagination has no choice and breaks it anyway.)
            for item in b.out.items.iter_mut().skip(first + 1) {
                item.keep_with_prev = true;
            }
        }
        b.out.outline.push(entry);
    }
    b.out
}

/// The layout of a document with a contents page, made from the title block and contents
/// laid out alone (`head`) and the document laid out without contents (`plain`): the
/// sections of `plain` follow the contents of `head`, starting a new page. The same as
/// laying the whole document out with the contents (the sections' lines do not depend on
/// what is before them), without a second pass over the sections.
pub(super) fn splice(head: Layout, contents_entries: usize, plain: Layout) -> Layout {
    let Some(first_entry) = plain.outline.first() else {
        return head;
    };
    let first = first_entry.item;
    let para_base = plain.items[first].para;
    let node_base = plain.paras[para_base].node;
    // The title block's links come first in both.
    let title_links = head.links.len() - contents_entries;
    let (paras_off, nodes_off, links_off, items_off) = (
        head.paras.len(),
        head.tags.nodes.len(),
        head.links.len(),
        head.items.len(),
    );
    let para = |p: usize| p - para_base + paras_off;
    let node = |n: usize| n - node_base + nodes_off;
    let link = |l: usize| l - title_links + links_off;
    let item = |i: usize| i - first + items_off;

    let mut out = head;
    for mut placed in plain.paras.into_iter().skip(para_base) {
        placed.node = node(placed.node);
        for span in &mut placed.para.spans {
            span.link = span.link.map(link);
        }
        out.paras.push(placed);
    }
    let mut body_nodes = plain.tags.nodes.into_iter();
    let root = body_nodes.next().map(|n| n.children).unwrap_or_default();
    let renumber = |c: Child| match c {
        Child::Node(n) => Child::Node(node(n)),
        other => other,
    };
    for mut n in body_nodes.skip(node_base - 1) {
        n.children = n.children.into_iter().map(renumber).collect();
        out.tags.nodes.push(n);
    }
    for c in root {
        if matches!(c, Child::Node(n) if n >= node_base) {
            out.tags.nodes[0].children.push(renumber(c));
        }
    }
    out.links.extend(plain.links.into_iter().skip(title_links));
    for (k, mut it) in plain.items.into_iter().skip(first).enumerate() {
        it.para = para(it.para);
        for m in &mut it.markers {
            m.para = para(m.para);
        }
        if k == 0 {
            it.break_before = true;
        }
        out.items.push(it);
    }
    out.rules.extend(plain.rules.into_iter().map(|r| Rule {
        items: (item(r.items.0), item(r.items.1)),
        x: r.x,
    }));
    fn shift(e: OutlineEntry, item: &dyn Fn(usize) -> usize) -> OutlineEntry {
        OutlineEntry {
            title: e.title,
            item: item(e.item),
            children: e.children.into_iter().map(|c| shift(c, item)).collect(),
        }
    }
    out.outline = plain.outline.into_iter().map(|e| shift(e, &item)).collect();
    for w in plain.warnings {
        if !out.warnings.contains(&w) {
            out.warnings.push(w);
        }
    }
    out
}

impl Builder {
    fn line_height(&self) -> f32 {
        self.body * LINE_HEIGHT
    }

    /// Asks for at least `lines` body lines of space before the next line.
    fn space(&mut self, lines: f32) {
        if !self.after_heading {
            self.pending = self.pending.max(lines * self.line_height());
        }
    }

    fn title_page(&mut self, doc: &Document) {
        let x = MARGIN;
        let mut p = ParaBuilder::new();
        p.push(&doc.title, true, None, false);
        self.heading(p, 1, &doc.title, x, 0);
        self.after_heading = false;
        self.pending = gap::AFTER_HEADING * self.line_height();

        let mut p = ParaBuilder::new();
        p.push(&doc.organisation, false, None, false);
        self.paragraph(p, heading_size(3, self.body), x, 0, NodeKind::P);
        for (i, line) in doc.front_matter.iter().enumerate() {
            self.space(if i == 0 {
                gap::PARAGRAPH * 0.5
            } else {
                gap::FRONT_MATTER
            });
            let mut p = ParaBuilder::new();
            p.push_inlines(line, false, &mut self.out.links);
            self.paragraph(p, self.body, x, 0, NodeKind::P);
        }
    }

    /// The contents list: a heading, then one line per entry ("Who we are, page 5"), each
    /// a link to its section; the sections start on the next page.
    fn contents(&mut self, contents: &Contents) {
        self.space(gap::BEFORE_H2);
        let mut p = ParaBuilder::new();
        p.push(&contents.label, true, None, false);
        self.heading(p, 2, &contents.label, MARGIN, 0);
        let toc = self.out.tags.add(0, NodeKind::Toc);
        for (i, (section, heading, page)) in contents.entries.iter().enumerate() {
            if i > 0 {
                self.space(gap::FIELD);
            }
            let item = self.out.tags.add(toc, NodeKind::TocItem);
            let mut p = ParaBuilder::new();
            p.set_lang(contents.entry_langs.get(i).and_then(Option::as_deref));
            p.push_section_link(&heading_title(heading), *section, &mut self.out.links);
            p.set_lang(None);
            let sep = page_separator(&heading_title(heading));
            p.push(&format!("{sep}{} ", contents.page_word), false, None, false);
            p.push(&page.to_string(), false, None, true);
            self.hang = self.body;
            self.paragraph(p, self.body, MARGIN, item, NodeKind::P);
        }
        self.break_next = true;
    }

    fn section(&mut self, section: &Section, level: u16) -> OutlineEntry {
        self.space(if level <= 2 {
            gap::BEFORE_H2
        } else {
            gap::BEFORE_H3
        });
        let mut p = ParaBuilder::new();
        p.set_lang(section.heading_lang.as_deref());
        p.push(&section.heading, true, None, false);
        let item = self.heading(p, level, &section.heading, MARGIN, 0);
        self.blocks(&section.blocks, MARGIN, 0, level);
        let children = section
            .children
            .iter()
            .map(|c| self.section(c, level + 1))
            .collect();
        OutlineEntry {
            title: heading_title(&section.heading),
            item,
            children,
        }
    }

    /// Lays out a heading; returns the index of its first line.
    fn heading(&mut self, p: ParaBuilder, level: u16, text: &str, x: f32, parent: usize) -> usize {
        let node = self
            .out
            .tags
            .add(parent, NodeKind::Heading(level, heading_title(text)));
        let first = self.out.items.len();
        let size = heading_size(level, self.body);
        self.place(p, size, x, node, true);
        self.keep_next = true;
        self.after_heading = true;
        self.pending = gap::AFTER_HEADING * self.line_height();
        first
    }

    fn blocks(&mut self, blocks: &[Block], x: f32, parent: usize, level: u16) {
        for (i, block) in blocks.iter().enumerate() {
            if i > 0 {
                self.space(gap::PARAGRAPH);
            }
            self.block(block, x, parent, level);
        }
    }

    fn block(&mut self, block: &Block, x: f32, parent: usize, level: u16) {
        match block {
            Block::Paragraph(inlines) => {
                let mut p = ParaBuilder::new();
                p.push_inlines(inlines, false, &mut self.out.links);
                self.paragraph(p, self.body, x, parent, NodeKind::P);
            }
            Block::Subheading(text) => {
                self.space(gap::BEFORE_H3);
                let mut p = ParaBuilder::new();
                p.push(text, true, None, false);
                self.heading(p, level + 1, text, x, parent);
            }
            Block::List { ordered, items } => self.list(*ordered, items, x, parent, level),
            Block::Table(table) => self.table(table, x, parent),
            Block::Fields(fields) => self.fields(fields, x, parent),
            Block::Note { label, blocks } => self.note(label, blocks, x, parent, level),
        }
    }

    /// A paragraph-like block with its own structure node of `kind` under `parent`.
    fn paragraph(&mut self, p: ParaBuilder, size: f32, x: f32, parent: usize, kind: NodeKind) {
        if p.text().is_empty() && self.markers.is_empty() {
            self.hang = 0.0;
            return;
        }
        let node = self.out.tags.add(parent, kind);
        self.place(p, size, x, node, false);
    }

    /// Shapes and breaks a paragraph and adds its lines.
    fn place(&mut self, p: ParaBuilder, size: f32, x: f32, node: usize, keep_all: bool) {
        let mut missing = Vec::new();
        let para = p.finish(size, &mut missing);
        self.warn_missing(&para, &missing);
        let hang = std::mem::take(&mut self.hang);
        let mut lines = para.break_lines(PAGE_WIDTH - MARGIN - x - hang);
        if lines.is_empty() {
            // An empty paragraph still holds its marker, if any.
            lines.push(Line {
                range: 0..0,
                width: 0.0,
            });
        }
        let n = lines.len();
        let index = self.out.paras.len();
        self.out.paras.push(PlacedPara { para, lines, node });
        for line in 0..n {
            let keep_with_prev = if line == 0 {
                std::mem::take(&mut self.keep_next)
            } else {
                // No lone last line at the top of a page, no lone first line at the
                // bottom; headings never split.
                keep_all || line == n - 1 || (line == 1 && n >= 3)
            };
            let space_before = std::mem::take(&mut self.pending);
            self.after_heading = false;
            let markers = std::mem::take(&mut self.markers);
            let break_before = line == 0 && std::mem::take(&mut self.break_next);
            self.out.items.push(Item {
                para: index,
                line,
                x: if line == 0 { x } else { x + hang },
                size,
                height: size * LINE_HEIGHT,
                space_before,
                keep_with_prev,
                markers,
                break_before,
            });
        }
    }

    fn warn_missing(&mut self, para: &Para, missing: &[(usize, char)]) {
        for &(at, c) in missing {
            let context = context_around(&para.text, at, 30);
            let warning = crate::render::RenderWarning {
                rule: "PN950",
                message: format!(
                    "no embedded font has the character U+{:04X} ({c}); the large-print PDF \
                     shows \u{FFFD} in its place",
                    u32::from(c)
                ),
                character: Some(c),
                context: Some(context),
            };
            if !self.out.warnings.contains(&warning) {
                self.out.warnings.push(warning);
            }
        }
    }

    fn marker_para(&mut self, text: &str, node: usize) -> usize {
        let mut p = ParaBuilder::new();
        p.push(text, false, None, false);
        let mut missing = Vec::new();
        let para = p.finish(self.body, &mut missing);
        let lines = para.break_lines(f32::INFINITY);
        let index = self.out.paras.len();
        self.out.paras.push(PlacedPara { para, lines, node });
        index
    }

    fn list(&mut self, ordered: bool, items: &[Vec<Block>], x: f32, parent: usize, level: u16) {
        let style = if ordered {
            ListStyle::Numbered
        } else {
            ListStyle::Bulleted
        };
        let list = self.out.tags.add(parent, NodeKind::List(style));
        let labels: Vec<String> = (1..=items.len())
            .map(|n| {
                if ordered {
                    format!("{n}.")
                } else {
                    "\u{2022}".to_string()
                }
            })
            .collect();
        // The gutter fits the widest label plus half an em, and is at least 1.4 em.
        let widest = labels
            .iter()
            .map(|l| {
                let mut p = ParaBuilder::new();
                p.push(l, false, None, false);
                let para = p.finish(self.body, &mut Vec::new());
                para.width(0..para.text.len())
            })
            .fold(0.0f32, f32::max);
        let gutter = (widest + 0.5 * self.body).max(1.4 * self.body);
        for (i, (item, label)) in items.iter().zip(&labels).enumerate() {
            if i > 0 {
                self.space(gap::LIST_ITEM);
            }
            let li = self.out.tags.add(list, NodeKind::ListItem);
            let lbl = self.out.tags.add(li, NodeKind::Label);
            let marker = self.marker_para(label, lbl);
            self.markers.push(Marker { para: marker, x });
            let body = self.out.tags.add(li, NodeKind::ListBody);
            self.blocks(item, x + gutter, body, level);
            if !self.markers.is_empty() {
                // An item with no text: the marker still gets a line.
                self.paragraph(ParaBuilder::new(), self.body, x + gutter, body, NodeKind::P);
            }
        }
    }

    /// A table, linearised: the caption in bold, then for each row one "Header: cell" line
    /// per column, rows separated by space. Tagged as a list (L) with a Caption and one LI
    /// per row.
    fn table(&mut self, table: &Table, x: f32, parent: usize) {
        let list = self.out.tags.add(parent, NodeKind::List(ListStyle::Plain));
        let mut p = ParaBuilder::new();
        p.set_lang(table.caption_lang.as_deref());
        p.push(&table.caption, true, None, false);
        let caption = self.out.tags.add(list, NodeKind::Caption);
        self.place(p, self.body, x, caption, false);
        self.keep_next = true;
        for (r, row) in table.rows.iter().enumerate() {
            self.space(if r == 0 {
                gap::AFTER_CAPTION
            } else {
                gap::TABLE_ROW
            });
            let li = self.out.tags.add(list, NodeKind::ListItem);
            let body = self.out.tags.add(li, NodeKind::ListBody);
            for (c, (header, cell)) in table.header.iter().zip(row).enumerate() {
                let mut p = ParaBuilder::new();
                p.set_lang(table.header_lang.as_deref());
                p.push(&format!("{}:", header.trim()), true, None, false);
                p.set_lang(None);
                p.push(" ", false, None, false);
                for (k, line) in cell.iter().enumerate() {
                    if k > 0 {
                        p.hard_break();
                    }
                    p.push_inlines(line, false, &mut self.out.links);
                }
                // The lines of one row stay together when they can; continuation lines
                // are indented so each "Header:" starts at the left.
                self.keep_next |= c > 0;
                self.hang = self.body;
                let node = self.out.tags.add(body, NodeKind::P);
                self.place(p, self.body, x, node, false);
            }
        }
    }

    fn fields(&mut self, fields: &[Field], x: f32, parent: usize) {
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                self.space(gap::FIELD);
            }
            let mut p = ParaBuilder::new();
            p.set_lang(field.label_lang.as_deref());
            p.push(&format!("{}:", field.label.trim()), true, None, false);
            p.set_lang(None);
            p.push(" ", false, None, false);
            p.push_inlines(&field.value, false, &mut self.out.links);
            self.hang = self.body;
            self.paragraph(p, self.body, x, parent, NodeKind::P);
        }
    }

    /// A note: a bold label line, then its blocks, with a rule down the left.
    fn note(&mut self, label: &str, blocks: &[Block], x: f32, parent: usize, level: u16) {
        let div = self.out.tags.add(parent, NodeKind::Div);
        let first = self.out.items.len();
        let inner = x + RULE_WIDTH + 0.75 * self.body;
        let mut p = ParaBuilder::new();
        p.push(label, true, None, false);
        self.paragraph(p, self.body, inner, div, NodeKind::P);
        self.keep_next = true;
        self.space(gap::AFTER_LABEL);
        self.blocks(blocks, inner, div, level);
        let last = self.out.items.len();
        if last > first {
            self.out.rules.push(Rule {
                items: (first, last - 1),
                x,
            });
        }
    }
}

/// Heading text for the structure tree and the outline: never empty.
fn heading_title(text: &str) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        "Untitled section".to_string()
    } else {
        t
    }
}

/// Up to `radius` characters either side of byte `at`, on one line.
fn context_around(text: &str, at: usize, radius: usize) -> String {
    let before: Vec<char> = text[..at].chars().rev().take(radius).collect();
    let after: String = text[at..].chars().take(radius + 1).collect();
    let mut s: String = before.into_iter().rev().collect();
    let truncated_start = s.len() < at;
    s.push_str(&after);
    let truncated_end = at + after.len() < text.len();
    let mut s = s.replace('\n', " ");
    if truncated_start {
        s.insert(0, '…');
    }
    if truncated_end {
        s.push('…');
    }
    s
}

/// One page: the items on it and the top of each item's line box.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PagePlan {
    /// The first item on the page.
    pub first: usize,
    /// The top of each item's line box, in page coordinates (from the top edge).
    pub tops: Vec<f32>,
}

impl PagePlan {
    /// The items on the page.
    pub(super) fn items(&self) -> std::ops::Range<usize> {
        self.first..self.first + self.tops.len()
    }
}

/// Cuts the column into pages between `top` and `bottom` (from the top edge). A break is
/// never put before an item marked `keep_with_prev` unless a whole page of such items
/// leaves no choice. Always returns at least one page.
pub(super) fn paginate(items: &[Item], top: f32, bottom: f32) -> Vec<PagePlan> {
    let available = bottom - top;
    let mut pages = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let mut y = 0.0;
        let mut tops = Vec::new();
        let mut next = start;
        while next < items.len() {
            let item = &items[next];
            let before = if next == start {
                0.0
            } else {
                item.space_before
            };
            if next > start && (item.break_before || y + before + item.height > available) {
                break;
            }
            y += before;
            tops.push(top + y);
            y += item.height;
            next += 1;
        }
        if next < items.len() && !items[next].break_before {
            let mut cut = next;
            while cut > start && items[cut].keep_with_prev {
                cut -= 1;
            }
            if cut > start {
                tops.truncate(cut - start);
                next = cut;
            }
        }
        pages.push(PagePlan { first: start, tops });
        start = next;
    }
    if pages.is_empty() {
        pages.push(PagePlan {
            first: 0,
            tops: Vec::new(),
        });
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(keep: bool) -> Item {
        Item {
            para: 0,
            line: 0,
            x: MARGIN,
            size: 18.0,
            height: 27.0,
            space_before: 27.0,
            keep_with_prev: keep,
            markers: Vec::new(),
            break_before: false,
        }
    }

    #[test]
    fn pagination_respects_keeps() {
        // 10 items of 27 pt with 27 pt gaps: page height 300 holds 6 (27*11 = 297).
        let mut items: Vec<Item> = (0..10).map(|_| item(false)).collect();
        let pages = paginate(&items, 0.0, 300.0);
        assert_eq!(pages[0].tops.len(), 6);
        // Item 6 must stay with item 5: both move.
        items[6].keep_with_prev = true;
        let pages = paginate(&items, 0.0, 300.0);
        assert_eq!(pages[0].tops.len(), 5);
        assert_eq!(pages[1].first, 5);
        assert_eq!(pages[1].tops[0], 0.0);
    }

    #[test]
    fn a_forced_break_starts_a_page() {
        let mut items: Vec<Item> = (0..4).map(|_| item(false)).collect();
        items[2].break_before = true;
        let pages = paginate(&items, 0.0, 300.0);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].first, 2);
    }

    #[test]
    fn impossible_keeps_still_paginate() {
        let items: Vec<Item> = (0..20).map(|i| item(i > 0)).collect();
        let pages = paginate(&items, 0.0, 300.0);
        let total: usize = pages.iter().map(|p| p.tops.len()).sum();
        assert_eq!(total, 20);
    }

    #[test]
    fn context_is_trimmed() {
        let text = "a".repeat(50) + "X" + &"b".repeat(50);
        let c = context_around(&text, 50, 5);
        assert_eq!(c, "…aaaaaXbbbbb…");
        assert_eq!(context_around("aXb", 1, 5), "aXb");
    }
}

/// What stands between a heading and "page N" in the contents and in a link's description:
/// a comma, unless the heading already ends in a question mark, an exclamation mark or a
/// full stop ("What is it?, page 4" reads as a typing slip).
pub(super) fn page_separator(heading: &str) -> &'static str {
    if heading.trim_end().ends_with(['?', '!', '.']) {
        " "
    } else {
        ", "
    }
}

#[cfg(test)]
mod page_separator_tests {
    use super::page_separator;

    #[test]
    fn no_comma_after_a_heading_that_ends_a_sentence() {
        assert_eq!(page_separator("Your rights"), ", ");
        assert_eq!(page_separator("Personal data – what is it?"), " ");
        assert_eq!(page_separator("Contact us!"), " ");
        assert_eq!(page_separator("Who we are."), " ");
        assert_eq!(page_separator("Policing, crime and justice: 2026"), ", ");
    }
}
