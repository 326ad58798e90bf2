#!/usr/bin/env bash
# Redraws the program's icon at the sizes desktops look for (16 to 512 px)
# from assets/icon/proyeksi-bidan.svg, into assets/icon/hicolor/. The PNGs
# are kept in the repository, so packaging needs no image tools; run this
# only after changing the SVG. Needs ImageMagick (`convert`).
set -euo pipefail
cd "$(dirname "$0")/../.."
for n in 16 24 32 48 64 128 256 512; do
    convert -background none -density 600 assets/icon/proyeksi-bidan.svg \
        -resize "${n}x${n}" -depth 8 -strip "PNG32:assets/icon/hicolor/${n}x${n}.png"
done
ls -l assets/icon/hicolor
