"""Fill a data dir with two weeks of plausible sessions, for screenshots.

    python docs/demo_history.py DATA_DIR

Each session is really played: a `SessionPlayer` on a `FakeClock` runs the
bundled core routine, and the app's own `SessionRecorder` writes it to the
app's own SQLite store, so the History page shows what a user's would.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta

from timer_app.core.clock import FakeClock
from timer_app.core.plan import build_plan
from timer_app.core.player import SessionPlayer
from timer_app.core.recorder import SessionRecorder
from timer_app.storage import paths
from timer_app.storage.catalog import find_routine
from timer_app.storage.history_db import SqliteHistoryStore

NOTES = ["", "Felt looser afterwards.", "", "Stiff in the morning.", ""]


def play(store: SqliteHistoryStore, started: datetime, pain: tuple[int, int], note: str) -> None:
    plan = build_plan(find_routine("core-routine"))
    clock = FakeClock()
    player = SessionPlayer(plan, clock)
    wall = [started]
    recorder = SessionRecorder(store=store, plan=plan, now_wall=lambda: wall[0])
    player.add_listener(recorder)
    recorder.set_pain_before(pain[0])
    player.start()
    while not player.state.is_over:
        if player.current_step.duration is None:
            player.complete_rep()  # counted reps: the person presses Enter
        clock.advance(0.5)
        wall[0] += timedelta(seconds=0.5)
        player.tick()
    recorder.set_pain_after(pain[1])
    recorder.set_notes(note)
    recorder.flush()


def main(data_dir: str) -> int:
    paths.set_data_dir(data_dir)
    store = SqliteHistoryStore.open()
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    today = now.replace(hour=8, minute=0)
    for days_ago in range(13, -1, -1):
        day = today - timedelta(days=days_ago)
        trend = days_ago // 3  # pain easing over two weeks
        for n, hour in enumerate((8, 13, 19)):
            if days_ago == 0 and n > 0:
                break  # today: the first session done so far
            before = min(10, 2 + trend + (n == 0))
            after = max(0, before - 1 - (days_ago + n) % 2)
            started = day.replace(hour=hour) if days_ago else now - timedelta(minutes=40)
            play(store, started, (before, after), NOTES[(days_ago + n) % 5])
    store.close()
    print(f"demo history written to {os.path.join(data_dir, 'history.sqlite3')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
