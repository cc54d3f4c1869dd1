"""A running session holds in memory only what it uses (issue 18: the app's
resident memory during a session, against a bare PySide6 countdown + 30 MiB).
Each module below stays loaded for the rest of the run once imported, so a
stray top-level import on the session's path would quietly cost its memory for
every minute of every session."""

import os
import subprocess
import sys
from pathlib import Path

NOT_IN_A_SESSION = (
    # hashlib maps OpenSSL's libcrypto, 3.6 MiB resident: routine hashes and the
    # single-instance name use CPython's own SHA-256 (storage/digest.py). (Qt's
    # QSoundEffect, where the tones fall back to it, maps libcrypto by itself.)
    "_hashlib",
    "hashlib",
    # Pages and windows a session does not show: built when first opened.
    "timer_app.gui.pages.history",
    "timer_app.gui.pages.safety",
    "timer_app.gui.editor.editor_window",
    "timer_app.gui.paper",
    "timer_app.storage.pdf",
    "timer_app.gui.reminders.service",
    "jeepney",
)

# As `timer-app --start ROUTINE` runs, then Space (what it calls) once the
# session screen is up, then two seconds of the running session.
RUN = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

watched = {watched!r}
_exec = QApplication.exec

def report():
    player = window.session_view.presenter.player
    print("running:", player is not None and player.state.name == "RUNNING", flush=True)
    print("loaded:", sorted(m for m in watched if m in sys.modules), flush=True)
    os._exit(0)

def look():
    global window
    window = next(
        (w for w in QApplication.topLevelWidgets() if hasattr(w, "session_view")), None
    )
    if window is None or window.current_page() != "session":
        return
    presenter = window.session_view.presenter
    if presenter.player is not None and presenter.start():
        poll.stop()
        QTimer.singleShot(2000, report)

def started(self=None):
    global poll
    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(20)
    QTimer.singleShot(30000, lambda: os._exit(3))
    return _exec()

QApplication.exec = started
from timer_app.cli import main
main(["--start", "knee-to-chest"])
"""


def test_a_running_session_has_not_loaded_what_it_does_not_use(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", RUN.format(watched=NOT_IN_A_SESSION)],
        capture_output=True,
        text=True,
        timeout=90,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIMER_APP_DATA_DIR": str(tmp_path)},
    )
    assert out.stdout.splitlines() == ["running: True", "loaded: []"], out.stderr[-2000:]
