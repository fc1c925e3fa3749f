#!/usr/bin/env bash
# The command line speaks the user's language and writes numbers the
# user's way, while --json and files never change with the locale.
#   check-i18n.sh LANDFALL_CLI BUILD_PO_DIR SOURCE_ROOT
set -u
cli=$1
export LANDFALL_LOCALEDIR=$2
example=$3/tests/data/examples/infeasible.json
china=$3/tests/data/examples/china-customer-service.json
failed=0

expect() {  # expect DESCRIPTION PATTERN OUTPUT
  if grep -q -- "$2" <<<"$3"; then
    echo "ok - $1"
  else
    echo "not ok - $1: no “$2” in:"; sed 's/^/#   /' <<<"$3"; failed=1
  fi
}

has_locale() { locale -a 2>/dev/null | grep -qix "$(sed 's/UTF-8/utf8/' <<<"$1")"; }

for loc in zh_CN.UTF-8 de_DE.UTF-8 ja_JP.UTF-8 fr_FR.UTF-8 pt_BR.UTF-8; do
  has_locale "$loc" || { echo "ok - $loc # SKIP locale not generated"; continue; }
  lang=${loc%%.*}; [[ $lang == zh_CN || $lang == pt_BR ]] || lang=${lang%%_*}
  out=$(LANGUAGE=$lang LC_ALL=$loc "$cli" solve "$example")
  # The budget diagnosis names the amount in the locale's grouping.
  case $lang in
    zh_CN) expect "zh_CN diagnosis" "预算" "$out" ;;
    ja) expect "ja diagnosis" "予算" "$out" ;;
    de) expect "de diagnosis" "Budget.*5.945.000 USD" "$out" ;;
    fr) expect "fr diagnosis" "Le budget doit augmenter" "$out" ;;
    pt_BR) expect "pt_BR diagnosis" "orçamento" "$out" ;;
  esac
  json=$(LANGUAGE=$lang LC_ALL=$loc "$cli" solve --json "$china")
  expect "$loc --json keeps '.' decimals" '"value": 7.51972841' "$json"
done

if has_locale de_DE.UTF-8; then
  out=$(LANGUAGE=de LC_ALL=de_DE.UTF-8 "$cli" solve "$china")
  expect "de groups thousands with '.'" "6.000.000 USD" "$out"
  expect "de writes decimals with ','" "0,404" "$out"
fi
exit $failed
