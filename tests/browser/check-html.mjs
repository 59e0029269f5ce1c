#!/usr/bin/env node
// Checks notice's HTML output the way a reader's browser sees it.
//
//   node tests/browser/check-html.mjs [--screenshot DIR] [--ebook] [--lang-of TEXT=LANG]... FILE.html...
//
// For each file, in Debian's Chromium driven by playwright-core:
//   - axe-core with the WCAG 2.0/2.1/2.2 A+AA rules and best practices;
//   - exactly one h1, exactly one main landmark, a non-empty <html lang>;
//   - no <script> element (the output is a static document);
//   - no request leaves the machine (a privacy notice must not phone home);
//   - the first Tab stop is a visible skip link whose target is main;
//   - reflow: no horizontal page scroll at 1280 or 320 CSS px (WCAG 1.4.10).
//     Content that scrolls inside its own overflow container (wide tables)
//     does not widen the page, so it is allowed by construction.
//   - languages: how many words the page says in each language, by the
//     nearest lang attribute; with --lang-of TEXT=LANG (repeatable), the first
//     text containing TEXT must be in LANG there (a part in another language
//     is marked so that a screen reader switches voice).
// With --ebook (EPUB content documents, .xhtml, which Chromium parses as XML)
// every check runs except the skip link: a reading system gives its own way
// to the text and the contents.
// Prints one summary line per file, then "N passed, N failed".
// Exit: 0 all passed, 1 some failed, 2 usage or browser trouble.

import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Flags this sandboxed, offline machine needs (see the machine notes): no
// sandbox as root, and no background traffic to hosts that cannot be reached.
// playwright-core adds --headless and a fresh temporary --user-data-dir itself.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const DESKTOP = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 640 };

function usage(msg) {
  if (msg) console.error(`check-html: ${msg}`);
  console.error('usage: node tests/browser/check-html.mjs [--screenshot DIR] [--ebook] [--lang-of TEXT=LANG]... FILE.html...');
  process.exit(2);
}

function parseArgs(argv) {
  const files = [];
  let shots = null;
  let ebook = false;
  const langOf = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--screenshot') {
      shots = argv[++i];
      if (!shots) usage('--screenshot needs a directory');
    } else if (a === '--ebook') {
      ebook = true;
    } else if (a === '--lang-of') {
      const probe = argv[++i] || '';
      const at = probe.lastIndexOf('=');
      if (at < 1 || at === probe.length - 1) usage('--lang-of needs TEXT=LANG');
      langOf.push([probe.slice(0, at), probe.slice(at + 1)]);
    } else if (a === '-h' || a === '--help') {
      usage();
    } else if (a.startsWith('-')) {
      usage(`unknown option ${a}`);
    } else {
      files.push(a);
    }
  }
  if (files.length === 0) usage('no files given');
  return { files, shots, ebook, langOf };
}

// Readable axe output: rule, impact, help, then the offending nodes.
function formatViolations(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`    axe ${v.id} (${v.impact}): ${v.help}`);
    lines.push(`      ${v.helpUrl}`);
    const shown = v.nodes.slice(0, 8);
    for (const n of shown) {
      const why = (n.failureSummary || '').split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim().slice(0, 160);
      lines.push(`      - ${n.target.join(' >> ')}${why ? `  [${why}]` : ''}`);
    }
    if (v.nodes.length > shown.length) lines.push(`      … and ${v.nodes.length - shown.length} more`);
  }
  return lines;
}

// Structure that needs no interaction; runs in the page.
function structureInPage() {
  const main = document.querySelectorAll('main, [role="main"]');
  return {
    lang: document.documentElement.getAttribute('lang') || '',
    h1: document.querySelectorAll('h1').length,
    main: main.length,
    scripts: document.querySelectorAll('script').length,
  };
}

