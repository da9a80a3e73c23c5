#!/usr/bin/env bash
# Installs the Debian packages custody builds on, tests with and makes its demo with.
# Only what is missing is installed; run as root (or it tells you what to install).
set -euo pipefail

packages=(
    pkg-config
    libavformat-dev libavcodec-dev libavutil-dev libswresample-dev
    libsqlite3-dev libssl-dev libsystemd-dev sqlite3
    ffmpeg espeak-ng jq
    exfatprogs exfat-fuse fuse3 util-linux
    xorriso
    chromium fonts-noto-cjk
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    echo "error: missing Debian packages: ${missing[*]}; run 'sudo apt-get install ${missing[*]}' or run this as root" >&2
    exit 1
fi

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
