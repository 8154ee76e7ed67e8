#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, AddressSanitizer and UBSan) against
# the core and runs each one: about 60 s each by default, an hour each with
# --long, or SECONDS each when given.
#   build-aux/run-fuzz.sh [--long] [SECONDS]
# Seeds: fuzz/corpus-csv/, fuzz/corpus-open/; the growing corpora and any
# crash inputs stay in the build directory (_build-fuzz/corpus-*,
# _build-fuzz/crash-*). A crash input belongs in tests/regressions/ (as
# NAME.csv or NAME.cocrea), where test-hostile replays it, once fixed.
# With COCREA_FUZZ_RESULTS=FILE, one JSON line per harness is appended to
# FILE in the format of meson's testlog.json (run-tests.sh counts them).
# Exits non-zero when a harness found a crash or could not be built.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
for arg in "$@"; do
  case "$arg" in
    --long) seconds=3600 ;;
    *[!0-9]*) echo "usage: $0 [--long] [SECONDS]" >&2; exit 2 ;;
    *) seconds=$arg ;;
  esac
done

builddir="${COCREA_FUZZ_BUILDDIR:-_build-fuzz}"
results="${COCREA_FUZZ_RESULTS:-}"
harnesses=(csv-import open)

record () { # NAME RESULT SECONDS
  [ -n "$results" ] || return 0
  printf '{"name": "cocrea:fuzz / fuzz-%s", "result": "%s", "duration": %s}\n' "$1" "$2" "$3" >>"$results"
}

fail_all () {
  echo "run-fuzz.sh: $1" >&2
  for h in "${harnesses[@]}"; do record "$h" FAIL 0; done
  exit 1
}

# The core library, instrumented for coverage (fuzzer-no-link) and the
# sanitizers; only its target is built, not the GUI.
if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link >"$builddir.setup.log" 2>&1 ||
    { cat "$builddir.setup.log" >&2; fail_all "meson setup failed"; }
  rm -f "$builddir.setup.log"
fi
meson compile -C "$builddir" cocrea-core >/dev/null || fail_all "the core did not build"

deps=$(pkg-config --cflags --libs glib-2.0 gio-2.0 gobject-2.0 sqlite3 json-glib-1.0 cairo fontconfig \
  harfbuzz harfbuzz-subset fribidi zlib libqrencode libarchive)
for h in "${harnesses[@]}"; do
  clang -g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
    $(for d in src/core/*/; do printf -- "-I%s " "$d"; done) "fuzz/fuzz-$h.c" "$builddir/src/libcocrea-core.a" \
    $deps -lcsv -lstemmer -lm -o "$builddir/fuzz-$h" ||
    fail_all "fuzz-$h did not build"
done

corpus_of () { case "$1" in csv-import) echo fuzz/corpus-csv ;; open) echo fuzz/corpus-open ;; esac; }
max_len_of () { case "$1" in csv-import) echo 16384 ;; open) echo 65536 ;; esac; }

status=0
for h in "${harnesses[@]}"; do
  work="$builddir/corpus-$h"
  mkdir -p "$work" "$builddir/crash-$h"
  start=$(date +%s)
  log="$builddir/fuzz-$h.log"
  rc=0
  # detect_leaks: a leak in a harness run is a finding too.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=$PWD/build-aux/lsan.supp \
    "$builddir/fuzz-$h" -max_total_time="$seconds" -max_len="$(max_len_of "$h")" \
    -print_final_stats=1 -artifact_prefix="$builddir/crash-$h/" \
    "$work" "$(corpus_of "$h")" >"$log" 2>&1 || rc=$?
  took=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$rc" -eq 0 ]; then
    echo "fuzz-$h: ok, ${execs:-?} executions in ${took} s, corpus $(ls "$work" | wc -l) inputs"
    record "$h" OK "$took"
  else
    echo "fuzz-$h: FAILED (exit $rc) after ${execs:-?} executions; see $log and $builddir/crash-$h/" >&2
    grep -E "ERROR: |SUMMARY: |runtime error" "$log" | head -5 >&2 || true
    record "$h" FAIL "$took"
    status=1
  fi
done
exit $status
