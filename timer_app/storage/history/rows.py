"""Rows of the history database turned into the core's records, and back.

Kept apart from `history/connection.py` (which owns the connection) so the SQL
column lists and their conversions sit side by side. Every value is read by its
column's name, never its place: a column added, or selected in another order,
cannot shift the others. Times are stored as UTC text plus
the local offset in minutes, so a time reads back exactly as the person saw it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any, Protocol

from timer_app.core.history import (
    ExerciseRecord,
    Outcome,
    RepRecord,
    SessionFacts,
    SessionStatus,
    SessionSummary,
    StopReason,
    StopReport,
)
from timer_app.core.pain_location import PainLocation, location_from
from timer_app.core.position import Position
from timer_app.core.routine import Side


class Row(Protocol):
    """A result row read by column name (`sqlite3.Row` is one; so is a dict)."""

    def __getitem__(self, name: str, /) -> Any: ...


# The session summary's columns: "s.x" reads as "x"; a figure is named by `AS`.
SUMMARY_COLUMNS: tuple[str, ...] = (
    "s.id",
    "s.routine_id",
    "s.routine_title",
    "s.content_hash",
    "s.source_path",
    "s.started_at_utc",
    "s.started_offset_min",
    "s.time_zone",
    "s.local_date",
    "s.ended_at_utc",
    "s.ended_offset_min",
    "s.status",
    "s.active_seconds",
    """(SELECT count(*) FROM session_exercises e
        WHERE e.session_id = s.id AND e.outcome = 'done') AS exercises_done""",
    "(SELECT count(*) FROM session_exercises e WHERE e.session_id = s.id) AS exercises_total",
    "(SELECT count(*) FROM reps r WHERE r.session_id = s.id AND r.outcome = 'done') AS reps_done",
    "s.reps_total",
    "s.pain_before",
    "s.pain_after",
    "s.notes",
    "s.resume_step",
    "s.resume_exercise",
    "s.resume_set",
    "s.resume_rep",
    "s.resume_side",
    """(SELECT count(*) FROM session_exercises e
        WHERE e.session_id = s.id AND e.outcome = 'partial') AS exercises_partial""",
    "s.pain_where_before",
    "s.pain_where_after",
)

SUMMARY_SELECT = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM sessions s"

EXERCISE_COLUMNS = """e.exercise_index, e.name, e.outcome, e.active_seconds,
    (SELECT count(*) FROM reps r WHERE r.session_id = e.session_id
        AND r.exercise_index = e.exercise_index AND r.outcome = 'done') AS reps_done,
    e.reps_total"""

REP_COLUMNS = (
    "step_index, exercise_index, set_number, rep_number, side, outcome,"
    " held_seconds, planned_seconds"
)

STOP_COLUMNS = "exercise_index, exercise_name, reason, note, reported_at_utc, reported_offset_min"

FACT_COLUMNS = (
    "s.local_date, s.status, s.routine_id, s.pain_before, s.pain_after,"
    " s.pain_where_before, s.pain_where_after"
)


def utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("history times must be aware datetimes")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def local_time(utc: str | None, offset_min: int | None) -> datetime | None:
    """The stored moment, in the local offset it had when it was recorded."""
    if utc is None:
        return None
    return datetime.fromisoformat(utc).astimezone(_zone(offset_min or 0))


@lru_cache(maxsize=64)  # a person's history has a handful of offsets
def _zone(offset_min: int) -> timezone:
    return timezone(timedelta(minutes=offset_min))


def _side(value: str | None) -> Side | None:
    return Side(value) if value else None


def summary_of(r: Row) -> SessionSummary:
    started = local_time(r["started_at_utc"], r["started_offset_min"])
    assert started is not None
    resume = None
    if r["resume_step"] is not None:
        resume = Position(
            r["resume_step"],
            r["resume_exercise"],
            r["resume_set"],
            r["resume_rep"],
            _side(r["resume_side"]),
        )
    return SessionSummary(
        id=r["id"],
        routine_id=r["routine_id"],
        routine_title=r["routine_title"],
        content_hash=r["content_hash"],
        source_path=r["source_path"],
        started_at=started,
        time_zone=r["time_zone"],
        local_date=_local_date(r["local_date"]),
        ended_at=local_time(r["ended_at_utc"], r["ended_offset_min"]),
        status=_STATUS[r["status"]],
        active_seconds=r["active_seconds"],
        exercises_done=r["exercises_done"],
        exercises_total=r["exercises_total"],
        reps_done=r["reps_done"],
        reps_total=r["reps_total"],
        pain_before=r["pain_before"],
        pain_after=r["pain_after"],
        notes=r["notes"],
        resume=resume,
        exercises_partial=r["exercises_partial"],
        pain_where_before=location_from(r["pain_where_before"]),
        pain_where_after=location_from(r["pain_where_after"]),
    )


def exercise_of(r: Row) -> ExerciseRecord:
    return ExerciseRecord(
        exercise_index=r["exercise_index"],
        name=r["name"],
        outcome=Outcome(r["outcome"]) if r["outcome"] else None,
        active_seconds=r["active_seconds"],
        reps_done=r["reps_done"],
        reps_total=r["reps_total"],
    )


def rep_of(r: Row) -> RepRecord:
    return RepRecord(
        step_index=r["step_index"],
        exercise_index=r["exercise_index"],
        set_number=r["set_number"],
        rep_number=r["rep_number"],
        side=_side(r["side"]),
        outcome=Outcome(r["outcome"]),
        held_seconds=r["held_seconds"],
        planned_seconds=r["planned_seconds"],
    )


def stop_of(r: Row) -> StopReport:
    reported = local_time(r["reported_at_utc"], r["reported_offset_min"])
    assert reported is not None
    return StopReport(
        exercise_index=r["exercise_index"],
        exercise_name=r["exercise_name"],
        reason=StopReason(r["reason"]),
        note=r["note"],
        reported_at=reported,
    )


# Years of history repeat the same few values: look them up instead of parsing.
_STATUS = {s.value: s for s in SessionStatus}
_PLACE: dict[str | None, PainLocation] = {p.value: p for p in PainLocation}
_local_date = lru_cache(maxsize=8192)(date.fromisoformat)


def facts_of(names: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[SessionFacts]:
    """`SessionFacts` of years of sessions: each column's place is looked up by
    its name once for the whole result, not once per row (the figures read
    thousands of rows at every start)."""
    at = {name: i for i, name in enumerate(names)}
    day, status, routine = at["local_date"], at["status"], at["routine_id"]
    before, after = at["pain_before"], at["pain_after"]
    where_before, where_after = at["pain_where_before"], at["pain_where_after"]
    return [
        SessionFacts(
            local_date=_local_date(r[day]),
            status=_STATUS[r[status]],
            routine_id=r[routine],
            pain_before=r[before],
            pain_after=r[after],
            pain_where_before=_PLACE.get(r[where_before]),
            pain_where_after=_PLACE.get(r[where_after]),
        )
        for r in rows
    ]
