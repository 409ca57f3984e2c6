#!/usr/bin/env bash
# Screenshot of the app on the bundled sample: builds a project from resources/samples/incident-report.pdf
# with incidoc-cli, starts `incidoc` on it under Xvfb, waits for the page and its boxes, and saves the
# screen to BUILD/screenshots/main-window.png (a 1600 × 1000 screen), main-window-1024x768.png and
# main-window-1366x768.png.
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
export OMP_THREAD_LIMIT=1
# shot SIZE NAME: the app on a screen of SIZE, from a fresh settings home so a previous window layout
# does not change the picture (a first start on that screen).
shot() {
  XDG_CONFIG_HOME=$work/config-$1 xvfb-run -a -s "-screen 0 $1x24" bash -c "
    QT_QPA_PLATFORM=xcb '$BUILD/bin/incidoc' '$work/sample.incidoc' & app=\$!
    sleep \${SCREENSHOT_WAIT:-6}
    import -window root '$OUT/$2'
    kill \$app; wait \$app 2>/dev/null || true"
  echo "$OUT/$2"
}
shot 1600x1000 main-window.png
shot 1024x768 main-window-1024x768.png # the smallest laptop screens
shot 1366x768 main-window-1366x768.png # the most common laptop screen
