#!/usr/bin/env bash
# Instructions, not seconds: `bench/instructions.sh [OTHER_NOTICE_BINARY]`.
#
# Counts the instructions `notice check` and `notice build` (all default formats) execute
# on each example notice, with valgrind's callgrind. Unlike wall time, the count does not
# move when other work shares the machine, so two builds of `notice` (before and after a
# refactor, say) can be compared on a busy machine. With a second binary, prints both
# counts and the change. Needs valgrind (Debian `valgrind`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v valgrind >/dev/null || { echo "missing valgrind (apt-get install valgrind)" >&2; exit 2; }
cargo build --release --quiet --bin notice
target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
ours="$target_dir/release/notice"
other="${1:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

count() { # binary, then the arguments: prints the instruction count
    local bin="$1"
    shift
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$bin" "$@" \
        >/dev/null 2>"$work/cg.err" || true
    sed -n 's/^summary: //p' "$work/cg.out"
}

if [ -n "$other" ]; then
    echo "| notice | command | this build | $other | change |"
    echo "|---|---|---:|---:|---:|"
else
    echo "| notice | command | instructions |"
    echo "|---|---|---:|"
fi
for f in notices/*.yaml; do
    stem="$(basename "$f" .yaml)"
    for cmd in check build; do
        args=("$cmd" "$f" --as-of 2026-06-19)
        [ "$cmd" = build ] && args+=(--out "$work/out")
        a="$(count "$ours" "${args[@]}")"
        if [ -n "$other" ]; then
            b="$(count "$other" "${args[@]}")"
            change="$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%+.2f%%", (a - b) * 100 / b }')"
            echo "| $stem | $cmd | $a | $b | $change |"
        else
            echo "| $stem | $cmd | $a |"
        fi
    done
done
