#!/usr/bin/env bash
# Makes every picture of docs/user-guide.md from the real app: imports the bundled sample report with
# incidoc-cli, starts `incidoc` on it under Xvfb (1400x900, a fresh settings home) and drives it with the
# keyboard (and a few clicks) through xdotool, the way a user would, saving one PNG per state.
#
#   bash docs/screenshots/make_screenshots.sh [BUILD_DIR] [OUT_DIR]
#       BUILD_DIR  holds bin/incidoc and bin/incidoc-cli (default: build/dev)
#       OUT_DIR    where the PNGs go (default: docs/images)
#   SCREENSHOTS_ONLY="main-window search"   make only these (the steps before them still run)
#
# Every step checks that it reached its state (a window with the expected title is shown, the screen
# changed) and the script stops with a message naming the step when one does not. Needs Xvfb, xdotool
# and ImageMagick (import, convert).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
BUILD=$(realpath "${1:-build/dev}")
OUT=$(realpath -m "${2:-docs/images}")
ONLY=${SCREENSHOTS_ONLY:-}
WIDTH=1400
HEIGHT=900

die() { echo "make_screenshots: $*" >&2; exit 1; }
for tool in Xvfb xdotool import convert; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
[[ -x $BUILD/bin/incidoc && -x $BUILD/bin/incidoc-cli ]] || die "no incidoc / incidoc-cli in $BUILD/bin"
mkdir -p "$OUT"

work=$(mktemp -d)
xvfb_pid=""
app_pid=""
worker_pid=""
cleanup() {
    for pid in $app_pid $worker_pid $xvfb_pid; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

export OMP_THREAD_LIMIT=1
"$BUILD/bin/incidoc-cli" import -q --jobs 2 -p "$work/sample.incidoc" resources/samples/incident-report.pdf \
    || die "incidoc-cli could not import the sample"

# Our own X server; -displayfd picks a free display number and tells it once listening.
Xvfb -displayfd 3 -screen 0 ${WIDTH}x${HEIGHT}x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 50); do [[ -s $work/display ]] && break; sleep 0.1; done
[[ -s $work/display ]] || die "Xvfb did not start: $(cat "$work/xvfb.log")"
export DISPLAY=":$(head -n1 "$work/display")"

# A fresh settings home (default window layout, no recent files), the real X11 platform, English.
export XDG_CONFIG_HOME=$work/config
export QT_QPA_PLATFORM=xcb LANG=C.UTF-8 LANGUAGE=en LC_ALL=C.UTF-8
"$BUILD/bin/incidoc" "$work/sample.incidoc" >"$work/app.log" 2>&1 &
app_pid=$!

# --- helpers ------------------------------------------------------------------------------------------

step="starting the app"
fail() {
    echo "make_screenshots: step '$step': $*" >&2
    echo "--- app log:" >&2
    tail -n 20 "$work/app.log" >&2
    exit 1
}

# wait_window TITLE [SECONDS]: prints the id of the visible window titled exactly TITLE.
wait_window() {
    local id
    for _ in $(seq $((${2:-15} * 10))); do
        kill -0 "$app_pid" 2>/dev/null || fail "the app exited"
        id=$(xdotool search --onlyvisible --name "^$1\$" 2>/dev/null | head -n1 || true)
        if [[ -n $id ]]; then echo "$id"; return 0; fi
        sleep 0.1
    done
    fail "no window titled '$1' appeared"
}

# wait_gone TITLE: waits until no visible window has that title.
wait_gone() {
    for _ in $(seq 50); do
        xdotool search --onlyvisible --name "^$1\$" >/dev/null 2>&1 || return 0
        sleep 0.1
    done
    fail "the window '$1' did not close"
}

screen_hash() { import -window root rgb:- 2>/dev/null | md5sum | cut -d' ' -f1; }

# settle: waits until the screen stops changing (renders, OCR of a drawn box, debounced searches).
# A blinking text cursor never settles, so this gives up quietly after a few seconds.
settle() {
    local last now
    last=$(screen_hash)
    for _ in $(seq 12); do
        sleep 0.3
        now=$(screen_hash)
        [[ $now == "$last" ]] && return 0
        last=$now
    done
}

# Without a window manager nobody hands the keyboard back to the main window after a dialog closes:
# give it the focus before every key press, as a window manager would.
focus() { xdotool windowfocus --sync "$1" 2>/dev/null || fail "cannot focus window $1"; }
keys() { focus "$MAIN"; xdotool key --delay 60 "$@"; }
type_text() { focus "${2:-$MAIN}"; xdotool type --delay 40 "$1"; }
# click X Y (window coordinates of the main window, which sits at 0,0)
click() { focus "$MAIN"; xdotool mousemove --sync "$1" "$2" click 1; }
park_mouse() { xdotool mousemove $((WIDTH - 1)) $((HEIGHT - 1)); }

