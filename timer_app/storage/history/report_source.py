"""What the therapist report is made from: this computer's history, or a JSON export.

Either way the report gets the same records (`SessionSummary`, `ExerciseRecord`,
`StopReport`), so `core.report_figures` counts them the same way: a therapist
who runs `timer-app report --from EXPORT.json` on their own machine gets the
figures the patient's History page shows. A damaged or foreign JSON file is
refused with `ReportSourceError` naming what is wrong, never a traceback.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from timer_app.core.history import (
    ExerciseRecord,
    HistoryReader,
    Outcome,
    SessionStatus,
    SessionSummary,
    StopReason,
    StopReport,
    finished_status,
)
from timer_app.core.pain_location import PainLocation
from timer_app.core.programme.monitoring import MorningAnswer, MorningCheck
from timer_app.storage.history.programme_rows import EventKind, ProgrammeEvent

MAX_EXPORT_BYTES = 200 * 1024 * 1024  # years of sessions with every rep: well under


class ReportSourceError(Exception):
    """The sessions could not be read; the message says where and why."""


@dataclass(frozen=True)
class ReportSource:
    sessions: list[SessionSummary]  # oldest first
    exercises: list[ExerciseRecord]
    stops: list[tuple[SessionSummary, StopReport]]
    origin: str  # "" for this computer's history, else the export's file name
    # The programme (issue 16): each session's stage (id -> programme id, stage
    # index, in a flare-up plan), its events and the next-morning checks, in the period.
    stage_of: dict[int, tuple[str, int, bool]] = field(default_factory=dict)
    events: list[ProgrammeEvent] = field(default_factory=list)
    checks: list[MorningCheck] = field(default_factory=list)


def from_store(
    store: HistoryReader, first: date, last: date, routine_id: str | None = None
) -> ReportSource:
    """The sessions from `first` to `last` (local days) of this computer's history."""
    since_first = store.list_sessions(since=first, routine_id=routine_id)
    sessions = [s for s in reversed(since_first) if s.local_date <= last]
    stops: list[tuple[SessionSummary, StopReport]] = []
    for s in sessions:
        if s.stops:  # the exercise each stop interrupted is in the detail (as for the CSV)
            detail = store.session_detail(s.id)
            stops += [(s, stop) for stop in detail.stops] if detail is not None else []
    if len(sessions) == len(since_first):
        # One query for a year of exercises (what the History page's totals read).
        exercises = store.exercise_records(since=first, routine_id=routine_id)
    else:  # the period ends before the newest sessions: only its own sessions' details
        details = (store.session_detail(s.id) for s in sessions)
        exercises = [e for d in details if d is not None for e in d.exercises]
    source = ReportSource(sessions, exercises, stops, "")
    connection = getattr(store, "connection", None)  # a SQLite store has the programme
    if connection is not None:
        from timer_app.storage.history.programme_records import ProgrammeRecords

        records = ProgrammeRecords(connection)
        ids = {s.id for s in sessions}
        source.stage_of.update(
            (sid, (st.programme_id, st.stage_index, st.flare_up))
            for sid, st in records.session_stages().items()
            if sid in ids
        )
        source.events.extend(e for e in records.events() if first <= e.day <= last)
        source.checks.extend(c for c in records.morning_checks(first) if c.day <= last)
    return source


