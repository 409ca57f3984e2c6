#!/usr/bin/env bash
# Processing profiles side by side: the same FUNSD forms processed as documents of a type whose profile
# is each in turn, through the real path (a project, the type set on every document, `incidoc-cli ocr`
# processing each page with its type's profile). Prints a Markdown table: pages/s (median of ROUNDS runs),
# CPU seconds per page, strict and tokenization-tolerant word F1 (tests/bench/bench_readers_score.py),
# and the share of words flagged for review — the speed/accuracy trade-off a document type buys.
# Usage:
#   bash tests/bench/bench_profiles.sh [BUILD_DIR] [ROUNDS]
# BUILD_DIR defaults to build/release, ROUNDS to 3. Environment:
#   BENCH_FORMS=N            the first N FUNSD training forms, sorted by name (default 20)
#   BENCH_JOBS=N             pages in parallel (default 2), one OpenMP thread each (OMP_THREAD_LIMIT=1)
#   BENCH_PROFILES="name=json ..."  the profiles (default below)
#   INCIDOC_FUNSD_DIR        default ../shared/funsd-train
#   BENCH_KEEP=1             keep the work directory (its path is printed)
# The types are set in the project file with sqlite3, as ProjectStore::setTypeProfile and
# setDocumentType write them. FUNSD forms are ~100 dpi images, read in their own pixels: a profile's DPI
# applies to PDF pages only, so no profile here sets one.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8 OMP_THREAD_LIMIT=1
BUILD=${1:-build/release}
ROUNDS=${2:-3}
FORMS=${BENCH_FORMS:-20}
JOBS=${BENCH_JOBS:-2}
FUNSD=${INCIDOC_FUNSD_DIR:-../shared/funsd-train}
CLI=$BUILD/bin/incidoc-cli
SCORE=tests/bench/bench_readers_score.py
. tests/bench/bench_lib.sh
need sqlite3
PROFILES=${BENCH_PROFILES:-'fast={"profile":"fast"} fast-review80={"profile":"fast","review_threshold":80} fast-sauvola={"profile":"fast","binarize":"sauvola"} accurate={"profile":"accurate"} accurate-review90={"profile":"accurate","review_threshold":90}'}

work=$(mktemp -d /tmp/bench_profiles.XXXXXX)
if [ -n "${BENCH_KEEP:-}" ]; then echo "work directory: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
find "$FUNSD/images" -maxdepth 1 -name "*.png" | sort | awk -v n="$FORMS" 'NR <= n' >"$work/forms"
n=$(wc -l <"$work/forms")

# run NAME JSON OUT: a new project with the forms registered, every document of type `other` with profile
# JSON, processed by `incidoc-cli ocr`; prints "WALL CPU" of the processing; dumps the pages to OUT.
run() {
  local name=$1 json=$2 out=$3 project=$work/$1.incidoc t0 t1 cpu
  rm -rf "$out" "$project"*
  xargs -a "$work/forms" -d '\n' "$CLI" import -q --no-ocr -p "$project" >&2
  sqlite3 "$project" "UPDATE document_types SET profile = '$json' WHERE name = 'other';
                      UPDATE documents SET type = 'other', type_source = 'user';"
  t0=$(now)
  cpu=$( ("$CLI" ocr -q --jobs "$JOBS" -p "$project" >&2 || echo "ocr failed for $name" >&2; times) |
    awk 'END { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
  t1=$(now)
  "$CLI" dump -q -p "$project" -o "$out" >&2
  local recorded
  recorded=$(sqlite3 "$project" "SELECT DISTINCT profile FROM pages")
  echo "$name: pages processed with $recorded" >&2
  echo "$(sub "$t1" "$t0") $cpu"
}

names=()
for spec in $PROFILES; do names+=("${spec%%=*}"); : >"$work/t_${spec%%=*}"; done
for ((r = 1; r <= ROUNDS; r++)); do
  for spec in $PROFILES; do # alternating: each round runs every profile once
    name=${spec%%=*}
    echo "round $r: $name" >&2
    run "$name" "${spec#*=}" "$work/out_$name" >>"$work/t_$name"
  done
done

runs=()
for spec in $PROFILES; do
  name=${spec%%=*}
  wall=$(cut -d' ' -f1 "$work/t_$name" | median)
  cpu=$(cut -d' ' -f2 "$work/t_$name" | median)
  runs+=(--run "$name" json "$work/out_$name" "$wall $cpu")
done
/usr/bin/python3 "$SCORE" funsd "$FUNSD/annotations" --limit "$n" "${runs[@]}" >"$work/score.md"

# Flagged words per profile, from the page JSON of the last round.
flagged() {
  /usr/bin/python3 - "$1" <<'EOF'
import json, pathlib, sys
total = flagged = 0
for f in pathlib.Path(sys.argv[1]).glob("*/page-*.json"):
    for w in json.loads(f.read_text()).get("words", []):
        total += 1
        flagged += bool(w.get("flagged"))
print("%.1f %%" % (100.0 * flagged / total) if total else "–")
EOF
}

echo "# Processing profiles side by side — $(date -u +%Y-%m-%dT%H:%MZ), $(getconf _NPROCESSORS_ONLN) cores, $(git rev-parse --short HEAD 2>/dev/null)"
echo
echo "$n FUNSD training forms (first $n by name), one document each, every document of one type whose profile is"
echo "the row's; \`incidoc-cli ocr --jobs $JOBS\`, OMP_THREAD_LIMIT=1; median of $ROUNDS alternating rounds."
echo
echo "| profile (type's JSON) | pages/s | CPU s per page | **strict F1** | **tolerant F1** | words flagged |"
echo "|---|---:|---:|---:|---:|---:|"
for spec in $PROFILES; do
  name=${spec%%=*}
  wall=$(cut -d' ' -f1 "$work/t_$name" | median)
  cpu=$(cut -d' ' -f2 "$work/t_$name" | median)
  line=$(grep -F -m1 "| $name |" "$work/score.md" || true)
  sf=$(awk -F'|' '{gsub(/[ *]/, "", $5); print $5}' <<<"$line")
  tf=$(awk -F'|' '{gsub(/[ *]/, "", $8); print $8}' <<<"$line")
  echo "| $name \`${spec#*=}\` | $(rate "$n" "$wall") | $(ratio "$cpu" "$n") | **$sf** | **$tf** | $(flagged "$work/out_$name") |"
done
echo
echo "Rounds, wall s:$(for nm in "${names[@]}"; do printf ' %s %s;' "$nm" "$(cut -d' ' -f1 "$work/t_$nm" | paste -sd' ')"; done)"
echo
echo "The scorer's own table:"
echo
cat "$work/score.md"
