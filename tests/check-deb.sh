#!/usr/bin/env bash
# check-deb.sh SRCDIR: the Debian package builds from a clean copy of the
# source (dpkg-buildpackage -b -us -uc, with DEB_BUILD_OPTIONS="nocheck
# parallel=2": a release build of the app only, about two minutes), holds the
# app and all its data, takes its library dependencies from shlibs, runs from
# its own files (the translations included), and lintian reports nothing but
# the tags explained in debian/lintian-explained. debian/control's
# Build-Depends must name every package of install-deps.sh's build set.
# TAP output.
set -uo pipefail
src=$(cd "${1:?usage: check-deb.sh SRCDIR [WORKDIR]}" && pwd)
echo "1..7"
# WORKDIR (emptied first) is a fixed place in meson's build folder: the
# package's compiler flags name the source folder, so only a fixed one lets
# ccache reuse the previous run's objects. Else a temporary folder.
if [ -n "${2:-}" ]; then
  tmp=$2; rm -rf "$tmp"; mkdir -p "$tmp"
else
  tmp=$(mktemp -d)
fi
trap 'rm -rf "$tmp"' EXIT

fail () { echo "not ok $1"; shift; for line in "$@"; do echo "# $line"; done; exit 1; }

# 1. Build-Depends follow the build set (build-essential is implied; the
#    fonts are needed at run time, in Depends or Recommends).
build_depends=$(sed -n '/^Build-Depends:/,/^[^ ]/p' "$src/debian/control" | grep '^ ' |
                sed 's/^ *//; s/[ ,(<].*//')
missing=()
for p in $(bash "$src/build-aux/install-deps.sh" --list build); do
  case "$p" in build-essential|fonts-dejavu-core|fonts-symbola|fontconfig) continue ;; esac
  grep -qx "$p" <<<"$build_depends" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] ||
  fail "1 - debian/control Build-Depends has the build set" "missing: ${missing[*]}"
echo "ok 1 - debian/control Build-Depends has every package of the build set"

for tool in dpkg-buildpackage dh dpkg-deb lintian; do
  command -v "$tool" >/dev/null ||
    fail "2 - the package builds" "$tool is missing: build-aux/install-deps.sh --test installs it"
done

# 2. A clean copy (what git knows, plus new files not ignored), built as a
#    user would: dpkg-buildpackage writes beside the source folder.
version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
copy="$tmp/cocrea-$version"
mkdir "$copy"
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
  (cd "$src" && git ls-files -co --exclude-standard | while IFS= read -r f; do
     [ -e "$f" ] && printf '%s\n' "$f"; done | tar -cf - -T -) | tar -xf - -C "$copy"
else
  (cd "$src" && tar --exclude='./build*' --exclude='./_build*' --exclude='./obj-*' -cf - .) |
    tar -xf - -C "$copy"
fi
start=$(date +%s)
if ! (cd "$copy" && DEB_BUILD_OPTIONS="nocheck parallel=2" \
      dpkg-buildpackage -b -us -uc >"$tmp/build.log" 2>&1); then
  fail "2 - dpkg-buildpackage -b -us -uc" "$(tail -n 30 "$tmp/build.log")"
