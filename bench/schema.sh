#!/usr/bin/env bash
# Times the compiler side on QEMU 7.2's whole schema (run by hand, not in CI):
#   qapi4j check and qapi4j introspect end to end (JVM start included);
#   javac of the imported schema (696 files) without and with the qapi4j processor;
#   the processor's own time in that javac run (-Aqapi4j.timing), and in a warm JVM (WarmProcessor.java).
#   QEMU's own generator (scripts/qapi-gen.py) on the same schema, run in turn with the processor,
#   for the ratio of the two.
# The schema is QEMU 7.2's from its sources (bench/fetch-qemu.sh: QEMU_SRC names a tree, else the
# one `bash .ci/peers` fetches; FETCH_QEMU=1 runs it), with the 'if' symbols of the installed
# qemu-system-x86_64's build (`qapi4j symbols` on its query-qmp-schema reply).
# Prints each run's wall time and the median of RUNS runs (default 5).
# Needs: mvn -q -DskipTests package (for cli/target/qapi4j.jar), qemu-system-x86_64.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JAR=$ROOT/cli/target/qapi4j.jar
RUNS=${RUNS:-5}
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
QEMU_SRC=$(bash "$ROOT/bench/fetch-qemu.sh") || { echo "no QEMU sources: set QEMU_SRC, or FETCH_QEMU=1" >&2; exit 2; }
QAPI=$QEMU_SRC/qapi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The installed binary's reply: its 'return' value, from QMP on stdio.
printf '{"execute": "qmp_capabilities"}\n{"execute": "query-qmp-schema"}\n{"execute": "quit"}\n' \
  | qemu-system-x86_64 -M none -nodefaults -display none -qmp stdio \
  | sed -n 's/^{"return": \(\[.*\]\)}\r\{0,1\}$/\1/p' > "$WORK/reply.json"
DEFINED=$(cd "$QAPI" && java -jar "$JAR" symbols "$WORK/reply.json" qapi-schema.json)
(cd "$QAPI" && java -jar "$JAR" import --package org.qemu.qapi --out "$WORK/src" qapi-schema.json >/dev/null)
find "$WORK/src" -name '*.java' > "$WORK/sources"


median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

bench() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$RUNS"); do
    rm -rf "$WORK/out" && mkdir -p "$WORK/out/classes" "$WORK/out/gen"
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%-34s median %6s ms   runs: %s\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}

cd "$QAPI"
bench "qapi4j check" java -jar "$JAR" check qapi-schema.json
bench "qapi4j introspect" java -jar "$JAR" introspect --defined "$DEFINED" qapi-schema.json
bench "javac, no processor" javac --release 17 -proc:none -cp "$JAR" -d "$WORK/out/classes" @"$WORK/sources"
bench "javac + qapi4j processor" javac --release 17 -cp "$JAR" -processor org.qapi4j.processor.Qapi4jProcessor \
  -Aqapi4j.defined="$DEFINED" -d "$WORK/out/classes" -s "$WORK/out/gen" @"$WORK/sources"

# The processor's own share, as it measures itself (-Aqapi4j.timing): its wall time and its
# threads' CPU time, per phase, in the same javac run as above (and the whole JVM's CPU and JIT time in
# that window: on two cores, the JIT compiling javac's code and ours competes with the processor).
# QEMU's generator runs just before each of these, so that both see the machine in the same state.
walls=(); cpus=(); qemus=()
for _ in $(seq "$RUNS"); do
  if [ -n "${QEMU_SRC:-}" ]; then
    rm -rf "$WORK/qemu-gen"
    start=$(date +%s%N)
    python3 "$QEMU_SRC/scripts/qapi-gen.py" -o "$WORK/qemu-gen" qapi-schema.json
    qemus+=($(( ($(date +%s%N) - start) / 1000000 )))
  fi
  rm -rf "$WORK/out" && mkdir -p "$WORK/out/classes" "$WORK/out/gen"
  note=$(javac --release 17 -cp "$JAR" -processor org.qapi4j.processor.Qapi4jProcessor -Aqapi4j.timing \
    -Aqapi4j.defined="$DEFINED" -d "$WORK/out/classes" -s "$WORK/out/gen" @"$WORK/sources" 2>&1 | grep 'qapi4j:timing')
  echo "  ${note#*: }"
  walls+=($(sed -E 's/.*total ([0-9]+) ms.*/\1/' <<<"$note"))
  cpus+=($(sed -E 's/.*\(CPU ([0-9]+) ms.*/\1/' <<<"$note"))
done
printf '%-34s median %6s ms   runs: %s\n' "the processor itself (wall)" "$(printf '%s\n' "${walls[@]}" | median)" "${walls[*]}"
printf '%-34s median %6s ms   runs: %s\n' "the processor itself (CPU)" "$(printf '%s\n' "${cpus[@]}" | median)" "${cpus[*]}"
# The same in a JVM that has compiled before (a build tool's long-lived JVM: Maven's in-process
# javac, Gradle's daemon), where the JIT has compiled javac, JavaPoet and the processor.
java -cp "$JAR" "$ROOT/bench/WarmProcessor.java" "$WORK/sources" "$DEFINED" "${WARM_RUNS:-10}" | tail -1
if [ -n "${QEMU_SRC:-}" ]; then
  qemu=$(printf '%s\n' "${qemus[@]}" | median)
  printf '%-34s median %6s ms   runs: %s\n' "QEMU's qapi-gen.py" "$qemu" "${qemus[*]}"
  wall=$(printf '%s\n' "${walls[@]}" | median)
  echo "the processor takes $(awk -v a="$wall" -v b="$qemu" 'BEGIN {printf "%.2f", a / b}') of QEMU's generator's time"
else
  echo "QEMU's qapi-gen.py: not run (set QEMU_SRC to a QEMU 7.2 source tree, or FETCH_QEMU=1)"
fi
