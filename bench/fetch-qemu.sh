#!/usr/bin/env bash
# Prints the path of a QEMU 7.2 source tree with scripts/ and tests/qapi-schema/: $QEMU_SRC if
# set, else Debian's sources in ~/.cache/qapi4j-bench, fetched (about 23 MB) if FETCH_QEMU=1.
# Nothing of them enters the project. Exits 1, printing nothing, if there is no tree.
set -euo pipefail
if [ -n "${QEMU_SRC:-}" ]; then
  echo "$QEMU_SRC"
  exit 0
fi
cache=${XDG_CACHE_HOME:-$HOME/.cache}/qapi4j-bench
tree=$cache/qemu-7.2.0
if [ ! -f "$tree/scripts/qapi-gen.py" ] || [ ! -d "$tree/tests/qapi-schema" ]; then
  [ "${FETCH_QEMU:-}" = 1 ] || exit 1
  mkdir -p "$cache"
  curl -sSfL http://deb.debian.org/debian/pool/main/q/qemu/qemu_7.2+dfsg.orig.tar.xz \
    | tar -xJ -C "$cache" qemu-7.2.0/scripts qemu-7.2.0/tests/qapi-schema
fi
echo "$tree"
