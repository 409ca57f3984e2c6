#!/usr/bin/env bash
# Builds the Debian packages of a built tree with cpack, checks them, installs them with the real dpkg into
# an empty root (no container: dpkg --root, maintainer scripts run chrootless with DPKG_ROOT set), checks
# the installed desktop files, and runs the installed programs: versions, and a headless import of the
# bundled sample report whose result is checked against its ground truth.
#   deb_package_test.sh BUILD_DIR SOURCE_DIR
# Needs dpkg-dev (dpkg-shlibdeps), appstream, desktop-file-utils, shared-mime-info, libglib2.0-bin (gio),
# librsvg2-bin, imagemagick, man-db, binutils, python3 (all in packaging/build.sh). Prints one line per
# check; exits non-zero on a failure.
set -uo pipefail

usage="usage: deb_package_test.sh BUILD_DIR SOURCE_DIR"
build=$(cd "${1:?$usage}" && pwd)
src=$(cd "${2:?$usage}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
ok() { echo "ok:   $*"; }
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
verdict() { # verdict STATUS WHAT [DETAIL]: ok when STATUS is 0
    if [ "$1" -eq 0 ]; then ok "$2"; else fail "$2${3:+ -- $3}"; fi
}
check() { # check WHAT COMMAND...: ok when the command succeeds; else its output
    local what=$1
    shift
    if "$@" >"$work/out" 2>&1; then ok "$what"; else
        fail "$what"
        sed 's/^/      /' "$work/out" | head -20
    fi
}
empty() { [ -z "$1" ]; }
finish() {
    echo "== $failures failure(s)"
    [ "$failures" -eq 0 ]
    exit
}
export PATH="$PATH:/usr/sbin:/sbin" # dpkg wants ldconfig and start-stop-daemon in PATH

version=$(sed -n 's/^project(Incidoc VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
arch=$(dpkg --print-architecture)
[ -n "$version" ] || { fail "no project version in $src/CMakeLists.txt"; finish; }
packages=(incidoc incidoc-cli incidoc-worker)

# ---- 1. cpack --------------------------------------------------------------------------------------------
if ! cpack --config "$build/CPackConfig.cmake" -B "$work/out-deb" >"$work/cpack.log" 2>&1; then
    fail "cpack"
    tail -30 "$work/cpack.log"
    finish
fi
made=$(cd "$work/out-deb" && find . -maxdepth 1 -name '*.deb' | sed 's|^\./||' | sort)
expected=$(printf '%s\n' "${packages[@]/%/_$version-1_$arch.deb}" | sort)
[ "$made" = "$expected" ]
verdict $? "cpack made exactly the three packages" "made: $(echo $made); expected: $(echo $expected)"
[ "$made" = "$expected" ] || finish
deb() { echo "$work/out-deb/${1}_$version-1_$arch.deb"; }
for p in "${packages[@]}"; do # "MODE OWNER /PATH" per entry
    dpkg-deb -c "$(deb "$p")" | awk '{print $1, $2, $NF}' | sed 's| \./| /|' >"$work/$p.list"
done

# ---- 2. control fields -----------------------------------------------------------------------------------
field() { dpkg-deb -f "$(deb "$1")" "$2"; }
homepage=$(sed -n 's|.*<url type="homepage">\(.*\)</url>.*|\1|p' "$src/resources/desktop/"*.metainfo.xml)
for p in "${packages[@]}"; do
    got="$(field "$p" Package) $(field "$p" Version) $(field "$p" Architecture)"
    [ "$got" = "$p $version-1 $arch" ]
    verdict $? "$p: name, version $version-1, $arch" "$got"
    got="$(field "$p" Section) $(field "$p" Priority) $(field "$p" Homepage)"
    [ "$got" = "graphics optional $homepage" ] && [[ "$(field "$p" Maintainer)" =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]]
    verdict $? "$p: Section, Priority, Homepage (the metainfo's), Maintainer" "$got $(field "$p" Maintainer)"
    desc=$(field "$p" Description)
    [ "$(wc -l <<<"$desc")" -ge 4 ] && ! head -1 <<<"$desc" | grep -q 'CMake\|\.$'
    verdict $? "$p: a synopsis and a long description" "$desc"
    got=$(field "$p" Suggests)
    [[ "$got" == *tesseract-ocr-fra* && "$got" == *tesseract-ocr-chi-sim* ]]
    verdict $? "$p: suggests the French and Chinese OCR data" "$got"
done

# Depends: the libraries dpkg-shlibdeps found, plus what the programs load at run time.
depends_has() { # depends_has PACKAGE NAME-PREFIX...
    local p=$1 name names missing=()
    shift
    names=$(field "$p" Depends | tr ',' '\n' | sed 's/^ *//; s/[ (].*//')
    for name in "$@"; do grep -q "^$name" <<<"$names" || missing+=("$name"); done
    [ ${#missing[@]} -eq 0 ]
    verdict $? "$p: Depends on $*" "lacks ${missing[*]}: $(field "$p" Depends)"
}
common=(tesseract-ocr-eng libqt6core6 libqt6gui6 libtesseract5 liblept5 libgrpc++ libprotobuf libc6 libstdc++6)
with_pages=(libpoppler-qt6- libsqlite3-0 libopencv-imgproc qt6-image-formats-plugins)
depends_has incidoc "${common[@]}" "${with_pages[@]}" libqt6widgets6 incidoc-cli
depends_has incidoc-cli "${common[@]}" "${with_pages[@]}"
depends_has incidoc-worker "${common[@]}"
field incidoc Depends | grep -q "incidoc-cli (= $version-1)"
verdict $? "incidoc: Depends on incidoc-cli (= $version-1) (the translations are there)"
# Every relation can be met on this Debian machine (catches misspelt or nonexistent package names).
for p in "${packages[@]}"; do
    unmet=()
    while IFS= read -r rel; do
        met=0
        IFS='|' read -ra alts <<<"$rel"
        for alt in "${alts[@]}"; do
            name=$(sed 's/^ *//; s/[ (].*//' <<<"$alt")
            constraint=$(sed -n 's/.*(\(.*\)).*/\1/p' <<<"$alt")
            if [ "$name" = incidoc-cli ]; then # one of ours: checked above
                [ "$constraint" = "= $version-1" ] && met=1
                continue
            fi
            have=$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null | sed -n 's/^install ok installed //p')
            [ -n "$have" ] || continue
            if [ -z "$constraint" ] || dpkg --compare-versions "$have" "${constraint%% *}" "${constraint#* }"; then
                met=1
            fi
        done
        [ $met -eq 1 ] || unmet+=("$rel")
    done < <(field "$p" Depends | tr ',' '\n' | sed 's/^ *//')
    [ ${#unmet[@]} -eq 0 ]
    verdict $? "$p: every Depends is installed here" "not met: ${unmet[*]}"
done

# ---- 3. files --------------------------------------------------------------------------------------------
expect_files() { # expect_files PACKAGE PATH...: each path is a file of the package
    local p=$1 f missing=()
    shift
    for f in "$@"; do grep -q "^-[^ ]* root/root $f$" "$work/$p.list" || missing+=("$f"); done
    [ ${#missing[@]} -eq 0 ]
    verdict $? "$p: has its $# files" "missing ${missing[*]}"
}
icons=(/usr/share/icons/hicolor/scalable/apps/incidoc.svg)
for s in 16 22 24 32 48 64 128 256; do icons+=("/usr/share/icons/hicolor/${s}x$s/apps/incidoc.png"); done
expect_files incidoc /usr/bin/incidoc /usr/share/applications/incidoc.desktop \
    /usr/share/metainfo/io.github.incidoc.incidoc.metainfo.xml /usr/share/mime/packages/incidoc.xml \
    "${icons[@]}" /usr/share/man/man1/incidoc.1.gz \
    /usr/share/doc/incidoc/copyright /usr/share/doc/incidoc/changelog.Debian.gz
expect_files incidoc-cli /usr/bin/incidoc-cli /usr/share/man/man1/incidoc-cli.1.gz \
    /usr/libexec/incidoc/incidoc-page-host \
    /usr/share/doc/incidoc-cli/copyright /usr/share/doc/incidoc-cli/changelog.Debian.gz
expect_files incidoc-worker /usr/bin/incidoc-worker /usr/share/man/man1/incidoc-worker.1.gz \
    /lib/systemd/system/incidoc-worker.service /etc/incidoc/worker.conf \
    /usr/share/incidoc/proto/incidoc/worker/v1/worker.proto /usr/share/doc/incidoc-worker/copyright \
    /usr/share/doc/incidoc-worker/changelog.Debian.gz /usr/share/doc/incidoc-worker/fleet.md.gz
allowed='^/(usr|usr/(bin|share)(/.*)?|usr/libexec|usr/libexec/incidoc(/incidoc-page-host)?|etc|etc/incidoc(/.*)?|lib|lib/systemd|lib/systemd/system(/incidoc-worker\.service)?)/?$'
modes='^(drwxr-xr-x root/root .*/|-rwxr-xr-x root/root /usr/(bin|libexec/incidoc)/[^/]+|-rw-r--r-- root/root /(usr/share|etc|lib)/.*[^/])$'
for p in "${packages[@]}"; do
    bad=$(awk '{print $3}' "$work/$p.list" | grep -v -E "$allowed")
    empty "$bad"
    verdict $? "$p: every path under /usr/bin, /usr/libexec/incidoc, /usr/share, /etc/incidoc or the unit" "$(echo $bad)"
    bad=$(awk '{print $3}' "$work/$p.list" | grep -E "/usr/local|build|_CPack|CMakeFiles|$src|/tmp/|/root/|/home/")
    empty "$bad"
    verdict $? "$p: nothing from /usr/local or build directories" "$(echo $bad)"
    bad=$(grep -v -E "$modes" "$work/$p.list")
    empty "$bad"
    verdict $? "$p: owners root, modes 0755 (programs, folders) and 0644" "$bad"
    for b in $(sed -n 's|.* /usr/bin/||p' "$work/$p.list"); do # Debian policy 12.1
        grep -q " /usr/share/man/man1/$b.1.gz$" "$work/$p.list" || fail "$p: /usr/bin/$b has no man page"
    done
done
# Control archive of the worker: the conffile and the maintainer scripts.
dpkg-deb -e "$(deb incidoc-worker)" "$work/ctl"
[ "$(cat "$work/ctl/conffiles" 2>&1)" = /etc/incidoc/worker.conf ]
verdict $? "incidoc-worker: /etc/incidoc/worker.conf is a conffile" "$(cat "$work/ctl/conffiles" 2>&1)"
for s in postinst prerm postrm; do
    [ -x "$work/ctl/$s" ] && sh -n "$work/ctl/$s"
    verdict $? "incidoc-worker: $s is an executable sh script"
done

# Nothing installed outside the three packages: a full `cmake --install` of the tree puts no file that no
# package has (e.g. an install() rule without COMPONENT, or with a component that is not packaged).
DESTDIR="$work/full" cmake --install "$build" --prefix /usr >"$work/install.log" 2>&1
verdict $? "cmake --install of the whole tree" "$(tail -5 "$work/install.log")"
cat "$work"/incidoc*.list | awk '$1 ~ /^-/ {print $3}' | sort >"$work/packaged"
stray=$(cd "$work/full" && find . -type f -o -type l | sed 's|^\.||' | sort | comm -23 - "$work/packaged")
empty "$stray"
verdict $? "every installed file is in one of the packages" "in no package: $(echo $stray)"

# ---- 4. install into an empty root with dpkg ------------------------------------------------------------
root="$work/root"
admin="$root/var/lib/dpkg"
mkdir -p "$admin/info" "$admin/updates" "$admin/triggers" "$root/var/log"
: >"$admin/status"
: >"$admin/available"
# --force-depends: the root has no libraries; the programs below use this machine's (their Depends are
# checked against it above). --force-script-chrootless: the root has no shell to chroot into; the
# scripts see DPKG_ROOT and leave this machine alone.
dpkg_root=(dpkg --root="$root" --log="$root/var/log/dpkg.log" --force-depends --force-not-root
    --force-script-chrootless)
if "${dpkg_root[@]}" --no-triggers -i "$(deb incidoc-cli)" "$(deb incidoc)" "$(deb incidoc-worker)" \
    >"$work/dpkg.log" 2>&1 && "${dpkg_root[@]}" --configure -a >>"$work/dpkg.log" 2>&1; then
    ok "dpkg -i of the three packages into an empty root"
else
    fail "dpkg -i into an empty root"
    sed 's/^/      /' "$work/dpkg.log" | tail -20
    finish
fi
states=$(dpkg-query --admindir="$admin" -W -f='${Package} ${Status} ${Version}\n' | sort)
[ "$states" = "$(printf "%s install ok installed $version-1\n" "${packages[@]}")" ]
verdict $? "all three configured (maintainer scripts ran)" "$states"
verified=$(dpkg --root="$root" --verify 2>&1)
empty "$verified"
verdict $? "dpkg --verify: installed files match the packages' md5sums" "$verified"
dpkg-query --admindir="$admin" -W -f='${Conffiles}' incidoc-worker | grep -q '/etc/incidoc/worker.conf [0-9a-f]\{32\}'
verdict $? "dpkg registered the conffile"
debug=$(for b in "$root"/usr/bin/* "$root"/usr/libexec/incidoc/*; do readelf -S "$b" | grep -q '\.debug_info' && basename "$b"; done)
empty "$debug"
verdict $? "installed programs are stripped" "with debug information: $debug"
cmp -s "$root/etc/incidoc/worker.conf" "$src/packaging/systemd/incidoc-worker.conf" &&
    cmp -s "$root/lib/systemd/system/incidoc-worker.service" "$src/packaging/systemd/incidoc-worker.service"
verdict $? "unit and worker.conf are the ones in packaging/systemd"
grep -q '^ExecStart=/usr/bin/incidoc-worker ' "$root/lib/systemd/system/incidoc-worker.service" &&
    [ -x "$root/usr/bin/incidoc-worker" ]
verdict $? "the unit starts the installed program"

# ---- 5. the installed desktop files ---------------------------------------------------------------------
share="$root/usr/share"
desktop="$share/applications/incidoc.desktop"
metainfo="$share/metainfo/io.github.incidoc.incidoc.metainfo.xml"
out=$(desktop-file-validate "$desktop" 2>&1)
empty "$out"
verdict $? "desktop-file-validate incidoc.desktop" "$out"
check "appstreamcli validate --no-net (metainfo)" appstreamcli validate --no-net "$metainfo"
exec_bin=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
icon=$(sed -n 's/^Icon=//p' "$desktop")
mime=$(sed -n 's/^MimeType=\(.*\);$/\1/p' "$desktop")
[ -x "$root/usr/bin/$exec_bin" ] && [ -f "$share/icons/hicolor/scalable/apps/$icon.svg" ] &&
    [ "$mime" = application/x-incidoc-project ]
verdict $? "desktop entry: Exec, Icon and MimeType are installed" "Exec=$exec_bin Icon=$icon MimeType=$mime"
python3 - "$metainfo" "$version" "$src" "$root" <<'PYEOF'
import os, sys, xml.etree.ElementTree as ET
path, version, src, root = sys.argv[1:]
c = ET.parse(path).getroot()
bad = []
releases = [r.get("version") for r in c.iter("release")]
if not releases or releases[0] != version:
    bad.append(f"newest release {releases[:1]} is not the project version {version}: add a <release>")
launch = c.findtext("launchable")
if not os.path.isfile(os.path.join(root, "usr/share/applications", launch or "-")):
    bad.append(f"launchable {launch} not installed")
for b in c.iter("binary"):
    if not os.access(os.path.join(root, "usr/bin", b.text), os.X_OK):
        bad.append(f"binary {b.text} not installed")
shots = [i.text for i in c.iter("image")]
prefix = "https://raw.githubusercontent.com/"  # then OWNER/REPO/BRANCH/path in the repository
for s in shots:
    rel = s.split("/", 6)[-1] if s.startswith(prefix) else ""
    if not rel or not os.path.isfile(os.path.join(src, rel)):
        bad.append(f"screenshot {s} is not a raw URL of a file in the repository")
if not shots:
    bad.append("no screenshot")
for b in bad:
    print("      " + b)
sys.exit(1 if bad else 0)
PYEOF
verdict $? "metainfo: release = $version, launchable, binary, screenshot in the repository"
# MIME type: a shared-mime-info database of the installed file plus the system's (for the SQLite parent
# type), used on a real project below.
mkdir -p "$work/mime/mime/packages"
cp /usr/share/mime/packages/freedesktop.org.xml "$share/mime/packages/incidoc.xml" "$work/mime/mime/packages/"
check "update-mime-database accepts incidoc.xml" update-mime-database "$work/mime/mime"
# Icons: each PNG has the size of its folder and still matches the SVG (icons/render_pngs.sh).
python3 - "$share/icons/hicolor" <<'PYEOF'
import glob, os, struct, sys
bad = 0
for f in glob.glob(sys.argv[1] + "/*x*/apps/incidoc.png"):
    want = int(os.path.basename(os.path.dirname(os.path.dirname(f))).split("x")[0])
    with open(f, "rb") as h:
        head = h.read(24)
    w, hgt = struct.unpack(">II", head[16:24])
    if head[:8] != b"\x89PNG\r\n\x1a\n" or (w, hgt) != (want, want):
        print(f"      {f}: {w}x{hgt}, want {want}")
        bad = 1
sys.exit(bad)
PYEOF
verdict $? "icon PNGs have the size of their folder"
rsvg-convert -w 48 -h 48 "$share/icons/hicolor/scalable/apps/incidoc.svg" -o "$work/icon48.png"
rmse=$(compare -metric RMSE "$work/icon48.png" "$share/icons/hicolor/48x48/apps/incidoc.png" null: 2>&1 |
    sed 's/.*(\(.*\))/\1/')
awk -v d="$rmse" 'BEGIN { exit !(d + 0 < 0.02) }'
verdict $? "48x48 PNG matches the SVG (RMSE $rmse)" "run resources/desktop/icons/render_pngs.sh"
# Man pages: no groff warnings, and a NAME section that lexgrog (mandb) reads.
for m in "$share"/man/man1/*.1.gz; do
    warn=$(LC_ALL=C.UTF-8 man --warnings -l -Tutf8 "$m" 2>&1 >/dev/null)
    [ -z "$warn" ] && lexgrog "$m" >/dev/null 2>&1
    verdict $? "man page $(basename "$m"): no warnings, NAME readable" "$warn $(lexgrog "$m" 2>&1)"
done

# ---- 6. run the installed programs ----------------------------------------------------------------------
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=offscreen OMP_THREAD_LIMIT=1
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 0700 "$XDG_RUNTIME_DIR"
bin="$root/usr/bin"
out=$("$bin/incidoc-cli" --version 2>&1)
[[ "$out" == "incidoc-cli $version"* ]]
verdict $? "installed incidoc-cli --version: $(head -1 <<<"$out")" "$out"
out=$("$bin/incidoc-worker" --version 2>&1)
[[ "$out" == "incidoc-worker $version"* ]]
verdict $? "installed incidoc-worker --version" "$out"
out=$("$bin/incidoc" --version 2>&1)
[[ "$out" == *"$version"* ]]
verdict $? "installed incidoc --version" "$out"
n=$("$bin/incidoc-worker-conformance" --target 127.0.0.1:1 --gtest_list_tests 2>&1 | grep -c '^  ')
[ "$n" -ge 5 ]
verdict $? "installed incidoc-worker-conformance lists its $n checks"

# A headless import of the bundled sample with the installed command line (its page hosts are the
# installed /usr/libexec/incidoc/incidoc-page-host).
project="$work/sample.incidoc"
sample="$src/resources/samples/incident-report.pdf"
timeout 300 "$bin/incidoc-cli" import -q -p "$project" --jobs 2 "$sample" >"$work/import.log" 2>&1
verdict $? "installed incidoc-cli import of resources/samples/incident-report.pdf" "$(tail -20 "$work/import.log")"
"$bin/incidoc-cli" status --json -p "$project" >"$work/status.json" 2>&1
"$bin/incidoc-cli" dump -q -p "$project" -o "$work/dump" >/dev/null 2>&1
python3 - "$work/status.json" "$work/dump" "$src/resources/samples/incident-report.txt" <<'PYEOF'
import glob, json, re, sys
status, dump, truth_path = sys.argv[1:]
bad = []
try:
    s = json.load(open(status))
except ValueError:
    print("      status --json: " + open(status).read()[:400])
    sys.exit(1)
for k, v in {"documents": 1, "failed_documents": 0}.items():
    if s.get(k) != v:
        bad.append(f"{k} = {s.get(k)}, want {v}")
pages, kinds = s.get("pages", {}), s.get("kinds", {})
if (pages.get("total"), pages.get("done"), pages.get("failed")) != (4, 4, 0):
    bad.append(f"pages {pages}, want 4 done")
if (kinds.get("scanned"), kinds.get("text-layer")) != (3, 1):
    bad.append(f"kinds {kinds}, want 3 scanned and 1 text-layer")
if s.get("failures"):
    bad.append(f"failures {s['failures']}")
# Words: each page's recognized words cover its ground-truth words (incident-report.txt).
parts = re.split(r"^=== page (\d+) ===$", open(truth_path, encoding="utf-8").read(), flags=re.M)
truth = {int(parts[i]): parts[i + 1].split() for i in range(1, len(parts), 2)}
files = sorted(glob.glob(dump + "/*/page-*.json"))
if len(files) != 4:
    bad.append(f"dump has {len(files)} pages, want 4")
for f in files:
    page = json.load(open(f))
    number = page["page"]["number"]
    got = {}
    for w in page["words"]:
        got[w["text"]] = got.get(w["text"], 0) + 1
    found = 0
    for t in truth.get(number, []):
        if got.get(t, 0) > 0:
            got[t] -= 1
            found += 1
    recall = found / max(1, len(truth.get(number, [])))
    print(f"      page {number} ({page['page']['kind']}): {len(page['words'])} words, recall {recall:.3f}")
    if recall < 0.9:
        bad.append(f"page {number}: word recall {recall:.3f} < 0.9")
for b in bad:
    print("      " + b)
sys.exit(1 if bad else 0)
PYEOF
verdict $? "import result: 1 document, 4 pages done (3 scanned, 1 text layer), words match the ground truth"

# The installed MIME type recognizes the project by its name and, renamed, by its content (SQLite with
# application_id "IDOC"), and leaves other SQLite files alone.
cp "$project" "$work/renamed-project"
python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("create table t(x)")' "$work/other-db"
for f in sample.incidoc:application/x-incidoc-project renamed-project:application/x-incidoc-project \
    other-db:application/vnd.sqlite3; do
    type=$(XDG_DATA_DIRS="$work/mime" XDG_DATA_HOME="$work/home/none" gio info -a standard::content-type \
        "$work/${f%%:*}" 2>&1 | sed -n 's/.*standard::content-type: //p')
    [ "$type" = "${f#*:}" ]
    verdict $? "MIME type of ${f%%:*}: $type" "want ${f#*:}"
done

finish
