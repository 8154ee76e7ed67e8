#!/usr/bin/env bash
# Between the hall and the web (issue 16), from the command line: Decidim's
# export read in, the answers file written out, OGP completion levels, the
# end-of-commitment report, the repository pack, the final plan and the
# history. Prints TAP.
set -u

. "$(dirname "$0")/tap-lib.sh"
fixtures="$(dirname "$0")/fixtures/decidim"

plan="$dir/plan.cocrea"
expect 0 "demo" -- "$bin" demo "$plan"

# Decidim's export, both column sets and the admin JSON.
expect 0 "import --decidim (0.28 CSV)" -- "$bin" import "$plan" --decidim "$fixtures/proposals-0.28.csv"
contains "import says how many came in" "$out" "3 proposals imported from Decidim"
contains "import counts the withdrawn one" "$out" "1 withdrawn proposal left out"
[ "$(sqlite3 "$plan" "SELECT count (*) FROM contribution_source")" = 3 ] \
  && ok "three proposals with their provenance" || not_ok "three proposals with their provenance"
before=$(sha256sum <"$plan")
expect 0 "the same export again" -- "$bin" import "$plan" --decidim "$fixtures/proposals-0.28.csv"
contains "nothing new the second time" "$out" "nothing was added"
[ "$(sha256sum <"$plan")" = "$before" ] && ok "a second import changes nothing" || not_ok "a second import changes nothing"
expect 0 "import --decidim (0.27 CSV)" -- "$bin" import "$plan" --decidim "$fixtures/proposals-0.27.csv"
expect 0 "import --decidim (admin JSON)" -- "$bin" import "$plan" --decidim "$fixtures/proposals-admin.json"
[ "$(sqlite3 "$plan" "SELECT count (*) FROM activity WHERE kind = 'online' AND name LIKE 'Decidim: %'")" = 3 ] \
  && ok "one online activity per participatory space" || not_ok "one online activity per participatory space"

before=$(sha256sum <"$plan")
expect 1 "a file without title/… is refused" -- "$bin" import "$plan" --decidim "$fixtures/missing-title.csv"
one_line "missing title column"
contains "the refusal names the missing column" "$err" "title/"
expect 1 "a file without id is refused" -- "$bin" import "$plan" --decidim "$fixtures/missing-id.csv"
contains "the refusal names id" "$err" "“id”"
expect 1 "Spanish: a file without id" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" import "$plan" --decidim "$fixtures/missing-id.csv"
contains "Spanish refusal" "$err" "no tiene columna “id”"
[ "$(sha256sum <"$plan")" = "$before" ] && ok "refused imports change nothing" || not_ok "refused imports change nothing"
expect 2 "--csv and --decidim together is a usage error" -- "$bin" import "$plan" --csv x.csv --decidim y.csv

# Supports beside the mentions, and as a weight of their own.
c101=$(sqlite3 "$plan" "SELECT contribution_id FROM contribution_source WHERE external_id = 101")
c104=$(sqlite3 "$plan" "SELECT contribution_id FROM contribution_source WHERE external_id = 104")
expect 0 "merge two Decidim proposals into a workshop proposal" -- "$bin" merge "$plan" --into 4 "$c101" "$c104"
expect 0 "tally --json" -- "$bin" tally "$plan" --json
printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; p=[p for p in json.load(sys.stdin) if p['id'] == 4][0]; assert p['supports'] == 46 and p['contributions'] == 6, p" \
  && ok "the tally counts supports online beside the mentions" || not_ok "the tally counts supports online beside the mentions" "$out"
expect 0 "tally" -- "$bin" tally "$plan"
contains "the tally table has a supports column" "$out" "Supports"
expect 0 "rank with a weight for supports" -- "$bin" rank "$plan" --weights 1,1,1,2 --json
printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); assert d['priority_weights']['supports'] == 2, d['priority_weights']; p=[p for p in d['proposals'] if p['id'] == 4][0]; assert p['supports'] == 46 and p['priority_rank'] == 1, p" \
  && ok "supports weigh in the prioritisation when asked" || not_ok "supports weigh in the prioritisation when asked" "$out"
