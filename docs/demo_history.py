"""Fill a data dir with two weeks of plausible sessions, for screenshots.

    python docs/demo_history.py DATA_DIR [--interrupted]

With `--interrupted`, a last session stops in the middle of its third exercise,
as a flat battery would leave it, so the app offers to resume it. With
`--programme`, the sessions are done in the bundled 8-week programme, started
15 days ago (today is in week 3, its second stage since yesterday), with this
morning's check answered; `--programme-morning` is the same without today's
session nor its check, so the card asks the next-morning question. The first-run
safety notice is marked as read, so the app opens on the Routines page.

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
from timer_app.core.programme.monitoring import MorningAnswer
from timer_app.core.recorder import SessionRecorder
from timer_app.storage import paths
from timer_app.storage.history.programme_records import ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.routines.catalog import find_routine
from timer_app.storage.settings import load_settings, save_settings

NOTES = ["", "Felt looser afterwards.", "", "Stiff in the morning.", ""]


def play(
    store: SqliteHistoryStore,
    started: datetime,
    pain: tuple[int, int],
    note: str,
    *,
    stop_at_exercise: int | None = None,
) -> None:
    plan = build_plan(find_routine("core-routine"))
    clock = FakeClock()
    player = SessionPlayer(plan, clock)
    wall = [started]
    recorder = SessionRecorder(store=store, plan=plan, now_wall=lambda: wall[0])
    player.add_listener(recorder)
    recorder.set_pain_before(pain[0])
    player.start()
    while not player.state.is_over:
        where = player.position()
        if where.exercise_index == stop_at_exercise and where.rep_number == 2:
            return  # the power went: no end is recorded, only the steps so far
        if player.current_step.duration is None:
            player.complete_rep()  # counted reps: the person presses Enter
        clock.advance(0.5)
        wall[0] += timedelta(seconds=0.5)
        player.tick()
    recorder.set_pain_after(pain[1])
    recorder.set_notes(note)
    recorder.flush()


def main(data_dir: str, interrupted: bool = False, programme: str = "") -> int:
    paths.set_data_dir(data_dir)
    settings = load_settings()
    settings.first_run_safety_seen = True
    save_settings(settings)
    store = SqliteHistoryStore.open()
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    today = now.replace(hour=8, minute=0)
    records = ProgrammeRecords(store.connection)
    if programme:
        start = today.date() - timedelta(days=15)
        records.start("sciatica-8-weeks", start, now)
    for days_ago in range(13, -1, -1):
        day = today - timedelta(days=days_ago)
        if programme and days_ago == 1:  # weeks 1-2 done: its marker, then stage 2
            records.record_marker(True, day.date() - timedelta(days=1), now)
            records.change_stage(1, day.date(), now)
        if programme == "morning" and days_ago == 0:
            break  # nothing yet today: the card asks how this morning is
        trend = days_ago // 3  # pain easing over two weeks
        for n, hour in enumerate((8, 13, 19)):
            if days_ago == 0 and n > 0:
                break  # today: the first session done so far
            before = min(10, 2 + trend + (n == 0))
            after = max(0, before - 1 - (days_ago + n) % 2)
            started = day.replace(hour=hour) if days_ago else now - timedelta(minutes=40)
            play(store, started, (before, after), NOTES[(days_ago + n) % 5])
    if programme == "card":
        records.record_morning_check(today.date(), MorningAnswer.BETTER, now)
    if interrupted:
        play(store, now - timedelta(minutes=5), (3, 3), "", stop_at_exercise=2)
    store.close()
    print(f"demo history written to {os.path.join(data_dir, 'history.sqlite3')}")
    return 0


if __name__ == "__main__":
    flags = sys.argv[2:]
    chosen = (
        "morning" if "--programme-morning" in flags else "card" if "--programme" in flags else ""
    )
    sys.exit(main(sys.argv[1], interrupted="--interrupted" in flags, programme=chosen))
