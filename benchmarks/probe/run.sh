#!/usr/bin/env bash
# Probing benchmark: `custody probe` against ffprobe on the same clips, in one run.
#
# custody reads every packet of a clip (no decoding) to get exact per-stream durations, finalisation,
# truncation and timestamp jumps. The fair ffprobe comparison is `-count_packets`, which also reads every
# packet; `ffprobe` without it reads only the headers and is listed for reference.
#
# Usage: benchmarks/probe/run.sh [CLIPS] [SECONDS_PER_CLIP] [RUNS]     defaults: 8 clips, 120 s, 5 runs
set -euo pipefail

clips=${1:-8}
seconds=${2:-120}
runs=${3:-5}
top="$(cd "$(dirname "$0")/../.." && pwd)"
work="$top/benchmarks/probe/work"
mkdir -p "$work/clips"

command -v ffprobe >/dev/null || { echo "error: ffprobe is missing (apt-get install ffmpeg)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "error: GNU time is missing (apt-get install time)" >&2; exit 1; }

echo "building custody (release)"
(cd "$top" && swift build -c release --product custody >/dev/null)
custody="$top/.build/release/custody"

for index in $(seq -w 1 "$clips"); do
    clip="$work/clips/clip$index.mp4"
    [[ -s $clip ]] && continue
    echo "making $clip ($seconds s, 1280x720 30 fps H.264 + AAC)"
    ffmpeg -v error -y -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=$seconds" \
        -f lavfi -i "sine=frequency=$((300 + 10#$index * 20)):duration=$seconds" \
        -c:v libx264 -preset ultrafast -g 60 -bf 2 -c:a aac -b:a 64k \
        -metadata creation_time=2026-03-14T01:26:53Z "$clip"
done
files=("$work"/clips/*.mp4)
total_bytes=$(cat "${files[@]}" | wc -c)
cat "${files[@]}" >/dev/null   # warm the page cache: this measures parsing, not the disk

measure() {  # name, command...: prints median seconds and peak RSS over the runs
    local name=$1; shift
    local times=() rss=0
    for _ in $(seq 1 "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1
        read -r elapsed kilobytes < "$work/time.txt"
        times+=("$elapsed")
        (( kilobytes > rss )) && rss=$kilobytes
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%s\t%s\t%s\n' "$name" "$median" "$rss"
}

each='for file in "$@"; do ffprobe -v error -show_format -show_streams'
{
    measure "custody probe (every packet)" "$custody" probe --format json "${files[@]}"
    measure "ffprobe -count_packets (every packet)" sh -c "$each -count_packets \"\$file\"; done" _ "${files[@]}"
    measure "ffprobe (headers only)" sh -c "$each \"\$file\"; done" _ "${files[@]}"
} > "$work/results.tsv"

echo
echo "${#files[@]} clips, $((total_bytes / 1000000)) MB, $runs runs each, median, page cache warm"
printf '%-40s %10s %12s %12s\n' "method" "seconds" "MB/s" "peak RSS"
while IFS=$'\t' read -r name median rss; do
    printf '%-40s %10.2f %12.0f %9.1f MiB\n' "$name" "$median" "$(echo "$total_bytes / 1000000 / $median" | bc -l)" \
        "$(echo "$rss / 1024" | bc -l)"
done < "$work/results.tsv"
custody_time=$(sed -n 1p "$work/results.tsv" | cut -f2)
ffprobe_time=$(sed -n 2p "$work/results.tsv" | cut -f2)
printf '\ncustody is %.2fx the speed of ffprobe -count_packets\n' "$(echo "$ffprobe_time / $custody_time" | bc -l)"
