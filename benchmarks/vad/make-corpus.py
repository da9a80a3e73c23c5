#!/usr/bin/env python3
"""Builds the labelled corpus for the speech-detection benchmark.

Every item is a 30 s window of audio, the length custody examines at the start of a resumed clip, labelled
`speech` (it holds at least 3 s of speech) or `no speech` (noise only, near-silence, or under 1.3 s of speech, all
below the 2 s rule). Items are written as raw little-endian Float32 mono PCM at 16 kHz after going through their
channel (16 kHz PCM, 8 kHz PCM, AAC, or G.711 mu-law at 8 kHz), decoded with the ffmpeg CLI, so that every detector
reads the same samples. The encoded form of each item is kept beside it (items/NAME.wav: 16-bit PCM at 16 or 8 kHz
or G.711 mu-law at 8 kHz; items/NAME.m4a: AAC), for measuring custody's own decoder (module Media) on it.

Speech sources
- real recorded human speech: the spoken channel names shipped by Debian's alsa-utils in /usr/share/sounds/alsa/
  ("Front Center", "Rear Left", ...), several joined with short pauses;
- espeak-ng speech in English and Mandarin with several voices.
Noise: wind (low-passed brown noise with gusts), pink, white, traffic-like rumble (low-passed brown noise and a
band of pink noise swelling as vehicles pass); negatives also use rain-like crackle, footsteps and near-silence.
Speech-in-noise items are mixed at 20, 10, 5 and 0 dB SNR (speech power over its active part against noise power).

usage: make-corpus.py OUTPUT_DIR [SEED]
(writes OUTPUT_DIR/items/*.f32, the encoded items/*.wav and *.m4a, and OUTPUT_DIR/labels.json)
Needs numpy, ffmpeg, espeak-ng and alsa-utils. Deterministic: the same seed gives the same corpus; another seed gives
other noise, gusts, placements and levels over the same speech, to check on items the detector was not tuned on.
"""

import json
import os
import subprocess
import sys
import tempfile

import numpy as np

RATE = 16_000
WINDOW = 30.0
SNRS = [20, 10, 5, 0]
NOISES = ["wind", "pink", "white", "traffic"]
CHANNELS = ["pcm16k", "pcm8k", "aac", "g711"]
ALSA = "/usr/share/sounds/alsa"
ALSA_NAMES = ["Front_Center", "Front_Left", "Front_Right", "Rear_Center", "Rear_Left", "Rear_Right", "Side_Left",
              "Side_Right"]

ENGLISH = [
    ("en+m3", "The recording stopped because the battery ran out. It is now ten past three on Main Street."),
    ("en-us+f3", "Recording resumed after the storage card was full. Officers Li and Chen are present with the driver."),
    ("en+m1", "The camera shut down in the heavy rain. We are back at the north gate of the market, it is four fifteen."),
]
MANDARIN = [
    ("cmn", "录像因为电池没电中断了，现在是下午三点十分，地点是中山路。"),
    ("cmn+f3", "因为下雨设备故障，现在恢复录像，在场民警有王警官和李警官。"),
    ("cmn+m3", "存储卡满了，刚才更换了存储卡，继续执法记录，当事人是一名司机。"),
]
SHORT = [("en+m3", "Okay."), ("cmn", "好的。"), ("en-us+f3", "Yes.")]


def ffmpeg(*args):
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


def read_f32(path):
    return np.fromfile(path, dtype="<f4").astype(np.float64)


def decode(path, tmp):
    out = os.path.join(tmp, "decoded.f32")
    ffmpeg("-i", path, "-f", "f32le", "-ac", "1", "-ar", str(RATE), out)
    return read_f32(out)


def trim(x, level_db=-45):
    """Cuts leading and trailing near-silence so a source starts and ends with speech."""
    frame = 160
    n = len(x) // frame
    power = (x[: n * frame].reshape(n, frame) ** 2).mean(axis=1)
    loud = np.nonzero(10 * np.log10(power + 1e-20) > level_db)[0]
    if len(loud) == 0:
        return x
    return x[loud[0] * frame: (loud[-1] + 1) * frame]


