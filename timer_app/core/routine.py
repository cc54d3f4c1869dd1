"""The routine model: what a therapist prescribes, already validated.

Values are plain, immutable and in seconds; `validation/checks.py` builds them from the
data a loader read, and the plan (`plan.py`) turns them into a timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from timer_app.core.pain_location import DEFAULT_PAIN_ADVICE_RISE

FORMAT_VERSION = 1
DEFAULT_LEAD_IN = 5.0
DEFAULT_HOLD_REST = 5.0
DEFAULT_SET_REST = 30.0
MAX_SETS = 20
MAX_REPS = 100
MIN_DURATION = 1.0
MAX_DURATION = 3600.0


class Sides(StrEnum):
    """How an exercise's reps are spread over the body's sides."""

    NONE = "none"
    ALTERNATE = "alternate"  # left, right, left, right ...
    EACH = "each"  # all reps on the left, then all on the right
    LEFT = "left"
    RIGHT = "right"


class Side(StrEnum):
    """The side one rep is done on."""

    LEFT = "left"
    RIGHT = "right"


class Dosing(StrEnum):
    """How each rep is timed."""

    HOLD = "hold"  # each rep held for `hold` seconds
    TEMPO = "tempo"  # each paced rep takes `tempo` seconds
    COUNTED = "counted"  # the person confirms each rep
    DURATION = "duration"  # one timed activity, such as a walk


class Precaution(StrEnum):
    """When the patient should ask their therapist first (`core/precautions.py` words it)."""

    PREGNANCY = "pregnancy"
    STENOSIS = "stenosis"


class Source(StrEnum):
    """Where a routine was found; later sources override earlier ones by id."""

    BUNDLED = "bundled"
    CLINIC = "clinic"
    USER = "user"


@dataclass(frozen=True)
class Frequency:
    """How often the routine is prescribed: `times` per `period` ("day" or "week")."""

    times: int
    period: str

    def __str__(self) -> str:
        return f"{self.times}x/{self.period}"

    @property
    def per_week(self) -> int:
        return self.times * 7 if self.period == "day" else self.times


@dataclass(frozen=True)
class Exercise:
    name: str
    dosing: Dosing
    sides: Sides = Sides.NONE
    sets: int = 1
    reps: int = 1
    hold: float | None = None
    tempo: float | None = None
    duration: float | None = None
    rest: float = 0.0
    set_rest: float = DEFAULT_SET_REST
    instructions: tuple[str, ...] = ()
    image: str | None = None
    cautions: tuple[str, ...] = ()
    note: str | None = None
    library_id: str | None = None
    # Its own get-ready before the first rep (a change of position, floor to
    # chair, needs longer); None: the routine's lead_in.
    lead_in: float | None = None
    precautions: tuple[Precaution, ...] = ()

    @property
    def sides_sequence(self) -> tuple[Side | None, ...]:
        """The sides of the reps in one set, in order; `None` for no side."""
        if self.sides is Sides.ALTERNATE:
            return tuple(s for _ in range(self.reps) for s in (Side.LEFT, Side.RIGHT))
        if self.sides is Sides.EACH:
            return (Side.LEFT,) * self.reps + (Side.RIGHT,) * self.reps
        if self.sides is Sides.LEFT:
            return (Side.LEFT,) * self.reps
        if self.sides is Sides.RIGHT:
            return (Side.RIGHT,) * self.reps
        return (None,) * self.reps

    @property
    def total_reps(self) -> int:
        """Reps over all sets and sides; a timed activity has none."""
        if self.dosing is Dosing.DURATION:
            return 0
        return self.sets * len(self.sides_sequence)


@dataclass(frozen=True)
class Routine:
    id: str
    title: str
    exercises: tuple[Exercise, ...]
    format: int = FORMAT_VERSION
    description: str | None = None
    author: str | None = None
    # How the patient reaches the author (a phone number, an email): shown with the author.
    contact: str | None = None
    frequency: Frequency | None = None
    lead_in: float = DEFAULT_LEAD_IN
    safety: tuple[str, ...] = ()
    precautions: tuple[Precaution, ...] = ()  # the routine's own; see all_precautions
    # After a session, pain up by this many points (0–10 scale) or more asks the
    # patient to ease off (core/pain_location.py); the therapist may set it.
    pain_advice_rise: int = DEFAULT_PAIN_ADVICE_RISE
    # `replaces: week-2`: the ids of the routines this revised one takes the place
    # of; their sessions count as this routine's (core/routine_aliases.py).
    replaces: tuple[str, ...] = ()
    # `remind_at: ["08:00", "18:30"]`: reminder times the routine suggests (local
    # wall-clock times); the patient's own times in Settings win over them.
    remind_at: tuple[time, ...] = ()
    # Where it came from: filled by the loader, not by the file's author.
    source: Source = Source.BUNDLED
    source_path: str | None = None
    content_hash: str = ""

    @property
    def all_precautions(self) -> tuple[Precaution, ...]:
        """The routine's precautions and its exercises', each once."""
        found = [*self.precautions, *(p for e in self.exercises for p in e.precautions)]
        return tuple(dict.fromkeys(found))