// Words per language (by the nearest lang attribute), and the language of the
// first text that contains each probe.
function langsInPage(probes) {
  const words = {};
  const found = {};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue;
    const holder = n.parentElement && n.parentElement.closest('[lang]');
    const lang = holder ? holder.getAttribute('lang') : '';
    const count = text.split(/\s+/).filter(Boolean).length;
    if (count) words[lang] = (words[lang] || 0) + count;
    for (const [want] of probes) {
      if (!(want in found) && text.includes(want)) found[want] = lang;
    }
  }
  return { words, found };
}

// After one Tab from a fresh page: is focus on a visible skip link to main?
function skipLinkInPage() {
  const el = document.activeElement;
  const describe = (e) => (e ? e.outerHTML.split('>')[0].slice(0, 100) + '>' : 'nothing');
  if (!el || el === document.body || el.tagName !== 'A') {
    return { ok: false, why: `first Tab stop is not a link: ${describe(el)}` };
  }
  const href = el.getAttribute('href') || '';
  if (!href.startsWith('#') || href.length < 2) {
    return { ok: false, why: `first link does not point into the page: ${describe(el)}` };
  }
  const target = document.getElementById(decodeURIComponent(href.slice(1)));
  const main = document.querySelector('main, [role="main"]');
  if (!target) return { ok: false, why: `skip link target ${href} does not exist` };
  if (!main || !(target === main || main.contains(target))) {
    return { ok: false, why: `skip link target ${href} is not the main landmark` };
  }
  // A skip link that stays off-screen when focused helps no sighted keyboard user.
  const r = el.getBoundingClientRect();
  const visible = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
    r.top < window.innerHeight && r.left < window.innerWidth;
  if (!visible) return { ok: false, why: 'skip link is focused but not visible on screen' };
  return { ok: true, href, text: el.textContent.trim() };
}

// Where is focus relative to the skip target: 'in' it, 'after' it, or 'before'?
function skipLandedInPage(href) {
  const target = document.getElementById(decodeURIComponent(href.slice(1)));
  const el = document.activeElement;
  if (location.hash !== href || !el || el === document.body) return 'before';
  if (el === target || target.contains(el)) return 'in';
  return target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
}

// Reflow: the page itself must not scroll sideways. Name the widest culprits
// that are not inside their own scrolling container, to make failures fixable.
function reflowInPage() {
  const root = document.documentElement;
  const limit = root.clientWidth;
  const scrolls = (e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
  const insideScroller = (e) => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      if (scrolls(p)) return true;
    }
    return false;
  };
  const culprits = [];
  const wide = new Set();
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.right > limit + 1 && r.width > 0 && !insideScroller(e)) {
      wide.add(e);
      if (wide.has(e.parentElement)) continue; // name only the outermost one
      const id = e.id ? `#${e.id}` : '';
      const cls = typeof e.className === 'string' && e.className ? `.${e.className.split(/\s+/).join('.')}` : '';
      culprits.push(`${e.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(r.right)}px)`);
    }
  }
  return { scrollWidth: root.scrollWidth, clientWidth: limit, culprits: culprits.slice(0, 5) };
}

async function checkSkipLink(page, problems, details) {
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(skipLinkInPage);
  if (!skip.ok) {
    problems.push(skip.why);
    return;
  }
  // Following it must move the reader into main: Enter, then either focus is
  // in main already or the next Tab lands in or after main, never before it.
  await page.keyboard.press('Enter');
  let moved = await page.evaluate(skipLandedInPage, skip.href);
  if (moved === 'before') {
    await page.keyboard.press('Tab');
    moved = await page.evaluate(skipLandedInPage, skip.href);
  }
  if (moved === 'before') problems.push(`following the skip link ${skip.href} does not move focus to main`);
  else details.push(`    skip link: "${skip.text}" -> ${skip.href}`);
}

