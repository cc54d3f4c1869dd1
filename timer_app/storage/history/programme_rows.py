"""The programme's rows in the history: its event kinds, events and each
session's stage, and the one INSERT of an event (`programme_records.py` reads
and writes them; migration 5 has the tables)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

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
) -> tuple[str, tuple[object, ...]]:
    return (
        """INSERT INTO programme_events (enrolment_id, kind, local_date, stage_index,
            routine_id, until_date, recorded_at_utc) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        (
            enrolment_id,
            kind.value,
            on.isoformat(),
            stage_index,
            routine_id,
            None if until is None else until.isoformat(),
            utc_text(now),
        ),
    )
