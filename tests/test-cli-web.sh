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

echo "1..$n"
[ $failed -eq 0 ]