fi
deb=$(ls "$tmp"/cocrea_"$version"_*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "2 - dpkg-buildpackage -b -us -uc" "no .deb in $tmp"
echo "ok 2 - dpkg-buildpackage -b -us -uc made $(basename "$deb") in $(( $(date +%s) - start )) s"

# 3. Its contents: the app, the launcher, icons, file type, metadata,
#    settings, translations, the guide in both languages, the manual page.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$tmp/contents"
absent=()
for f in /usr/bin/cocrea \
         /usr/share/applications/org.cocrea.Cocrea.desktop \
         /usr/share/icons/hicolor/scalable/apps/org.cocrea.Cocrea.svg \
         /usr/share/icons/hicolor/symbolic/apps/org.cocrea.Cocrea-symbolic.svg \
         /usr/share/mime/packages/org.cocrea.Cocrea.xml \
         /usr/share/metainfo/org.cocrea.Cocrea.metainfo.xml \
         /usr/share/glib-2.0/schemas/org.cocrea.Cocrea.gschema.xml \
         /usr/share/locale/es/LC_MESSAGES/cocrea.mo \
         /usr/share/help/C/org.cocrea.Cocrea/index.page \
         /usr/share/help/C/org.cocrea.Cocrea/figures/capture.png \
         /usr/share/help/es/org.cocrea.Cocrea/index.page \
         /usr/share/help/es/org.cocrea.Cocrea/figures/capture.png \
         /usr/share/man/man1/cocrea.1.gz \
         /usr/share/doc/cocrea/copyright; do
  grep -qxF "$f" "$tmp/contents" || absent+=("$f")
done
[ ${#absent[@]} -eq 0 ] || fail "3 - the package holds the app and its data" "absent: ${absent[*]}"
# Nothing of the tests, no compiled caches (triggers make them), nothing in /usr/local.
stray=$(grep -E '/test-|/bench-|gschemas\.compiled|/usr/local|icon-theme\.cache|mimeinfo\.cache' "$tmp/contents" || true)
[ -z "$stray" ] || fail "3 - the package holds the app and its data" "should not be there: $stray"
echo "ok 3 - dpkg-deb -c: $(grep -c . "$tmp/contents") entries, the app and all its data, no tests or caches"

# 4. Library dependencies come from shlibs (no hand-written versions).
depends=$(dpkg-deb -f "$deb" Depends)
echo "# Depends: $depends"
for lib in libgtk-4-1 libadwaita-1-0 libsqlite3-0 libharfbuzz libfribidi0 zlib1g libqrencode4 libjson-glib libcsv3 libstemmer0d fonts-dejavu-core; do
  grep -q "$lib" <<<"$depends" || fail "4 - Depends from shlibs" "no $lib in Depends"
done
echo "ok 4 - Depends names the libraries through shlibs, and the fonts"

# 5. The unpacked binary runs and speaks Spanish from the package's catalog.
dpkg-deb -x "$deb" "$tmp/root"
out=$(env LANGUAGE=es LC_ALL=C.UTF-8 COCREA_LOCALEDIR="$tmp/root/usr/share/locale" \
      "$tmp/root/usr/bin/cocrea" demo "$tmp/demo.cocrea" 2>&1) ||
  fail "5 - the packaged cocrea runs" "$out"
grep -q "demostración" <<<"$out" || fail "5 - the packaged cocrea speaks Spanish" "got: $out"
"$tmp/root/usr/bin/cocrea" check "$tmp/demo.cocrea" >/dev/null ||
  fail "5 - the packaged cocrea checks its demo"
echo "ok 5 - the packaged cocrea writes and checks the demo, in Spanish from its catalog"

# 6. The installed guide is valid Mallard in both languages.
if command -v yelp-check >/dev/null; then
  for lang in C es; do
    (cd "$tmp/root/usr/share/help/$lang/org.cocrea.Cocrea" && yelp-check validate . >"$tmp/yelp.log" 2>&1) ||
      fail "6 - the installed guide validates" "$lang: $(cat "$tmp/yelp.log")"
  done
  echo "ok 6 - the installed guide (C and es) passes yelp-check validate"
else
  fail "6 - the installed guide validates" "yelp-check is missing: install yelp-tools"
fi

# 7. lintian: every tag it still reports must be explained in
#    debian/lintian-explained (one tag per line, with the reason beside it).
changes=$(ls "$tmp"/cocrea_"$version"_*.changes | head -n1)
lintian --info --display-info --no-tag-display-limit "$changes" >"$tmp/lintian.log" 2>&1
sed -n 's/^[EWIP]: cocrea[^:]*: \([a-z0-9-]*\).*/\1/p' "$tmp/lintian.log" | sort -u >"$tmp/tags"
unexplained=()
while read -r tag; do
  grep -q "^$tag " "$src/debian/lintian-explained" 2>/dev/null || unexplained+=("$tag")
done <"$tmp/tags"
[ ${#unexplained[@]} -eq 0 ] ||
  fail "7 - lintian reports only explained tags" "unexplained: ${unexplained[*]}" \
       "$(grep -E "$(IFS='|'; echo "${unexplained[*]}")" "$tmp/lintian.log" | head -n 20)"
echo "ok 7 - lintian: $(grep -c . "$tmp/tags") tags, each explained in debian/lintian-explained"
