"""Choosing and setting up the QTextToSpeech engine (run in the speech worker).

Everything here may block for seconds (Qt's speechd plug-in lists ~13,000 voices
while holding the GIL), so only `speech_worker` calls `open_engine()`, in its own
process. The parent process only uses `prompt_locale()` and the problem codes.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import logging
import os
import shutil
import socket
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

log = logging.getLogger(__name__)

# What the worker reports when it has no voice: a word per cause, so the parent
# (which has the translations) turns it into a sentence.
MISSING = "missing"  # QtTextToSpeech cannot be imported
STUCK = "stuck"  # speech-dispatcher runs but does not answer
NO_ENGINE = "no-engine"  # no engine plug-in is installed
FAILED = "failed"  # an engine is installed but would not start
# Qt lists its speechd plug-in even where speech-dispatcher (the program and its
# library) is absent; the plug-in then fails exactly as a broken one does, and
# "restarting helps" was the wrong remedy: installing it is the right one.
NOT_INSTALLED = "not-installed"
NO_VOICE = "no-voice"  # the engine starts but has no voice to speak with

SPEECHD_ANSWER_S = 1.5  # it answers in under a millisecond when it works


def prompt_locale() -> QLocale:
    """The language the prompts are written in: English until a translation says
    otherwise (a translator writes their language's code here, as Qt's own
    QT_LAYOUT_DIRECTION is translated)."""
    return QLocale(QCoreApplication.translate("Cues", "en", "language code of the spoken prompts"))


def use_a_voice_for_the_prompts(tts: Any, wanted: QLocale | None = None) -> None:
    """Switch the engine to a voice of the prompts' language when it has one.

    The engine starts with a voice for the system locale: on a German desktop the
    English prompts were read by a German voice, and with LANG=C speech-dispatcher
    chose "Bishnupriya Manipuri"; either way the words came out garbled. A voice
    of the right language and the system's region (en_GB) is kept as it is.
    """
    wanted = wanted if wanted is not None else prompt_locale()
    if tts.locale().language() == wanted.language():
        return
    matching = [loc for loc in tts.availableLocales() if loc.language() == wanted.language()]
    if matching:
        tts.setLocale(next((loc for loc in matching if loc == wanted), matching[0]))
    else:
        log.info("No %s voice: prompts are read by a %s voice", wanted.name(), tts.locale().name())


def speech_dispatcher_socket() -> Path | None:
    """Where libspeechd will look for a running speech-dispatcher (its own rules)."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.split(":", 1)[1])
    if address:  # inet_socket: not checked
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR") or str(Path.home() / ".cache")
    return Path(runtime, "speech-dispatcher", "speechd.sock")


def speech_dispatcher_stuck(timeout_s: float | None = None) -> bool:
    """True when a speech-dispatcher runs but does not answer.

    Qt's speechd engine waits for its answer without a time limit. A
    speech-dispatcher that had failed to open audio (no sound server) was seen to
    stop answering, and the worker would then never say "ready". No socket, or
    nobody listening: libspeechd starts a new one.
    """
    path = speech_dispatcher_socket()
    if path is None or not path.exists():
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(SPEECHD_ANSWER_S if timeout_s is None else timeout_s)
        try:
            sock.connect(str(path))
        except OSError:
            return False
        try:
            sock.sendall(b"SET SELF CLIENT_NAME user:timer-app:probe\r\n")
            reply = sock.recv(64)
        except OSError:  # includes the time-out
            return True
        with contextlib.suppress(OSError):
            sock.sendall(b"QUIT\r\n")
    return not reply.startswith(b"2")  # "208 OK CLIENT NAME SET"


def speech_dispatcher_installed() -> bool:
    """The speech-dispatcher program and libspeechd, which Qt's speechd plug-in
    needs, are both there (only asked once the plug-in failed)."""
    return (
        shutil.which("speech-dispatcher") is not None
        and ctypes.util.find_library("speechd") is not None
    )


def has_a_voice(tts: Any) -> bool:
    try:
        return bool(tts.availableVoices())
    except Exception:  # a plug-in's surprise: take it as voiceless, never crash
        log.exception("listing voices failed")
        return False


def open_engine(engine: str | None = None, parent: Any = None) -> tuple[Any, str]:
    """(a QTextToSpeech, "") on the first engine that works, or (None, problem code).

    `engine` names one engine to use (tests use Qt's "mock"); without it every
    installed engine but "mock" is tried, skipping a speech-dispatcher that does
    not answer.
    """
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        log.info("QtTextToSpeech unavailable: %s", error)
        return None, MISSING
    available = QTextToSpeech.availableEngines()
    wanted = [engine] if engine else [e for e in available if e != "mock"]
    engines = [e for e in wanted if e in available]
    stuck = "speechd" in engines and speech_dispatcher_stuck()
    failed: list[str] = []
    voiceless = False
    for name in engines:
        if name == "speechd" and stuck:
            continue
        tts = QTextToSpeech(name, parent)
        if tts.state() != QTextToSpeech.State.Error:
            if has_a_voice(tts):
                return tts, ""
            log.warning("speech engine %s has no voice", name)
            voiceless = True
        else:
            # Seen: a speech-dispatcher left in a bad state answers, but Qt's engine
            # then fails with "Failed to initialize default locale and voice".
            log.warning("speech engine %s failed: %s", name, tts.errorString())
            failed.append(name)
        tts.deleteLater()
    if stuck:
        return None, STUCK
    if voiceless:
        return None, NO_VOICE
    if failed == ["speechd"] and not speech_dispatcher_installed():
        return None, NOT_INSTALLED
    return None, FAILED if failed else NO_ENGINE
