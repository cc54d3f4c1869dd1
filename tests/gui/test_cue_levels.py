"""The cue sounds: reproducible from their script, and the tick loud enough to hear.

The tick is what a person on the mat, 2 m away, listens for in the last three
seconds; it used to be 12 dB under the voice. Its level is now set next to the
voice's (bench/cue_latency.py measures both through a real audio server).
"""

from __future__ import annotations

import importlib.util
import math
import wave
from array import array
from pathlib import Path
from types import ModuleType

from timer_app.storage.resources import asset_path

SCRIPT = Path(__file__).resolve().parents[2] / "assets" / "sounds" / "make_sounds.py"


def _make_sounds() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sounds", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _levels(data: bytes) -> tuple[float, float]:
    """(peak, RMS over the audible part) in dBFS."""
    samples = array("h", data)
    loud = [i for i, s in enumerate(samples) if abs(s) > 10]
    heard = samples[loud[0] : loud[-1] + 1]
    rms = math.sqrt(sum(s * s for s in heard) / len(heard))
    peak = max(abs(s) for s in samples)
    return 20 * math.log10(peak / 32768), 20 * math.log10(rms / 32768)


def test_the_committed_sounds_are_what_the_script_makes() -> None:
    built = _make_sounds().build()
    for name, data in built.items():
        with wave.open(str(asset_path("sounds", name)), "rb") as wav:
            assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 44_100)
            assert wav.readframes(wav.getnframes()) == data, f"{name}: run make_sounds.py"


def test_the_tick_is_as_loud_as_the_other_cues_and_none_clips() -> None:
    levels = {name: _levels(data) for name, data in _make_sounds().build().items()}
    tick_peak, tick_rms = levels["tick.wav"]
    for name, (peak, rms) in levels.items():
        assert peak < -3.0, f"{name} leaves no headroom"
        assert tick_rms >= rms - 1.0, f"the tick is quieter than {name}"
    assert tick_peak > -10.0
