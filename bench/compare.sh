#!/usr/bin/env bash
# notice against the tools an office uses today, on the same content, alternating runs.
#
#   bench/compare.sh [SEED.yaml | FOLDER] [ROUNDS]     (default notices/, i.e. the five
#                                                      examples; 10 rounds)
#
# The content: each notice's body as Markdown, written by notice's own templates
# (`cargo run --release --example perf -- markdown SEED`), so pandoc and Chromium get the
# same words notice renders. Each round runs, one after the other:
#   notice-html   notice build SEEDS --format html   (one process, every notice)
#   notice-all    notice build SEEDS                 (HTML, large-print PDF and text)
#   pandoc-html   pandoc -s body.md -o body.html     (Markdown to a standalone page),
#                 once per notice, the times added up
#   chromium-pdf  chromium --headless --print-to-pdf of pandoc's page, once per notice
#                 (left out with CHROMIUM=0)
# Each command's median wall time and the ratios are printed as Markdown tables.
# NOTICE=/path/to/notice compares another build of notice.
# Needs pandoc and chromium (Debian packages `pandoc` and `chromium`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

target="${1:-notices}"
rounds="${2:-10}"
chromium="${CHROMIUM:-1}"
if [ -d "$target" ]; then
    seeds=("$target"/*.yaml)
else
    seeds=("$target")
fi
tools=(pandoc)
[ "$chromium" = 0 ] || tools+=(chromium)
for tool in "${tools[@]}"; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install $tool)" >&2; exit 2; }
done

cargo build --release --quiet --bin notice --example perf
target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
notice="${NOTICE:-$target_dir/release/notice}"
perf="$target_dir/release/examples/perf"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
profile="$(mktemp -d)"
as_of=2026-06-19
for i in "${!seeds[@]}"; do
    "$perf" markdown "${seeds[$i]}" > "$work/body$i.md"
done

declare -A cmd
cmd[notice-html]="$notice build ${seeds[*]} --format html --out $work/out-html --as-of $as_of"
cmd[notice-all]="$notice build ${seeds[*]} --out $work/out-all --as-of $as_of"
cmd[pandoc-html]=""
cmd[chromium-pdf]=""
for i in "${!seeds[@]}"; do
    cmd[pandoc-html]+="pandoc -s --metadata title=Notice -f markdown -t html5 $work/body$i.md -o $work/pandoc$i.html; "
    cmd[chromium-pdf]+="chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$profile --no-pdf-header-footer --print-to-pdf=$work/chromium$i.pdf file://$work/pandoc$i.html; "
done
order=(notice-html notice-all pandoc-html)
[ "$chromium" = 0 ] || order+=(chromium-pdf)

# The pages Chromium prints must exist before the first round.
eval "${cmd[pandoc-html]}"

declare -A times
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
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
names=""
for f in "${seeds[@]}"; do names+="$(basename "$f") "; done
against="pandoc and Chromium"
[ "$chromium" != 0 ] || against="pandoc"
echo "## notice against $against: ${names% }, $rounds alternating rounds"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(rustc --version), $(pandoc --version | head -1)"
echo "Load average at the start: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
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
ratio() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "| %s | %.2f |\n", n, a / b }'; }
ratio "pandoc HTML ÷ notice HTML" "${med[pandoc-html]}" "${med[notice-html]}"
ratio "notice HTML ÷ pandoc HTML" "${med[notice-html]}" "${med[pandoc-html]}"
ratio "notice all three formats ÷ pandoc HTML (target ≤ 0.25)" "${med[notice-all]}" "${med[pandoc-html]}"
if [ "$chromium" != 0 ]; then
    ratio "Chromium PDF ÷ notice all three formats" "${med[chromium-pdf]}" "${med[notice-all]}"
    ratio "(pandoc + Chromium) ÷ notice all three formats" "$(( ${med[pandoc-html]%.*} + ${med[chromium-pdf]%.*} ))" "${med[notice-all]}"
fi
echo
echo "Sizes: notice HTML $(cat "$work"/out-all/*/*.html | wc -c) B, notice PDF $(cat "$work"/out-all/*/*.pdf | wc -c) B, pandoc HTML $(cat "$work"/pandoc*.html | wc -c) B"
rm -rf "$profile"
