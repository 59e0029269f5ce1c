//! Markdown into document blocks: the one place Markdown is read.
//!
//! Both the compiler's own wording (rendered from templates) and the office's free-text
//! fields are Markdown. This module turns it into [`Block`]s and, for template output, into
//! [`Section`]s by heading level. It is also where text is made safe and readable:
//!
//! - Raw HTML is never passed through: it becomes literal text, escaped by every renderer.
//! - Links keep only `https:`, `http:`, `mailto:` and `tel:` targets; any other link
//!   (`javascript:`, `data:`, relative paths) becomes its text alone.
//! - Bare web addresses and e-mail addresses in text become links; phone numbers, postcodes
//!   and dates become [`Inline::Keep`] runs, so no renderer splits them across lines.
//! - Emphasis is rendered as strong: large print uses bold, never italics.
//! - A list whose every item starts with a bold label ending in a colon
//!   (`- **Email:** dpo@example.org`) becomes [`Block::Fields`]; a bold-only paragraph right
//!   before a table becomes its caption; a block quote starting with a bold label becomes a
//!   [`Block::Note`].

use std::sync::LazyLock;

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, OffsetIter, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::provenance::Provenance;
use super::{Block, Field, Inline, Section, Table, plain};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_STRIKETHROUGH
}

/// A heading or a block, in reading order, before sections are formed.
enum Item {
    Heading {
        level: u8,
        id: Option<String>,
        text: String,
        /// The heading's language, when it is all generated wording marked with one.
        lang: Option<String>,
    },
    Block(Block),
}

/// Markdown free text (a field of the notice) into blocks. Headings inside it become
/// [`Block::Subheading`]s: a field cannot add sections to the document.
pub fn to_blocks(md: &str) -> Vec<Block> {
    let mut events = Events::new(md, None);
    parse_items(&mut events, None)
        .into_iter()
        .map(|i| match i {
            Item::Heading { text, .. } => Block::Subheading(text),
            Item::Block(b) => b,
        })
        .collect()
}

/// Markdown with headings (template output) into sections. `## Heading` opens a top-level
/// section, `###` a child, and so on; text before the first heading is returned apart.
/// `{#id}` or `[#id]` after a heading sets its id; otherwise the id is made from the heading
/// text.
/// A heading whose text starts with `~` is left out of the contents list.
pub fn to_sections(md: &str) -> (Vec<Block>, Vec<Section>) {
    to_sections_marked(md, None)
}

/// [`to_sections`], with the generated wording (everything `provenance` does not give to
/// the office) marked as being in `lang`: in [`Inline::Lang`] runs, and in the language
/// fields of headings, table captions and headers and field labels. See
/// [`super::provenance`].
pub fn to_sections_marked(
    md: &str,
    marks: Option<(&Provenance, &str)>,
) -> (Vec<Block>, Vec<Section>) {
    let mut events = Events::new(md, marks);
    let items = parse_items(&mut events, None);
    let mut lead = Vec::new();
    // A stack of open sections with their levels.
    let mut stack: Vec<(u8, Section)> = Vec::new();
    let mut done: Vec<Section> = Vec::new();
    fn close(stack: &mut Vec<(u8, Section)>, done: &mut Vec<Section>, level: u8) {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            let (_, s) = stack.pop().expect("checked non-empty");
            match stack.last_mut() {
                Some((_, parent)) => parent.children.push(s),
                None => done.push(s),
            }
        }
    }
    for item in items {
        match item {
            Item::Heading {
                level,
                id,
                text,
                lang,
            } => {
                let level = level.max(2);
                close(&mut stack, &mut done, level);
                let (in_contents, heading) = match text.strip_prefix('~') {
                    Some(rest) => (false, rest.trim().to_owned()),
                    None => (true, text),
                };
                let id = id.unwrap_or_else(|| slug(&heading));
                // Levels never skip: a `####` straight under a `##` becomes a `###`.
                let parent_level = stack.last().map_or(1, |(l, _)| *l);
                let level = level.min(parent_level + 1);
                stack.push((
                    level,
                    Section {
                        id,
                        heading,
                        heading_lang: lang,
                        in_contents,
                        blocks: Vec::new(),
                        children: Vec::new(),
                    },
                ));
            }
            Item::Block(b) => match stack.last_mut() {
                Some((_, s)) => s.blocks.push(b),
                None => lead.push(b),
            },
        }
    }
    close(&mut stack, &mut done, 0);
    (lead, done)
}

