#!/usr/bin/env bash
# Several laptops from the command line: `cocrea copy` hands a table's copy
# out, `cocrea sync` brings it back; twice is once, conflicts stop it
# (exit 1, nothing written) until decided, another process is refused with
# its bytes unchanged, an older copy is read without being changed.
# Prints TAP.
set -u

. "$(dirname "$0")/tap-lib.sh"

main="$dir/main.cocrea"
"$bin" demo "$main" >/dev/null
workshop=$(sqlite3 "$main" "SELECT id FROM activity WHERE kind = 'workshop' ORDER BY id LIMIT 1")
workshop_name=$(sqlite3 "$main" "SELECT name FROM activity WHERE id = $workshop")
mesa3=$(sqlite3 "$main" "SELECT id FROM table_group WHERE activity_id = $workshop AND name = 'Mesa 3'")
mesa4=$(sqlite3 "$main" "SELECT id FROM table_group WHERE activity_id = $workshop AND name = 'Mesa 4'")

# Handing out.
laptop="$dir/Taller-26-03-Mesa-3.cocrea"
expect 2 "copy: --group needs --activity" -- "$bin" copy "$main" "$laptop" --group "$mesa3"
expect 2 "copy: --group takes a number" -- "$bin" copy "$main" "$laptop" --activity "$workshop" --group tres
expect 1 "copy: an unknown group is refused" -- "$bin" copy "$main" "$laptop" --activity "$workshop" --group 999999
[ -e "$laptop" ] && not_ok "no copy left by a refused one" || ok "no copy left by a refused one"
expect 0 "copy for table 3" -- "$bin" copy "$main" "$laptop" --activity "$workshop" --group "$mesa3"
expect 0 "the copy is a healthy process" -- "$bin" check "$laptop"
[ "$(sqlite3 "$laptop" "SELECT count(*) FROM table_group")" = 1 ] && ok "the copy holds its table only" || not_ok "the copy holds its table only"
[ "$(sqlite3 "$laptop" "SELECT count(*) FROM proposal")" = "$(sqlite3 "$main" "SELECT count(*) FROM proposal")" ] \
  && ok "the copy holds every proposal" || not_ok "the copy holds every proposal"
[ "$(sqlite3 "$laptop" "SELECT label FROM sync_origin")" = "Mesa 3" ] && ok "the copy is labelled after its table" || not_ok "the copy is labelled after its table"
before=$(sha256sum <"$main")
expect 1 "copy never replaces the process itself" -- "$bin" copy "$main" "$main" --force
[ "$(sha256sum <"$main")" = "$before" ] && ok "the process is unchanged" || not_ok "the process is unchanged"

# The laptop types a sheet and merges two of its rows.
printf 'actividad;mesa;texto\n' >"$dir/mesa3.csv"
for i in 1 2 3 4 5; do printf '%s;Mesa 3;Mesa 3 en la tarde: idea %s sobre plazas\n' "$workshop_name" "$i" >>"$dir/mesa3.csv"; done
expect 0 "the laptop imports its table's sheet" -- "$bin" import "$laptop" --csv "$dir/mesa3.csv"
ids=$(sqlite3 "$laptop" "SELECT id FROM contribution WHERE text LIKE 'Mesa 3 en la tarde%' ORDER BY id LIMIT 2" | tr '\n' ' ')
expect 0 "the laptop merges two" -- "$bin" merge "$laptop" --title "Plazas de la tarde" $ids

# Bringing back.
expect 2 "sync without --from is a usage error" -- "$bin" sync "$main"
before=$(sha256sum <"$main")
copy_before=$(sha256sum <"$laptop")
expect 0 "sync --dry-run" -- "$bin" sync "$main" --from "$laptop" --dry-run
contains "it lists the new contributions" "$out" "5 contributions"
contains "and the new merge links" "$out" "2 merge links"
[ "$(sha256sum <"$main")" = "$before" ] && ok "--dry-run writes nothing" || not_ok "--dry-run writes nothing"
expect 0 "sync --json" -- "$bin" sync "$main" --from "$laptop" --json
printf '%s' "$out" | /usr/bin/python3 -c "
import json, sys
d = json.load(sys.stdin)
assert d['applied'] and d['new']['contributions'] == 5 and d['new']['proposals'] == 1, d
assert d['new']['links'] == 2 and d['changed']['contributions'] == 0 and d['conflicts'] == [], d" \
  && ok "sync --json has new, changed, deleted and conflicts" || not_ok "sync --json has new, changed, deleted and conflicts" "$out"
[ "$(sqlite3 "$main" "SELECT count(*) FROM contribution WHERE text LIKE 'Mesa 3 en la tarde%'")" = 5 ] \
  && ok "the rows are in the process" || not_ok "the rows are in the process"
