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
  # What the process holds. A copy for a laptop adds what it was made from
  # (the sync_ tables), its hand-out to the audit log and a new time of change.
  { sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%'
                  AND name NOT LIKE 'sync\_%' ESCAPE '\\' AND name NOT IN ('audit_log', 'process') ORDER BY name" |
      while read -r t; do echo "== $t"; sqlite3 "$1" "SELECT * FROM \"$t\" ORDER BY 1"; done
    sqlite3 "$1" "SELECT uuid, title, municipality, period_start, period_end FROM process"; } | sha256sum
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


# Issue 10: bad input tried from outside. Each case runs in Spanish and
# asserts the exit status, the message, that the process's SHA-256 is
# unchanged and that nothing new is left in the folder.
es () { env LANGUAGE=es LC_ALL=C.UTF-8 "$@"; }
work="$dir/i10"
mkdir -p "$work/sub"
proc="$work/p.cocrea"
"$bin" demo "$proc" >/dev/null || { echo "Bail out! cocrea demo failed"; exit 1; }
# refuses STATUS "FRAGMENT" DESCRIPTION -- COMMAND...
refuses () {
  local want=$1 fragment=$2 what=$3; shift 4
  local sha listing got
  sha=$(sha256sum <"$proc"); listing=$(ls -A "$work" "$work/sub")
  es "$@" >"$dir/out" 2>"$dir/err"; got=$?
  err=$(cat "$dir/err")
  if [ "$got" != "$want" ]; then not_ok "$what" "exit $got, wanted $want" "stderr: $err"
  else case "$err" in
    *"$fragment"*)
      if [ "$(sha256sum <"$proc")" != "$sha" ]; then not_ok "$what" "the process changed"
      elif [ "$(ls -A "$work" "$work/sub")" != "$listing" ]; then not_ok "$what" "files left:" "$(ls -A "$work" "$work/sub")"
      else ok "$what"; fi ;;
    *) not_ok "$what" "missing: $fragment" "stderr: $err" ;;
  esac; fi
}

# Class 1: no output over the process itself (by name, link, "..", hard
# link) nor over any other process, nor under a process's name.
ln -s p.cocrea "$work/enlace.csv"
ln "$proc" "$work/duro.csv"
self_msg="es el propio archivo del proceso"
for opt in --csv --json --pdf --reasons-pdf --commitments-csv --decidim --decidim-answers --final-pdf \
           --pack "--commitment-report 1"; do
  refuses 1 "$self_msg" "class 1: export $opt over the process is refused" -- "$bin" export "$proc" $opt "$proc"
  refuses 1 "$self_msg" "class 1: export $opt through a symlink is refused" -- "$bin" export "$proc" $opt "$work/enlace.csv"
  refuses 1 "$self_msg" "class 1: export $opt through .. is refused" -- "$bin" export "$proc" $opt "$work/sub/../p.cocrea"
  refuses 1 "$self_msg" "class 1: export $opt over a hard link is refused" -- "$bin" export "$proc" $opt "$work/duro.csv"
done
refuses 1 "$self_msg" "class 1: chart over the process is refused" -- "$bin" chart "$proc" --mentions "$proc"
refuses 1 "$self_msg" "class 1: chart over a hard link is refused" -- "$bin" chart "$proc" --viability "$work/duro.csv"
for sheet in "--capture --activity 3" "--attendance --activity 3" "--scoring"; do
  refuses 1 "es un proceso de Cocrea" "class 1: sheets $sheet over the process is refused" -- "$bin" sheets "$proc" "$proc" $sheet
  refuses 1 "es un proceso de Cocrea" "class 1: sheets $sheet through a symlink is refused" -- "$bin" sheets "$proc" "$work/enlace.csv" $sheet