/// A URL-safe id from heading text: `Who we are` → `who-we-are`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

/// Escape text so that Markdown reads it literally.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at_line_start = true;
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '+' | '-' | '=' if at_line_start => {
                out.push('\\');
                out.push(c);
            }
            '\n' => {
                out.push(' ');
            }
            _ => out.push(c),
        }
        at_line_start = c == '\n' || (at_line_start && c == ' ');
    }
    // A line starting "1." would become a numbered list.
    if let Some(pos) = out.find(|c: char| !c.is_ascii_digit())
        && pos > 0
        && out[pos..].starts_with(". ")
    {
        out.insert(pos, '\\');
    }
    out
}

/// The Markdown's events, each text with who wrote it when the text is marked.
struct Events<'a> {
    inner: OffsetIter<'a>,
    src: &'a str,
    /// Where the generated wording is, and its language; `None` marks nothing.
    marks: Option<(&'a Provenance, &'a str)>,
    /// The source range of the event last returned.
    at: Range<usize>,
}

impl<'a> Events<'a> {
    fn new(src: &'a str, marks: Option<(&'a Provenance, &'a str)>) -> Self {
        Events {
            inner: Parser::new_ext(src, options()).into_offset_iter(),
            src,
            marks,
            at: 0..0,
        }
    }

    /// The text of the event last returned, as inlines: the generated wording in it in
    /// [`Inline::Lang`] runs when the text is marked. A text that is its source exactly is
    /// cut where the office's words begin and end; one that is not (an escape or an entity
    /// read) is given whole to whoever wrote its first character.
    fn text(&self, t: CowStr<'_>) -> Vec<Inline> {
        let Some((prov, lang)) = self.marks else {
            return vec![Inline::Text(t.into_string())];
        };
        let wrap = |s: String, generated: bool| {
            if generated {
                Inline::Lang {
                    lang: lang.to_owned(),
                    content: vec![Inline::Text(s)],
                }
            } else {
                Inline::Text(s)
            }
        };
        let at = self.at.clone();
        if self.src.get(at.clone()) == Some(&*t) {
            prov.split(at.clone())
                .into_iter()
                .map(|(r, generated)| wrap(self.src[r].to_owned(), generated))
                .collect()
        } else {
            vec![wrap(t.into_string(), prov.generated_at(at.start))]
        }
    }
}

impl<'a> Iterator for Events<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let (ev, at) = self.inner.next()?;
        self.at = at;
        Some(ev)
    }
}

/// How deep lists, block quotes, emphasis and links may nest before the rest of a
/// container is read as plain text. Real notices nest three or four levels; without a
/// bound, a few kilobytes of `> > > …` or `*****…` nested deep enough to overflow the
/// stack (found by fuzzing).
const MAX_NESTING: usize = 32;

thread_local! {
    static NESTING: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// One level deeper while alive; `None` when the limit is reached.
struct Nested;

impl Nested {
    fn enter() -> Option<Nested> {
        let depth = NESTING.get();
        (depth < MAX_NESTING).then(|| {
            NESTING.set(depth + 1);
            Nested
        })
    }
}

impl Drop for Nested {
    fn drop(&mut self) {
        NESTING.set(NESTING.get() - 1);
    }
}

/// The rest of a container whose start was just read, as plain text: every word kept,
/// the structure dropped, and no recursion however deep it goes.
fn flat_text(events: &mut Events<'_>) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut depth = 1usize;
    while let Some(ev) = events.next() {
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
                out.push(Inline::Text(" ".into()));
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.extend(events.text(t));
            }
            Event::SoftBreak | Event::HardBreak => out.push(Inline::Text(" ".into())),
            _ => {}
        }
    }
    out
}