def active_power(x):
    """Mean power over the frames within 30 dB of the loudest, as a stand-in for ITU-T P.56 active level."""
    frame = 320
    n = len(x) // frame
    power = (x[: n * frame].reshape(n, frame) ** 2).mean(axis=1)
    active = power[power > power.max() * 1e-3]
    return active.mean()


def speech_sources(tmp):
    sources = []
    alsa = [trim(decode(os.path.join(ALSA, name + ".wav"), tmp)) for name in ALSA_NAMES]
    pause = np.zeros(int(0.35 * RATE))
    for first in (0, 3):
        parts = []
        for index in range(first, first + 4):
            parts += [alsa[index % len(alsa)], pause]
        sources.append(("alsa", np.concatenate(parts[:-1])))
    for language, sentences in (("en", ENGLISH), ("cmn", MANDARIN)):
        for voice, text in sentences:
            wav = os.path.join(tmp, "espeak.wav")
            subprocess.run(["espeak-ng", "-v", voice, "-w", wav, text], check=True)
            sources.append((language, trim(decode(wav, tmp))))
    short = []
    for voice, text in SHORT:
        wav = os.path.join(tmp, "espeak.wav")
        subprocess.run(["espeak-ng", "-v", voice, "-w", wav, text], check=True)
        short.append(trim(decode(wav, tmp)))
    short.append(alsa[0])
    return sources, short


# MARK: - Noise

def ffmpeg_noise(color, seed, seconds, tmp, filters=None):
    out = os.path.join(tmp, "noise.f32")
    source = f"anoisesrc=color={color}:seed={seed}:amplitude=0.5:r={RATE}:d={seconds}"
    args = ["-f", "lavfi", "-i", source]
    if filters:
        args += ["-af", filters]
    ffmpeg(*args, "-f", "f32le", "-ac", "1", "-ar", str(RATE), out)
    return read_f32(out)


def slow_envelope(rng, seconds, rate_hz, depth):
    """A random positive envelope varying at about rate_hz, log-normal with the given depth in nepers."""
    points = int(seconds * rate_hz) + 4
    values = rng.standard_normal(points)
    t = np.arange(int(seconds * RATE)) / RATE * rate_hz
    smooth = np.interp(t, np.arange(points), values)
    return np.exp(depth * smooth)


def make_noise(kind, rng, seed, tmp, seconds=WINDOW):
    if kind == "wind":
        base = ffmpeg_noise("brown", seed, seconds, tmp, "lowpass=f=500,lowpass=f=500,highpass=f=20")
        gusts = slow_envelope(rng, seconds, 0.7, 0.8) * slow_envelope(rng, seconds, 4.0, 0.35)
        return base * gusts
    if kind == "pink":
        return ffmpeg_noise("pink", seed, seconds, tmp)
    if kind == "white":
        return ffmpeg_noise("white", seed, seconds, tmp)
    if kind == "traffic":
        rumble = ffmpeg_noise("brown", seed, seconds, tmp, "lowpass=f=250,highpass=f=25")
        swish = ffmpeg_noise("pink", seed + 1, seconds, tmp, "bandpass=f=500:width_type=o:w=2")
        t = np.arange(len(rumble)) / RATE
        passes = np.zeros_like(t)
        for centre in rng.uniform(-2, seconds + 2, size=int(seconds / 5)):
            passes += np.exp(-0.5 * ((t - centre) / rng.uniform(1.0, 2.5)) ** 2)
        rumble = rumble / np.sqrt((rumble ** 2).mean())
        swish = swish / np.sqrt((swish ** 2).mean())
        return rumble * (0.4 + passes) + 0.5 * swish * (0.15 + passes)
    if kind == "rain":
        bed = ffmpeg_noise("pink", seed, seconds, tmp, "highpass=f=800")
        count = int(len(bed))
        drops = np.zeros(count)
        hits = rng.integers(0, count - 200, size=int(seconds * 150))
        decay = np.exp(-np.arange(40) / 6.0) * rng.standard_normal(40)
        for hit in hits:
            drops[hit: hit + 40] += rng.uniform(0.2, 1.0) * decay
        return 0.3 * bed / np.sqrt((bed ** 2).mean()) + drops / np.sqrt((drops ** 2).mean())
    if kind == "footsteps":
        bed = ffmpeg_noise("pink", seed, seconds, tmp)
        t = np.arange(int(seconds * RATE)) / RATE
        steps = np.zeros_like(t)
        thump = ffmpeg_noise("brown", seed + 2, 0.2, tmp, "lowpass=f=300")
        thump = thump[: int(0.15 * RATE)] * np.exp(-np.arange(int(0.15 * RATE)) / (0.03 * RATE))
        step = rng.uniform(0.45, 0.6)
        position = rng.uniform(0, step)
        while position < seconds - 0.2:
            start = int(position * RATE)
            steps[start: start + len(thump)] += thump * rng.uniform(0.6, 1.0)
            position += step * rng.uniform(0.95, 1.05)
        return steps / np.sqrt((steps ** 2).mean()) + 0.05 * bed / np.sqrt((bed ** 2).mean())
    if kind == "silence":
        return ffmpeg_noise("pink", seed, seconds, tmp)
    raise ValueError(kind)


