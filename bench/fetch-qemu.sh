#!/usr/bin/env bash
# Prints the path of a QEMU 7.2 source tree with scripts/ and tests/qapi-schema/: $QEMU_SRC if
# set, else the one `bash .ci/peers` fetches from Debian's source package into
# ${QAPI4J_QEMU:-${XDG_CACHE_HOME:-$HOME/.cache}/qapi4j/qemu-7.2}, running it if FETCH_QEMU=1.
# Nothing of it enters the project. Exits 1, printing nothing, if there is no tree.
set -euo pipefail
if [ -n "${QEMU_SRC:-}" ]; then
  echo "$QEMU_SRC"
  exit 0
fi
tree=${QAPI4J_QEMU:-${XDG_CACHE_HOME:-$HOME/.cache}/qapi4j/qemu-7.2}
if [ ! -f "$tree/COMPLETE" ]; then
  [ "${FETCH_QEMU:-}" = 1 ] || exit 1
  bash "$(dirname "$0")/../.ci/peers" >&2
fi
echo "$tree"