fn parse_items(events: &mut Events<'_>, end: Option<TagEnd>) -> Vec<Item> {
    let mut items = Vec::new();
    let Some(_nested) = Nested::enter() else {
        // Too deep: the container's content becomes one plain paragraph.
        let inl = finish_inlines(flat_text(events));
        if !inl.is_empty() {
            items.push(Item::Block(Block::Paragraph(inl)));
        }
        return items;
    };
    // Inline content met directly in a container (tight list items) forms a paragraph.
    let mut loose: Vec<Inline> = Vec::new();
    let flush = |loose: &mut Vec<Inline>, items: &mut Vec<Item>| {
        if !loose.is_empty() {
            let inl = finish_inlines(std::mem::take(loose));
            if !inl.is_empty() {
                items.push(Item::Block(Block::Paragraph(inl)));
            }
        }
    };
    while let Some(ev) = events.next() {
        match ev {
            Event::End(e) if Some(e) == end => break,
            Event::End(_) => {}
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    flush(&mut loose, &mut items);
                    let inl = finish_inlines(parse_inlines(events, TagEnd::Paragraph));
                    if !inl.is_empty() {
                        items.push(Item::Block(Block::Paragraph(inl)));
                    }
                }
                Tag::Heading { level, id, .. } => {
                    flush(&mut loose, &mut items);
                    let end = TagEnd::Heading(level);
                    let inl = parse_inlines(events, end);
                    let lang = lang_of(&inl);
                    let mut text = plain(&inl).trim().to_owned();
                    let mut id = id.map(|i| slug(&i));
                    // Templates give ids as a trailing `[#id]` (Jinja reads `{#` as a comment).
                    if text.ends_with(']')
                        && let Some(at) = text.rfind(" [#")
                    {
                        id = Some(slug(&text[at + 3..text.len() - 1]));
                        text.truncate(at);
                    }
                    items.push(Item::Heading {
                        level: heading_level(level),
                        id,
                        text,
                        lang,
                    });
                }
                Tag::List(start) => {
                    flush(&mut loose, &mut items);
                    items.push(Item::Block(parse_list(events, start.is_some())));
                }
                Tag::BlockQuote(_) => {
                    flush(&mut loose, &mut items);
                    let inner = blocks_of(parse_items(events, Some(TagEnd::BlockQuote(None))));
                    items.extend(note_from(inner).into_iter().map(Item::Block));
                }
                Tag::Table(_) => {
                    flush(&mut loose, &mut items);
                    let caption = match items.last() {
                        Some(Item::Block(Block::Paragraph(p))) if is_bold_only(p) => {
                            let c = plain(p).trim().trim_end_matches(':').to_owned();
                            let lang = lang_of(p);
                            items.pop();
                            Some((c, lang))
                        }
                        _ => None,
                    };
                    let mut table = parse_table(events);
                    (table.caption, table.caption_lang) = caption.unwrap_or_else(|| {
                        items
                            .iter()
                            .rev()
                            .find_map(|i| match i {
                                Item::Heading { text, lang, .. } => {
                                    Some((text.clone(), lang.clone()))
                                }
                                _ => None,
                            })
                            .unwrap_or_else(|| {
                                ("Table".to_owned(), events.marks.map(|(_, l)| l.to_owned()))
                            })
                    });
                    items.push(Item::Block(Block::Table(table)));
                }
                Tag::CodeBlock(_) | Tag::HtmlBlock => {
                    flush(&mut loose, &mut items);
                    let text = collect_text(events);
                    for para in text.split("\n\n") {
                        let t = para.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !t.is_empty() {
                            items.push(Item::Block(Block::Paragraph(finish_inlines(vec![
                                Inline::Text(t),
                            ]))));
                        }
                    }
                }
                Tag::Item => {
                    // Only reached for malformed nesting; treat as a container.
                    items.extend(parse_items(events, Some(TagEnd::Item)));
                }
                other => {
                    // An inline tag directly in a container (tight list item).
                    loose.extend(parse_inline_tag(events, other));
                }
            },
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                loose.extend(events.text(t));
            }
            Event::SoftBreak => loose.push(Inline::Text(" ".into())),
            Event::HardBreak => loose.push(Inline::Break),
            _ => {}
        }
    }
    flush(&mut loose, &mut items);
    items
}

fn blocks_of(items: Vec<Item>) -> Vec<Block> {
    items
        .into_iter()
        .map(|i| match i {
            Item::Heading { text, .. } => Block::Subheading(text),
            Item::Block(b) => b,
        })
        .collect()
}

