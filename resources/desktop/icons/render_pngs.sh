#!/usr/bin/env bash
# Renders the committed PNG sizes of the application icon from incidoc.svg (Debian: librsvg2-bin).
# Run after changing the SVG; tests/packaging/deb_package_test.sh fails when a PNG no longer matches it.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256; do
    mkdir -p "${size}x${size}"
    rsvg-convert -w "$size" -h "$size" incidoc.svg -o "${size}x${size}/incidoc.png"
done