expect 2 "five weights is a usage error" -- "$bin" rank "$plan" --weights 1,1,1,1,1

# Decidim's answers file.
expect 0 "decide on the proposal Decidim's proposals went into" -- "$bin" decide "$plan" 4 --select --force --reason "Prioridad del taller y del espacio en línea"
c201=$(sqlite3 "$plan" "SELECT contribution_id FROM contribution_source WHERE external_id = 201")
expect 0 "merge a proposal of another space" -- "$bin" merge "$plan" --into 5 "$c201"
expect 0 "export --decidim-answers" -- "$bin" export "$plan" --decidim-answers "$dir/respuestas.csv"
head -c 3 "$dir/respuestas.csv" | od -An -tx1 | grep -q "ef bb bf" && not_ok "the answers file has no BOM" || ok "the answers file has no BOM"
[ "$(head -n 1 "$dir/respuestas.csv" | tr -d '\r')" = "id;state;answer/es" ] && ok "the answers header" || not_ok "the answers header" "$(head -n 1 "$dir/respuestas.csv")"
grep -q "^101;accepted;Prioridad del taller y del espacio en línea" "$dir/respuestas.csv" \
  && ok "a selected proposal's Decidim id is accepted, with the reason" || not_ok "a selected proposal's Decidim id is accepted, with the reason" "$(cat "$dir/respuestas.csv")"
grep -q "^104;" "$dir/respuestas.csv" && not_ok "amendments are left out" || ok "amendments are left out"
contains "answers for two spaces are warned about" "$err" "2 participatory spaces"
before=$(sha256sum <"$plan")
expect 1 "the answers file never replaces the process" -- "$bin" export "$plan" --decidim-answers "$plan"
[ "$(sha256sum <"$plan")" = "$before" ] && ok "the process is unchanged" || not_ok "the process is unchanged"

# OGP completion levels.
expect 0 "completion" -- "$bin" completion "$plan" --json
printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); assert len(d) == 5 and d[0]['completion'] == 'substantial' and d[3]['completion'] == 'no-evidence' and not d[0]['completion_set_by_hand'], d" \
  && ok "levels follow the milestones" || not_ok "levels follow the milestones" "$out"
before=$(sha256sum <"$plan")
expect 1 "a level set by hand needs a reason" -- "$bin" completion "$plan" --commitment 4 --level limited
one_line "a level without a reason"
expect 1 "Spanish: a level without a reason" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" completion "$plan" --commitment 4 --level limitado
contains "Spanish refusal of a level without a reason" "$err" "Razón:"
expect 1 "an unknown commitment" -- "$bin" completion "$plan" --commitment 9 --level limited --reason x
[ "$(sha256sum <"$plan")" = "$before" ] && ok "refused levels change nothing" || not_ok "refused levels change nothing"
expect 2 "an unknown level is a usage error" -- "$bin" completion "$plan" --commitment 4 --level almost --reason x
expect 2 "--level and --follow-milestones together is a usage error" -- "$bin" completion "$plan" --commitment 4 --level limited --follow-milestones
expect 0 "a level set by hand" -- "$bin" completion "$plan" --commitment 4 --level limited --reason "Mesa de diálogo constituida"
contains "the level set by hand is said with the milestones' own" "$out" "Limited (set by hand; the milestones say No evidence available)"
expect 0 "follow-up --json" -- "$bin" follow-up "$plan" --json
printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; c=[c for c in json.load(sys.stdin)['summary']['commitments'] if c['commitment'] == 4][0]; assert c['completion'] == 'limited' and c['completion_derived'] == 'no-evidence' and c['completion_reason'] == 'Mesa de diálogo constituida', c" \
  && ok "follow-up --json carries the completion" || not_ok "follow-up --json carries the completion" "$out"
expect 0 "follow-up" -- "$bin" follow-up "$plan"
contains "follow-up shows the completion" "$out" "OGP completion: Limited"
expect 0 "Spanish: follow-up" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" follow-up "$plan"
contains "Spanish completion" "$out" "Cumplimiento OGP: Limitado"
expect 0 "back to the milestones" -- "$bin" completion "$plan" --commitment 4 --follow-milestones
contains "following the milestones again" "$out" "Commitment 4: No evidence available"

