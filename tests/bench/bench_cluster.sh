#!/usr/bin/env bash
# Worker cluster benchmark: OCR through incidoc-worker processes on this machine against
# in-process OCR, and pages/s with 1 and 2 workers, in one run. Prints a Markdown report.
#   bash tests/bench/bench_cluster.sh [BUILD_DIR] [ROUNDS]
# Target: going through a worker on the same machine costs <= 5 % pages/s. The measured per-page costs
# feed the scaling model in the README (how far the fleet grows before the client is the limit).
# Workers run for the whole benchmark, as a fleet does: their engine start-up is not timed; the
# in-process runs start their engines inside the timed command (as a user's import does).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build/release}
ROUNDS=${2:-3}
TD=${INCIDOC_TESTDATA_DIR:-../shared/testdata}
CLI=$BUILD/bin/incidoc-cli
WORKER=$BUILD/bin/incidoc-worker
. tests/bench/bench_lib.sh
need sqlite3 poppler-utils
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

# start_worker THREADS VAR: starts a worker on a free loopback port and sets VAR to its address.
start_worker() {
  local log=$work/worker-$RANDOM.log port=
  "$WORKER" --listen 127.0.0.1:0 --threads "$1" -q >/dev/null 2>"$log" &
  pids+=($!)
  for _ in $(seq 1 300); do
    port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "worker did not start: $(cat "$log")" >&2; exit 1; }
  printf -v "$2" '%s' "127.0.0.1:$port"
}

# run NAME PDF ARGS...: one timed import into a fresh project; appends seconds to $work/t_NAME and
# keeps the project as $work/NAME.incidoc and the JSON report as $work/NAME.json.
run() {
  local name=$1 pdf=$2
  shift 2
  rm -f "$work/$name".incidoc*
  local t0 t1
  t0=$(now)
  "$CLI" import --json -p "$work/$name.incidoc" "$pdf" "$@" >"$work/$name.json"
  t1=$(now)
  sub "$t1" "$t0" >>"$work/t_$name"
}

per_page() { # PROJECT COLUMN: mean of a timing column over the OCR'd pages, ms
  sqlite3 "$1" "SELECT printf('%.0f', avg($2)) FROM pages WHERE status = 'done' AND ocr_ms > 0;"
}

scanned_set "$TD" "$work/scans.pdf"
pdfunite "$work/scans.pdf" "$work/scans.pdf" "$work/scans20.pdf"
pages=$(pdfinfo "$work/scans.pdf" | awk '/^Pages/ {print $2}')
pages20=$((pages * 2))

start_worker 2 w2
start_worker 1 w1a
start_worker 1 w1b

echo "# Incidoc worker cluster benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null)"
echo
for f in local remote remote_png one two local1; do : >"$work/t_$f"; done
for ((r = 1; r <= ROUNDS; r++)); do
  run local "$work/scans.pdf" --jobs 2
  run remote "$work/scans.pdf" --workers "$w2"
  run remote_png "$work/scans.pdf" --workers "$w2" --worker-images png
  run local1 "$work/scans20.pdf" --jobs 1
  run one "$work/scans20.pdf" --workers "$w1a"
  run two "$work/scans20.pdf" --workers "$w1a,$w1b"
done
tl=$(median <"$work/t_local"); tr=$(median <"$work/t_remote"); tp=$(median <"$work/t_remote_png")
t1=$(median <"$work/t_local1"); to=$(median <"$work/t_one"); tt=$(median <"$work/t_two")
ocr_local=$(per_page "$work/local.incidoc" ocr_ms)
ocr_remote=$(per_page "$work/remote.incidoc" ocr_ms)
ocr_png=$(per_page "$work/remote_png.incidoc" ocr_ms)
render=$(per_page "$work/remote.incidoc" render_ms)
prepare=$(per_page "$work/remote.incidoc" prepare_ms)
classify=$(per_page "$work/remote.incidoc" classify_ms)
bytes_raw=$(python3 -c "import json; print(int(json.load(open('$work/remote.json'))['workers']['bytes_sent'] / $pages))")
bytes_png=$(python3 -c "import json; print(int(json.load(open('$work/remote_png.json'))['workers']['bytes_sent'] / $pages))")
same=$(diff <(sqlite3 "$work/local.incidoc" "SELECT page_id, ord, text, x0, y0, x1, y1, confidence FROM words ORDER BY 1, 2") \
            <(sqlite3 "$work/remote.incidoc" "SELECT page_id, ord, text, x0, y0, x1, y1, confidence FROM words ORDER BY 1, 2") \
            >/dev/null && echo "identical" || echo "DIFFERENT")

echo "## Overhead of a worker on the same machine ($pages real 300 dpi scanned pages, 2 pages in flight, median of $ROUNDS alternating rounds)"
echo
echo "| run | seconds | pages/s | relative to in-process | OCR per page (ms, as the pipeline sees it) |"
echo "|---|---|---|---|---|"
echo "| in-process, --jobs 2 | $tl | $(rate "$pages" "$tl") | 1.00 | $ocr_local |"
echo "| 1 worker --threads 2, raw grey ($((bytes_raw / 1024)) KiB/page) | $tr | $(rate "$pages" "$tr") | $(ratio "$tl" "$tr")× | $ocr_remote |"
echo "| 1 worker --threads 2, PNG ($((bytes_png / 1024)) KiB/page) | $tp | $(rate "$pages" "$tp") | $(ratio "$tl" "$tp")× | $ocr_png |"
echo
echo "Words, boxes and confidences of the in-process and the worker run: **$same**."
echo
echo "## Scale ($pages20 pages: the set twice; one thread per worker so that workers, not threads, add up)"
echo
echo "| run | seconds | pages/s | speed-up over 1 worker |"
echo "|---|---|---|---|"
echo "| in-process, --jobs 1 | $t1 | $(rate "$pages20" "$t1") | $(ratio "$to" "$t1")× |"
echo "| 1 worker × 1 thread | $to | $(rate "$pages20" "$to") | 1.00 |"
echo "| 2 workers × 1 thread (round robin) | $tt | $(rate "$pages20" "$tt") | $(ratio "$to" "$tt")× |"
echo
echo "## Client-side cost per page (what stays on the importing machine; means over the OCR'd pages)"
echo
echo "render $render ms, classify $classify ms, prepare (rescale) $prepare ms; bytes sent: raw $bytes_raw, PNG $bytes_png."
echo
echo "Rounds (s): local $(paste -sd' ' "$work/t_local"); remote $(paste -sd' ' "$work/t_remote"); png $(paste -sd' ' "$work/t_remote_png"); local1 $(paste -sd' ' "$work/t_local1"); one $(paste -sd' ' "$work/t_one"); two $(paste -sd' ' "$work/t_two")"
