"""The window's first paint builds none of the `Qt` namespace's enums (issue 18).

PySide6 builds a Python Enum class for every enum of the `Qt` namespace the first
time any one of them is named: ~190 classes, 30 ms of a ~200 ms start. A label
made with `Qt.TextFormat.PlainText` in a banner before the first paint made the
start-up 1.4x the bare window's instead of under 1.25x (bench/startup.py).
"""

import os
import subprocess
import sys
from pathlib import Path

# Run as `timer-app` runs, up to the event loop: the window is built and shown then.
CODE = """
import enum, gc, os
from PySide6.QtWidgets import QApplication

def stop_before_the_loop(self=None):
    built = sorted(
        c.__qualname__ for c in gc.get_objects()
        if isinstance(c, enum.EnumType) and c.__qualname__.startswith("Qt.")
    )
    print(built, flush=True)
    os._exit(0)

QApplication.exec = stop_before_the_loop
from timer_app.cli import main
main([])
"""


def test_the_window_is_shown_without_building_the_qt_namespace_enums(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", CODE],
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "TIMER_APP_DATA_DIR": str(tmp_path),
        },
    )
    assert out.stdout.strip() == "[]", out.stderr[-2000:]
