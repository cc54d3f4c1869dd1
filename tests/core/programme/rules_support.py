"""A small programme like the issue's, and sessions on explicit dates, for the rules' tests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from timer_app.core.programme.model import (
    Advance,
    AdvanceWhen,
    Enrolment,
    Programme,
    Stage,
)
from timer_app.core.programme.rules import ProgrammeSession
from timer_app.core.routine import Frequency

START = date(2026, 3, 2)  # a Monday


def programme(advance: Advance = Advance.SUGGEST, **when: object) -> Programme:
    """Learn proper form (weeks 1-2, 2x/day), Increase hold times (3-4, 2x/day),
    Add strengthening (5-8, 3x/week), Build endurance (9+)."""
    return Programme(
        id="eight",
        title="Sciatica – 8 weeks",
        stages=(
            Stage(
                "Learn proper form",
                1,
                2,
                ("gentle",),
                Frequency(2, "day"),
                "Less morning stiffness",
            ),
            Stage("Increase hold times", 3, 4, ("core",), Frequency(2, "day"), "Walk 15 minutes"),
            Stage("Add strengthening", 5, 8, ("strong",), Frequency(3, "week"), None),
            Stage("Build endurance", 9, None, ("strong",), None, None),
        ),
        advance=advance,
        advance_when=replace(AdvanceWhen(), **when),  # type: ignore[arg-type]
    )


def enrolment(stage: int = 0, stage_started: date = START, **kw: object) -> Enrolment:
    return Enrolment("eight", START, stage, stage_started, **kw)  # type: ignore[arg-type]


def days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(count)]


def sessions_on(
    dates: Iterable[date], routine: str = "gentle", times: int = 1, **kw: object
) -> list[ProgrammeSession]:
    made = []
    for day in dates:
        for _ in range(times):
            made.append(
                ProgrammeSession(
                    day,
                    routine,
                    kw.get("completed", True),
                    **{  # type: ignore[arg-type]
                        k: v for k, v in kw.items() if k != "completed"
                    },
                )
            )
    return made
