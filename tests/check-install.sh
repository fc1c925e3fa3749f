#!/usr/bin/env bash
# Installs the build into a scratch DESTDIR and checks that the installed
# tree holds what a distribution or Flatpak needs, in the right places:
# binaries, desktop file, metainfo, icons, settings schema, man page,
# translations, and the examples; that the desktop file's icon is one that
# is installed; that nothing lands outside the prefix; and that the
# installed landfall-cli runs and solves an installed example.
#
#   check-install.sh MESON BUILD_DIR SOURCE_DIR PREFIX BINDIR DATADIR MANDIR \
#                    LOCALEDIR APP_ID gui|no-gui
set -uo pipefail

if (($# != 10)); then
  sed -n '2,10p' "$0" >&2
  exit 2
fi
meson=$1 build=$2 source=$3 prefix=$4 bindir=$5 datadir=$6 mandir=$7 localedir=$8
app_id=$9 gui=${10}
schema_id=io.github.landfall.Landfall # fixed: the .Devel build shares it

dest=$(mktemp -d "${TMPDIR:-/tmp}/landfall-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT

if ! "$meson" install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$dest.log" 2>&1; then
  cat "$dest.log" >&2
  rm -f "$dest.log"
  echo "meson install failed" >&2
  exit 1
fi
rm -f "$dest.log"

# Relative directory options are relative to the prefix.
under_prefix () { [[ $1 = /* ]] && echo "$dest$1" || echo "$dest$prefix/$1"; }
bin=$(under_prefix "$bindir")
data=$(under_prefix "$datadir")
man=$(under_prefix "$mandir")
locale=$(under_prefix "$localedir")

failures=0
fail () { echo "not ok: $*" >&2; failures=$((failures + 1)); }
expect_file () { [[ -f $1 && -s $1 ]] || fail "missing or empty: ${1#"$dest"}"; }

expect_exe () {
  [[ -x $1 && -f $1 ]] || fail "missing or not executable: ${1#"$dest"}"
}

expect_exe "$bin/landfall-cli"
expect_file "$man/man1/landfall-cli.1"

if [[ $gui = gui ]]; then
  expect_exe "$bin/landfall"
  desktop=$data/applications/$app_id.desktop
  expect_file "$desktop"
  expect_file "$data/metainfo/$app_id.metainfo.xml"
  expect_file "$data/icons/hicolor/scalable/apps/$app_id.svg"
  expect_file "$data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  expect_file "$data/glib-2.0/schemas/$schema_id.gschema.xml"
  if [[ -f $desktop ]]; then
    icon=$(sed -n 's/^Icon=//p' "$desktop")
    [[ $icon = "$app_id" ]] || fail "the desktop file's Icon is '$icon', expected $app_id"
    exec_cmd=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
    [[ -x $bin/$exec_cmd ]] || fail "the desktop file runs '$exec_cmd', which is not installed in bindir"
  fi
fi

# Every example in the tree is installed, and nothing else is.
examples=$data/landfall/examples
want=$(cd "$source" && ls tests/data/examples/*.json tests/data/examples/*.csv resources/scenarios/*.json 2>/dev/null \
  | xargs -n1 basename | sort)
have=$(ls "$examples" 2>/dev/null | sort)
[[ -n $have && $want = "$have" ]] \
  || fail "share/landfall/examples holds [$(echo $have)], expected [$(echo $want)]"

# One catalogue per language of po/LINGUAS.
for lang in $(sed 's/#.*//' "$source/po/LINGUAS"); do
  expect_file "$locale/$lang/LC_MESSAGES/landfall.mo"
done

# Nothing outside the prefix (an absolute install_dir would escape it).
stray=$(cd "$dest" && find . -type f ! -path ".$prefix/*" | head -5)
[[ -z $stray ]] || fail "installed outside $prefix: $stray"

# The installed command line runs on its own and solves an installed example.
if [[ -x $bin/landfall-cli ]]; then
  version=$("$bin/landfall-cli" --version 2>&1) || fail "installed landfall-cli --version: $version"
  example=$(ls "$examples"/*.json 2>/dev/null | head -1)
  if [[ -n $example ]]; then
    out=$(LC_ALL=C.UTF-8 "$bin/landfall-cli" validate "$example" 2>&1) \
      || fail "installed landfall-cli cannot validate ${example#"$dest"}: $out"
  fi
fi

if ((failures)); then
  echo "$failures problem(s) in the installed tree" >&2
  exit 1
fi
echo "ok: installed tree under $prefix ($(cd "$dest" && find . -type f | wc -l) files)"
