"""The session's tones kept in the sound server and played by name (issue 18).

`SampleSounds` is a `SoundBackend` like `ChildSounds`, for a Linux machine whose
PulseAudio (or PipeWire's pulse server) listens on a local socket. Its first use
(a session's load, or the first tone) connects and uploads the four tones; a
session's runs of tones (`tone_runs`) are uploaded as it loads, one per turn of
the event loop. A tone is then one packet: no child process, no thread, no
library, nothing that wakes between cues. The server answers each play with the
index of the stream it started; `stop_run` stops a run's stream with it (a pause
or skip: none of its later tones sound).

Should the server hang up between tones (it was restarted), the next tone
connects again. Should it not let us in, refuse a tone or fail as a tone is
sent, the tones go to a child player (`ChildSounds`, which falls back to Qt in
turn) for the rest of the run, and the tone or run asked for is played there at
once.
"""

from __future__ import annotations

import logging
import os
import sys
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from timer_app.gui.audio import pulse_client
from timer_app.gui.audio.handover import HandsOver
from timer_app.gui.audio.pulse_client import PulseConnection, PulseError
from timer_app.gui.audio.sound_effects import (
    SOUND_NAMES,
    SOUND_VOLUME,
    QtSounds,
    sound_server_present,
    wav_seconds,
)
from timer_app.gui.audio.tone_process import ENGINE_ENV, ChildSounds, player_path, preferred
from timer_app.gui.audio.tone_runs import Tones, run_audio, run_name
from timer_app.storage.resources import asset_path

log = logging.getLogger(__name__)

PREFIX = "timer-app."  # the samples' names in the server: timer-app.tick, timer-app.run-...
RUN = "sample-run-"  # runs' keys for stop_run
# What the server or a tone's file can fail with: the tones then go to the fallback.
_FAILURES = (PulseError, OSError, ValueError, EOFError, wave.Error)


@dataclass
class _Run:
    tones: Tones
    ends: float  # monotonic seconds when its last tone is over
    index: int | None = None  # the server's stream, once its reply is in
    cut: bool = False  # stopped before the reply came: stop it when it does


