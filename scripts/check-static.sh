#!/usr/bin/env bash
# Checks that a routescope binary needs no Swift shared library (libswiftCore, Foundation, …): what
# `swift build -c release --static-swift-stdlib` gives. The system's own libraries (libc, libm,
# libncursesw, libstdc++) stay dynamic; every Linux machine with ncurses has them.
# Usage: scripts/check-static.sh [BINARY]   (default .build/static/release/routescope). Exit 1 if not.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/static/release/routescope}
[ -x "$binary" ] || { echo "no binary at $binary (build it: scripts/install.sh --build-only)" >&2; exit 1; }
libraries=$(ldd "$binary")
swift=$(printf '%s\n' "$libraries" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|lib_FoundationICU|libXCTest' || true)
if [ -n "$swift" ]; then
    echo "$binary needs Swift shared libraries:" >&2
    printf '%s\n' "$swift" >&2
    exit 1
fi
echo "$binary needs no Swift shared library; it links only:"
printf '%s\n' "$libraries" | awk '{ print "  " $1 }'
