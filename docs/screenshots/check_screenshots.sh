#!/usr/bin/env bash
# The quick check of make_screenshots.sh (ctest `docs_screenshots`): makes every picture of the user guide
# from the built app into a temporary folder and checks each one is a PNG of the expected size that shows
# something (not one flat colour, not the same picture as the state before it).
#   bash docs/screenshots/check_screenshots.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BUILD=$(realpath "${1:?usage: check_screenshots.sh BUILD_DIR}")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

bash "$here/make_screenshots.sh" "$BUILD" "$out"

# name: expected size ("WxH" for the main window, "dialog" for a dialog: any size from 250x150 to 1400x900)
expected=(
    "main-window 1400x900" "review-flagged 1400x900" "review-editor 1400x900" "edit-word 1400x900" "search 1400x900"
    "label-assigned 1400x900" "label-manager dialog" "shortcuts dialog" "export-dialog dialog"
    "settings-workers dialog"
)
fail=0
declare -A seen
for entry in "${expected[@]}"; do
    read -r name size <<<"$entry"
    f=$out/$name.png
    if [[ ! -s $f ]]; then echo "FAIL $name: not made"; fail=1; continue; fi
    read -r fmt w h colours < <(identify -format '%m %w %h %k\n' "$f")
    problem=""
    [[ $fmt == PNG ]] || problem="not a PNG ($fmt)"
    if [[ $size == dialog ]]; then
        ((w >= 250 && w <= 1400 && h >= 150 && h <= 900)) || problem="dialog size ${w}x${h} out of range"
    else
        [[ ${w}x${h} == "$size" ]] || problem="size ${w}x${h}, expected $size"
    fi
    # A blank or failed capture has one or two colours; a window with text and a page has hundreds.
    ((colours >= 64)) || problem="only $colours colours (blank?)"
    sum=$(convert "$f" rgb:- | md5sum | cut -d' ' -f1)
    [[ -z ${seen[$sum]:-} ]] || problem="same pixels as ${seen[$sum]}"
    seen[$sum]=$name
    if [[ -n $problem ]]; then
        echo "FAIL $name: $problem"
        fail=1
    else
        echo "ok   $name: ${w}x${h}, $colours colours"
    fi
done
exit $fail
