"""Rows of the history database turned into the core's records, and back.

Kept apart from `history_db.py` (which owns the connection) so the SQL column
lists and their conversions sit side by side. Times are stored as UTC text plus
the local offset in minutes, so a time reads back exactly as the person saw it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

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

Row = Sequence[Any]  # a result row, by position

SUMMARY_SELECT = """SELECT s.id, s.routine_id, s.routine_title, s.content_hash, s.source_path,
    s.started_at_utc, s.started_offset_min, s.time_zone, s.local_date,
    s.ended_at_utc, s.ended_offset_min, s.status, s.active_seconds,
    (SELECT count(*) FROM session_exercises e
        WHERE e.session_id = s.id AND e.outcome = 'done') AS exercises_done,
    (SELECT count(*) FROM session_exercises e WHERE e.session_id = s.id) AS exercises_total,
    (SELECT count(*) FROM reps r WHERE r.session_id = s.id AND r.outcome = 'done') AS reps_done,
    s.reps_total, s.pain_before, s.pain_after, s.notes,
    s.resume_step, s.resume_exercise, s.resume_set, s.resume_rep, s.resume_side,
    (SELECT count(*) FROM session_exercises e
        WHERE e.session_id = s.id AND e.outcome = 'partial') AS exercises_partial,
    s.pain_where_before, s.pain_where_after
FROM sessions s"""

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
    zone = timezone(timedelta(minutes=offset_min or 0))
    return datetime.fromisoformat(utc).astimezone(zone)


def _side(value: str | None) -> Side | None:
    return Side(value) if value else None


def summary_of(r: Row) -> SessionSummary:
    started = local_time(r[5], r[6])
    assert started is not None
    resume = None
    if r[20] is not None:
        resume = Position(r[20], r[21], r[22], r[23], _side(r[24]))
    return SessionSummary(
        id=r[0],
        routine_id=r[1],
        routine_title=r[2],
        content_hash=r[3],
        source_path=r[4],
        started_at=started,
        time_zone=r[7],
        local_date=date.fromisoformat(r[8]),
        ended_at=local_time(r[9], r[10]),
        status=SessionStatus(r[11]),
        active_seconds=r[12],
        exercises_done=r[13],
        exercises_total=r[14],
        reps_done=r[15],
        reps_total=r[16],
        pain_before=r[17],
        pain_after=r[18],
        notes=r[19],
        resume=resume,
        exercises_partial=r[25],
        pain_where_before=location_from(r[26]),
        pain_where_after=location_from(r[27]),
    )


def exercise_of(r: Row) -> ExerciseRecord:
    return ExerciseRecord(
        exercise_index=r[0],
        name=r[1],
        outcome=Outcome(r[2]) if r[2] else None,
        active_seconds=r[3],
        reps_done=r[4],
        reps_total=r[5],
    )


def rep_of(r: Row) -> RepRecord:
    return RepRecord(
        step_index=r[0],
        exercise_index=r[1],
        set_number=r[2],
        rep_number=r[3],
        side=_side(r[4]),
        outcome=Outcome(r[5]),
        held_seconds=r[6],
        planned_seconds=r[7],
    )


def stop_of(r: Row) -> StopReport:
    reported = local_time(r[4], r[5])
    assert reported is not None
    return StopReport(
        exercise_index=r[0],
        exercise_name=r[1],
        reason=StopReason(r[2]),
        note=r[3],
        reported_at=reported,
    )


# Years of history repeat the same few values: look them up instead of parsing.
_STATUS = {s.value: s for s in SessionStatus}
_PLACE: dict[str | None, PainLocation] = {p.value: p for p in PainLocation}
_local_date = lru_cache(maxsize=8192)(date.fromisoformat)


def fact_of(r: Row) -> SessionFacts:
    return SessionFacts(
        local_date=_local_date(r[0]),
        status=_STATUS[r[1]],
        routine_id=r[2],
        pain_before=r[3],
        pain_after=r[4],
        pain_where_before=_PLACE.get(r[5]),
        pain_where_after=_PLACE.get(r[6]),
    )
