"""The session's tones: the WAVs in assets/sounds played with QSoundEffect.

On Linux a child player plays them instead (`tone_process.py`); QSoundEffect
stays for Windows and macOS, `TIMER_APP_SOUND_ENGINE=qt`, and as the fall back
when that player fails.

Machines without audio are common (no libpulse makes importing QtMultimedia
raise ImportError; no sound server means no outputs): then `available` is false
and `problem` says why in one sentence.

Quiet while paused (issue 18): while `QSoundEffect`s exist, Qt's PulseAudio
thread wakes about once a second (measured with a private PulseAudio: 1.1-1.6
wake-ups a second with the four effects loaded, 0.05 a few seconds after they
are deleted). So the effects are released when a session pauses (`release`) and
after a minute without a tone, and made again on resume (`prepare`) or at the
next tone. Deleted, not stopped: `stop()` on an idle effect made Qt 6.12 spin.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import wave
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl

from timer_app.gui.audio.pulse_client import unix_path
from timer_app.gui.translation import translate
from timer_app.storage.resources import asset_path

log = logging.getLogger(__name__)

SOUND_NAMES = ("tick", "chime", "switch", "start")
# The WAVs carry their own loudness (make_sounds.py balances them against the
# voice); this only keeps a little headroom in the mix.
SOUND_VOLUME = 0.9
IDLE_RELEASE_MS = 60_000  # no tone for a minute: the effects go (see above)
PLAYING_RETRY_MS = 1_000  # a tone still playing when released: once it is over


@functools.cache  # the bundled WAVs do not change while the app runs
def wav_seconds(name: str) -> float:
    """How long a cue's WAV lasts (0.0 when it cannot be read)."""
    try:
        with wave.open(str(asset_path("sounds", f"{name}.wav")), "rb") as wav:
            return wav.getnframes() / wav.getframerate()
    except (OSError, wave.Error, EOFError):
        return 0.0


def tone_lengths() -> dict[str, float]:
    """Seconds per cue name: speech waits this long after a tone (no overlap)."""
    return {name: wav_seconds(name) for name in SOUND_NAMES}


def missing_library_sentence(platform: str = sys.platform) -> str:
    """Qt's sound needs the PulseAudio client library on Linux (PipeWire provides
    one too); elsewhere it is part of the app."""
    if platform.startswith("linux"):
        return translate(
            "Cues",
            "Sounds are off: the audio library is missing "
            "(install libpulse0, the PulseAudio client library; PipeWire systems "
            "have it through pipewire-pulse).",
        )
    return translate("Cues", "Sounds are off: the audio library is missing (reinstall the app).")


def no_output_sentence(platform: str = sys.platform) -> str:
    if platform.startswith("linux"):
        return translate(
            "Cues",
            "Sounds are off: no audio output was found. Check that speakers or "
            "headphones are connected and on, and that the sound server "
            "(PipeWire or PulseAudio) is running.",
        )
    return translate(
        "Cues",
        "Sounds are off: no audio output was found. Check that speakers or "
        "headphones are connected and on.",
    )


def sound_server_present(
    environ: Mapping[str, str] | None = None, platform: str = sys.platform
) -> bool:
    """Whether a sound server listens here (on Linux; elsewhere the system's audio
    is always there).

    Loading QtMultimedia costs ~19 MiB even where nobody answers; where neither a
    PulseAudio nor a PipeWire socket exists, Qt would find no output anyway.
    """
    if not platform.startswith("linux"):
        return True
    env = os.environ if environ is None else environ
    if env.get("PULSE_SERVER"):
        return any(_pulse_server_there(server) for server in env["PULSE_SERVER"].split())
    runtime = env.get("XDG_RUNTIME_DIR")
    if not runtime:
        return True  # no runtime dir to look in: let Qt find out
    folder = Path(runtime)
    return any(
        (folder / name).exists() for name in ("pulse/native", "pipewire-0", "pipewire-0-manager")
    )


def _pulse_server_there(server: str) -> bool:
    """One entry of PULSE_SERVER: a local socket must exist; a network server
    ("tcp:host", "host") is taken on trust."""
    path = unix_path(server)
    return Path(path).exists() if path is not None else bool(server)


class QtSounds:
    """The WAVs in assets/sounds played with QSoundEffect, when there is audio."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.available = False
        self.problem = ""
        self._parent = parent
        self._effects: dict[str, Any] = {}
        self._effect_class: Any = None
        self._idle = QTimer(parent)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.release)
        if not sound_server_present():
            self.problem = no_output_sentence()
            return
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as error:  # no libpulse and friends
            self.problem = missing_library_sentence()
            log.info("QtMultimedia unavailable: %s", error)
            return
        if not QMediaDevices.audioOutputs():
            self.problem = no_output_sentence()
            return
        self._effect_class = QSoundEffect
        self.available = True
        self.prepare()

    @property
    def loaded(self) -> bool:
        """Whether the effects exist now (what keeps Qt's PulseAudio thread waking)."""
        return bool(self._effects)

    def prepare(self) -> None:
        """Load the tones, so the next one plays at once (a session starts or goes on)."""
        if self.available and not self._effects:
            for name in SOUND_NAMES:
                effect = self._effect_class(self._parent)
                effect.setSource(QUrl.fromLocalFile(str(asset_path("sounds", f"{name}.wav"))))
                effect.setVolume(SOUND_VOLUME)
                self._effects[name] = effect
        self._idle.start(IDLE_RELEASE_MS)

    def release(self) -> None:
        """Let the tones go (paused, or a minute without one); a tone still
        playing finishes first."""
        if any(effect.isPlaying() for effect in self._effects.values()):
            self._idle.start(PLAYING_RETRY_MS)
            return
        self._idle.stop()
        for effect in self._effects.values():
            effect.deleteLater()
        self._effects.clear()

    def play(self, name: str) -> None:
        self.prepare()
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()
