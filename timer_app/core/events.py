"""What the session player reports. The GUI, the cues and the history store listen.

Events are plain frozen dataclasses; listeners are `Callable[[Event], None]`,
called by an `EventQueue` in the order the events happened.
`at` is the monotonic time the event refers to (for a stall, the time it
really happened, not the time the late tick noticed it).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from timer_app.core.plan import Step
from timer_app.core.routine import Side
from timer_app.core.session_figures import SessionFigures

_log = logging.getLogger(__name__)


class PauseReason(StrEnum):
    USER = "user"
    SUSPEND = "suspend"  # the machine slept: the interrupted step restarts


@dataclass(frozen=True)
class SessionStarted:
    at: float
    step: Step


@dataclass(frozen=True)
class StepStarted:
    at: float
    step: Step
    active_seconds: float = 0.0  # the run's active seconds so far, pauses excluded


@dataclass(frozen=True)
class SecondElapsed:
    """A countdown reached a new whole second (remaining, rounded up)."""

    at: float
    step: Step
    seconds_left: int

    @property
    def is_final_three(self) -> bool:
        return 1 <= self.seconds_left <= 3


@dataclass(frozen=True)
class HalfwayThrough:
    """Halfway through a hold of 20 s or more."""

    at: float
    step: Step


@dataclass(frozen=True)
class RepCompleted:
    at: float
    step: Step
    exercise_index: int
    set_number: int
    rep_number: int
    side: Side | None
    held_seconds: float  # the hold (or paced rep) actually done; 0 for counted reps


@dataclass(frozen=True)
class RepPartial:
    """A timed rep (hold, paced rep) or an activity left part-way by skip, back,
    "Stop – it hurts" or end: not done, but `held_seconds` were (pauses excluded).
    A rep held less than a second is just skipped (nothing reported)."""

    at: float
    step: Step
    exercise_index: int
    set_number: int
    rep_number: int
    side: Side | None
    held_seconds: float


@dataclass(frozen=True)
class ExerciseCompleted:
    """An exercise's last step was left with every planned rep (all sets, all
    sides), or its activity, done."""

    at: float
    exercise_index: int
    active_seconds: float  # seconds of this exercise's steps, pauses excluded
    reps_done: int = 0
    reps_planned: int = 0


@dataclass(frozen=True)
class ExercisePartial:
    """An exercise left with some, not all, of it done ("4 of 6 holds")."""

    at: float
    exercise_index: int
    active_seconds: float
    reps_done: int
    reps_planned: int


@dataclass(frozen=True)
class ExerciseSkipped:
    """Skipped as a whole (`skip_exercise`, "Stop – it hurts") or step by step."""

    at: float
    exercise_index: int


@dataclass(frozen=True)
class SessionPaused:
    at: float
    step: Step
    reason: PauseReason


@dataclass(frozen=True)
class SessionResumed:
    at: float
    step: Step


class _SessionOver:
    """What both end events say: the facts of how it went (`figures`), so no
    listener (the summary, the closing words, the history) counts for itself.
    The figures cover this run: a resumed session's earlier run is in history."""

    figures: SessionFigures

    @property
    def active_seconds(self) -> float:
        return self.figures.active_seconds

    @property
    def exercises_done(self) -> int:
        return self.figures.exercises_done

    @property
    def stopped(self) -> bool:
        """ "Stop – it hurts" was reported during this run."""
        return self.figures.stops > 0

    @property
    def nothing_done(self) -> bool:
        return self.figures.nothing_done


@dataclass(frozen=True)
class SessionFinished(_SessionOver):
    """The last step ended."""

    at: float
    figures: SessionFigures


@dataclass(frozen=True)
class SessionEndedEarly(_SessionOver):
    """Ended before the last step (`end`); `step` is where it was."""

    at: float
    step: Step
    figures: SessionFigures


Event = (
    SessionStarted
    | StepStarted
    | SecondElapsed
    | HalfwayThrough
    | RepCompleted
    | RepPartial
    | ExerciseCompleted
    | ExercisePartial
    | ExerciseSkipped
    | SessionPaused
    | SessionResumed
    | SessionFinished
    | SessionEndedEarly
)


Listener = Callable[[Event], None]


class EventQueue:
    """Delivers events to listeners in the order they happened.

    The player queues events while it changes state and delivers them once it is
    consistent again (`deliver`). A listener that calls a player command only
    appends to the queue, so every listener still sees every event in order. A
    failing listener (a widget bug) is logged and the others still hear the event:
    the history store must never miss a rep because the display broke.
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._pending: deque[Event] = deque()
        self._delivering = False

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def put(self, event: Event) -> None:
        self._pending.append(event)

    def deliver(self) -> None:
        if self._delivering:
            return  # the outer delivery loop will reach what was just put
        self._delivering = True
        try:
            while self._pending:
                event = self._pending.popleft()
                for listener in tuple(self._listeners):
                    try:
                        listener(event)
                    except Exception:
                        _log.exception("session listener failed on %s", event)
        finally:
            self._delivering = False