done
refuses 1 "una copia no puede reemplazar" "class 1: a table's copy over its source is refused" -- "$bin" copy "$proc" "$work/sub/../p.cocrea" --force --activity 3 --group 1
"$bin" demo "$work/otro.cocrea" >/dev/null
cp "$work/otro.cocrea" "$work/otro-renombrado.pdf"
refuses 1 "es un proceso de Cocrea" "class 1: export over another process is refused" -- "$bin" export "$proc" --json "$work/otro.cocrea"
refuses 1 "es un proceso de Cocrea" "class 1: export over a renamed process is refused" -- "$bin" export "$proc" --pdf "$work/otro-renombrado.pdf"
refuses 1 "termina en .cocrea" "class 1: an export named .cocrea is refused" -- "$bin" export "$proc" --csv "$work/nuevo.cocrea"
refuses 1 "bloqueo, el diario" "class 1: an export named as a process's journal is refused" -- "$bin" export "$proc" --csv "$work/p.cocrea-journal"
refuses 1 "bloqueo, el diario" "class 1: an export named as a process's lock is refused" -- "$bin" export "$proc" --csv "$work/.p.cocrea.lock"
refuses 1 "es una carpeta" "class 1: an export over a folder is refused" -- "$bin" export "$proc" --csv "$work/sub"
refuses 1 "una copia no puede reemplazar" "class 1: copy over a symlink to its source is refused" -- "$bin" copy "$proc" "$work/enlace.csv" --force
refuses 1 "una copia no puede reemplazar" "class 1: copy over a hard link of its source is refused" -- "$bin" copy "$proc" "$work/duro.csv" --force
check "class 1: the other process is untouched" 'cmp -s "$work/otro.cocrea" "$work/otro-renombrado.pdf"'
"$child" hold "$work/otro.cocrea" >"$dir/hold2.out" 2>&1 &
holder=$!; pids+=("$holder")
for _ in $(seq 1 100); do grep -q ready "$dir/hold2.out" 2>/dev/null && break; sleep 0.05; done
refuses 1 "está abierto en una ventana" "class 1: copy --force over a process open in a window is refused" -- "$bin" copy "$proc" "$work/otro.cocrea" --force
kill "$holder"; wait "$holder" 2>/dev/null
rm -f "$work/.otro.cocrea.lock"
expect 0 "class 1: an export through a symlink to another file writes that file" -- "$bin" export "$proc" --csv "$work/sub/../enlace-csv"
rm -f "$work/enlace-csv"

# Class 2: a process reached through symbolic links opens, and writes land
# in the real file; messages keep the name the user gave.
mkdir -p "$work/real"
cp "$proc" "$work/real/q.cocrea"
ln -s real "$work/carpeta"
ln -s real/q.cocrea "$work/q-enlace.cocrea"
expect 0 "class 2: info through a symlinked file" -- es "$bin" info "$work/q-enlace.cocrea"
contains "class 2: it shows the process" "$out" "Renca"
expect 0 "class 2: info through a symlinked folder" -- es "$bin" info "$work/carpeta/q.cocrea"
expect 0 "class 2: a write through a symlinked folder" -- es "$bin" comment "$work/carpeta/q.cocrea" --text "Desde un enlace" --channel online
check "class 2: the comment is in the real file" '[ "$(sqlite3 "$work/real/q.cocrea" "SELECT count(*) FROM consultation_comment WHERE text = '"'"'Desde un enlace'"'"'")" = 1 ]'
expect 0 "class 2: a write from a current folder entered through a symlink" -- sh -c 'cd "$1" && LANGUAGE=es LC_ALL=C.UTF-8 "$2" comment q.cocrea --text "Desde dentro" --channel email' sh "$work/carpeta" "$bin"
check "class 2: that comment is in the real file too" '[ "$(sqlite3 "$work/real/q.cocrea" "SELECT count(*) FROM consultation_comment WHERE text = '"'"'Desde dentro'"'"'")" = 1 ]'
check "class 2: no lock or journal is left in either folder" '[ -z "$(ls -A "$work/real" | grep -v "^q.cocrea$")" ]'
expect 0 "class 2: new through a symlinked folder" -- es "$bin" new "$work/carpeta/nuevo.cocrea" --title "Nuevo" --municipality Renca
check "class 2: the new process is in the real folder" '[ -f "$work/real/nuevo.cocrea" ]'
ln -s no-existe.cocrea "$work/roto.cocrea"
expect 1 "class 2: new over a dangling link is refused" -- es "$bin" new "$work/roto.cocrea" --title T --municipality M
contains "class 2: it says the name exists" "$err" "ya existe"
check "class 2: nothing was created where the link points" '[ ! -e "$work/no-existe.cocrea" ]'
ln -s real/falta.cocrea "$work/q-roto.cocrea"
expect 1 "class 2: a link to nothing is refused" -- es "$bin" info "$work/q-roto.cocrea"
contains "class 2: the message names the link" "$err" "q-roto.cocrea"
expect 0 "class 2: a table's copy through a symlinked folder" -- es "$bin" copy "$work/q-enlace.cocrea" "$work/carpeta/mesa.cocrea" --activity 3 --group 1
check "class 2: the copy is in the real folder" '[ -f "$work/real/mesa.cocrea" ]'
expect 0 "class 2: a comment on the copy through the link" -- es "$bin" comment "$work/carpeta/mesa.cocrea" --text "Desde la mesa" --channel in-person
ln -s real/mesa.cocrea "$work/mesa-enlace.cocrea"
expect 0 "class 2: sync through symlinks on both sides" -- es "$bin" sync "$work/carpeta/q.cocrea" --from "$work/mesa-enlace.cocrea"
check "class 2: the copy's comment is in the real file" '[ "$(sqlite3 "$work/real/q.cocrea" "SELECT count(*) FROM consultation_comment WHERE text = '"'"'Desde la mesa'"'"'")" = 1 ]'
expect 1 "class 2: sync from the process itself through a link is refused" -- es "$bin" sync "$work/carpeta/q.cocrea" --from "$work/q-enlace.cocrea"
contains "class 2: it says it is the same file" "$err" "es el archivo de este mismo proceso"
rm -rf "$work/real" "$work/carpeta" "$work/q-enlace.cocrea" "$work/roto.cocrea" "$work/q-roto.cocrea" "$work/mesa-enlace.cocrea"
# A lock or a journal planted as a link to another file: nothing is
# written through it.
cp "$proc" "$work/trampa.cocrea"
echo "no tocar" >"$work/victima.txt"
ln -s victima.txt "$work/.trampa.cocrea.lock"
expect 1 "class 2: a write refuses a lock file that is a link" -- es "$bin" comment "$work/trampa.cocrea" --text Hola --channel online
contains "class 2: it names the lock" "$err" "“.trampa.cocrea.lock”"
rm "$work/.trampa.cocrea.lock"
ln -s victima.txt "$work/trampa.cocrea-journal"
expect 1 "class 2: a write refuses a journal that is a link" -- es "$bin" comment "$work/trampa.cocrea" --text Hola --channel online
contains "class 2: it names the journal" "$err" "“trampa.cocrea-journal”"
check "class 2: the file the links point to is untouched" '[ "$(cat "$work/victima.txt")" = "no tocar" ]'
rm -f "$work/trampa.cocrea"* "$work/victima.txt"

