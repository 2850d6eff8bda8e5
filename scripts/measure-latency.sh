#!/usr/bin/env bash
# Measures the real explorer under tmux with the scale topology (release build):
#   start → first frame, key press → repainted screen (p50/p95 over N presses of `r`), and the
#   explorer's peak memory (VmHWM) at the end.
# Usage: scripts/measure-latency.sh [N] [SCALE] [GROWTH]   (defaults 40, 1, peers; SCALE 2 or 4 and
# GROWTH peers or prefixes pick routescope-bench's larger topologies). Prints numbers; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8
presses=${1:-40}
scale=${2:-1}
growth=${3:-peers}
swift build -c release --product routescope >/dev/null
swift build -c release --product routescope-bench >/dev/null
work=$(mktemp -d)
socket="routescope-latency-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$work"' EXIT
.build/release/routescope-bench --emit-scale-topology "$work/scale.yaml" --scale "$scale" --growth "$growth"
T() { tmux -L "$socket" -f /dev/null "$@"; }
now() { date +%s%N; }
screen() { T capture-pane -p -t s; }
wait_for() {   # REGEX: poll without sleeping until the screen matches (10 s limit)
    local end=$(( $(now) + 10000000000 ))
    until screen | grep -q -- "$1"; do
        [ "$(now)" -lt "$end" ] || { echo "timeout waiting for /$1/" >&2; screen >&2; exit 1; }
    done
}

start=$(now)
T new-session -d -s s -x 200 -y 60 -e LANG=C.UTF-8 -e TERM=tmux-256color \
    "$PWD/.build/release/routescope" "$work/scale.yaml"
wait_for "route exchange: OFF"
first=$(( ($(now) - start) / 1000000 ))

samples=()
state=OFF
for _ in $(seq "$presses"); do
    next=$([ "$state" = OFF ] && echo ON || echo OFF)
    before=$(now)
    T send-keys -t s r
    wait_for "route exchange: $next"
    samples+=( $(( ($(now) - before) / 1000 )) )
    state=$next
done
app=$(pgrep -n -x routescope)
rss=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$app/status")
T send-keys -t s q

sorted=$(printf '%s\n' "${samples[@]}" | sort -n)
pick() { printf '%s\n' "$sorted" | sed -n "$1p"; }
count=${#samples[@]}
p50=$(pick $(( (count + 1) / 2 )))
p95=$(pick $(( (count * 95 + 99) / 100 )))
max=$(pick "$count")
echo "scale topology ${scale}× ${growth} ($(du -k "$work/scale.yaml" | cut -f1) KB of YAML), 200×60, release build, tmux $(tmux -V | cut -d' ' -f2)"
echo "start → first frame (tmux spawn, parse, compute, draw): ${first} ms"
awk -v n="$count" -v a="$p50" -v b="$p95" -v c="$max" \
    'BEGIN { printf "key r → repainted screen, %d presses: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", n, a/1000, b/1000, c/1000 }'
echo "peak memory of the explorer (VmHWM): ${rss} MB"
