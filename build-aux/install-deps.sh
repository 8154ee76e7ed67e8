#!/usr/bin/env bash
# Installs the Debian 12 packages Cocrea needs to build, run and test.
# Skips apt entirely when everything is already present, so repeated runs are fast.
# Usage: build-aux/install-deps.sh [--test]
#        build-aux/install-deps.sh --list build|test   (print one set, install nothing)
# The build set is all that README command 1 (run-app.sh) installs: everything
# `meson setup -Dtests=false` and the build of the app, its data and its help
# need must be in it (tests/check-first-run.sh checks that in every test run).
# itstool merges the Spanish user guide; desktop-file-utils refreshes the
# launchers' MIME cache after `meson install`, without which a .cocrea file
# installed into /usr/local does not open with Cocrea on a double click.
set -euo pipefail

build_pkgs=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libcairo2-dev libjson-glib-dev
  libharfbuzz-dev libfribidi-dev zlib1g-dev libqrencode-dev libarchive-dev
  libcsv-dev libstemmer-dev
  itstool desktop-file-utils
  fonts-dejavu-core fonts-symbola fontconfig
)
test_pkgs=(
  xvfb xauth dbus dbus-x11 at-spi2-core python3-gi gir1.2-atspi-2.0 xdotool
  poppler-utils qpdf imagemagick appstream appstream-util zbar-tools
  fonts-dejavu-extra
  sqlite3 flatpak-builder libxml2-utils shared-mime-info libglib2.0-bin
  python3 gettext unzip
  clang libclang-rt-14-dev
  yelp-tools debhelper lintian
)

if [ "${1:-}" = "--list" ]; then
  case "${2:-}" in
    build) printf '%s\n' "${build_pkgs[@]}" ;;
    test) printf '%s\n' "${test_pkgs[@]}" ;;
    *) echo "usage: $0 --list build|test" >&2; exit 2 ;;
  esac
  exit 0
fi

pkgs=("${build_pkgs[@]}")
if [ "${1:-}" = "--test" ]; then
  pkgs+=("${test_pkgs[@]}")
fi

missing=()
for p in "${pkgs[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
