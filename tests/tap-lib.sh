# tap-lib.sh — what the command-line test scripts share: a temporary
# folder, TAP counting, and checks of a command's exit status and output.
# Source it; it sets $bin, $dir, $out and $err.
bin=${COCREA_BIN:?COCREA_BIN must point at the cocrea binary}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done; }

# expect STATUS DESCRIPTION -- COMMAND...: runs it, keeps stdout/stderr in $out/$err
expect () {
  local want=$1 what=$2; shift 3
  "$@" >"$dir/out" 2>"$dir/err"
  local got=$?
  out=$(cat "$dir/out"); err=$(cat "$dir/err")
  if [ "$got" = "$want" ]; then ok "$what"; else not_ok "$what" "exit $got, wanted $want" "stderr: $err"; fi
}

one_line () {
  local lines
  lines=$(printf '%s' "$err" | wc -l)
  if [ "$lines" -eq 0 ] && [ -n "$err" ]; then ok "$1: one-line message"; else not_ok "$1: one-line message" "stderr: $err"; fi
}

contains () {
  case "$2" in *"$3"*) ok "$1" ;; *) not_ok "$1" "missing: $3" "got: $2" ;; esac
}

