#!/usr/bin/env python3
"""Compares custody's speech detector with webrtcvad and silero-vad on the corpus made by make-corpus.py.

Every detector makes the same clip-level decision custody makes: the clip is `spoken` when the detector finds at
least 2 s of speech in the 30 s window. Inputs are the corpus items: raw Float32 mono 16 kHz PCM decoded by the
ffmpeg CLI, the same samples for every detector.

custody is also run on each item's encoded form (the .wav or .m4a make-corpus.py keeps), decoded by custody's own
decoder (module Media), as ingest does: that gives its decode+detect speed, and the count of items whose verdict
differs from the one on the ffmpeg-decoded samples.

- custody: the `vad-bench` executable (swift build -c release --product vad-bench), which prints segments, verdict
  and detection time per item as JSON;
- webrtcvad (PyPI webrtcvad-wheels), modes 0 to 3, over 30 ms frames of 16-bit PCM; speech = 0.03 s per voiced
  frame;
- silero-vad (PyPI silero-vad, model shipped in the wheel, run through torch with one thread), default threshold,
  speech = sum of get_speech_timestamps.

Everything runs pinned to one core (taskset -c 0), so the speeds are multiples of real time on one core; both the
CPU time of the detecting thread and the wall clock are reported, since on a shared machine the wall clock also
counts the time other processes held the core.

Cells: for noise type N and SNR S, the positives are the speech items mixed with N at S dB and the negatives are
all negatives in N (noise alone at two levels and short speech under the 2 s rule); the per-SNR rows pool the
noise types. Precision, recall and F1 are of the clip-level decision.

usage: evaluate.py CORPUS_DIR VAD_BENCH [--skip-silero] [--only-custody] [--json OUT.json] [--markdown OUT.md]
(--only-custody skips webrtcvad and silero-vad: no venv with them is needed)
"""

import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np

RATE = 16_000
MINIMUM_SPEECH = 2.0


def pin_to_one_core():
    try:
        os.sched_setaffinity(0, {0})
    except (AttributeError, OSError) as error:
        print(f"warning: cannot pin to core 0 ({error}); speeds are not single-core", file=sys.stderr)


def run_custody(items, corpus, vad_bench):
    files = [os.path.join(corpus, item["file"]) for item in items]
    out = subprocess.run(["taskset", "-c", "0", vad_bench, *files], check=True, capture_output=True, text=True)
    results = {}
    for line, item in zip(out.stdout.splitlines(), items):
        data = json.loads(line)
        results[item["item"]] = (data["speech_seconds"], data["detect_seconds"], data["cpu_seconds"])
    return results


def run_custody_decoding(items, corpus, vad_bench):
    """Runs vad-bench on the encoded items, which it decodes with module Media: speech seconds and the times."""
    files = [os.path.join(corpus, item["encoded"]) for item in items]
    out = subprocess.run(["taskset", "-c", "0", vad_bench, *files], check=True, capture_output=True, text=True)
    results = {}
    for line, item in zip(out.stdout.splitlines(), items):
        data = json.loads(line)
        results[item["item"]] = {key: data[key] for key in ("speech_seconds", "detect_seconds", "cpu_seconds",
                                                           "decode_seconds", "decode_cpu_seconds", "duration")}
    return results


