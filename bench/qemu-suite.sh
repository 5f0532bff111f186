#!/usr/bin/env bash
# Runs `qapi4j check` on every case of QEMU 7.2's own schema test suite (tests/qapi-schema: 198
# cases) and compares what it prints with the case's .err, as QEMU's
# test harness does. Run by hand, not in CI: it needs QEMU's sources (see fetch-qemu.sh:
# FETCH_QEMU=1 or QEMU_SRC=...). Exit status 1 if any case differs.
# Needs: mvn -q -DskipTests package (for cli/target/qapi4j.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$PWD/cli/target/qapi4j.jar
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
tree=$(bash bench/fetch-qemu.sh) || { echo "no QEMU sources: set QEMU_SRC, or FETCH_QEMU=1" >&2; exit 2; }
cd "$tree/tests/qapi-schema"
pass=0
fail=0
for f in *.json; do
  n=${f%.json}
  [ -f "$n.err" ] || continue # a file the cases include
  out=$(java -jar "$JAR" check "$f" 2>&1) || true
  if [ "$out" == "$(cat "$n.err")" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "== $n: expected, then qapi4j's"
    cat "$n.err"
    echo "--"
    echo "$out"
  fi
done
echo "QEMU 7.2's schema test suite: $pass cases as QEMU, $fail not"
[ "$fail" = 0 ]
