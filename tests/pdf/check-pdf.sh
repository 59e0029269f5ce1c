#!/usr/bin/env bash
# check-pdf FILE.pdf --title "..." --lang en-GB
# Runs tests/pdf/check_pdf.py in the test venv (pikepdf, pdfminer.six and the
# PDF/UA validator live there). See that file for what is checked.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
py="$root/.venv-test/bin/python"
if [[ ! -x "$py" ]]; then
  echo "check-pdf: no test venv at $root/.venv-test; run scripts/install-test-deps.sh" >&2
  exit 2
fi
exec "$py" "$root/tests/pdf/check_pdf.py" "$@"
