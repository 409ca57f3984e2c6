#!/usr/bin/env bash
# Builds the fuzz seed corpora and runs every libFuzzer target (tests/fuzz/README.md).
#   tests/fuzz/run_fuzzers.sh [CPU_SECONDS_PER_TARGET] [TARGET...]   (default 600, all targets)
# Env: INCIDOC_FUZZ_BUILD (default <repo>/build/fuzz), INCIDOC_FUZZ_OUT (default $BUILD/fuzz-run),
#      INCIDOC_TESTDATA_DIR (default <repo>/../shared/testdata), INCIDOC_FUZZ_JOBS (parallel targets, 2),
#      INCIDOC_FUZZ_NO_BUILD=1 (use the programs as built), INCIDOC_FUZZ_DEADLINE (epoch seconds: stop
#      by then even if a target has not had its CPU time yet).
# Output: $OUT/corpus/<target> (grows across runs), $OUT/crashes/<target>/ (crash-*, timeout-*,
# oom-*, leak-*), $OUT/logs/<target>.log, and a Markdown table on stdout (also $OUT/summary.md).
set -euo pipefail

CPU_SECONDS_PER_TARGET=${1:-600}
[[ $# -gt 0 ]] && shift
ALL_TARGETS=(pdf project_rows image project worker chars)
if [[ $# -gt 0 ]]; then TARGETS=("$@"); else TARGETS=("${ALL_TARGETS[@]}"); fi

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BUILD=${INCIDOC_FUZZ_BUILD:-$REPO/build/fuzz}
OUT=${INCIDOC_FUZZ_OUT:-$BUILD/fuzz-run}
TD=${INCIDOC_TESTDATA_DIR:-$REPO/../shared/testdata}
JOBS=${INCIDOC_FUZZ_JOBS:-2}
CLI=${INCIDOC_CLI:-$REPO/build/dev/bin/incidoc-cli}

export QT_QPA_PLATFORM=offscreen OMP_THREAD_LIMIT=1
# The targets write each input to a temp file (and SQLite syncs project files): a RAM disk keeps the
# runs CPU-bound instead of waiting on the disk.
if [[ -z ${TMPDIR:-} && -d /dev/shm && -w /dev/shm ]]; then
    export TMPDIR=/dev/shm
fi
# Leaks: Debian's Qt and fontconfig keep process-wide allocations until exit (tests/lsan.supp); a
# fuzzer would report them at its first exit, so leak detection is off. Errors stop at the first report.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

if [[ -z ${INCIDOC_FUZZ_NO_BUILD:-} ]]; then
    if [[ ! -f $BUILD/CMakeCache.txt ]]; then
        (cd "$REPO" && cmake --preset fuzz -B "$BUILD")
    fi
    cmake --build "$BUILD" --target incidoc_fuzzers -j 2
fi

# ---- seed corpora (built at run time: testdata is never copied into the repository) -------------
SEEDS=$OUT/seeds
rm -rf "$SEEDS"
mkdir -p "$SEEDS" "$OUT/corpus" "$OUT/crashes" "$OUT/logs"
for t in "${ALL_TARGETS[@]}"; do mkdir -p "$SEEDS/$t" "$OUT/corpus/$t" "$OUT/crashes/$t"; done

find "$TD" -type f -iname '*.pdf' -exec cp {} "$SEEDS/pdf/" \;
cp "$TD"/funsd/training_data/images/*.png "$SEEDS/image/"
cp "$TD"/ocrmypdf/tests/resources/linn.png "$SEEDS/image/"
# JPEG, TIFF (one and three frames, compressions) made from a real page, small so that mutations run fast.
SRC_IMG=$TD/ocrmypdf/tests/resources/linn.png
convert "$SRC_IMG" -resize 160x -colorspace Gray -quality 70 "$SEEDS/image/linn.jpg"
convert "$SRC_IMG" -resize 160x -colorspace Gray -density 300 -units PixelsPerInch "$SEEDS/image/linn-dpi.png"
convert "$SRC_IMG" -resize 120x -monochrome -compress Group4 "$SEEDS/image/linn-g4.tif"
convert "$SRC_IMG" -resize 100x "$SRC_IMG" -resize 80x "$SRC_IMG" -resize 60x -compress LZW "$SEEDS/image/frames3.tif"
convert "$SRC_IMG" -resize 100x -orient RightTop -quality 60 "$SEEDS/image/rotated-exif.jpg"
# Real projects made by incidoc-cli (registered only; a text-layer PDF processed, so it has words), and
# the project with a history of every kind of edit that fuzz_project_rows builds.
if [[ -x $CLI ]]; then
    tmp=$(mktemp -d)
    "$CLI" import -q --no-ocr -p "$tmp/registered.incidoc" "$TD/pdfjs/test/pdfs/helloworld-bad.pdf" \
        "$TD/ocrmypdf/tests/resources/invalid.pdf" "$TD/poppler-test/unittestcases/orientation.pdf" || true
    "$CLI" import -q --jobs 1 -p "$tmp/textlayer.incidoc" "$TD/poppler-test/tests/encoding.pdf" || true
    for f in "$tmp"/*.incidoc; do [[ -f $f ]] && cp "$f" "$SEEDS/project/"; done
    rm -rf "$tmp"
else
    echo "warning: $CLI not built (cmake --preset dev): fuzz_project seeds only from fuzz_project_rows" >&2
fi
INCIDOC_FUZZ_WRITE_TEMPLATE="$SEEDS/project/edited.incidoc" "$BUILD/fuzz/fuzz_project_rows" -runs=0 \
    >/dev/null 2>&1 || echo "warning: no template project from fuzz_project_rows" >&2
python3 "$HERE/seeds.py" "$SEEDS"
for t in "${ALL_TARGETS[@]}"; do
    [[ -d $HERE/seeds/$t ]] && cp "$HERE/seeds/$t"/* "$SEEDS/$t/" 2>/dev/null || true
    [[ -d $HERE/regressions/$t ]] && cp "$HERE/regressions/$t"/* "$SEEDS/$t/" 2>/dev/null || true
done

max_len() {
    case $1 in
        pdf) echo 2097152 ;;
        image) echo 1048576 ;;
        project) echo 1048576 ;;
        project_rows) echo 4096 ;;
        chars) echo 4096 ;;
        worker) echo 262144 ;;
    esac
}

# One target until it has used CPU_SECONDS_PER_TARGET of CPU in this campaign ($OUT/cpu/<target> keeps
# the total across passes and invocations; INCIDOC_FUZZ_FRESH=1 starts over). On a busy machine a
# target gets less than one core, so it runs in passes of (what is left) wall seconds until the CPU
# total is reached. -fork=1 keeps fuzzing after a crash (each crash is saved), one child at a time.
# CPU time of a pass (parent + children) comes from `times`.
seconds_of() { # "1m2.500s 0m3.000s" (user sys) -> total seconds
    awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); sub("s", "", a[2]); t += a[1] * 60 + a[2] } printf "%.0f", t }' "$1"
}
run_target() {
    local t=$1 pass=0 used left
    while :; do
        used=$(cat "$OUT/cpu/$t" 2>/dev/null || echo 0)
        left=$((CPU_SECONDS_PER_TARGET - used))
        ((left > 0)) || break
        ((left < 30)) && left=30
        if [[ -n ${INCIDOC_FUZZ_DEADLINE:-} ]]; then # epoch seconds: no pass runs past it
            local until=$((INCIDOC_FUZZ_DEADLINE - $(date +%s)))
            ((until >= 30)) || break
            ((left > until)) && left=$until
        fi
        pass=$((pass + 1))
        local log=$OUT/logs/$t.$(date +%H%M%S).log
        (
            cd "$OUT/crashes/$t"
            "$BUILD/fuzz/fuzz_$t" "$OUT/corpus/$t" "$SEEDS/$t" \
                -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
                -max_total_time="$left" -timeout=25 -rss_limit_mb=2048 -max_len="$(max_len "$t")" \
                -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$OUT/crashes/$t/" >"$log" 2>&1 || true
            times >"$log.times" # no pipe: `times` must run in this shell to see its children
        )
        local cpu execs
        cpu=$(tail -1 "$log.times" | seconds_of /dev/stdin)
        execs=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1 | sed -nE 's/^#([0-9]+):.*/\1/p')
        echo $((used + cpu)) >"$OUT/cpu/$t"
        echo $(( $(cat "$OUT/execs/$t" 2>/dev/null || echo 0) + ${execs:-0} )) >"$OUT/execs/$t"
        cp "$log" "$OUT/logs/$t.log"
    done
}

mkdir -p "$OUT/cpu" "$OUT/execs"
if [[ -n ${INCIDOC_FUZZ_FRESH:-} ]]; then rm -f "$OUT"/cpu/* "$OUT"/execs/*; fi
echo "fuzzing ${TARGETS[*]} for ${CPU_SECONDS_PER_TARGET} CPU-seconds each, $JOBS at a time; logs in $OUT/logs" >&2
running=0
for t in "${TARGETS[@]}"; do
    run_target "$t" &
    running=$((running + 1))
    if ((running >= JOBS)); then
        wait -n || true
        running=$((running - 1))
    fi
done
wait

# ---- summary -------------------------------------------------------------------------------------
{
    echo "| target | CPU-seconds | executions | corpus size | crashes (crash/timeout/oom files) |"
    echo "|---|---:|---:|---:|---:|"
    for t in "${TARGETS[@]}"; do
        # fork mode prints "#N: cov: C ft: F corp: K exec/s E oom/timeout/crash: a/b/c time: Ts job: J"
        last=$(grep -E '^#[0-9]+: cov:' "$OUT/logs/$t.log" 2>/dev/null | tail -1 || true)
        corp=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")
        crashes=$(find "$OUT/crashes/$t" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
        echo "| $t | $(cat "$OUT/cpu/$t" 2>/dev/null || echo 0) | $(cat "$OUT/execs/$t" 2>/dev/null || echo 0) | ${corp:-?} | $crashes |"
    done
} | tee "$OUT/summary.md"
