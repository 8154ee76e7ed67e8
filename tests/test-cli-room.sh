#!/usr/bin/env bash
# The command line of the room (issue 14): population shares and
# representation, paper sheets. Exit status, one-line errors in the user's
# language, files left untouched when a command fails. Prints TAP.
set -u

. "$(dirname "$0")/tap-lib.sh"

# json_check DESCRIPTION PYTHON: runs PYTHON with the JSON of $out as `d`.
json_check () {
  printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); $2" 2>"$dir/py" \
    && ok "$1" || not_ok "$1" "$(cat "$dir/py")" "$out"
}

# ---- Population shares and representation ----

plan="$dir/plan.cocrea"
"$bin" new "$plan" --title "Plan" --municipality Renca >/dev/null
sqlite3 "$plan" "INSERT INTO activity (kind, name, attendance, women, youth, migrants, indigenous, disability)
  VALUES ('workshop', 'Taller', 40, 22, 6, 2, 4, 0), ('survey', 'Encuesta', 60, 28, 14, 3, 1, 2),
         ('interview', 'Entrevistas', 10, 5, 0, 0, 0, 0);"

expect 0 "representation without population" -- "$bin" representation "$plan" --json
json_check "no population: every ratio null, nobody flagged" \
  "assert [g['group'] for g in d] == ['women', 'youth', 'migrants', 'indigenous', 'disability'], d; assert all(g['ratio'] is None and g['population_share'] is None and g['under_represented'] is False for g in d), d"

expect 0 "population sets shares" -- "$bin" population "$plan" --women 52 --youth 25 --migrants "10 %" --indigenous 4 --source "Censo 2017, INE"
contains "population prints the source" "$out" "Censo 2017, INE"
expect 0 "representation --json" -- "$bin" representation "$plan" --json
# By hand: 100 people in the workshop and the survey (the interviews are staff).
json_check "representation figures, by hand" \
  "g={x['group']: x for x in d}; assert (g['women']['participants'], g['women']['share'], g['women']['population_share']) == (50, 0.5, 0.52), g['women']; assert abs(g['women']['ratio'] - 0.5/0.52) < 1e-12; assert abs(g['youth']['ratio'] - 0.8) < 1e-12 and not g['youth']['under_represented']; assert g['migrants']['ratio'] == 0.5 and g['migrants']['under_represented']; assert g['disability']['ratio'] is None and not g['disability']['under_represented']; assert set(d[0]) == {'group', 'participants', 'share', 'population_share', 'ratio', 'under_represented'}"
expect 0 "representation text" -- "$bin" representation "$plan"
contains "text flags in words" "$out" "Migrants: 5 attendees (5.0 % of the attendance); 10.0 % of the population; ratio 0.50 — UNDER-REPRESENTED"
contains "text leaves out the interviews" "$out" "100 people"

before=$(sha256sum <"$plan")
expect 1 "a share over 100 fails" -- "$bin" population "$plan" --youth 120
one_line "a share over 100"
contains "the message names the group" "$err" "Youth"
expect 1 "a share that is not a number fails" -- "$bin" population "$plan" --women muchas
one_line "not a number"
[ "$(sha256sum <"$plan")" = "$before" ] && ok "failed population writes nothing" || not_ok "failed population writes nothing"
expect 0 "population without options only reads" -- "$bin" population "$plan"
[ "$(sha256sum <"$plan")" = "$before" ] && ok "population without options writes nothing" || not_ok "population without options writes nothing"
expect 0 "a comma is a decimal mark" -- "$bin" population "$plan" --women "51,5" --youth ""
[ "$(sqlite3 "$plan" "SELECT population_women || ':' || ifnull(population_youth, 'null') FROM process")" = "51.5:null" ] \
  && ok "51,5 stored as 51.5 and \"\" clears youth" || not_ok "51,5 stored as 51.5 and \"\" clears youth"

expect 0 "Spanish: representation" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" representation "$plan"
contains "Spanish flag" "$out" "SUBREPRESENTACIÓN"
expect 1 "Spanish: bad share" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" population "$plan" --youth 120
contains "Spanish message for a bad share" "$err" "Jóvenes: un porcentaje de la población va de 0 a 100"

demo="$dir/demo.cocrea"
"$bin" demo "$demo" >/dev/null
expect 0 "demo representation" -- "$bin" representation "$demo" --json
json_check "the demo flags four groups" "assert sum(g['under_represented'] for g in d) == 4, d"
expect 0 "demo population" -- "$bin" population "$demo"
contains "the demo's shares say they are illustrative" "$out" "Valores ilustrativos"
expect 0 "representation chart" -- "$bin" chart "$demo" --representation "$dir/rep.png" --describe
contains "the chart's description flags in words" "$out" "Youth: under-represented"

