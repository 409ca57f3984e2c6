#!/usr/bin/env bash
# The review keyboard on the real binary: `incidoc` under Xvfb with a window manager (openbox), driven by
# xdotool as a user would, on a project made from the bundled sample. Tab to a word to check, type
# `597005708` (Shift+Return: store and stay), Tab, type `mud` (Return: store and go on), type `surely`,
# Return, Ctrl+Q. Then the project file must hold exactly those three texts, the same number of words and
# no label: typing never ran a command (digits were label keys, m merged, s split, n changed page).
#   keyboard_xvfb_test.sh BIN_DIR SOURCE_DIR
set -euo pipefail
BIN=$1
SRC=$2
for tool in xvfb-run xdotool openbox sqlite3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (packaging/build.sh deps installs it)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMP_THREAD_LIMIT=1
project=$work/sample.incidoc
"$BIN/incidoc-cli" import -q --jobs 2 -p "$project" "$SRC/resources/samples/incident-report.pdf"
q() { sqlite3 "$project" "$1"; }
words_before=$(q "SELECT count(*) FROM words")
labelled_before=$(q "SELECT count(*) FROM words WHERE label_id IS NOT NULL")
declare -A had
for text in 597005708 mud surely; do had[$text]=$(q "SELECT count(*) FROM words WHERE text = '$text'"); done

XDG_CONFIG_HOME=$work/config INCIDOC_VIEW_GEOMETRY=$work/geometry.txt \
xvfb-run -a -s "-screen 0 1366x768x24" bash -c "
  set -e
  openbox >/dev/null 2>&1 &
  QT_QPA_PLATFORM=xcb '$BIN/incidoc' '$project' >'$work/app.log' 2>&1 & app=\$!
  for i in \$(seq 1 600); do [ -s '$work/geometry.txt' ] && break; sleep 0.1; done
  [ -s '$work/geometry.txt' ] || { echo 'the app showed no page within 60 s' >&2; kill \$app; exit 1; }
  sleep 0.5
  # A click on the page's blank bottom-left corner gives the page view the keyboard.
  read -r _ x y w h < <(grep '^viewport ' '$work/geometry.txt')
  xdotool mousemove \$((x + 4)) \$((y + h - 12)) click 1
  sleep 0.3
  xdotool key --delay 80 Escape Tab
  sleep 0.5
  xdotool type --delay 80 597005708
  xdotool key --delay 80 shift+Return Tab
  sleep 0.5
  xdotool type --delay 80 mud
  xdotool key --delay 80 Return
  sleep 0.5
  xdotool type --delay 80 surely
  xdotool key --delay 80 Return
  sleep 0.5
  xdotool key ctrl+q
  for i in \$(seq 1 100); do kill -0 \$app 2>/dev/null || break; sleep 0.1; done
  kill \$app 2>/dev/null || true"

status=0
for text in 597005708 mud surely; do
  n=$(q "SELECT count(*) FROM words WHERE text = '$text'")
  [ "$n" = $((had[$text] + 1)) ] || { echo "'$text' is on $n words, not ${had[$text]} + 1" >&2; status=1; }
done
[ "$(q "SELECT count(*) FROM words")" = "$words_before" ] || { echo "the number of words changed (merge or split ran)" >&2; status=1; }
[ "$(q "SELECT count(*) FROM words WHERE label_id IS NOT NULL")" = "$labelled_before" ] \
  || { echo "a label was set (a digit ran a label key)" >&2; status=1; }
[ $status = 0 ] && echo "typed 597005708, mud and surely: stored exactly, no word merged, split or labelled"
[ $status = 0 ] || cat "$work/app.log" >&2
exit $status
