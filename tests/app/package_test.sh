#!/usr/bin/env bash
# The .deb package as a user's machine would see it: built with CPack from
# the finished build, unpacked into a scratch root (no root rights needed),
# then checked with Debian's own tools: its control fields, its files, the
# desktop entry (desktop-file-validate), the MIME types of .focal and
# .focalreport files (shared-mime-info and GIO, as a file manager resolves a
# double-click) and the packaged focal-cli starting a response from the
# packaged questionnaire.
#
#   package_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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
  usr/share/locale/ar/LC_MESSAGES/focal.mo; do
  [ -e "$root/$f" ] || fail "missing /$f"
done
[ "$(find "$share/focal/questionnaires" -maxdepth 1 -name '*.yaml' | wc -l)" -eq 7 ] || fail "questionnaires"
desktop-file-validate "$share/applications/focal.desktop" || fail "desktop entry"
grep -q '^MimeType=application/x-focal-workspace;application/x-focal-report;$' \
  "$share/applications/focal.desktop" || fail "desktop entry MimeType"

# The packaged program runs, and finds nothing of the build tree.
"$root/usr/bin/focal-cli" new "$work/kenya.focal" --questionnaire "$share/focal/questionnaires/tip-cycle2.yaml" \
  --state KEN --user test >/dev/null || fail "packaged focal-cli new"
sqlite3 "$work/kenya.focal" 'PRAGMA integrity_check' | grep -qx ok || fail "workspace integrity"
cp "$work/kenya.focal" "$work/kenya.focalreport"

# What the Debian triggers do on installation, then what a file manager asks.
update-mime-database "$share/mime" >/dev/null 2>&1
update-desktop-database "$share/applications"
export XDG_DATA_DIRS="$share:/usr/share" XDG_DATA_HOME="$work/home" PATH="$root/usr/bin:$PATH"
type_of() { gio info -a standard::content-type "$1" | sed -n 's/.*standard::content-type: //p'; }
[ "$(type_of "$work/kenya.focal")" = application/x-focal-workspace ] || fail "type of .focal: $(type_of "$work/kenya.focal")"
[ "$(type_of "$work/kenya.focalreport")" = application/x-focal-report ] ||
  fail "type of .focalreport: $(type_of "$work/kenya.focalreport")"
for type in application/x-focal-workspace application/x-focal-report; do
  gio mime "$type" | grep -q "^Default application for .*$type.*: focal.desktop" || fail "no default for $type"
done
echo "package test: $(basename "$deb") $(du -h "$deb" | cut -f1), $(dpkg-deb -c "$deb" | wc -l) entries: ok"
