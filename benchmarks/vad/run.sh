#!/usr/bin/env bash
# Builds everything the speech-detection benchmark needs and runs it; results land in work/ (git-ignored).
#
# usage: benchmarks/vad/run.sh [SEED] [--only-custody]
# --only-custody runs custody alone (f32 items and decode+detect on the encoded items): no webrtcvad, silero-vad or
# torch is installed.
# Needs Debian's ffmpeg, espeak-ng and alsa-utils (apt-get install ffmpeg espeak-ng alsa-utils) and python3 with venv;
# installs numpy, webrtcvad-wheels and silero-vad (with torch) from PyPI into work/venv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seed="${1:-20261203}"
only=()
if [ "${2:-}" = "--only-custody" ]; then only=(--only-custody); fi
work="$here/work"
mkdir -p "$work"

if [ ! -x "$work/venv/bin/python" ]; then
    python3 -m venv "$work/venv"
fi
if [ ${#only[@]} -eq 0 ]; then
    "$work/venv/bin/pip" install --quiet numpy webrtcvad-wheels silero-vad onnxruntime
else
    "$work/venv/bin/pip" install --quiet numpy
fi

scratch="${SCRATCH:-$root/.build}"
swift build -c release --package-path "$root" --scratch-path "$scratch" --product vad-bench
bench="$scratch/release/vad-bench"

corpus="$work/corpus-$seed"
# A corpus made before the encoded items were kept is made again.
if [ ! -f "$corpus/labels.json" ] || ! grep -q '"encoded"' "$corpus/labels.json"; then
    "$work/venv/bin/python" "$here/make-corpus.py" "$corpus" "$seed"
fi
"$work/venv/bin/python" "$here/evaluate.py" "$corpus" "$bench" "${only[@]}" \
    --json "$work/results-$seed.json" --markdown "$work/results-$seed.md"
