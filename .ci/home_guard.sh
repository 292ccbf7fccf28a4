#!/usr/bin/env bash
# The test suite must never write into the real home directory (tests run
# with HOME and the XDG folders in scratch directories). This lists what
# Focal and GTK would write there, with sizes and times, before the tests
# (snapshot) and fails if anything differs after them (compare).
#   home_guard.sh snapshot|compare FILE
set -euo pipefail
list() {
  local h=${HOME:?}
  for p in "$h/.config/focal" "$h/.local/share/focal" "$h/.local/share/recently-used.xbel" \
    "${XDG_CONFIG_HOME:-$h/.config}/focal" "${XDG_DATA_HOME:-$h/.local/share}/recently-used.xbel"; do
    if [ -e "$p" ]; then find "$p" -printf '%p %s %T@\n'; fi
  done | sort -u
}
case $1 in
  snapshot) list >"$2" ;;
  compare)
    if ! diff -u "$2" <(list); then
      echo "error: the tests changed the real home directory (above); run them with a scratch HOME" >&2
      exit 1
    fi
    echo "home directory untouched by the tests"
    ;;
  *) echo "usage: $0 snapshot|compare FILE" >&2; exit 2 ;;
esac
