#!/usr/bin/env bash
# Incidoc benchmarks, side by side with their anchors in one run. Prints a Markdown report.
#   bash tests/bench/run_benchmarks.sh [BUILD_DIR] [ROUNDS]
# BUILD_DIR defaults to build/release (bash packaging/build.sh build makes it); ROUNDS to 3.
# Set BENCH_SKIP_MEMORY=1 to skip the 500-page memory run (it takes several minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build/release}
ROUNDS=${2:-3}
TD=${INCIDOC_TESTDATA_DIR:-../shared/testdata}
CLI=$BUILD/bin/incidoc-cli
DOCS=$BUILD/bin/incidoc-bench-docs
. tests/bench/bench_lib.sh
need ocrmypdf time
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT


echo "# Incidoc benchmarks — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null)"
echo

# --- 1. Scanned throughput: incidoc vs OCRmyPDF vs Tesseract alone -------------------------------
scanned_set "$TD" "$work/scans.pdf"
pages=$(pdfinfo "$work/scans.pdf" | awk '/^Pages/ {print $2}')
pdftoppm -r 300 -gray -png "$work/scans.pdf" "$work/page"
: >"$work/t_incidoc"; : >"$work/t_ocrmypdf"; : >"$work/t_tess"
for ((r = 1; r <= ROUNDS; r++)); do
  rm -f "$work"/p.incidoc*
  t0=$(now); "$CLI" import -q --jobs 2 -p "$work/p.incidoc" "$work/scans.pdf"; t1=$(now)
  sub "$t1" "$t0" >>"$work/t_incidoc"
  t0=$(now)
  ocrmypdf -q --jobs 2 -O0 --output-type pdf --sidecar "$work/side.txt" "$work/scans.pdf" "$work/out.pdf"
  t1=$(now); sub "$t1" "$t0" >>"$work/t_ocrmypdf"
  t0=$(now)
  ls "$work"/page-*.png | OMP_THREAD_LIMIT=1 xargs -P 2 -I{} tesseract {} {}.out tsv quiet
  t1=$(now); sub "$t1" "$t0" >>"$work/t_tess"
done
ti=$(median <"$work/t_incidoc"); to=$(median <"$work/t_ocrmypdf"); tt=$(median <"$work/t_tess")
echo "## Scanned throughput ($pages real 300 dpi scanned pages, --jobs 2, median of $ROUNDS alternating rounds)"
echo
echo "| run | seconds | pages/s | incidoc speed relative to it |"
echo "|---|---|---|---|"
echo "| incidoc-cli import --jobs 2 | $ti | $(rate "$pages" "$ti") | 1.00 |"
echo "| ocrmypdf --jobs 2 -O0 --output-type pdf --sidecar | $to | $(rate "$pages" "$to") | $(ratio "$to" "$ti")× |"
echo "| tesseract alone, pre-rendered PNGs, 2 processes | $tt | $(rate "$pages" "$tt") | $(ratio "$tt" "$ti")× |"
echo
echo "Rounds (s): incidoc $(paste -sd' ' "$work/t_incidoc"); ocrmypdf $(paste -sd' ' "$work/t_ocrmypdf"); tesseract $(paste -sd' ' "$work/t_tess")"
echo

# --- 2. Storage per scanned page -------------------------------------------------------------------
sqlite3 "$work/p.incidoc" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
# What a page adds: the project's size minus that of an empty project (schema, default labels).
"$CLI" status -q -p "$work/empty.incidoc" >/dev/null
sqlite3 "$work/empty.incidoc" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
bytes=$(( $(stat -c %s "$work/p.incidoc") - $(stat -c %s "$work/empty.incidoc") ))
words=$(sqlite3 "$work/p.incidoc" "SELECT count(*) FROM words;")
png1=0
for f in "$work"/page-*.png; do
  n=$(convert "$f" -threshold 50% -type bilevel png:- | wc -c); png1=$((png1 + n))
done
echo "## Storage per scanned page"
echo
echo "| what | bytes per page |"
echo "|---|---|"
echo "| incidoc project file (words, boxes, character boxes; page images re-rendered from the source) | $((bytes / pages)) ($((words / pages)) words per page) |"
echo "| for comparison: the same pages as 1-bit PNG | $((png1 / pages)) |"
echo

# --- 3. Born-digital pages -----------------------------------------------------------------------------
"$DOCS" text 300 "$work/text.pdf"
: >"$work/t_text"
for ((r = 1; r <= ROUNDS; r++)); do
  rm -f "$work"/t.incidoc*
  t0=$(now); "$CLI" import -q --jobs 2 -p "$work/t.incidoc" "$work/text.pdf"; t1=$(now)
  sub "$t1" "$t0" >>"$work/t_text"
done
tx=$(median <"$work/t_text")
echo "## Born-digital pages (300 generated text pages, --jobs 2, median of $ROUNDS)"
echo
echo "$tx s for 300 pages: **$(rate 300 "$tx") pages/s** (whole command: open, hash, register, classify, store)"
echo

# --- 4. Peak memory importing a 500-page scanned PDF ------------------------------------------------
if [ -z "${BENCH_SKIP_MEMORY:-}" ]; then
  # Generating the 500 pages takes ~3 minutes: BENCH_LONG_PDF reuses a file made earlier with
  # `incidoc-bench-docs scanned 500 FILE 200`.
  long=${BENCH_LONG_PDF:-$work/long.pdf}
  [ -f "$long" ] || "$DOCS" scanned 500 "$long" 200
  size=$(stat -c %s "$long")
  /usr/bin/time -f "%M %e" -o "$work/mem" "$CLI" import -q --jobs 2 -p "$work/l.incidoc" "$long"
  read -r kb secs <"$work/mem"
  echo "## Peak memory, 500-page scanned PDF ($((size / 1048576)) MiB, 200 dpi, --jobs 2)"
  echo
  echo "Peak resident set: **$((kb / 1024)) MB** in $secs s ($(rate 500 "$secs") pages/s)"
  echo
fi
