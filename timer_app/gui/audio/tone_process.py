"""The session's tones played by a small child process on Linux (issue 18).

With PulseAudio running, Qt 6.12's QtMultimedia in the app's process could spin
after a run of tones ("QSocketNotifier: Invalid socket 9 ... disabling" without
end, 180-270 wake-ups a second while paused) and it is ~19 MiB of the app's
memory. As speech went to `spd-say`, each tone now goes to the sound server's
own player, started with `QProcess` (no shell, arguments as a list): `paplay`
(PulseAudio, or PipeWire's pulse server), else `pw-play` (PipeWire), else
`aplay` (ALSA). QtMultimedia is never imported while they work.

`ChildSounds` is a `SoundBackend` like `QtSounds`. At most one child per tone
plays at once: a tone asked for while its last one still plays replaces it (the
newest is the one on its second). A child still running its tone's length plus
2 s after it started is stuck and killed. A player that cannot start or that
fails (no sound server, no device) hands the tones to `QtSounds` for the rest
of the run, which replays that tone and says, with its usual words ("the audio
library is missing", "no audio output was found"), when it cannot play either.

A run of tones the plan fixes in advance (`tone_runs`: a hold's last ticks and
its chime) is one child playing one WAV made of them (`play_run`), killed at
once by `stop_run` when the person pauses, skips or ends.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
import wave
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QTimer

from timer_app.gui.audio import pulse_client
from timer_app.gui.audio.handover import HandsOver
from timer_app.gui.audio.sound_effects import (
    SOUND_VOLUME,
    QtSounds,
    wav_seconds,
)
from timer_app.gui.audio.tone_runs import Tones, run_wav
from timer_app.storage.resources import asset_path

log = logging.getLogger(__name__)

# In the order they are looked for: the sound server's own player first.
PLAYERS = ("paplay", "pw-play", "aplay")
# "qt" keeps QSoundEffect in the app's process (tests with fakes; a bench's "before");
# "child" a child player even where the sound server's sample cache would do.
ENGINE_ENV = "TIMER_APP_SOUND_ENGINE"
HANG_SLACK_S = 2.0  # a child still playing this long after its tone's end is stuck
RUN = "run-"  # runs' children are keyed run-1, run-2...: no tone has such a name


def player_path(programs: tuple[str, ...] = PLAYERS) -> str | None:
    """The first of the players found on PATH, or None."""
    for program in programs:
        found = shutil.which(program)
        if found:
            return found
    return None


def preferred(platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> bool:
    """Whether tones go through a child player here: Linux, a player installed,
    and no engine named for Qt."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux") or env.get(ENGINE_ENV, "").lower() == "qt":
        return False
    return player_path() is not None


def player_arguments(
    program: str, wav: str, volume: float = SOUND_VOLUME, *, run: bool = False
) -> list[str]:
    """The player's arguments for one WAV, at `volume` (QSoundEffect's linear 0..1);
    `run`: a run's seconds-long WAV."""
    name = Path(program).name
    if name == "paplay":
        # While another stream keeps the sink at low latency (speech-dispatcher's,
        # connected through a session), the server asks a streaming paplay for data
        # every ~13 ms: a 4 s run woke it ~315 times. Asking in 500 ms pieces: ~21.
        paced = ["--process-time-msec=500"] if run else []
        return [f"--volume={pulse_client.volume(volume)}", "--client-name=timer-app", *paced, wav]
    if name == "pw-play":
        return ["--volume", f"{volume:.2f}", wav]
    return ["-q", wav]  # aplay: no volume of its own


@dataclass
class _Child:
    proc: QProcess
    name: str  # its tone's, or RUN
    deadline: float  # monotonic seconds: still running then, it is stuck
    replay: str  # the tone to play again if the player fails: the run's first


