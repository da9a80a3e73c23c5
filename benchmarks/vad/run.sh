#!/usr/bin/env bash
# Builds everything the speech-detection benchmark needs and runs it; results land in work/ (git-ignored).
#
# usage: benchmarks/vad/run.sh [SEED]
# Needs Debian's ffmpeg, espeak-ng and alsa-utils (apt-get install ffmpeg espeak-ng alsa-utils) and python3 with venv;
# installs numpy, webrtcvad-wheels and silero-vad (with torch) from PyPI into work/venv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seed="${1:-20261203}"
work="$here/work"
mkdir -p "$work"

if [ ! -x "$work/venv/bin/python" ]; then
    python3 -m venv "$work/venv"
fi
"$work/venv/bin/pip" install --quiet numpy webrtcvad-wheels silero-vad onnxruntime

scratch="${SCRATCH:-$root/.build}"
swift build -c release --package-path "$root" --scratch-path "$scratch" --product vad-bench
bench="$scratch/release/vad-bench"

corpus="$work/corpus-$seed"
if [ ! -f "$corpus/labels.json" ]; then
    "$work/venv/bin/python" "$here/make-corpus.py" "$corpus" "$seed"
fi
"$work/venv/bin/python" "$here/evaluate.py" "$corpus" "$bench" \
    --json "$work/results-$seed.json" --markdown "$work/results-$seed.md"
