#!/usr/bin/env bash
# The .deb package as a user's machine would see it: built with CPack from
# the finished build, unpacked into a scratch root (no root rights needed),
# then checked with Debian's own tools: its control fields, its files, the
# desktop entry (desktop-file-validate), what the package's triggers make of
# its MIME and desktop files (shared-mime-info's globs, the desktop
# database's mimeinfo.cache), how a file manager resolves a double-click
# (xdg-mime, with a user configuration of our own, so neither the machine's
# nor the user's settings change the answer) and the packaged focal-cli
# starting a response from the packaged questionnaire. Every check reads
# files the package's own contents produce: none depends on timing, on a
# running desktop or on what else is installed.
#
#   package_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Nothing of this test reaches the real home or the machine's settings.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
  XDG_CACHE_HOME="$work/home/.cache" XDG_CONFIG_DIRS="$work/etc-xdg"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_DIRS"
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION FOCAL_CONFIG_DIR
fail() {
  echo "package test: $*" >&2
  exit 1
}

cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb="$work/out/focal_${version}_amd64.deb"
[ -f "$deb" ] || fail "no $deb; cpack wrote: $(ls "$work/out")"

# Control fields.
[ "$(dpkg-deb -f "$deb" Package)" = focal ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "version"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libwxgtk3.2 libsqlite3-0 libsodium23 libyaml-cpp0.7 iso-codes; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
description=$(dpkg-deb -f "$deb" Description)
[[ $description != *";"* ]] || fail "the description was joined as a CMake list: $description"

# Files.
root="$work/root"
dpkg-deb -x "$deb" "$root"
share="$root/usr/share"
for f in usr/bin/focal usr/bin/focal-cli usr/share/applications/focal.desktop \
  usr/share/icons/hicolor/scalable/apps/focal.svg usr/share/mime/packages/focal.xml \
  usr/share/focal/questionnaires/tip-cycle2.yaml usr/share/focal/questionnaires/reference/un-regional-groups.yaml \
  usr/share/locale/fr/LC_MESSAGES/focal.mo usr/share/locale/es/LC_MESSAGES/focal.mo \
  usr/share/locale/ar/LC_MESSAGES/focal.mo usr/share/locale/ru/LC_MESSAGES/focal.mo \
  usr/share/locale/zh_CN/LC_MESSAGES/focal.mo; do
  [ -e "$root/$f" ] || fail "missing /$f"
done
bundled=$(find "$(dirname "$0")/../../questionnaires" -maxdepth 1 -name '*.yaml' | wc -l)
[ "$(find "$share/focal/questionnaires" -maxdepth 1 -name '*.yaml' | wc -l)" -eq "$bundled" ] ||
  fail "the package holds $(find "$share/focal/questionnaires" -maxdepth 1 -name '*.yaml' | wc -l) questionnaires, not $bundled"
desktop-file-validate "$share/applications/focal.desktop" || fail "desktop entry"
grep -q '^MimeType=application/x-focal-workspace;application/x-focal-report;$' \
  "$share/applications/focal.desktop" || fail "desktop entry MimeType"

# The packaged program runs, and finds nothing of the build tree.
"$root/usr/bin/focal-cli" new "$work/kenya.focal" --questionnaire "$share/focal/questionnaires/tip-cycle2.yaml" \
  --state KEN --user test >/dev/null || fail "packaged focal-cli new"
sqlite3 "$work/kenya.focal" 'PRAGMA integrity_check' | grep -qx ok || fail "workspace integrity"

# What the Debian triggers do on installation (update-mime-database and
# update-desktop-database run on the package's folders), then what they wrote.
update-mime-database "$share/mime" >/dev/null 2>&1 || fail "update-mime-database"
update-desktop-database "$share/applications" || fail "update-desktop-database"
for pair in application/x-focal-workspace:focal application/x-focal-report:focalreport; do
  type=${pair%%:*}
  extension=${pair#*:}
  [ -f "$share/mime/${type}.xml" ] || fail "the MIME database has no $type"
  grep -qx "[0-9]*:$type:\*\.$extension" "$share/mime/globs2" || fail "globs2 does not map *.$extension to $type"
  grep -qx "$type=focal.desktop;" "$share/applications/mimeinfo.cache" ||
    fail "mimeinfo.cache does not list focal.desktop for $type: $(cat "$share/applications/mimeinfo.cache")"
done

# A file manager's resolution (xdg-open asks xdg-mime): with no user or
# machine choice configured, focal.desktop, the only application the
# package registers for its types, is the default for both.
export XDG_DATA_DIRS="$share" PATH="$root/usr/bin:$PATH"
for type in application/x-focal-workspace application/x-focal-report; do
  default=$(xdg-mime query default "$type")
  [ "$default" = focal.desktop ] || fail "xdg-mime gives '$default' as the default for $type, not focal.desktop"
done
# A user who chose another program keeps it: the package does not override them.
mkdir -p "$XDG_DATA_HOME/applications"
printf '[Desktop Entry]\nType=Application\nName=Other\nExec=sh %%f\n' >"$XDG_DATA_HOME/applications/other.desktop"
printf '[Default Applications]\napplication/x-focal-report=other.desktop\n' >"$XDG_CONFIG_HOME/mimeapps.list"
[ "$(xdg-mime query default application/x-focal-report)" = other.desktop ] ||
  fail "the user's own choice in mimeapps.list is not honoured"
echo "package test: $(basename "$deb") $(du -h "$deb" | cut -f1), $(dpkg-deb -c "$deb" | wc -l) entries: ok"
