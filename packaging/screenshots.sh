#!/usr/bin/env bash
# Takes the README's pictures of the window again, with the program's own
# --screenshot under Xvfb (needs xvfb-run), into docs/screenshots/.
# Not run in CI: run it by hand after the window changes, and commit the
# pictures that changed.
#
#   packaging/screenshots.sh            # builds the program (debug) first
#   BIN=path/to/proyeksi-bidan packaging/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BIN:-}" ]; then
    cargo build --bin proyeksi-bidan
    BIN="${CARGO_TARGET_DIR:-target}/debug/proyeksi-bidan"
fi
out=docs/screenshots
mkdir -p "$out"

# A fresh data folder: no remembered language, zoom or window, and no
# autosaves offered.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

shot() {
    local name="$1"
    shift
    xvfb-run -a -s "-screen 0 1280x800x24" "$BIN" --screenshot "$out/$name.png" "$@"
    echo "$out/$name.png"
}

shot proyeksi-id --tab projection --lang id
shot perhitungan-id --tab working --lang id
shot panduan-id --show guide --lang id
shot guide-en --show guide --lang en
shot selamat-datang-id --show welcome --lang id
# Supply and ranking on a district's real data (Kab. Belitung Timur, with
# its supply assumptions), the supply tab with a target year.
district="$scratch/belitung-timur.bidan"
sed 's/        transfers: \[/        close_by: Some(2028),\n        transfers: [/' \
    tests/formats/v1/2026-12-03-belitung-timur-lengkap.bidan > "$district"
shot pasokan-id --tab supply --lang id "$district"
shot peringkat-id --tab ranking --lang id "$district"
# The map of the bundled province sample.
provinces="$scratch/provinsi.bidan"
"$BIN" example provinces --out "$provinces"
shot peta-id --tab map --lang id "$provinces"

# The first page of the bundled example's report (pdftoppm, from poppler-utils).
"$BIN" report --out "$scratch/laporan.pdf"
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$scratch/laporan.pdf" "$out/laporan-halaman-1"
echo "$out/laporan-halaman-1.png"

# Smaller files for the repository: 256 colours are plenty for the window
# (pngquant, `apt install pngquant`; the pictures stay as taken without it).
if command -v pngquant >/dev/null; then
    pngquant --force --skip-if-larger --ext .png --quality 80-100 "$out"/*.png || true
fi
ls -l "$out"
