"""Routines, a fake clock and an event log shared by the player tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from timer_app.core import events as ev
from timer_app.core.clock import FakeClock
from timer_app.core.plan import build_plan
from timer_app.core.player import Position, SessionPlayer
from timer_app.core.routine import Dosing, Exercise, Routine, Sides

T = TypeVar("T")
START = 1000.0  # FakeClock's start


def routine(*exercises: Exercise, lead_in: float = 5.0) -> Routine:
    return Routine(id="test", title="Test", exercises=exercises, lead_in=lead_in)


def hold(reps: int = 2, hold: float = 5, rest: float = 2, **kw: Any) -> Exercise:
    return Exercise(f"hold {hold}", Dosing.HOLD, reps=reps, hold=hold, rest=rest, **kw)


def counted(reps: int = 2, rest: float = 0, **kw: Any) -> Exercise:
    return Exercise("counted", Dosing.COUNTED, reps=reps, rest=rest, **kw)


def paced(reps: int = 2, tempo: float = 3, rest: float = 0, **kw: Any) -> Exercise:
    return Exercise("paced", Dosing.TEMPO, reps=reps, tempo=tempo, rest=rest, **kw)


def activity(duration: float = 10) -> Exercise:
    return Exercise("walk", Dosing.DURATION, duration=duration)


ALTERNATE = Sides.ALTERNATE


@dataclass
class Log:
    events: list[ev.Event] = field(default_factory=list)

    def __call__(self, event: ev.Event) -> None:
        self.events.append(event)

    def of(self, kind: type[T]) -> list[T]:
        return [e for e in self.events if isinstance(e, kind)]

    def names(self) -> list[str]:
        return [type(e).__name__ for e in self.events]

    def take(self) -> list[ev.Event]:
        """The events since the last take."""
        taken, self.events = self.events, []
        return taken

    def starts(self) -> list[int]:
        """Indexes of the steps started, in order."""
        return [e.step.index for e in self.of(ev.StepStarted)]


@dataclass
class Session:
    player: SessionPlayer
    clock: FakeClock
    log: Log

    def at(self, seconds: float) -> None:
        """Move to `seconds` after the session's start and tick."""
        self.clock.advance(START + seconds - self.clock.now())
        self.player.tick()

    def run(self, seconds: float, step: float = 0.25) -> None:
        """Tick every `step` seconds for `seconds`, like the Qt ticker."""
        end = self.clock.now() + seconds
        while self.clock.now() + step <= end + 1e-9:
            self.clock.advance(step)
            self.player.tick()

    @property
    def elapsed(self) -> float:
        return self.clock.now() - START


def session(
    the_routine: Routine,
    *,
    start: bool = True,
    resume_from: Position | None = None,
    clock: FakeClock | None = None,
    **kw: Any,
) -> Session:
    # By default a clock that shows every sleep in wall() (Linux), so jumping the
    # clock between ticks is a stall; the sleep tests pass their own clocks.
    clock = clock or FakeClock(START, sleep_shows_in_wall=True)
    player = SessionPlayer(build_plan(the_routine), clock, resume_from=resume_from, **kw)
    log = Log()
    player.add_listener(log)
    if start:
        player.start()
    return Session(player, clock, log)
