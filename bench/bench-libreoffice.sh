#!/usr/bin/env bash
# bench-libreoffice.sh — the plan PDF beside LibreOffice printing the same rows
#
# Cocrea writes the whole draft plan, with the annex of all 100,000
# contributions, from the national process; LibreOffice Calc converts the
# CSV of those same contributions (Cocrea's own export) to PDF. Both are
# timed the same way (wall clock and CPU time of the program and its
# children) and the ratio is printed. Where LibreOffice is not installed
# the script says so and exits 0: it is a measurement, never a CI
# dependency.
#
# Usage: bench/bench-libreoffice.sh [BUILDDIR] [DIR]
#   BUILDDIR  a release build (default build-rel): its src/cocrea and
#             bench/bench-open are used
#   DIR       holds nacional.cocrea and nacional.csv from
#             `bench-open --keep DIR`; made when missing (default
#             /tmp/cocrea-bench)
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

builddir=${1:-build-rel}
dir=${2:-/tmp/cocrea-bench}

soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
  echo "LibreOffice is not installed (soffice not found): nothing to compare, skipping."
  exit 0
fi
for tool in pdfinfo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (poppler-utils, time)"; exit 1; }
done

cocrea="$builddir/src/cocrea"
[ -x "$cocrea" ] || { echo "no $cocrea: build first (meson compile -C $builddir)"; exit 1; }
mkdir -p "$dir"
if [ ! -f "$dir/nacional.cocrea" ] || [ ! -f "$dir/nacional.csv" ]; then
  echo "Generating the national process and its CSV in $dir (bench-open --keep)..."
  "$builddir/bench/bench-open" --keep "$dir" --runs 1 >/dev/null
fi

out=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$out" "$profile"' EXIT

# Runs a command under /usr/bin/time; prints "WALL CPU" in seconds.
measure () {
  local stats="$out/time.txt"
  /usr/bin/time -o "$stats" -f "%e %U %S" "$@" >/dev/null 2>"$out/stderr.txt" ||
    { cat "$out/stderr.txt" >&2; return 1; }
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$stats"
}

pages () { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

rows=$(($(wc -l < "$dir/nacional.csv") - 1))
echo "Rows: $rows contributions ($dir/nacional.csv)"

# LibreOffice starts a fresh profile slowly the first time: a warm-up
# conversion of a two-line file, not timed, with the same profile.
printf 'a,b\n1,2\n' > "$out/warmup.csv"
"$soffice" -env:UserInstallation="file://$profile" --headless --convert-to pdf \
  --outdir "$out" "$out/warmup.csv" >/dev/null 2>&1 || true

read -r lo_wall lo_cpu < <(measure "$soffice" -env:UserInstallation="file://$profile" --headless \
  --infilter="CSV:44,34,76,1" --convert-to pdf:calc_pdf_Export --outdir "$out" "$dir/nacional.csv")
read -r co_wall co_cpu < <(measure "$cocrea" export "$dir/nacional.cocrea" --pdf "$out/plan.pdf")

printf '%-34s %8s %8s %7s\n' "" "wall s" "CPU s" "pages"
printf '%-34s %8s %8s %7s\n' "LibreOffice Calc, CSV to PDF" "$lo_wall" "$lo_cpu" "$(pages "$out/nacional.pdf")"
printf '%-34s %8s %8s %7s\n' "Cocrea, plan with the same annex" "$co_wall" "$co_cpu" "$(pages "$out/plan.pdf")"
awk -v lw="$lo_wall" -v cw="$co_wall" -v lc="$lo_cpu" -v cc="$co_cpu" 'BEGIN {
  printf "Cocrea is %.1f× faster (wall clock), %.1f× (CPU time); the target is 12×.\n", lw / cw, lc / cc }'
