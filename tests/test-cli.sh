#!/usr/bin/env bash
# The command line as a script would use it: exit status, one-line errors
# in the user's language, and files left untouched when a command fails.
# Prints TAP.
set -u

. "$(dirname "$0")/tap-lib.sh"

expect 0 "--help" -- "$bin" --help
contains "--help lists the commands" "$out" "import"
expect 0 "new --help" -- "$bin" new --help
contains "new --help shows --title" "$out" "--title"
expect 0 "--version" -- "$bin" --version

plan="$dir/plan.cocrea"
expect 0 "new" -- "$bin" new "$plan" --title "Plan de Acción" --municipality Renca --period 2019-2021
expect 0 "info" -- "$bin" info "$plan"
contains "info shows the title" "$out" "Plan de Acción"
expect 0 "check a healthy file" -- "$bin" check "$plan"

expect 2 "new without --title is a usage error" -- "$bin" new "$dir/x.cocrea" --municipality Renca
expect 2 "unknown option is a usage error" -- "$bin" info "$plan" --no-such-option
expect 2 "missing FILE is a usage error" -- "$bin" info

before=$(sha256sum "$plan")
expect 1 "new over an existing file fails" -- "$bin" new "$plan" --title Otro --municipality Otra
one_line "new over an existing file"
[ "$(sha256sum "$plan")" = "$before" ] && ok "existing file unchanged" || not_ok "existing file unchanged"

expect 1 "new with a reversed period fails" -- "$bin" new "$dir/y.cocrea" --title T --municipality M --period 2021-2019
[ -e "$dir/y.cocrea" ] && not_ok "no file left by a failed new" || ok "no file left by a failed new"

head -c 8192 /dev/urandom >"$dir/random.cocrea"
before=$(sha256sum "$dir/random.cocrea")
expect 1 "check refuses random bytes" -- "$bin" check "$dir/random.cocrea"
one_line "check of random bytes"
expect 1 "info refuses random bytes" -- "$bin" info "$dir/random.cocrea"
[ "$(sha256sum "$dir/random.cocrea")" = "$before" ] && ok "random file unchanged" || not_ok "random file unchanged"

sqlite3 "$dir/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
expect 1 "check refuses another program's database" -- "$bin" check "$dir/other.db"

cp "$plan" "$dir/newer.cocrea"
sqlite3 "$dir/newer.cocrea" "PRAGMA user_version = 42;"
before=$(sha256sum "$dir/newer.cocrea")
expect 1 "check refuses a newer file" -- "$bin" check "$dir/newer.cocrea"
contains "the message says it is newer" "$err" "newer"
expect 1 "info refuses a newer file" -- "$bin" info "$dir/newer.cocrea"
[ "$(sha256sum "$dir/newer.cocrea")" = "$before" ] && ok "newer file unchanged" || not_ok "newer file unchanged"

# Messages come in the user's language.
expect 1 "Spanish: random bytes" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" check "$dir/random.cocrea"
contains "Spanish message for a file that is not a process" "$err" "no es un archivo de proceso"
expect 1 "Spanish: existing file" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" new "$plan" --title T --municipality M
contains "Spanish message for an existing file" "$err" "ya existe"
expect 0 "Spanish: --help" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" --help
contains "Spanish help" "$out" "Órdenes"

# Demo, import and export round trip.
demo="$dir/renca.cocrea"
expect 0 "demo" -- "$bin" demo "$demo"
expect 0 "check the demo" -- "$bin" check "$demo"
expect 0 "info on the demo" -- "$bin" info "$demo"
contains "the demo is Renca" "$out" "Renca"
expect 1 "demo over an existing file fails" -- "$bin" demo "$demo"
expect 0 "export CSV" -- "$bin" export "$demo" --csv "$dir/aportes.csv"
expect 0 "export JSON" -- "$bin" export "$demo" --json "$dir/proceso.json"
/usr/bin/python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$dir/proceso.json" \
  && ok "the JSON parses" || not_ok "the JSON parses"
expect 2 "export needs exactly one format" -- "$bin" export "$demo"

copy="$dir/copia.cocrea"
expect 0 "new for import" -- "$bin" new "$copy" --title Copia --municipality Renca
expect 0 "import the exported CSV" -- "$bin" import "$copy" --csv "$dir/aportes.csv"
a=$(sqlite3 "$demo" "SELECT text FROM contribution ORDER BY text")
b=$(sqlite3 "$copy" "SELECT text FROM contribution ORDER BY text")
[ "$a" = "$b" ] && ok "round trip keeps every text" || not_ok "round trip keeps every text"

