#!/usr/bin/env bash
# Lay out the whole runtime file system of the container image in ROOTFS: the spyglass BINARY,
# every shared library it loads (the ldd closure, at the paths the loader looks them up), the CA
# bundle libcurl was built to trust, and the two files glibc reads to resolve host names. The
# image's last stage is `FROM scratch` plus this tree, so nothing else (no shell, no package
# manager) ships. Usage: scripts/collect-runtime.sh BINARY ROOTFS (run in the build stage).
set -euo pipefail
binary=${1:?usage: collect-runtime.sh BINARY ROOTFS}
rootfs=${2:?usage: collect-runtime.sh BINARY ROOTFS}

install -D -m 0755 "$binary" "$rootfs/usr/local/bin/spyglass"

# "libfoo.so.1 => /lib/.../libfoo.so.1 (0x...)" and the loader's own "/lib64/ld-linux-....so.2".
libraries=$(ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }')
if grep -q "not found" <<<"$(ldd "$binary")"; then
  echo "collect-runtime: $binary has unresolved libraries:" >&2
  ldd "$binary" >&2
  exit 1
fi
for library in $libraries; do
  mkdir -p "$rootfs$(dirname "$library")"
  cp -L "$library" "$rootfs$library"  # -L: the file, under the name the loader asks for
done

ca_bundle=$(curl-config --ca)
install -D -m 0644 "$ca_bundle" "$rootfs$ca_bundle"

# Without nsswitch.conf glibc asks DNS before /etc/hosts; the runner mounts both hosts and
# resolv.conf, and names in /etc/hosts (a GHES host pinned there) should win as they do elsewhere.
install -d "$rootfs/etc"
printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
install -d -m 1777 "$rootfs/tmp"

echo "collect-runtime: $(wc -w <<<"$libraries") libraries, $(du -sh "$rootfs" | cut -f1) in $rootfs"
