#!/usr/bin/env bash
# Checks the Linux packages made by build-linux.sh, as a fresh machine would
# meet them (run by .ci/run on CI's own build):
# - the .deb unpacked into an empty root (`dpkg -x`): its files, the menu
#   entry naming an icon that exists, the .bidan file type, its control data;
# - every library the program is linked against resolves, and is owned by a
#   package the .deb depends on (`ldd`, `dpkg -S`); every package it names is
#   a real Debian package;
# - the unpacked program answers `--version` and `--help` without a display,
#   and `compute` on the packaged example gives the numbers of the program it
#   was made from, with the paper's published figure for 2017;
# - the same from the unpacked tarball.
#   packaging/test-linux.sh REFERENCE_PROGRAM
set -euo pipefail
cd "$(dirname "$0")/.."
reference="${1:?usage: $0 REFERENCE_PROGRAM}"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
deb="dist/proyeksi-bidan_${version}_amd64.deb"
tarball="dist/ProyeksiBidan-${version}-x86_64-linux.tar.gz"

# The Debian package that owns a library file (merged /usr: a file may be
# registered under /lib or /usr/lib).
owner() {
    local f
    for f in "$1" "${1#/usr}" "/usr$1" "$(readlink -f "$1")" "$(readlink -f "$1" | sed 's|^/usr||')"; do
        dpkg -S "$f" 2>/dev/null | head -1 | cut -d: -f1 && return 0
    done
    return 1
}

checks=0
fail() { echo "FAILED: $*" >&2; exit 1; }
ok() { checks=$((checks + 1)); echo "ok: $*"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
mkdir -p "$root"
dpkg -x "$deb" "$root"
ok "unpacked $deb into an empty root"

for f in usr/bin/proyeksi-bidan usr/share/applications/proyeksi-bidan.desktop \
    usr/share/mime/packages/proyeksi-bidan.xml \
    usr/share/icons/hicolor/scalable/apps/proyeksi-bidan.svg \
    usr/share/proyeksi-bidan/contoh-indonesia-2017-2020.bidan \
    usr/share/doc/proyeksi-bidan/copyright; do
    [ -s "$root/$f" ] || fail "missing $f"
done
for n in 16 24 32 48 64 128 256 512; do
    png="$root/usr/share/icons/hicolor/${n}x${n}/apps/proyeksi-bidan.png"
    file "$png" | grep -q "PNG image data, $n x $n" || fail "icon $n px: $(file "$png")"
done
ok "program, menu entry, file type, example and icons 16-512 px and SVG are in place"

desktop="$root/usr/share/applications/proyeksi-bidan.desktop"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[ -n "$icon" ] || fail "the menu entry names no icon"
[ -e "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "icon $icon is not installed"
exec_bin="$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")"
[ -x "$root/usr/bin/$exec_bin" ] || fail "Exec=$exec_bin is not an installed program"
mime="$(sed -n 's/^MimeType=\(.*\);$/\1/p' "$desktop")"
grep -q "type=\"$mime\"" "$root/usr/share/mime/packages/proyeksi-bidan.xml" || fail "MimeType $mime not defined"
grep -q '<glob pattern="\*.bidan"/>' "$root/usr/share/mime/packages/proyeksi-bidan.xml" || fail "no *.bidan glob"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi
ok "menu entry: Icon=$icon exists, Exec=$exec_bin, MimeType=$mime with the *.bidan pattern"

control="$(dpkg-deb -f "$deb")"
echo "$control" | grep -q "^Version: $version$" || fail "control version"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
ok "control data: version $version"

# Libraries: each linked one resolves and belongs to a package named in Depends.
dep_names=" $(echo "$depends" | sed 's/([^)]*)//g; s/|/,/g; s/,/ /g') "
while read -r line; do
    case "$line" in *"not found"*) fail "library not found: $line" ;; esac
done < <(ldd "$root/usr/bin/proyeksi-bidan")
linked=0
while read -r lib; do
    pkg="$(owner "$lib")" || fail "no package owns $lib"
    case "$dep_names" in *" $pkg "*) ;; *) fail "$lib belongs to $pkg, which Depends does not name" ;; esac
    linked=$((linked + 1))
done < <(ldd "$root/usr/bin/proyeksi-bidan" | awk '/=> \//{print $3}')
for pkg in $dep_names; do
    apt-cache show "$pkg" >/dev/null 2>&1 || dpkg -s "$pkg" >/dev/null 2>&1 || fail "Depends names $pkg, which is not a Debian package"
done
ok "$linked linked libraries resolve and each belongs to a package in Depends; every dependency is a real package"

run_from() {
    local bin="$1" label="$2"
    local out
    out="$(env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --version)" || fail "$label --version failed"
    [ "$out" = "proyeksi-bidan $version" ] || fail "$label --version: $out"
    out="$(env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --help)" || fail "$label --help failed"
    case "$out" in *compute*) ;; *) fail "$label --help lacks the commands" ;; esac
    local example="$3"
    env -u DISPLAY -u WAYLAND_DISPLAY "$bin" compute --scenario "$example" --rounding published --format json > "$work/$label.json"
    "$reference" compute --scenario "$example" --rounding published --format json > "$work/reference.json"
    cmp -s "$work/$label.json" "$work/reference.json" || fail "$label: compute differs from the reference program"
    # The paper's published 2017 figure of pregnant women: 5.329.480.
    grep -q '"pregnant_women": 5329480.0,' "$work/$label.json" || fail "$label: compute lacks the paper's 2017 figure 5329480"
    ok "$label: --version, --help without a display; compute equals the reference program (2017: 5329480 pregnant women)"
}
run_from "$root/usr/bin/proyeksi-bidan" deb "$root/usr/share/proyeksi-bidan/contoh-indonesia-2017-2020.bidan"

mkdir -p "$work/tar"
tar -C "$work/tar" -xzf "$tarball"
tdir="$work/tar/ProyeksiBidan-${version}-x86_64-linux"
for f in proyeksi-bidan contoh-indonesia-2017-2020.bidan BACA-SAYA.txt proyeksi-bidan.desktop icons/proyeksi-bidan.svg; do
    [ -e "$tdir/$f" ] || fail "tarball lacks $f"
done
run_from "$tdir/proyeksi-bidan" tarball "$tdir/contoh-indonesia-2017-2020.bidan"

echo "linux packages: $checks checks passed"
