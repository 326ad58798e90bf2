#!/usr/bin/env bash
# Tests the Windows installer made by packaging/build-windows.sh under Wine
# inside Xvfb, in a private Wine prefix that is removed at the end:
#   silent install (/S) for all users, Start-menu shortcut and uninstall entry;
#   the .bidan file association in the registry, and a .bidan file opened
#   through it (as a double-click does) in a window titled with its name;
#   `compute --format json` on the bundled example compared number by number
#   with the Linux build's output;
#   the window's --screenshot checked as the Linux CI checks it;
#   the command line and the window on a path with spaces and non-ASCII letters;
#   silent uninstall leaving no file, shortcut or registry key behind;
#   the same install and uninstall for the current user only (/CurrentUser).
# Slow (Wine's start, a cold Linux build): a separate command, not part of .ci/run.
#   bash packaging/test-windows.sh          (builds the installer first if missing)
# Wine 8 lacks bcryptprimitives.dll; a stand-in (packaging/windows/test/) is
# built and copied into the private prefix only, never into the installer.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export CARGO_TERM_COLOR=never
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
setup="$root/dist/ProyeksiBidan-$version-x86_64-setup.exe"
t0=$(date +%s.%N)

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "   ok: $*"; }
bad() { failed=$((failed + 1)); echo "   FAILED: $*"; }
check() { # check "what" command...
    local what="$1"
    shift
    if "$@"; then ok "$what"; else bad "$what"; fi
}
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$(date +%s.%N)"; }

echo "== system packages (Wine 64-bit, Xvfb, mingw-w64, xdotool, python3)"
need=()
for p in wine wine64 xvfb xauth gcc-mingw-w64-x86-64 xdotool python3 libgl1-mesa-dri; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -f "$setup" ]; then
    echo "== no installer yet: packaging/build-windows.sh"
    bash packaging/build-windows.sh
fi
echo "== installer: $setup ($(stat -c %s "$setup") bytes)"

echo "== the Linux build, for its numbers and the picture check"
# LINUX_BIN and CHECK_PNG may name an existing Linux build of the program and
# of examples/check_png.rs; otherwise they are built here (debug, as CI does).
if [ -n "${LINUX_BIN:-}" ] && [ -n "${CHECK_PNG:-}" ]; then
    linux="$LINUX_BIN"
    check_png="$CHECK_PNG"
else
    cargo build --bin proyeksi-bidan --example check_png
    linux="$CARGO_TARGET_DIR/debug/proyeksi-bidan"
    check_png="$CARGO_TARGET_DIR/debug/examples/check_png"
fi