# Stage 6: the plan changed in answer to comments, and the final plan.
final="$dir/final.cocrea"
expect 0 "demo for the final plan" -- "$bin" demo "$final"
expect 0 "revise a milestone in answer to comment 1" -- "$bin" revise "$final" --comment 1 --milestone 2 --field deliverable --value "Diseñar con asambleas barriales cómo participarán los vecinos"
contains "revise says what changed" "$out" "Changed Activity or deliverable of milestone 2.2 in answer to comment 1."
[ "$(sqlite3 "$final" "SELECT deliverable FROM milestone WHERE id = (SELECT milestone_id FROM plan_revision)")" = "Diseñar con asambleas barriales cómo participarán los vecinos" ] \
  && ok "the plan changed" || not_ok "the plan changed"
before=$(sha256sum <"$final")
expect 1 "a comment not accepted changes nothing" -- "$bin" revise "$final" --comment 4 --field note --value "Cámaras"
one_line "a comment not accepted"
expect 1 "Spanish: a comment not accepted" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" revise "$final" --comment 4 --field note --value "Cámaras"
contains "Spanish refusal of a comment not accepted" "$err" "no fue acogido"
expect 1 "an unknown field" -- "$bin" revise "$final" --comment 1 --field origin --value municipal
expect 1 "a bad date" -- "$bin" revise "$final" --comment 1 --milestone 2 --field ends_on --value 2020-13
[ "$(sha256sum <"$final")" = "$before" ] && ok "refused revisions change nothing" || not_ok "refused revisions change nothing"
expect 2 "revise without --value is a usage error" -- "$bin" revise "$final" --comment 1 --field note
expect 0 "consultation --json lists the revision under its comment" -- "$bin" consultation "$final" --json
printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; c=json.load(sys.stdin)['comments'][0]; r=c['revisions']; assert len(r) == 1 and r[0]['milestone'] == 2 and r[0]['field'] == 'deliverable', c" \
  && ok "the revision is listed with its comment" || not_ok "the revision is listed with its comment" "$out"
expect 0 "export --final-pdf" -- "$bin" export "$final" --final-pdf "$dir/final.pdf"
text=$(pdftotext -q "$dir/final.pdf" - | tr '\n' ' ')
contains "the final plan has the changes since the draft" "$text" "Cambios desde el borrador"
contains "the final plan says what the comment asked" "$text" "Junta de Vecinos Huamachuco"
contains "the final plan has the accountability part" "$text" "Rendición de cuentas"
qpdf --check "$dir/final.pdf" >/dev/null 2>&1 && ok "the final plan passes qpdf --check" || not_ok "the final plan passes qpdf --check"

# The end-of-commitment report.
expect 0 "export --commitment-report" -- "$bin" export "$final" --commitment-report 2 "$dir/cierre.pdf"
text=$(pdftotext -q "$dir/cierre.pdf" - | tr '\n' ' ')
contains "the report names the commitment" "$text" "Compromiso 2:"
contains "the report has the evidence" "$text" "Avance y evidencia"
contains "the report has the comments" "$text" "Lo que dijo la consulta pública"
expect 1 "a commitment the plan does not have" -- "$bin" export "$final" --commitment-report 9 "$dir/nueve.pdf"
one_line "an unknown commitment"
[ -e "$dir/nueve.pdf" ] && not_ok "no report for an unknown commitment" || ok "no report for an unknown commitment"
expect 2 "--commitment-report without OUT.pdf is a usage error" -- "$bin" export "$final" --commitment-report 2
expect 2 "two exports at once is a usage error" -- "$bin" export "$final" --commitment-report 2 "$dir/x.pdf" --pdf "$dir/y.pdf"
before=$(sha256sum <"$final")
expect 1 "the report never replaces the process" -- "$bin" export "$final" --commitment-report 2 "$final"
[ "$(sha256sum <"$final")" = "$before" ] && ok "the process is unchanged" || not_ok "the process is unchanged"

