#!/usr/bin/env bash
# One binary to carry to a class: a release build with the Swift runtime and Foundation linked in
# (--static-swift-stdlib), checked with ldd, copied to ~/.local/bin (or $PREFIX/bin).
# Usage: scripts/install.sh [--build-only]
# The target machine needs only the ncurses runtime (libncursesw6, present on Debian and Ubuntu).
set -euo pipefail
cd "$(dirname "$0")/.."
# A scratch path of its own, so the static build does not replace the ordinary release build.
swift build -c release --static-swift-stdlib --product routescope --scratch-path .build/static
binary=.build/static/release/routescope
scripts/check-static.sh "$binary"
[ "${1:-}" = "--build-only" ] && exit 0
bin=${PREFIX:-$HOME/.local}/bin
mkdir -p "$bin"
install -m 0755 "$binary" "$bin/routescope"
echo "installed $bin/routescope ($(du -h "$bin/routescope" | cut -f1))"
case ":$PATH:" in
*":$bin:"*) ;;
*) echo "note: $bin is not on your PATH; add it, e.g. export PATH=\"$bin:\$PATH\"" ;;
esac
