#!/usr/bin/env bash
# The client benchmark, run by hand (not in CI): qapi4j's QMP client against QEMU's own Python
# client qemu.qmp, side by side, on the sample VM and on qemu-system-x86_64 -M none.
# Builds nothing: run `mvn -q -DskipTests package` first. Options go to ClientBench.java
# (--rounds N, --seconds S, --pipeline N, --connections N, --no-qemu, --no-python, --qemu PATH).
# qemu.qmp comes from QEMU's sources (QAPI4J_QEMU, default ~/.cache/qapi4j/qemu-7.2, which
# `bash .ci/peers` fetches); nothing of QEMU's is in the project.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=sample-vm/target/sample-vm.jar
if [[ ! -f $jar ]]; then
  echo "client.sh: $jar is missing: run 'mvn -q -DskipTests package' first" >&2
  exit 1
fi
qemu_src=${QAPI4J_QEMU:-$HOME/.cache/qapi4j/qemu-7.2}
args=()
if ! PYTHONPATH="$qemu_src/python" python3 -c 'import qemu.qmp' 2>/dev/null; then
  echo "client.sh: qemu.qmp is not in $qemu_src/python (run 'bash .ci/peers'): qapi4j alone" >&2
  args+=(--no-python)
fi
if ! command -v qemu-system-x86_64 >/dev/null; then
  echo "client.sh: no qemu-system-x86_64 (run 'bash .ci/peers'): the sample VM only" >&2
  args+=(--no-qemu)
fi
export PYTHONPATH="$qemu_src/python${PYTHONPATH:+:$PYTHONPATH}"
exec java ${CLIENT_BENCH_JAVA_OPTS:-} -cp "$jar" bench/ClientBench.java "${args[@]}" "$@"
