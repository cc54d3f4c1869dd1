"""Benchmark: a handout of the longest bundled routine, and a one-year therapist report.

Goal: each under 1 s, through the same code the commands use (a PDF written to
disk, the routine embedded, the report's figures and chart). The history is a
year of two sessions a day of the core routine (730 sessions, some ended early,
some exercises partly done or skipped, "Stop – it hurts" now and then, pain
rated before and after with where it was felt), written through the store API.
Prints the best of 3 runs of each.

    python bench/paper.py
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

GOAL_SECONDS = 1.0
ZONE = ZoneInfo("Europe/London")


def write_year(store: object, routine: object, days: int = 365, seed: int = 15) -> int:
    """Two sessions a day for `days` days, ending yesterday; returns how many."""
    from timer_app.core.history import (
        NewSession,
        Outcome,
        PlannedExercise,
        RepRecord,
        SessionStatus,
        StopReason,
        StopReport,
    )
    from timer_app.core.pain_location import PainLocation

    rng = random.Random(seed)
    exercises = tuple(
        PlannedExercise(i, e.name, e.total_reps) for i, e in enumerate(routine.exercises)
    )
    places = list(PainLocation)
    start_day = date.today() - timedelta(days=days)
    count = 0
    for day in range(days):
        for hour in (8, 18):
            started = datetime.combine(
                start_day + timedelta(days=day), datetime.min.time(), ZONE
            ) + timedelta(hours=hour)
            pain = rng.randint(2, 7)
            sid = store.begin_session(
                NewSession(
                    routine.id, routine.title, routine.content_hash, routine.source_path,
                    started, "Europe/London", exercises, pain_before=pain,
                )
            )  # fmt: skip
            early = rng.random() < 0.05
            step = 0
            for index, exercise in enumerate(exercises):
                roll = rng.random()
                outcome = (
                    Outcome.SKIPPED
                    if roll < 0.04
                    else Outcome.PARTIAL
                    if roll < 0.1
                    else Outcome.DONE
                )
                if early and index >= 2:
                    break
                done = {Outcome.DONE: exercise.reps_total, Outcome.PARTIAL: 1}.get(outcome, 0)
                for rep in range(done):
                    step += 1
                    store.record_rep(
                        sid, RepRecord(step, index, 1, rep + 1, None, Outcome.DONE, 5.0, 5.0)
                    )
                store.record_exercise(
                    sid, index, outcome, 60.0 if outcome is not Outcome.SKIPPED else 0.0
                )
            if rng.random() < 0.02:
                store.record_stop(
                    sid,
                    StopReport(
                        StopReason.PAIN_SPREAD, 1, exercises[1].name, started + timedelta(minutes=3)
                    ),
                )
            status = SessionStatus.ENDED_EARLY if early else SessionStatus.COMPLETED
            store.finish_session(
                sid, status, started + timedelta(minutes=8), 420.0 + rng.random() * 30
            )
            store.set_pain_after(sid, max(0, pain + rng.choice((-2, -1, -1, 0, 1))))
            if rng.random() < 0.5:
                store.set_pain_where_before(sid, rng.choice(places))
                store.set_pain_where_after(sid, rng.choice(places))
            if rng.random() < 0.05:
                store.set_notes(sid, "Stiff in the morning; easier after the walk.")
            count += 1
    return count


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="timer-app-bench-paper-"))
    os.environ["TIMER_APP_DATA_DIR"] = str(folder / "data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from timer_app.cli import main as cli
    from timer_app.storage.history.store import SqliteHistoryStore
    from timer_app.storage.routines.catalog import load_catalog

    catalog = load_catalog()
    routine = catalog.routines["core-routine"]
    store = SqliteHistoryStore.open()
    began = time.perf_counter()
    sessions = write_year(store, routine)
    store.close()
    print(
        f"history: {sessions} sessions over a year written in {time.perf_counter() - began:.1f} s"
    )
    cli(["handout", "core-routine", "--output", str(folder / "warm.pdf")])  # Qt's first start
    handout = best_of(
        3, lambda: cli(["handout", "core-routine", "--output", str(folder / "h.pdf")])
    )
    since = (date.today() - timedelta(days=365)).isoformat()
    report = best_of(
        3, lambda: cli(["report", "--since", since, "--output", str(folder / "r.pdf")])
    )
    for name, seconds in (
        ("handout (core-routine, 4 cards)", handout),
        ("report (one year)", report),
    ):
        verdict = "ok" if seconds < GOAL_SECONDS else "OVER GOAL"
        print(f"{name}: {seconds:.3f} s (goal < {GOAL_SECONDS:.0f} s) {verdict}")
    return 0 if max(handout, report) < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
