#!/usr/bin/env bash
# Fuzzes the topology loader, the lesson/expectation loaders and the explorer's `:` command parser with
# libFuzzer (the package in Fuzz/, built with -sanitize=fuzzer,address).
#
# Usage:
#   scripts/fuzz.sh [--merge] TARGET SECONDS [LIBFUZZER_FLAG...]
#   scripts/fuzz.sh [--merge] all SECONDS        every target, SECONDS each, one after another
#   scripts/fuzz.sh --build                      build only
#   scripts/fuzz.sh --minimize TARGET CRASH      shrinks a crashing input to CRASH.min
#   scripts/fuzz.sh --list                       the targets
# TARGET is FuzzTopologyLoader, FuzzLessonLoader or FuzzColonCommand (or topology, lesson, colon).
#
# Each run works on a copy of the committed corpus (Fuzz/corpus/TARGET) in .build-fuzz/work/TARGET, kept
# between runs; the committed corpus changes only with --merge, which adds the working inputs that reach
# new coverage (libFuzzer's -set_cover_merge=1, the minimising form of -merge=1). Crashes, invariant
# failures, timeouts and leaks go to .build-fuzz/artifacts/TARGET/; logs to .build-fuzz/logs/.
# Prints a summary per target (runs, exec/s, cov/ft, crash); exits 1 when any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(FuzzTopologyLoader FuzzLessonLoader FuzzColonCommand)
scratch=.build-fuzz
usage() { sed -n '5,11s/^# \{0,1\}//p' "$0" >&2; exit 2; }

canonical() {   # NAME → the target's module name, or nothing
    case $1 in
        FuzzTopologyLoader | topology | loader) echo FuzzTopologyLoader ;;
        FuzzLessonLoader | lesson | lessons) echo FuzzLessonLoader ;;
        FuzzColonCommand | colon | command) echo FuzzColonCommand ;;
        *) return 1 ;;
    esac
}

# Release: the loaders run several times faster optimised, and fuzzing is about executions per second.
# Nothing that the targets check is lost: -O keeps preconditions, overflow and bounds checks, and the
# fatalError of a broken invariant (only -Ounchecked drops them); ASan and the coverage instrumentation
# are unaffected, and SwiftPM still emits debug info, so reports are symbolized.
# Every module (the loaders, the engine, Yams and its libyaml C code) is instrumented, so coverage covers
# them all. lld: gold warns about ASan's symbols.
build() {
    echo "building the fuzz targets (release, -sanitize=fuzzer,address)…" >&2
    swift build -c release --package-path Fuzz --scratch-path "$scratch/build" \
        -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -use-ld=lld \
        >"$scratch/logs/build.log" 2>&1 || { cat "$scratch/logs/build.log" >&2; exit 1; }
    grep -E "warning:" "$scratch/logs/build.log" >&2 || true
    binaries=$(swift build -c release --package-path Fuzz --scratch-path "$scratch/build" --show-bin-path)
}

# Per target: max input length, dictionary.
options() {
    case $1 in
        FuzzColonCommand) echo "-max_len=512 -dict=Fuzz/dictionaries/colon.dict" ;;
        *) echo "-max_len=4096 -dict=Fuzz/dictionaries/topology.dict" ;;
    esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:symbolize=1}
# The Swift runtime's backtracer would catch a trap before libFuzzer does (and trips ASan reading the
# stack): let libFuzzer report it and save the input.
export SWIFT_BACKTRACE=enable=no

crashed=0
# run TARGET SECONDS [FLAG...]: fuzzes on the working corpus, prints the summary, merges when asked.
run() {
    local target=$1 seconds=$2
    shift 2
    local committed=Fuzz/corpus/$target work=$scratch/work/$target artifacts=$scratch/artifacts/$target/
    local log
    log=$scratch/logs/$target-$(date +%Y%m%d-%H%M%S).log
    mkdir -p "$work" "$artifacts" "$committed"
    cp -n "$committed"/* "$work"/ 2>/dev/null || true
    local marker=$scratch/logs/.started-$target
    touch "$marker"
    echo "fuzzing $target for ${seconds}s (log: $log)" >&2
    local status=0
    # shellcheck disable=SC2046 # options are words
    "$binaries/$target" "$work" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts" -print_final_stats=1 $(options "$target") "$@" >"$log" 2>&1 || status=$?
    summary "$target" "$log" "$status" "$artifacts" "$marker"
    if [ "$merge" = 1 ]; then
        local count
        count=$(find "$committed" -type f | wc -l)
        # Edges only (-use_counters=0: not every hit-count bucket) and a set cover (not the first input
        # by size that adds anything) keep the committed corpus to a few hundred small files.
        # shellcheck disable=SC2046
        "$binaries/$target" -set_cover_merge=1 -use_counters=0 $(options "$target") "$committed" "$work" >>"$log" 2>&1
        echo "  merged: $count → $(find "$committed" -type f | wc -l) files in $committed ($(du -sh --apparent-size "$committed" | cut -f1))"
    fi
}

summary() {   # TARGET LOG STATUS ARTIFACTS MARKER (artifacts newer than MARKER are this run's)
    local target=$1 log=$2 status=$3 artifacts=$4 marker=$5
    local last runs rate
    last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    echo "$target:"
    echo "  runs: ${runs:-?}  exec/s: ${rate:-?}  $(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' <<<"$last" || echo 'no coverage line')"
    echo "  working corpus: $(find "$scratch/work/$target" -type f | wc -l) files"
    if [ "$status" = 0 ]; then
        echo "  crash: none"
    else
        crashed=1
        echo "  CRASH (libFuzzer exit $status): $(grep -m1 -E 'ERROR: |Fatal error|invariant broken|deadly signal|timeout' "$log" || echo 'see the log')"
        find "$artifacts" -type f -newer "$marker" | sed 's/^/  artifact: /'
        echo "  log: $log"
    fi
}

merge=0
case ${1:-} in
    --list) printf '%s\n' "${targets[@]}"; exit 0 ;;
    --merge) merge=1; shift ;;
    --build | --minimize | "") ;;
    -*) usage ;;
esac
mkdir -p "$scratch/logs"
case ${1:-} in
    --build) build; echo "$binaries" ;;
    --minimize)
        [ $# = 3 ] || usage
        target=$(canonical "$2") || usage
        build
        "$binaries/$target" -minimize_crash=1 -runs=20000 -exact_artifact_path="$3.min" "$3" 2>&1 | tail -5
        echo "minimized: $3.min ($(wc -c <"$3.min") bytes)"
        ;;
    all)
        [ $# -ge 2 ] || usage
        seconds=$2
        shift 2
        build
        for target in "${targets[@]}"; do run "$target" "$seconds" "$@"; done
        ;;
    *)
        [ $# -ge 2 ] || usage
        target=$(canonical "$1") || usage
        seconds=$2
        shift 2
        build
        run "$target" "$seconds" "$@"
        ;;
esac
exit "$crashed"