def from_export(path: Path, routine_id: str | None = None) -> ReportSource:
    """The sessions of a JSON export (`timer-app history export --format json`)."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_EXPORT_BYTES + 1)
    except OSError as error:
        raise ReportSourceError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(raw) > MAX_EXPORT_BYTES:
        raise ReportSourceError(f"{path}: too large to be a history export")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReportSourceError(f"{path}: not a JSON export ({error})") from None
    rows = data.get("sessions") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise ReportSourceError(
            f"{path}: no 'sessions' list; make it with timer-app history export --format json"
        )
    source = ReportSource([], [], [], path.name)
    for number, row in enumerate(rows, start=1):
        try:
            session, exercises, stops = _session(row)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ReportSourceError(
                f"{path}: session {number} cannot be read ({type(error).__name__}: {error})"
            ) from None
        if routine_id is not None and session.routine_id != routine_id:
            continue
        source.sessions.append(session)
        source.exercises.extend(exercises)
        source.stops.extend((session, stop) for stop in stops)
        if row.get("programme") and row.get("programme_stage"):
            stage = (str(row["programme"]), int(row["programme_stage"]) - 1, bool(row["flare_up"]))
            source.stage_of[session.id] = stage
    source.sessions.sort(key=lambda s: s.started_at)
    try:
        _programme(data.get("programme"), source)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ReportSourceError(
            f"{path}: its programme cannot be read ({type(error).__name__}: {error})"
        ) from None
    return source


def _programme(data: Any, source: ReportSource) -> None:
    """The export's programme section (`export.programme_json`), when it has one."""
    if not isinstance(data, dict):
        return
    for e in data.get("events", []):
        until = e.get("until")
        source.events.append(
            ProgrammeEvent(
                EventKind(e["kind"]),
                date.fromisoformat(e["date"]),
                str(e["programme"]),
                int(e["stage"]) - 1,
                e.get("routine_id"),
                None if until is None else date.fromisoformat(until),
                bool(e.get("from_therapist_file", False)),
            )
        )
    for c in data.get("morning_checks", []):
        answer = c.get("answer")
        source.checks.append(
            MorningCheck(
                date.fromisoformat(c["date"]), None if answer is None else MorningAnswer(answer)
            )
        )


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _place(value: Any) -> PainLocation | None:
    return None if value is None else PainLocation(value)


def _status(row: dict[str, Any]) -> SessionStatus:
    """The row's status; an older app's export called a session "completed" with
    part of it skipped: told the truth as migration 8 tells the history's."""
    status = SessionStatus(row["status"])
    done, total = int(row["exercises_done"]), int(row["exercises_total"])
    if status is SessionStatus.COMPLETED and done < total:
        return finished_status(done, int(row.get("exercises_partial") or 0), total)
    return status


def _session(
    row: dict[str, Any],
) -> tuple[SessionSummary, list[ExerciseRecord], list[StopReport]]:
    started = datetime.fromisoformat(row["started_at"])
    stops = [
        StopReport(
            reason=StopReason(stop["reason"]),
            exercise_index=None,
            exercise_name=stop.get("exercise") or "",
            reported_at=datetime.fromisoformat(stop["reported_at"]),
            note=stop.get("note") or "",
        )
        for stop in row.get("stop_reports", [])
    ]
    session = SessionSummary(
        id=int(row["session_id"]),
        routine_id=str(row["routine_id"]),
        routine_title=str(row["routine_title"]),
        content_hash=str(row.get("routine_content_hash") or ""),
        source_path=row.get("routine_file"),
        started_at=started,
        ended_at=datetime.fromisoformat(row["ended_at"]) if row.get("ended_at") else None,
        time_zone=row.get("time_zone"),
        local_date=date.fromisoformat(row.get("local_date") or started.date().isoformat()),
        status=_status(row),
        active_seconds=float(row["active_seconds"]),
        exercises_done=int(row["exercises_done"]),
        exercises_total=int(row["exercises_total"]),
        reps_done=int(row["reps_done"]),
        reps_total=int(row["reps_total"]),
        pain_before=_optional_int(row.get("pain_before")),
        pain_after=_optional_int(row.get("pain_after")),
        notes=str(row.get("notes") or ""),
        resume=None,
        stops=tuple(stop.reason for stop in stops),
        exercises_partial=int(row.get("exercises_partial") or 0),
        pain_where_before=_place(row.get("pain_where_before")),
        pain_where_after=_place(row.get("pain_where_after")),
    )
    exercises = [
        ExerciseRecord(
            exercise_index=int(e["index"]),
            name=str(e["name"]),
            outcome=Outcome(e["outcome"]) if e.get("outcome") else None,
            active_seconds=float(e.get("active_seconds") or 0),
            reps_done=int(e.get("reps_done") or 0),
            reps_total=int(e.get("reps_total") or 0),
        )
        for e in row.get("exercises", [])
    ]
    return session, exercises, stops