/// The language of a run of inlines when every word in it is in one marked language
/// (a label or heading `notice` writes); `None` when any of it is not marked.
fn lang_of(inl: &[Inline]) -> Option<String> {
    fn go(inl: &[Inline], within: Option<&str>, found: &mut Option<Option<String>>) {
        for i in inl {
            match i {
                Inline::Text(t) | Inline::Keep(t) => {
                    if t.trim().is_empty() {
                        continue;
                    }
                    let this = within.map(str::to_owned);
                    match found {
                        None => *found = Some(this),
                        Some(prev) if *prev != this => *prev = None,
                        Some(_) => {}
                    }
                }
                Inline::Strong(inner) | Inline::Link { text: inner, .. } => {
                    go(inner, within, found);
                }
                Inline::Lang { lang, content } => go(content, Some(lang), found),
                Inline::Break => {}
            }
        }
    }
    let mut found = None;
    go(inl, None, &mut found);
    found.flatten()
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn parse_list(events: &mut Events<'_>, ordered: bool) -> Block {
    let mut items = Vec::new();
    while let Some(ev) = events.next() {
        match ev {
            Event::Start(Tag::Item) => {
                items.push(blocks_of(parse_items(events, Some(TagEnd::Item))));
            }
            Event::End(TagEnd::List(_)) => break,
            _ => {}
        }
    }
    fields_from(&items).unwrap_or(Block::List { ordered, items })
}

/// A list whose every item is one paragraph starting `**Label:**` is a list of fields.
fn fields_from(items: &[Vec<Block>]) -> Option<Block> {
    if items.is_empty() {
        return None;
    }
    let mut fields = Vec::new();
    for item in items {
        let [Block::Paragraph(inl)] = item.as_slice() else {
            return None;
        };
        let (Inline::Strong(label), rest) = inl.split_first()? else {
            return None;
        };
        let label_lang = lang_of(label);
        let label = plain(label);
        let label = label.trim().strip_suffix(':')?.trim().to_owned();
        let mut value = rest.to_vec();
        trim_start(&mut value);
        drop_empty(&mut value);
        fields.push(Field {
            label,
            label_lang,
            value,
        });
    }
    Some(Block::Fields(fields))
}

/// A block quote starting with a bold label is a note; otherwise its blocks stand as they
/// are.
fn note_from(mut blocks: Vec<Block>) -> Vec<Block> {
    if let Some(Block::Paragraph(first)) = blocks.first_mut()
        && let Some(Inline::Strong(label)) = first.first().cloned()
    {
        let label = plain(&label).trim().trim_end_matches(':').to_owned();
        first.remove(0);
        trim_start(first);
        drop_empty(first);
        if first.is_empty() {
            blocks.remove(0);
        }
        return vec![Block::Note { label, blocks }];
    }
    blocks
}

fn parse_table(events: &mut Events<'_>) -> Table {
    let mut header = Vec::new();
    let mut header_langs = Vec::new();
    let mut rows: Vec<Vec<Vec<Vec<Inline>>>> = Vec::new();
    let mut in_head = false;
    while let Some(ev) = events.next() {
        match ev {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => {
                let inl = finish_inlines(parse_inlines(events, TagEnd::TableCell));
                if in_head {
                    header_langs.push(lang_of(&inl));
                    header.push(plain(&inl).trim().to_owned());
                } else if let Some(row) = rows.last_mut() {
                    // `<br>`-free line items: a cell's lines are separated by " ; ".
                    row.push(split_cell(inl));
                }
            }
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    for row in &mut rows {
        row.resize(header.len(), Vec::new());
    }
    // The headers are marked when they are all in one marked language.
    let header_lang = match header_langs.split_first() {
        Some((first, rest)) if rest.iter().all(|l| l == first) => first.clone(),
        _ => None,
    };
    Table {
        caption: String::new(),
        caption_lang: None,
        header,
        header_lang,
        rows,
    }
}

/// Table cells hold one or more lines; templates separate lines with ` ;; `.
fn split_cell(inl: Vec<Inline>) -> Vec<Vec<Inline>> {
    fn split(inl: Vec<Inline>, lang: Option<&str>, lines: &mut Vec<Vec<Inline>>) {
        let push = |lines: &mut Vec<Vec<Inline>>, i: Inline| {
            let i = match lang {
                Some(l) => Inline::Lang {
                    lang: l.to_owned(),
                    content: vec![i],
                },
                None => i,
            };
            lines.last_mut().expect("non-empty").push(i);
        };
        for i in inl {
            match i {
                Inline::Text(t) if t.contains(" ;; ") => {
                    let mut parts = t.split(" ;; ");
                    if let Some(first) = parts.next()
                        && !first.is_empty()
                    {
                        push(lines, Inline::Text(first.to_owned()));
                    }
                    for p in parts {
                        lines.push(Vec::new());
                        if !p.is_empty() {
                            push(lines, Inline::Text(p.to_owned()));
                        }
                    }
                }
                Inline::Lang { lang, content } => split(content, Some(&lang), lines),
                other => push(lines, other),
            }
        }
    }
    let mut lines = vec![Vec::new()];
    split(inl, None, &mut lines);
    lines
        .into_iter()
        .map(finish_inlines)
        .filter(|l| !l.is_empty())
        .collect()
}

fn collect_text(events: &mut Events<'_>) -> String {
    let mut out = String::new();
    for ev in events.by_ref() {
        match ev {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) | Event::Code(t) => {
                out.push_str(&t);
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock) => break,
            _ => {}
        }
    }
    out
}

fn parse_inlines(events: &mut Events<'_>, end: TagEnd) -> Vec<Inline> {
    let mut out = Vec::new();
    while let Some(ev) = events.next() {
        match ev {
            Event::End(e) if e == end => break,
            Event::Start(tag) => out.extend(parse_inline_tag(events, tag)),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.extend(events.text(t));
            }
            Event::SoftBreak => out.push(Inline::Text(" ".into())),
            Event::HardBreak => out.push(Inline::Break),
            Event::FootnoteReference(r) => out.push(Inline::Text(format!("[{r}]"))),
            Event::TaskListMarker(done) => {
                out.push(Inline::Text(if done { "[x] " } else { "[ ] " }.into()));
            }
            _ => {}
        }
    }
    out
}

fn parse_inline_tag(events: &mut Events<'_>, tag: Tag<'_>) -> Vec<Inline> {
    let Some(_nested) = Nested::enter() else {
        // Too deep: the words alone, without emphasis or link.
        return flat_text(events);
    };
    let end = tag.to_end();
    let inner = parse_inlines(events, end);
    match tag {
        Tag::Strong | Tag::Emphasis => vec![Inline::Strong(inner)],
        Tag::Link { dest_url, .. } => match safe_url(&dest_url) {
            Some(url) => vec![Inline::Link { text: inner, url }],
            None => inner,
        },
        Tag::Image { .. } => inner,
        _ => inner,
    }
}

/// Keep only URLs people can follow safely, and links to another notice of the same
/// build (`notice:complaints`, see [`super::NOTICE_LINK`]).
pub fn safe_url(url: &str) -> Option<String> {
    let u = url.trim();
    if let Some(stem) = u.strip_prefix(super::NOTICE_LINK) {
        return super::is_stem(stem).then(|| u.to_owned());
    }
    let lower = u.to_ascii_lowercase();
    let ok = ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|s| lower.starts_with(s));
    (ok && !u.chars().any(|c| c.is_control() || c == ' ')).then(|| u.to_owned())
}