printf 'actividad;texto\nTaller;\n' >"$dir/bad.csv"
before=$(sqlite3 "$copy" "SELECT count(*) FROM contribution")
expect 1 "import of a bad CSV fails" -- "$bin" import "$copy" --csv "$dir/bad.csv"
one_line "import of a bad CSV"
contains "the error names the line" "$err" "2"
[ "$(sqlite3 "$copy" "SELECT count(*) FROM contribution")" = "$before" ] \
  && ok "nothing imported from a bad CSV" || not_ok "nothing imported from a bad CSV"

# A write while another program holds the file waits briefly, then fails.
lock="$dir/.copia.cocrea.lock"
printf 'otro-portatil\n99999\n' >"$lock"
flock -o "$lock" sleep 8 &
holder=$!
sleep 0.3
start=$(date +%s)
expect 1 "import while the file is locked fails" -- "$bin" import "$copy" --csv "$dir/aportes.csv"
contains "the message says the file is open elsewhere" "$err" "open in another"
[ $(( $(date +%s) - start )) -lt 8 ] && ok "it fails within seconds" || not_ok "it fails within seconds"
expect 0 "reading works while the file is locked" -- "$bin" info "$copy"
kill $holder 2>/dev/null; wait $holder 2>/dev/null
expect 0 "a stale lock is taken over" -- "$bin" import "$copy" --csv "$dir/aportes.csv"

# Merge and tally (issue 3).
work="$dir/work.cocrea"
"$bin" demo "$work" >/dev/null
expect 0 "tally" -- "$bin" tally "$work"
contains "tally lists the security proposal" "$out" "seguridad"
expect 0 "tally --json" -- "$bin" tally "$work" --json
printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); assert len(d) > 0" \
  && ok "tally --json parses" || not_ok "tally --json parses"
expect 0 "list" -- "$bin" list "$work"
expect 0 "list --json" -- "$bin" list "$work" --json
expect 0 "suggest" -- "$bin" suggest "$work" "vecinas y carabineros coordinados" --limit 3
contains "suggest finds the security proposal" "$out" "Carabineros"
expect 0 "merge into a new proposal" -- "$bin" merge "$work" --title "Nueva propuesta" 1 2
new_id=$(printf '%s' "$out" | tr -dc '0-9')
[ -n "$new_id" ] && ok "merge prints the proposal id" || not_ok "merge prints the proposal id"
expect 0 "unmerge" -- "$bin" unmerge "$work" 1
expect 1 "merge with an empty title fails" -- "$bin" merge "$work" --title "" 3
one_line "merge with an empty title"
expect 1 "merge into an unknown proposal fails" -- "$bin" merge "$work" --into 99999 3
expect 1 "unmerge of an unknown contribution fails" -- "$bin" unmerge "$work" 99999
expect 2 "merge without ids is a usage error" -- "$bin" merge "$work" --title T

# Scoring and selection (issue 4).
expect 0 "criteria" -- "$bin" criteria "$work"
contains "criteria lists technical viability" "$out" "technical"
before=$(sqlite3 "$work" "SELECT count(*) FROM score")
expect 1 "a score outside the scale fails" -- "$bin" score "$work" --evaluator Ana --proposal 1 --criterion technical --value 9
one_line "a score outside the scale"
expect 1 "an unknown criterion fails" -- "$bin" score "$work" --evaluator Ana --proposal 1 --criterion belleza --value 3
expect 1 "an unknown proposal fails" -- "$bin" score "$work" --evaluator Ana --proposal 99999 --criterion technical --value 3
[ "$(sqlite3 "$work" "SELECT count(*) FROM score")" = "$before" ] && ok "failed scores write nothing" || not_ok "failed scores write nothing"
expect 0 "score creates the evaluator" -- "$bin" score "$work" --evaluator "Ana Pérez" --department SECPLAN --proposal 1 --criterion technical --value 4 --note "Factible"
[ "$(sqlite3 "$work" "SELECT count(*) FROM evaluator WHERE name = 'Ana Pérez'")" = 1 ] && ok "the evaluator exists" || not_ok "the evaluator exists"
expect 0 "rank" -- "$bin" rank "$work"
expect 0 "rank --json" -- "$bin" rank "$work" --json
expect 2 "--save needs --weights" -- "$bin" rank "$work" --save
before=$(sha256sum <"$work")
expect 0 "rank with other weights" -- "$bin" rank "$work" --weights 3,1,0
[ "$(sha256sum <"$work")" = "$before" ] && ok "weights without --save write nothing" || not_ok "weights without --save write nothing"
expect 1 "a weight over 1,000 is refused" -- "$bin" rank "$work" --weights 3000,1,1 --save
one_line "a weight over 1,000"
expect 0 "rank --weights --save" -- "$bin" rank "$work" --weights 3,1,0 --save
expect 0 "rank uses the kept weights" -- "$bin" rank "$work" --json
printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; w=json.load(sys.stdin)['priority_weights']; assert (w['mentions'], w['axes'], w['inclusion']) == (3, 1, 0), w" \
  && ok "the kept weights are 3,1,0" || not_ok "the kept weights are 3,1,0" "$out"
