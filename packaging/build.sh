#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (run as root):
#   bash packaging/build.sh run    install the Debian packages, build, import the bundled sample incident
#                                  report into sample.incidoc, print its status and open it in the app
#   bash packaging/build.sh test   install, build, and run every test (ctest)
#   bash packaging/build.sh deps   only install the Debian packages
#   bash packaging/build.sh build  only build (build/release)
#   bash packaging/build.sh package  build (build/release) and make the Debian packages (packaging/debian)
set -euo pipefail
cd "$(dirname "$0")/.."

# Everything the project needs, from Debian 12's own archive.
PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-l10n-tools qt6-image-formats-plugins
  libpoppler-qt6-dev poppler-utils
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-eng
  libopencv-dev libsqlite3-dev sqlite3
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libzip-dev zlib1g-dev xvfb xauth imagemagick fonts-dejavu-core util-linux mount
  unzip libxml2-utils python3 python3-yaml openssl systemd
  dpkg-dev appstream desktop-file-utils shared-mime-info libglib2.0-bin librsvg2-bin man-db binutils
  tesseract-ocr-fra tesseract-ocr-chi-sim fonts-noto-cjk qt6-translations-l10n xdotool
  clang-format clazy
)

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== Installing ${#missing[@]} Debian package(s): ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q "${missing[@]}"
  fi
}

build() {
  local preset=$1
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$(nproc)"
}

case "${1:-}" in
  deps) deps ;;
  build) deps; build release ;;
  run)
    deps
    build release
    project=${INCIDOC_PROJECT:-sample.incidoc}
    echo "== Importing the bundled sample incident report into $project"
    ./build/release/bin/incidoc-cli import -p "$project" resources/samples/incident-report.pdf
    ./build/release/bin/incidoc-cli status -p "$project"
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      echo "== Starting Incidoc on $project"
      exec ./build/release/bin/incidoc "$project"
    else
      echo "== No display: start the app with  ./build/release/bin/incidoc $project"
      echo "   (or without a desktop: xvfb-run -a ./build/release/bin/incidoc $project)"
    fi
    ;;
  package)
    deps
    build release
    rm -rf build/release/packages
    cpack --config build/release/CPackConfig.cmake -B build/release/packages
    echo "== Debian packages (install: apt-get install ./build/release/packages/*.deb; see packaging/debian/README.md)"
    ls -1 "$PWD"/build/release/packages/*.deb
    ;;
  test)
    deps
    build dev
    ctest --preset dev -j 2 --timeout 1200
    ;;
  *)
    echo "usage: bash packaging/build.sh run|test|deps|build|package" >&2
    exit 1
    ;;
esac
