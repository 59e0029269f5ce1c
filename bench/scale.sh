#!/usr/bin/env bash
# How time and memory grow: `bench/scale.sh [N] [K...]` (default 1000 notices; x1 x10 x100).
#
# Makes N distinct notices from the seeds and Leicestershire made K times larger (with
# examples/perf.rs, i.e. notice::synth), then times `notice build` (all three formats, both
# cores) and `notice check` of each with /usr/bin/time -v: wall and CPU time, peak memory
# (maximum resident set size). Prints a Markdown table. NOTICE=/path/to/notice measures
# another build of notice. Needs GNU time (Debian `time`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

n="${1:-1000}"
shift || true
scales=("${@:-1 10 100}")
[ -x /usr/bin/time ] || { echo "missing /usr/bin/time (apt-get install time)" >&2; exit 2; }

cargo build --release --quiet --bin notice --example perf
target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
notice="${NOTICE:-$target_dir/release/notice}"
perf="$target_dir/release/examples/perf"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$perf" corpus "$work/corpus" "$n" >/dev/null
# shellcheck disable=SC2068
"$perf" scale "$work/scaled" ${scales[@]} >/dev/null

measure() { # label, then the command
    local label="$1"
    shift
    /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || true
    local wall user sys rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    user=$(sed -n 's/.*User time (seconds): //p' "$work/time.txt")
    sys=$(sed -n 's/.*System time (seconds): //p' "$work/time.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
        'BEGIN { printf "| %s | %.2f | %.2f | %.0f |\n", l, w, u + s, r / 1024 }'
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | wall (s) | CPU (s) | peak memory (MB) |"
echo "|---|---:|---:|---:|"
measure "build $n notices ($(du -sh "$work/corpus" | cut -f1) of YAML)" \
    "$notice" build "$work/corpus" --out "$work/out-corpus" --as-of 2026-06-19
measure "check $n notices" "$notice" check "$work/corpus" --as-of 2026-06-19
for k in ${scales[@]}; do
    f="$work/scaled/leicestershire-x$k.yaml"
    size=$(( $(wc -c < "$f") / 1024 ))
    measure "build Leicestershire x$k (${size} KB)" "$notice" build "$f" --out "$work/out-x$k" --as-of 2026-06-19
    measure "check Leicestershire x$k" "$notice" check "$f" --as-of 2026-06-19
done