/// Merge adjacent text, trim, and mark links and keep-together runs found in text.
fn finish_inlines(inl: Vec<Inline>) -> Vec<Inline> {
    let mut merged = merge(inl);
    trim_start(&mut merged);
    trim_end(&mut merged);
    let mut out = mark(merged, true);
    drop_empty(&mut out);
    out
}

/// Inside a link or strong: merge and mark keep-together runs, but make no new links.
fn finish_nested(inl: Vec<Inline>) -> Vec<Inline> {
    let mut out = mark(merge(inl), false);
    drop_empty(&mut out);
    out
}

/// Adjacent texts made one, and adjacent runs in one language made one run. A marked run
/// of nothing but white space and punctuation is plain text: a space or a full stop after
/// the office's words has no language of its own.
fn merge(inl: Vec<Inline>) -> Vec<Inline> {
    let mut merged: Vec<Inline> = Vec::new();
    for i in inl {
        let i = match i {
            Inline::Lang { content, .. }
                if content.iter().all(
                    |c| matches!(c, Inline::Text(t) if !t.chars().any(char::is_alphanumeric)),
                ) =>
            {
                Inline::Text(plain(&content))
            }
            other => other,
        };
        match (merged.last_mut(), i) {
            (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
            (
                Some(Inline::Lang { lang: a, content }),
                Inline::Lang {
                    lang: b,
                    content: more,
                },
            ) if *a == b => content.extend(more),
            (_, other) => merged.push(other),
        }
    }
    for i in &mut merged {
        if let Inline::Lang { content, .. } = i {
            *content = merge(std::mem::take(content));
        }
    }
    merged
}

/// Links (with `links`) and keep-together runs found in text, inside strong, links and
/// marked runs too.
fn mark(inl: Vec<Inline>, links: bool) -> Vec<Inline> {
    let mut out = Vec::new();
    for i in inl {
        match i {
            Inline::Text(t) => out.extend(mark_text(&t, links)),
            Inline::Strong(inner) => out.push(Inline::Strong(finish_nested(inner))),
            Inline::Link { text, url } => out.push(Inline::Link {
                text: finish_nested(text),
                url,
            }),
            Inline::Lang { lang, content } => out.push(Inline::Lang {
                lang,
                content: mark(content, links),
            }),
            other => out.push(other),
        }
    }
    out
}

/// White space trimmed from the start of a run (inside a marked run that starts it).
fn trim_start(inl: &mut [Inline]) {
    match inl.first_mut() {
        Some(Inline::Text(t)) => *t = t.trim_start().to_owned(),
        Some(Inline::Lang { content, .. }) => trim_start(content),
        _ => {}
    }
}

/// White space trimmed from the end of a run (inside a marked run that ends it).
fn trim_end(inl: &mut [Inline]) {
    match inl.last_mut() {
        Some(Inline::Text(t)) => *t = t.trim_end().to_owned(),
        Some(Inline::Lang { content, .. }) => trim_end(content),
        _ => {}
    }
}

/// Empty texts and empty marked runs removed.
fn drop_empty(inl: &mut Vec<Inline>) {
    for i in inl.iter_mut() {
        if let Inline::Lang { content, .. } = i {
            drop_empty(content);
        }
    }
    inl.retain(|i| match i {
        Inline::Text(t) => !t.is_empty(),
        Inline::Lang { content, .. } => !content.is_empty(),
        _ => true,
    });
}

// Digits are ASCII `[0-9]`, not `\d` (every script's digits): UK numbers, postcodes and
// dates are written in ASCII digits, and counted repeats of the Unicode class made this
// the costliest regex to compile, a few milliseconds of every `notice build`.
static SPECIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // 1: web address
        r#"(?P<url>\b(?:https?://|www\.)[^\s<>()]*[^\s<>().,;:!?'"’”])"#,
        // 2: e-mail address
        r"|(?P<email>\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b)",
        // 3: UK telephone number (0xxxx xxxxxx, 0xxx xxx xxxx, +44 …)
        r"|(?P<phone>(?:\+44\s?|\b0)[0-9]{2,5}(?:[ ][0-9]{2,6}){1,3}\b|\b0[0-9]{9,10}\b)",
        // 4: UK postcode
        r"|(?P<postcode>\b[A-Z]{1,2}[0-9][A-Z0-9]?[ ][0-9][A-Z]{2}\b)",
        // 5: a date such as 12 April 2024
        r"|(?P<date>\b[0-9]{1,2}[ ](?:January|February|March|April|May|June|July|August|September|October|November|December)[ ][0-9]{4}\b)",
    ))
    .expect("valid regex")
});

