"""History: the records of what was done, the store interface, and the recorder.

The GUI creates one `SessionRecorder` per session and adds it as a listener of the
`SessionPlayer`. The recorder writes through a `HistoryStore` (the SQLite one lives
in `storage/history_db.py`) *as it happens* (design rule 10): the session row when
it starts, each rep and each exercise as it completes, the resume position as each
step starts, and `completed` the moment the last step ends. When the store fails
(read-only folder, full disk, locked file) the recorder keeps the writes, in order,
in memory and retries them on the next event and on `flush()`; nothing is dropped.

Times: the start and end are wall-clock, aware datetimes (UTC offset, IANA zone,
local date the session counts for) from an injectable `now_wall`; durations come
only from the player's monotonic event times, so clock changes, DST and travel
never change them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from timer_app.core.events import (
    Event,
    ExerciseCompleted,
    ExerciseSkipped,
    RepCompleted,
    SessionEndedEarly,
    SessionFinished,
    SessionPaused,
    SessionResumed,
    SessionStarted,
    StepStarted,
)
from timer_app.core.plan import Plan, Step
from timer_app.core.position import Position
from timer_app.core.routine import Side

log = logging.getLogger(__name__)

PAIN_MIN = 0
PAIN_MAX = 10  # the 0–10 numeric pain rating scale used in physical therapy


class SessionStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    INTERRUPTED = "interrupted"  # left in_progress by a crash or power loss


class Outcome(StrEnum):
    """What happened to one exercise or one rep."""

    DONE = "done"
    SKIPPED = "skipped"


class StopReason(StrEnum):
    """What the person reported with "Stop – it hurts"."""

    SHARP_PAIN = "sharp_pain"  # sharp or shooting pain
    PAIN_SPREAD = "pain_spread"  # pain spread further down the leg
    NUMBNESS_OR_WEAKNESS = "numbness_or_weakness"  # new numbness, tingling or weakness
    OTHER = "other"


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
    exercises_done: int
    exercises_total: int
    reps_done: int
    reps_total: int
    pain_before: int | None
    pain_after: int | None
    notes: str
    resume: Position | None  # set while in progress / interrupted


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


class HistoryStore(Protocol):
    """Where sessions are kept. Every write is its own short transaction and raises
    `HistoryWriteError` when it cannot be made now (the recorder retries it)."""

    # -- writes, in the order a session makes them --------------------------------
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
        """Mark completed or ended_early; the resume position is cleared."""
        ...

    def set_status(self, session_id: int, status: SessionStatus) -> None:
        """E.g. an interrupted session resumed goes back to in_progress."""
        ...

    def set_pain_before(self, session_id: int, pain: int | None) -> None: ...

    def set_pain_after(self, session_id: int, pain: int | None) -> None: ...

    def set_notes(self, session_id: int, notes: str) -> None: ...

    def delete_session(self, session_id: int) -> None:
        """Discard a session and its detail (the person chose not to keep it)."""
        ...

    def record_stop(self, session_id: int, report: StopReport) -> None: ...

    def mark_interrupted(self) -> list[int]:
        """Every session still in_progress becomes interrupted; returns their ids."""
        ...

    # -- reads ------------------------------------------------------------------
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


# -- wall time ----------------------------------------------------------------


def local_zone_name() -> str | None:
    """The IANA name of the local time zone, when the system says it."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and _valid_zone(tz):
        return tz
    try:  # Linux and macOS: /etc/localtime -> .../zoneinfo/Europe/Paris
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return None
    marker = "zoneinfo/"
    if marker in target:
        name = target.split(marker, 1)[1]
        return name if _valid_zone(name) else None
    return None


def _valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def local_now() -> datetime:
    """Now, aware, in the local zone (a `ZoneInfo` when its name is known)."""
    name = local_zone_name()
    if name is not None:
        return datetime.now(ZoneInfo(name))
    return datetime.now().astimezone()


def zone_name_of(moment: datetime) -> str | None:
    key = getattr(moment.tzinfo, "key", None)
    return key if isinstance(key, str) else None


def check_pain(pain: int | None) -> int | None:
    if pain is not None and not PAIN_MIN <= pain <= PAIN_MAX:
        raise ValueError(f"pain must be between {PAIN_MIN} and {PAIN_MAX}, not {pain}")
    return pain


# -- the recorder -------------------------------------------------------------


@dataclass
class _PendingWrite:
    what: str  # for the log
    apply: Callable[[HistoryStore], None]
    is_position: bool = False


