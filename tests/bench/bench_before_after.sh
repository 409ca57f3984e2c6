#!/usr/bin/env bash
# No regression, side by side in one run: two builds of incidoc (say, before and after a change),
# alternating, medians. Scanned throughput (`import --jobs 2` of the 10 real scanned pages) and the
# export of a 230-page project (all formats, binarized images, visualizations, `--jobs 2`; each build
# exports a project it imported itself, so a schema change between them does not matter).
#   bash tests/bench/bench_before_after.sh BEFORE_BUILD AFTER_BUILD [ROUNDS]
# The app's isolation cost is bench_page_host's (its own table); the CLI's is bench_cli_isolation.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
BEFORE=$1
AFTER=$2
ROUNDS=${3:-5}
TD=${INCIDOC_TESTDATA_DIR:-../shared/testdata}
. tests/bench/bench_lib.sh
need poppler-utils sqlite3 time
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_THREAD_LIMIT=1 QT_QPA_PLATFORM=offscreen

scanned_set "$TD" "$work/scans.pdf"
pages=$(pdfinfo "$work/scans.pdf" | awk '/^Pages/ {print $2}')
"$AFTER/bin/incidoc-bench-docs" text 230 "$work/doc230.pdf"
for b in before after; do
  dir=$BEFORE; [[ $b == after ]] && dir=$AFTER
  "$dir/bin/incidoc-cli" import -q --jobs 2 -p "$work/p230-$b.incidoc" "$work/doc230.pdf"
  sqlite3 "$work/p230-$b.incidoc" "UPDATE words SET label_id = 1 + (id / 10) % 9 WHERE id % 10 = 0;
                                   UPDATE pages SET review = 'reviewed' WHERE number % 5 = 0;"
done

# timed NAME COMMAND...: appends the wall seconds to $work/t_NAME.
timed() {
  local name=$1 t0 t1
  shift
  t0=$(now)
  "$@"
  t1=$(now)
  sub "$t1" "$t0" >>"$work/t_$name"
}
for f in scan_before scan_after export_before export_after; do : >"$work/t_$f"; done
for ((r = 1; r <= ROUNDS; r++)); do
  order="before after"; ((r % 2 == 0)) && order="after before"
  for b in $order; do
    dir=$BEFORE; [[ $b == after ]] && dir=$AFTER
    rm -f "$work/scan-$b".incidoc* "$work/b-$b.zip"
    timed "scan_$b" "$dir/bin/incidoc-cli" import -q --jobs 2 -p "$work/scan-$b.incidoc" "$work/scans.pdf"
    timed "export_$b" "$dir/bin/incidoc-cli" export -q --jobs 2 -p "$work/p230-$b.incidoc" -o "$work/b-$b.zip"
  done
done
sb=$(median <"$work/t_scan_before"); sa=$(median <"$work/t_scan_after")
eb=$(median <"$work/t_export_before"); ea=$(median <"$work/t_export_after")
echo "# Before / after — $(date -u +%Y-%m-%dT%H:%MZ), $(getconf _NPROCESSORS_ONLN) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "before: $BEFORE, after: $AFTER; $ROUNDS runs each, alternating, medians (wall seconds)."
echo
echo "| work | before | after | after / before |"
echo "|---|---:|---:|---:|"
echo "| scanned throughput: import --jobs 2 of $pages real scanned pages | $sb s ($(rate "$pages" "$sb") pages/s) | $sa s ($(rate "$pages" "$sa") pages/s) | $(ratio "$sa" "$sb") |"
echo "| export of 230 pages, all formats, --jobs 2 | $eb s | $ea s | $(ratio "$ea" "$eb") |"
