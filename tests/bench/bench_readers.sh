#!/usr/bin/env bash
# OCR readers side by side in one run: plain `tesseract` (Debian's tessdata_fast and the best_int English
# model), Incidoc's `--profile fast` and `--profile accurate` (two readers). Prints Markdown tables:
#   A. strict and tokenization-tolerant word F1 over the 149 public FUNSD training forms
#   B. review flags on those forms ("flagged" in the page JSON, else confidence < 60)
#   C. character error rate on clean 300-dpi pages whose truth is a PDF text layer
#   D. throughput on the 10 real 300-dpi scans of the README's Figures, against OCRmyPDF --jobs 2
#   E. best_int against tessdata_fast (rows of A and C; time: alternating rounds on BENCH_BEST_INT_FORMS=30 forms)
# Usage:
#   bash tests/bench/bench_readers.sh [BUILD_DIR] [ROUNDS]
# BUILD_DIR defaults to build/release, ROUNDS (throughput) to 3. Environment:
#   BENCH_SKIP="funsd clean throughput bestint bestint-time"  leave parts out (bestint: every best_int run)
#   BENCH_FUNSD_LIMIT=N       only the first N forms (sorted by name), for trying the script out
#   BENCH_FAST_ARGS, BENCH_ACCURATE_ARGS  extra import options of the two Incidoc runs; by default
#       "--profile fast" / "--profile accurate" when `incidoc-cli --help` lists --profile, else the fast
#       run is today's plain `import` and the accurate run is left out (set BENCH_ACCURATE_ARGS to force it)
#   BENCH_EXTRA_ARGS          one more Incidoc run in A, B and C with these options (e.g. "--engine ppocr")
#   BENCH_BEST_INT_TGZ        the npm tarball of @tesseract.js-data/eng@1.0.0 (default
#       /tmp/models/tesseract.js-data-eng-1.0.0.tgz; `npm pack` fetches it when missing)
#   INCIDOC_TESTDATA_DIR, INCIDOC_FUNSD_DIR  default ../shared/testdata, ../shared/funsd-train
#   BENCH_KEEP=1              keep the work directory (its path is printed)
# Clean pages (C): Debian documentation typeset three ways, 6 pages each — bash(1) through groff
# (`man -t bash | ps2pdf`, Times), shared-mime-info-spec.pdf (LaTeX, Nimbus Roman/Sans/Mono) and
# libtasn1.pdf (Texinfo, Computer Modern; API reference pages) — rendered with `pdftoppm -r 300 -gray`
# and OCRed as PNG images; truth is `pdftotext` of the same page. A source that is not installed is
# left out (the table says how many pages were used). FUNSD files stay where they are.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8
BUILD=${1:-build/release}
ROUNDS=${2:-3}
TD=${INCIDOC_TESTDATA_DIR:-../shared/testdata}
FUNSD=${INCIDOC_FUNSD_DIR:-../shared/funsd-train}
LIMIT=${BENCH_FUNSD_LIMIT:-0}
SKIP=" ${BENCH_SKIP:-} "
CLI=$BUILD/bin/incidoc-cli
PY=/usr/bin/python3
SCORE="tests/bench/bench_readers_score.py"
. tests/bench/bench_lib.sh
need ocrmypdf poppler-utils ghostscript groff-base man-db
skip() { [[ $SKIP == *" $1 "* ]]; }

work=$(mktemp -d /tmp/bench_readers.XXXXXX)
if [ -n "${BENCH_KEEP:-}" ]; then echo "work directory: $work" >&2; else trap 'rm -rf "$work"' EXIT; fi

# --- Which runs exist -------------------------------------------------------------------------------
if "$CLI" --help 2>&1 | grep -q -- '--profile'; then
  FAST_ARGS=${BENCH_FAST_ARGS---profile fast}
  ACC_ARGS=${BENCH_ACCURATE_ARGS---profile accurate}
  FAST_LABEL="incidoc \`${FAST_ARGS}\`"
else
  FAST_ARGS=${BENCH_FAST_ARGS-}
  ACC_ARGS=${BENCH_ACCURATE_ARGS-}
  FAST_LABEL="incidoc${FAST_ARGS:+ \`$FAST_ARGS\`} (today's pipeline)"
fi
read -r -a fast_args <<<"$FAST_ARGS"
read -r -a acc_args <<<"$ACC_ARGS"
ACC_LABEL="incidoc \`${ACC_ARGS}\`"
have_acc() { [ -n "$ACC_ARGS" ]; }
read -r -a extra_args <<<"${BENCH_EXTRA_ARGS:-}"
EXTRA_LABEL="incidoc \`${BENCH_EXTRA_ARGS:-}\`"
have_extra() { [ -n "${BENCH_EXTRA_ARGS:-}" ]; }