/// Split text into plain text, links (for bare web and e-mail addresses, when `links` is
/// set) and keep-together runs.
fn mark_text(text: &str, links: bool) -> Vec<Inline> {
    let mut out = Vec::new();
    if !may_be_special(text) {
        if !text.is_empty() {
            out.push(Inline::Text(text.to_owned()));
        }
        return out;
    }
    let mut last = 0;
    // Finding the matches is cheap; asking which group matched is not (it needs a slower
    // engine), so that is asked only where a match starts, of the same haystack (so `\b`
    // sees the same neighbours) and from the same place (so the same leftmost-first match).
    for m in SPECIAL.find_iter(text) {
        let caps = SPECIAL
            .captures_at(text, m.start())
            .expect("a match found here is found again from here");
        debug_assert_eq!(caps.get(0).map(|c| c.range()), Some(m.range()));
        if m.start() > last {
            out.push(Inline::Text(text[last..m.start()].to_owned()));
        }
        let s = m.as_str().to_owned();
        if caps.name("url").is_some() {
            let url = if s.starts_with("www.") {
                format!("https://{s}")
            } else {
                s.clone()
            };
            if links {
                out.push(Inline::Link {
                    text: vec![Inline::Keep(s)],
                    url,
                });
            } else {
                out.push(Inline::Keep(s));
            }
        } else if caps.name("email").is_some() && links {
            out.push(Inline::Link {
                text: vec![Inline::Keep(s.clone())],
                url: format!("mailto:{s}"),
            });
        } else {
            out.push(Inline::Keep(s));
        }
        last = m.end();
    }
    if last < text.len() {
        out.push(Inline::Text(text[last..].to_owned()));
    }
    out
}

