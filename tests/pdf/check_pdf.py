"""Checks notice's large-print PDF the way a reader (and their software) meets it.

    tests/pdf/check-pdf.sh FILE.pdf --title "..." --lang en-GB

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
        return
    modal = sizes.most_common(1)[0][0]
    r.check(smallest[0] >= MIN_SIZE, f"smallest text >= {MIN_SIZE:g} pt",
            f"{smallest[0]:g} pt (page {smallest[1]}, e.g. {smallest[2]!r})")
    r.check(modal >= MODAL_SIZE, f"commonest text size >= {MODAL_SIZE:g} pt", f"{modal:g} pt")
    r.note("sizes (pt: glyphs): " + ", ".join(f"{s:g}: {n}" for s, n in sorted(sizes.items())))


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
        qpdf_check(r, args.pdf)
        text_size_checks(r, args.pdf)
        pdfua_check(r, args.pdf)
    print(f"{r.passed} passed, {r.failed} failed")
    sys.exit(1 if r.failed else 0)


if __name__ == "__main__":
    main()
