#!/usr/bin/env bash
# Export benchmark: a 230-page project (born-digital incident-report prose, imported by the
# CLI; every 10th word labelled, every 5th page reviewed), exported with all formats, binarized images
# and visualizations, `--jobs 1` against `--jobs 2` (median of ROUNDS runs, alternating), then the
# peak memory (GNU time's max RSS) of exporting a 1,000-page project. Prints a Markdown report.
#   bash tests/bench/bench_export.sh [BUILD_DIR] [ROUNDS] [MEMORY_PAGES]
# Targets: <= 25 s for 230 pages, >= 1.6x with --jobs 2, <= 400 MB for 1,000 pages.
# Labels are set with sqlite3 on the project file (the app does it through ProjectStore; the export
# only reads them). Set BENCH_SKIP_MEMORY=1 to skip the 1,000-page run.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build/release}
ROUNDS=${2:-3}
MEMPAGES=${3:-1000}
CLI=$BUILD/bin/incidoc-cli
DOCS=$BUILD/bin/incidoc-bench-docs
. tests/bench/bench_lib.sh
need time sqlite3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_THREAD_LIMIT=1 QT_QPA_PLATFORM=offscreen


make_project() { # PAGES PROJECT
  "$DOCS" text "$1" "$work/doc-$1.pdf"
  "$CLI" import -q --jobs 2 -p "$2" "$work/doc-$1.pdf"
  sqlite3 "$2" "UPDATE words SET label_id = 1 + (id / 10) % 9 WHERE id % 10 = 0;
                UPDATE pages SET review = 'reviewed' WHERE number % 5 = 0;"
}

echo "# Export benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(getconf _NPROCESSORS_ONLN) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
make_project 230 "$work/p230.incidoc"
: >"$work/t1"; : >"$work/t2"
for ((r = 1; r <= ROUNDS; r++)); do
  # Alternate which goes first, so drift in the machine's load hits both alike.
  order="1 2"; ((r % 2 == 0)) && order="2 1"
  for j in $order; do
    rm -f "$work/b$j.zip"
    t0=$(now); "$CLI" export -q --jobs "$j" -p "$work/p230.incidoc" -o "$work/b$j.zip"; t1=$(now)
    sub "$t1" "$t0" >>"$work/t$j"
  done
done
m1=$(median <"$work/t1"); m2=$(median <"$work/t2")
size=$(stat -c %s "$work/b2.zip")
entries=$(unzip -Z1 "$work/b2.zip" | wc -l)
python3 -c "import zipfile,sys; assert zipfile.ZipFile(sys.argv[1]).testzip() is None" "$work/b2.zip"
echo "## 230 pages, all formats + binarized images + visualizations ($entries entries, $((size / 1000000)) MB)"
echo
echo "| jobs | runs (s) | median (s) |"
echo "|---|---|---|"
echo "| 1 | $(tr '\n' ' ' <"$work/t1") | $m1 |"
echo "| 2 | $(tr '\n' ' ' <"$work/t2") | $m2 |"
echo
echo "Speed-up with --jobs 2: **$(ratio "$m1" "$m2")x** (target >= 1.6x); --jobs 2 median $m2 s (target <= 25 s)."
echo

if [[ -z "${BENCH_SKIP_MEMORY:-}" ]]; then
  make_project "$MEMPAGES" "$work/pmem.incidoc"
  /usr/bin/time -f '%M %e' -o "$work/mem" "$CLI" export -q --jobs 2 -p "$work/pmem.incidoc" -o "$work/mem.zip"
  read -r kb secs <"$work/mem"
  echo "## $MEMPAGES pages, all formats, --jobs 2"
  echo
  echo "Peak memory (max RSS): **$((kb / 1024)) MB** (target <= 400 MB); $secs s; $(($(stat -c %s "$work/mem.zip") / 1000000)) MB bundle."
fi
