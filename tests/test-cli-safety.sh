#!/usr/bin/env bash
# A second instance and the command line while a window edits the file:
# `cocrea copy` works beside a writer and its copies pass `cocrea check`;
# a command-line write waits briefly, then fails with a clear message and
# leaves the file alone; a lock (and a hot journal) left by a killed
# process is recognised and recovered. Prints TAP.
# Usage: test-cli-safety.sh CRASH_CHILD   (COCREA_BIN names the cocrea binary)
set -u

bin=${COCREA_BIN:?COCREA_BIN must point at the cocrea binary}
child=${1:?usage: test-cli-safety.sh CRASH_CHILD}
dir=$(mktemp -d)
pids=()
cleanup () {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  rm -rf "$dir"
}
trap cleanup EXIT
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done; }
check () { if eval "$2"; then ok "$1"; else not_ok "$1" "failed: $2"; fi; }

# expect STATUS DESCRIPTION -- COMMAND...: runs it, keeps stdout/stderr in $out/$err
expect () {
  local want=$1 what=$2; shift 3
  "$@" >"$dir/out" 2>"$dir/err"
  local got=$?
  out=$(cat "$dir/out"); err=$(cat "$dir/err")
  if [ "$got" = "$want" ]; then ok "$what"; else not_ok "$what" "exit $got, wanted $want" "stderr: $err"; fi
}

contains () {
  case "$2" in *"$3"*) ok "$1" ;; *) not_ok "$1" "missing: $3" "got: $2" ;; esac
}

# The process as data: every table but the full-text shadow tables, in a
# stable order (equal content, whatever the page layout).
content () {
  sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' ORDER BY name" |
    while read -r t; do echo "== $t"; sqlite3 "$1" "SELECT * FROM \"$t\" ORDER BY 1"; done | sha256sum
}

plan="$dir/plan.cocrea"
lock="$dir/.plan.cocrea.lock"
"$bin" demo "$plan" >/dev/null || { echo "Bail out! cocrea demo failed"; exit 1; }
{ echo "actividad;mesa;texto"; for i in $(seq 1 50); do echo "Taller extra;Mesa $((i % 4 + 1));Aporte $i: más bancas en la plaza"; done; } >"$dir/aportes.csv"

# A plain copy.
expect 0 "copy" -- "$bin" copy "$plan" "$dir/copia.cocrea"
expect 0 "the copy passes check" -- "$bin" check "$dir/copia.cocrea"
check "the copy holds the same process" '[ "$(content "$plan")" = "$(content "$dir/copia.cocrea")" ]'
before=$(sha256sum <"$dir/copia.cocrea")
expect 1 "copy over an existing file is refused" -- "$bin" copy "$plan" "$dir/copia.cocrea"
contains "the message says it exists" "$err" "already exists"
check "the existing copy is untouched" '[ "$(sha256sum <"$dir/copia.cocrea")" = "$before" ]'
expect 0 "copy --force replaces it" -- "$bin" copy "$plan" "$dir/copia.cocrea" --force
expect 1 "a copy cannot replace its source" -- "$bin" copy "$plan" "$plan" --force
expect 2 "copy without OUT is a usage error" -- "$bin" copy "$plan"
head -c 4096 /dev/urandom >"$dir/random.cocrea"
expect 1 "copy refuses a file that is not a process" -- "$bin" copy "$dir/random.cocrea" "$dir/r.cocrea"
check "no copy is left behind" '[ ! -e "$dir/r.cocrea" ]'

# Another program holds the lock (flock, as a window does).
printf 'otro-portatil\n4242\n' >"$lock"
flock -o "$lock" sleep 30 >/dev/null 2>&1 &
holder=$!; pids+=("$holder")
# Wait until the lock is really held (the machine may be busy).
for _ in $(seq 1 100); do flock -n -E 99 "$lock" true; [ $? -eq 99 ] && break; sleep 0.05; done
start=$(date +%s%N)
expect 0 "copy while another program holds the file" -- "$bin" copy "$plan" "$dir/copia2.cocrea"
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
check "the copy did not wait for the lock (${elapsed} ms)" '[ "$elapsed" -lt 2000 ]'
expect 0 "that copy passes check" -- "$bin" check "$dir/copia2.cocrea"
check "that copy holds the same process" '[ "$(content "$plan")" = "$(content "$dir/copia2.cocrea")" ]'
before=$(sha256sum <"$plan")
start=$(date +%s%N)
expect 1 "a write while the file is held fails" -- "$bin" import "$plan" --csv "$dir/aportes.csv"
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
contains "the message says the file is open elsewhere" "$err" "open in another Cocrea window"
contains "the message names the holder" "$err" "otro-portatil"
check "it waited briefly, then gave up (${elapsed} ms)" '[ "$elapsed" -ge 2500 ] && [ "$elapsed" -lt 5500 ]'
check "the held file is unchanged" '[ "$(sha256sum <"$plan")" = "$before" ]'
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null

