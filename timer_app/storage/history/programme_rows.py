"""The programme's rows in the history: its event kinds, events and each
session's stage, and the one INSERT of an event (`programme_records.py` reads
and writes them; migration 5 has the tables)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from timer_app.storage.history.connection import HistoryConnection
from timer_app.storage.history.rows import utc_text


class EventKind(StrEnum):
    STARTED = "started"
    ADVANCED = "advanced"  # to the next stage, confirmed by the patient
    WENT_BACK = "went_back"  # to the stage before
    MARKER_YES = "marker_yes"  # the stage's marker question: yes
    MARKER_NOT_YET = "marker_not_yet"
    FLARE_UP = "flare_up"
    STOPPED = "stopped"


@dataclass(frozen=True)
class ProgrammeEvent:
    kind: EventKind
    day: date
    programme_id: str
    stage_index: int  # the stage after the event
    routine_id: str | None = None  # a flare-up's routine
    until: date | None = None  # a flare-up's last day
    from_file: bool = False  # a stage change the therapist's new file made (migration 7)


@dataclass(frozen=True)
class SessionStage:
    """The programme stage a session was done in."""

    programme_id: str
    stage_index: int
    flare_up: bool


def event_insert(
    enrolment_id: object,
    kind: EventKind,
    on: date,
    stage_index: object,
    now: datetime,
    routine_id: str | None = None,
    until: date | None = None,
    from_file: bool = False,
) -> tuple[str, tuple[object, ...]]:
    return (
        """INSERT INTO programme_events (enrolment_id, kind, local_date, stage_index,
            routine_id, until_date, recorded_at_utc, from_file)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            enrolment_id,
            kind.value,
            on.isoformat(),
            stage_index,
            routine_id,
            None if until is None else until.isoformat(),
            utc_text(now),
            int(from_file),
        ),
    )


def read_events(connection: HistoryConnection) -> list[ProgrammeEvent]:
    """Every programme event, oldest first (the tables of migration 5 must be there)."""
    # A history from before migration 7 (read, never migrated, by the command
    # line) has no from_file column: its stage changes were all the patient's.
    has_from_file = bool(
        connection.rows(
            "SELECT 1 FROM pragma_table_info('programme_events') WHERE name = 'from_file'"
        )
    )
    from_file = "v.from_file" if has_from_file else "0"
    rows = connection.rows(
        f"""SELECT v.kind, v.local_date, v.stage_index, v.routine_id, v.until_date,
            {from_file} AS from_file,
            e.programme_id FROM programme_events v
            JOIN programme_enrolments e ON e.id = v.enrolment_id ORDER BY v.id"""
    )
    return [
        ProgrammeEvent(
            EventKind(r["kind"]),
            date.fromisoformat(r["local_date"]),
            r["programme_id"],
            int(r["stage_index"]),
            r["routine_id"],
            None if r["until_date"] is None else date.fromisoformat(r["until_date"]),
            bool(r["from_file"]),
        )
        for r in rows
    ]
