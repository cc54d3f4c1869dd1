"""Do sessions leave anything behind? 1,000 played back to back in one process.

    python bench/session_growth.py [--sessions 1000] [--routine knee-to-chest]

One QApplication (offscreen), one session screen as the main window keeps it,
a real SQLite history in a temporary data dir and a fake clock: each session is
loaded, started with Space, played to its end (the clock advanced a second at a
time and the player ticked; Enter on counted reps), and its summary left with
Esc, as a person does. Silent cues (no sound device, no speech worker), so what
is measured is the session machinery itself.

After a warm-up (caches, the first font and picture loads) it reports what the
rest of the sessions added: resident memory (VmRSS), Python objects, Qt objects
under the application and the session screen, timers and threads.
Goals (issue 18): memory grows by < 2 MiB, and no timer, thread or Qt object is
left behind. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GOAL_MIB = 2.0
WARM_UP = 20


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--routine", default="knee-to-chest")
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="session-growth-")
    os.environ["TIMER_APP_DATA_DIR"] = data

    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from timer_app.core.clock import FakeClock
    from timer_app.core.player import PlayerState
    from timer_app.gui.app_model import AppModel
    from timer_app.gui.audio.cues import Cues
    from timer_app.gui.session.view import SessionView
    from timer_app.storage.history.store import SqliteHistoryStore
    from timer_app.storage.routines.catalog import find_routine
    from timer_app.storage.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    routine = find_routine(args.routine)
    history = SqliteHistoryStore.open()
    settings = Settings(first_run_safety_seen=True)
    model = AppModel(settings, history, save=lambda _s: None, parent=app)
    clock = FakeClock(sleep_shows_in_wall=True)
    view = SessionView(clock=clock, model=model, cues=Cues())
    view.resize(1024, 600)
    view.show()

    def settle() -> None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()

    def play_one() -> None:
        view.load(routine)
        settle()
        QTest.keyClick(view, Qt.Key.Key_Space)
        player = view.player
        assert player is not None and player.state is PlayerState.RUNNING
        while player.state is PlayerState.RUNNING:
            if player.remaining() is None:
                QTest.keyClick(view, Qt.Key.Key_Return)
            else:
                clock.advance(1.0)
                player.tick()
        app.processEvents()
        QTest.keyClick(view, Qt.Key.Key_Escape)  # leave the summary (it is saved)
        settle()

    def census() -> dict[str, float]:
        gc.collect()
        settle()
        return {
            "RSS MiB": rss_mib(),
            "Python objects": len(gc.get_objects()),
            "Qt objects under the app": len(app.findChildren(QObject)),
            "Qt objects under the screen": len(view.findChildren(QObject)),
            "timers": len(app.findChildren(QTimer)) + len(view.findChildren(QTimer)),
            "top-level widgets": len(QApplication.topLevelWidgets()),
            "threads": len(os.listdir("/proc/self/task")),
        }

    def kinds() -> Counter[str]:
        return Counter(type(o).__qualname__ for o in gc.get_objects())

    for _ in range(WARM_UP):
        play_one()
    census()  # its first look makes the Python wrappers of the Qt objects it counts
    before = census()
    kinds_before = kinds()
    started = time.perf_counter()
    for _ in range(args.sessions - WARM_UP):
        play_one()
    elapsed = time.perf_counter() - started
    after = census()
    grew = (kinds() - kinds_before).most_common(6)
    history.close()

    print(
        f"{args.sessions} sessions of {routine.id} ({len(routine.exercises)} exercises), "
        f"{elapsed:.1f} s for the last {args.sessions - WARM_UP}; growth after {WARM_UP}:"
    )
    for name in before:
        print(f"  {name:28} {before[name]:>10.1f} -> {after[name]:>10.1f}")
    grown = after["RSS MiB"] - before["RSS MiB"]
    left = {
        name: after[name] - before[name]
        for name in before
        if name not in ("RSS MiB", "Python objects") and after[name] != before[name]
    }
    if grew:
        print("  Python objects that grew most: " + ", ".join(f"{k} +{n}" for k, n in grew))
    ok = grown < GOAL_MIB and not left
    print(
        f"  memory grew {grown:.2f} MiB (goal < {GOAL_MIB:.0f}); left behind: "
        f"{left or 'nothing'}: {'ok' if ok else 'OVER GOAL'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