[ "$(sha256sum <"$laptop")" = "$copy_before" ] && ok "the copy was only read" || not_ok "the copy was only read"
after=$(sha256sum <"$main")
expect 0 "sync again" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" sync "$main" --from "$laptop"
contains "twice is once, and it says so" "$out" "Nada nuevo en “Mesa 3”"
[ "$(sha256sum <"$main")" = "$after" ] && ok "the second time writes nothing" || not_ok "the second time writes nothing"

# A conflict: the same contribution merged here and there, differently.
one=$(sqlite3 "$main" "SELECT id FROM contribution WHERE group_id = $mesa3 AND text NOT LIKE 'Mesa 3 en la tarde%' ORDER BY id LIMIT 1")
expect 0 "here, it is merged one way" -- "$bin" merge "$main" --title "Aquí" "$one"
expect 0 "there, another" -- "$bin" merge "$laptop" --title "Allá" "$one"
before=$(sha256sum <"$main")
expect 1 "an undecided conflict stops the sync" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" sync "$main" --from "$laptop"
contains "it lists the conflict with both versions" "$out" "conflicto 1:"
contains "ours" "$out" "“Aquí”"
contains "theirs" "$out" "“Allá”"
contains "and says nothing was brought back" "$err" "no se recogió nada"
one_line "an undecided conflict"
[ "$(sha256sum <"$main")" = "$before" ] && ok "an unresolved conflict changes nothing" || not_ok "an unresolved conflict changes nothing"
expect 0 "--dry-run lists conflicts and succeeds" -- "$bin" sync "$main" --from "$laptop" --dry-run
expect 1 "--take-theirs needs a conflict's number" -- "$bin" sync "$main" --from "$laptop" --take-theirs 7
expect 0 "--take-theirs 1" -- "$bin" sync "$main" --from "$laptop" --take-theirs 1
[ "$(sqlite3 "$main" "SELECT p.title FROM contribution c JOIN proposal p ON p.id = c.proposal_id WHERE c.id = $one")" = "Allá" ] \
  && ok "the copy's version was taken" || not_ok "the copy's version was taken"

# Another process, and the file itself.
other="$dir/otro.cocrea"
"$bin" new "$other" --title "Otro plan" --municipality Quilicura >/dev/null
before=$(sha256sum <"$main")
other_before=$(sha256sum <"$other")
expect 1 "a copy of another process is refused" -- env LANGUAGE=es LC_ALL=C.UTF-8 "$bin" sync "$main" --from "$other"
contains "saying so" "$err" "pertenece a otro proceso"
one_line "another process"
[ "$(sha256sum <"$main")" = "$before" ] && [ "$(sha256sum <"$other")" = "$other_before" ] \
  && ok "both files' SHA-256 unchanged" || not_ok "both files' SHA-256 unchanged"
expect 1 "the process itself is refused as its copy" -- "$bin" sync "$main" --from "$main"
expect 1 "random bytes are refused as a copy" -- "$bin" sync "$main" --from /dev/null

# A copy from an older Cocrea: read, never changed.
fixture="$(dirname "$0")/fixtures/process-v1.sql"
sqlite3 "$dir/viejo.cocrea" <"$fixture"
sqlite3 "$dir/viejo-copia.cocrea" <"$fixture"
sqlite3 "$dir/viejo-copia.cocrea" "INSERT INTO contribution (activity_id, group_id, text, created_at) VALUES (1, 2, 'Tipeado en la versión anterior', '2019-03-26T12:00:00Z')"
old_before=$(sha256sum <"$dir/viejo-copia.cocrea")
expect 0 "an older copy is brought back" -- "$bin" sync "$dir/viejo.cocrea" --from "$dir/viejo-copia.cocrea"
[ "$(sha256sum <"$dir/viejo-copia.cocrea")" = "$old_before" ] && ok "the older copy is unchanged on disk" || not_ok "the older copy is unchanged on disk"
[ "$(sqlite3 "$dir/viejo.cocrea" "SELECT count(*) FROM contribution WHERE text = 'Tipeado en la versión anterior'")" = 1 ] \
  && ok "what only it had came in" || not_ok "what only it had came in"

# merge-scores is one case of it, and still works.
scores="$dir/evaluador.cocrea"
expect 0 "copy for an evaluator" -- "$bin" copy "$main" "$scores"
proposal=$(sqlite3 "$main" "SELECT id FROM proposal WHERE merged_into_id IS NULL ORDER BY id LIMIT 1")
expect 0 "the evaluator scores there" -- "$bin" score "$scores" --evaluator "Evaluadora Nueva" --proposal "$proposal" --criterion budget --value 4
expect 0 "merge-scores brings it back" -- "$bin" merge-scores "$main" --from "$scores"
[ "$(sqlite3 "$main" "SELECT count(*) FROM score s JOIN evaluator e ON e.id = s.evaluator_id WHERE e.name = 'Evaluadora Nueva'")" = 1 ] \
  && ok "the score is here" || not_ok "the score is here"

echo "1..$n"
[ $failed -eq 0 ]