work="$(mktemp -d)"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64
xvfb_pid=""
cleanup() {
    wineserver -k >/dev/null 2>&1 || true
    if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== a private Wine prefix"
t=$(date +%s.%N)
wineboot --init >/dev/null 2>&1
wineserver -w
echo "   made in $(elapsed "$t") s"
drive_c="$WINEPREFIX/drive_c"
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" \
    packaging/windows/test/bcryptprimitives.c -ladvapi32
cp "$work/bcryptprimitives.dll" "$drive_c/windows/system32/"

display=""
for n in $(seq 90 120); do
    if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY="$display"
sleep 1

app_dir="$drive_c/Program Files/Proyeksi Bidan"
app_win='C:\Program Files\Proyeksi Bidan'
exe_win="$app_win\\proyeksi-bidan.exe"
example_win="$app_win\\contoh-indonesia-2017-2020.bidan"
shortcut="$drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Proyeksi Bidan.lnk"

reg_value() { # reg_value KEY [VALUE]: the data of a value (the default one without VALUE)
    local out
    if [ $# -gt 1 ]; then out="$(wine reg query "$1" /v "$2" 2>/dev/null)" || return 1
    else out="$(wine reg query "$1" /ve 2>/dev/null)" || return 1; fi
    printf '%s\n' "$out" | tr -d '\r' | sed -n 's/^ *[^ ].*REG_[A-Z_]* *//p' | head -n 1
}
reg_absent() { ! wine reg query "$1" >/dev/null 2>&1; }

echo "== silent install for all users (/S)"
t=$(date +%s.%N)
wine "$setup" /S
wineserver -w
echo "   installed in $(elapsed "$t") s"
check "program installed in Program Files" test -f "$app_dir/proyeksi-bidan.exe"
check "example and BACA-SAYA.txt installed" test -f "$app_dir/contoh-indonesia-2017-2020.bidan" -a -f "$app_dir/BACA-SAYA.txt"
check "uninstaller installed" test -f "$app_dir/uninstall.exe"
check "Start-menu shortcut" test -f "$shortcut"
check "no bcryptprimitives.dll shipped" test ! -e "$app_dir/bcryptprimitives.dll"
echo "   installed program: $(stat -c %s "$app_dir/proyeksi-bidan.exe") bytes"

echo "== registry: .bidan association and uninstall entry"
progid="$(reg_value 'HKCR\.bidan' || true)"
check ".bidan -> ProyeksiBidan.Skenario (got '$progid')" test "$progid" = "ProyeksiBidan.Skenario"
cmd="$(reg_value 'HKCR\ProyeksiBidan.Skenario\shell\open\command' || true)"
check "open command passes the file (got '$cmd')" test "$cmd" = "\"$exe_win\" \"%1\""
icon="$(reg_value 'HKCR\ProyeksiBidan.Skenario\DefaultIcon' || true)"
check "file icon from the program (got '$icon')" test "$icon" = "\"$exe_win\",0"
uninst="$(reg_value 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\ProyeksiBidan' DisplayVersion || true)"
check "uninstall entry with version $version (got '$uninst')" test "$uninst" = "$version"

echo "== command line: compute --format json, Windows against Linux"
numbers_equal() { # numbers_equal A.json B.json: same structure, every number equal
    python3 - "$1" "$2" <<'PY'
import json, math, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
count = 0
def same(x, y, at):
    global count
    if isinstance(x, bool) or isinstance(y, bool) or not isinstance(x, (int, float)):
        if isinstance(x, dict) and isinstance(y, dict):
            if x.keys() != y.keys():
                sys.exit(f"{at}: keys differ")
            for k in x:
                same(x[k], y[k], f"{at}.{k}")
        elif isinstance(x, list) and isinstance(y, list):
            if len(x) != len(y):
                sys.exit(f"{at}: {len(x)} against {len(y)} items")
            for i, (p, q) in enumerate(zip(x, y)):
                same(p, q, f"{at}[{i}]")
        elif x != y:
            sys.exit(f"{at}: {x!r} against {y!r}")
        return
    if not isinstance(y, (int, float)) or isinstance(y, bool):
        sys.exit(f"{at}: {x!r} against {y!r}")
    count += 1
    if not (x == y or math.isclose(x, y, rel_tol=1e-12, abs_tol=1e-12)):
        sys.exit(f"{at}: {x!r} against {y!r}")
same(a, b, "$")
if count == 0:
    sys.exit("no numbers compared")
print(f"   {count} numbers equal")
PY
}
"$linux" compute --format json --scenario assets/contoh-indonesia-2017-2020.bidan >"$work/linux.json"
t=$(date +%s.%N)
wine "$exe_win" compute --format json --scenario "$example_win" >"$work/windows.json"
echo "   Windows compute took $(elapsed "$t") s (with Wine's start)"
check "compute --format json: the same numbers as Linux" numbers_equal "$work/linux.json" "$work/windows.json"
wine "$exe_win" --version >"$work/version.txt" 2>&1 || true
check "icon and version information in the .exe" sh -c "x86_64-w64-mingw32-objdump -h '$app_dir/proyeksi-bidan.exe' | grep -q '\\.rsrc' && strings -el '$app_dir/proyeksi-bidan.exe' | grep -qx '$version'"
check "--version prints $version ($(tr -d '\r' <"$work/version.txt"))" grep -q "$version" "$work/version.txt"

echo "== window: --screenshot of the example"
t=$(date +%s.%N)
timeout 120 wine "$exe_win" --screenshot 'C:\shot-example.png' "$example_win" >"$work/shot.log" 2>&1 || true
echo "   screenshot run took $(elapsed "$t") s; $(tr -d '\r' <"$work/shot.log" | grep -i -E 'frame|renderer' | head -n 3 | tr '\n' ' ')"
check "screenshot of the example passes check_png" "$check_png" "$drive_c/shot-example.png" 1280 800

echo "== window: the other renderer, wgpu (Vulkan through Wine)"
timeout 120 env WGPU_BACKEND=vulkan wine "$exe_win" --renderer wgpu --screenshot 'C:\shot-wgpu.png' >/dev/null 2>&1 || true
check "--renderer wgpu draws the window (check_png)" "$check_png" "$drive_c/shot-wgpu.png" 1280 800

echo "== a path with spaces and non-ASCII letters"
docs="$drive_c/users/Bidan Desa/Dokumen"
mkdir -p "$docs"
name='Proyeksi Ibu Hamil – Kab. Cianjur.bidan'
odd_win="C:\\Users\\Bidan Desa\\Dokumen\\$name"
wine "$exe_win" example --out "$odd_win" >/dev/null 2>&1 || true
check "example --out writes '$name'" test -f "$docs/$name"
wine "$exe_win" compute --format json --scenario "$odd_win" >"$work/odd.json" 2>"$work/odd.err" || true
check "compute on that path: the same numbers as Linux" numbers_equal "$work/linux.json" "$work/odd.json"
timeout 120 wine "$exe_win" --screenshot 'C:\Users\Bidan Desa\Dokumen\layar – Cianjur.png' "$odd_win" >/dev/null 2>&1 || true
check "window opens that file (screenshot passes check_png)" "$check_png" "$docs/layar – Cianjur.png" 1280 800

check "settings kept in %APPDATA%\\ProyeksiBidan" test -f "$drive_c/users/$(id -un)/AppData/Roaming/ProyeksiBidan/data/app.ron"

echo "== a double-click: the file opened through its association"
t=$(date +%s.%N)
wine start "$odd_win" >/dev/null 2>&1 &
start_pid=$!
found=""
for _ in $(seq 1 60); do
    found="$(xdotool search --name 'Cianjur' 2>/dev/null | head -n 1 || true)"
    [ -n "$found" ] && break
    sleep 0.5
done
if [ -n "$found" ]; then
    echo "   window '$(xdotool getwindowname "$found")' after $(elapsed "$t") s"
fi
check "double-clicked .bidan opens in a window titled with its name" test -n "$found"
# Close it: the window program of this private prefix only.
wineserver -k >/dev/null 2>&1 || true
wait "$start_pid" 2>/dev/null || true
wineserver -w

echo "== silent uninstall (/S)"
t=$(date +%s.%N)
wine "$app_win\\uninstall.exe" /S
# The uninstaller copies itself away and finishes in the background.
for _ in $(seq 1 60); do
    [ -e "$app_dir" ] || break
    sleep 0.5
done
wineserver -w
echo "   uninstalled in $(elapsed "$t") s"
check "program folder removed" test ! -e "$app_dir"
check "Start-menu shortcut removed" test ! -e "$shortcut"
check "HKCR\\.bidan removed" reg_absent 'HKCR\.bidan'
check "HKCR\\ProyeksiBidan.Skenario removed" reg_absent 'HKCR\ProyeksiBidan.Skenario'
check "uninstall entry removed" reg_absent 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\ProyeksiBidan'
check "HKLM\\Software\\ProyeksiBidan removed" reg_absent 'HKLM\Software\ProyeksiBidan'
check "the planner's own file kept" test -f "$docs/$name"

echo "== per-user install and uninstall (/CurrentUser /S)"
user_dir="$drive_c/users/$(id -un)/AppData/Local/Programs/Proyeksi Bidan"
wine "$setup" /CurrentUser /S
wineserver -w
user_shortcut="$drive_c/users/$(id -un)/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Proyeksi Bidan.lnk"
check "per-user program in AppData\\Local\\Programs" test -f "$user_dir/proyeksi-bidan.exe"
check "per-user Start-menu shortcut" test -f "$user_shortcut"
progid="$(reg_value 'HKCU\Software\Classes\.bidan' || true)"
check "per-user .bidan association in HKCU (got '$progid')" test "$progid" = "ProyeksiBidan.Skenario"
check "no per-machine association then" reg_absent 'HKLM\Software\Classes\.bidan'
user_win="$(winepath -w "$user_dir/uninstall.exe" 2>/dev/null | tr -d '\r')"
wine "$user_win" /S
for _ in $(seq 1 60); do
    [ -e "$user_dir" ] || break
    sleep 0.5
done
wineserver -w
check "per-user uninstall removes the program" test ! -e "$user_dir"
check "per-user uninstall removes the association" reg_absent 'HKCU\Software\Classes\.bidan'
check "per-user uninstall removes the shortcut" test ! -e "$user_shortcut"
check "per-user uninstall removes HKCU\\Software\\ProyeksiBidan" reg_absent 'HKCU\Software\ProyeksiBidan'

echo "== Windows checks took $(elapsed "$t0") s"
echo "windows: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