# Class 3: what is not a regular file is refused at once, never read
# without a bound.
mkfifo "$work/tuberia.cocrea" "$work/tuberia.csv"
refuses 1 "es una tubería" "class 3: a FIFO as the process is refused (no hang)" -- timeout 10 "$bin" info "$work/tuberia.cocrea"
refuses 1 "es una tubería" "class 3: a FIFO as a write target process is refused" -- timeout 10 "$bin" comment "$work/tuberia.cocrea" --text Hola --channel online
refuses 1 "es un dispositivo" "class 3: /dev/zero as the process is refused" -- timeout 10 "$bin" check /dev/zero
refuses 1 "es una carpeta" "class 3: a folder as the process is refused" -- timeout 10 "$bin" info "$work/sub"
refuses 1 "es un dispositivo" "class 3: /dev/zero as the CSV is refused" -- timeout 10 "$bin" import "$proc" --csv /dev/zero
refuses 1 "es un dispositivo" "class 3: /dev/urandom as the CSV is refused" -- timeout 10 "$bin" import "$proc" --csv /dev/urandom
refuses 1 "es una tubería" "class 3: a FIFO as the CSV is refused (no hang)" -- timeout 10 "$bin" import "$proc" --csv "$work/tuberia.csv"
refuses 1 "es una carpeta" "class 3: a folder as the CSV is refused" -- timeout 10 "$bin" import "$proc" --csv "$work/sub"
refuses 1 "es una tubería" "class 3: a FIFO as the evaluator's copy is refused" -- timeout 10 "$bin" merge-scores "$proc" --from "$work/tuberia.cocrea"
# The kernel's files are regular in name only: /proc/kmsg blocks when read.
refuses 1 "es un dispositivo" "class 3: a /proc file as the CSV is refused" -- timeout 10 "$bin" import "$proc" --csv /proc/self/status
if [ -r /proc/kmsg ]; then
  refuses 1 "es un dispositivo" "class 3: /proc/kmsg as the CSV is refused (no hang)" -- timeout 10 "$bin" import "$proc" --csv /proc/kmsg
  refuses 1 "es un dispositivo" "class 3: /proc/kmsg as the process is refused (no hang)" -- timeout 10 "$bin" info /proc/kmsg
