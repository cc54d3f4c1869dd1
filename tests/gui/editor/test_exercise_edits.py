"""The edit rules of one exercise, on the real bundled library."""

from __future__ import annotations

import pytest

from timer_app.core.routine import Dosing
from timer_app.core.validation.checks import LibraryExercise
from timer_app.gui.editor.exercise_edits import (
    made_own,
    with_field,
    with_timing,
    without_override,
)
from timer_app.storage.routines.catalog import load_catalog


@pytest.fixture(scope="module")
def library() -> dict[str, LibraryExercise]:
    return load_catalog().library


def test_a_value_equal_to_the_library_or_the_default_is_left_out(
    library: dict[str, LibraryExercise],
) -> None:
    knee = {"use": "knee-to-chest"}  # 3 reps, alternate, hold 30 s, rest 5 s
    assert with_field(knee, "reps", 4, library) == {"use": "knee-to-chest", "reps": 4}
    assert with_field(knee, "reps", 3, library) == knee
    assert with_field(knee, "rest", "5 s", library) == knee
    assert with_field(knee, "sets", 1, library) == knee  # the format's default
    own = {"name": "Tilt", "reps": 15}
    assert with_field(own, "sets", 2, library) == {**own, "sets": 2}
    assert with_field({**own, "sets": 2}, "sets", 1, library) == own
    assert with_field(own, "note", "  ", library) == own  # empty: not written


def test_timing_equal_to_the_librarys_is_no_override(library: dict[str, LibraryExercise]) -> None:
    knee = {"use": "knee-to-chest"}
    assert with_timing(knee, Dosing.HOLD, 20, library) == {"use": "knee-to-chest", "hold": "20 s"}
    assert with_timing({**knee, "hold": "20 s"}, Dosing.HOLD, 30, library) == knee
    walk = with_timing(knee, Dosing.DURATION, 300, library)
    assert walk == {"use": "knee-to-chest", "duration": "5 min"}


def test_counted_reps_of_a_held_library_exercise_make_it_the_routines_own(
    library: dict[str, LibraryExercise],
) -> None:
    counted = with_timing({"use": "knee-to-chest"}, Dosing.COUNTED, None, library)
    assert "use" not in counted and "hold" not in counted
    assert counted["name"] == "Knee-to-chest stretch"


def test_use_the_librarys_and_make_it_my_own(library: dict[str, LibraryExercise]) -> None:
    changed = {"use": "piriformis", "hold": "20 s", "reps": 2}
    assert without_override(changed, "timing") == {"use": "piriformis", "reps": 2}
    assert without_override(changed, "reps") == {"use": "piriformis", "hold": "20 s"}
    own = made_own(changed, library["piriformis"])
    assert "use" not in own
    assert (own["name"], own["hold"], own["reps"]) == ("Piriformis stretch", "20 s", 2)
