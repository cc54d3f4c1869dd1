"""History: the records of what was done, the store interface, and time helpers.

The store is two protocols: `HistoryWriter`, all the `SessionRecorder`
(`core/recorder.py`) needs to write a session as it happens, and `HistoryReader`,
what the pages, the CLI and the exports read; `HistoryStore` is both (the SQLite
store, `storage/history_db.py`, is one).
Times: the start and end are wall-clock, aware datetimes (UTC offset, IANA zone,
local date the session counts for); durations come only from the player's
monotonic event times, so clock changes, DST and travel never change them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple, Protocol

# Wall time has one owner, core/local_time.py; re-exported for older imports.
from timer_app.core.local_time import local_now as local_now
from timer_app.core.local_time import local_today as local_today
from timer_app.core.local_time import local_zone_name as local_zone_name
from timer_app.core.local_time import zone_name_of as zone_name_of
from timer_app.core.pain_location import PainLocation
from timer_app.core.position import Position
from timer_app.core.routine import Side

PAIN_MIN = 0
PAIN_MAX = 10  # the 0–10 numeric pain rating scale used in physical therapy


class SessionStatus(StrEnum):
    """Where a session stands. Only `COMPLETED` counts as a session done (the streak,
    "Done today", adherence, a programme's stage): nothing is done unless it was."""

    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"  # reached the end with every planned exercise done in full
    # Reached the end with some exercise partly done or skipped (and something done):
    # shown as such, never counted as a session done.
    PARTLY_DONE = "partly_done"
    ENDED_EARLY = "ended_early"  # ended before its end, or reached it with nothing done
    INTERRUPTED = "interrupted"  # left in_progress by a crash or power loss


def finished_status(exercises_done: int, exercises_partial: int, total: int) -> SessionStatus:
    """The status of a session that reached its end, from its exercises' outcomes
    (a resumed session's earlier run included): completed only when every planned
    exercise was done in full; ended early when none was even partly done.

    The one rule for the recorder, migration 8 (older `completed` rows) and an
    older app's JSON export read for a report."""
    if exercises_done + exercises_partial <= 0:
        return SessionStatus.ENDED_EARLY
    if exercises_done < total:
        return SessionStatus.PARTLY_DONE
    return SessionStatus.COMPLETED


class Outcome(StrEnum):
    """What happened to one exercise or one rep.

    An exercise is done only when every planned rep (all sets, all sides), or its
    activity, was done; partial when some of it was; skipped when nothing was. A
    rep is partial when a hold was left part-way (`held_seconds` says how long)."""

    DONE = "done"
    PARTIAL = "partial"
    SKIPPED = "skipped"


class StopReason(StrEnum):
    """What the person reported with "Stop – it hurts"."""

    SHARP_PAIN = "sharp_pain"  # sharp or shooting pain
    PAIN_SPREAD = "pain_spread"  # pain spread further down the leg
    NUMBNESS_OR_WEAKNESS = "numbness_or_weakness"  # new numbness, tingling or weakness
    OTHER = "other"
    # Esc or "Don't say" in the dialog: the stop is kept, its reason unknown
    NOT_GIVEN = "not_given"


class HistoryError(Exception):
    """A history problem, with a message a person can read (no traceback needed)."""


class HistoryWriteError(HistoryError):
    """A write could not be made now (read-only folder, full disk, locked file...).

    The `SessionRecorder` keeps the write and retries it later.
    """


@dataclass(frozen=True)
class PlannedExercise:
    """One exercise of the session as planned (written with the session row)."""

    exercise_index: int
    name: str
    reps_total: int  # 0 for a timed activity


@dataclass(frozen=True)
class NewSession:
    """Everything known when a session starts; `begin_session` writes it."""

    routine_id: str
    routine_title: str
    content_hash: str
    source_path: str | None
    started_at: datetime  # aware, in the local zone at the start
    time_zone: str | None  # IANA name, e.g. "Europe/Paris"; None when unknown
    exercises: tuple[PlannedExercise, ...]
    pain_before: int | None = None

    @property
    def local_date(self) -> date:
        """The day the session counts for: the local calendar day it started."""
        return self.started_at.date()

    @property
    def reps_total(self) -> int:
        return sum(e.reps_total for e in self.exercises)


@dataclass(frozen=True)
class RepRecord:
    """One rep, done or skipped. Keyed by `step_index`: a rep redone replaces it."""

    step_index: int
    exercise_index: int
    set_number: int
    rep_number: int
    side: Side | None
    outcome: Outcome
    held_seconds: float  # the hold (or paced rep) actually done; 0 for counted/skipped
    planned_seconds: float | None  # None for a counted rep


@dataclass(frozen=True)
class ExerciseRecord:
    """One exercise of a session: `outcome` None when it was never reached."""

    exercise_index: int
    name: str
    outcome: Outcome | None
    active_seconds: float
    reps_done: int
    reps_total: int


@dataclass(frozen=True)
class StopReport:
    """A "Stop – it hurts" report, kept with the session for the therapist."""

    reason: StopReason
    exercise_index: int | None
    exercise_name: str
    reported_at: datetime  # aware
    note: str = ""


@dataclass(frozen=True)
class SessionSummary:
    """One session as the history view, the CLI and the CSV export show it.

    It also has the fields the figures in `stats.py` need (`local_date`, `status`,
    `pain_before`, `pain_after`, `routine_id`).
    """

    id: int
    routine_id: str
    routine_title: str
    content_hash: str
    source_path: str | None
    started_at: datetime  # aware, with the local offset at the start
    ended_at: datetime | None  # aware; None while in progress or when interrupted
    time_zone: str | None
    local_date: date
    status: SessionStatus
    active_seconds: float  # pauses excluded
    exercises_done: int  # every planned rep (or the activity) done
    exercises_total: int
    reps_done: int  # reps done in full
    reps_total: int  # reps planned: all sets, all sides
    pain_before: int | None
    pain_after: int | None
    notes: str
    resume: Position | None  # set while in progress / interrupted
    # "Stop – it hurts" reports, oldest first; filled by `list_sessions` (the
    # history table shows them), empty where a query does not read them.
    stops: tuple[StopReason, ...] = ()
    exercises_partial: int = 0  # some of it done; skipped = total - done - partial
    # "Where do you feel it most?" before and after (None: not answered).
    pain_where_before: PainLocation | None = None
    pain_where_after: PainLocation | None = None


@dataclass(frozen=True)
class SessionDetail:
    summary: SessionSummary
    exercises: tuple[ExerciseRecord, ...]
    reps: tuple[RepRecord, ...]
    stops: tuple[StopReport, ...]


class SessionFacts(NamedTuple):
    """The few fields the figures need, cheap to load for years of history (a named
    tuple: thousands are built at each start, far faster than frozen dataclasses)."""

    local_date: date
    status: SessionStatus
    routine_id: str
    pain_before: int | None = None
    pain_after: int | None = None
    pain_where_before: PainLocation | None = None
    pain_where_after: PainLocation | None = None


class HistoryWriter(Protocol):
    """What a session writes as it happens: all the `SessionRecorder` needs. Every
    write is its own short transaction and raises `HistoryWriteError` when it
    cannot be made now (the recorder keeps it and retries)."""

    def begin_session(self, session: NewSession) -> int:
        """Write the session row (status in_progress) and its planned exercises."""
        ...

    def record_rep(self, session_id: int, rep: RepRecord) -> None:
        """Insert or replace the rep at `rep.step_index`."""
        ...

    def record_exercise(
        self, session_id: int, exercise_index: int, outcome: Outcome, active_seconds: float
    ) -> None: ...

    def set_position(self, session_id: int, position: Position, active_seconds: float) -> None:
        """Where the session stands now (to resume it) and its active seconds so far."""
        ...

    def finish_session(
        self,
        session_id: int,
        status: SessionStatus,
        ended_at: datetime,
        active_seconds: float,
    ) -> None:
        """Mark completed, partly_done or ended_early; the resume position is cleared."""
        ...

    def set_status(self, session_id: int, status: SessionStatus) -> None:
        """E.g. an interrupted session resumed goes back to in_progress."""
        ...

    def set_pain_before(self, session_id: int, pain: int | None) -> None: ...

    def set_pain_after(self, session_id: int, pain: int | None) -> None: ...

    def set_pain_where_before(self, session_id: int, where: PainLocation | None) -> None:
        """Where the pain was felt most before the session (None: not answered)."""
        ...

    def set_pain_where_after(self, session_id: int, where: PainLocation | None) -> None: ...

    def set_notes(self, session_id: int, notes: str) -> None: ...

    def record_stop(self, session_id: int, report: StopReport) -> None: ...


class HistoryReader(Protocol):
    """What the History page, the CLI, the exports and the report read. A history
    that cannot be read answers nothing (the store's `problem` says why)."""

    def list_sessions(
        self,
        *,
        since: date | None = None,
        routine_id: str | None = None,
        limit: int | None = None,
    ) -> list[SessionSummary]:
        """Newest first; `since` is a local date (inclusive)."""
        ...

    def session_detail(self, session_id: int) -> SessionDetail | None: ...

    def find_interrupted(self, routine_id: str | None = None) -> list[SessionSummary]:
        """Interrupted sessions that can be resumed, newest first."""
        ...

    def resume_position(self, session_id: int) -> Position | None: ...

    def session_facts(
        self, *, since: date | None = None, routine_id: str | None = None
    ) -> list[SessionFacts]:
        """Oldest first: what `stats.py` needs, for any span of years."""
        ...

    def exercise_records(
        self, *, since: date | None = None, routine_id: str | None = None
    ) -> list[ExerciseRecord]:
        """Every exercise of every matching session (for `stats.exercise_totals`)."""
        ...


class HistoryStore(HistoryWriter, HistoryReader, Protocol):
    """The whole history, as the app holds it: a session's writes, the reads, and
    the two changes no session makes as it runs."""

    def delete_session(self, session_id: int) -> None:
        """Discard a session and its detail (the person chose not to keep it)."""
        ...

    def mark_interrupted(self) -> list[int]:
        """Every session still in_progress becomes interrupted; returns their ids."""
        ...


def check_pain(pain: int | None) -> int | None:
    if pain is not None and not PAIN_MIN <= pain <= PAIN_MAX:
        raise ValueError(f"pain must be between {PAIN_MIN} and {PAIN_MAX}, not {pain}")
    return pain
