"""The recorder: writes a session to the history store as it happens.

The GUI creates one `SessionRecorder` per session and adds it as a listener of the
`SessionPlayer`. It writes through a `HistoryWriter` (it reads nothing back) *as it
happens* (“Written as it happens” in docs/design.md): the session row when it starts,
each rep and each exercise as it completes, the resume position as each step starts, and
its status the moment the last step ends (`history.finished_status`): `completed` only
when every planned exercise was done in full, `partly_done` when some of it was partly
done or skipped, `ended_early` when nothing was done; only `completed` counts toward
the streak, adherence or a programme's stage. It counts nothing itself: outcomes, held
seconds and active time are the facts the player's events carry (`core/outcomes.py`),
the same the summary shows. When the store fails (read-only folder, full disk, locked
file) it keeps the writes, in order, in memory and retries them on the next event and on
`flush()`; nothing is dropped. Wall-clock times come from an injectable `now_wall`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from timer_app.core.events import (
    Event,
    ExerciseCompleted,
    ExercisePartial,
    ExerciseSkipped,
    RepCompleted,
    RepPartial,
    SessionEndedEarly,
    SessionFinished,
    SessionStarted,
    StepStarted,
)
from timer_app.core.history import (
    HistoryError,
    HistoryWriter,
    NewSession,
    Outcome,
    PlannedExercise,
    RepRecord,
    SessionStatus,
    StopReason,
    StopReport,
    check_pain,
    finished_status,
    local_now,
    zone_name_of,
)
from timer_app.core.pain_location import PainLocation
from timer_app.core.plan import Plan, Step
from timer_app.core.position import Position

log = logging.getLogger(__name__)


@dataclass
class _PendingWrite:
    what: str  # for the log
    apply: Callable[[HistoryWriter], None]
    is_position: bool = False


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
    `resumed_exercises_done` and `resumed_exercises_partial` (the exercises its
    earlier run did in full, and partly) count with this run's toward its status:
    resumed and finished, it is completed only if both runs together did every
    exercise in full.
    """

    store: HistoryWriter
    plan: Plan
    now_wall: Callable[[], datetime] = local_now
    pain_before: int | None = None
    pain_where_before: PainLocation | None = None  # "Where do you feel it most?"
    resume_session_id: int | None = None
    resumed_active_seconds: float = 0.0
    resumed_exercises_done: int = 0  # in full, by the earlier run
    resumed_exercises_partial: int = 0

    session_id: int | None = field(default=None, init=False)
    last_error: str | None = field(default=None, init=False)
    _pending: list[_PendingWrite] = field(default_factory=list, init=False)
    _current: Step | None = field(default=None, init=False)
    _recorded: set[int] = field(default_factory=set, init=False)  # rep steps written
    _first_index: int = field(default=0, init=False)
    _last_position: Position | None = field(default=None, init=False)
    _started: bool = field(default=False, init=False)
    _status_listeners: list[Callable[[], None]] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        check_pain(self.pain_before)
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

    def set_pain_where_before(self, where: PainLocation | None) -> None:
        """Given on the ready screen: kept until the session row exists."""
        if not self._started:
            self.pain_where_before = where
            return
        self._write("pain place before", lambda s: s.set_pain_where_before(self._id(), where))

    def set_pain_where_after(self, where: PainLocation | None) -> None:
        self._write("pain place after", lambda s: s.set_pain_where_after(self._id(), where))

    def set_notes(self, notes: str) -> None:
        self._write("notes", lambda s: s.set_notes(self._id(), notes))

    def report_stop(self, reason: StopReason, note: str = "") -> None:
        """ "Stop – it hurts": kept with the exercise in progress (end the player too)."""
        step = self._current
        exercise_index = step.exercise_index if step is not None else None
        name = step.exercise.name if step is not None else ""
        report = StopReport(reason, exercise_index, name, self.now_wall(), note)
        self._write("stop report", lambda s: s.record_stop(self._id(), report))

    def report_stop_at(
        self, reason: StopReason, exercise_index: int | None, words: str, note: str = ""
    ) -> None:
        """ "Stop – it hurts" kept with `exercise_index` and worded `words`, where
        the exercise in progress is not where it belongs: in a get-ready, the
        exercise just finished, "after Knee to chest, before Tilts"
        (`core/stop_place.py`)."""
        report = StopReport(reason, exercise_index, words, self.now_wall(), note)
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
            case RepPartial():
                self._recorded.add(event.step.index)
                self._queue_rep(event.step, Outcome.PARTIAL, event.held_seconds)
            case ExerciseCompleted():
                self._on_exercise(event.exercise_index, Outcome.DONE, event.active_seconds)
            case ExercisePartial():
                self._on_exercise(event.exercise_index, Outcome.PARTIAL, event.active_seconds)
            case ExerciseSkipped():
                self._on_exercise(event.exercise_index, Outcome.SKIPPED, 0.0)
            case SessionFinished():
                self._end(self._finished_status(event), event.active_seconds)
            case SessionEndedEarly():
                self._end(SessionStatus.ENDED_EARLY, event.active_seconds)
        # Every event (one a second while a countdown runs) is a chance to retry.
        if self._pending:
            self._drain()

    def _on_started(self, event: SessionStarted) -> None:
        self._started = True
        self._first_index = event.step.index
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
        if self.pain_where_before is not None:  # a column of its own, after the row
            where = self.pain_where_before
            self._queue("pain place before", lambda s: s.set_pain_where_before(self._id(), where))
        self._enter(event.step, 0.0)

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
        self._enter(event.step, event.active_seconds)

    def _enter(self, step: Step, run_active: float) -> None:
        """`step` starts, `run_active` seconds into this run."""
        self._current = step
        position = Position.of(step)
        if position == self._last_position:  # e.g. SessionStarted then StepStarted
            return
        self._last_position = position
        active = self.resumed_active_seconds + run_active
        self._queue(
            "position",
            lambda s: s.set_position(self._id(), position, active),
            replaces_last_position=True,
        )

    def _on_exercise(self, index: int, outcome: Outcome, seconds: float) -> None:
        # Its reps not reported in this run are skipped; reps before the point a
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
            f"exercise {outcome}",
            lambda s: s.record_exercise(self._id(), index, outcome, seconds),
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

    def _finished_status(self, event: SessionFinished) -> SessionStatus:
        # This run's figures cover the exercises from the one it started in; a
        # resumed session's earlier ones are the earlier run's (its history rows),
        # never more of them than came before this run's first (none counted twice).
        figures = event.figures
        earlier = self.plan.steps[self._first_index].exercise_index
        done_before = min(self.resumed_exercises_done, earlier)
        partial_before = min(self.resumed_exercises_partial, earlier - done_before)
        return finished_status(
            done_before + figures.exercises_done,
            partial_before + figures.exercises_partial,
            len(self.plan.routine.exercises),
        )

    def _end(self, status: SessionStatus, player_active: float) -> None:
        ended = self.now_wall()
        total = self.resumed_active_seconds + player_active
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

    def _begin(self, store: HistoryWriter, new: NewSession) -> None:
        self.session_id = store.begin_session(new)

    def _id(self) -> int:
        if self.session_id is None:  # writes run in order: the start came first
            raise HistoryError("the session has not been started")
        return self.session_id

    def _queue(
        self,
        what: str,
        apply: Callable[[HistoryWriter], None],
        *,
        replaces_last_position: bool = False,
    ) -> None:
        # While the store is down, only the newest position matters: keep one.
        if replaces_last_position and self._pending and self._pending[-1].is_position:
            self._pending[-1] = _PendingWrite(what, apply, is_position=True)
            return
        self._pending.append(_PendingWrite(what, apply, is_position=replaces_last_position))

    def _write(self, what: str, apply: Callable[[HistoryWriter], None]) -> None:
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
