#!/bin/sh
# The layering rule (cmake/check_layers.cmake) run over a small tree of
# breaches (tests/data/layering): each one must be named with its file and
# line, the allowed includes must not be, and the check must fail.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(cmake -DROOT="$root/tests/data/layering" "-DRULES=common:|report:common|secretariat:report,common" \
  -P "$root/cmake/check_layers.cmake" 2>&1)
status=$?
fail=0
[ $status -ne 0 ] || { echo "the check passed a tree of breaches"; fail=1; }
for expected in \
  'export/common/app.cpp:2: export/common/ may not include "app/gui/main_frame.h"' \
  'export/common/wx.cpp:3: export/common/ never includes wxWidgets' \
  'export/report/sideways.cpp:6: export/report/ may not include "export/secretariat/consolidated_store.h"' \
  'export/stray/file.cpp: the folder export/stray/ is not a declared room' \
  'forms/upward.h:5: forms/ may not include "export/report/report_file.h"' \
  'layering: 5 include(s) break'; do
  case $out in *"$expected"*) ;; *) echo "missing: $expected"; fail=1 ;; esac
done
case $out in *allowed.cpp*) echo "an allowed include was reported"; fail=1 ;; esac
[ $fail -eq 0 ] || printf '%s\n' "$out"
exit $fail
