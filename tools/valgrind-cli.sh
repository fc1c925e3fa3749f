#!/usr/bin/env bash
# Valgrind memcheck over the command line as a user runs it (issue 9):
# solves (table and --json, a feasible and an infeasible scenario, a CSV),
# a budget sweep, a chart export, and the model exports. Any invalid read or
# write, use of an uninitialised value or definitely lost block fails it.
#
# Usage: tools/valgrind-cli.sh [PATH-TO-landfall-cli]
#        (default build/app/cli/landfall-cli; a plain, not a sanitized build)
# Exit status 0 when every run is clean, 1 otherwise; the log of a failed
# run is printed.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cli="${1:-$here/build/app/cli/landfall-cli}"
examples="$here/tests/data/examples"

if ! command -v valgrind >/dev/null; then
  echo "valgrind is not installed (apt-get install valgrind)" >&2
  exit 77
fi
if [ ! -x "$cli" ]; then
  echo "no landfall-cli at $cli" >&2
  exit 1
fi
# Valgrind cannot run a binary built with AddressSanitizer: that build is
# checked by the sanitizers themselves.
if grep -q __asan_init "$cli"; then
  echo "$cli is built with AddressSanitizer: skipped" >&2
  exit 77
fi

out="$(mktemp -d "${TMPDIR:-/tmp}/landfall-valgrind-XXXXXX")"
trap 'rm -rf "$out"' EXIT

# GLib's type system and GIO's modules keep one-time allocations for the
# life of the process; they are "still reachable", not lost, and not
# reported as errors. fontconfig's caches are reported as definitely lost
# and are suppressed in tests/valgrind.supp (see there).
supp=()
if [ -f "$here/tests/valgrind.supp" ]; then
  supp=(--suppressions="$here/tests/valgrind.supp")
fi
export G_SLICE=always-malloc G_DEBUG=gc-friendly
export LANGUAGE=C LC_ALL=C.UTF-8 GIO_USE_VFS=local

status=0
# run NAME EXPECTED-EXIT-STATUS COMMAND ARGUMENT...
# A sub-command this build does not have yet is skipped, and says so.
run ()
{
  local name="$1" expected="$2"
  shift 2
  if ! "$cli" --help 2>&1 | grep -qw -- "$1"; then
    echo "skip $name: landfall-cli has no “$1” command"
    return
  fi
  local log="$out/$name.log"
  local start=$SECONDS rc

  if valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
       --errors-for-leak-kinds=definite --show-leak-kinds=definite \
       --track-origins=yes --num-callers=30 \
       "${supp[@]}" \
       --log-file="$log" "$cli" "$@" >"$out/$name.out" 2>"$out/$name.err"; then
    rc=0
  else
    rc=$?
  fi
  if [ $rc -eq "$expected" ]; then
    echo "ok   $name ($((SECONDS - start)) s)"
  else
    if [ $rc -eq 99 ]; then
      echo "FAIL $name: memcheck errors"
      grep -v '^==[0-9]*== *$' "$log" | tail -60
    else
      echo "FAIL $name: exit status $rc"
      tail -20 "$out/$name.err"
    fi
    status=1
  fi
}

run solve-table    0 solve "$examples/china-customer-service.json"
run solve-json     0 solve "$examples/china-customer-service.json" --json
run solve-infeasible 0 solve "$examples/infeasible.json" --json
run solve-min-cost 0 solve "$examples/min-cost.json"
run solve-csv      0 solve "$examples/customer-service-markets.csv" --budget 6000000
run validate-bad   2 validate "$here/tests/fuzz/corpus-scenario-json/invalid-values.json"
run sweep          0 sweep "$examples/china-customer-service.json" --from 2000000 --to 8000000 --steps 4 --json
run export-lp      0 export-model "$examples/china-customer-service.json" --lp "$out/model.lp"
run export-mps     0 export-model "$examples/china-customer-service.json" --mps "$out/model.mps"
run chart-svg      0 chart "$examples/china-customer-service.json" --kind allocation --format svg --out "$out/chart.svg"
run ws-import      0 workspace import --db "$out/ws.db" "$examples/china-customer-service.json" "$examples/min-cost.json"
run ws-list        0 workspace list --db "$out/ws.db" --json
run ws-export      0 workspace export --db "$out/ws.db" --scenario "$(sed -n 's/^  "name": "\(.*\)",$/\1/p' "$examples/min-cost.json")"
run ws-check-bad   2 workspace check --db "$here/tests/fuzz/corpus-workspace/other-app.db"

exit $status
