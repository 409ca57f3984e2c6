#!/usr/bin/env bash
# Fails when a C++ file of the project is not formatted as .clang-format says; lists each such file
# with the first lines that differ. Fix with:  git ls-files '*.h' '*.cpp' | xargs clang-format -i
# usage: check_format.sh SOURCE_DIR
set -uo pipefail
src=${1:?usage: check_format.sh SOURCE_DIR}
cd "$src" || exit 2
command -v clang-format >/dev/null || { echo "clang-format is not installed (packaging/build.sh deps)"; exit 2; }
if [ -d .git ] || git rev-parse --git-dir >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files '*.h' '*.cpp')
else
    mapfile -t files < <(find app core ui resources tests -name '*.h' -o -name '*.cpp' | sort)
fi
[ ${#files[@]} -gt 100 ] || { echo "found only ${#files[@]} C++ files under $src"; exit 2; }
bad=0
for f in "${files[@]}"; do
    [ -f "$f" ] || continue
    if ! out=$(clang-format --style=file "$f" | diff -u "$f" - ); then
        bad=$((bad + 1))
        echo "== $f is not formatted:"
        echo "$out" | sed -n '3,14p'
    fi
done
echo "checked ${#files[@]} files with $(clang-format --version | head -1): $bad not formatted"
[ $bad -eq 0 ]
