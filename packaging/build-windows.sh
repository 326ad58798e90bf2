#!/usr/bin/env bash
# Builds the Windows program on Linux and packs it for planners:
#   dist/ProyeksiBidan-VERSION-x86_64-setup.exe     the installer (NSIS)
#   dist/ProyeksiBidan-VERSION-x86_64-portable.zip  the program without installing
# Installs what it needs (mingw-w64, NSIS, zip; the Rust standard library for
# Windows from rustup, or from Debian's rust-web packages where the rustup
# target cannot be added). Run as root on Debian 12: bash packaging/build-windows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
target=x86_64-pc-windows-gnu
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export CARGO_TERM_COLOR=never
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
dist="$root/dist"
started=$(date +%s)

echo "== system packages (mingw-w64, NSIS, zip)"
need=()
for p in gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis zip; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "== the Rust standard library for $target"
build=(cargo build --release --locked --target "$target")
if rustup target list --installed 2>/dev/null | grep -qx "$target" \
    || rustup target add "$target" >/dev/null 2>&1; then
    echo "   from rustup"
else
    # Debian's rustc-web with its library source: the standard library is
    # compiled along with the program (-Zbuild-std), slower but offline of rustup.
    echo "   rustup cannot add it: Debian's rustc-web with -Zbuild-std"
    deb="${PROYEKSI_BIDAN_DEBIAN_RUST:-$HOME/.cache/proyeksi-bidan/debian-rust}"
    if [ ! -x "$deb/usr/bin/rustc" ]; then
        mkdir -p "$deb/debs"
        (
            cd "$deb/debs"
            apt-get update -qq
            ver="$(apt-cache policy rustc-web | sed -n 's/^ *Candidate: //p')"
            apt-get download -qq "rustc-web=$ver" "cargo-web=$ver" "rust-web-src=$ver" \
                "libstd-rust-web-dev=$ver" "libstd-rust-web-${ver%%+*}=$ver" 2>/dev/null \
                || apt-get download -qq "rustc-web=$ver" "cargo-web=$ver" "rust-web-src=$ver" \
                    "libstd-rust-web-dev=$ver" "libstd-rust-web-$(echo "$ver" | cut -d. -f1,2)=$ver"
            for f in *.deb; do dpkg -x "$f" "$deb"; done
        )
    fi
    export PATH="$deb/usr/bin:$PATH"
    export LD_LIBRARY_PATH="$deb/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    export RUSTC="$deb/usr/bin/rustc" RUSTC_BOOTSTRAP=1
    build=("$deb/usr/bin/cargo" build --release --locked --target "$target" -Zbuild-std=std,panic_abort)
fi

echo "== cross-build (release) with the program's icon and version information"
"${build[@]}"
exe="$CARGO_TARGET_DIR/$target/release/proyeksi-bidan.exe"

echo "== packing into $dist"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$dist"
x86_64-w64-mingw32-strip -o "$stage/proyeksi-bidan.exe" "$exe"
cp assets/contoh-indonesia-2017-2020.bidan "$stage/"
# Notepad on older Windows wants CRLF line ends.
sed 's/$/\r/' packaging/windows/BACA-SAYA.txt >"$stage/BACA-SAYA.txt"

setup="$dist/ProyeksiBidan-$version-x86_64-setup.exe"
makensis -V2 -INPUTCHARSET UTF8 \
    "-DVERSION=$version" \
    "-DEXE=$stage/proyeksi-bidan.exe" \
    "-DEXAMPLE=$stage/contoh-indonesia-2017-2020.bidan" \
    "-DREADME=$stage/BACA-SAYA.txt" \
    "-DICON=$root/packaging/windows/proyeksi-bidan.ico" \
    "-DOUTFILE=$setup" \
    packaging/windows/proyeksi-bidan.nsi

zipfile="$dist/ProyeksiBidan-$version-x86_64-portable.zip"
folder="ProyeksiBidan-$version"
mkdir -p "$stage/$folder"
cp "$stage/proyeksi-bidan.exe" "$stage/contoh-indonesia-2017-2020.bidan" "$stage/BACA-SAYA.txt" "$stage/$folder/"
rm -f "$zipfile"
(cd "$stage" && zip -q -9 -r "$zipfile" "$folder")

echo "== done in $(($(date +%s) - started)) s"
ls -l "$setup" "$zipfile"
