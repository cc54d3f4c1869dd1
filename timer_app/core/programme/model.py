"""The programme model: stages over weeks, each with its routines and dose changes.

A programme (issue 16) is what a therapist plans over several weeks; an enrolment
is one patient's place in it. Values are plain and immutable; `validation.py`
builds them from the data a loader read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from timer_app.core.routine import Frequency, Source


class Advance(StrEnum):
    """Who moves the patient on to the next stage."""

    SUGGEST = "suggest"  # the app suggests it when the stage's conditions are met
    THERAPIST = "therapist"  # the app only says to ask the therapist


class ChangeOp(StrEnum):
    """How a stage changes one dose field of its routines' exercises."""

    ADD = "add"
    SUBTRACT = "subtract"
    REPLACE = "replace"


@dataclass(frozen=True)
class DoseChange:
    field: str  # "hold" | "reps" | "sets" | "duration"
    op: ChangeOp
    amount: float  # seconds for hold/duration


@dataclass(frozen=True)
class Stage:
    name: str
    first_week: int
    last_week: int | None  # None: open-ended ("9+")
    routines: tuple[str, ...]
    frequency: Frequency | None
    marker: str | None
    changes: tuple[DoseChange, ...] = ()

    @property
    def weeks(self) -> int | None:
        """How many weeks the stage lasts; None for an open-ended last stage."""
        if self.last_week is None:
            return None
        return self.last_week - self.first_week + 1


@dataclass(frozen=True)
class AdvanceWhen:
    sessions_done: float = 0.8  # fraction of the sessions due in the stage
    pain_after_max: int | None = None
    no_stops_for_spread: bool = False


@dataclass(frozen=True)
class FlareUp:
    routine_id: str | None = None
    days: int = 3


@dataclass(frozen=True)
class Programme:
    id: str
    title: str
    stages: tuple[Stage, ...]
    advance: Advance = Advance.SUGGEST
    advance_when: AdvanceWhen = field(default_factory=AdvanceWhen)
    flare_up: FlareUp = field(default_factory=FlareUp)
    description: str | None = None
    # The file's `current_stage:` (1-based there), as a stage index: where a new
    # start begins and, with `advance: therapist`, the stage the therapist moves
    # the patient to with a new file (`therapist_file.py`). None: not named.
    current_stage: int | None = None
    # Where it came from: filled by the loader, not by the file's author.
    source: Source = Source.BUNDLED
    source_path: str | None = None

    @property
    def total_weeks(self) -> int | None:
        """The planned length in weeks; None when the last stage is open-ended."""
        if not self.stages:
            return 0
        return self.stages[-1].last_week


@dataclass(frozen=True)
class Enrolment:
    """The patient's own place in a programme (stored by P2)."""

    programme_id: str
    started_on: date
    stage_index: int
    stage_started_on: date
    flare_up_until: date | None = None  # last day of a flare-up, inclusive
    # The stage index the therapist's file named when it was last followed (None:
    # never named one): a file is followed once, so going back a stage on bad
    # mornings is not undone by the same file read again.
    file_stage: int | None = None