expect 1 "a sixth selection breaks the quota" -- "$bin" decide "$work" 10 --select --reason "Otra más"
contains "the message names the quota" "$err" "quota"
expect 0 "--force selects anyway" -- "$bin" decide "$work" 10 --select --reason "Decisión del alcalde" --force
expect 1 "a decision needs a reason" -- "$bin" decide "$work" 9 --reject --reason ""
cp "$demo" "$dir/theirs.cocrea"
expect 1 "merge-scores refuses another process" -- "$bin" merge-scores "$work" --from "$dir/theirs.cocrea"
expect 0 "chart" -- "$bin" chart "$work" --mentions "$dir/mentions.png"
[ -s "$dir/mentions.png" ] && ok "the chart is written" || not_ok "the chart is written"

# Public consultation (stage 5).
consulta="$dir/consulta.cocrea"
"$bin" demo "$consulta" >/dev/null
before=$(sha256sum <"$consulta")
expect 0 "consultation" -- "$bin" consultation "$consulta"
contains "consultation shows the working days" "$out" "(10 working days)"
contains "consultation lists a comment" "$out" "Instalar cámaras"
contains "consultation shows a reason" "$out" "Dirección de Seguridad Comunitaria"
[ "$(sha256sum <"$consulta")" = "$before" ] && ok "consultation without options writes nothing" || not_ok "consultation without options writes nothing"
expect 0 "consultation --json" -- "$bin" consultation "$consulta" --json
printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); assert d['window']['working_days'] == 10 and len(d['comments']) == 4, d" \
  && ok "consultation --json has the window and 4 comments" || not_ok "consultation --json has the window and 4 comments" "$out"
expect 0 "a window of 9 working days is kept" -- "$bin" consultation "$consulta" --closes 2019-12-12
contains "with a warning" "$out" "Warning"
before=$(sha256sum <"$consulta")
expect 1 "a window that closes before it opens fails" -- "$bin" consultation "$consulta" --opens 2019-12-20
one_line "a window that closes before it opens"
expect 1 "a window that leaves comments out fails" -- "$bin" consultation "$consulta" --closes 2019-12-05
contains "the message counts the comments left out" "$err" "2 comments"
[ "$(sha256sum <"$consulta")" = "$before" ] && ok "failed windows write nothing" || not_ok "failed windows write nothing"
expect 0 "comment" -- "$bin" comment "$consulta" --text "Que el COSOC sesione en los barrios" --channel Presencial --commitment 1 --author "Ana Pérez" --received 2019-12-04
comment_id=$(printf '%s' "$out" | tr -dc '0-9')
[ "$(sqlite3 "$consulta" "SELECT channel FROM consultation_comment WHERE id = '$comment_id'")" = in-person ] \
  && ok "comment prints the new id" || not_ok "comment prints the new id" "$out"
expect 2 "comment without --text is a usage error" -- "$bin" comment "$consulta" --channel email
expect 2 "comment by fax is a usage error" -- "$bin" comment "$consulta" --text Hola --channel fax
before=$(sqlite3 "$consulta" "SELECT count(*) FROM consultation_comment")
expect 1 "a comment on an unknown commitment fails" -- "$bin" comment "$consulta" --text Hola --channel email --commitment 9
one_line "a comment on an unknown commitment"
expect 1 "a comment after the window fails" -- "$bin" comment "$consulta" --text Hola --channel email --received 2019-12-20
expect 1 "an empty comment fails" -- "$bin" comment "$consulta" --text "  " --channel online
[ "$(sqlite3 "$consulta" "SELECT count(*) FROM consultation_comment")" = "$before" ] && ok "failed comments write nothing" || not_ok "failed comments write nothing"
expect 1 "a partial answer needs a reason" -- "$bin" respond "$consulta" "$comment_id" --partly
one_line "a partial answer without a reason"
expect 0 "respond" -- "$bin" respond "$consulta" "$comment_id" --partly --reason "Sesionará en dos barrios por año"
contains "respond prints the answer" "$out" "Partly accepted"
[ "$(sqlite3 "$consulta" "SELECT response || ':' || response_reason FROM consultation_comment WHERE id = '$comment_id'")" = "partly:Sesionará en dos barrios por año" ] \
  && ok "the answer is stored" || not_ok "the answer is stored"
