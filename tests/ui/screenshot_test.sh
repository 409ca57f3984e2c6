#!/usr/bin/env bash
# Screenshot test: the real `incidoc` under Xvfb on a project made from the bundled sample (imported with
# incidoc-cli), the screen grabbed with ImageMagick's `import`, and the overlay colour checked at the word
# boxes the app reports (INCIDOC_VIEW_GEOMETRY) by screenshot_check.
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
export XDG_CONFIG_HOME=$work/config # fresh settings: no remembered window layout
export INCIDOC_VIEW_GEOMETRY=$work/geometry.txt
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "
  QT_QPA_PLATFORM=xcb '$BIN/incidoc' '$work/sample.incidoc' & app=\$!
  for i in \$(seq 1 600); do [ -s '$work/geometry.txt' ] && break; sleep 0.1; done
  sleep 0.5
  import -window root '$work/screen.png'
  kill \$app; wait \$app 2>/dev/null || true"
[ -s "$work/geometry.txt" ] || { echo "the app did not report its page view (no page shown within 60 s)" >&2; exit 1; }
"$CHECK" "$work/screen.png" "$work/geometry.txt"
