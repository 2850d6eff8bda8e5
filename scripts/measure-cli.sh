#!/usr/bin/env bash
# Measures the command line at scale, whole process, release build: `routes --format json` and
# `--format text` on the scale topology at 1×, 2× and 4× (routescope-bench writes the files), wall
# time and peak memory (maximum resident set size) from /usr/bin/time -v, median over N runs, and
# CPU time (user + system: what the run costs when the machine is shared) and the bytes printed.
# Output goes through a pipe (to wc -c), as into jq or less.
# Usage: scripts/measure-cli.sh [N] [GROWTH] [SCALES]   (defaults 3, peers, "1 2 4"). Asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
growth=${2:-peers}
scales=${3:-1 2 4}
if [ ! -x /usr/bin/time ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get install -y --no-install-recommends time >/dev/null
fi
swift build -c release --product routescope >/dev/null
swift build -c release --product routescope-bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "release build, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(date -u +%Y-%m-%d), growth: $growth, median of $runs runs"
printf '%-6s %-7s %10s %10s %10s %12s\n' scale format "wall (s)" "cpu (s)" "peak MB" "output MB"
for scale in $scales; do
    .build/release/routescope-bench --emit-scale-topology "$work/scale.yaml" --scale "$scale" --growth "$growth"
    for format in json text; do
        walls=() cpus=() rss=() bytes=0
        for _ in $(seq "$runs"); do
            bytes=$( { /usr/bin/time -v -o "$work/time" .build/release/routescope routes "$work/scale.yaml" --format "$format"; } | wc -c)
            walls+=( "$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time")" )
            cpus+=( "$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$work/time")" )
            rss+=( "$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time")" )
        done
        printf '%-6s %-7s %10s %10s %10s %12s\n' "${scale}×" "$format" "$(printf '%s\n' "${walls[@]}" | median)" \
            "$(printf '%s\n' "${cpus[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)" \
            "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')"
    done
done
