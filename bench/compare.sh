#!/usr/bin/env bash
# notice against the tools an office uses today, on the same content, alternating runs.
#
#   bench/compare.sh [SEED.yaml] [ROUNDS]     (default notices/leicestershire.yaml, 10)
#
# The content: the notice's body as Markdown, written by notice's own templates
# (`cargo run --release --example perf -- markdown SEED`), so pandoc and Chromium get the
# same words notice renders. Each round runs, one after the other:
#   notice-html   notice build SEED --format html
#   notice-all    notice build SEED               (HTML, large-print PDF and text)
#   pandoc-html   pandoc -s body.md -o body.html  (Markdown to a standalone page)
#   chromium-pdf  chromium --headless --print-to-pdf of pandoc's page
# Each command's median wall time and the ratios are printed as Markdown tables.
# Needs pandoc and chromium (Debian packages `pandoc` and `chromium`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seed="${1:-notices/leicestershire.yaml}"
rounds="${2:-10}"
for tool in pandoc chromium; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install $tool)" >&2; exit 2; }
done

cargo build --release --quiet --bin notice --example perf
target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
notice="$target_dir/release/notice"
perf="$target_dir/release/examples/perf"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$perf" markdown "$seed" > "$work/body.md"
title="$(sed -n 's/^  title: //p' "$seed" | head -1)"
profile="$(mktemp -d)"
as_of=2026-06-19

declare -A cmd
cmd[notice-html]="$notice build $seed --format html --out $work/out-html --as-of $as_of"
cmd[notice-all]="$notice build $seed --out $work/out-all --as-of $as_of"
cmd[pandoc-html]="pandoc -s --metadata title=Notice -f markdown -t html5 $work/body.md -o $work/pandoc.html"
cmd[chromium-pdf]="chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$profile --no-pdf-header-footer --print-to-pdf=$work/chromium.pdf file://$work/pandoc.html"
order=(notice-html notice-all pandoc-html chromium-pdf)

# The page Chromium prints must exist before the first round.
eval "${cmd[pandoc-html]}"

declare -A times
now() { date +%s%N; }
for ((r = 0; r < rounds + 1; r++)); do
    for name in "${order[@]}"; do
        start=$(now)
        eval "${cmd[$name]}" >/dev/null 2>&1 || true
        end=$(now)
        # Round 0 warms caches and is not counted.
        if ((r > 0)); then
            times[$name]+="$(( (end - start) / 1000 )) "
        fi
    done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -A med
echo "## notice against pandoc and Chromium: $(basename "$seed"), $rounds alternating rounds"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(rustc --version), $(pandoc --version | head -1), $(chromium --version 2>/dev/null | head -1)"
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| command | median (ms) | min (ms) | max (ms) |"
echo "|---|---:|---:|---:|"
for name in "${order[@]}"; do
    m=$(echo "${times[$name]}" | median)
    med[$name]=$m
    min=$(echo "${times[$name]}" | tr ' ' '\n' | grep . | sort -n | head -1)
    max=$(echo "${times[$name]}" | tr ' ' '\n' | grep . | sort -n | tail -1)
    awk -v n="$name" -v m="$m" -v lo="$min" -v hi="$max" 'BEGIN { printf "| %s | %.1f | %.1f | %.1f |\n", n, m / 1000, lo / 1000, hi / 1000 }'
done
echo
echo "| comparison | ratio |"
echo "|---|---:|"
ratio() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "| %s | %.1f× |\n", n, a / b }'; }
ratio "pandoc HTML ÷ notice HTML" "${med[pandoc-html]}" "${med[notice-html]}"
ratio "Chromium PDF ÷ notice all three formats" "${med[chromium-pdf]}" "${med[notice-all]}"
ratio "(pandoc + Chromium) ÷ notice all three formats" "$(( ${med[pandoc-html]%.*} + ${med[chromium-pdf]%.*} ))" "${med[notice-all]}"
echo
echo "Sizes: notice HTML $(wc -c < "$work"/out-all/*/*.html) B, notice PDF $(wc -c < "$work"/out-all/*/*.pdf) B, pandoc HTML $(wc -c < "$work/pandoc.html") B, Chromium PDF $(wc -c < "$work/chromium.pdf") B"
rm -rf "$profile"