expect 2 "respond without an answer is a usage error" -- "$bin" respond "$consulta" "$comment_id"
expect 2 "respond with two answers is a usage error" -- "$bin" respond "$consulta" "$comment_id" --accepted --pending
expect 2 "respond to a comment that is not a number" -- "$bin" respond "$consulta" uno --accepted
expect 1 "respond to an unknown comment fails" -- "$bin" respond "$consulta" 99999 --accepted
expect 1 "Spanish: an answer without a reason" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" respond "$consulta" "$comment_id" --not-accepted
contains "Spanish message for a missing reason" "$err" "necesita una justificación"
expect 0 "Spanish: consultation" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" consultation "$consulta"
contains "Spanish consultation listing" "$out" "días hábiles"

# Follow-up of the plan (stage 7).
seguimiento="$dir/seguimiento.cocrea"
"$bin" demo "$seguimiento" >/dev/null
before=$(sha256sum <"$seguimiento")
expect 0 "follow-up" -- "$bin" follow-up "$seguimiento"
contains "follow-up lists the milestones" "$out" "1.1  "
contains "follow-up ends with the summary" "$out" "Overdue:"
expect 0 "follow-up --json" -- "$bin" follow-up "$seguimiento" --json
printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); s=d['summary']; assert s['total'] == len(d['milestones']) == s['done'] + s['in-progress'] + s['not-started'], s" \
  && ok "follow-up JSON counts every milestone" || not_ok "follow-up JSON counts every milestone" "$out"
[ "$(sha256sum <"$seguimiento")" = "$before" ] && ok "follow-up writes nothing" || not_ok "follow-up writes nothing"
expect 0 "progress" -- "$bin" progress "$seguimiento" --commitment 2 --milestone 2 --in-progress --on 2020-01-10
progress_id=$(printf '%s' "$out" | tr -dc '0-9')
[ "$(sqlite3 "$seguimiento" "SELECT status || ':' || recorded_on FROM milestone_progress WHERE id = '$progress_id'")" = "in-progress:2020-01-10" ] \
  && ok "progress prints the new id" || not_ok "progress prints the new id" "$out"
expect 0 "progress done with evidence" -- "$bin" progress "$seguimiento" --commitment 2 --milestone 2 --done --on 2020-02-10 --evidence "Acta de la sesión"
expect 0 "follow-up after progress" -- "$bin" follow-up "$seguimiento" --json
printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; m=[m for m in json.load(sys.stdin)['milestones'] if (m['commitment'], m['milestone']) == (2, 2)][0]; assert (m['status'], m['evidence'], m['overdue']) == ('done', 'Acta de la sesión', False), m" \
  && ok "the latest record is the milestone's state" || not_ok "the latest record is the milestone's state" "$out"
expect 2 "progress without a status is a usage error" -- "$bin" progress "$seguimiento" --commitment 2 --milestone 2
expect 2 "progress with two statuses is a usage error" -- "$bin" progress "$seguimiento" --commitment 2 --milestone 2 --done --in-progress
expect 2 "progress without --milestone is a usage error" -- "$bin" progress "$seguimiento" --commitment 2 --done --evidence x
before=$(sha256sum <"$seguimiento")
expect 1 "done without evidence fails" -- "$bin" progress "$seguimiento" --commitment 2 --milestone 3 --done
one_line "done without evidence"
expect 1 "progress on a day to come fails" -- "$bin" progress "$seguimiento" --commitment 2 --milestone 3 --in-progress --on 2999-01-01
one_line "a day to come"
expect 1 "progress on a bad day fails" -- "$bin" progress "$seguimiento" --commitment 2 --milestone 3 --in-progress --on 2020-02-30
expect 1 "progress on an unknown milestone fails" -- "$bin" progress "$seguimiento" --commitment 2 --milestone 99 --in-progress
one_line "an unknown milestone"
[ "$(sha256sum <"$seguimiento")" = "$before" ] && ok "failed progress writes nothing" || not_ok "failed progress writes nothing"
expect 1 "Spanish: done without evidence" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" progress "$seguimiento" --commitment 2 --milestone 3 --done
contains "Spanish message for missing evidence" "$err" "Evidencia:"
expect 0 "Spanish: follow-up" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" follow-up "$seguimiento"
contains "Spanish follow-up" "$out" "Completado"


