"""Qt's own messages go to the app's log, not to the person's terminal.

Qt and the libraries under it (Qt Multimedia's PulseAudio probe, the speech
plug-ins) print warnings that category rules cannot silence: an uncategorised
`qWarning` such as "PulseAudioService: pa_context_connect() failed" on a machine
started without sound. To a patient who opened the app from a terminal these
read like a crash. `install()` routes every Qt message to the log (the data
dir's `timer-app.log`, see `app.py`) and prints to stderr only warnings that are
not known noise; with `TIMER_APP_DEBUG=1` everything is printed, as Qt would.

A fatal message still ends the app: Qt aborts once the handler returns, and the
handler aborts itself too should Qt ever not.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import sys
from typing import TextIO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler

log = logging.getLogger("timer_app.qt")
# Until the log file is set up, no "last resort" handler may print our records
# to stderr: that is exactly the noise this module keeps off the terminal.
log.addHandler(logging.NullHandler())

DEBUG_ENV = "TIMER_APP_DEBUG"

# Known library noise: logged, never printed (unless TIMER_APP_DEBUG). Each is a
# situation the app already handles and explains in its own words.
NOISE = (
    # Qt Multimedia without a PulseAudio server (no sound in this session): the
    # cues say "Sounds are off" themselves.
    r"PulseAudioService: pa_context_connect\(\) failed",
    # Qt TextToSpeech's speech-dispatcher plug-in when speechd is missing or
    # slow: the ready screen says "Spoken prompts are off".
    r"(?i)speech-?dispatcher|speechd",
)

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


@functools.cache
def _noise() -> tuple[re.Pattern[str], ...]:
    # Compiled at the first message, not at start-up (~0.16 ms before the window).
    return tuple(re.compile(pattern) for pattern in NOISE)


def is_noise(message: str) -> bool:
    return any(pattern.search(message) for pattern in _noise())


def shows_on_terminal(kind: QtMsgType, message: str, *, debug: bool) -> bool:
    """What reaches stderr: everything when debugging; else warnings and worse
    that are not known noise (a fatal message always)."""
    if debug or kind is QtMsgType.QtFatalMsg:
        return True
    if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
        return False
    return not is_noise(message)


class QtMessageHandler:
    """The handler given to `qInstallMessageHandler`; `stderr` for tests."""

    def __init__(self, stderr: TextIO | None = None) -> None:
        self._stderr = stderr
        self.debug = os.environ.get(DEBUG_ENV, "") not in ("", "0")

    def __call__(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        # Nothing may escape a message handler (Qt calls it from anywhere): a
        # broken log or terminal must not break Qt.
        with contextlib.suppress(Exception):
            self._handle(kind, context, message)
        if kind is QtMsgType.QtFatalMsg:
            logging.shutdown()  # the log file gets the message before the end
            os.abort()

    def _handle(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = (context.category if context is not None else None) or "default"
        log.log(_LEVELS.get(kind, logging.WARNING), "[%s] %s", category, message)
        if shows_on_terminal(kind, message, debug=self.debug):
            stream = self._stderr or sys.stderr
            if stream is not None:  # pythonw on Windows has no stderr
                print(qFormatLogMessage(kind, context, message), file=stream, flush=True)


def install(stderr: TextIO | None = None) -> QtMessageHandler:
    """Route Qt's messages (call before the QApplication is built)."""
    handler = QtMessageHandler(stderr)
    qInstallMessageHandler(handler)
    return handler
