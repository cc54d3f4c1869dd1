"""The app's log file, which can never break the app.

`logging.FileHandler` opens its file inside `emit()`, outside the handler's own
error handling: in a data dir that cannot be written (a read-only folder, a
write-protected USB stick) the first `log.warning` raised `PermissionError` in
whatever was logging, and the window stayed empty. `SafeFileHandler` catches
every failure to open or write its file, sends that record and all later ones
to stderr instead, and keeps the reason in `failure` so the window can say so
once (`log_notice`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

from timer_app.gui.translation import translate
from timer_app.storage import paths

LOG_NAME = "timer-app.log"
LOG_MAX_BYTES = 512_000
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class SafeFileHandler(logging.FileHandler):
    """A log file, or stderr once the file cannot be opened or written."""

    def __init__(self, path: Path) -> None:
        # delay: no file until the first record (most runs log nothing).
        super().__init__(path, encoding="utf-8", delay=True)
        self.path = path
        self.failure: OSError | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.failure is None:
            try:
                if self.stream is None:
                    self.stream = self._open()
                self.stream.write(self.format(record) + self.terminator)
                self.stream.flush()
                return
            except OSError as error:
                self._give_up(error)
            except Exception:  # a record that cannot be formatted: logging's own way
                self.handleError(record)
                return
        try:
            text = self.format(record)
        except Exception:
            self.handleError(record)  # prints a note to stderr, never raises
            return
        _to_stderr(text)

    def _give_up(self, error: OSError) -> None:
        self.failure = error
        stream, self.stream = self.stream, None
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
        _to_stderr(f"timer-app: cannot write the log {self.path} ({reason(error)}); logging here")


def _to_stderr(text: str) -> None:
    # No console at all (pythonw on Windows): sys.stderr is None; drop the line.
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(text + "\n")
        stream.flush()
    except (OSError, ValueError):  # a closed or broken terminal: nowhere left to tell
        pass


def reason(error: OSError) -> str:
    return error.strerror or str(error) or error.__class__.__name__


def log_to_data_dir() -> SafeFileHandler | None:
    """Log INFO and above to `<data dir>/timer-app.log` (one old log kept), or
    None when the data dir cannot even be made (messages then reach stderr
    through logging's last resort)."""
    folder = paths.data_dir()
    path = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    try:
        if path.is_file() and path.stat().st_size > LOG_MAX_BYTES:
            os.replace(path, path.with_name(LOG_NAME + ".1"))
    except OSError:
        pass  # a log that cannot be rotated keeps growing; the handler says if it fails
    return log_to_file(path)


def log_to_file(path: Path) -> SafeFileHandler:
    """INFO and above of every logger also go to `path` (a handler that never raises)."""
    handler = SafeFileHandler(path)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return handler


def check_writable(handler: SafeFileHandler | None) -> None:
    """Open the log file now (after the first paint), so a data dir that cannot
    be written is found at start-up and told once, not at the first warning."""
    if handler is None or handler.failure is not None or handler.stream is not None:
        return
    try:
        handler.stream = handler._open()
    except OSError as error:
        handler._give_up(error)


def log_notice(handler: SafeFileHandler | None, history_said_it: bool) -> str | None:
    """What to tell the person when the log cannot be written: nothing when the
    history's own notice already says its folder cannot be written."""
    if handler is None or handler.failure is None or history_said_it:
        return None
    return translate(
        "App",
        "The app cannot write its log file {path} ({reason}). Everything else works; "
        "its messages go to the terminal instead.",
    ).format(path=handler.path, reason=reason(handler.failure))


def usable_log_file(handler: SafeFileHandler | None) -> Path | None:
    """The log file to name in an error message, or None when it cannot be written."""
    if handler is None or handler.failure is not None:
        return None
    return handler.path
