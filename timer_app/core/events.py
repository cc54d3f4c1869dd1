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
class ExerciseCompleted:
    """An exercise's last step was left with at least one rep (or its activity)
    done. An exercise whose every rep was skipped is an `ExerciseSkipped`."""

    at: float
    exercise_index: int
    active_seconds: float  # seconds of this exercise's steps, pauses excluded


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


@dataclass(frozen=True)
class SessionFinished:
    """The last step ended. The facts say how it went, so a listener (the closing
    words, the history status) need not count for itself."""

    at: float
    active_seconds: float
    exercises_done: int  # by this run (a resumed session's earlier run not included)
    stopped: bool = False  # "Stop – it hurts" was reported during this run

    @property
    def nothing_done(self) -> bool:
        return self.exercises_done == 0


@dataclass(frozen=True)
class SessionEndedEarly:
    at: float
    step: Step
    active_seconds: float


Event = (
    SessionStarted
    | StepStarted
    | SecondElapsed
    | HalfwayThrough
    | RepCompleted
    | ExerciseCompleted
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
