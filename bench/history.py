"""Benchmark: ten years of daily use of the history.

Builds ~7,300 sessions (two a day) with ~150,000 rep rows in a temporary data dir,
then prints the time to open the store and compute the figures the history page
shows (streak, adherence, pain trend) — goal <= 100 ms — and to export every
session as CSV — goal <= 1 s. Run: `python bench/history.py`.
"""

from __future__ import annotations

import io
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from timer_app.core import stats
from timer_app.core.routine import Frequency
from timer_app.storage.history.backups import Backups
from timer_app.storage.history.export import export_sessions
from timer_app.storage.history.store import SqliteHistoryStore

YEARS = 10
PER_DAY = 2
REPS_PER_SESSION = 20  # 2 exercises x 10 reps
GOAL_OPEN_AND_FIGURES = 0.100
GOAL_EXPORT = 1.0


def build(path: Path) -> tuple[int, int]:
    """Fill the history in one transaction (a real app writes rep by rep)."""
    SqliteHistoryStore.open(path, Backups(path.parent / "no-backups")).close()
    rng = random.Random(4)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    first = date.today() - timedelta(days=365 * YEARS)
    sessions = reps = 0
    for day in range(365 * YEARS):
        local = first + timedelta(days=day)
        for n in range(PER_DAY):
            start = datetime(local.year, local.month, local.day, 8 + 10 * n, tzinfo=UTC)
            status = "completed" if rng.random() < 0.95 else "ended_early"
            cur = conn.execute(
                """INSERT INTO sessions (routine_id, routine_title, content_hash,
                    source_path, started_at_utc, started_offset_min, time_zone, local_date,
                    ended_at_utc, ended_offset_min, status, active_seconds, pain_before,
                    pain_after, notes, reps_total)
                VALUES ('sciatica', 'Sciatica basics', 'h', NULL, ?, 60, 'Europe/Paris',
                    ?, ?, 60, ?, 900, ?, ?, ?, ?)""",
                (
                    start.isoformat(timespec="seconds"),
                    local.isoformat(),
                    (start + timedelta(minutes=16)).isoformat(timespec="seconds"),
                    status,
                    rng.randint(2, 7),
                    rng.randint(0, 5),
                    'felt ok, "better" today' if rng.random() < 0.1 else "",
                    REPS_PER_SESSION,
                ),
            )
            sid = cur.lastrowid
            conn.executemany(
                "INSERT INTO session_exercises VALUES (?, ?, ?, 10, 'done', 450)",
                [(sid, 0, "Bridge"), (sid, 1, "Knee to chest")],
            )
            conn.executemany(
                "INSERT INTO reps VALUES (?, ?, ?, 1, ?, ?, 'done', 5, 5)",
                [
                    (sid, 1 + 2 * i, i // 10, i % 10 // 2 + 1, ("left", "right")[i % 2])
                    for i in range(REPS_PER_SESSION)
                ],
            )
            sessions += 1
            reps += REPS_PER_SESSION
    conn.execute("COMMIT")
    conn.close()
    return sessions, reps


def timed(label: str, goal: float | None, fn, repeat: int = 5):
    """Run `fn` `repeat` times; print the median (and the slowest) run."""
    runs, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - start)
        if isinstance(result, SqliteHistoryStore) and len(runs) < repeat:
            result.close()
    took = statistics.median(runs)
    line = f"{label:<52} median {took * 1000:7.1f} ms, max {max(runs) * 1000:7.1f} ms"
    if goal is not None:
        line += f"  (goal <= {goal * 1000:.0f} ms: {'met' if took <= goal else 'MISSED'})"
    print(line)
    return result


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        os.environ["TIMER_APP_DATA_DIR"] = folder
        path = data / "history.sqlite3"
        t0 = time.perf_counter()
        sessions, reps = build(path)
        size = path.stat().st_size / 1e6
        print(
            f"built {sessions} sessions, {reps} reps ({size:.1f} MB) in "
            f"{time.perf_counter() - t0:.1f} s"
        )
        backups = Backups(data / "backups")
        today = date.today()
        freq = Frequency(2, "day")

        def figures(store: SqliteHistoryStore) -> None:
            facts = store.session_facts()
            stats.streak(facts, today, freq)
            weeks = stats.weekly_adherence(facts, today - timedelta(weeks=12), today, freq)
            stats.overall_adherence(weeks)
            stats.session_ordinal(facts, today, freq)
            stats.pain_by_session(facts)

        first = timed(
            "first open (quick_check, migrations and a backup)",
            None,
            lambda: SqliteHistoryStore.open(path, backups),
            repeat=1,
        )
        first.close()

        def open_and_figures() -> SqliteHistoryStore:
            store = SqliteHistoryStore.open(path, backups)
            figures(store)
            return store

        store = timed(
            "open + streak, adherence, pain trend (10 years)",
            GOAL_OPEN_AND_FIGURES,
            open_and_figures,
        )
        timed("  of which the figures alone", None, lambda: figures(store))
        timed("list_sessions() of all sessions (history page)", None, store.list_sessions)
        timed(
            "list_sessions(since=90 days ago)",
            None,
            lambda: store.list_sessions(since=today - timedelta(days=90)),
        )
        out = io.StringIO()

        def export() -> int:
            out.seek(0)
            out.truncate()
            return export_sessions(store, "csv", out)

        count = timed("export CSV of every session", GOAL_EXPORT, export)
        print(f"exported {count} rows, {len(out.getvalue()) / 1e6:.1f} MB")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
