#!/usr/bin/env bash
# check-first-run.sh SRCDIR: README command 1 (build-aux/run-app.sh) must work
# on a machine that has only what it installs (the build set of
# build-aux/install-deps.sh). Every machine that ever ran the tests also has the
# test packages, so a build step that needs one of them (a validator, a cache
# tool) would pass here and fail on a user's fresh laptop. This test hides the
# programs of every test package that the build packages do not pull in, then
# runs `meson setup -Dtests=false` and the build of the app, its data,
# translations and help in a fresh directory, and runs the built binary.
# Then `meson install` into a prefix (its post-install hooks included) and
# checks what a desktop needs from it: the launcher with its file type, the
# icon, compiled settings, the MIME database, the translations and the guide
# found from the prefix, and .cocrea files opening with the app.
# TAP output; fails if setup, the build, the install or the binary fails.
set -uo pipefail
src=${1:?usage: check-first-run.sh SRCDIR [WORKDIR]}
deps="$src/build-aux/install-deps.sh"

echo "1..6"
# WORKDIR (emptied first) is a fixed place in meson's build folder, so that
# ccache finds the objects of the previous run; else a temporary folder.
if [ -n "${2:-}" ]; then
  tmp=$2; rm -rf "$tmp"; mkdir -p "$tmp"
else
  tmp=$(mktemp -d)
fi
trap 'rm -rf "$tmp"' EXIT

mapfile -t build_pkgs < <(bash "$deps" --list build)
mapfile -t test_pkgs < <(bash "$deps" --list test)

missing=()
for p in "${build_pkgs[@]}"; do
  [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "not ok 1 - build packages installed (missing: ${missing[*]})"
  exit 1
fi
echo "ok 1 - all ${#build_pkgs[@]} build packages are installed"

# What the build packages pull in (Depends and Pre-Depends, recursively, among
# installed packages). An alternative "a | b" counts both, so the closure may
# be a little larger than apt's choice: never smaller.
apt-cache depends --recurse --installed --no-recommends --no-suggests \
    --no-conflicts --no-breaks --no-replaces --no-enhances "${build_pkgs[@]}" 2>/dev/null |
  grep -v '^ ' | tr -d '<>' | sed 's/:.*//' | sort -u >"$tmp/closure"

hidden_pkgs=()
: >"$tmp/hidden"
for p in "${test_pkgs[@]}"; do
  grep -qx "$p" "$tmp/closure" && continue
  hidden_pkgs+=("$p")
  dpkg -L "$p" 2>/dev/null | grep -E '^(/usr)?/s?bin/[^/]+$' | xargs -r -n1 basename >>"$tmp/hidden"
done
sort -u -o "$tmp/hidden" "$tmp/hidden"
echo "# test-only packages hidden: ${hidden_pkgs[*]}"
echo "# their programs: $(tr '\n' ' ' <"$tmp/hidden")"

# A PATH of one folder: every program on the real PATH except the hidden ones.
mkdir "$tmp/bin"
IFS=: read -r -a path_dirs <<<"$PATH"
for d in "${path_dirs[@]}"; do
  [ -d "$d" ] || continue
  for f in "$d"/*; do
    name=${f##*/}
    [ -x "$f" ] && [ ! -d "$f" ] || continue
    [ -e "$tmp/bin/$name" ] && continue
    grep -qxF "$name" "$tmp/hidden" && continue
    ln -s "$f" "$tmp/bin/$name"
  done
done

# The hiding must work, or this test proves nothing: none of the hidden
# programs (desktop-file-validate, xvfb-run, xmllint...) may be found.
still=()
while read -r name; do
  PATH="$tmp/bin" command -v "$name" >/dev/null && still+=("$name")
