#!/bin/sh
# Spanish must be complete: extracts every message of the sources listed
# in POTFILES.in, as the cocrea-pot target does, merges es.po with them and
# fails when any is untranslated or fuzzy, listing them. Usage: SRCDIR.
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$src"
# The keywords and flags of meson's 'glib' preset, plus the PDF catalog's.
xgettext --from-code=UTF-8 --add-comments=TRANSLATORS --files-from=po/POTFILES.in \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --keyword=cocrea_catalog_ngettext:2,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_printf:1:c-format \
  --output="$tmp/cocrea.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }

msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/es.po" po/es.po "$tmp/cocrea.pot"
msgfmt --check-format --statistics --output-file=/dev/null "$tmp/es.po" 2>"$tmp/stats"
cat "$tmp/stats"
if grep -Eq 'untranslated|fuzzy' "$tmp/stats"; then
  echo "Messages without a Spanish translation:"
  msgattrib --untranslated --no-obsolete "$tmp/es.po" | grep -A1 '^msgid' | head -60
  exit 1
fi