# Issue 10, class 9: an unknown or misspelt command is a usage error
# (exit 2) with one line in the user's language, without a display and
# without GTK's warnings; a misspelt one gets the command it resembles.
for word in frobnicate exprot --frobnicate; do
  expect 2 "class 9: cocrea $word is a usage error" -- env -u DISPLAY -u WAYLAND_DISPLAY LANGUAGE=es LC_ALL=C.UTF-8 "$bin" "$word" "$plan"
  one_line "class 9: cocrea $word"
  contains "class 9: cocrea $word points to --help, in Spanish" "$err" "Pruebe “cocrea --help”"
  case "$err" in *Gtk*|*display*) not_ok "class 9: cocrea $word needs no display" "stderr: $err" ;; *) ok "class 9: cocrea $word needs no display" ;; esac
done
expect 2 "class 9: unknown command" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" frobnicate
contains "class 9: it says the command is unknown" "$err" "orden desconocida “frobnicate”"
expect 2 "class 9: misspelt command" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" exprot "$plan" --csv "$dir/x.csv"
contains "class 9: it suggests the command meant" "$err" "¿Quiso decir “export”?"
[ ! -e "$dir/x.csv" ] && ok "class 9: the misspelt export wrote nothing" || not_ok "class 9: the misspelt export wrote nothing"
expect 2 "class 9: an empty command is a usage error" -- env -u DISPLAY -u WAYLAND_DISPLAY LANGUAGE=es LC_ALL=C.UTF-8 "$bin" "" "$plan"
contains "class 9: it says the command is unknown" "$err" "orden desconocida “”"
# The window without a display (a remote shell): one line in Spanish, not
# GTK's English warning.
for display in "-u DISPLAY -u WAYLAND_DISPLAY" "DISPLAY= WAYLAND_DISPLAY="; do
  expect 1 "class 9: the window without a display ($display) fails" -- env $display LANGUAGE=es LC_ALL=C.UTF-8 "$bin" "$plan"
  one_line "class 9: the window without a display"
  contains "class 9: it says there is no display, in Spanish" "$err" "la ventana no se puede abrir: aquí no hay pantalla"
  case "$err" in *Gtk*) not_ok "class 9: no GTK warning" "stderr: $err" ;; *) ok "class 9: no GTK warning" ;; esac
done

# Issue 10, classes 4 and 5: an import that would drop or mangle data is
# refused naming the columns or the line, in Spanish, and the process is
# left byte for byte as it was.
hoja="$dir/hoja.cocrea"
"$bin" new "$hoja" --title "Hojas" --municipality Renca >/dev/null
import_refused () {
  local what=$1 fragment=$2 csv=$3 before
  before=$(sha256sum <"$hoja")
  expect 1 "$what" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" import "$hoja" --csv "$csv"
  one_line "$what"
  contains "$what: the message" "$err" "$fragment"
  [ "$(sha256sum <"$hoja")" = "$before" ] && ok "$what: the process is unchanged" || not_ok "$what: the process is unchanged"
}
printf 'actividad;texto;texto\nTaller;uno;dos\n' >"$dir/dos-textos.csv"
import_refused "class 4: two text columns" "Las columnas 2 (“texto”) y 3 (“texto”)" "$dir/dos-textos.csv"
printf 'propuesta,actividad,texto\nuno,Taller,dos\n' >"$dir/propuesta-texto.csv"
import_refused "class 4: propuesta and texto" "indican ambas el texto del aporte" "$dir/propuesta-texto.csv"
printf 'actividad;texto\nTaller;uno\nTaller;dos;perdido\n' >"$dir/celda-extra.csv"
import_refused "class 4: a cell beyond the header" "Línea 3: la celda 3 (“perdido”)" "$dir/celda-extra.csv"
printf '"\xef\xbb\xbfactividad";actividad;texto\nA;B;uno\n' >"$dir/bom-doble.csv"
import_refused "class 4: a quoted BOM shown as it is" "(“<U+FEFF>actividad”)" "$dir/bom-doble.csv"
{ echo "actividad;texto"; for i in $(seq 1 5000); do echo "Taller;Participación ciudadana número $i"; done; printf 'Taller;L\xednea pegada\n'; } >"$dir/mezcla.csv"
import_refused "class 5: UTF-8 with a stray byte" "La línea 5002 no está en UTF-8" "$dir/mezcla.csv"
printf '"\xef\xbb\xbfactividad",texto\nTaller 1,hola\n' >"$dir/bom-comillas.csv"
expect 0 "class 4: a quoted BOM in the first header cell is read right" -- "$bin" import "$hoja" --csv "$dir/bom-comillas.csv"
[ "$(sqlite3 "$hoja" "SELECT a.name FROM contribution c JOIN activity a ON a.id = c.activity_id WHERE c.text = 'hola'")" = "Taller 1" ] \
  && ok "class 4: the activity is the column's, not the file's name" || not_ok "class 4: the activity is the column's, not the file's name"