# A real second instance: a program with the document open for writing.
"$child" hold "$plan" >"$dir/hold.out" 2>&1 &
holder=$!; pids+=("$holder")
for _ in $(seq 1 100); do grep -q ready "$dir/hold.out" 2>/dev/null && break; sleep 0.05; done
check "the holder opened the file" 'grep -q ready "$dir/hold.out"'
expect 1 "a write while a program edits the file fails" -- "$bin" import "$plan" --csv "$dir/aportes.csv"
contains "the message names the holder's process" "$err" "process $holder"
expect 0 "reading works beside it" -- "$bin" info "$plan"
expect 0 "copy works beside it" -- "$bin" copy "$plan" "$dir/copia3.cocrea"
expect 0 "that copy passes check" -- "$bin" check "$dir/copia3.cocrea"

# The holder is killed: its lock file stays, naming a dead process.
kill -9 "$holder"; wait "$holder" 2>/dev/null
check "the killed program left its lock file" '[ -e "$lock" ] && grep -qx "$holder" <(sed -n 2p "$lock")'
expect 0 "a write takes over the stale lock" -- "$bin" import "$plan" --csv "$dir/aportes.csv"
check "the lock is released after the write" '[ ! -e "$lock" ]'
check "the import is there" '[ "$(sqlite3 "$plan" "SELECT count(*) FROM contribution WHERE text LIKE '"'"'Aporte %'"'"'")" = 50 ]'
expect 0 "the file is healthy" -- "$bin" check "$plan"

# Copies taken while another program writes, edit after edit.
for i in $(seq 1 20); do cp "$dir/aportes.csv" "$dir/lote-$i.csv"; done
( for i in $(seq 1 20); do "$bin" import "$plan" --csv "$dir/lote-$i.csv" >/dev/null 2>&1 || echo "import $i failed"; done ) >"$dir/writer.out" &
writer=$!; pids+=("$writer")
bad=0; copies=0
while kill -0 "$writer" 2>/dev/null || [ $copies -lt 3 ]; do
  copies=$((copies + 1))
  rm -f "$dir/snap.cocrea"
  if ! "$bin" copy "$plan" "$dir/snap.cocrea" >/dev/null 2>"$dir/snap.err" ||
     ! "$bin" check "$dir/snap.cocrea" >/dev/null 2>>"$dir/snap.err"; then
    bad=$((bad + 1)); cat "$dir/snap.err" | sed 's/^/# /'
  else
    # Each copy holds whole imports only.
    k=$(sqlite3 "$dir/snap.cocrea" "SELECT count(*) FROM contribution WHERE text LIKE 'Aporte %'")
    [ $((k % 50)) -eq 0 ] || { bad=$((bad + 1)); echo "# a copy holds $k rows of 50-row imports"; }
  fi
  [ $copies -ge 200 ] && break
done
wait "$writer"
check "the writer's imports all succeeded" '[ ! -s "$dir/writer.out" ]'
check "$copies copies taken during the writes, each whole and healthy" '[ "$bad" -eq 0 ]'

# A program killed in the middle of an edit leaves a hot journal beside
# the file: reading commands recover it, `check` says what happened.
# Made on purpose: a writer whose cache spills into the file mid-edit, then
# dies without committing (the way a killed window would leave it).
cp "$plan" "$dir/crash.cocrea"
/usr/bin/python3 - "$dir/crash.cocrea" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA cache_size = 2")
db.execute("BEGIN IMMEDIATE")
for i in range(3000):
    db.execute("INSERT INTO audit_log (at, action, detail) VALUES ('2024', 'crash', ?)", ("x" * 200,))
os._exit(0)
PY
check "a hot journal is left beside the file" '[ "$(head -c 8 "$dir/crash.cocrea-journal" | od -An -tx1 | tr -d " \n")" = d9d505f920a163d7 ]'
before=$(sha256sum <"$dir/crash.cocrea")
expect 1 "check of a file with a hot journal fails" -- "$bin" check "$dir/crash.cocrea"
contains "it says the file was not closed properly, not that it is damaged" "$err" "not closed properly"
check "check changed nothing" '[ "$(sha256sum <"$dir/crash.cocrea")" = "$before" ] && [ -e "$dir/crash.cocrea-journal" ]'
expect 0 "info recovers it" -- "$bin" info "$dir/crash.cocrea"
check "the journal was played back" '[ ! -e "$dir/crash.cocrea-journal" ]'
check "the unfinished edit left nothing" '[ "$(sqlite3 "$dir/crash.cocrea" "SELECT count(*) FROM audit_log WHERE action = '"'"'crash'"'"'")" = 0 ]'
expect 0 "the recovered file is healthy" -- "$bin" check "$dir/crash.cocrea"
check "the recovered file holds the process as it was" '[ "$(content "$plan")" = "$(content "$dir/crash.cocrea")" ]'

echo "1..$n"
[ $failed -eq 0 ]
