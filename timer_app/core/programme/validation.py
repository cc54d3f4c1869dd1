"""Turn the plain data a loader read into a `Programme`, reporting every problem.

The routine validator's style ("Located errors" in docs/design.md): never stop at
the first problem, locate each by its path (keys and list indexes) so the loader
can say FILE:LINE:COL, a did-you-mean for an unknown field, plain words. This
module checks the programme's own fields (advancing, flare-ups); the stages are
checked in `stage_checks.py`.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from typing import Any

from timer_app.core.history import PAIN_MAX, PAIN_MIN
from timer_app.core.programme.model import (
    Advance,
    AdvanceWhen,
    FlareUp,
    Programme,
)
from timer_app.core.programme.stage_checks import MAX_STAGES, STAGE_FIELDS, StageChecker
from timer_app.core.validation.checks import ROUTINE_FIELDS
from timer_app.core.validation.messages import PathKey, RoutineProblem, kind, shown

__all__ = [
    "ADVANCE_WHEN_FIELDS",
    "FLARE_UP_FIELDS",
    "MAX_STAGES",
    "PROGRAMME_FIELDS",
    "STAGE_FIELDS",
    "is_programme_data",
    "validate_programme",
]

PROGRAMME_FIELDS = (
    "title",
    "id",
    "description",
    "stages",
    "advance",
    "advance_when",
    "flare_up",
    "current_stage",
)
ADVANCE_WHEN_FIELDS = ("sessions_done", "pain_after_max", "no_stops_for_spread")
FLARE_UP_FIELDS = ("routine", "days")
MAX_FLARE_UP_DAYS = 28


def is_programme_data(data: Any) -> bool:
    """Whether a file's data is a programme: its top level has `stages:`."""
    return isinstance(data, dict) and "stages" in data


def validate_programme(
    data: Any, *, default_id: str | None, routine_ids: Collection[str] | None = None
) -> tuple[Programme | None, list[RoutineProblem]]:
    """The programme, or None with at least one problem.

    `routine_ids`: the routines there are; a stage naming another is a problem.
    None (the catalog's loading) leaves that to `changes.missing_routines`. A
    mapping of them (id -> `Routine`) also has each stage's changes applied to
    its routines and checked against the format's limits (`stage_checks`).
    """
    checker = _Checker(routine_ids)
    programme = checker.programme(data, default_id)
    return (programme if not checker.problems else None), checker.problems


class _Checker(StageChecker):
    """The programme's own fields; its stages are `StageChecker`'s."""

    def programme(self, data: Any, default_id: str | None) -> Programme | None:
        if not isinstance(data, dict):
            self.add(
                (),
                f"a programme file must hold fields such as title: and stages:, not {kind(data)}",
                "start the file with a line such as: title: Sciatica – 8 weeks",
            )
            return None
        self.unknown_fields(
            data, (), PROGRAMME_FIELDS, ROUTINE_FIELDS, "belongs to a routine, not a programme"
        )
        programme_id = self.identifier(data, default_id, "programme")
        title = self.text(data, (), "title", required=True)
        description = self.text(data, (), "description")
        stages = self.stages(data)
        advance = self.advance(data)
        advance_when = self.advance_when(data)
        flare_up = self.flare_up(data)
        written = data.get("stages")  # as written: a bad stage still has its number
        current_stage = self.current_stage(data, len(written) if isinstance(written, list) else 0)
        if self.problems or programme_id is None or title is None:
            return None
        return Programme(
            id=programme_id,
            title=title,
            stages=stages,
            advance=advance,
            advance_when=advance_when,
            flare_up=flare_up,
            description=description,
            current_stage=current_stage,
        )

    def current_stage(self, data: dict[str, Any], stage_count: int) -> int | None:
        """`current_stage: 2`: the stage (1-based) the therapist wants the patient on."""
        if "current_stage" not in data:
            return None
        value = data["current_stage"]
        high = max(stage_count, 1)
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= high:
            return value - 1
        if stage_count == 0 and isinstance(value, int) and not isinstance(value, bool):
            return None  # the stages' own problem is said; a range from nothing would mislead
        self.add(
            ("current_stage",),
            f"current_stage must be a stage's number, from 1 to {high}, not {shown(value)}",
            "stages are counted from the top of the list: the first is 1",
        )
        return None

    # -- advancing and flare-ups -------------------------------------------------

    def advance(self, data: dict[str, Any]) -> Advance:
        value = data.get("advance", Advance.SUGGEST.value)
        choices = [a.value for a in Advance]
        if isinstance(value, str) and value.strip().lower() in choices:
            return Advance(value.strip().lower())
        close = difflib.get_close_matches(str(value).lower(), choices, n=1, cutoff=0.5)
        self.add(
            ("advance",),
            f"advance must be suggest or therapist, not {shown(value)}",
            f"did you mean '{close[0]}'?"
            if close
            else "suggest: the app suggests the next stage; therapist: only a new file moves it",
        )
        return Advance.SUGGEST

    def advance_when(self, data: dict[str, Any]) -> AdvanceWhen:
        value = data.get("advance_when")
        if value is None:
            return AdvanceWhen()
        where: PathKey = ("advance_when",)
        if not isinstance(value, dict):
            self.add(
                where,
                f"advance_when must be a group of fields, not {kind(value)}",
                "for example: advance_when: {sessions_done: 80%, pain_after_max: 4}",
            )
            return AdvanceWhen()
        self.unknown_fields(value, where, ADVANCE_WHEN_FIELDS, (), "")
        done = self.fraction(value, where)
        pain = self.whole(value, where, "pain_after_max", PAIN_MIN, PAIN_MAX)
        spread = value.get("no_stops_for_spread", False)
        if not isinstance(spread, bool):
            self.add(
                (*where, "no_stops_for_spread"),
                f"no_stops_for_spread must be true or false, not {shown(spread)}",
            )
            spread = False
        return AdvanceWhen(
            sessions_done=AdvanceWhen().sessions_done if done is None else done,
            pain_after_max=pain,
            no_stops_for_spread=spread,
        )

    def fraction(self, data: dict[str, Any], path: PathKey) -> float | None:
        """`sessions_done: 80%` (or 0.8): the share of the stage's sessions done."""
        if "sessions_done" not in data:
            return None
        value = data["sessions_done"]
        number: float | None = None
        if isinstance(value, str) and value.strip().endswith("%"):
            try:
                number = float(value.strip()[:-1]) / 100
            except ValueError:
                number = None
        elif isinstance(value, int | float) and not isinstance(value, bool) and value <= 1:
            number = float(value)
        if number is None or not 0 < number <= 1:  # nan fails this too
            self.add(
                (*path, "sessions_done"),
                f"sessions_done must be a percentage from 1% to 100%, not {shown(value)}",
                "for example: sessions_done: 80%",
            )
            return None
        return number

    def flare_up(self, data: dict[str, Any]) -> FlareUp:
        value = data.get("flare_up")
        if value is None:
            return FlareUp()
        where: PathKey = ("flare_up",)
        if not isinstance(value, dict):
            self.add(
                where,
                f"flare_up must be a group of fields, not {kind(value)}",
                "for example: flare_up: {routine: gentle-start, days: 3}",
            )
            return FlareUp()
        self.unknown_fields(value, where, FLARE_UP_FIELDS, (), "")
        routine = value.get("routine")
        if routine is not None and not self.routine_id(routine, (*where, "routine"), "routine"):
            routine = None
        days = self.whole(value, where, "days", 1, MAX_FLARE_UP_DAYS)
        return FlareUp(routine_id=routine, days=FlareUp().days if days is None else days)
