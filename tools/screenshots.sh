#!/usr/bin/env bash
# Opens landfall under Xvfb at 1400x900 on the example scenarios and saves
# screenshots into docs/screenshots/: light and dark, English, and Chinese
# (LANGUAGE=zh_CN) when a zh_CN translation is built.
#
#   tools/screenshots.sh [BUILD_DIR]      (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build}")
out=docs/screenshots
app="$build/app/gui/landfall"
[[ -x "$app" ]] || { echo "no $app: build the window first" >&2; exit 1; }
command -v Xvfb >/dev/null && command -v import >/dev/null \
  || { echo "needs Xvfb and ImageMagick's import" >&2; exit 1; }
mkdir -p "$out"

tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
sleep 1

export DISPLAY=$display
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$tmp/config"
export GSETTINGS_SCHEMA_DIR="$build/resources"
export GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1
export LANDFALL_LOCALEDIR="$build/po"
# Fresh default workspaces (seeded with the example scenarios) in $tmp.
gsettings set io.github.landfall.Landfall window-width 1400
gsettings set io.github.landfall.Landfall window-height 900

# Clicks at window coordinates (the window sits at 0,0 without a window
# manager); only with xdotool, else that screenshot is left out.
click ()
{
  xdotool mousemove "$1" "$2" click 1
  sleep 1
}

# shot NAME STYLE LANGUAGE [CLICK_X CLICK_Y]...; $OPEN: a file to open;
# $KEYS: keys pressed first (xdotool names: alt+2 shows What If); $HOVER:
# "X Y" where the pointer rests for the picture (a chart's tooltip)
shot ()
{
  local name=$1 style=$2 lang=$3
  shift 3
  local data="$tmp/data"
  [[ -n "${OPEN:-}" ]] && data="$tmp/data-$name"
  if (( $# > 0 )) || [[ -n "${KEYS:-}${HOVER:-}" ]] && ! command -v xdotool >/dev/null; then
    echo "skipped $name (needs xdotool)"
    return
  fi
  gsettings set io.github.landfall.Landfall style "$style"
  XDG_DATA_HOME=$data LANGUAGE=$lang LC_ALL=${LC_SHOT:-C.UTF-8} "$app" ${OPEN:+"$OPEN"} >/dev/null 2>&1 &
  local pid=$!
  sleep 3
  for key in ${KEYS:-}; do
    xdotool key "$key"
    sleep 1.5
  done
  while (( $# >= 2 )); do
    click "$1" "$2"
    shift 2
  done
  if [[ -n "${HOVER:-}" ]]; then
    xdotool mousemove ${HOVER} && sleep 0.3 && xdotool mousemove_relative 1 0 && sleep 1.5
  elif command -v xdotool >/dev/null; then
    xdotool mousemove 1399 899
  fi
  import -window root "$out/$name.png"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$out/$name.png"
}

# The editor's first market row is China; infeasible.json is opened.
all_shots ()
{
  local suffix=$1 lang=$2
  shot "overview$suffix-light" light "$lang"
  shot "overview$suffix-dark" dark "$lang"
  shot "market$suffix-light" light "$lang" 440 615
  OPEN="$PWD/tests/data/examples/infeasible.json" shot "infeasible$suffix-light" light "$lang"
  OPEN="$PWD/tests/data/examples/infeasible.json" shot "infeasible$suffix-dark" dark "$lang"
  KEYS=alt+2 shot "what-if$suffix-light" light "$lang"
  KEYS=alt+3 shot "compare$suffix-light" light "$lang"
}

all_shots "" en
# Monte Carlo run (its section, then Run), and exact values on hover.
KEYS=alt+2 shot montecarlo-dark dark en 1236 81 1350 198
HOVER="870 520" shot hover-light light en
# Chinese once the catalogue holds translations (an empty one is ~400 bytes).
mo="$build/po/zh_CN/LC_MESSAGES/landfall.mo"
if [[ -f "$mo" ]] && (( $(stat -c %s "$mo") > 4096 )); then
  LC_SHOT=zh_CN.UTF-8 all_shots -zh zh_CN
fi
# German, where text grows longest: the overview and no-plan panel.
if locale -a 2>/dev/null | grep -qi '^de_DE.utf8$'; then
  LC_SHOT=de_DE.UTF-8 shot overview-de-light light de
  OPEN="$PWD/tests/data/examples/infeasible.json" LC_SHOT=de_DE.UTF-8 shot infeasible-de-light light de
fi

# The board pack's title and costs pages, as a board sees them.
cli="$build/app/cli/landfall-cli"
for lang in en zh_CN de; do
  loc=C.UTF-8
  [[ $lang == zh_CN ]] && loc=zh_CN.UTF-8
  [[ $lang == de ]] && loc=de_DE.UTF-8
  suffix=${lang/en/}; suffix=${suffix:+-${suffix%%_*}}
  LANDFALL_LOCALEDIR="$build/po" LANGUAGE=$lang LC_ALL=$loc "$cli" report \
    tests/data/examples/china-customer-service.json --out "$tmp/pack.pdf" --samples 500 >/dev/null
  pdftoppm -png -r 60 -f 1 -l 3 "$tmp/pack.pdf" "$tmp/page"
  cp "$tmp"/page-1.png "$out/board-pack$suffix-title.png"
  cp "$tmp"/page-3.png "$out/board-pack$suffix-costs.png"
  echo "$out/board-pack$suffix-title.png"
done