@dataclass
class _ActiveTime:
    """Active seconds from the player's monotonic event times, pauses excluded."""

    before: float = 0.0  # seconds already done (a resumed session)
    running_since: float | None = None
    banked: float = 0.0

    def start(self, at: float) -> None:
        if self.running_since is None:
            self.running_since = at

    def stop(self, at: float) -> None:
        if self.running_since is not None:
            self.banked += max(0.0, at - self.running_since)
            self.running_since = None

    def total(self, at: float) -> float:
        live = 0.0 if self.running_since is None else max(0.0, at - self.running_since)
        return self.before + self.banked + live


@dataclass
class SessionRecorder:
    """Listens to one session's player events and writes them through the store.

    Use: `recorder = SessionRecorder(store, plan)`, then
    `player.add_listener(recorder)`. Pain before (asked before the start) can be
    given to the constructor or `set_pain_before`; pain after, notes and stop
    reports go through the recorder too, so they are kept and retried like
    everything else. `pending_count` and `last_error` tell the GUI when the history
    cannot be written (show `last_error`; warn before quitting while
    `pending_count > 0`). `add_status_listener` calls back when either changes.

    To continue an interrupted session, pass `resume_session_id` (and give the
    player the stored `Position`): the reps go on in the same session.
    """

    store: HistoryStore
    plan: Plan
    now_wall: Callable[[], datetime] = local_now
    pain_before: int | None = None
    resume_session_id: int | None = None
    resumed_active_seconds: float = 0.0

    session_id: int | None = field(default=None, init=False)
    last_error: str | None = field(default=None, init=False)
    _pending: list[_PendingWrite] = field(default_factory=list, init=False)
    _time: _ActiveTime = field(default_factory=_ActiveTime, init=False)
    _current: Step | None = field(default=None, init=False)
    _recorded: set[int] = field(default_factory=set, init=False)  # rep steps written
    _first_index: int = field(default=0, init=False)
    _last_position: Position | None = field(default=None, init=False)
    _started: bool = field(default=False, init=False)
    _status_listeners: list[Callable[[], None]] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        check_pain(self.pain_before)
        self._time.before = self.resumed_active_seconds
        if self.resume_session_id is not None:
            self.session_id = self.resume_session_id

    # -- what the GUI reads ------------------------------------------------------
    @property
    def pending_count(self) -> int:
        """Writes not yet in the store (0 when the history is up to date)."""
        return len(self._pending)

    def add_status_listener(self, callback: Callable[[], None]) -> None:
        self._status_listeners.append(callback)

    # -- what the GUI tells it -------------------------------------------------
    def set_pain_before(self, pain: int | None) -> None:
        check_pain(pain)
        if not self._started:
            self.pain_before = pain
            return
        self._write("pain before", lambda s: s.set_pain_before(self._id(), pain))

    def set_pain_after(self, pain: int | None) -> None:
        check_pain(pain)
        self._write("pain after", lambda s: s.set_pain_after(self._id(), pain))

    def set_notes(self, notes: str) -> None:
        self._write("notes", lambda s: s.set_notes(self._id(), notes))

    def report_stop(self, reason: StopReason, note: str = "") -> None:
        """ "Stop – it hurts": kept with the exercise in progress (end the player too)."""
        step = self._current
        exercise_index = step.exercise_index if step is not None else None
        name = step.exercise.name if step is not None else ""
        report = StopReport(reason, exercise_index, name, self.now_wall(), note)
        self._write("stop report", lambda s: s.record_stop(self._id(), report))

    def flush(self) -> bool:
        """Retry the pending writes now; True when nothing is left pending."""
        self._drain()
        return not self._pending

    # -- player events -----------------------------------------------------------
    def __call__(self, event: Event) -> None:
        match event:
            case SessionStarted():
                self._on_started(event)
            case StepStarted():
                self._on_step(event)
            case RepCompleted():
                self._recorded.add(event.step.index)
                self._queue_rep(event.step, Outcome.DONE, event.held_seconds)
            case ExerciseCompleted():
                index, seconds = event.exercise_index, event.active_seconds
                self._queue(
                    "exercise",
                    lambda s: s.record_exercise(self._id(), index, Outcome.DONE, seconds),
                )
            case ExerciseSkipped():
                self._on_exercise_skipped(event)
            case SessionPaused():
                self._time.stop(event.at)
            case SessionResumed():
                self._time.start(event.at)
            case SessionFinished():
                self._end(SessionStatus.COMPLETED, event.active_seconds)
            case SessionEndedEarly():
                self._end(SessionStatus.ENDED_EARLY, event.active_seconds)
        # Every event (one a second while a countdown runs) is a chance to retry.
        if self._pending:
            self._drain()

    def _on_started(self, event: SessionStarted) -> None:
        self._started = True
        self._first_index = event.step.index
        self._time.start(event.at)
        if self.resume_session_id is None:
            new = self._new_session()
            self._queue("session start", lambda s: self._begin(s, new))
        else:
            self._queue(
                "session resumed",
                lambda s: s.set_status(self._id(), SessionStatus.IN_PROGRESS),
            )
            if self.pain_before is not None:
                pain = self.pain_before
                self._queue("pain before", lambda s: s.set_pain_before(self._id(), pain))
        self._enter(event.step, event.at)

    def _on_step(self, event: StepStarted) -> None:
        previous = self._current
        if (
            previous is not None
            and previous.kind.is_rep
            and previous.index not in self._recorded
            and event.step.index > previous.index
        ):
            self._recorded.add(previous.index)
            self._queue_rep(previous, Outcome.SKIPPED, 0.0)  # skipped past it
        self._enter(event.step, event.at)

    def _enter(self, step: Step, at: float) -> None:
        self._current = step
        position = Position.of(step)
        if position == self._last_position:  # e.g. SessionStarted then StepStarted
            return
        self._last_position = position
        active = self._time.total(at)
        self._queue(
            "position",
            lambda s: s.set_position(self._id(), position, active),
            replaces_last_position=True,
        )

    def _on_exercise_skipped(self, event: ExerciseSkipped) -> None:
        index = event.exercise_index
        # Its reps not done in this run are skipped too; reps before the point a
        # resumed session started from were recorded by the earlier run.
        for step in self.plan.steps:
            if (
                step.exercise_index == index
                and step.kind.is_rep
                and step.index >= self._first_index
                and step.index not in self._recorded
            ):
                self._recorded.add(step.index)
                self._queue_rep(step, Outcome.SKIPPED, 0.0)
        self._queue(
            "exercise skipped",
            lambda s: s.record_exercise(self._id(), index, Outcome.SKIPPED, 0.0),
        )

    def _queue_rep(self, step: Step, outcome: Outcome, held: float) -> None:
        rep = RepRecord(
            step_index=step.index,
            exercise_index=step.exercise_index,
            set_number=step.set_number,
            rep_number=step.rep_number,
            side=step.side,
            outcome=outcome,
            held_seconds=held,
            planned_seconds=step.duration,
        )
        self._queue("rep", lambda s: s.record_rep(self._id(), rep))

    def _end(self, status: SessionStatus, player_active: float) -> None:
        ended = self.now_wall()
        total = self._time.before + player_active
        self._queue(
            f"session {status}",
            lambda s: s.finish_session(self._id(), status, ended, total),
        )

    # -- writing -----------------------------------------------------------------
    def _new_session(self) -> NewSession:
        routine = self.plan.routine
        started = self.now_wall()
        return NewSession(
            routine_id=routine.id,
            routine_title=routine.title,
            content_hash=routine.content_hash,
            source_path=routine.source_path,
            started_at=started,
            time_zone=zone_name_of(started),
            exercises=tuple(
                PlannedExercise(i, e.name, e.total_reps) for i, e in enumerate(routine.exercises)
            ),
            pain_before=self.pain_before,
        )

    def _begin(self, store: HistoryStore, new: NewSession) -> None:
        self.session_id = store.begin_session(new)

    def _id(self) -> int:
        if self.session_id is None:  # writes run in order: the start came first
            raise HistoryError("the session has not been started")
        return self.session_id

    def _queue(
        self,
        what: str,
        apply: Callable[[HistoryStore], None],
        *,
        replaces_last_position: bool = False,
    ) -> None:
        # While the store is down, only the newest position matters: keep one.
        if replaces_last_position and self._pending and self._pending[-1].is_position:
            self._pending[-1] = _PendingWrite(what, apply, is_position=True)
            return
        self._pending.append(_PendingWrite(what, apply, is_position=replaces_last_position))

    def _write(self, what: str, apply: Callable[[HistoryStore], None]) -> None:
        self._queue(what, apply)
        self._drain()

    def _drain(self) -> None:
        before = (len(self._pending), self.last_error)
        while self._pending:
            write = self._pending[0]
            try:
                write.apply(self.store)
            except HistoryError as error:
                self._failed(write, str(error))
                break
            except Exception as error:  # never break the session over history
                log.exception("history write %r failed", write.what)
                self._failed(write, f"{error.__class__.__name__}: {error}")
                break
            self._pending.pop(0)
        else:
            self.last_error = None
        if (len(self._pending), self.last_error) != before:
            for callback in self._status_listeners:
                callback()

    def _failed(self, write: _PendingWrite, message: str) -> None:
        log.warning("history write %r kept for later: %s", write.what, message)
        self.last_error = message
