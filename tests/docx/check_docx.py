#!/usr/bin/env python3
"""Checks an accessible Word file from notice the way Word's object model sees it.

    check_docx.py FILE.docx --title TITLE --lang LANG --min-size PT

With python-docx (and lxml for what it does not model):
  - the first paragraph is the title, the one paragraph in Heading 1 (notice
    keeps the HTML page's heading levels: title h1, sections h2, h3);
  - headings use the built-in Heading n styles, never skip a level, and
    Heading 1, 2 and 3 all occur (every example nests that deep);
  - a Normal paragraph that is bold throughout looks like a heading to a
    sighted reader only: listed as a note, not a failure (the HTML page has
    the same bold paragraphs; they come from the notice's wording);
  - core properties: the title is TITLE, the language is LANG, an author is set;
  - the language LANG is set on the style defaults (w:lang);
  - every table's first row is a repeated header row (w:tblHeader), every row
    stays on one page (w:cantSplit), and every table has a caption (w:tblCaption);
  - lists are real lists (w:numPr), with no typed bullets or numbers (a bold
    paragraph such as "1) The right of access" is one of the notes above);
  - every hyperlink is an external relationship and shows text;
  - no text boxes or floating objects, no italics, no justified text;
  - Arial (sans-serif) by default, and no text smaller than PT points.
Prints one line per problem (and note), then PASS or FAIL. Exit: 0 pass, 1 fail, 2 usage.
"""

import argparse
import re
import sys

import docx
from docx.oxml.ns import qn

TYPED_BULLET = re.compile(r"^\s*(?:[\u2022\u25e6\u25aa*\-]|\d+[.)])\s")


def check(path, title, lang, min_size):
    problems = []
    d = docx.Document(path)
    paras = d.paragraphs
    styles = [p.style.name for p in paras]

    notes = []
    if not paras or styles[0] != "Heading 1":
        problems.append(f"the first paragraph is in {styles[0] if paras else 'nothing'!r}, not Heading 1")
    if styles.count("Heading 1") != 1:
        problems.append(f"{styles.count('Heading 1')} paragraphs in Heading 1 (want 1, the title)")
    if paras and paras[0].text.strip() != title:
        problems.append(f"the title paragraph says {paras[0].text.strip()!r}, not {title!r}")

    last = 0
    seen = set()
    for p, name in zip(paras, styles):
        m = re.fullmatch(r"Heading (\d)", name)
        if m:
            level = int(m.group(1))
            if level > last + 1:
                problems.append(f"Heading {level} after Heading {last}: {p.text[:60]!r}")
            last = level
            seen.add(level)
            continue
        bold = p.text.strip() and all(
            r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
            for r in p._p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip())
        if name == "Normal" and bold:
            notes.append(f"note: a bold paragraph that may read as a heading: {p.text[:60]!r}")
            continue
        numbered = p._p.pPr is not None and p._p.pPr.numPr is not None
        if TYPED_BULLET.match(p.text) and not numbered:
            problems.append(f"a typed bullet or number instead of a list: {p.text[:60]!r}")
    for level in (1, 2, 3):
        if level not in seen:
            problems.append(f"no Heading {level}")

    cp = d.core_properties
    if (cp.title or "") != title:
        problems.append(f"core property title is {cp.title!r}, not {title!r}")
    if (cp.language or "") != lang:
        problems.append(f"core property language is {cp.language!r}, not {lang!r}")
    if not (cp.author or "").strip():
        problems.append("no author in the core properties")

    styles_el = d.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    lang_el = defaults.find(".//" + qn("w:lang")) if defaults is not None else None
    if lang_el is None or lang_el.get(qn("w:val")) != lang:
        problems.append(f"the style defaults do not set w:lang {lang}")
    fonts = defaults.find(".//" + qn("w:rFonts")) if defaults is not None else None
    if fonts is None or fonts.get(qn("w:ascii")) != "Arial":
        problems.append("the default font is not Arial")

    if not d.tables:
        problems.append("no tables (every example has at least one)")
    for i, t in enumerate(d.tables, 1):
        tbl = t._tbl
        rows = tbl.findall(qn("w:tr"))
        first = rows[0] if rows else None
        if first is None or first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None:
            problems.append(f"table {i} has no repeated header row (w:tblHeader)")
        if any(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None for r in rows):
            problems.append(f"table {i} has rows that may split across pages")
        cap = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        if cap is None or not (cap.get(qn("w:val")) or "").strip():
            problems.append(f"table {i} has no caption (w:tblCaption)")
        if len(t.columns) < 2:
            problems.append(f"table {i} has one column (a layout table?)")

    body = d.element.body
    if not body.findall(".//" + qn("w:numPr")):
        problems.append("no real lists (w:numPr)")
    rels = d.part.rels
    for link in body.iter(qn("w:hyperlink")):
        rid = link.get(qn("r:id"))
        rel = rels.get(rid)
        if rel is None or not rel.is_external:
            problems.append(f"hyperlink {rid} is not an external relationship")
        text = "".join(t.text or "" for t in link.iter(qn("w:t"))).strip()
        if not text or text.lower() in ("click here", "here", "read more"):
            problems.append(f"hyperlink {rid} has no meaningful text: {text!r}")

    xml_parts = [d.element, styles_el]
    for el in xml_parts:
        for tag in ("w:txbxContent",):
            if el.findall(".//" + qn(tag)):
                problems.append(f"a text box ({tag})")
        if el.xpath(".//*[local-name()='anchor' or local-name()='textbox']"):
            problems.append("a floating object or text box")
        for i_el in el.iter(qn("w:i")):
            if i_el.get(qn("w:val")) not in ("0", "false"):
                problems.append("italics")
                break
        for jc in el.iter(qn("w:jc")):
            if jc.get(qn("w:val")) in ("both", "distribute"):
                problems.append("justified text")
                break
        for sz in el.iter(qn("w:sz")):
            if sz.getparent().tag == qn("w:rPr") and int(sz.get(qn("w:val"))) < 2 * min_size:
                problems.append(f"text at {int(sz.get(qn('w:val'))) / 2} pt, below {min_size} pt")
                break
    return problems, notes


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--title", required=True)
    ap.add_argument("--lang", required=True)
    ap.add_argument("--min-size", type=float, required=True)
    args = ap.parse_args()
    try:
        problems, notes = check(args.file, args.title, args.lang, args.min_size)
    except Exception as e:  # a file python-docx cannot open fails the check
        problems, notes = [f"python-docx cannot read it: {e}"], []
    for p in problems + notes:
        print(f"  {p}")
    print(f"{'FAIL' if problems else 'PASS'} {args.file}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