expect 0 "timeline chart" -- "$bin" chart "$demo" --timeline "$dir/timeline.png" --describe
contains "the timeline names a milestone with its state" "$out" "1.1 Proponer un nuevo reglamento"
contains "the timeline says which are overdue" "$out" "overdue"
[ -s "$dir/timeline.png" ] && ok "timeline PNG written" || not_ok "timeline PNG written"

# ---- Paper sheets ----

expect 0 "capture sheets" -- "$bin" sheets "$demo" "$dir/captura.pdf" --capture --activity 3
contains "one page per table" "$out" "8 pages"
expect 0 "attendance register" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" sheets "$demo" "$dir/asistencia.pdf" --attendance --activity 3 --pages 2
contains "Spanish: pages written" "$out" "2 páginas"
expect 0 "scoring sheets" -- "$bin" sheets "$demo" "$dir/evaluacion.pdf" --scoring --evaluator "Grupo 1 – DIDECO"
for f in captura asistencia evaluacion; do
  qpdf --check "$dir/$f.pdf" >/dev/null 2>&1 && ok "$f.pdf passes qpdf --check" || not_ok "$f.pdf passes qpdf --check"
done
text=$(pdftotext -q -f 3 -l 3 "$dir/captura.pdf" -)
contains "the third sheet is Mesa 3's, in Spanish" "$text" "Mesa: Mesa 3"
if command -v zbarimg >/dev/null; then
  pdftoppm -png -r 100 -singlefile -f 3 -l 3 "$dir/captura.pdf" "$dir/page3"
  code=$(zbarimg -q --raw "$dir/page3.png")
  contains "the QR code is the printed code" "$text" "$code"
  expect 0 "sheets --read the scanned code" -- "$bin" sheets "$demo" --read "$code"
  group=$(sqlite3 "$demo" "SELECT id FROM table_group WHERE activity_id = 3 AND name = 'Mesa 3'")
  contains "the code names the third table" "$out" "activity 3, group $group, page 1"
else
  not_ok "zbarimg is not installed (zbar-tools)"
fi

before=$(sha256sum <"$demo")
expect 2 "sheets without a kind is a usage error" -- "$bin" sheets "$demo" "$dir/x.pdf"
expect 2 "capture without --activity is a usage error" -- "$bin" sheets "$demo" "$dir/x.pdf" --capture
expect 1 "an unknown activity fails" -- "$bin" sheets "$demo" "$dir/x.pdf" --capture --activity 99
one_line "an unknown activity"
[ -e "$dir/x.pdf" ] && not_ok "no PDF left by a failed sheets" || ok "no PDF left by a failed sheets"
expect 1 "a mistyped code fails" -- "$bin" sheets "$demo" --read "C0000-3-1-1-0"
one_line "a mistyped code"
[ "$(sha256sum <"$demo")" = "$before" ] && ok "sheets writes nothing to the process" || not_ok "sheets writes nothing to the process"
# Another process, for certain: its uuid starts otherwise than the demo's.
prefix=0000
[ "$(sqlite3 "$demo" "SELECT substr(uuid, 1, 4) FROM process")" = 0000 ] && prefix=ffff
sqlite3 "$plan" "UPDATE process SET uuid = '$prefix' || substr(uuid, 5)"
expect 1 "Spanish: a code of another process" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" sheets "$plan" --read "$code"
contains "Spanish message for another process" "$err" "se imprimió para otro proceso"

# ---- The projector view: a file it cannot show is said before any window ----

es () { env -u DISPLAY -u WAYLAND_DISPLAY LANGUAGE=es LC_ALL=C.UTF-8 "$@"; }
expect 1 "plenary: a missing file fails" -- es "$bin" "$dir/no-hay.cocrea" --plenary
one_line "plenary: a missing file"
contains "plenary: Spanish message for a missing file" "$err" "“no-hay.cocrea” no existe"
printf 'una planilla, no un proceso' >"$dir/planilla.cocrea"
expect 1 "plenary: a file that is not a process fails" -- es "$bin" "$dir/planilla.cocrea" --plenary
contains "plenary: Spanish message for a foreign file" "$err" "no es un archivo de proceso de Cocrea"
damaged="$dir/dañado.cocrea"
"$bin" demo "$damaged" >/dev/null
/usr/bin/python3 -c "import sys; f = open(sys.argv[1], 'r+b'); f.seek(8192); f.write(b'\xff' * 4096)" "$damaged"
before=$(sha256sum <"$damaged")
expect 1 "plenary: a damaged file fails" -- es "$bin" --plenary "$damaged"
one_line "plenary: a damaged file"
contains "plenary: Spanish message for a damaged file" "$err" "está dañado"
[ "$(sha256sum <"$damaged")" = "$before" ] && ok "plenary: the damaged file is left as it was" \
  || not_ok "plenary: the damaged file is left as it was"
expect 2 "plenary without a file is a usage error" -- es "$bin" --plenary
contains "plenary: Spanish usage message" "$err" "cocrea ARCHIVO --plenary"

echo "1..$n"
[ $failed -eq 0 ]
