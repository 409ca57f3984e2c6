#!/usr/bin/env bash
# Screenshot test: the real `incidoc` under Xvfb on a project made from the bundled sample (imported with
# incidoc-cli), the screen grabbed with ImageMagick's `import`, and the overlay colour checked at the word
# boxes the app reports (INCIDOC_VIEW_GEOMETRY) by screenshot_check; on 1024 × 768 and 1366 × 768 screens
# the page view's share of the window's width is checked too.
#   screenshot_test.sh BIN_DIR CHECKER SOURCE_DIR
set -euo pipefail
BIN=$1
CHECK=$2
SRC=$3
for tool in xvfb-run import; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (install xvfb / imagemagick)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_THREAD_LIMIT=1
"$BIN/incidoc-cli" import -q --jobs 2 -p "$work/sample.incidoc" "$SRC/resources/samples/incident-report.pdf"
# shoot SIZE [MIN_VIEW_SHARE]: the app on a fresh settings home (no remembered window layout) on a
# screen of SIZE, the screen grabbed once the page and its boxes are shown, then checked.
shoot() {
  local size=$1 share=${2:-}
  local run=$work/$size
  mkdir -p "$run"
  XDG_CONFIG_HOME=$run/config INCIDOC_VIEW_GEOMETRY=$run/geometry.txt \
  xvfb-run -a -s "-screen 0 ${size}x24" bash -c "
    QT_QPA_PLATFORM=xcb '$BIN/incidoc' '$work/sample.incidoc' & app=\$!
    for i in \$(seq 1 600); do [ -s '$run/geometry.txt' ] && break; sleep 0.1; done
    sleep 0.5
    import -window root '$run/screen.png'
    kill \$app; wait \$app 2>/dev/null || true"
  [ -s "$run/geometry.txt" ] || { echo "$size: the app did not report its page view (no page shown within 60 s)" >&2; return 1; }
  echo "screen $size:"
  "$CHECK" "$run/screen.png" "$run/geometry.txt" $share
}
status=0
shoot 1600x1000 || status=1
# Small screens: the window fills the screen and the page view keeps at least 60 % of its width.
shoot 1024x768 0.6 || status=1
shoot 1366x768 0.6 || status=1
exit $status
