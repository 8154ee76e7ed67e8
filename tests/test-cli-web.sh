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

echo "1..$n"
[ $failed -eq 0 ]
