#!/usr/bin/env bash
# Installs what is missing (build and test packages), builds Cocrea in a fresh
# build directory and runs every test; the GUI tests run under Xvfb.
# Fails when any test fails and when any GUI test was skipped (a GUI test skips
# when it finds no display, which must never pass silently).
# The last line of output is always "N passed, N failed, N skipped".
# Usage: build-aux/run-tests.sh      (from any directory; CI runs it as root)
set -euo pipefail
cd "$(dirname "$0")/.."

builddir="${COCREA_TEST_BUILDDIR:-_build-tests}"

bash build-aux/install-deps.sh --test

rm -rf "$builddir"
if ! meson setup "$builddir" || ! meson compile -C "$builddir"; then
  echo "run-tests.sh: the build failed (counted as one failure)" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/runtime" "$tmp/cache" "$tmp/config" "$tmp/data"
chmod 700 "$tmp/runtime"

status=0
env GSK_RENDERER=cairo \
    GDK_DEBUG=gl-disable \
    GSETTINGS_BACKEND=memory \
    XDG_RUNTIME_DIR="$tmp/runtime" \
    XDG_CACHE_HOME="$tmp/cache" \
    XDG_CONFIG_HOME="$tmp/config" \
    XDG_DATA_HOME="$tmp/data" \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 </dev/null || status=$?

# The whole suite again under AddressSanitizer and UBSan (GUI tests too, in
# an Xvfb of their own); the only suppression is fontconfig's cache
# (build-aux/lsan.supp), plus, for the GUI tests, GLib's abandoned quark
# block (build-aux/lsan-gui.supp). Then the fuzzers, about 60 s each
# (build-aux/run-fuzz.sh; its --long mode is for hunting, not CI). Their
# results join the main test log, so the summary below counts them: the
# sanitized tests as "asan PROJECT:SUITE / NAME", each fuzzer as one test.
# test-crash makes 40 kills there (each sanitized session is ~10x slower);
# the plain run above makes its 200.
asandir="${COCREA_ASAN_BUILDDIR:-_build-asan}"
testlog="$builddir/meson-logs/testlog.json"
rm -rf "$asandir"
# asan_test LSAN_SUPPRESSIONS EXTRA_ASAN_OPTIONS MESON_TEST_ARGS...
asan_test () {
  local supp=$1 extra=$2; shift 2
  env GSK_RENDERER=cairo \
      GDK_DEBUG=gl-disable \
      GSETTINGS_BACKEND=memory \
      XDG_RUNTIME_DIR="$tmp/runtime" \
      XDG_CACHE_HOME="$tmp/cache" \
      XDG_CONFIG_HOME="$tmp/config" \
      XDG_DATA_HOME="$tmp/data" \
      ASAN_OPTIONS="detect_leaks=1:abort_on_error=1$extra" \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      LSAN_OPTIONS=suppressions="$PWD/build-aux/$supp" \
      COCREA_CRASH_KILLS=40 \
    xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- \
    meson test -C "$asandir" --print-errorlogs --num-processes 2 "$@" </dev/null || status=$?
  sed 's/"name": "/"name": "asan /' "$asandir/meson-logs/testlog.json" >>"$testlog" || status=1
}
if meson setup "$asandir" -Db_sanitize=address,undefined -Db_lundef=false >/dev/null &&
   meson compile -C "$asandir" >/dev/null; then
  # The first-run and package checks build with their own compilers and
  # settings: nothing of theirs runs sanitized, so they run once, above.
  asan_test lsan.supp "" --no-suite gui --no-suite firstrun --no-suite package \
    --timeout-multiplier 3
  # GUI tests: the full unwinder, so that lsan-gui.supp can name the one
  # GLib leak it needs (the fast one stops at g_malloc). ~10x slower; a
  # hang would end at the plain 300 s timeout.
  asan_test lsan-gui.supp ":fast_unwind_on_malloc=0" --suite gui --no-suite workflow
else
  echo "run-tests.sh: the sanitizer build failed (counted as one failure)" >&2
  echo '{"name": "asan build", "result": "FAIL"}' >>"$testlog"
  status=1
fi
COCREA_FUZZ_RESULTS="$testlog" bash build-aux/run-fuzz.sh 60 || status=$?

# Count the results from meson's JSON log (one object per line). Meson 1.0
# does not write a "suite" field, so the suites are also read from the test's
# name, "project:suite1+suite2 / test".
summary_status=0
/usr/bin/python3 - "$builddir/meson-logs/testlog.json" <<'PY' || summary_status=$?
import json, sys

path = sys.argv[1]
passed = failed = skipped = 0
gui_skipped = []
try:
    lines = open(path, encoding="utf-8").read().splitlines()
except OSError as e:
    print(f"run-tests.sh: no test log ({e})", file=sys.stderr)
    print("0 passed, 1 failed, 0 skipped")
    sys.exit(1)

for line in lines:
    if not line.strip():
        continue
    t = json.loads(line)
    name = t.get("name", "?")
    result = t.get("result", "?")
    suites = t.get("suite")
    if isinstance(suites, str):
        suites = [suites]
    if not suites:
        head = name.split(" / ", 1)[0] if " / " in name else ""
        suites = head.split(":", 1)[1].split("+") if ":" in head else []
    suites = [s.split(":")[-1] for s in suites]
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        if "gui" in suites:
            gui_skipped.append(name)
            failed += 1
        else:
            skipped += 1
    else:
        failed += 1

for name in gui_skipped:
    print(f"run-tests.sh: GUI test skipped, counted as failed (no display?): {name}",
          file=sys.stderr)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or not lines else 0)
PY

if [ "$status" -ne 0 ] || [ "$summary_status" -ne 0 ]; then
  exit 1
fi