else
  ok "# SKIP class 3: /proc/kmsg cannot be read here"
fi
for input in tuberia.cocrea:"es una tubería" /dev/zero:"es un dispositivo" /dev/urandom:"es un dispositivo" sub:"es una carpeta" \
             /proc/self/status:"es un dispositivo"; do
  f=${input%%:*}; case "$f" in /*) ;; *) f="$work/$f" ;; esac
  refuses 1 "${input#*:}" "class 3: sync --from ${input%%:*} is refused" -- timeout 10 "$bin" sync "$proc" --from "$f"
  refuses 1 "${input#*:}" "class 3: sync --dry-run --from ${input%%:*} is refused" -- timeout 10 "$bin" sync "$proc" --from "$f" --dry-run
  refuses 1 "${input#*:}" "class 3: import --decidim ${input%%:*} is refused" -- timeout 10 "$bin" import "$proc" --decidim "$f"
  refuses 1 "${input#*:}" "class 3: population of ${input%%:*} is refused" -- timeout 10 "$bin" population "$f" --women 50
  refuses 1 "${input#*:}" "class 3: copy of ${input%%:*} is refused" -- timeout 10 "$bin" copy "$f" "$work/sub/c.cocrea" --activity 3
done
rm -f "$work/tuberia.cocrea" "$work/tuberia.csv"

# Classes 4 and 5 for Decidim's export too (the workshop sheets' cases are
# in test-csv): a column named twice, cells beyond the header and lines in
# another encoding are refused naming them; a byte order mark inside the
# quotes of the first header cell hides nothing.
printf 'id;title/es;body/es;body/es\n1;Hola;Uno;Dos\n' >"$dir/dec-doble.csv"
printf 'id;title/es;body/es\n1;Hola;Uno\n2;Chao;Dos;perdido\n' >"$dir/dec-extra.csv"
{ printf 'id;title/es;body/es\n'; for i in $(seq 1 50); do printf '%d;Participación %d;Texto\n' "$i" "$i"; done; printf '51;Participaci\xf3n;Texto\n'; } >"$dir/dec-mezcla.csv"
printf '"\xef\xbb\xbfid";title/es;body/es\n7;Con marca de orden;Cuerpo\n' >"$dir/dec-bom.csv"
refuses 1 "la columna “body/es” aparece dos veces" "class 4: a Decidim export naming a column twice is refused" -- "$bin" import "$proc" --decidim "$dir/dec-doble.csv"
refuses 1 "Línea 3: 4 celdas donde el encabezado nombra 3 columnas" "class 4: a Decidim row with more cells than the header is refused" -- "$bin" import "$proc" --decidim "$dir/dec-extra.csv"
refuses 1 "La línea 52 no está en UTF-8" "class 5: a Decidim export with a line in another encoding is refused" -- "$bin" import "$proc" --decidim "$dir/dec-mezcla.csv"
cp "$proc" "$work/decidim.cocrea"
expect 0 "class 4: a BOM inside the quotes of Decidim's id column hides nothing" -- es "$bin" import "$work/decidim.cocrea" --decidim "$dir/dec-bom.csv"
check "class 4: the proposal came in with its id" '[ "$(sqlite3 "$work/decidim.cocrea" "SELECT external_id FROM contribution_source")" = 7 ]'
rm -f "$work/decidim.cocrea"

# Class 6: outputs are whole or absent. A write that fails half-way (a
# file size limit stands in for a full disk) leaves the earlier file and
# nothing beside it; a temporary left by a killed writer is hidden and
# removed by the next write; read-only commands leave no -wal or -shm.
"$bin" export "$proc" --csv "$work/aportes.csv" >/dev/null
"$bin" export "$proc" --json "$work/proceso.json" >/dev/null
"$bin" export "$proc" --pdf "$work/plan.pdf" >/dev/null
"$bin" copy "$proc" "$work/copia.cocrea" >/dev/null
limited=(sh -c 'ulimit -f 2; trap "" XFSZ; exec "$@"' sh)
for out in aportes.csv:--csv proceso.json:--json plan.pdf:--pdf; do
  f=${out%%:*}; opt=${out#*:}
  before=$(sha256sum <"$work/$f")
  refuses 1 "No se pudo escribir" "class 6: export $opt that fails half-way is refused" -- "${limited[@]}" "$bin" export "$proc" $opt "$work/$f"
  check "class 6: the earlier $f is whole" '[ "$(sha256sum <"$work/$f")" = "$before" ]'
done
# The newer outputs, each written once whole, then again against the limit.
for out in "razones.pdf:export --reasons-pdf" "compromisos.csv:export --commitments-csv" \
           "decidim.json:export --decidim" "final.pdf:export --final-pdf" \
           "informe.pdf:export --commitment-report 1" "paquete.zip:export --pack" \
           "hojas.pdf:sheets --capture --activity 3" "registro.pdf:sheets --attendance --activity 3" \
           "evaluacion.pdf:sheets --scoring" "grafico.png:chart --attendance"; do
  f=${out%%:*}; set -- ${out#*:}; name=$1; shift
  if [ "$name" = sheets ]; then args=("$work/$f" "$@"); else args=("$@" "$work/$f"); fi
  "$bin" "$name" "$proc" "${args[@]}" >/dev/null 2>&1
  before=$(sha256sum <"$work/$f")
  refuses 1 "No se pudo escribir “" "class 6: $name ${*} that fails half-way is refused" -- "${limited[@]}" "$bin" "$name" "$proc" "${args[@]}"
  check "class 6: the earlier $f is whole" '[ "$(sha256sum <"$work/$f")" = "$before" ]'
  rm -f "$work/$f"
done
refuses 1 "No se pudo escribir “paquete.zip”: sus documentos se preparan antes en la carpeta temporal" \
  "class 6: a pack that fails half-way names the pack, not a document inside it" -- "${limited[@]}" "$bin" export "$proc" --pack "$work/paquete.zip"
before=$(sha256sum <"$work/copia.cocrea")
refuses 1 "No se pudo guardar una copia como “copia.cocrea”: no se pudo leer o escribir el archivo: el archivo es más grande de lo que admite este disco" \
  "class 6: copy that fails half-way is refused, saying why" -- "${limited[@]}" "$bin" copy "$proc" "$work/copia.cocrea" --force
check "class 6: the earlier copy is whole" '[ "$(sha256sum <"$work/copia.cocrea")" = "$before" ]'
refuses 1 "el archivo es más grande de lo que admite este disco" "class 6: a table's capture copy that fails half-way is refused" -- \
  "${limited[@]}" "$bin" copy "$proc" "$work/copia.cocrea" --force --activity 3 --group 1
check "class 6: the earlier copy is still whole" '[ "$(sha256sum <"$work/copia.cocrea")" = "$before" ]'
refuses 1 "No se pudo crear" "class 6: new that fails half-way leaves nothing" -- "${limited[@]}" "$bin" new "$work/grande.cocrea" --title T --municipality M
printf 'medio PDF' >"$work/.plan.pdf.AbC123.cocrea-part"
touch -d '1 hour ago' "$work/.plan.pdf.AbC123.cocrea-part"
printf 'en curso' >"$work/.plan.pdf.XyZ789.cocrea-part"
touch -d '1 hour ago' "$work/.plan.pdf.XyZ789.cocrea-part"
flock -o "$work/.plan.pdf.XyZ789.cocrea-part" sleep 30 >/dev/null 2>&1 &
writer=$!; pids+=("$writer")
for _ in $(seq 1 100); do flock -n -E 99 "$work/.plan.pdf.XyZ789.cocrea-part" true; [ $? -eq 99 ] && break; sleep 0.05; done
expect 0 "class 6: an export beside temporaries" -- "$bin" export "$proc" --pdf "$work/plan.pdf"
check "class 6: the dead writer's temporary is removed" '[ ! -e "$work/.plan.pdf.AbC123.cocrea-part" ]'
check "class 6: a living writer's temporary is left alone" '[ -e "$work/.plan.pdf.XyZ789.cocrea-part" ]'
kill "$writer"; wait "$writer" 2>/dev/null; rm -f "$work/.plan.pdf.XyZ789.cocrea-part"
# A table's copy killed while it was cut to its table leaves its temporary
# and, beside it, the temporary's process lock; a lock whose temporary an
# earlier copy removed stays too. The next copy removes both, but not a
# lock somebody holds.
printf 'medio' >"$work/.mesa.cocrea.AbC123.cocrea-part"
printf 'h\n1\n' >"$work/..mesa.cocrea.AbC123.cocrea-part.lock"
printf 'h\n2\n' >"$work/..mesa.cocrea.DeF456.cocrea-part.lock"
printf 'h\n3\n' >"$work/..mesa.cocrea.GhI789.cocrea-part.lock"
touch -d '1 hour ago' "$work/.mesa.cocrea.AbC123.cocrea-part"
flock -o "$work/..mesa.cocrea.GhI789.cocrea-part.lock" sleep 30 >/dev/null 2>&1 &
writer=$!; pids+=("$writer")
for _ in $(seq 1 100); do flock -n -E 99 "$work/..mesa.cocrea.GhI789.cocrea-part.lock" true; [ $? -eq 99 ] && break; sleep 0.05; done
expect 0 "class 6: a table's copy beside a killed one's leftovers" -- "$bin" copy "$proc" "$work/mesa.cocrea" --activity 3 --group 1
check "class 6: the killed copy's temporary and its lock are removed" '[ ! -e "$work/.mesa.cocrea.AbC123.cocrea-part" ] && [ ! -e "$work/..mesa.cocrea.AbC123.cocrea-part.lock" ]'
check "class 6: a lock left without its temporary is removed" '[ ! -e "$work/..mesa.cocrea.DeF456.cocrea-part.lock" ]'
check "class 6: a held lock is left alone" '[ -e "$work/..mesa.cocrea.GhI789.cocrea-part.lock" ]'
kill "$writer"; wait "$writer" 2>/dev/null; rm -f "$work/..mesa.cocrea.GhI789.cocrea-part.lock" "$work/mesa.cocrea"
# A writer killed in the middle: afterwards the destination is the old
# file or a whole new one, and any temporary is hidden.
big="$dir/grande.cocrea"
"$bin" demo "$big" >/dev/null
python3 - "$big" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executemany("INSERT INTO contribution (activity_id, origin, text, area, axes, created_at) VALUES (1, 'community', ?, '', 0, '2019')",
               [("Aporte %d sobre luminarias, plazas y seguridad del barrio" % i,) for i in range(20000)])
db.commit()
PY
"$bin" export "$big" --json "$work/matar.json" >/dev/null
before=$(sha256sum <"$work/matar.json")
for delay in 0.05 0.2 0.5; do
  "$bin" export "$big" --pdf "$work/matar.json.pdf" >/dev/null 2>&1 &
  k=$!; sleep $delay; kill -9 $k 2>/dev/null; wait $k 2>/dev/null
  "$bin" export "$big" --json "$work/matar.json" >/dev/null 2>&1 &
  k=$!; sleep $delay; kill -9 $k 2>/dev/null; wait $k 2>/dev/null
done
check "class 6: after kills the JSON is the old one or a whole new one" 'python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/matar.json"'
check "class 6: after kills no visible temporary is left" '[ -z "$(ls "$work" | grep -v -e "^aportes.csv$" -e "^proceso.json$" -e "^plan.pdf$" -e "^copia.cocrea$" -e "^p.cocrea$" -e "^otro" -e "^duro.csv$" -e "^enlace.csv$" -e "^sub$" -e "^matar.json" )" ]'
sleep 2.2
expect 0 "class 6: the next JSON export after the kills" -- "$bin" export "$big" --json "$work/matar.json"
expect 0 "class 6: the next PDF export after the kills" -- "$bin" export "$big" --pdf "$work/matar.json.pdf"
check "class 6: it removed every temporary the kills left" '[ -z "$(ls -A "$work" | grep cocrea-part)" ]'
rm -f "$work/matar.json" "$work/matar.json.pdf"
# Another program left the process in WAL mode.
cp "$proc" "$work/wal.cocrea"
sqlite3 "$work/wal.cocrea" "PRAGMA journal_mode = WAL" >/dev/null
sha_wal=$(sha256sum <"$work/wal.cocrea")
for cmd in "check" "info" "list" "tally" "rank" "follow-up" "export --csv $work/wal.csv" "copy $work/wal-copia.cocrea" "chart --mentions $work/wal.png" \
           "criteria" "consultation" "log" "representation" "population" "completion" "suggest plaza" \
           "export --pack $work/wal.zip" "sheets $work/wal.pdf --scoring" "copy $work/wal-mesa.cocrea --activity 3 --group 1" \
           "sync --from $work/copia.cocrea --dry-run" "merge-scores --from $work/copia.cocrea --dry-run"; do
  set -- $cmd; name=$1; shift
  expect 0 "class 6: $cmd on a WAL-mode file" -- "$bin" "$name" "$work/wal.cocrea" "$@"
  check "class 6: $cmd left no -wal or -shm and changed nothing" '[ ! -e "$work/wal.cocrea-wal" ] && [ ! -e "$work/wal.cocrea-shm" ] && [ "$(sha256sum <"$work/wal.cocrea")" = "$sha_wal" ]'
done
# A laptop's copy left in WAL mode is only read when it is brought back.
expect 0 "class 6: sync from a copy in WAL mode" -- "$bin" sync "$work/copia.cocrea" --from "$work/wal.cocrea" --dry-run
check "class 6: the copy in WAL mode left no -wal or -shm and is unchanged" '[ ! -e "$work/wal.cocrea-wal" ] && [ ! -e "$work/wal.cocrea-shm" ] && [ "$(sha256sum <"$work/wal.cocrea")" = "$sha_wal" ]'
rm -f "$work/wal.csv" "$work/wal-copia.cocrea" "$work/wal.png" "$work/wal.zip" "$work/wal.pdf" "$work/wal-mesa.cocrea"
/usr/bin/python3 - "$work/wal.cocrea" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA wal_autocheckpoint = 0")
db.execute("UPDATE process SET partners = 'en el WAL'")
os._exit(0)
PY
sha_wal=$(sha256sum <"$work/wal.cocrea")
expect 1 "class 6: check of a WAL holding changes says so" -- es "$bin" check "$work/wal.cocrea"
contains "class 6: it was not closed properly" "$err" "no se cerró correctamente"
check "class 6: check changed nothing" '[ "$(sha256sum <"$work/wal.cocrea")" = "$sha_wal" ] && [ -s "$work/wal.cocrea-wal" ]'
expect 0 "class 6: info folds the WAL in" -- "$bin" info "$work/wal.cocrea"
check "class 6: the WAL's change is kept and no -wal or -shm is left" '[ "$(sqlite3 "$work/wal.cocrea" "SELECT partners FROM process")" = "en el WAL" ] && [ ! -e "$work/wal.cocrea-wal" ] && [ ! -e "$work/wal.cocrea-shm" ]'
expect 0 "class 6: then it is healthy" -- "$bin" check "$work/wal.cocrea"
rm -f "$work/wal.cocrea"*

# Class 9: a destination folder that may not be written is named as that,
# not as "the file could not be read or written". As root every folder may
# be written, so the commands run as nobody when the test runs as root.
as_user=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
ro="$dir/solo-lectura"
mkdir -p "$ro"; chmod 755 "$dir" "$work"; chmod 644 "$proc"
chmod 555 "$ro"
if [ "$(id -u)" != 0 ] || [ ${#as_user[@]} -gt 0 ]; then
  for cmd in "export --csv" "export --json" "export --pdf" "copy" "chart --mentions"; do
    set -- $cmd; name=$1; shift
    refuses 1 "la carpeta “$ro” es de solo lectura" "class 9: $cmd into a read-only folder says so" -- "${as_user[@]}" "$bin" "$name" "$proc" "$@" "$ro/salida"
    check "class 9: $cmd left nothing in the read-only folder" '[ -z "$(ls -A "$ro")" ]'
  done
  refuses 1 "la carpeta “$ro” es de solo lectura" "class 9: new in a read-only folder says so" -- "${as_user[@]}" "$bin" new "$ro/nuevo.cocrea" --title T --municipality M
else
  ok "# SKIP class 9: read-only folders (root without setpriv)"
fi
chmod 755 "$ro"
# A name over its limit is refused where it is typed, with the limit; a
# copy's label names it wherever it comes back.
long=$(printf '%0500d' 0 | tr 0 m)
refuses 1 "500 caracteres, donde caben como mucho 300" "class 9: a copy's label over a name's limit is refused" -- "$bin" copy "$proc" "$work/sub/larga.cocrea" --activity 3 --label "$long"
refuses 1 "500 caracteres, donde caben como mucho 300" "class 9: a proposal title over its limit is refused" -- "$bin" merge "$proc" --title "$long" 1 2

# Classes 7 and 8: `check` runs everything the other commands rely on, and
# every write refuses what check calls damaged, with the same sentence in
# Spanish; readers refuse values outside their domain.
broken () { # NAME SQL: a copy of the demo another program broke
  cp "$proc" "$work/$1.cocrea"
  sqlite3 "$work/$1.cocrea" "$2"
}
broken roto-check "PRAGMA ignore_check_constraints = ON; UPDATE proposal SET axes = 99 WHERE id = 1;"
broken roto-fk "PRAGMA foreign_keys = OFF; UPDATE score SET proposal_id = 9999 WHERE rowid = (SELECT min (rowid) FROM score);"
broken roto-fts "UPDATE contribution_fts_data SET block = randomblob (length (block)) WHERE id > 10;"
broken roto-fts-version "UPDATE contribution_fts_config SET v = 5 WHERE k = 'version';"
broken roto-escala "UPDATE score SET value = 999999 WHERE rowid IN (SELECT rowid FROM score LIMIT 4);"
broken roto-peso "UPDATE criterion SET weight = 1e308 WHERE id <= 2;"
broken roto-rango "UPDATE criterion SET scale_min = -2000000000, scale_max = 2000000000 WHERE id = 1;"
broken roto-asistencia "UPDATE activity SET attendance = 9000000000000000000, women = 9000000000000000000 WHERE id = 3;"
cp "$proc" "$work/roto-indice.cocrea"
python3 - "$work/roto-indice.cocrea" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
r = dict(db.execute("SELECT name, rootpage FROM sqlite_schema WHERE name IN ('contribution_activity', 'contribution_group')"))
db.execute("PRAGMA writable_schema = ON")
db.execute("UPDATE sqlite_schema SET rootpage = ? WHERE name = 'contribution_activity'", (r['contribution_group'],))
db.execute("UPDATE sqlite_schema SET rootpage = ? WHERE name = 'contribution_group'", (r['contribution_activity'],))
db.commit()
PY
printf 'texto\nUna más\n' >"$dir/una.csv"
for f in roto-check:"incumple una regla" roto-fk:"remite a otro que no existe" roto-fts:"índice de sugerencias" \
         roto-fts-version:"índice de sugerencias" roto-escala:"está fuera de su escala, de 1 a 5" roto-indice:"no coincide con su tabla" \
         roto-peso:"una ponderación mayor que 1000" roto-rango:"una escala más allá de -1000 a 1000" \
         roto-asistencia:"una actividad cuenta más de 1000000 asistentes"; do
  name=${f%%:*}; fragment=${f#*:}; file="$work/$name.cocrea"
  sha=$(sha256sum <"$file")
  expect 1 "class 7: check finds $name" -- es "$bin" check "$file"
  contains "class 7: check says what is wrong with $name" "$err" "$fragment"
  said=$err
  for cmd in "comment --text Hola --channel online" "import --csv $dir/una.csv" "decide 1 --shortlist --reason Viable" "score --evaluator Ana --proposal 1 --criterion technical --value 3"; do
    set -- $cmd; c=$1; shift
    expect 1 "class 8: $c refuses $name" -- es "$bin" "$c" "$file" "$@"
    check "class 8: $c says what check says of $name" '[ "$err" = "$said" ]'
  done
  # Brought back as a laptop's copy, its damage would spread into the process.
  for c in sync merge-scores; do
    refuses 1 "${said#cocrea: }" "class 8: $c refuses $name as a copy, with check's sentence" -- "$bin" "$c" "$proc" --from "$file"
  done
  check "class 8: $name is unchanged, nothing beside it" '[ "$(sha256sum <"$file")" = "$sha" ] && [ -z "$(ls -A "$work" | grep "^\.*$name\.cocrea.")" ]'
done
expect 1 "class 7: rank refuses scores outside their scale" -- es "$bin" rank "$work/roto-escala.cocrea"
contains "class 7: with check's sentence" "$err" "una puntuación de 999999 en “technical” está fuera de su escala"
expect 1 "class 7: the viability chart refuses them too" -- es "$bin" chart "$work/roto-escala.cocrea" --viability "$work/v.png"
check "class 7: and draws nothing" '[ ! -e "$work/v.png" ]'
expect 1 "class 7: rank refuses a weight beyond any entry's" -- es "$bin" rank "$work/roto-peso.cocrea"
contains "class 7: with check's sentence" "$err" "una ponderación mayor que 1000"
expect 1 "class 7: rank refuses a scale beyond any entry's" -- es "$bin" rank "$work/roto-rango.cocrea"
expect 1 "class 7: representation refuses 9e18 attendees" -- es "$bin" representation "$work/roto-asistencia.cocrea"
contains "class 7: with check's sentence" "$err" "una actividad cuenta más de 1000000 asistentes"
expect 1 "class 7: the attendance chart refuses them too" -- es "$bin" chart "$work/roto-asistencia.cocrea" --attendance "$work/v.png"
check "class 7: and draws nothing" '[ ! -e "$work/v.png" ]'
rm -f "$work"/roto-*.cocrea
echo "1..$n"
[ $failed -eq 0 ]
