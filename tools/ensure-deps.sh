# Sourced by ./run and ./run-tests: installs the Debian packages Landfall
# needs, only those missing, so a second run costs a dpkg query.

landfall_packages=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libjson-glib-dev libsqlite3-dev libglpk-dev
  libgtk-4-dev libadwaita-1-dev libcairo2-dev libpango1.0-dev
  gettext desktop-file-utils appstream libglib2.0-bin
  glpk-utils coinor-cbc
  xvfb xauth fonts-noto-cjk fonts-cantarell poppler-utils
  valgrind groff-base python3
  locales
)

landfall_locales=(de_DE.UTF-8 zh_CN.UTF-8 ja_JP.UTF-8 fr_FR.UTF-8 pt_BR.UTF-8)

ensure_packages() {
  local missing=()
  local pkg
  for pkg in "${landfall_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# The tests read and write numbers under other locales; generate them once.
ensure_locales() {
  local have loc missing=()
  have=$(locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')
  for loc in "${landfall_locales[@]}"; do
    local key
    key=$(echo "$loc" | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/')
    grep -qx "$key" <<<"$have" || missing+=("$loc")
  done
  ((${#missing[@]})) || return 0
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  for loc in "${missing[@]}"; do
    $sudo sed -i "s/^# *\(${loc} UTF-8\)/\1/" /etc/locale.gen
    grep -q "^${loc} UTF-8" /etc/locale.gen || echo "${loc} UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null
  done
  $sudo locale-gen >/dev/null
}

# meson setup once, reconfigure only when needed.
ensure_build_dir() {
  local dir=$1; shift
  if [[ ! -f $dir/build.ninja ]]; then
    rm -rf "$dir"
    meson setup "$dir" "$@" >/dev/null
  fi
}