def run_webrtc(items, corpus, mode):
    import webrtcvad

    vad = webrtcvad.Vad(mode)
    frame = int(0.03 * RATE)
    results = {}
    for item in items:
        x = np.fromfile(os.path.join(corpus, item["file"]), dtype="<f4")
        pcm = (np.clip(x, -1, 1) * 32767).astype("<i2").tobytes()
        started, started_cpu = time.perf_counter(), time.thread_time()
        voiced = 0
        for start in range(0, len(pcm) // 2 - frame + 1, frame):
            if vad.is_speech(pcm[2 * start: 2 * (start + frame)], RATE):
                voiced += 1
        results[item["item"]] = (voiced * 0.03, time.perf_counter() - started, time.thread_time() - started_cpu)
    return results


def run_silero(items, corpus):
    import torch
    from silero_vad import get_speech_timestamps, load_silero_vad

    torch.set_num_threads(1)
    model = load_silero_vad()
    results = {}
    for item in items:
        x = torch.from_numpy(np.fromfile(os.path.join(corpus, item["file"]), dtype="<f4").copy())
        started, started_cpu = time.perf_counter(), time.thread_time()
        stamps = get_speech_timestamps(x, model, sampling_rate=RATE, return_seconds=True)
        seconds = sum(s["end"] - s["start"] for s in stamps)
        results[item["item"]] = (seconds, time.perf_counter() - started, time.thread_time() - started_cpu)
    return results


def scores(items, decisions):
    tp = sum(1 for i in items if i["speech"] and decisions[i["item"]])
    fp = sum(1 for i in items if not i["speech"] and decisions[i["item"]])
    fn = sum(1 for i in items if i["speech"] and not decisions[i["item"]])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("vad_bench")
    parser.add_argument("--skip-silero", action="store_true")
    parser.add_argument("--only-custody", action="store_true")
    parser.add_argument("--json")
    parser.add_argument("--markdown")
    args = parser.parse_args()

    pin_to_one_core()
    with open(os.path.join(args.corpus, "labels.json")) as f:
        items = json.load(f)
    audio_seconds = len(items) * 30.0

    detectors = {"custody": run_custody(items, args.corpus, args.vad_bench)}
    if not args.only_custody:
        for mode in range(4):
            detectors[f"webrtcvad-{mode}"] = run_webrtc(items, args.corpus, mode)
        if not args.skip_silero:
            try:
                detectors["silero-vad"] = run_silero(items, args.corpus)
            except ImportError as error:
                print(f"silero-vad skipped: cannot import it ({error})", file=sys.stderr)

    decisions = {name: {k: v[0] >= MINIMUM_SPEECH for k, v in r.items()} for name, r in detectors.items()}
    names = list(detectors)
    lines = []

    def table(title, rows, header):
        lines.append(f"\n### {title}\n")
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        for row in rows:
            lines.append("| " + " | ".join(row) + " |")

    negatives = [i for i in items if not i["speech"]]

    def cell(noise, snr):
        positives = [i for i in items if i["speech"] and (noise is None or i["noise"] == noise)
                     and (snr is None or i["snr"] == snr)]
        negs = [i for i in negatives if noise is None or i["noise"] == noise]
        return positives + negs

    rows = []
    for snr in [20, 10, 5, 0]:
        row = [f"{snr} dB"]
        for name in names:
            p, r, f = scores(cell(None, snr), decisions[name])
            row.append(f"{f:.3f} ({p:.2f}/{r:.2f})")
        rows.append(row)
    quiet = [i for i in items if i["speech"] and i["noise"] == "quiet"] + negatives
    row = ["quiet -30 dBFS, 15 dB"]
    for name in names:
        p, r, f = scores(quiet, decisions[name])
        row.append(f"{f:.3f} ({p:.2f}/{r:.2f})")
    rows.append(row)
    row = ["all items"]
    for name in names:
        p, r, f = scores(items, decisions[name])
        row.append(f"{f:.3f} ({p:.2f}/{r:.2f})")
    rows.append(row)
    table("F1 (precision/recall) by SNR, all noise types pooled", rows, ["SNR", *names])

    rows = []
    for noise in ["wind", "pink", "white", "traffic"]:
        for snr in [20, 10, 5, 0]:
            row = [noise, f"{snr} dB"]
            for name in names:
                p, r, f = scores(cell(noise, snr), decisions[name])
                row.append(f"{f:.2f} ({p:.2f}/{r:.2f})")
            rows.append(row)
    table("F1 (precision/recall) by noise type and SNR", rows, ["noise", "SNR", *names])

    rows = []
    for noise in ["wind", "pink", "white", "traffic", "rain", "footsteps", "silence"]:
        group = [i for i in negatives if i["noise"] == noise and not i.get("short")]
        row = [noise, str(len(group))]
        for name in names:
            row.append(str(sum(1 for i in group if decisions[name][i["item"]])))
        rows.append(row)
    shorts = [i for i in negatives if i.get("short")]
    rows.append(["short speech < 1.3 s", str(len(shorts))] +
                [str(sum(1 for i in shorts if decisions[n][i["item"]])) for n in names])
    table("False `spoken` on items without 2 s of speech", rows, ["negatives", "items", *names])

    rows = []
    for channel in ["pcm16k", "pcm8k", "aac", "g711"]:
        group = [i for i in items if i["channel"] == channel]
        row = [channel]
        for name in names:
            p, r, f = scores(group, decisions[name])
            row.append(f"{f:.3f} ({p:.2f}/{r:.2f})")
        rows.append(row)
    table("F1 (precision/recall) by channel", rows, ["channel", *names])

    rows = [[name, f"{audio_seconds / sum(v[2] for v in detectors[name].values()):.0f}×",
             f"{audio_seconds / sum(v[1] for v in detectors[name].values()):.0f}×"] for name in names]
    table("Detection speed on one core (audio seconds per second of detection)", rows,
          ["detector", "by CPU time", "by wall clock"])

    decoded = None
    if all("encoded" in i for i in items):
        decoded = run_custody_decoding(items, args.corpus, args.vad_bench)
        detect_cpu = sum(v["cpu_seconds"] for v in decoded.values())
        detect_wall = sum(v["detect_seconds"] for v in decoded.values())
        decode_cpu = sum(v["decode_cpu_seconds"] for v in decoded.values())
        decode_wall = sum(v["decode_seconds"] for v in decoded.values())
        rows = [
            ["decode (Media)", f"{audio_seconds / decode_cpu:.0f}×", f"{audio_seconds / decode_wall:.0f}×"],
            ["detect", f"{audio_seconds / detect_cpu:.0f}×", f"{audio_seconds / detect_wall:.0f}×"],
            ["decode+detect", f"{audio_seconds / (decode_cpu + detect_cpu):.0f}×",
             f"{audio_seconds / (decode_wall + detect_wall):.0f}×"],
        ]
        table("custody decode+detect speed on one core, decoding the encoded items with module Media "
              "(audio seconds per second)", rows, ["step", "by CPU time", "by wall clock"])
        differ = [i["item"] for i in items
                  if (decoded[i["item"]]["speech_seconds"] >= MINIMUM_SPEECH) != decisions["custody"][i["item"]]]
        short = [i["item"] for i in items if decoded[i["item"]]["duration"] < 29.9]
        lines.append(f"\nVerdicts from Media's decoding that differ from those on the ffmpeg-decoded samples: "
                     f"{len(differ)} of {len(items)}{': ' + ' '.join(differ) if differ else ''}.")
        if short:
            lines.append(f"Items Media decoded to under 29.9 s: {len(short)}: {' '.join(short)}.")
    else:
        print("custody decode+detect skipped: the corpus has no encoded items (made by an older make-corpus.py)",
              file=sys.stderr)

    text = "\n".join(lines)
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")
    if args.json:
        with open(args.json, "w") as f:
            results = {name: {k: {"speech_seconds": v[0], "seconds": v[1], "cpu_seconds": v[2]}
                              for k, v in r.items()} for name, r in detectors.items()}
            if decoded is not None:
                results["custody-decoded"] = decoded
            json.dump(results, f, indent=1)

    missed = [i["item"] for i in items if i["speech"] and not decisions["custody"][i["item"]]]
    false = [i["item"] for i in negatives if decisions["custody"][i["item"]]]
    print(f"\ncustody missed {len(missed)}: {' '.join(missed)}", file=sys.stderr)
    print(f"custody false spoken {len(false)}: {' '.join(false)}", file=sys.stderr)


if __name__ == "__main__":
    main()