class ChildSounds(HandsOver):
    """The WAVs in assets/sounds played by a child player, one process a tone."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        program: str | None = None,
        fallback: Callable[[QObject | None], Any] = QtSounds,
        hang_slack_s: float = HANG_SLACK_S,
        cache_dir: Path | None = None,
    ) -> None:
        super().__init__(parent, fallback)  # QtSounds, once the player has failed
        self._program = program or player_path() or PLAYERS[0]
        self._slack_s = hang_slack_s
        self._playing: dict[str, _Child] = {}
        # One timer for stuck children, armed only while one plays.
        self._watch = QTimer(self)
        self._watch.setSingleShot(True)
        self._watch.timeout.connect(self._check_stuck)
        self._wavs: dict[str, str] = {}
        # Runs' WAVs: a folder of this process's, made at the first run and removed
        # at quit (a few hundred KiB; written once per distinct run, ~1 ms).
        self._cache_dir = cache_dir
        self._own_cache: Path | None = None
        self._runs = 0

    @property
    def fell_back(self) -> bool:
        return self._fallback is not None

    def play(self, name: str) -> None:
        if self._fallback is not None:
            if self._fallback.available:
                self._fallback.play(name)
            return
        self._start(name, self._wav(name), wav_seconds(name), name)

    def play_run(self, tones: Tones) -> str | None:
        """Play `tones` (seconds from now, sound name) as one child playing one WAV,
        and name it for `stop_run`; None when it cannot (played by Qt now, or the
        WAV cannot be written): the caller then plays them one by one. The run
        before may still play its last tone (a chime as the next step starts)."""
        if self._fallback is not None:
            return None
        try:
            path = run_wav(tones, self._cache())
        except (OSError, ValueError, wave.Error) as error:
            log.warning("a run of tones could not be written (%s): one child a tone", error)
            return None
        seconds = max(at + wav_seconds(name) for at, name in tones)
        self._runs += 1
        key = f"{RUN}{self._runs}"
        self._start(key, str(path), seconds, tones[0][1])
        return key

    def prepare_runs(self, runs: list[Tones]) -> None:
        """Write the runs' WAVs now, one per turn of the event loop, so none is
        written as its first tone is due (the session's first hold's end)."""
        if self._fallback is not None or not runs:
            return
        first, rest = runs[0], runs[1:]
        try:
            run_wav(first, self._cache())
        except (OSError, ValueError, wave.Error) as error:
            log.warning("a run of tones could not be written ahead (%s)", error)
            return  # written, or given up, when it is due
        if rest:
            QTimer.singleShot(0, self, partial(self.prepare_runs, rest))

    def stop_run(self, key: str) -> None:
        """That run, if it still plays, is killed now: none of its later tones sound."""
        child = self._playing.pop(key, None)
        if child is not None:
            self._end(child)
            self._arm_watch()

    def stop(self) -> None:
        """App exit: tones still playing are cut off (and gone before the app is)."""
        children, self._playing = list(self._playing.values()), {}
        self._watch.stop()
        for child in children:
            self._end(child)
        if self._own_cache is not None:
            shutil.rmtree(self._own_cache, ignore_errors=True)
            self._own_cache = None

    def _wav(self, name: str) -> str:
        if name not in self._wavs:
            self._wavs[name] = str(asset_path("sounds", f"{name}.wav"))
        return self._wavs[name]

    def _cache(self) -> Path:
        if self._cache_dir is not None:
            return self._cache_dir
        if self._own_cache is None:
            self._own_cache = Path(tempfile.mkdtemp(prefix="timer-app-tones-"))
        return self._own_cache

    def _start(self, key: str, wav: str, seconds: float, replay: str) -> None:
        before = self._playing.pop(key, None)
        if before is not None:  # never two of the same tone: the newest is on time
            self._end(before)
        proc = QProcess(self)
        proc.setStandardOutputFile(QProcess.nullDevice())
        deadline = time.monotonic() + seconds + self._slack_s
        child = self._playing[key] = _Child(proc, key, deadline, replay)
        proc.finished.connect(partial(self._finished, child))
        proc.errorOccurred.connect(partial(self._error, child))
        run = key.startswith(RUN)
        proc.start(self._program, player_arguments(self._program, wav, run=run))
        self._arm_watch()

    # -- the children ------------------------------------------------------------------
    def _end(self, child: _Child) -> None:
        """Kill a child and forget it: no signal of it reaches us afterwards (not
        even from its destructor, when its owner goes first)."""
        proc = child.proc
        proc.finished.disconnect()
        proc.errorOccurred.disconnect()
        if proc.state() != QProcess.ProcessState.NotRunning:
            proc.kill()
            proc.waitForFinished(100)  # a killed child is gone in a moment: reaped here
        proc.deleteLater()

    def _arm_watch(self) -> None:
        if not self._playing:
            self._watch.stop()
            return
        first = min(child.deadline for child in self._playing.values())
        self._watch.start(max(0, round(1000 * (first - time.monotonic()))))

    def _check_stuck(self) -> None:
        now = time.monotonic()
        for child in [c for c in self._playing.values() if c.deadline <= now]:
            log.warning("%s did not end the %s tone in time: stopped", self._program, child.name)
            del self._playing[child.name]
            self._end(child)
        self._arm_watch()

    def _finished(self, child: _Child, code: int, status: QProcess.ExitStatus) -> None:
        if self._playing.get(child.name) is child:
            del self._playing[child.name]
            self._arm_watch()
        proc = child.proc
        errors = bytes(proc.readAllStandardError().data()).decode(errors="replace").strip()
        proc.deleteLater()  # deferred: safe from inside its own signal
        if status != QProcess.ExitStatus.NormalExit or code != 0:
            self._fall_back(child.replay, f"{self._program} failed ({code}): {errors}")

    def _error(self, child: _Child, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            if self._playing.get(child.name) is child:
                del self._playing[child.name]
            child.proc.deleteLater()
            self._fall_back(child.replay, f"{self._program} could not start: {error}")

    def _fall_back(self, name: str, why: str) -> None:
        """The player does not work here: QSoundEffect from now on, this tone again."""
        if self._fallback is not None:
            return
        self.stop()
        fallback = self._hand_over(why)
        if fallback is not None and self.available:
            fallback.play(name)