/// Whether `text` could hold anything [`SPECIAL`] matches: every web address has `http`
/// or `www.`, every e-mail address an `@`, and every telephone number, postcode and date
/// an ASCII digit. Most runs of text have none of them, and this test is far cheaper than
/// the search.
fn may_be_special(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit() || b == b'@')
        || text.contains("http")
        || text.contains("www.")
}

fn is_bold_only(p: &[Inline]) -> bool {
    matches!(p, [Inline::Strong(_)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_and_bad_links_become_text() {
        let b = to_blocks(
            "Hello <script>alert(1)</script> [x](javascript:alert(1)) [y](https://ok.example)",
        );
        let Block::Paragraph(p) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(plain(p), "Hello <script>alert(1)</script> x y");
        assert!(
            p.iter()
                .any(|i| matches!(i, Inline::Link { url, .. } if url == "https://ok.example"))
        );
        assert!(
            !p.iter()
                .any(|i| matches!(i, Inline::Link { url, .. } if url.starts_with("javascript")))
        );
    }

    #[test]
    fn keeps_numbers_and_links_addresses() {
        let b = to_blocks(
            "Call 01622 677055 or write to ME15 9BZ or dpo@kent.police.uk, see www.kent-pcc.gov.uk/privacy.",
        );
        let Block::Paragraph(p) = &b[0] else { panic!() };
        assert!(p.contains(&Inline::Keep("01622 677055".into())));
        assert!(p.contains(&Inline::Keep("ME15 9BZ".into())));
        assert!(
            p.iter().any(
                |i| matches!(i, Inline::Link { url, .. } if url == "mailto:dpo@kent.police.uk")
            )
        );
        assert!(p.iter().any(|i| matches!(i, Inline::Link { url, .. } if url == "https://www.kent-pcc.gov.uk/privacy")));
        assert!(plain(p).ends_with("/privacy."));
    }

    #[test]
    fn sections_nest_by_level_and_never_skip() {
        let (lead, s) =
            to_sections("Intro\n\n## One [#first]\n\nA\n\n#### Deep\n\nB\n\n## ~Two\n\nC");
        assert_eq!(lead.len(), 1);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].id, "first");
        assert_eq!(s[0].children[0].heading, "Deep");
        assert!(!s[1].in_contents);
        assert_eq!(s[1].id, "two");
    }

    #[test]
    fn bold_label_lists_become_fields() {
        let b = to_blocks("- **Email:** a@b.uk\n- **Telephone:** 0303 123 1113");
        let Block::Fields(f) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(f[1].label, "Telephone");
        assert_eq!(f[1].value, vec![Inline::Keep("0303 123 1113".into())]);
    }

    #[test]
    fn tables_take_captions() {
        let b = to_blocks(
            "**Why we use it**\n\n| Purpose | Basis |\n|---|---|\n| Complaints | Public task ;; Legal obligation |\n",
        );
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(t.caption, "Why we use it");
        assert_eq!(t.rows[0][1].len(), 2);
    }

    #[test]
    fn escape_reads_literally() {
        let tricky = "# not a heading *or* [link](x) 1. <b>";
        let b = to_blocks(&escape(tricky));
        let Block::Paragraph(p) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(plain(p), tricky);
        assert_eq!(
            plain(&match &to_blocks(&escape("1. first"))[0] {
                Block::Paragraph(p) => p.clone(),
                other => panic!("{other:?}"),
            }),
            "1. first"
        );
    }
}
