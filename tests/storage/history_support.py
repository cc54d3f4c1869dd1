"""Sessions written straight through the store API, for the storage and CLI tests."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from timer_app.core.history import (
    HistoryWriter,
    NewSession,
    Outcome,
    PlannedExercise,
    RepRecord,
    SessionStatus,
)
from timer_app.core.position import Position
from timer_app.core.routine import Side

PARIS = ZoneInfo("Europe/Paris")


def new_session(
    started: datetime, routine_id: str = "back", title: str = "Back routine", **kw: object
) -> NewSession:
    values: dict[str, object] = {
        "routine_id": routine_id,
        "routine_title": title,
        "content_hash": "abc123",
        "source_path": "/routines/back.yaml",
        "started_at": started,
        "time_zone": getattr(started.tzinfo, "key", None),
        "exercises": (PlannedExercise(0, "Bridge", 4), PlannedExercise(1, "Walk", 0)),
    }
    values.update(kw)
    return NewSession(**values)  # type: ignore[arg-type]


def rep(step: int, number: int, side: Side | None = Side.LEFT, held: float = 5.0) -> RepRecord:
    return RepRecord(step, 0, 1, number, side, Outcome.DONE, held, 5.0)


def add_session(
    store: HistoryWriter,
    started: datetime,
    *,
    reps: int = 4,
    status: SessionStatus = SessionStatus.COMPLETED,
    pain: tuple[int | None, int | None] = (None, None),
    notes: str = "",
    active: float = 120.0,
    routine_id: str = "back",
) -> int:
    """A session of a 2-exercise routine (4 reps of Bridge, then a walk)."""
    sid = store.begin_session(new_session(started, routine_id, pain_before=pain[0]))
    for i in range(reps):
        store.record_rep(sid, rep(1 + 2 * i, i // 2 + 1, (Side.LEFT, Side.RIGHT)[i % 2]))
    if reps == 4:
        store.record_exercise(sid, 0, Outcome.DONE, 60.0)
    if status is SessionStatus.COMPLETED:
        store.record_exercise(sid, 1, Outcome.DONE, 60.0)
    if status in (SessionStatus.COMPLETED, SessionStatus.ENDED_EARLY):
        store.finish_session(sid, status, started + timedelta(seconds=active + 30), active)
    else:
        store.set_position(sid, Position(2 * reps + 1, 0, 1, reps + 1, Side.LEFT), active)
        if status is SessionStatus.INTERRUPTED:
            store.set_status(sid, status)
    if pain[1] is not None:
        store.set_pain_after(sid, pain[1])
    if notes:
        store.set_notes(sid, notes)
    return sid
