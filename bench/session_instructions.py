"""Instructions a running session costs the app each second, counted by callgrind.

    python bench/session_instructions.py [--seconds 30] [--source DIR ...] [--bare]
                                         [--keep DIR]

CPU percentages over half a minute are a few 10 ms clock ticks, and a machine
shared with other work bends them. The instructions the app's own process runs
are the same however busy the machine is. Offscreen (no X server in the count),
`python -m timer_app --start ROUTINE` is run under valgrind's callgrind with
counting off; once the window is up the session is started (what Space calls),
and counting is on from 1.5 s after the lead-in for `--seconds` of the running
session, then off. Each `--source` is a checkout of the app (e.g. `git archive
COMMIT | tar -x -C DIR`), so before and after are counted alike. Speech goes to
the test engine's worker (another process, not counted); no sound server.

`--x11` counts in a window on a private Xvfb instead (the xcb platform: what a
real screen adds, the backing store's flush and the X connection).
`--bare` counts the issue's bare countdown too (bench/session_cost.py's BARE: a
label in a 200 px font whose text a 1 s QTimer sets), at the app's own first-run
size and counted alike: the floor a running second cannot go under. `--keep
DIR` keeps each run's callgrind.out there, for `callgrind_annotate
--inclusive=yes` to split the count by function.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from session_cost import virtual_screen

REPO = Path(__file__).resolve().parent.parent

# Runs in the child, under callgrind.
CHILD = """
import os, subprocess, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

lead_in, seconds = float(sys.argv[1]), float(sys.argv[2])

def counting(on):
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", str(os.getpid())],
                   capture_output=True)

_exec = QApplication.exec
def watched(self=None):
    def start():
        window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "session_view"))
        window.session_view.presenter.start()  # what Space calls
        QTimer.singleShot(int((lead_in + 1.5) * 1000), lambda: counting(True))
        QTimer.singleShot(int((lead_in + 1.5 + seconds) * 1000), stop)
    def stop():
        counting(False)
        os._exit(0)
    QTimer.singleShot(4000, start)  # the window filled after its first paint
    return _exec()
QApplication.exec = watched
from timer_app.cli import main
main(sys.argv[3:])
"""

# The bare countdown, counted the same way: started as Space starts it, counted
# from 1.5 s after the lead-in. Sized by the app's first-run rule
# (MainWindow.restore_geometry), as bench/startup.py sizes it.
BARE_CHILD = """
import os, subprocess, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

lead_in, seconds = float(sys.argv[1]), float(sys.argv[2])

def counting(on):
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", str(os.getpid())],
                   capture_output=True)

app = QApplication(sys.argv[:1])
window = QMainWindow()
label = QLabel("600")
label.setAlignment(Qt.AlignmentFlag.AlignCenter)
font = QFont(); font.setPixelSize(200); label.setFont(font)
window.setCentralWidget(label)
left = [600]
def tick():
    left[0] -= 1
    label.setText(str(left[0]))
timer = QTimer(window)
timer.timeout.connect(tick)
screen = window.screen().availableGeometry()
window.resize(min(1280, screen.width() * 9 // 10), min(860, screen.height() * 9 // 10))
if screen.width() < 1280 or screen.height() < 800:
    window.setGeometry(screen)
    window.showMaximized()
window.show()
def start():
    timer.start(1000)  # what Space does
    QTimer.singleShot(int((lead_in + 1.5) * 1000), lambda: counting(True))
    QTimer.singleShot(int((lead_in + 1.5 + seconds) * 1000), stop)
def stop():
    counting(False)
    os._exit(0)
QTimer.singleShot(4000, start)
app.exec()
"""


def count(
    source: Path,
    routine: str | None,
    lead_in: float,
    seconds: float,
    keep: Path | None = None,
    display: str | None = None,
) -> int:
    """Instructions over `seconds` of a running session; `routine` None: the bare
    countdown; `display`: on that X server (xcb) instead of offscreen."""
    with tempfile.TemporaryDirectory() as data:
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "PULSE_SERVER")}
        env.update(
            QT_QPA_PLATFORM="xcb" if display else "offscreen",
            TIMER_APP_DATA_DIR=data,
            PYTHONPATH=str(source),
            TIMER_APP_SPEECH_ENGINE="mock",
            XDG_RUNTIME_DIR=data,  # no sound server listens here
        )
        if display:
            env["DISPLAY"] = display
        valgrind = ["valgrind", "--tool=callgrind", "--instr-atstart=no"]
        if routine is None:
            child = [sys.executable, "-c", BARE_CHILD, str(lead_in), str(seconds)]
        else:
            child = [sys.executable, "-c", CHILD, str(lead_in), str(seconds), "--start", routine]
        out = "/dev/null"
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            out = str(keep / f"callgrind.{routine or 'bare'}.%p.out")
        done = subprocess.run(
            [*valgrind, f"--callgrind-out-file={out}", *child],
            env=env,
            cwd=source,
            capture_output=True,
            text=True,
            timeout=600,
        )
    # The counted process forks (callgrind_control), and each fork prints its own
    # summary, of 0: the app's is the largest, whichever comes first.
    found = [int(n) for n in re.findall(r"Collected : (\d+)", done.stderr)]
    if not found:
        raise SystemExit(f"no count from callgrind:\n{done.stderr[-3000:]}")
    return max(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--routine", default="knee-to-chest")
    parser.add_argument("--lead-in", type=float, default=5.0)
    parser.add_argument("--source", type=Path, action="append")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--bare", action="store_true", help="count the bare countdown too")
    parser.add_argument("--keep", type=Path, help="keep callgrind's output files here")
    parser.add_argument(
        "--x11", action="store_true", help="in a window on a private Xvfb, not offscreen"
    )
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("skipped: valgrind not installed")
        return 0
    runs: list[tuple[str, Path, str | None]] = []
    if args.bare:
        runs.append(("bare countdown", REPO, None))
    runs += [(str(source), source, args.routine) for source in args.source or [REPO]]
    with contextlib.ExitStack() as stack:
        display = stack.enter_context(virtual_screen()) if args.x11 else None
        for name, source, routine in runs:
            counts = [
                count(source, routine, args.lead_in, args.seconds, args.keep, display)
                for _ in range(args.runs)
            ]
            per_second = [c / args.seconds / 1e6 for c in counts]
            where = "on Xvfb" if display else "offscreen"
            print(
                f"{name}: {min(per_second):.2f}-{max(per_second):.2f} million instructions "
                f"per running second ({routine or 'bare'}, {args.seconds:g} s, {where}, "
                f"{args.runs} run(s))"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