# best_int: the eng model of @tesseract.js-data/eng@1.0.0 in a tessdata directory of its own (with the
# system's configs, which `tesseract ... tsv` reads).
BEST=$work/tessdata_best_int
if ! skip bestint; then
  tgz=${BENCH_BEST_INT_TGZ:-/tmp/models/tesseract.js-data-eng-1.0.0.tgz}
  if [ ! -f "$tgz" ] && command -v npm >/dev/null; then
    (cd "$work" && npm pack --silent @tesseract.js-data/eng@1.0.0 >/dev/null 2>&1) || true
    tgz=$work/tesseract.js-data-eng-1.0.0.tgz
  fi
  if [ -f "$tgz" ]; then
    mkdir -p "$BEST"
    tar -xzOf "$tgz" package/4.0.0_best_int/eng.traineddata.gz | gunzip >"$BEST/eng.traineddata"
    ln -s /usr/share/tesseract-ocr/5/tessdata/configs "$BEST/configs"
    ln -s /usr/share/tesseract-ocr/5/tessdata/tessconfigs "$BEST/tessconfigs"
  else
    echo "best_int model not found (set BENCH_BEST_INT_TGZ): its rows are left out" >&2
    SKIP="$SKIP bestint "
  fi
fi

# timed CMD...: runs CMD (its output to stderr); prints "WALL CPU": wall seconds, and the user + system
# CPU seconds of every process it waited for (the command's whole tree: tesseract processes, page
# hosts). CPU time is the steadier figure on a machine shared with other work.
timed() {
  local t0 t1 cpu
  t0=$(now)
  cpu=$( ("$@" >&2 || echo "failed ($?): $*" >&2; times) |
    awk 'END { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
  t1=$(now)
  echo "$(sub "$t1" "$t0") $cpu"
}

# tess_dir IMAGES_LIST OUT_DIR [tesseract options...]: plain tesseract, 2 processes, one OpenMP thread
# each, OUT_DIR/<stem>.tsv; prints "WALL CPU".
tess_all() {
  local list=$1 out=$2
  shift 2
  OMP_THREAD_LIMIT=1 xargs -a "$list" -d '\n' -P 2 -I{} sh -c \
    'img=$1 dir=$2; shift 2; exec tesseract "$img" "$dir/$(basename "$img" .png)" "$@" tsv quiet' _ {} "$out" "$@"
}
tess_dir() {
  mkdir -p "$2"
  timed tess_all "$@"
}

# incidoc_run OUT_DIR FILES_LIST [import options...]: import into a new project, dump its pages to
# OUT_DIR; prints the import's "WALL CPU".
incidoc_run() {
  local out=$1 list=$2
  shift 2
  local project=$out.incidoc
  rm -rf "$out" "$project"*
  timed xargs -a "$list" -d '\n' "$CLI" import -q --jobs 2 "$@" -p "$project"
  "$CLI" dump -q -p "$project" -o "$out" >&2 || echo "incidoc-cli dump failed for $out" >&2
}

echo "# OCR readers side by side — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null)"
echo
echo "$(tesseract --version 2>&1 | head -1); default model: Debian's tesseract-ocr-eng (tessdata_fast)."
echo "Incidoc runs: fast = \`import --jobs 2${FAST_ARGS:+ $FAST_ARGS}\`; accurate = $(have_acc && echo "\`import --jobs 2 ${ACC_ARGS}\`" || echo "not available in this build (no --profile)")."
echo

# --- A, B, E. FUNSD ---------------------------------------------------------------------------------
if ! skip funsd; then
  find "$FUNSD/images" -maxdepth 1 -name "*.png" | sort >"$work/funsd_all"
  if [ "$LIMIT" -gt 0 ]; then head -n "$LIMIT" "$work/funsd_all" >"$work/funsd_list"; else cp "$work/funsd_all" "$work/funsd_list"; fi
  forms=$(wc -l <"$work/funsd_list")
  echo "FUNSD: $forms forms" >&2
  runs=()
  s=$(tess_dir "$work/funsd_list" "$work/f_tess")
  runs+=(--run "plain \`tesseract\` (tessdata_fast)" tsv "$work/f_tess" "$s")
  if ! skip bestint; then
    s=$(tess_dir "$work/funsd_list" "$work/f_tessbest" --tessdata-dir "$BEST")
    runs+=(--run "plain \`tesseract\`, best_int model" tsv "$work/f_tessbest" "$s")
  fi
  s=$(incidoc_run "$work/f_fast" "$work/funsd_list" "${fast_args[@]}")
  runs+=(--run "$FAST_LABEL" json "$work/f_fast" "$s")
  if ! skip bestint; then
    s=$(TESSDATA_PREFIX=$BEST incidoc_run "$work/f_fastbest" "$work/funsd_list" "${fast_args[@]}")
    runs+=(--run "$FAST_LABEL, best_int model (TESSDATA_PREFIX)" json "$work/f_fastbest" "$s")
  fi
  if have_acc; then
    s=$(incidoc_run "$work/f_acc" "$work/funsd_list" "${acc_args[@]}")
    runs+=(--run "$ACC_LABEL" json "$work/f_acc" "$s")
  fi
  if have_extra; then
    s=$(incidoc_run "$work/f_extra" "$work/funsd_list" "${extra_args[@]}")
    runs+=(--run "$EXTRA_LABEL" json "$work/f_extra" "$s")
  fi
  "$PY" "$SCORE" funsd "$FUNSD/annotations" --limit "$LIMIT" "${runs[@]}"
  echo "Wall seconds: the whole run over the forms, 2 at a time (2 \`tesseract\` processes with OMP_THREAD_LIMIT=1, or"
  echo "\`import --jobs 2\`), one run each on a shared machine: compare them loosely; CPU seconds (user + system of every process) are steadier."
  echo
fi

# --- C. Clean 300-dpi pages -------------------------------------------------------------------------
if ! skip clean; then
  mkdir -p "$work/c_src" "$work/c_img" "$work/c_truth"
  srcs=()
  if man -w bash >/dev/null 2>&1; then
    man -t bash 2>/dev/null | ps2pdf - "$work/c_src/bash.pdf" && srcs+=("bash:$work/c_src/bash.pdf:3:8")
  fi
  f=/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf
  [ -f "$f" ] && srcs+=("mimespec:$f:3:8")
  f=/usr/share/doc/libtasn1-doc/libtasn1.pdf
  [ -f "$f" ] || need libtasn1-doc || true
  [ -f "$f" ] && srcs+=("libtasn1:$f:28:33")
  echo "| clean-page source | PDF | pages | truth characters | sha256 of the truth texts (first 12) |"
  echo "|---|---|---|---:|---|"
  for s in "${srcs[@]}"; do
    IFS=: read -r name pdf first last <<<"$s"
    for ((p = first; p <= last; p++)); do
      stem=$(printf '%s-p%02d' "$name" "$p")
      pdftoppm -f "$p" -l "$p" -r 300 -gray -png -singlefile "$pdf" "$work/c_img/$stem"
      pdftotext -f "$p" -l "$p" -enc UTF-8 "$pdf" "$work/c_truth/$stem.txt"
    done
    echo "| $name | $(basename "$pdf") | $first–$last | $(cat "$work/c_truth/$name"-p*.txt | wc -m) |" \
      "$(cat "$work/c_truth/$name"-p*.txt | sha256sum | cut -c1-12) |"
  done
  echo
  find "$work/c_img" -maxdepth 1 -name "*.png" | sort >"$work/clean_list"
  echo "Clean pages: $(wc -l <"$work/clean_list")" >&2
  cruns=()
  tess_dir "$work/clean_list" "$work/c_tess" >/dev/null
  cruns+=(--run "plain \`tesseract\`" tsv "$work/c_tess")
  if ! skip bestint; then
    tess_dir "$work/clean_list" "$work/c_tessbest" --tessdata-dir "$BEST" >/dev/null
    cruns+=(--run "\`tesseract\` best_int" tsv "$work/c_tessbest")
  fi
  incidoc_run "$work/c_fast" "$work/clean_list" "${fast_args[@]}" >/dev/null
  cruns+=(--run "$FAST_LABEL" json "$work/c_fast")
  if have_acc; then
    incidoc_run "$work/c_acc" "$work/clean_list" "${acc_args[@]}" >/dev/null
    cruns+=(--run "$ACC_LABEL" json "$work/c_acc")
  fi
  if have_extra; then
    incidoc_run "$work/c_extra" "$work/clean_list" "${extra_args[@]}" >/dev/null
    cruns+=(--run "$EXTRA_LABEL" json "$work/c_extra")
  fi
  "$PY" "$SCORE" cer "$work/c_truth" "${cruns[@]}"
fi

# --- D. Throughput on real 300-dpi scans -----------------------------------------------------------
if ! skip throughput; then
  scanned_set "$TD" "$work/scans.pdf"
  pages=$(pdfinfo "$work/scans.pdf" | awk '/^Pages/ {print $2}')
  : >"$work/d_ocrmypdf"; : >"$work/d_fast"; : >"$work/d_acc"
  for ((r = 1; r <= ROUNDS; r++)); do
    echo "throughput round $r" >&2
    timed ocrmypdf -q --jobs 2 -O0 --output-type pdf --sidecar "$work/side.txt" "$work/scans.pdf" "$work/out.pdf" \
      >>"$work/d_ocrmypdf"
    rm -f "$work"/d.incidoc*
    timed "$CLI" import -q --jobs 2 "${fast_args[@]}" -p "$work/d.incidoc" "$work/scans.pdf" >>"$work/d_fast"
    if have_acc; then
      rm -f "$work"/d.incidoc*
      timed "$CLI" import -q --jobs 2 "${acc_args[@]}" -p "$work/d.incidoc" "$work/scans.pdf" >>"$work/d_acc"
    fi
  done
  wall() { cut -d' ' -f1 "$1" | median; }
  cpu() { cut -d' ' -f2 "$1" | median; }
  rounds() { cut -d' ' -f"$2" "$1" | paste -sd' '; }
  to=$(wall "$work/d_ocrmypdf"); tf=$(wall "$work/d_fast"); co=$(cpu "$work/d_ocrmypdf"); cf=$(cpu "$work/d_fast")
  echo "### D. Throughput: $pages real 300-dpi scanned pages, --jobs 2, median of $ROUNDS alternating rounds"
  echo
  echo "| run | seconds | pages/s | speed relative to OCRmyPDF | time relative to fast | CPU s per page | CPU relative to fast |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "| \`ocrmypdf --jobs 2 -O0 --output-type pdf --sidecar\` | $to | $(rate "$pages" "$to") | 1.00 | | $(ratio "$co" "$pages") | $(ratio "$co" "$cf")× |"
  echo "| $FAST_LABEL | $tf | $(rate "$pages" "$tf") | **$(ratio "$to" "$tf")×** | 1.00 | $(ratio "$cf" "$pages") | 1.00 |"
  if have_acc; then
    ta=$(wall "$work/d_acc"); ca=$(cpu "$work/d_acc")
    echo "| $ACC_LABEL | $ta | $(rate "$pages" "$ta") | $(ratio "$to" "$ta")× | **$(ratio "$ta" "$tf")×** | $(ratio "$ca" "$pages") | **$(ratio "$ca" "$cf")×** |"
  fi
  echo
  echo "Rounds, wall s: ocrmypdf $(rounds "$work/d_ocrmypdf" 1); fast $(rounds "$work/d_fast" 1)$(have_acc && echo "; accurate $(rounds "$work/d_acc" 1)")."
  echo "CPU s: ocrmypdf $(rounds "$work/d_ocrmypdf" 2); fast $(rounds "$work/d_fast" 2)$(have_acc && echo "; accurate $(rounds "$work/d_acc" 2)")."
  echo
fi

# --- E. best_int against tessdata_fast: time, alternating rounds on some FUNSD forms -----------------
if ! skip bestint && ! skip bestint-time; then
  n=${BENCH_BEST_INT_FORMS:-30}
  find "$FUNSD/images" -maxdepth 1 -name "*.png" | sort | head -n "$n" >"$work/e_list"
  n=$(wc -l <"$work/e_list")
  for k in tf tb if ib; do : >"$work/et_$k"; done
  for ((r = 1; r <= ROUNDS; r++)); do
    echo "best_int timing round $r" >&2
    tess_dir "$work/e_list" "$work/e_tf" >>"$work/et_tf"
    tess_dir "$work/e_list" "$work/e_tb" --tessdata-dir "$BEST" >>"$work/et_tb"
    incidoc_run "$work/e_if" "$work/e_list" "${fast_args[@]}" >>"$work/et_if"
    TESSDATA_PREFIX=$BEST incidoc_run "$work/e_ib" "$work/e_list" "${fast_args[@]}" >>"$work/et_ib"
  done
  echo "### E. Time of the best_int model against tessdata_fast: first $n FUNSD forms, 2 at a time, median of $ROUNDS alternating rounds"
  echo
  echo "| run | tessdata_fast: wall s | best_int: wall s | **wall ratio** | tessdata_fast: CPU s | best_int: CPU s | **CPU ratio** |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for run in "plain \`tesseract\`:tf:tb" "$FAST_LABEL:if:ib"; do
    IFS=: read -r label x y <<<"$run"
    wx=$(cut -d' ' -f1 "$work/et_$x" | median); wy=$(cut -d' ' -f1 "$work/et_$y" | median)
    cx=$(cut -d' ' -f2 "$work/et_$x" | median); cy=$(cut -d' ' -f2 "$work/et_$y" | median)
    echo "| $label | $wx | $wy | **$(ratio "$wy" "$wx")×** | $cx | $cy | **$(ratio "$cy" "$cx")×** |"
  done
  echo
  echo "Rounds (wall CPU): tesseract $(paste -sd',' "$work/et_tf") / $(paste -sd',' "$work/et_tb"); incidoc $(paste -sd',' "$work/et_if") / $(paste -sd',' "$work/et_ib")"
  echo
fi