def db_to_power(db):
    return 10 ** (db / 10)


def set_level(x, dbfs):
    return x * np.sqrt(db_to_power(dbfs) / ((x ** 2).mean() + 1e-30))


# MARK: - Channels

def through_channel(x, channel, tmp):
    """Returns the samples after the channel, decoded by the ffmpeg CLI, and the path of the encoded file in tmp."""
    raw = os.path.join(tmp, "mix.f32")
    np.clip(x, -1, 1).astype("<f4").tofile(raw)
    inp = ["-f", "f32le", "-ar", str(RATE), "-ac", "1", "-i", raw]
    if channel == "pcm16k":
        # The samples stay the Float32 mix; the encoded form kept for custody's decoder is 16-bit PCM at 16 kHz.
        wav = os.path.join(tmp, "mix16k.wav")
        ffmpeg(*inp, "-c:a", "pcm_s16le", wav)
        return read_f32(raw), wav
    if channel == "pcm8k":
        wav = os.path.join(tmp, "mix8k.wav")
        ffmpeg(*inp, "-ar", "8000", "-c:a", "pcm_s16le", wav)
    elif channel == "aac":
        wav = os.path.join(tmp, "mix.m4a")
        ffmpeg(*inp, "-c:a", "aac", "-b:a", "48k", wav)
    elif channel == "g711":
        wav = os.path.join(tmp, "mix.wav")
        ffmpeg(*inp, "-ar", "8000", "-c:a", "pcm_mulaw", wav)
    else:
        raise ValueError(channel)
    return decode(wav, tmp)[: int(WINDOW * RATE)], wav


# MARK: - Items