class SampleSounds(HandsOver):
    """The tones as samples in the sound server at `path`, one packet a tone."""

    def __init__(
        self,
        path: str,
        parent: QObject | None = None,
        *,
        fallback: Callable[[QObject | None], Any] = ChildSounds,
    ) -> None:
        super().__init__(parent, fallback)  # ChildSounds, once the server has failed us
        self._path = path
        self._connection: PulseConnection | None = None
        self._notifier: QSocketNotifier | None = None
        self._volume = pulse_client.volume(SOUND_VOLUME)
        self._uploaded: set[str] = set()
        self._runs: dict[str, _Run] = {}
        self._plays: dict[int, str] = {}  # a play's tag -> its run's key, or the tone's name
        self._moved: dict[str, str] = {}  # our run's key -> the fallback's, for stop_run
        self._count = 0

    @property
    def fell_back(self) -> bool:
        """Whether runs are no longer played whole (the child player failed too)."""
        return bool(getattr(self._fallback, "fell_back", False))

    def play(self, name: str) -> None:
        connection = self._connected()
        if connection is None:
            self._fallback.play(name)
            return
        try:
            self._plays[connection.play(PREFIX + name, self._volume)] = name
        except PulseError as error:
            self._fall_back(str(error))
            self._fallback.play(name)

    def play_run(self, tones: Tones) -> str | None:
        """Play `tones` (seconds from now, sound name) as one sample and name it
        for `stop_run`; None when they must be played one by one."""
        connection = self._connected()
        if connection is None:
            return self._fallback_run(tones)
        now = time.monotonic()
        self._runs = {key: run for key, run in self._runs.items() if run.ends > now}
        self._count += 1
        key = f"{RUN}{self._count}"
        try:
            name = self._upload_run(connection, tones)
            tag = connection.play(name, self._volume)
        except _FAILURES as error:
            self._fall_back(str(error))
            return self._fallback_run(tones)
        seconds = max(at + wav_seconds(tone) for at, tone in tones)
        self._runs[key] = _Run(tones, now + seconds)
        self._plays[tag] = key
        return key

    def prepare_runs(self, runs: list[Tones]) -> None:
        """Upload the session's runs now, one per turn of the event loop, so none
        is made as its first tone is due."""
        connection = self._connected()
        if connection is None:
            self._fallback_call("prepare_runs", runs)
            return
        if not runs:
            return
        try:
            self._upload_run(connection, runs[0])
        except _FAILURES as error:
            self._fall_back(str(error))
            self._fallback_call("prepare_runs", runs)
            return
        if runs[1:]:
            QTimer.singleShot(0, self, partial(self.prepare_runs, runs[1:]))

    def stop_run(self, key: str) -> None:
        """That run, if it still plays, stops now."""
        if key in self._moved:
            self._fallback_call("stop_run", self._moved.pop(key))
            return
        run = self._runs.pop(key, None)
        if run is None or run.ends <= time.monotonic() or self._connection is None:
            return
        if run.index is None:
            run.cut = True  # its index is on its way
            self._runs[key] = run
            return
        self._send_kill(run.index)

    def stop(self) -> None:
        """App exit: runs still playing are cut off and the samples removed."""
        if self._fallback is not None:
            self._fallback.stop()
        connection = self._connection
        if connection is None:
            return
        now = time.monotonic()
        try:
            tags = [
                connection.kill(run.index)
                for run in self._runs.values()
                if run.index is not None and run.ends > now
            ]
            tags += [connection.remove(name) for name in self._uploaded]
            if tags:
                connection.wait(tags[-1])  # read before we hang up: see `wait`
        except PulseError:
            pass  # the server has gone (nothing of ours is left in it) or was slow
        self._drop_connection()

    # -- the connection ---------------------------------------------------------------
    def _connected(self) -> PulseConnection | None:
        """The connection, made (and the tones uploaded) at first use; None once
        the tones have gone to the fallback."""
        if self._fallback is not None or self._connection is not None:
            return self._connection
        try:
            connection = PulseConnection(self._path)
        except PulseError as error:
            self._fall_back(str(error))
            return None
        self._connection = connection
        try:
            for name in SOUND_NAMES:
                with wave.open(str(asset_path("sounds", f"{name}.wav")), "rb") as source:
                    audio = source.readframes(source.getnframes())
                    connection.upload(PREFIX + name, audio, *_format(source.getparams()))
                self._uploaded.add(PREFIX + name)
        except _FAILURES as error:
            self._fall_back(str(error))
            return None
        self._notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        return connection

    def _upload_run(self, connection: PulseConnection, tones: Tones) -> str:
        name = PREFIX + run_name(tones).removesuffix(".wav")
        if name not in self._uploaded:
            params, audio = run_audio(tones)
            connection.upload(name, audio, *_format(params))
            self._uploaded.add(name)
        return name

    def _read(self) -> None:
        """The server's replies: a run's stream index, or a refusal."""
        if self._connection is None:
            return
        try:
            replies = self._connection.replies()
        except PulseError as error:  # gone: perhaps restarted, so ask again at the next tone
            log.info("%s; connecting again at the next tone", error)
            self._drop_connection()
            return
        for reply in replies:
            asked = self._plays.pop(reply.tag, None)
            if asked is None:
                continue  # a kill's or a removal's answer: a stream that had ended is fine
            if reply.error is not None:
                refused = self._runs.pop(asked, None)  # before the connection's state goes
                self._fall_back(f"the sound server could not play a tone (error {reply.error})")
                self._replay(asked, refused)
                return
            run = self._runs.get(asked)
            if run is not None and reply.values:
                run.index = reply.values[0]
                if run.cut:
                    del self._runs[asked]
                    self._send_kill(run.index)

    def _send_kill(self, index: int) -> None:
        if self._connection is None:
            return
        try:
            self._connection.kill(index)
        except PulseError as error:
            self._fall_back(str(error))

    def _replay(self, asked: str, run: _Run | None) -> None:
        """What the server refused (a tone's name, or a run's key and the run),
        played by the fallback instead."""
        if run is None:
            self._fallback.play(asked)
            return
        key = self._fallback_run(run.tones)
        if key:
            self._moved[asked] = key

    def _fallback_run(self, tones: Tones) -> str | None:
        """The run played whole by the fallback, or None: Qt plays tones one by one."""
        play_run = getattr(self._fallback, "play_run", None)
        key = play_run(tones) if play_run is not None else None
        return str(key) if key else None

    def _fallback_call(self, name: str, *args: Any) -> None:
        method = getattr(self._fallback, name, None)  # QtSounds has no runs
        if method is not None:
            method(*args)

    def _fall_back(self, why: str) -> None:
        """The server does not work for us: the child player from now on."""
        if self._fallback is not None:
            return
        self._drop_connection()
        self._hand_over(why)

    def _drop_connection(self) -> None:
        """Hang up and forget what lived in that connection: the samples it kept,
        the runs it played and the answers still owed (a new connection starts
        afresh)."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self._uploaded.clear()
        self._runs.clear()
        self._plays.clear()


def _format(params: Any) -> tuple[int, int]:
    """A 16-bit WAV's rate and channels, as the server wants them."""
    if params.sampwidth != 2 or params.nchannels not in pulse_client.CHANNEL_POSITIONS:
        raise ValueError("a tone is not 16-bit mono or stereo")
    return params.framerate, params.nchannels


def _child_player_or_qt(parent: QObject | None) -> Any:
    return ChildSounds(parent) if player_path() else QtSounds(parent)


def make_sounds(parent: QObject | None = None) -> Any:
    """The tones' backend for this machine. On Linux: the sound server's sample
    cache where PulseAudio or PipeWire listens on a local socket, else a child
    player where one is installed and a server listens; QtSounds elsewhere, with
    TIMER_APP_SOUND_ENGINE=qt, or where nobody listens (it says why at once)."""
    engine = os.environ.get(ENGINE_ENV, "").lower()
    if sys.platform.startswith("linux") and engine not in ("qt", "child"):
        path = pulse_client.socket_path()
        if path is not None:
            return SampleSounds(path, parent, fallback=_child_player_or_qt)
    if preferred() and sound_server_present():
        return ChildSounds(parent)
    return QtSounds(parent)
