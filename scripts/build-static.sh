#!/usr/bin/env bash
# Builds the static Linux x86_64 binary this machine can build, then proves it runs with
# nothing around it: no dynamic loader or libraries (readelf), an empty environment
# (env -i) and an empty root file system (chroot, when run as root), where a newcomer's
# first `notice init` and `notice build` must work.
#
#   scripts/build-static.sh            build into target/static/, then test
#   scripts/build-static.sh --test-only  test an existing build
#
# The release workflow builds the musl binaries (x86_64 and aarch64) on GitHub's hosted
# runners. Here the musl target's standard library is used when rustup has it installed;
# otherwise (no toolchain can be downloaded on this machine) the glibc target is linked
# fully statically with `-C target-feature=+crt-static`, which gives the same kind of
# file: one executable with no interpreter and no shared libraries. See docs/install.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
die() { echo "build-static: $*" >&2; exit 1; }
say() { echo "build-static: $*"; }

if rustup target list --installed 2>/dev/null | grep -qx x86_64-unknown-linux-musl; then
  target=x86_64-unknown-linux-musl
else
  target=x86_64-unknown-linux-gnu
fi
bin="target/static/$target/release/notice"

if [[ ${1:-} != --test-only ]]; then
  say "cargo build --release --locked --target $target (static)"
  SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)" \
    RUSTFLAGS="-C target-feature=+crt-static" CARGO_PROFILE_RELEASE_STRIP=symbols \
    cargo build --release --locked --target "$target" --target-dir target/static
fi
[[ -x $bin ]] || die "no binary at $bin; build it first"

# 1. Static: no program interpreter, no shared libraries.
headers="$(readelf --program-headers --dynamic "$bin")"
if grep -q "INTERP" <<<"$headers" || grep -q "(NEEDED)" <<<"$headers"; then
  die "$bin is not static: $(grep -E 'INTERP|NEEDED' <<<"$headers")"
fi
say "static: no INTERP, no NEEDED ($(du -h "$bin" | cut -f1))"

# 2. An empty environment: no PATH, HOME, LANG or TZ.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
env -i "$bin" --version >/dev/null || die "does not run with env -i"
env -i "$bin" check notices/kent-2021.yaml --as-of 2026-11-25 --format json >"$tmp/check.json" ||
  [[ $? -eq 1 ]] || die "check fails with env -i"
say "runs with env -i"

# 3. An empty root: only the binary, in /bin, and a folder to work in.
if [[ $EUID -eq 0 ]]; then
  mkdir -p "$tmp/root/bin" "$tmp/root/work"
  cp "$bin" "$tmp/root/bin/notice"
  chroot "$tmp/root" /bin/notice init /work/notices/my-office.yaml >/dev/null
  chroot "$tmp/root" /bin/notice build /work/notices --out /work/out >"$tmp/build.log" 2>&1 ||
    [[ $? -eq 1 ]] || { cat "$tmp/build.log"; die "build fails in an empty root"; }
  for f in my-office.html my-office-large-print.pdf my-office.txt; do
    [[ -s "$tmp/root/work/out/my-office/$f" ]] || { cat "$tmp/build.log"; die "no $f in an empty root"; }
  done
  say "init and build work in an empty root (chroot): $(ls "$tmp/root/work/out/my-office" | tr '\n' ' ')"
else
  say "not root: skipping the chroot test (run as root to include it)"
fi
say "ok: $bin"