# expect_change BEFORE: fails unless the screen differs from the hash BEFORE.
expect_change() { [[ $(screen_hash) != "$1" ]] || fail "the screen did not change"; }
# wait_change BEFORE: waits (up to 20 s, for a loaded machine) until the screen differs from BEFORE.
wait_change() {
    for _ in $(seq 100); do
        [[ $(screen_hash) != "$1" ]] && return 0
        sleep 0.2
    done
    fail "the screen did not change"
}

wanted() { [[ -z $ONLY || " $ONLY " == *" $1 "* ]]; }

# shot NAME [WINDOW]: saves WINDOW (default: the main window) as OUT/NAME.png, stripped of time stamps
# so an unchanged picture gives an unchanged file; dialogs get a thin frame (there is no window manager
# to draw one).
shot() {
    local name=$1 win=${2:-$MAIN}
    wanted "$name" || return 0
    park_mouse
    settle
    import -window "$win" "$work/raw.png" || fail "cannot capture window $win"
    if [[ $win == "$MAIN" ]]; then
        convert "$work/raw.png" -strip "PNG24:$OUT/$name.png"
    else
        convert "$work/raw.png" -bordercolor '#8c8c8c' -border 1 -strip "PNG24:$OUT/$name.png"
    fi
    echo "$OUT/$name.png"
}

# --- the tour -----------------------------------------------------------------------------------------

MAIN=$(wait_window "sample.incidoc — Incidoc" 30)
focus "$MAIN"
settle
# The page view draws its boxes once the page is rendered; the main picture must show them.
step="main window"
shot main-window

# Review: the page view takes the keyboard (a click in the grey margin beside the page, Escape clears
# any selection), fit the width, zoom in twice, Tab to the first flagged word (the two readers disagree).
step="flagged-word review"
click 600 860
keys Escape ctrl+1 ctrl+plus ctrl+plus
settle
before=$(screen_hash)
keys Tab
settle
expect_change "$before"
shot review-flagged

# Typing on the flagged word opens the editor panel: the word's line magnified, both readings, the field.
step="word editor"
before=$(screen_hash)
keys W
settle
expect_change "$before"
shot review-editor
keys Escape

# Editing in the inspector: its Text field (top of the right-hand dock, right of its label), select all,
# type the fix.
step="edit a word in the inspector"
before=$(screen_hash)
click 1330 106
keys ctrl+a
type_text "Whitfield (signature)"
expect_change "$before"
shot edit-word
keys Return

# Search the project, jump to the first hit (Enter), label it PERSON with Alt+1.
step="search"
before=$(screen_hash)
keys ctrl+f
type_text "Pritchard"
keys Return
settle
expect_change "$before"
shot search
step="label from the keyboard"
before=$(screen_hash)
keys Return
settle
keys alt+1
settle
expect_change "$before"
shot label-assigned

# The label manager (Ctrl+L).
step="label manager"
keys ctrl+l
LABELS=$(wait_window "Labels")
shot label-manager "$LABELS"
focus "$LABELS"; xdotool key Escape
wait_gone "Labels"

# The shortcut table (Ctrl+/), generated by the app from its actions.
step="keyboard shortcuts"
keys ctrl+slash
SHORTCUTS=$(wait_window "Keyboard Shortcuts")
shot shortcuts "$SHORTCUTS"
focus "$SHORTCUTS"; xdotool key Escape
wait_gone "Keyboard Shortcuts"

# The export dialog (Ctrl+E).
step="export dialog"
keys ctrl+e
EXPORT=$(wait_window "Export sample")
# The destination starts beside the project (a temporary folder here): type a stable one, as a user would.
settle
focus "$EXPORT"; xdotool key ctrl+a
type_text "/home/me/exports/sample.zip" "$EXPORT"
shot export-dialog "$EXPORT"
focus "$EXPORT"; xdotool key Escape
wait_gone "Export sample"

# Settings (Ctrl+,) with a real worker: start incidoc-worker on a free loopback port, type its address in
# the Workers field (Alt+W) and press Test connection (Alt+N). The dialog is cancelled afterwards.
step="settings: OCR workers"
if [[ -x $BUILD/bin/incidoc-worker ]] && wanted settings-workers; then
    # The usual port when it is free (a stable picture), else any free one.
    port=$(python3 -c 'import socket
s = socket.socket()
try:
    s.bind(("127.0.0.1", 50051))
except OSError:
    s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])')
    "$BUILD/bin/incidoc-worker" --listen "127.0.0.1:$port" --threads 1 -q >"$work/worker.log" 2>&1 &
    worker_pid=$!
    keys ctrl+comma
    SETTINGS=$(wait_window "Settings")
    settle
    before=$(screen_hash)
    focus "$SETTINGS"; xdotool key alt+w
    type_text "127.0.0.1:$port" "$SETTINGS"
    settle
    before=$(screen_hash)
    focus "$SETTINGS"; xdotool key alt+n
    # The test is asynchronous (the worker may still be starting on a busy machine): wait for its answer;
    # settle (in shot) then waits for it to be drawn completely.
    wait_change "$before"
    shot settings-workers "$SETTINGS"
    focus "$SETTINGS"; xdotool key Escape
    wait_gone "Settings"
fi

echo "make_screenshots: done"
