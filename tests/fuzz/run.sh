#!/usr/bin/env bash
# Builds the fuzz targets with clang 14 and runs each for SECONDS (default
# 10) over its committed corpus, with a 1-second limit per input: an input
# that takes longer counts as a failure, as does a crash or a leak.
#   tests/fuzz/run.sh [SECONDS] [BUILD_DIR] [TARGET...]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-10}
build=${2:-$root/build-fuzz}
shift $(( $# > 2 ? 2 : $# ))
# Nothing of the fuzz run reaches the real home.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache"
unset FOCAL_CONFIG_DIR
cmake -S "$root/tests/fuzz" -B "$build" -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  $(command -v ninja >/dev/null && echo -G Ninja) >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=($(cd "$root/tests/fuzz" && ls *_fuzz.cpp | sed 's/\.cpp$//'))
for target in "${targets[@]}"; do
  name=${target%_fuzz}
  corpus="$root/tests/fuzz/corpus/$name"
  work=$(mktemp -d)
  echo "== $target: $seconds s over $corpus"
  status=0
  "$build/$target" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$build/$target-" "$work" "$corpus" >"$build/$target.log" 2>&1 || status=$?
  grep -E "DONE|ERROR|SUMMARY" "$build/$target.log" || true
  rm -rf "$work"
  if [ "$status" -ne 0 ]; then
    tail -40 "$build/$target.log"
    echo "$target failed: the input is saved as $build/$target-*"
    exit 1
  fi
done