done <"$tmp/hidden"
if [ -s "$tmp/hidden" ] && [ ${#still[@]} -eq 0 ]; then
  echo "ok 2 - $(wc -l <"$tmp/hidden") test-only programs are off the PATH"
else
  echo "not ok 2 - test-only programs off the PATH (still there: ${still[*]:-none hidden})"
  exit 1
fi

export PATH="$tmp/bin"
if meson setup "$tmp/build" "$src" -Dtests=false --prefix "$tmp/prefix" >"$tmp/setup.log" 2>&1; then
  echo "ok 3 - meson setup -Dtests=false with the build packages only"
else
  echo "not ok 3 - meson setup -Dtests=false with the build packages only"
  sed 's/^/# /' "$tmp/setup.log"
  exit 1
fi

if meson compile -C "$tmp/build" >"$tmp/compile.log" 2>&1; then
  echo "ok 4 - the app, its data, translations and help build"
else
  echo "not ok 4 - the app, its data, translations and help build"
  tail -n 40 "$tmp/compile.log" | sed 's/^/# /'
  exit 1
fi

# Nothing of the tests was built: command 1 builds only what running needs.
if [ -e "$tmp/build/tests" ] || [ -e "$tmp/build/bench" ]; then
  echo "not ok 5 - a run-only build has no tests or benchmarks"
  exit 1
fi
if "$tmp/build/src/cocrea" --help >/dev/null &&
   "$tmp/build/src/cocrea" demo "$tmp/demo.cocrea" >/dev/null &&
   "$tmp/build/src/cocrea" check "$tmp/demo.cocrea" >/dev/null; then
  echo "ok 5 - the built cocrea writes and checks the demo; no tests or benchmarks were built"
else
  echo "not ok 5 - the built cocrea writes and checks the demo"
  exit 1
fi

# An install into a prefix, as a user without root would do it.
prefix="$tmp/prefix"
if ! meson install -C "$tmp/build" >"$tmp/install.log" 2>&1; then
  echo "not ok 6 - meson install into a prefix"
  tail -n 30 "$tmp/install.log" | sed 's/^/# /'
  exit 1
fi
problems=()
share="$prefix/share"
desktop="$share/applications/org.cocrea.Cocrea.desktop"
grep -qx 'Exec=cocrea %f' "$desktop" 2>/dev/null || problems+=("launcher: no Exec=cocrea %f")
grep -qx 'MimeType=application/x-cocrea;' "$desktop" 2>/dev/null || problems+=("launcher: no MimeType")
for f in bin/cocrea share/icons/hicolor/scalable/apps/org.cocrea.Cocrea.svg \
         share/glib-2.0/schemas/gschemas.compiled share/mime/packages/org.cocrea.Cocrea.xml \
         share/metainfo/org.cocrea.Cocrea.metainfo.xml share/locale/es/LC_MESSAGES/cocrea.mo \
         share/help/C/org.cocrea.Cocrea/index.page share/help/es/org.cocrea.Cocrea/index.page \
         share/help/es/org.cocrea.Cocrea/figures/capture.png share/man/man1/cocrea.1; do
  [ -e "$prefix/$f" ] || problems+=("missing $f")
done
# The installed binary finds its catalog under the prefix (LOCALEDIR).
out=$(env -u COCREA_LOCALEDIR LANGUAGE=es LC_ALL=C.UTF-8 "$prefix/bin/cocrea" demo "$tmp/installed.cocrea" 2>&1)
grep -q "demostración" <<<"$out" || problems+=("installed cocrea not in Spanish: $out")
# The desktop sees the prefix's file type and the app that opens it
# (update-mime-database ran as a post-install hook; gio reads the launchers).
if command -v update-mime-database >/dev/null && command -v gio >/dev/null; then
  type=$(XDG_DATA_HOME="$tmp/nohome" XDG_DATA_DIRS="$share" \
         gio info -a standard::content-type "$tmp/installed.cocrea" | sed -n 's/.*content-type: //p')
  [ "$type" = application/x-cocrea ] || problems+=("a .cocrea file is '$type'")
  # GIO ignores a launcher whose program is not on the PATH.
  apps=$(PATH="$prefix/bin:$PATH" XDG_DATA_HOME="$tmp/nohome" XDG_CONFIG_HOME="$tmp/nohome" \
         XDG_DATA_DIRS="$share" gio mime application/x-cocrea 2>&1)
  grep -q 'org.cocrea.Cocrea.desktop' <<<"$apps" || problems+=("no app for application/x-cocrea: $apps")
fi
if [ ${#problems[@]} -eq 0 ]; then
  echo "ok 6 - meson install into a prefix: launcher, icon, settings, file type, translations, guide"
else
  echo "not ok 6 - meson install into a prefix"
  printf '# %s\n' "${problems[@]}"
  exit 1
fi
