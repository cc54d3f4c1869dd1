"""Instructions a running session costs the app each second, counted by callgrind.

    python bench/session_instructions.py [--seconds 30] [--source DIR ...]

CPU percentages over half a minute are a few 10 ms clock ticks, and a machine
shared with other work bends them. The instructions the app's own process runs
are the same however busy the machine is. Offscreen (no X server in the count),
`python -m timer_app --start ROUTINE` is run under valgrind's callgrind with
counting off; once the window is up the session is started (what Space calls),
and counting is on from 1.5 s after the lead-in for `--seconds` of the running
session, then off. Each `--source` is a checkout of the app (e.g. `git archive
COMMIT | tar -x -C DIR`), so before and after are counted alike. Speech goes to
the test engine's worker (another process, not counted); no sound server.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

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


def count(source: Path, routine: str, lead_in: float, seconds: float) -> int:
    with tempfile.TemporaryDirectory() as data:
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "PULSE_SERVER")}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            TIMER_APP_DATA_DIR=data,
            PYTHONPATH=str(source),
            TIMER_APP_SPEECH_ENGINE="mock",
            XDG_RUNTIME_DIR=data,  # no sound server listens here
        )
        valgrind = ["valgrind", "--tool=callgrind", "--instr-atstart=no"]
        child = [sys.executable, "-c", CHILD, str(lead_in), str(seconds), "--start", routine]
        done = subprocess.run(
            [*valgrind, "--callgrind-out-file=/dev/null", *child],
            env=env,
            cwd=source,
            capture_output=True,
            text=True,
            timeout=600,
        )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no count from callgrind:\n{done.stderr[-3000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--routine", default="knee-to-chest")
    parser.add_argument("--lead-in", type=float, default=5.0)
    parser.add_argument("--source", type=Path, action="append")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("skipped: valgrind not installed")
        return 0
    for source in args.source or [REPO]:
        counts = [count(source, args.routine, args.lead_in, args.seconds) for _ in range(args.runs)]
        per_second = [c / args.seconds / 1e6 for c in counts]
        print(
            f"{source}: {min(per_second):.2f}-{max(per_second):.2f} million instructions "
            f"per running second ({args.routine}, {args.seconds:g} s, {args.runs} run(s))"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
