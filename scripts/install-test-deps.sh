#!/usr/bin/env bash
# Installs everything the output checks need, and proves each tool runs.
# Idempotent: a second run installs nothing and takes about a second.
# Fails loudly: a tool that is missing afterwards is an error, never a skip.
#
#   Debian:  poppler-utils (pdfinfo, pdffonts), qpdf, chromium, groff, mandoc,
#            shellcheck (actionlint checks the workflows' shell steps with it)
#   npm:     playwright-core + axe-core, pinned in tests/browser/package-lock.json
#   PyPI:    page-validation, pikepdf, pdfminer.six, pinned in
#            tests/pdf/requirements.txt, and ruamel.yaml, PyYAML, jsonschema,
#            pre-commit, actionlint, hadolint, pinned in tests/clients/requirements.txt,
#            into the venv .venv-test/
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
started=$SECONDS
die() { echo "install-test-deps: $*" >&2; exit 1; }
say() { echo "install-test-deps: $*"; }

# --- Debian packages: skip apt entirely when every command is already there.
missing=()
command -v pdfinfo >/dev/null && command -v pdffonts >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v groff >/dev/null || missing+=(groff)
command -v mandoc >/dev/null || missing+=(mandoc)
command -v shellcheck >/dev/null || missing+=(shellcheck)
if ((${#missing[@]})); then
  sudo=""
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${missing[*]}"
    sudo=sudo
  fi
  say "apt-get install ${missing[*]}"
  $sudo apt-get update -q || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" ||
    die "apt-get install ${missing[*]} failed"
fi

# A stamp holding the lock file's hash tells us the install matches the lock.
stamp_ok() { [[ -f "$2" ]] && [[ "$(cat "$2")" == "$(sha256sum "$1" | cut -d' ' -f1)" ]]; }
stamp_write() { sha256sum "$1" | cut -d' ' -f1 >"$2"; }

# --- npm packages for tests/browser/check-html.mjs.
command -v node >/dev/null || die "node not found (Node.js 20 is expected on this machine)"
command -v npm >/dev/null || die "npm not found"
browser="tests/browser"
if ! stamp_ok "$browser/package-lock.json" "$browser/node_modules/.installed-lock"; then
  say "npm ci in $browser"
  (cd "$browser" && npm ci --no-audit --no-fund) || die "npm ci in $browser failed"
  stamp_write "$browser/package-lock.json" "$browser/node_modules/.installed-lock"
fi

# --- Python venv for tests/pdf/check_pdf.py.
python="${PYTHON:-python3}"
venv=".venv-test"
if ! stamp_ok tests/pdf/requirements.txt "$venv/.installed-requirements"; then
  command -v "$python" >/dev/null || die "$python not found"
  say "pip install -r tests/pdf/requirements.txt into $venv"
  [[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv" || die "could not create $venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r tests/pdf/requirements.txt ||
    die "pip install into $venv failed"
  stamp_write tests/pdf/requirements.txt "$venv/.installed-requirements"
fi
if ! stamp_ok tests/clients/requirements.txt "$venv/.installed-client-requirements"; then
  say "pip install -r tests/clients/requirements.txt into $venv"
  [[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv" || die "could not create $venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r tests/clients/requirements.txt ||
    die "pip install into $venv failed"
  stamp_write tests/clients/requirements.txt "$venv/.installed-client-requirements"
fi

# --- Prove every tool runs (not just that a file exists).
pdfinfo -v >/dev/null 2>&1 || die "pdfinfo does not run"
pdffonts -v >/dev/null 2>&1 || die "pdffonts does not run"
qpdf --version >/dev/null || die "qpdf does not run"
/usr/bin/chromium --version >/dev/null 2>&1 || die "/usr/bin/chromium does not run"
(cd "$browser" && node -e "require('playwright-core'); require('axe-core')") ||
  die "playwright-core or axe-core missing in $browser/node_modules"
"$venv/bin/python" -c "import page, pikepdf, pdfminer.high_level" ||
  die "page-validation, pikepdf or pdfminer.six missing in $venv"
"$venv/bin/python" -c "import ruamel.yaml, yaml, jsonschema" ||
  die "ruamel.yaml, PyYAML or jsonschema missing in $venv"
"$venv/bin/pre-commit" --version >/dev/null || die "pre-commit does not run"
"$venv/bin/actionlint" -version >/dev/null || die "actionlint does not run"
"$venv/bin/hadolint" --version >/dev/null || die "hadolint does not run"
groff --version >/dev/null || die "groff does not run"
shellcheck --version >/dev/null || die "shellcheck does not run"
# mandoc has no --version; linting an empty page proves it runs.
printf '.TH T 1 2026-01-01\n.SH NAME\nt \\- t\n' | mandoc -Tlint -W error >/dev/null ||
  die "mandoc does not run"

say "ok in $((SECONDS - started))s: $(pdfinfo -v 2>&1 | head -1), $(qpdf --version | head -1)," \
  "$(/usr/bin/chromium --version 2>/dev/null), node $(node --version)"
