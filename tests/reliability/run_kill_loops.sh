#!/usr/bin/env bash
# The long crash-safety run: CYCLES_PER_AREA kill cycles (default 60) for each of import, OCR,
# editing and export (4 x 60 = 240 kills and more: a quarter of the import/OCR cycles kill the
# page host first, then the command), with the same checks as the short CI version; then
# prints a Markdown table of what was counted.
#
#   bash tests/reliability/run_kill_loops.sh [CYCLES_PER_AREA]
#
# Environment: BUILD_DIR (default: build/dev, else the newest build/*/ that has the test built),
# INCIDOC_KILL_SEED (default 20261122: the same seed gives the same kill moments).
set -euo pipefail

cycles="${1:-60}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${BUILD_DIR:-}"
if [[ -z "$build" ]]; then
    if [[ -x "$repo/build/dev/tests/reliability/kill_loop_test" ]]; then
        build="$repo/build/dev"
    else
        build="$(ls -dt "$repo"/build/*/ 2>/dev/null | while read -r d; do
            [[ -x "$d/tests/reliability/kill_loop_test" ]] && { echo "${d%/}"; break; }; done)"
    fi
fi
test_bin="$build/tests/reliability/kill_loop_test"
if [[ ! -x "$test_bin" ]]; then
    echo "error: $test_bin is not built; build it with: cmake --build BUILD_DIR --target kill_loop_test" >&2
    exit 1
fi

log="$(mktemp /tmp/kill_loops.XXXXXX.log)"
echo "Running $cycles kill cycles per area with $test_bin (log: $log)" >&2
start=$(date +%s)
status=0
OMP_THREAD_LIMIT=1 QT_QPA_PLATFORM=offscreen INCIDOC_KILL_CYCLES="$cycles" "$test_bin" 2>&1 | tee "$log" >&2 ||
    status=$?
seconds=$(( $(date +%s) - start ))

field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$2"; }
echo
echo "Kill loops: $cycles cycles per area, seed ${INCIDOC_KILL_SEED:-20261122}, $seconds s"
echo
echo "| area | cycles | kills | of which child first | kills mid-work | pages lost | pages duplicated | edits acknowledged | edits lost | phantom edits | integrity errors | exports checked | partial exports | pages failed after child kills | files failed after child kills |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
total=0
while read -r line; do
    area=$(sed -n 's/.*area=\([a-z]*\).*/\1/p' <<<"$line")
    k=$(field kills "$line")
    total=$((total + k))
    echo "| $area | $(field cycles "$line") | $k | $(field child_kills "$line") | $(field mid_work "$line") | $(field pages_lost "$line") | $(field pages_duplicated "$line") | $(field edits_acked "$line") | $(field edits_lost "$line") | $(field phantom_edits "$line") | $(field integrity_errors "$line") | $(field exports_checked "$line") | $(field partial_exports "$line") | $(field skipped_pages "$line") | $(field skipped_files "$line") |"
done < <(grep '^KILL-LOOP-RESULT' "$log")
echo
echo "Total kills: $total. Test result: $(grep -E '^\[  (PASSED|FAILED)  \]' "$log" | tr '\n' ' ')"
exit "$status"
