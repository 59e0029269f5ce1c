"""Checks notice's large-print PDF the way a reader (and their software) meets it.

    tests/pdf/check-pdf.sh FILE.pdf --title "..." --lang en-GB [--part-lang en-GB]

Runs in the .venv-test virtualenv made by scripts/install-test-deps.sh, and
uses poppler-utils (pdfinfo, pdffonts) and qpdf from Debian. Each check prints
one line, "ok" or "FAIL", and the run ends with "N passed, N failed".
Exit: 0 all passed, 1 some check failed, 2 usage error or a missing tool.
"""

import argparse
import collections
import re
import subprocess
import sys

INSTALL_HINT = "run scripts/install-test-deps.sh"

A4 = (595.28, 841.89)  # points; krilla and most tools write exactly this
A4_TOLERANCE = 0.5  # points: allows rounding in other producers, not Letter
MIN_SIZE = 16.0  # RNIB large print: nothing smaller than 16 pt
MODAL_SIZE = 18.0  # and body text (the commonest size) at least 18 pt
# Plain sans-serif families we ship (assets/fonts). Family = PostScript name
# up to the first "-", so DejaVuSansMono or DejaVuSerif do not slip through.
FONT_FAMILIES = {"AtkinsonHyperlegibleNext", "DejaVuSans"}
MIN_PDF_VERSION = (1, 7)  # PDF/UA-1 is defined on ISO 32000-1 (PDF 1.7)


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, name, detail=""):
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        return ok

    def note(self, text):
        print(f"       {text}")


def run(cmd):
    """Run a tool; a missing tool is an error, never a skip."""
    try:
        return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace")
    except FileNotFoundError:
        sys.exit(f"check-pdf: {cmd[0]} not found; {INSTALL_HINT}")


def pdfinfo_checks(r, path, title):
    p = run(["pdfinfo", "-enc", "UTF-8", "-f", "1", "-l", "100000", path])
    if not r.check(p.returncode == 0, "pdfinfo reads the file", p.stderr.strip() if p.returncode else ""):
        return
    info = {}
    sizes = []
    for line in p.stdout.splitlines():
        key, _, value = line.partition(":")
        value = value.strip()
        m = re.match(r"Page\s+(\d+) size", key)
        if m:
            w, h = re.match(r"([\d.]+) x ([\d.]+)", value).groups()
            sizes.append((int(m.group(1)), float(w), float(h)))
        else:
            info.setdefault(key.strip(), value)

    wrong = [s for s in sizes if abs(s[1] - A4[0]) > A4_TOLERANCE or abs(s[2] - A4[1]) > A4_TOLERANCE]
    detail = f"{len(sizes)} page(s), all {A4[0]} x {A4[1]} pt" if not wrong else \
        "; ".join(f"page {n} is {w} x {h} pt" for n, w, h in wrong[:5])
    r.check(sizes and not wrong, "page size A4", detail)
    r.check(info.get("Tagged") == "yes", "tagged PDF", f"pdfinfo says Tagged: {info.get('Tagged')}")
    got = info.get("Title", "")
    r.check(got == title, "title", f"{got!r}" + ("" if got == title else f", want {title!r}"))
    version = info.get("PDF version", "?")
    try:
        ok = tuple(int(x) for x in version.split(".")) >= MIN_PDF_VERSION
    except ValueError:
        ok = False
    r.check(ok, "PDF version", f"{version} (want >= {'.'.join(map(str, MIN_PDF_VERSION))})")


