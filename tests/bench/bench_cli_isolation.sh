#!/usr/bin/env bash
# What isolation costs the CLI: `import` of the 10 real scanned pages of the throughput benchmark through
# page hosts (the default) against --no-isolation, alternating, in one run. Prints a Markdown table.
#   bash tests/bench/bench_cli_isolation.sh [BUILD_DIR] [ROUNDS]
# Target: through page hosts <= 3 % more per processed page. Each run is a new project and a new command:
# the hosts' start (and their Tesseract load) is inside the timed command, as in a user's import.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build/release}
ROUNDS=${2:-5}
TD=${INCIDOC_TESTDATA_DIR:-../shared/testdata}
CLI=$BUILD/bin/incidoc-cli
. tests/bench/bench_lib.sh
need poppler-utils time
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

scanned_set "$TD" "$work/scans.pdf"
pages=$(pdfinfo "$work/scans.pdf" | awk '/^Pages/ {print $2}')

# run NAME ARGS...: one timed import into a fresh project; appends wall seconds to $work/t_NAME and CPU
# seconds (this command and its page hosts) to $work/c_NAME.
run() {
  local name=$1
  shift
  rm -f "$work/$name".incidoc*
  local t0 t1
  t0=$(now)
  /usr/bin/time -f '%U %S' -o "$work/cpu" "$CLI" import -q -p "$work/$name.incidoc" "$work/scans.pdf" --jobs 2 "$@"
  t1=$(now)
  sub "$t1" "$t0" >>"$work/t_$name"
  awk '{printf "%.2f\n", $1 + $2}' "$work/cpu" >>"$work/c_$name"
}

: >"$work/t_hosts"; : >"$work/t_here"; : >"$work/c_hosts"; : >"$work/c_here"
run hosts # warm the page cache and the build's programs once, untimed below
rm -f "$work"/t_hosts "$work"/c_hosts
for ((r = 1; r <= ROUNDS; r++)); do
  if ((r % 2)); then run hosts; run here --no-isolation; else run here --no-isolation; run hosts; fi
done
th=$(median <"$work/t_hosts"); tn=$(median <"$work/t_here")
ch=$(median <"$work/c_hosts"); cn=$(median <"$work/c_here")
echo "# CLI isolation cost — $(date -u +%Y-%m-%dT%H:%MZ), $(getconf _NPROCESSORS_ONLN) cores, $(git rev-parse --short HEAD 2>/dev/null), $BUILD"
echo
echo "\`import --jobs 2\` of $pages scanned pages, $ROUNDS runs each, alternating, medians:"
echo
echo "| | --no-isolation | page hosts | ratio |"
echo "|---|---:|---:|---:|"
echo "| wall, s per page | $(awk -v t="$tn" -v n="$pages" 'BEGIN {printf "%.3f", t/n}') | $(awk -v t="$th" -v n="$pages" 'BEGIN {printf "%.3f", t/n}') | $(ratio "$th" "$tn") |"
echo "| CPU (command + hosts), s per page | $(awk -v t="$cn" -v n="$pages" 'BEGIN {printf "%.3f", t/n}') | $(awk -v t="$ch" -v n="$pages" 'BEGIN {printf "%.3f", t/n}') | $(ratio "$ch" "$cn") |"
