#!/usr/bin/env bash
# Times copying one clip into a store two ways, from a cold page cache each time:
#   baseline: cp SRC DST && sha256sum DST && sync
#   custody:  the Vault's single read (copy + SHA-256 + fsync), then rename and read-back from disk (vault-bench)
#   from disk: cp SRC DST && sync && SHA-256 of DST read with O_DIRECT (the baseline with custody's read-back)
# and prints MB/s of each, their ratio, and peak RSS.
#
# Usage: benchmarks/copy/run.sh [SIZE_MIB] [RUNS]     (defaults: 1024 MiB, 5 runs of each, alternating)
# Environment: SCRATCH (SwiftPM scratch path, default /work/build-vault), BLOCK_SIZES (extra vault-bench block
# sizes in bytes to compare, e.g. "262144 8388608"), WORK (folder for the files, default benchmarks/copy/work).
set -euo pipefail

size_mib=${1:-1024}
runs=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
scratch=${SCRATCH:-/work/build-vault}
work=${WORK:-$here/work}
block_sizes=${BLOCK_SIZES:-}

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time for peak RSS" >&2
    apt-get install -y time >/dev/null
fi

echo "building vault-bench (release)" >&2
(cd "$repo" && swift build -c release --scratch-path "$scratch" --product vault-bench >&2)
bench=$scratch/release/vault-bench

mkdir -p "$work"
source_file=$work/clip.bin
if [ ! -f "$source_file" ] || [ "$(stat -c %s "$source_file")" -ne $((size_mib * 1048576)) ]; then
    echo "making a ${size_mib} MiB clip of random bytes" >&2
    head -c $((size_mib * 1048576)) /dev/urandom >"$source_file"
fi
bytes=$(stat -c %s "$source_file")

can_drop=yes
drop_caches() {
    sync
    if [ "$can_drop" = yes ] && ! (echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then
        can_drop=no
        echo "note: cannot drop the page cache (not root?); the clip may be read from memory" >&2
    fi
}

# Runs a command under /usr/bin/time; prints "seconds peak_rss_kib".
timed() {
    local log
    log=$(mktemp)
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$log" "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$(echo "$end - $start" | bc -l) $(tail -1 "$log")"
    rm -f "$log"
}

# The methods, by name: each a shell command run from a cold page cache with an empty destination.
# Note: coreutils' sha256sum does not use the CPU's SHA extensions; `openssl sha256` does (as custody does), so
# the openssl line separates the gain of reading once from the gain of the faster hash.
declare -A command=(
    [baseline]="cp '$source_file' '$work/dst.bin' && sha256sum '$work/dst.bin' && sync"
    [openssl]="cp '$source_file' '$work/dst.bin' && openssl sha256 '$work/dst.bin' && sync"
    [fromdisk]="cp '$source_file' '$work/dst.bin' && sync && dd if='$work/dst.bin' iflag=direct bs=1M status=none | openssl sha256"
    [custody]="'$bench' '$source_file' '$work/store' --block-size 1048576"
)
declare -A label=(
    [baseline]="cp && sha256sum && sync"
    [openssl]="cp && openssl sha256 && sync"
    [fromdisk]="cp && sync && openssl sha256 (disk)"
    [custody]="custody (1 MiB blocks)"
)
methods="baseline custody openssl fromdisk"
for block in $block_sizes; do
    command[custody$block]="'$bench' '$source_file' '$work/store' --block-size $block"
    label[custody$block]="custody ($((block / 1024)) KiB blocks)"
    methods="$methods custody$block"
done

measure() {
    rm -rf "$work/dst.bin" "$work/store"
    drop_caches
    timed bash -c "${command[$1]}"
}

mbps() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "clip: $bytes bytes; runs: $runs of each; store on: $(df -T "$work" | awk 'NR==2 {print $1, $2}')" >&2
declare -A times peak
printf '%-36s %4s %9s %8s %10s\n' "method" "run" "seconds" "MB/s" "peak RSS"
for run in $(seq 1 "$runs"); do
    # Rotate the order each run so that drift in the machine's speed falls on every method.
    read -ra list <<<"$methods"
    shift_by=$(((run - 1) % ${#list[@]}))
    for method in "${list[@]:shift_by}" "${list[@]:0:shift_by}"; do
        read -r seconds rss < <(measure "$method")
        times[$method]="${times[$method]:-} $seconds"
        peak[$method]=$((rss > ${peak[$method]:-0} ? rss : ${peak[$method]:-0}))
        printf '%-36s %4d %9.2f %8s %7d KiB\n' "${label[$method]}" "$run" "$seconds" "$(mbps "$seconds")" "$rss"
    done
done
echo "page cache dropped before each run: $can_drop"

echo
printf '%-36s %9s %8s %10s\n' "median of $runs" "seconds" "MB/s" "peak RSS"
for method in $methods; do
    m=$(median ${times[$method]})
    printf '%-36s %9.2f %8s %7d KiB\n' "${label[$method]}" "$m" "$(mbps "$m")" "${peak[$method]}"
done
custody_median=$(median ${times[custody]})
for method in baseline openssl fromdisk; do
    printf 'custody / %-30s throughput ratio %.2f\n' "${label[$method]}" \
        "$(echo "$(median ${times[$method]}) / $custody_median" | bc -l)"
done
rm -rf "$work/store" "$work/dst.bin"
