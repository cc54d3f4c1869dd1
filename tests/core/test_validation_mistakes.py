"""The dose mistakes therapists really make get a message that says what to write."""

from __future__ import annotations

from typing import Any

import pytest

from timer_app.core.routine import Frequency
from timer_app.core.validation.checks import RoutineProblem, validate_routine


def _routine(**exercise: Any) -> dict[str, Any]:
    return {
        "title": "Week 3",
        "exercises": [{"name": "Pelvic tilt", "reps": 15}, {"name": "Bridge", **exercise}],
    }


def _problems(data: dict[str, Any]) -> list[RoutineProblem]:
    routine, problems = validate_routine(data, default_id="week-3", library={})
    assert routine is None
    return problems


def test_reps_each_side_says_to_use_sides() -> None:
    (problem,) = _problems(_routine(reps="10 each side", hold="5 s"))
    assert problem.path == ("exercises", 1, "reps")
    assert "reps are per side" in problem.message
    assert problem.hint is not None and "reps: 10 and sides: each" in problem.hint


@pytest.mark.parametrize(
    ("field", "value", "example"),
    [
        ("reps", "8-12", "reps: 8"),
        ("reps", "8 to 12", "reps: 8"),
        ("hold", "30-45 s", "hold: 30 s"),
        ("hold", "30s-45s", "hold: 30 s"),
        ("duration", "1-2 min", "duration: 1 min"),
    ],
)
def test_ranges_are_named_as_ranges(field: str, value: str, example: str) -> None:
    (problem,) = _problems(_routine(**{field: value}))
    assert problem.path == ("exercises", 1, field)
    assert problem.message == f"ranges such as '{value}' are not supported in {field}"
    assert problem.hint is not None and example in problem.hint


def test_sets_by_reps_says_to_split_them() -> None:
    (problem,) = _problems(_routine(sets="2x10", hold="5 s"))
    assert problem.path == ("exercises", 1, "sets")
    assert "sets and reps together" in problem.message
    assert problem.hint == "write sets: 2 and reps: 10 on two lines"


def test_other_words_still_get_the_plain_message() -> None:
    (problem,) = _problems(_routine(reps="ten"))
    assert problem.message == "reps must be a whole number such as 3, not 'ten'"


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("daily", Frequency(1, "day")),
        ("twice a day", Frequency(2, "day")),
        ("twice daily", Frequency(2, "day")),
        ("2x daily", Frequency(2, "day")),
        ("3x daily", Frequency(3, "day")),
        ("three times a day", Frequency(3, "day")),
        ("3 times per day", Frequency(3, "day")),
        ("weekly", Frequency(1, "week")),
        ("twice weekly", Frequency(2, "week")),
        ("3x/day", Frequency(3, "day")),
    ],
)
def test_clinical_frequencies_are_read_as_meant(said: str, meant: Frequency) -> None:
    data = {**_routine(reps=10), "frequency": said}
    routine, problems = validate_routine(data, default_id="week-3", library={})
    assert problems == [] and routine is not None
    assert routine.frequency == meant


def test_an_unknown_frequency_names_the_forms_accepted() -> None:
    (problem,) = _problems({**_routine(reps=10), "frequency": "now and then"})
    assert problem.path == ("frequency",)
    assert "daily, twice a day, 3x daily" in problem.message
