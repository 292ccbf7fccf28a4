#!/usr/bin/env bash
# Real disk faults for the answer store (issue 9), through focal-cli on a
# small tmpfs mounted in a private mount namespace (unshare -rm: no root
# needed where user namespaces are allowed; skipped, exit 77, elsewhere):
#  1. the disk fills up during `fill`: a clear message that says what to
#     do, the answers saved before are intact, integrity_check is ok, and
#     the same fill succeeds once there is room;
#  2. the file system is remounted read-only: a clear refusal; writable
#     again, the fill succeeds.
#   tests/faults/disk_faults.sh FOCAL_CLI
set -u
cli=$1
if [ "${FOCAL_FAULTS_INSIDE:-}" != 1 ]; then
  if unshare -rm true 2>/dev/null; then
    FOCAL_FAULTS_INSIDE=1 exec unshare -rm "$0" "$@"
  fi
  echo "skipped: cannot mount a file system here (no user namespaces)"
  exit 77
fi
command -v sqlite3 >/dev/null || { echo "skipped: no sqlite3 shell"; exit 77; }
work=$(mktemp -d)
disk=$(mktemp -d)
trap 'umount "$disk" 2>/dev/null; rm -rf "$work" "$disk"' EXIT
# Nothing of this test reaches the real home (focal-cli's settings and keys).
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
  XDG_CACHE_HOME="$work/home/.cache"
unset FOCAL_CONFIG_DIR
mount -t tmpfs -o size=640k tmpfs "$disk" || { echo "skipped: mount refused"; exit 77; }
fail() { echo "FAILED: $*"; exit 1; }

cat > "$work/q.yaml" <<'YAML'
focal: 1
id: faults
title: {en: Faults}
instrument: tip
cycle: 1
version: '1'
languages: [en]
sections:
  - id: s
    title: {en: S}
    questions:
      - {id: q_1, type: yes_no, label: {en: Gate}}
      - {id: q_2, type: long_text, label: {en: Paragraph}}
YAML
printf 'question_id,value\nq_1,yes\n' > "$work/small.csv"
{ echo 'question_id,value'; printf 'q_2,"'; head -c 90000 /dev/zero | tr '\0' 'w'; echo '"'; } > "$work/big.csv"

ws="$disk/nga.focal"
"$cli" new "$ws" --questionnaire "$work/q.yaml" --state NGA --user tester >/dev/null || fail "new"
"$cli" fill "$ws" --answers "$work/small.csv" --user tester >/dev/null || fail "first fill"

# 1. The disk fills up.
full=0
for i in 1 2 3 4 5 6; do
  if ! "$cli" fill "$ws" --answers "$work/big.csv" --user tester >"$work/out" 2>&1; then full=1; break; fi
done
[ $full = 1 ] || fail "the 640 KB disk never filled up"
grep -q "the disk is full" "$work/out" || fail "no clear message: $(cat "$work/out")"
grep -q "Free some space" "$work/out" || fail "the message does not say what to do: $(cat "$work/out")"
# The desktop program's promise (it holds answers) is not the command line's.
if grep -q "keep Focal open" "$work/out"; then fail "the CLI speaks as the desktop program: $(cat "$work/out")"; fi
[ "$(sqlite3 "$ws" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after the disk filled up"
[ "$(sqlite3 "$ws" "SELECT value FROM answers WHERE path = 'q_1'")" = yes ] || fail "the answer saved before was lost"
mount -o remount,size=8m "$disk" || fail "remount"
"$cli" fill "$ws" --answers "$work/big.csv" --user tester >/dev/null || fail "fill once there is room"
[ "$(sqlite3 "$ws" "SELECT length(value) FROM answers WHERE path = 'q_2'")" = 90000 ] || fail "q_2 not saved whole"

# 2. Read-only.
mount -o remount,ro "$disk" || fail "remount read-only"
if "$cli" fill "$ws" --answers "$work/small.csv" --user tester >"$work/out" 2>&1; then fail "fill on a read-only disk succeeded"; fi
grep -q "read-only" "$work/out" || fail "no clear read-only message: $(cat "$work/out")"
mount -o remount,rw "$disk" || fail "remount writable"
printf 'question_id,value\nq_1,no\n' > "$work/no.csv"
"$cli" fill "$ws" --answers "$work/no.csv" --user tester >/dev/null || fail "fill once writable again"
[ "$(sqlite3 "$ws" "SELECT value FROM answers WHERE path = 'q_1'")" = no ] || fail "the change after the fault"
[ "$(sqlite3 "$ws" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check at the end"
echo "disk faults: full disk and read-only file system handled; every saved answer intact"