def structure_checks(r, path):
    p = run(["pdfinfo", "-struct", path])
    if not r.check(p.returncode == 0, "structure tree readable", p.stderr.strip() if p.returncode else ""):
        return
    # Element lines start with the type: 'H1 "Title" (block)', 'TD:' or
    # 'TH <id>:'. Attribute lines start with "/"; 'Object 9 0' lines are
    # references to annotations, not elements.
    element = re.compile(r"^\s*([A-Za-z]\w*)\b(?!\s+\d+\s+\d+\s*$)", re.M)
    kinds = collections.Counter(m.group(1) for m in element.finditer(p.stdout))
    r.check(kinds["H1"] >= 1, "structure has H1", f"{kinds['H1']} H1")
    r.check(kinds["P"] >= 1, "structure has P", f"{kinds['P']} P")
    r.note("structure: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))


def font_checks(r, path):
    p = run(["pdffonts", path])
    if not r.check(p.returncode == 0, "pdffonts reads the file", p.stderr.strip() if p.returncode else ""):
        return
    # Fixed columns: name, type (may contain spaces), encoding, emb, sub, uni, object id.
    rows = []
    for line in p.stdout.splitlines()[2:]:
        m = re.match(r"(\S+)\s+.*?\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        if m:
            rows.append(m.groups())
    r.check(len(rows) > 0, "fonts present", f"{len(rows)} font(s)")
    bad_emb = [n for n, emb, _, _ in rows if emb != "yes"]
    bad_uni = [n for n, _, _, uni in rows if uni != "yes"]
    r.check(not bad_emb, "fonts embedded", ", ".join(bad_emb) or "all emb=yes")
    r.check(not bad_uni, "fonts map to Unicode", ", ".join(bad_uni) or "all uni=yes")
    names = sorted({re.sub(r"^[A-Z]{6}\+", "", n) for n, *_ in rows})
    bad_family = [n for n in names if n.split("-")[0] not in FONT_FAMILIES]
    r.check(not bad_family, "fonts are allowed sans-serif families",
            ", ".join(bad_family) or ", ".join(names))


def catalog_checks(r, path, lang):
    try:
        import pikepdf
    except ImportError:
        sys.exit(f"check-pdf: pikepdf missing from the venv; {INSTALL_HINT}")
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        got = str(root.get("/Lang", ""))
        r.check(got == lang, "catalog /Lang", f"{got!r}" + ("" if got == lang else f", want {lang!r}"))
        prefs = root.get("/ViewerPreferences", {})
        shows = bool(prefs.get("/DisplayDocTitle", False))
        r.check(shows, "ViewerPreferences /DisplayDocTitle true", str(shows))
        marked = bool(root.get("/MarkInfo", {}).get("/Marked", False))
        r.check(marked, "MarkInfo /Marked true", str(marked))
        # Italic is hard to read in large print: look at every font's descriptor,
        # not only its name (the Italic flag is bit 7 of /Flags).
        italic = set()
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                fonts = [font] + list(font.get("/DescendantFonts", []))
                for f in fonts:
                    desc = f.get("/FontDescriptor")
                    name = str(f.get("/BaseFont", "?"))
                    if re.search(r"Italic|Oblique", name, re.I):
                        italic.add(name)
                    if desc is not None and (float(desc.get("/ItalicAngle", 0)) != 0
                                             or int(desc.get("/Flags", 0)) & 64):
                        italic.add(name)
        r.check(not italic, "no italic fonts", ", ".join(sorted(italic)) or "none")


def part_lang_checks(r, path, lang, part_lang):
    """Parts in another language than the document's are structure elements with
    /Lang, so a screen reader switches voice. Without --part-lang there must be
    none; with it, some, and no other language."""
    import pikepdf
    langs = collections.Counter()
    with pikepdf.open(path) as pdf:
        tree = pdf.Root.get("/StructTreeRoot")
        stack = [tree.get("/K")] if tree is not None else []
        seen = 0
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend(node)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                seen += 1
                if "/Lang" in node:
                    langs[(str(node.S), str(node.Lang))] += 1
                if "/K" in node:
                    stack.append(node.K)
    other = {k: n for k, n in langs.items() if k[1] != lang}
    shown = ", ".join(f"{s} {l} x{n}" for (s, l), n in sorted(other.items())) or "none"
    if part_lang is None:
        r.check(not other, f"no structure element in a language other than {lang}", shown)
    else:
        wrong = {k for k in other if k[1] != part_lang}
        r.check(bool(other) and not wrong,
                f"parts in {part_lang} are structure elements with /Lang {part_lang}", shown)


def qpdf_check(r, path):
    p = run(["qpdf", "--check", path])
    out = (p.stdout + p.stderr).strip()
    ok = p.returncode == 0 and "No syntax or stream encoding errors" in out
    r.check(ok, "qpdf --check", "no errors or warnings" if ok else f"exit {p.returncode}")
    if not ok:
        for line in out.splitlines()[:20]:
            r.note(line)


def text_size_checks(r, path):
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LTChar, LTContainer
    except ImportError:
        sys.exit(f"check-pdf: pdfminer.six missing from the venv; {INSTALL_HINT}")

    sizes = collections.Counter()
    smallest = None  # (size, page number, sample text)

    def walk(obj, pageno):
        nonlocal smallest
        if isinstance(obj, LTChar):
            if obj.get_text().strip():
                size = round(obj.size, 1)
                sizes[size] += 1
                if smallest is None or size < smallest[0]:
                    smallest = (size, pageno, obj.get_text())
        elif isinstance(obj, LTContainer):
            for child in obj:
                walk(child, pageno)

    for pageno, page in enumerate(extract_pages(path), start=1):
        walk(page, pageno)
    if not r.check(bool(sizes), "text present", f"{sum(sizes.values())} glyphs"):
        return None
    modal = sizes.most_common(1)[0][0]
    r.check(smallest[0] >= MIN_SIZE, f"smallest text >= {MIN_SIZE:g} pt",
            f"{smallest[0]:g} pt (page {smallest[1]}, e.g. {smallest[2]!r})")
    r.check(modal >= MODAL_SIZE, f"commonest text size >= {MODAL_SIZE:g} pt", f"{modal:g} pt")
    r.note("sizes (pt: glyphs): " + ", ".join(f"{s:g}: {n}" for s, n in sorted(sizes.items())))
    return modal


CONTENTS_AFTER_PAGES = 4  # a longer PDF needs a contents page (alt-formats LPP-04)
SUMMARY_HEADING = "At a glance"  # the summary section, which must fit on one page
# "Heading, page 4", or "Heading? page 4" after a heading that ends a sentence.
ENTRY = re.compile(r"^(?P<heading>.+?[?!.]|.+?),? (?:page|tudalen) (?P<page>\d+)$")
FOOTER = re.compile(r"^(?:Page|Tudalen) (\d+) (?:of|o) (\d+)$")


def page_texts(path):
    """The text of each page, as pdftotext lays it out (one string per page)."""
    p = run(["pdftotext", "-enc", "UTF-8", path, "-"])
    if p.returncode != 0:
        return None
    pages = p.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def lines_of(text):
    return [l.strip() for l in text.splitlines() if l.strip()]


def paper_checks(r, path, source_text=None, body=None):
    """What large print needs on paper: bookmarks shown on opening, page numbers, a
    contents page whose numbers are right, the summary on one page, and no line broken
    at a hard hyphen."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        mode = str(pdf.Root.get("/PageMode", ""))
        r.check(mode == "/UseOutlines", "opens with bookmarks showing (/PageMode /UseOutlines)",
                mode or "no /PageMode")
        outline = []
        with pdf.open_outline() as o:
            for item in o.root:
                dest = item.destination
                page = None
                if isinstance(dest, pikepdf.Array) and len(dest) > 0:
                    page = pikepdf.Page(dest[0]).index + 1
                outline.append((str(item.title), page))
        # Where each link on each page goes inside the document (page number from 1).
        internal = collections.defaultdict(list)
        for n, page in enumerate(pdf.pages, start=1):
            for annot in page.obj.get("/Annots", []):
                dest = annot.get("/Dest")
                if isinstance(dest, pikepdf.Array) and len(dest) > 0:
                    internal[n].append(pikepdf.Page(dest[0]).index + 1)

    pages = page_texts(path)
    if not r.check(pages is not None, "pdftotext reads every page"):
        return
    total = len(pages)
    footers = []
    for n, text in enumerate(pages, start=1):
        found = [FOOTER.match(l) for l in lines_of(text)]
        found = [(int(m.group(1)), int(m.group(2))) for m in found if m]
        footers.append(found == [(n, total)])
    bad = [n for n, ok in enumerate(footers, start=1) if not ok]
    r.check(not bad, "every page says \"Page N of M\" once, with the right numbers",
            f"{total} pages" if not bad else f"wrong on pages {bad[:10]}")

    # The contents: entries "Heading, page N" (a long one runs over two lines) after a
    # "Contents" line, up to the first page without entries.
    entries = []
    contents_pages = []
    for n, text in enumerate(pages, start=1):
        lines = [l for l in lines_of(text) if not FOOTER.match(l)]
        if not contents_pages:
            if n > 2 or not ({"Contents", "Cynnwys"} & set(lines)):
                continue
            lines = lines[lines.index("Contents" if "Contents" in lines else "Cynnwys") + 1:]
        got, pending = [], ""
        for line in lines:
            pending = f"{pending} {line}".strip()
            m = ENTRY.match(pending)
            if m:
                got.append((m.group("heading"), int(m.group("page"))))
                pending = ""
        if not got:
            break
        contents_pages.append(n)
        entries += got
    if total > CONTENTS_AFTER_PAGES:
        r.check(bool(entries), f"a contents page (the PDF has {total} > {CONTENTS_AFTER_PAGES} pages)",
                f"{len(entries)} entries on page(s) {contents_pages}")
    else:
        r.check(not entries, f"no contents page at {total} pages", f"{len(entries)} entries")
    wrong = []
    for heading, page in entries:
        # The heading starts its page's text (sections after the contents start a page
        # or follow others on it): it must be a whole line on the page named.
        if not (1 <= page <= total) or heading not in " ".join(lines_of(pages[page - 1])):
            wrong.append(f"{heading!r} is not on page {page}")
    if entries:
        r.check(not wrong, "contents page numbers are where the headings are",
                "; ".join(wrong[:5]) or f"{len(entries)} entries checked")
        bookmarks = [(t, p) for t, p in outline]
        top = dict(bookmarks)
        unmatched = [h for h, p in entries if top.get(h) != p]
        r.check(not unmatched, "contents numbers agree with the bookmarks",
                ", ".join(unmatched[:5]) or "all agree")
        links = [p for n in contents_pages for p in internal.get(n, [])]
        r.check(links == [p for _, p in entries], "each contents entry links to its page",
                f"{len(links)} links" if links == [p for _, p in entries] else f"links go to {links[:10]}")

    # The summary fits on one page: the section after it starts on the same page, or
    # at the top of the next.
    titles = [t for t, _ in outline]
    if SUMMARY_HEADING in titles:
        i = titles.index(SUMMARY_HEADING)
        start = outline[i][1]
        if i + 1 < len(outline):
            nxt, nxt_page = outline[i + 1]
            first_line = (lines_of(pages[nxt_page - 1]) or [""])[0] if nxt_page else ""
            ok = nxt_page == start or (nxt_page == start + 1 and first_line == nxt)
        else:
            ok = start == total
        name = f"\"{SUMMARY_HEADING}\" fits on one page"
        if body is not None and body <= MODAL_SIZE:
            r.check(ok, name, f"starts on page {start}")
        else:
            # Promised at 18 pt only: bigger type may need more than a page.
            r.note(f"{name} at {body} pt: {'yes' if ok else 'no'} (required at 18 pt only)")

    # No line ends at a hard hyphen or dash inside a word (LPP-08). pdftotext -raw keeps
    # the lines as drawn (its default mode joins a word broken after a hyphen). Where the
    # notice's own text has a space after the hyphen ("2479- Specified"), the break is at
    # that space, which is allowed: pass the text output with --text to tell them apart.
    p = run(["pdftotext", "-raw", "-enc", "UTF-8", path, "-"])
    spaced = set()
    if source_text is not None:
        words = source_text.split()
        spaced = {(a, b) for a, b in zip(words, words[1:])}
    broken = []
    for n, text in enumerate(p.stdout.split("\f"), start=1):
        lines = [l.strip() for l in text.splitlines() if l.strip()]
        for a, b in zip(lines, lines[1:]):
            if re.search(r"\w[-\u2010\u2013\u2014]$", a) and re.match(r"\w", b):
                if (a.split()[-1], b.split()[0]) not in spaced:
                    broken.append(f"page {n}: {a[-20:]!r} / {b[:20]!r}")
    r.check(not broken, "no line broken at a hard hyphen or dash", "; ".join(broken[:5]) or "none")


def pdfua_check(r, path):
    # page-validation: a Rust PDF/UA-1 validator (veraPDF's rule set) with
    # Python bindings; see scripts/install-test-deps.sh for why this one.
    try:
        import page
    except ImportError:
        sys.exit(f"check-pdf: page-validation missing from the venv; {INSTALL_HINT}")
    try:
        report = page.validate_pdf(path, profile="ua1")
    except page.PageError as e:
        r.check(False, "PDF/UA-1 (page-validation)", f"could not validate: {e}")
        return
    r.check(report.is_compliant, "PDF/UA-1 (page-validation)",
            f"{report.rules.failed} of {report.rules.total} rules failed")
    by_rule = collections.defaultdict(list)
    for f in report.failures:
        by_rule[f.rule_id].append(f.message)
    for rule, messages in sorted(by_rule.items()):
        more = f" (x{len(messages)})" if len(messages) > 1 else ""
        r.note(f"{rule}{more}: {messages[0]}")


def main():
    ap = argparse.ArgumentParser(prog="check-pdf", description=__doc__.splitlines()[0])
    ap.add_argument("pdf")
    ap.add_argument("--title", required=True, help="expected document title")
    ap.add_argument("--lang", required=True, help="expected catalog /Lang, e.g. en-GB")
    ap.add_argument("--part-lang", help="the language of the parts in another language "
                    "than the document's (structure elements with /Lang); none without it")
    ap.add_argument("--text", help="the notice's text output, to tell a hyphen the notice "
                    "writes before a space from a word broken at its hyphen")
    args = ap.parse_args()

    print(f"check-pdf {args.pdf}")
    r = Report()
    try:
        with open(args.pdf, "rb") as f:
            head = f.read(5)
    except OSError as e:
        r.check(False, "file readable", str(e))
        head = b""
    if r.failed == 0 and r.check(head == b"%PDF-", "file is a PDF", repr(head)):
        pdfinfo_checks(r, args.pdf, args.title)
        structure_checks(r, args.pdf)
        font_checks(r, args.pdf)
        catalog_checks(r, args.pdf, args.lang)
        part_lang_checks(r, args.pdf, args.lang, args.part_lang)
        qpdf_check(r, args.pdf)
        body = text_size_checks(r, args.pdf)
        source_text = None
        if args.text:
            with open(args.text, encoding="utf-8") as f:
                source_text = f.read()
        paper_checks(r, args.pdf, source_text, body)
        pdfua_check(r, args.pdf)
    print(f"{r.passed} passed, {r.failed} failed")
    sys.exit(1 if r.failed else 0)


if __name__ == "__main__":
    main()
