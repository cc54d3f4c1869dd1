"""Shared helpers for the main-window tests: real routine files, a real history."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from timer_app.core.history import NewSession, PlannedExercise, SessionStatus
from timer_app.core.position import Position
from timer_app.core.routine import Side
from timer_app.storage.history.store import SqliteHistoryStore

UTC = ZoneInfo("UTC")

GOOD_ROUTINE = """\
id: my-stretch
title: My stretch
author: Dr Test
frequency: 3x/day
safety:
  - Stop if it hurts.
exercises:
  - name: Knee hug
    hold: 30 s
    sides: alternate
    reps: 3
  - name: Tilts
    reps: 15
"""

# line 8: the hold is not a duration
BAD_ROUTINE = """\
id: broken
title: Broken
exercises:
  - name: Knee hug
    reps: 3
    sides: alternate
    rest: 5 s
    hold: banana
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def add_session(
    store: SqliteHistoryStore,
    *,
    day: date,
    status: SessionStatus = SessionStatus.COMPLETED,
    pain_before: int | None = None,
    pain_after: int | None = None,
    notes: str = "",
    routine_id: str = "my-stretch",
    title: str = "My stretch",
    hour: int = 9,
    exercises: int = 2,
) -> int:
    started = datetime.combine(day, time(hour, 0), tzinfo=UTC)
    planned = tuple(PlannedExercise(i, f"Exercise {i + 1}", 6) for i in range(exercises))
    session_id = store.begin_session(
        NewSession(routine_id, title, "", None, started, "UTC", planned, pain_before)
    )
    if pain_after is not None:
        store.set_pain_after(session_id, pain_after)
    if notes:
        store.set_notes(session_id, notes)
    if status is not SessionStatus.IN_PROGRESS:
        store.finish_session(session_id, status, started + timedelta(minutes=5), 300.0)
    return session_id


def leave_in_progress(
    store: SqliteHistoryStore,
    *,
    step_index: int,
    exercise_index: int,
    rep_number: int,
    side: Side | None = None,
    routine_id: str = "knee-to-chest",
    title: str = "Knee-to-chest stretch",
    exercises: int = 1,
) -> int:
    """A session the app was running when the power went."""
    session_id = add_session(
        store,
        day=date.today(),
        status=SessionStatus.IN_PROGRESS,
        routine_id=routine_id,
        title=title,
        exercises=exercises,
    )
    store.set_position(session_id, Position(step_index, exercise_index, 1, rep_number, side), 42.0)
    return session_id