# The repository pack, checked by independent readers (unzip, sha256sum).
expect 0 "export --pack" -- "$bin" export "$final" --pack "$dir/pack.zip"
names=$(unzip -Z1 "$dir/pack.zip" | sort | tr '\n' ' ')
for f in plan-de-accion.pdf plan-de-accion-final.pdf informe-de-razones.pdf respuestas-consulta-publica.csv compromisos.csv propuestas-decidim.json proceso.json historial.json MANIFEST.json MANIFEST.txt; do
  contains "the pack holds $f" "$names" "$f"
done
unzip -p "$dir/pack.zip" MANIFEST.json >"$dir/manifest.json"
bad=$(/usr/bin/python3 - "$dir/pack.zip" "$dir/manifest.json" <<'PY'
import hashlib, json, subprocess, sys
zip_path, manifest = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
bad = []
for f in manifest["files"]:
    data = subprocess.run(["unzip", "-p", zip_path, f["name"]], capture_output=True, check=True).stdout
    if hashlib.sha256(data).hexdigest() != f["sha256"] or len(data) != f["size"]:
        bad.append(f["name"])
if manifest["process"] != "Plan de Acción Comunal de Gobierno Abierto de Renca" or not manifest["generator"].startswith("Cocrea "):
    bad.append("header")
print(" ".join(bad))
PY
)
[ -z "$bad" ] && ok "every file's SHA-256 and size match MANIFEST.json" || not_ok "every file's SHA-256 and size match MANIFEST.json" "$bad"
( mkdir -p "$dir/unpacked" && cd "$dir/unpacked" && unzip -q "$dir/pack.zip" && sha256sum -c --quiet MANIFEST.txt ) \
  && ok "sha256sum -c MANIFEST.txt passes" || not_ok "sha256sum -c MANIFEST.txt passes"
qpdf --check "$dir/unpacked/plan-de-accion.pdf" >/dev/null 2>&1 && ok "the pack's plan passes qpdf --check" || not_ok "the pack's plan passes qpdf --check"
expect 0 "a pack with Decidim's proposals" -- "$bin" export "$plan" --pack "$dir/pack-decidim.zip"
contains "the pack holds the answers to Decidim" "$(unzip -Z1 "$dir/pack-decidim.zip")" "respuestas-decidim.csv"
before=$(sha256sum <"$final")
expect 1 "the pack never replaces the process" -- "$bin" export "$final" --pack "$final"
one_line "a pack over the process"
[ "$(sha256sum <"$final")" = "$before" ] && ok "the process is unchanged" || not_ok "the process is unchanged"
ls -a "$dir" | grep -q "cocrea-part" && not_ok "no temporary file left" || ok "no temporary file left"

# The history: who did what, and when.
expect 0 "log" -- env COCREA_AUTHOR="Marta Díaz" "$bin" completion "$final" --commitment 5 --level limited --reason "Sesiones abiertas desde marzo"
expect 0 "log" -- "$bin" log "$final"
contains "log names who set the level" "$out" "Marta Díaz"
contains "log says what was done" "$out" "Completion level set by hand: commitment 5"
expect 0 "log --json" -- "$bin" log "$final" --json
printf '%s' "$out" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); e=d[-1]; assert e['action'] == 'set-completion' and e['author'] == 'Marta Díaz' and e['kind'] == 'plan' and e['detail']['level'] == 'limited', e; assert [x['id'] for x in d] == sorted(x['id'] for x in d)" \
  && ok "log --json: oldest first, with author, kind and detail" || not_ok "log --json: oldest first, with author, kind and detail" "$out"
expect 0 "log --since a day to come" -- "$bin" log "$final" --since 2999-01-01
contains "nothing since a day to come" "$out" "Nothing was done on that day or since."
before=$(sha256sum <"$final")
expect 1 "log --since a day that is not one" -- "$bin" log "$final" --since 2020-02-30
one_line "a bad day"
expect 0 "Spanish: log" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" log "$final"
contains "Spanish history" "$out" "Nivel de cumplimiento fijado a mano: compromiso 5"
[ "$(sha256sum <"$final")" = "$before" ] && ok "log writes nothing" || not_ok "log writes nothing"

echo "1..$n"
[ $failed -eq 0 ]