printf 'texto;notas\nuno;una nota\n' >"$dir/notas.csv"
expect 0 "class 4: an unread column imports the rest" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" import "$hoja" --csv "$dir/notas.csv"
contains "class 4: with a warning naming the column" "$err" "La columna 2 (“notas”) de “notas.csv” no es una de las que Cocrea lee"
printf 'actividad;texto\r\n' >"$dir/encabezado.csv"
before=$(sha256sum <"$hoja")
audits=$(sqlite3 "$hoja" "SELECT count(*) FROM audit_log")
expect 0 "a header-only import" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" import "$hoja" --csv "$dir/encabezado.csv"
contains "a header-only import says nothing was added" "$out" "no tiene filas que importar"
[ "$(sha256sum <"$hoja")" = "$before" ] && [ "$(sqlite3 "$hoja" "SELECT count(*) FROM audit_log")" = "$audits" ] \
  && ok "a header-only import writes nothing, not even to the audit log" || not_ok "a header-only import writes nothing, not even to the audit log"
python3 -c "
rows = ['actividad;texto'] + ['Taller;Participación ciudadana %d' % i for i in range(50)]
open('$dir/cp1252.csv', 'wb').write(('\n'.join(rows) + '\n').encode('cp1252'))"
expect 0 "class 5: a whole Windows-1252 file still imports" -- "$bin" import "$hoja" --csv "$dir/cp1252.csv"
[ "$(sqlite3 "$hoja" "SELECT count(*) FROM contribution WHERE text = 'Participación ciudadana 7'")" = 1 ] \
  && ok "class 5: with its accents right" || not_ok "class 5: with its accents right"

# Class 9: titles and texts over their limit are refused where they enter
# (the command line, the CSV import), saying the length and the limit.
largo=$(python3 -c "print('x' * 100000)")
expect 1 "class 9: new with a 100,000-character title is refused" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" new "$dir/largo.cocrea" --title "$largo" --municipality Renca
contains "class 9: it says the length and the limit" "$err" "es demasiado largo: 100000 caracteres, donde caben como mucho 300"
[ ! -e "$dir/largo.cocrea" ] && ok "class 9: no file is left" || not_ok "class 9: no file is left"
before=$(sha256sum <"$hoja")
expect 1 "class 9: a score by an evaluator with a 100,000-character name is refused" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" score "$hoja" --evaluator "$largo" --proposal 1 --criterion technical --value 3
contains "class 9: an evaluator's name has the limit of names" "$err" "donde caben como mucho 300"
{ echo "texto"; python3 -c "print('palabra ' * 20000)"; } >"$dir/texto-largo.csv"
expect 1 "class 9: an imported text over 150,000 characters is refused" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" import "$hoja" --csv "$dir/texto-largo.csv"
contains "class 9: naming the line and the limit" "$err" "Línea 2: “palabra palabra"
contains "class 9: with the limit of texts" "$err" "donde caben como mucho 150000"
{ echo "actividad;texto"; echo "Taller;corto"; echo "$largo;largo"; } >"$dir/actividad-larga.csv"
expect 1 "class 9: an import with an over-long activity is refused" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" import "$hoja" --csv "$dir/actividad-larga.csv"
contains "class 9: naming the line" "$err" "Línea 3: “xxxxxxxxxx"
[ "$(sha256sum <"$hoja")" = "$before" ] && ok "class 9: the process is unchanged" || not_ok "class 9: the process is unchanged"
echo "1..$n"
[ $failed -eq 0 ]
