#!/usr/bin/env bash
# Screenshot of the app on the bundled sample: builds a project from resources/samples/incident-report.pdf
# with incidoc-cli, starts `incidoc` on it under Xvfb, waits for the page and its boxes, and saves the
# screen to BUILD/screenshots/main-window.png.
#   bash tests/ui/screenshot.sh [BUILD_DIR]      (default: build/dev)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build/dev}
OUT=$BUILD/screenshots
mkdir -p "$OUT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
OMP_THREAD_LIMIT=1 "$BUILD/bin/incidoc-cli" import -q --jobs 2 -p "$work/sample.incidoc" \
  resources/samples/incident-report.pdf
# A fresh settings home so a previous window layout does not change the picture.
export XDG_CONFIG_HOME=$work/config
export OMP_THREAD_LIMIT=1
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c "
  QT_QPA_PLATFORM=xcb '$BUILD/bin/incidoc' '$work/sample.incidoc' & app=\$!
  sleep \${SCREENSHOT_WAIT:-6}
  import -window root '$OUT/main-window.png'
  kill \$app; wait \$app 2>/dev/null || true"
echo "$OUT/main-window.png"
