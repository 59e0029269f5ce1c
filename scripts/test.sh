#!/usr/bin/env bash
# The project's test command: tools, formatting, lints, then every test.
# The Rust integration tests call tests/browser/check-html.mjs and
# tests/pdf/check-pdf.sh on real outputs, so the tools are installed first.
#
# Order: cheapest failure first. fmt takes seconds; clippy checks the crate
# before the full test build (clippy only type-checks dependencies, so the
# test build compiles them again with codegen; build scripts and proc macros
# are shared). Fuzzing is kept out: it has no place in a 90-minute CI run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { echo; echo "== $* ($(date -u +%H:%M:%S))"; }

step "test tools"
scripts/install-test-deps.sh

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy"
cargo clippy --all-targets --locked -- -D warnings

step "cargo test"
cargo test --locked
