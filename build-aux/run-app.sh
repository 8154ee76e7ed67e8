#!/usr/bin/env bash
# Builds Cocrea (installing what is missing with apt) and opens the demo process.
# Usage: build-aux/run-app.sh        (from any directory)
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/install-deps.sh

# Only what running needs: the app, its data, translations and help. The
# tests and benchmarks build with build-aux/run-tests.sh (in a directory of
# its own), and their tools are not installed here.
if [ ! -f build/meson-private/coredata.dat ]; then
  meson setup build -Dtests=false
fi
meson compile -C build

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run-app.sh: Cocrea is built (build/src/cocrea), but there is no display to show it on:" >&2
  echo "  neither DISPLAY nor WAYLAND_DISPLAY is set." >&2
  echo "  Run this from a desktop session, or try it on a virtual display (package xvfb):" >&2
  echo "    xvfb-run -a ./build-aux/run-app.sh" >&2
  exit 1
fi

COCREA_OPEN_DEMO=1 exec build/src/cocrea
