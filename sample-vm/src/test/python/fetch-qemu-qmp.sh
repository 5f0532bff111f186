#!/bin/sh
# Puts QEMU 7.2's own Python QMP client, qemu.qmp (python/qemu/qmp in QEMU's source), where
# QemuQmpInteropIT finds it: $QEMU_QMP_PYTHONPATH, else ${XDG_CACHE_HOME:-$HOME/.cache}/qapi4j/qemu-python.
# It comes from Debian's source package "qemu" (apt-get source), which needs deb-src lines in
# apt's sources; run as root, the script adds them for the release the machine runs.
# Nothing of QEMU's tree goes into the project: it is extracted outside, for the test to use.
set -eu
target=${QEMU_QMP_PYTHONPATH:-${XDG_CACHE_HOME:-$HOME/.cache}/qapi4j/qemu-python}
if [ -f "$target/qemu/qmp/__init__.py" ]; then
  echo "qemu.qmp is already in $target"
  exit 0
fi
if ! apt-get source --print-uris qemu >/dev/null 2>&1 || [ -z "$(apt-get source --print-uris qemu 2>/dev/null | grep orig)" ]; then
  if [ "$(id -u)" = 0 ]; then
    . /etc/os-release
    cat > /etc/apt/sources.list.d/debian-src.sources <<SOURCES
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $VERSION_CODENAME $VERSION_CODENAME-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: $VERSION_CODENAME-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    apt-get update -qq
  else
    echo "apt has no deb-src lines: add them (or run this as root), then run it again" >&2
    exit 1
  fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get source --download-only qemu >/dev/null)
mkdir -p "$target"
tar -xJf "$work"/qemu_*.orig.tar.xz -C "$work" --wildcards '*/python/qemu/qmp/*'
cp -r "$work"/qemu-*/python/qemu "$target/"
echo "qemu.qmp is in $target"
