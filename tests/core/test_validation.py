"""Validation of plain routine data: defaults, the library, and every problem with its path."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timer_app.core.routine import Dosing, Frequency, Sides
from timer_app.core.validation.checks import (
    LibraryExercise,
    RoutineProblem,
    id_from_file_name,
    validate_library_exercise,
    validate_routine,
)


def _library() -> dict[str, LibraryExercise]:
    entry, problems = validate_library_exercise(
        {
            "id": "knee-to-chest",
            "name": "Knee to chest",
            "hold": "30 s",
            "sides": "alternate",
            "reps": 3,
            "note": "from the guide",
        },
        default_id=None,
    )
    assert entry is not None, problems
    return {entry.id: entry}


def _check(data: Any) -> list[RoutineProblem]:
    routine, problems = validate_routine(data, default_id="file-id", library=_library())
    assert (routine is None) == bool(problems)
    return problems


def test_defaults() -> None:
    routine, problems = validate_routine(
        {
            "title": "T",
            "exercises": [
                {"name": "A", "hold": 10},
                {"name": "B", "reps": 5},
                {"name": "W", "duration": "5 min"},
            ],
        },
        default_id="my-file",
        library={},
    )
    assert problems == [] and routine is not None
    assert routine.id == "my-file" and routine.lead_in == 5 and routine.format == 1
    held, counted, walk = routine.exercises
    assert (held.dosing, held.rest, held.set_rest, held.sets, held.reps) == (
        Dosing.HOLD,
        5,
        30,
        1,
        1,
    )
    assert (counted.dosing, counted.rest, counted.sides) == (Dosing.COUNTED, 0, Sides.NONE)
    assert (walk.dosing, walk.duration) == (Dosing.DURATION, 300)


def test_all_fields() -> None:
    routine, problems = validate_routine(
        {
            "title": " Morning ",
            "id": "morning",
            "format": 1,
            "description": "d",
            "author": "Dr. Ngo",
            "frequency": "3x/day",
            "lead_in": "10 s",
            "safety": "Stop if pain spreads down the leg.",
            "exercises": [
                {
                    "name": "Tilt",
                    "tempo": 4,
                    "reps": 15,
                    "sets": 2,
                    "rest": 2,
                    "set_rest": "1 min",
                    "instructions": ["Lie down", "Tilt"],
                    "cautions": "Breathe",
                    "note": "n",
                    "image": "tilt.png",
                    "sides": "Each",
                }
            ],
        },
        default_id="ignored",
        library={},
    )
    assert problems == [] and routine is not None
    assert (routine.id, routine.title, routine.author) == ("morning", "Morning", "Dr. Ngo")
    assert routine.frequency == Frequency(3, "day") and routine.lead_in == 10
    assert routine.safety == ("Stop if pain spreads down the leg.",)
    tilt = routine.exercises[0]
    assert (tilt.dosing, tilt.tempo, tilt.sets, tilt.rest, tilt.set_rest) == (
        Dosing.TEMPO,
        4,
        2,
        2,
        60,
    )
    assert tilt.sides is Sides.EACH and tilt.instructions == ("Lie down", "Tilt")
    assert tilt.cautions == ("Breathe",) and tilt.image == "tilt.png"


def test_library_exercise_with_overrides() -> None:
    routine, problems = validate_routine(
        {
            "title": "T",
            "exercises": [
                {"use": "knee-to-chest"},
                {"use": "knee-to-chest", "reps": 5, "name": "Mine"},
                {"use": "knee-to-chest", "tempo": 3},
                {"use": "knee-to-chest", "duration": 60},
            ],
        },
        default_id="t",
        library=_library(),
    )
    assert problems == [] and routine is not None
    plain, overridden, paced, timed = routine.exercises
    assert (plain.name, plain.hold, plain.reps, plain.sides) == (
        "Knee to chest",
        30,
        3,
        Sides.ALTERNATE,
    )
    assert plain.library_id == "knee-to-chest" and plain.note == "from the guide"
    assert (overridden.name, overridden.reps, overridden.hold) == ("Mine", 5, 30)
    # A new timing replaces the library's instead of conflicting with it.
    assert (paced.dosing, paced.hold, paced.tempo, paced.rest) == (Dosing.TEMPO, None, 3, 0)
    assert (timed.dosing, timed.duration, timed.reps) == (Dosing.DURATION, 60, 1)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"exercises": [{"name": "A"}]}, [((), "the routine has no title")]),
        ({"title": "  ", "exercises": [{"name": "A"}]}, [(("title",), "title is empty")]),
        ({"title": "T"}, [((), "the routine has no exercises")]),
        ({"title": "T", "exercises": []}, [(("exercises",), "exercises is empty")]),
        (
            {"title": "T", "exercises": {"a": 1}},
            [(("exercises",), "exercises must be a list, not a group of fields")],
        ),
        (
            {"title": 2024, "exercises": [{"name": "A"}]},
            [(("title",), "title must be text, not 2024")],
        ),
        (
            {"title": "T", "exercises": [{"reps": 3}]},
            [(("exercises", 0), "exercise 1 has no name")],
        ),
        (
            {"title": "T", "exercises": ["knee-to-chest"]},
            [(("exercises", 0), "exercise 1 must be a group of fields, not 'knee-to-chest'")],
        ),
        (
            {"title": "T", "exercises": [{"name": "A", "reps": "three"}]},
            [(("exercises", 0, "reps"), "reps must be a whole number such as 3, not 'three'")],
        ),
        (
            {"title": "T", "exercises": [{"name": "A", "reps": 3.5}]},
            [(("exercises", 0, "reps"), "reps must be a whole number such as 3, not 3.5")],
        ),
        (
            {"title": "T", "exercises": [{"name": "A", "reps": 101}]},
            [(("exercises", 0, "reps"), "reps must be between 1 and 100, not 101")],
        ),
        (
            {"title": "T", "exercises": [{"name": "A", "sets": -1}]},
            [(("exercises", 0, "sets"), "sets must be between 1 and 20, not -1")],
        ),
        (
            {"title": "T", "exercises": [{"name": "A", "rest": "yes"}]},
            [(("exercises", 0, "rest"), "rest is not a length of time: 'yes'")],
        ),
        (
            {"title": "T", "exercises": [{"name": "A", "hold": 0}]},
            [(("exercises", 0, "hold"), "hold must be at least 1 s (it is 0 s)")],
        ),
        (
            {"title": "T", "exercises": [{"name": "A", "hold": 30, "duration": 60}]},
            [(("exercises", 0, "duration"), "hold and duration can't be combined")],
        ),
        (
            {"title": "T", "exercises": [{"name": "A", "duration": 60, "reps": 3}]},
            [(("exercises", 0, "reps"), "reps has no effect on a timed activity (duration)")],
        ),
        (
            {"title": "T", "exercises": [{"name": "A", "sides": "both"}]},
            [
                (
                    ("exercises", 0, "sides"),
                    "sides must be one of none, alternate, each, left, right, not 'both'",
                )
            ],
        ),
        (
            {"title": "T", "exercises": [{"use": "knee-to-chst"}]},
            [(("exercises", 0, "use"), "there is no library exercise 'knee-to-chst'")],
        ),
        (
            {"title": "T", "format": 2, "whatever": 1},
            [
                (
                    ("format",),
                    "this routine was made for a newer version of Home Exercise Timer "
                    "(format 2; this version reads format 1)",
                )
            ],
        ),
        (
            {"title": "T", "format": "one", "exercises": [{"name": "A"}]},
            [(("format",), "format must be a whole number such as 1, not 'one'")],
        ),
        (
            {"title": "T", "id": "Knee To Chest", "exercises": [{"name": "A"}]},
            [
                (
                    ("id",),
                    "id must be lowercase letters, digits and hyphens (at most 64), "
                    "not 'Knee To Chest'",
                )
            ],
        ),
        (
            {"title": "T", "frequency": "often", "exercises": [{"name": "A"}]},
            [
                (
                    ("frequency",),
                    "frequency must be like 3x/day, 2x/week, daily, twice a day, 3x daily "
                    "or weekly, not 'often'",
                )
            ],
        ),
        (
            ["title", "T"],
            [((), "a routine file must hold fields such as title: and exercises:, not a list")],
        ),
        (
            {"title": "T", "exercises": [{"name": "A", "instructions": ["ok", 3]}]},
            [
                (
                    ("exercises", 0, "instructions", 1),
                    "each item of instructions must be text, not 3",
                )
            ],
        ),
    ],
)
def test_problems_name_the_field(data: Any, expected: list[tuple[tuple[Any, ...], str]]) -> None:
    assert [(p.path, p.message) for p in _check(data)] == expected


@pytest.mark.parametrize(
    ("key", "where", "hint"),
    [
        ("hlod", ("exercises", 0), "did you mean 'hold'?"),
        ("repetitions", ("exercises", 0), "did you mean 'reps'?"),
        ("titel", (), "did you mean 'title'?"),
        ("lead-in", (), "did you mean 'lead_in'?"),
        ("hold", (), "'hold' belongs to an exercise"),
    ],
)
def test_unknown_fields_get_a_did_you_mean(key: str, where: tuple[Any, ...], hint: str) -> None:
    data: dict[str, Any] = {"title": "T", "exercises": [{"name": "A"}]}
    target = data["exercises"][0] if where else data
    target[key] = 1
    problems = _check(data)
    assert [(p.path, p.message, p.hint) for p in problems] == [
        ((*where, key), f"unknown field '{key}'", hint)
    ]


def test_every_problem_is_reported_at_once() -> None:
    problems = _check(
        {"titel": "T", "exercises": [{"name": "A", "reps": 0, "hold": "x"}, {"use": "nope"}]}
    )
    assert len(problems) == 5


def test_unknown_use_with_nothing_close_points_to_the_list() -> None:
    (problem,) = _check({"title": "T", "exercises": [{"use": "zzzz"}]})
    assert problem.hint == "`timer-app list` shows the library's exercise ids"


@pytest.mark.parametrize(
    ("stem", "expected"),
    [("Knee To Chest", "knee-to-chest"), ("étirement_du  dos", "etirement-du-dos"), ("---", "")],
)
def test_id_from_file_name(stem: str, expected: str) -> None:
    assert id_from_file_name(stem) == expected


def test_yaml_1_1_words_stay_text_and_are_reported_not_guessed() -> None:
    # The loader keeps `no` as text; validation then refuses it instead of reading false.
    (problem,) = _check({"title": "T", "exercises": [{"name": "A", "sides": "no"}]})
    assert problem.hint == "did you mean 'none'?"


# -- property: any data gives a routine or problems, never an exception -------------

_scalars = st.one_of(
    st.text(max_size=12),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.sampled_from(["30 s", "1:30", "alternate", "knee-to-chest", "3x/day", "2 min"]),
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["name", "use", "hold", "reps", "sides", "title", "x"]),
            inner,
            max_size=3,
        )
    ),
    max_leaves=12,
)
_field_names = st.sampled_from(
    ["title", "id", "format", "frequency", "lead_in", "safety", "exercises", "titel", "hold"]
)
_exercise_like = st.dictionaries(
    st.sampled_from(
        [
            "name",
            "use",
            "hold",
            "tempo",
            "duration",
            "reps",
            "sets",
            "sides",
            "rest",
            "set_rest",
            "instructions",
            "cautions",
            "note",
            "image",
            "hlod",
        ]
    ),
    _values,
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        _values,
        st.dictionaries(_field_names, _values, max_size=6),
        st.fixed_dictionaries(
            {"title": _values, "exercises": st.lists(_exercise_like | _values, max_size=4)}
        ),
    )
)
def test_any_data_gives_a_routine_or_problems(data: Any) -> None:
    routine, problems = validate_routine(data, default_id="x", library=_library())
    assert (routine is None) == bool(problems)
    for problem in problems:
        assert problem.message and isinstance(problem.path, tuple)
