#!/usr/bin/env bash
# bare-root-check.sh -- the README's two commands on a bare Debian 12 root.
# Makes (once) a pristine bookworm root with debootstrap, copies it, puts a
# clean clone of this repository's HEAD in it and, chrooted, runs only
#   apt-get install make   (the one thing a bare root lacks to read a Makefile)
#   make run
#   make test
# Every package the two commands need must be installed by them.  Needs root
# and debootstrap; takes 15-25 minutes.  docs/setup.md explains it.
#   scripts/bare-root-check.sh [WORKDIR]     (default /var/tmp/mmulab-bare)
# BARE_EXTRA="fpga bench" runs those make targets too, after make test, in the same root
# (for an issue whose "done when" names them).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/var/tmp/mmulab-bare}
pristine=$work/pristine root=$work/root
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

[[ $(id -u) -eq 0 ]] || { echo "bare-root-check: needs root (chroot, debootstrap)" >&2; exit 1; }
command -v debootstrap >/dev/null || apt-get install -y debootstrap
if [[ ! -x $pristine/bin/bash ]]; then
  rm -rf "$pristine" && mkdir -p "$pristine"
  debootstrap bookworm "$pristine" "$mirror"
fi

umount_all() {
  for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
}
trap umount_all EXIT
umount_all
rm -rf "$root"
cp -a "$pristine" "$root"
git clone -q "$repo" "$root/root/mmulab"
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"

in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
              TERM=dumb LANG=C.UTF-8 bash -c "$1"; }
echo "bare-root-check: packages before: $(in_root 'dpkg-query -W | wc -l')"
in_root 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q make'
in_root 'cd /root/mmulab && make run'
in_root 'cd /root/mmulab && make test'
for t in ${BARE_EXTRA:-}; do
  [[ $t =~ ^[a-z][a-z0-9-]*$ ]] || { echo "bare-root-check: BARE_EXTRA: expected make target names, got '$t'" >&2; exit 2; }
  in_root "cd /root/mmulab && make $t"
done
echo "bare-root-check: make run, make test${BARE_EXTRA:+ and make $BARE_EXTRA} passed on a bare Debian 12 root"
