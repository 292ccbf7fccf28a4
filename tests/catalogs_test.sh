#!/bin/sh
# Every interface catalog is complete: each language of po/CMakeLists.txt has
# its po/<lang>.po, every .po in po/ is listed there, the five translations of
# the six UN languages are all present, and each catalog passes msgfmt --check
# with every message of po/focal.pot translated and none fuzzy.
# Usage: catalogs_test.sh PO_DIR
set -u
po=${1:?usage: catalogs_test.sh PO_DIR}
fail=0
languages=$(sed -n 's/^set(FOCAL_LANGUAGES \(.*\))$/\1/p' "$po/CMakeLists.txt")
[ -n "$languages" ] || { echo "$po/CMakeLists.txt: no set(FOCAL_LANGUAGES ...) line"; exit 1; }
for needed in fr es ar ru zh_CN; do
  case " $languages " in *" $needed "*) ;; *) echo "$po/CMakeLists.txt: FOCAL_LANGUAGES lacks $needed"; fail=1 ;; esac
done
for file in "$po"/*.po; do
  lang=$(basename "$file" .po)
  case " $languages " in *" $lang "*) ;; *) echo "$file: not in FOCAL_LANGUAGES of $po/CMakeLists.txt, so never compiled"; fail=1 ;; esac
done
total=$(msgattrib --no-obsolete "$po/focal.pot" | grep -c '^msgid ')
total=$((total - 1))  # the header
for lang in $languages; do
  file="$po/$lang.po"
  [ -f "$file" ] || { echo "$file: missing"; fail=1; continue; }
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$file" 2>&1) || { echo "$file: msgfmt --check fails: $stats"; fail=1; continue; }
  case "$stats" in
    *untranslated* | *fuzzy*) echo "$file: not complete: $stats (translate each message, then remove the fuzzy marks)"; fail=1 ;;
  esac
  # Every message of the template has a translation in the catalog.
  if ! msgcmp "$file" "$po/focal.pot" 2>/tmp/msgcmp.$$; then
    echo "$file: not in step with focal.pot:"; head -5 /tmp/msgcmp.$$; fail=1
  fi
  rm -f /tmp/msgcmp.$$
  echo "$lang: $stats (template: $total messages)"
done
exit $fail
