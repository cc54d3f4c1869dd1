"""Generate the session's cue sounds: short, gentle sine tones with soft fades.

Run `python assets/sounds/make_sounds.py` to rewrite the WAV files next to this
script. They are committed, so nobody needs to run it to use the app; the script
is here so the sounds can be changed and reproduced. Standard library only.

- tick.wav:   a short bright tick for the last three seconds of a countdown
- chime.wav:  a clear two-note chime when a hold ends
- switch.wav: a distinct rising three-note cue for "switch sides"
- start.wav:  a low single note when an exercise begins

Levels: each sound is scaled to its own peak (`PEAK_DBFS`). The tick is the one a
person must catch from the mat, 2 m away, in the last three seconds: it is short
(short sounds seem quieter than long ones of the same level), so it is made as
loud as the voice prompts (RMS within a few dB of the speech worker's voice at
`speech_process.SPEECH_VOLUME`; measured with bench/cue_latency.py). It was 12 dB
quieter than the voice and easy to miss.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
HERE = Path(__file__).resolve().parent

# (frequency Hz, start s, length s, loudness 0..1); partials add a bell-like colour.
Note = tuple[float, float, float, float]


# Peak level of each file, dBFS: the tick close to the voice, the others a little
# under it (they play with the voice, and must not startle).
PEAK_DBFS = {"tick": -7.0, "chime": -6.0, "switch": -8.0, "start": -8.0}


def render(
    notes: list[Note],
    total: float,
    partials: tuple[float, ...] = (1.0,),
    *,
    peak_dbfs: float,
    decay: float = 4.0,
) -> bytes:
    frames = int(total * RATE)
    samples = [0.0] * frames
    for freq, start, length, loud in notes:
        first = int(start * RATE)
        count = min(int(length * RATE), frames - first)
        fade_in = max(1, int(0.008 * RATE))  # no click at the start
        for i in range(count):
            t = i / RATE
            # Exponential decay (a struck bell) with a short linear attack; the
            # last 20 ms fade to zero so the end never clicks either.
            envelope = min(1.0, i / fade_in) * math.exp(-decay * t / length)
            envelope *= min(1.0, (count - i) / (0.02 * RATE))
            value = sum(math.sin(2 * math.pi * freq * k * t) / (k * k) for k in partials) / sum(
                1 / (k * k) for k in partials
            )
            samples[first + i] += loud * envelope * value
    peak = max(1e-9, max(abs(s) for s in samples))
    scale = 32767 * 10 ** (peak_dbfs / 20) / peak
    return b"".join(struct.pack("<h", int(s * scale)) for s in samples)


def write(name: str, data: bytes) -> Path:
    path = HERE / name
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data)
    return path


def build() -> dict[str, bytes]:
    return {
        # A slow decay and an octave partial (2.4 kHz, where hearing is keenest)
        # carry the tick's short 80 ms further than the old soft 60 ms blip.
        "tick.wav": render(
            [(1200.0, 0.0, 0.08, 1.0)],
            0.09,
            partials=(1.0, 2.0),
            peak_dbfs=PEAK_DBFS["tick"],
            decay=2.0,
        ),
        "chime.wav": render(
            [(784.0, 0.0, 0.9, 0.8), (1046.5, 0.18, 0.9, 0.8)],
            1.1,
            partials=(1.0, 2.0, 3.0),
            peak_dbfs=PEAK_DBFS["chime"],
        ),
        "switch.wav": render(
            [(523.3, 0.0, 0.25, 0.7), (659.3, 0.15, 0.25, 0.7), (784.0, 0.30, 0.45, 0.7)],
            0.8,
            partials=(1.0, 2.0),
            peak_dbfs=PEAK_DBFS["switch"],
        ),
        "start.wav": render(
            [(440.0, 0.0, 0.5, 0.7)], 0.55, partials=(1.0, 2.0), peak_dbfs=PEAK_DBFS["start"]
        ),
    }


def main() -> None:
    for name, data in build().items():
        print(write(name, data))


if __name__ == "__main__":
    main()
