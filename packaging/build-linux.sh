#!/usr/bin/env bash
# Builds the Linux packages of Proyeksi Bidan:
#   dist/proyeksi-bidan_VERSION_amd64.deb            (Debian, Ubuntu, Mint)
#   dist/ProyeksiBidan-VERSION-x86_64-linux.tar.gz   (any distribution, no install)
#
#   packaging/build-linux.sh                  release build, stripped (the shipped packages)
#   packaging/build-linux.sh --binary PATH    packs an already built program instead
#                                             (CI packs its debug build to check the packaging)
#   --fast                                    gzip instead of xz (quicker, larger; for checks)
#
# The package's dependencies are worked out from the program itself: the
# libraries `ldd` shows it linked against, each mapped to its Debian package
# with `dpkg -S`, glibc with the newest symbol version the program uses; and
# the libraries the window opens at run time (OpenGL/EGL, Vulkan, X11 and
# Wayland client libraries), which `ldd` cannot see, named here.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir="$PWD"

binary=""
compression=xz
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary="$2"; shift 2 ;;
        --fast) compression=gzip; shift ;;
        *) echo "usage: $0 [--binary PATH] [--fast]" >&2; exit 2 ;;
    esac
done

version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
arch=amd64

if [ -z "$binary" ]; then
    export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/proyeksi-bidan/target-release}"
    cargo build --release --bin proyeksi-bidan
    binary="$CARGO_TARGET_DIR/release/proyeksi-bidan"
    strip_it=1
else
    strip_it=0
fi
[ -x "$binary" ] || { echo "no program at $binary" >&2; exit 1; }

mkdir -p dist
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- the installed tree (shared by the .deb and the tarball) ----------------
tree="$work/deb"
install -D -m 755 "$binary" "$tree/usr/bin/proyeksi-bidan"
if [ "$strip_it" = 1 ]; then strip "$tree/usr/bin/proyeksi-bidan"; fi
install -D -m 644 packaging/linux/proyeksi-bidan.desktop \
    "$tree/usr/share/applications/proyeksi-bidan.desktop"
install -D -m 644 packaging/linux/proyeksi-bidan.xml \
    "$tree/usr/share/mime/packages/proyeksi-bidan.xml"
for png in assets/icon/hicolor/*.png; do
    size="$(basename "$png" .png)"
    install -D -m 644 "$png" "$tree/usr/share/icons/hicolor/$size/apps/proyeksi-bidan.png"
done
install -D -m 644 assets/icon/proyeksi-bidan.svg \
    "$tree/usr/share/icons/hicolor/scalable/apps/proyeksi-bidan.svg"
install -D -m 644 assets/contoh-indonesia-2017-2020.bidan \
    "$tree/usr/share/proyeksi-bidan/contoh-indonesia-2017-2020.bidan"
doc="$tree/usr/share/doc/proyeksi-bidan"
install -D -m 644 packaging/linux/BACA-SAYA.txt "$doc/BACA-SAYA.txt"
{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: proyeksi-bidan"
    echo
    echo "Files: *"
    echo "License: MIT or Apache-2.0"
    echo
    echo "Files: usr/bin/proyeksi-bidan (embedded fonts)"
    echo "License: Bitstream Vera and DejaVu font licence"
    echo
    cat assets/fonts/LICENSE*.txt 2>/dev/null || true
} > "$doc/copyright"
chmod 644 "$doc/copyright"

# --- dependencies ------------------------------------------------------------
# The Debian package that owns a library file (merged /usr: a file may be
# registered under /lib or /usr/lib).
owner() {
    local f
    for f in "$1" "${1#/usr}" "/usr$1" "$(readlink -f "$1")" "$(readlink -f "$1" | sed 's|^/usr||')"; do
        dpkg -S "$f" 2>/dev/null | head -1 | cut -d: -f1 && return 0
    done
    return 1
}
glibc="$(objdump -T "$tree/usr/bin/proyeksi-bidan" | grep -o 'GLIBC_[0-9.]*' \
    | sed 's/GLIBC_//' | sort -V | tail -1)"
linked=()
while read -r lib; do
    [ -n "$lib" ] || continue
    pkg="$(owner "$lib")" || { echo "no Debian package owns $lib" >&2; exit 1; }
    linked+=("$pkg")
done < <(ldd "$tree/usr/bin/proyeksi-bidan" | awk '/=> \//{print $3}')
# Opened at run time by the window (winit, glutin, wgpu):
runtime=(libegl1 libgl1 libgl1-mesa-dri libvulkan1 libxkbcommon0 libxkbcommon-x11-0
    libx11-6 libx11-xcb1 libxcursor1 libxrandr2 libxi6 libwayland-client0)
depends="$(printf '%s\n' "${linked[@]}" "${runtime[@]}" | grep -v '^libc6$' | sort -u | paste -sd, - | sed 's/,/, /g')"
depends="libc6 (>= $glibc), $depends"

installed_size="$(du -sk "$tree/usr" | cut -f1)"
mkdir -p "$tree/DEBIAN"
cat > "$tree/DEBIAN/control" <<CONTROL
Package: proyeksi-bidan
Version: $version
Architecture: $arch
Maintainer: Proyeksi Bidan <proyeksi-bidan@localhost>
Installed-Size: $installed_size
Depends: $depends
Recommends: mesa-vulkan-drivers, xdg-desktop-portal-gtk | zenity
Section: science
Priority: optional
Homepage: https://github.com/proyeksi-bidan/proyeksi-bidan
Description: projection of midwife (bidan) needs for antenatal care
 Proyeksi Bidan works out how many midwives a puskesmas, district or
 province needs for antenatal care, now and for the years ahead, from
 population and birth data, with the working of every figure. In
 Indonesian and English; reads CSV and Excel files, saves scenarios
 (.bidan) and exports charts and tables.
CONTROL
deb="dist/proyeksi-bidan_${version}_${arch}.deb"
dpkg-deb --root-owner-group "-Z$compression" --build "$tree" "$deb" >/dev/null

# --- the tarball -------------------------------------------------------------
name="ProyeksiBidan-${version}-x86_64-linux"
tdir="$work/$name"
mkdir -p "$tdir/icons"
cp "$tree/usr/bin/proyeksi-bidan" "$tdir/"
cp assets/contoh-indonesia-2017-2020.bidan packaging/linux/BACA-SAYA.txt \
    packaging/linux/proyeksi-bidan.desktop packaging/linux/proyeksi-bidan.xml "$tdir/"
cp assets/icon/proyeksi-bidan.svg assets/icon/hicolor/256x256.png "$tdir/icons/"
tar -C "$work" -czf "dist/$name.tar.gz" "$name"

cd "$root_dir"
ls -l "$deb" "dist/$name.tar.gz"
echo "Depends: $depends"
