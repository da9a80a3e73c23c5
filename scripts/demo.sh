#!/usr/bin/env bash
# The demo: makes a recorder volume from fixtures/, docks it, and shows what custody ingested.
#
# As root with exFAT tools and FUSE available, the volume is a real exFAT image, attached to a loop
# device and mounted read-only with exfat-fuse under a watched root, and `custody daemon --once` finds
# and ingests it, as a dock does. Elsewhere `custody ingest` reads the same clips from a plain folder.
# Everything goes under ./demo/ (removed and made anew at each run).
set -euo pipefail

custody="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
top="$(cd "$(dirname "$0")/.." && pwd)"
demo="$top/demo"
zone=Asia/Shanghai

if mountpoint -q "$demo/media/A123456" 2>/dev/null; then umount "$demo/media/A123456"; fi
rm -rf "$demo"
mkdir -p "$demo"
echo "== making a recorder volume (fixtures/make-volume.sh)"
"$top/fixtures/make-volume.sh" "$demo/volume" --tz "$zone" >/dev/null

options=(--store "$demo/store" --catalog "$demo/catalog.sqlite" --timezone "$zone" --settle-seconds 1)

if [[ $(id -u) -eq 0 ]] && command -v mkfs.exfat >/dev/null && command -v mount.exfat-fuse >/dev/null \
    && [[ -e /dev/fuse ]] && losetup -f >/dev/null 2>&1; then
    echo "== writing it to an exFAT image labelled A123456 and docking it read-only at $demo/media/A123456"
    truncate -s 96M "$demo/recorder.img"
    mkfs.exfat -q -L A123456 "$demo/recorder.img" >/dev/null 2>&1 || mkfs.exfat -L A123456 "$demo/recorder.img" >/dev/null
    device="$(losetup --find --show "$demo/recorder.img")"
    cleanup() {
        mountpoint -q "$demo/media/A123456" && umount "$demo/media/A123456"
        losetup -d "$device" 2>/dev/null || true
    }
    trap cleanup EXIT
    mkdir -p "$demo/media/A123456"
    mount.exfat-fuse "$device" "$demo/media/A123456" >/dev/null
    cp -a "$demo/volume/." "$demo/media/A123456/"
    umount "$demo/media/A123456"
    mount.exfat-fuse -o ro "$device" "$demo/media/A123456" >/dev/null
    echo "== custody daemon --once --watch $demo/media"
    "$custody" daemon --once --watch "$demo/media" "${options[@]}"
else
    echo "== not root, or no exFAT/FUSE/loop devices here: ingesting the plain folder instead"
    echo "== custody ingest $demo/volume"
    "$custody" ingest "$demo/volume" "${options[@]}"
fi

echo
echo "== custody clips"
"$custody" clips "${options[@]}"
echo
echo "== custody gaps"
"$custody" gaps "${options[@]}"
"$custody" gaps --format html --out "$demo/gaps-en.html" --lang en "${options[@]}"
"$custody" gaps --format html --out "$demo/gaps-zh.html" --lang zh "${options[@]}"
echo
echo "The originals are under $demo/store (read-only); the catalog is $demo/catalog.sqlite."
echo "The gap report for a browser or printer: $demo/gaps-en.html and $demo/gaps-zh.html."
echo "Try: $custody gaps --format json ${options[*]}"
