"""One session's figures, the one rounding rule, and the columns that show them.

The summary after a session, the History page, `timer-app history` and both
exports (CSV, JSON) show the same figures of a session; they take them from here
so they cannot disagree:

- exercises done / partial / skipped: *done* only when every planned rep (all
  sets, all sides), or its timed activity, was done; *partial* when some of it
  was (some reps, or part of a hold); *skipped* when nothing was, including the
  exercises a session ended early never reached. done + partial + skipped is the
  number of exercises in the session.
- reps done of planned: reps done in full; a hold left part-way is not a rep done
  (its seconds held are kept with the rep).
- stops: how many times "Stop – it hurts" was reported.
- active time: seconds the session was running, pauses and sleeps excluded,
  shown in whole seconds by `whole_seconds` (nearest second, halves up) everywhere.

The player's end events carry a `SessionFigures` (`core/events.py`); a stored
session gives one through `figures_of`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "COLUMNS",
    "MIN_HELD",
    "Column",
    "SessionFigures",
    "column_values",
    "figures_of",
    "whole_seconds",
]


# Less than a second of a hold is not a hold begun: a rep left that soon (S
# pressed as the hold starts) is skipped, not partly held.
MIN_HELD = 1.0


def whole_seconds(seconds: float) -> int:
    """The one rounding rule for time already done: the nearest whole second,
    halves up (23.5 s -> 24 s). Never negative. (Countdowns round *up* instead, so
    0 shows exactly at the deadline; that is time still to go, not time done.)"""
    return max(0, math.floor(seconds + 0.5))


@dataclass(frozen=True)
class SessionFigures:
    """What one session (or one run of a resumed session) did."""

    exercises_done: int = 0
    exercises_partial: int = 0
    exercises_skipped: int = 0
    reps_done: int = 0
    reps_planned: int = 0
    stops: int = 0
    active_seconds: float = 0.0

    @property
    def exercises_total(self) -> int:
        return self.exercises_done + self.exercises_partial + self.exercises_skipped

    @property
    def nothing_done(self) -> bool:
        """No exercise done or even partly done: not a session done."""
        return self.exercises_done + self.exercises_partial == 0

    @property
    def all_done(self) -> bool:
        """Every planned exercise done in full, and no stop for pain: "Well done"."""
        return (
            self.exercises_total > 0
            and self.exercises_done == self.exercises_total
            and self.stops == 0
        )

    @property
    def active_whole_seconds(self) -> int:
        return whole_seconds(self.active_seconds)


class StoredSession(Protocol):
    """What `figures_of` reads (`core.history.SessionSummary` is one)."""

    @property
    def exercises_done(self) -> int: ...

    @property
    def exercises_partial(self) -> int: ...

    @property
    def exercises_total(self) -> int: ...

    @property
    def reps_done(self) -> int: ...

    @property
    def reps_total(self) -> int: ...

    @property
    def stops(self) -> tuple[object, ...]: ...

    @property
    def active_seconds(self) -> float: ...


def figures_of(session: StoredSession) -> SessionFigures:
    """A stored session's figures. An exercise never reached (a session ended
    early or interrupted) counts as skipped: nothing of it was done."""
    done, partial = session.exercises_done, session.exercises_partial
    return SessionFigures(
        exercises_done=done,
        exercises_partial=partial,
        exercises_skipped=max(0, session.exercises_total - done - partial),
        reps_done=session.reps_done,
        reps_planned=session.reps_total,
        stops=len(session.stops),
        active_seconds=session.active_seconds,
    )


@dataclass(frozen=True)
class Column:
    """A figure column of the exports: its name and what it means (README)."""

    name: str
    meaning: str


# The session's figure columns, in this order, in the CSV and the JSON export;
# the README's "History and export" section describes the same list.
COLUMNS: tuple[Column, ...] = (
    Column("active_seconds", "seconds exercised, pauses excluded, to the nearest second"),
    Column("exercises_done", "exercises with every planned rep (or the activity) done"),
    Column("exercises_partial", "exercises with some of it done"),
    Column("exercises_skipped", "exercises with nothing done, or never reached"),
    Column("exercises_total", "exercises in the routine"),
    Column("reps_done", "reps done in full (a hold left part-way is not one)"),
    Column("reps_total", "reps planned: all sets, all sides"),
)


def column_values(figures: SessionFigures) -> dict[str, int]:
    """`COLUMNS` of one session, as whole numbers."""
    return {
        "active_seconds": figures.active_whole_seconds,
        "exercises_done": figures.exercises_done,
        "exercises_partial": figures.exercises_partial,
        "exercises_skipped": figures.exercises_skipped,
        "exercises_total": figures.exercises_total,
        "reps_done": figures.reps_done,
        "reps_total": figures.reps_planned,
    }
