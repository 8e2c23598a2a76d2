#!/usr/bin/env bash
# Builds the .deb, extracts it with dpkg -x into a temporary root and checks what it holds.
set -euo pipefail
build_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log" >&2; fail "cpack could not build the .deb"; }
deb=$(ls "$work"/out/*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "cpack produced no .deb"
echo "built $(basename "$deb")"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# One package name a line, versions and alternatives dropped.
depends_names=$(tr ',|' '\n\n' <<<"$depends" | sed -E 's/\(.*\)//; s/^ +//; s/ +$//' | grep -v '^$')
for pkg in libqt6widgets6 libqscintilla2-qt6 qt6-qpa-plugins; do
  grep -q "^$pkg" <<<"$depends_names" || fail "Depends lacks $pkg"
done

root="$work/root"
dpkg -x "$deb" "$root"

# Every shared library the installed binaries link directly must come from a package in Depends.
for bin in "$root/usr/bin/manifold" "$root/usr/bin/manifold-cli"; do
  resolved=$(ldd "$bin")
  for needed in $(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    lib=$(awk -v n="$needed" '$1 == n && $3 ~ /^\// {print $3}' <<<"$resolved")
    [ -n "$lib" ] || fail "$(basename "$bin") needs $needed, which is not installed"
    owner=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -n 1 | cut -d: -f1) || true
    [ -n "$owner" ] || owner=$(dpkg -S "$lib" 2>/dev/null | head -n 1 | cut -d: -f1) || true
    [ -n "$owner" ] || continue
    grep -qxF "$owner" <<<"$depends_names" || fail "$(basename "$bin") loads $lib from $owner, which Depends lacks"
  done
done
for f in usr/bin/manifold usr/bin/manifold-cli \
         usr/share/applications/io.github.manifold_ide.Manifold.desktop \
         usr/share/metainfo/io.github.manifold_ide.Manifold.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.manifold_ide.Manifold.svg; do
  [ -e "$root/$f" ] || fail "the package does not install /$f"
done
[ -d "$root/usr/share/manifold/manifests" ] || fail "the package does not install the bundled catalog"

version=$("$root/usr/bin/manifold-cli" --version)
echo "installed manifold-cli --version: $version"
grep -q '^Manifold [0-9]' <<<"$version" || fail "unexpected version output: $version"
gui_version=$(env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/manifold" --version)
[ "$gui_version" = "$version" ] || fail "manifold --version says '$gui_version'"
echo "PASS"