async function checkFile(browser, file, shots, ebook, langOf) {
  const problems = [];
  const details = [];
  const path = resolve(file);
  if (!existsSync(path)) return { problems: [`file not found: ${file}`], details };

  const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: true });
  try {
    const page = await context.newPage();
    // Anything that is not the file itself (or inline data) would leave the machine.
    const external = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      external.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(path).href, { waitUntil: 'load', timeout: 30_000 });

    // Count scripts before axe is evaluated (page.evaluate adds no element).
    const s = await page.evaluate(structureInPage);
    if (!s.lang.trim()) problems.push('<html> has no lang');
    if (s.h1 !== 1) problems.push(`${s.h1} h1 elements (want exactly 1)`);
    if (s.main !== 1) problems.push(`${s.main} main landmarks (want exactly 1)`);
    if (s.scripts !== 0) problems.push(`${s.scripts} <script> element(s) (want none)`);
    if (external.length) {
      problems.push(`${external.length} external request(s)`);
      for (const u of external.slice(0, 5)) details.push(`    external request: ${u}`);
    }

    const langs = await page.evaluate(langsInPage, langOf);
    const counts = Object.entries(langs.words).sort(([a], [b]) => a.localeCompare(b));
    details.push(`    languages: ${counts.map(([l, n]) => `${l || '(none)'} ${n} words`).join(', ')}`);
    for (const [want, lang] of langOf) {
      if (!(want in langs.found)) problems.push(`no text contains "${want}"`);
      else if (langs.found[want] !== lang) {
        problems.push(`"${want}" is in ${langs.found[want] || 'no language'}, not ${lang}`);
      }
    }

    await page.evaluate(AXE_SOURCE);
    const axe = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => ({ violations: r.violations, incomplete: r.incomplete.length })),
      AXE_TAGS,
    );
    if (axe.violations.length) {
      problems.push(`${axe.violations.length} axe violation(s)`);
      details.push(...formatViolations(axe.violations));
    }

    if (shots) {
      await page.screenshot({ path: `${shots}/${basename(file, extname(file))}-${DESKTOP.width}.png`, fullPage: true });
    }

    // Keyboard: from a fresh load, the first Tab must land on the skip link. An
    // ebook's reading system gives its own way in, so an ebook has none.
    if (!ebook) await checkSkipLink(page, problems, details);
    await page.evaluate(() => document.activeElement && document.activeElement.blur());

    // Reflow on a desktop too: a long address must not push the column sideways.
    for (const size of [DESKTOP, NARROW]) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      const flow = await page.evaluate(reflowInPage);
      if (flow.scrollWidth > flow.clientWidth) {
        problems.push(`page scrolls sideways at ${size.width}px (scrollWidth ${flow.scrollWidth} > ${flow.clientWidth})`);
        for (const c of flow.culprits) details.push(`    too wide: ${c}`);
      }
    }
    if (shots) {
      await page.screenshot({ path: `${shots}/${basename(file, extname(file))}-${NARROW.width}.png`, fullPage: true });
    }
    details.push(`    axe: ${axe.violations.length} violation(s), ${axe.incomplete} item(s) for manual review`);
  } finally {
    await context.close();
  }
  return { problems, details };
}

async function main() {
  const { files, shots, ebook, langOf } = parseArgs(process.argv.slice(2));
  if (shots) mkdirSync(shots, { recursive: true });
  if (!existsSync(CHROMIUM)) {
    console.error(`check-html: no browser at ${CHROMIUM}; run scripts/install-test-deps.sh`);
    process.exit(2);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  let passed = 0;
  let failed = 0;
  try {
    for (const file of files) {
      const started = Date.now();
      let result;
      try {
        result = await checkFile(browser, file, shots, ebook, langOf);
      } catch (err) {
        result = { problems: [`could not check: ${err.message.split('\n')[0]}`], details: [] };
      }
      const secs = ((Date.now() - started) / 1000).toFixed(2);
      if (result.problems.length === 0) {
        passed++;
        console.log(`PASS ${file} (${secs}s)`);
      } else {
        failed++;
        console.log(`FAIL ${file} (${secs}s): ${result.problems.join('; ')}`);
      }
      for (const line of result.details) console.log(line);
    }
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(`check-html: ${err.stack || err}`);
  process.exit(2);
});
