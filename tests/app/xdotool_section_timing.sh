#!/bin/bash
# Measures from outside how long the desktop program takes to show a
# section after a click in the section tree, to confirm focal_gui_bench's
# in-process figures (docs/performance.md). Not run by `make test`: it takes
# a minute and its figures depend on the machine's load.
#
#   tests/app/xdotool_section_timing.sh BUILD_DIR [WORKSPACE.focal] [ROUNDS]
#
# BUILD_DIR holds app/focal and gui-bench/bundled/*.focal (from
# `focal_gui_bench --prepare BUILD_DIR/gui-bench`); WORKSPACE defaults to the
# bundled tip-cycle1. It starts Xvfb, opens the workspace in `focal` (a 1200x800
# window at the top left corner, scratch HOME), then for each section row
# of the tree clicks it with xdotool and reads the question area of the
# screen (XGetImage, xdotool_section_timing.c) until it has stayed still
# for 400 ms: the time of its last change is the section shown and drawn in
# full. Clicking every row in turn, ROUNDS times (default 3), it prints the
# figure of each click and the median and slowest, counted from the start
# of the xdotool command and from its end (xdotool alone takes 100 ms and
# more on a busy machine; the click lies between the two).
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR [WORKSPACE.focal] [ROUNDS]}
workspace=${2:-$build/gui-bench/bundled/tip-cycle1.focal}
rounds=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
for tool in Xvfb xdotool cc; do
  command -v $tool >/dev/null || { echo "$0: $tool is missing" >&2; exit 2; }
done
[ -x "$build/app/focal" ] || { echo "$0: no $build/app/focal" >&2; exit 2; }
[ -f "$workspace" ] || { echo "$0: no $workspace (run focal_gui_bench --prepare $build/gui-bench)" >&2; exit 2; }

scratch=$(mktemp -d)
cleanup() {
  [ -n "${focal_pid:-}" ] && kill "$focal_pid" 2>/dev/null && wait "$focal_pid" 2>/dev/null || true
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
# With libxtst-dev the clock clicks itself (XTEST), and its figures count
# from the click; without, xdotool clicks and they count from around it.
# The XTEST clock then moves the pointer off the window, or the tooltip of a
# long section title comes back over the question area after the click.
click="xdotool click 1"
if [ -f /usr/include/X11/extensions/XTest.h ]; then
  cc -O2 -DHAVE_XTEST -o "$scratch/clock" "$here/xdotool_section_timing.c" -lX11 -lXtst
  click=xtest
else
  cc -O2 -o "$scratch/clock" "$here/xdotool_section_timing.c" -lX11
fi

# A display of its own.
for n in $(seq 90 120); do
  [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { display=:$n; break; }
done
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

# A scratch home where the preparer's name is known (no dialog asks for it).
export HOME=$scratch/home XDG_CONFIG_HOME=$scratch/home/.config XDG_DATA_HOME=$scratch/home/.local/share \
  XDG_CACHE_HOME=$scratch/home/.cache
mkdir -p "$XDG_CONFIG_HOME"
printf '[Preparer]\nName=Timing\n' >"$HOME/.focal"
cp "$HOME/.focal" "$XDG_CONFIG_HOME/focal"
# The theme's animations off: Adwaita fades each new button in over 200 ms
# (a CSS transition), which would be measured as the page still changing.
# ANIMATIONS=1 keeps them.
if [ -z "${ANIMATIONS:-}" ]; then
  mkdir -p "$XDG_CONFIG_HOME/gtk-3.0"
  printf '[Settings]\ngtk-enable-animations=0\n' >"$XDG_CONFIG_HOME/gtk-3.0/settings.ini"
fi
cp "$workspace" "$scratch/timing.focal"

"$build/app/focal" "$scratch/timing.focal" >"$scratch/focal.log" 2>&1 &
focal_pid=$!
window=$(xdotool search --sync --onlyvisible --pid "$focal_pid" --class focal | head -n 1)
xdotool windowmove "$window" 0 0 windowsize "$window" 1200 800
sleep 3

# The tree: its rows from its top, one every $row pixels (Adwaita at 96 dpi,
# tip-cycle1: 1, 2, 2.1, 2.2, 3, 3.1, 3.2, 4, 4.1, 4.2); the question area:
# its left part (where every line starts), right of the tree, below the
# title bar. Another questionnaire or theme:
# set TREE_X, TREE_TOP, TREE_ROW, TREE_ROWS and AREA ("X Y WIDTH HEIGHT"),
# looking at the screenshot SHOT=file.png saves first.
tree_x=${TREE_X:-150} tree_top=${TREE_TOP:-86} row=${TREE_ROW:-23} rows=${TREE_ROWS:-10}
area="${AREA:-340 80 240 690}"
if [ -n "${SHOT:-}" ]; then import -window root "$SHOT"; fi

results=() lows=() firsts=()
for round in $(seq "$rounds"); do
  # The first row's section is open at the start: it comes last.
  for i in $(seq 1 $((rows - 1))) 0; do
    y=$((tree_top + i * row))
    xdotool mousemove "$tree_x" "$y"
    sleep 0.5
    # shellcheck disable=SC2086
    line=$("$scratch/clock" $area 400 "$click")
    echo "round $round, row $i (y=$y): $line"
    ms=$(sed -n 's/.*last change \([0-9.]*\) ms.*/\1/p' <<<"$line")
    ran=$(sed -n 's/.*xdotool ran \([0-9.]*\) ms.*/\1/p' <<<"$line")
    first=$(sed -n 's/.*first change \([0-9.]*\) ms.*/\1/p' <<<"$line")
    if [ -n "$ms" ]; then
      results+=("$ms")
      firsts+=("$(awk -v a="$first" -v b="$ran" 'BEGIN { printf "%.1f", a - b }')")
      lows+=("$(awk -v a="$ms" -v b="$ran" 'BEGIN { printf "%.1f", a - b }')")
    fi
    sleep 0.5
  done
done
[ ${#results[@]} -gt 0 ] || { echo "no click changed the page" >&2; exit 1; }
sorted=$(printf '%s\n' "${results[@]}" | sort -n)
count=${#results[@]}
median=$(sed -n "$(((count + 1) / 2))p" <<<"$sorted")
slowest=$(tail -n 1 <<<"$sorted")
low_sorted=$(printf '%s\n' "${lows[@]}" | sort -n)
low_median=$(sed -n "$(((count + 1) / 2))p" <<<"$low_sorted")
low_slowest=$(tail -n 1 <<<"$low_sorted")
echo "clicks: $count, shown and drawn in full (last change of the question area):"
echo "  from the start of xdotool: median $median ms, slowest $slowest ms"
echo "  from its end (the click was sent within it): median $low_median ms, slowest $low_slowest ms"
first_sorted=$(printf '%s\n' "${firsts[@]}" | sort -n)
echo "  first change, from the end of xdotool: median $(sed -n "$(((count + 1) / 2))p" <<<"$first_sorted") ms," \
  "slowest $(tail -n 1 <<<"$first_sorted") ms"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
