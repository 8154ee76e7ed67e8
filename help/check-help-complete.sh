#!/bin/sh
# The Spanish guide must be complete: extracts every message of the English
# pages (as the help-org.cocrea.Cocrea-pot target does), merges es/es.po with
# them and fails when any is untranslated or fuzzy (a figure whose file
# changed is fuzzy too: take the new Spanish screenshot). Usage: HELPDIR.
set -eu
help=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$help/C"
itstool -o "$tmp/help.pot" ./*.page legal.xml
msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/es.po" ../es/es.po "$tmp/help.pot"
msgfmt --check --statistics --output-file=/dev/null "$tmp/es.po" 2>"$tmp/stats"
cat "$tmp/stats"
if grep -Eq 'untranslated|fuzzy' "$tmp/stats"; then
  echo "Messages of the guide without a Spanish translation:"
  msgattrib --untranslated --no-obsolete "$tmp/es.po" | grep -A1 '^msgid' | head -60
  exit 1
fi
