#!/usr/bin/env bash
# Fuzz the whole pipeline: `fuzz/run.sh [SECONDS] [extra libFuzzer flags...]`.
#
# Seeds fuzz/corpus/pipeline/ from notices/*.yaml (and a few small synthetic notices made
# from them), then runs the `pipeline` target with the dictionary for SECONDS (default 900).
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). Never run by CI.
# Crashes land in fuzz/artifacts/pipeline/; see fuzz/README.md for what to do with one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds="${1:-900}"
shift || true
corpus=fuzz/corpus/pipeline
mkdir -p "$corpus" fuzz/artifacts/pipeline
cp notices/*.yaml "$corpus/"
cp assets/starter.yaml "$corpus/starter.yaml"

cargo +nightly fuzz run pipeline "$corpus" -- \
    -dict=fuzz/pipeline.dict \
    -max_total_time="$seconds" \
    -max_len=65536 \
    -timeout=20 \
    -rss_limit_mb=4096 \
    -print_final_stats=1 \
    "$@"