def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    out = sys.argv[1]
    corpus_seed = int(sys.argv[2]) if len(sys.argv) == 3 else 20261203
    os.makedirs(os.path.join(out, "items"), exist_ok=True)
    rng = np.random.default_rng(corpus_seed)
    labels = []
    with tempfile.TemporaryDirectory() as tmp:
        sources, short = speech_sources(tmp)
        seed = 1 + corpus_seed % 100_000

        def write(name, through, label, **info):
            """Writes an item: `through` is (samples, encoded file in tmp) from through_channel."""
            x, encoded = through
            path = os.path.join(out, "items", name + ".f32")
            x = np.concatenate([x, np.zeros(max(0, int(WINDOW * RATE) - len(x)))])[: int(WINDOW * RATE)]
            x.astype("<f4").tofile(path)
            kept = os.path.join("items", name + os.path.splitext(encoded)[1])
            os.replace(encoded, os.path.join(out, kept))
            labels.append({"item": name, "file": os.path.join("items", name + ".f32"), "encoded": kept,
                           "speech": label, **info})

        def place(speech, noise, snr, level):
            """Puts speech at a random place in the window, at `level` dBFS active, with noise at `snr` dB below."""
            total = int(WINDOW * RATE)
            start = int(rng.uniform(0, min(20.0, WINDOW - len(speech) / RATE - 0.5)) * RATE)
            speech = speech * np.sqrt(db_to_power(level) / active_power(speech))
            mix = np.zeros(total)
            mix[start: start + len(speech)] += speech
            if noise is not None:
                noise = noise[:total] * np.sqrt(db_to_power(level - snr) / ((noise[:total] ** 2).mean()))
                mix += noise
            return mix, start / RATE, len(speech) / RATE

        # Speech in noise: every source, every noise, every SNR; the channel and level rotate across items.
        for index, (language, speech) in enumerate(sources):
            for noise_index, noise_kind in enumerate(NOISES):
                for snr_index, snr in enumerate(SNRS):
                    # A Latin square over (source, noise, SNR), so that no channel or level goes with one SNR.
                    channel = CHANNELS[(snr_index + noise_index + index) % len(CHANNELS)]
                    level = [-20, -26, -32, -38][(snr_index + 2 * noise_index + 3 * index) % 4]
                    seed += 7
                    noise = make_noise(noise_kind, rng, seed, tmp)
                    mix, start, length = place(speech, noise, snr, level)
                    name = f"sp-{language}{index}-{noise_kind}-{snr}dB-{channel}"
                    write(name, through_channel(mix, channel, tmp), True, noise=noise_kind, snr=snr,
                          channel=channel, language=language, speech_start=round(start, 3),
                          speech_seconds=round(length, 3), level=level)

        # Clean and quiet speech over near-silence (the -30 dBFS under -45 dBFS case and quieter).
        for index, (language, speech) in enumerate(sources):
            channel = CHANNELS[index % len(CHANNELS)]
            seed += 7
            floor = make_noise("silence", rng, seed, tmp)
            mix, start, length = place(speech, floor, 15, -30)
            write(f"sp-{language}{index}-quiet-15dB-{channel}", through_channel(mix, channel, tmp), True,
                  noise="quiet", snr=15, channel=channel, language=language, speech_start=round(start, 3),
                  speech_seconds=round(length, 3), level=-30)

        # Noise only: every noise kind, two levels, every channel.
        for kind in NOISES + ["rain", "footsteps"]:
            for level in (-22, -35):
                for channel in CHANNELS:
                    seed += 7
                    x = set_level(make_noise(kind, rng, seed, tmp), level)
                    write(f"no-{kind}-{-level}dBFS-{channel}", through_channel(x, channel, tmp), False, noise=kind,
                          snr=None, channel=channel, level=level)

        # Near-silence: faint hiss at -55 and -70 dBFS, and digital silence.
        for level in (-55, -70):
            for channel in CHANNELS:
                seed += 7
                x = set_level(make_noise("silence", rng, seed, tmp), level)
                write(f"no-silence-{-level}dBFS-{channel}", through_channel(x, channel, tmp), False, noise="silence",
                      snr=None, channel=channel, level=level)
        write("no-digital-silence", through_channel(np.zeros(int(WINDOW * RATE)), "pcm16k", tmp), False,
              noise="silence", snr=None, channel="pcm16k", level=None)

        # Short speech (under 1.3 s) in noise: below the 2 s rule, so `no speech`.
        for index, speech in enumerate(short):
            for noise_kind, snr in (("pink", 20), ("wind", 10), ("white", 10)):
                channel = CHANNELS[(index + snr) % len(CHANNELS)]
                seed += 7
                noise = make_noise(noise_kind, rng, seed, tmp)
                mix, start, length = place(speech, noise, snr, -26)
                write(f"short{index}-{noise_kind}-{snr}dB-{channel}", through_channel(mix, channel, tmp), False,
                      noise=noise_kind, snr=snr, channel=channel, speech_start=round(start, 3),
                      speech_seconds=round(length, 3), level=-26, short=True)

    with open(os.path.join(out, "labels.json"), "w") as f:
        json.dump(labels, f, indent=1)
    print(f"{len(labels)} items in {out}: {sum(1 for x in labels if x['speech'])} with speech")


if __name__ == "__main__":
    main()
