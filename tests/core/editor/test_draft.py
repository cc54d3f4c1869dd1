"""The editor's draft and its live check: what the therapist enters is what the file holds."""

from __future__ import annotations

from typing import Any

import pytest

from timer_app.core.editor.check import check_draft, problems_at
from timer_app.core.editor.draft import (
    RoutineDraft,
    dosing_of,
    id_from_title,
    seconds_of,
    seconds_value,
    with_dosing,
)
from timer_app.core.editor.limits import MAX_ID_LENGTH, MAX_REPS, MAX_SETS
from timer_app.core.routine import Dosing, Sides
from timer_app.core.validation.checks import LibraryExercise, validate_library_exercise


def _entry(data: dict[str, Any]) -> LibraryExercise:
    entry, problems = validate_library_exercise(data, default_id=None)
    assert entry is not None, problems
    return entry


LIBRARY = {
    e.id: e
    for e in (
        _entry(
            {
                "id": "knee-to-chest",
                "name": "Knee-to-chest stretch",
                "hold": "30 s",
                "sides": "alternate",
                "reps": 3,
            }
        ),
        _entry({"id": "walking", "name": "Walking", "duration": "5 min"}),
    )
}


def _draft() -> RoutineDraft:
    return RoutineDraft.from_mapping(
        {
            "title": "Morning stretches",
            "frequency": "2x/day",
            "safety": ["Stop if pain spreads down your leg."],
            "exercises": [
                {"use": "knee-to-chest"},
                {"name": "Pelvic tilt", "reps": 15, "tempo": "4 s"},
            ],
        }
    )


def test_a_new_draft_asks_for_a_title_and_an_exercise_at_those_fields() -> None:
    check = check_draft(RoutineDraft.empty(), LIBRARY)
    assert check.routine is None and not check.ok
    assert [p.message for p in problems_at(check, ("title",))] == ["title is empty"]
    assert problems_at(check, ("exercises",))
    assert problems_at(check, ("id",)), "no title, no id: said at the id field"


def test_a_complete_draft_is_the_routine_the_file_would_load_as() -> None:
    check = check_draft(_draft(), LIBRARY)
    assert check.ok and check.routine is not None
    assert check.routine.id == "morning-stretches"  # from the title, as the file name would
    first, second = check.routine.exercises
    assert (first.name, first.hold, first.sides) == ("Knee-to-chest stretch", 30.0, Sides.ALTERNATE)
    assert (second.dosing, second.tempo, second.reps) == (Dosing.TEMPO, 4.0, 15)


def test_each_problem_is_pinned_to_its_exercise_and_field() -> None:
    draft = _draft()
    draft.exercises[1]["reps"] = MAX_REPS + 1
    draft.exercises.append({"name": "", "hold": 10})
    check = check_draft(draft, LIBRARY)
    assert not check.ok
    assert [p.path for p in problems_at(check, ("exercises", 1))] == [("exercises", 1, "reps")]
    assert str(MAX_REPS) in problems_at(check, ("exercises", 1, "reps"))[0].message
    assert [p.path for p in problems_at(check, ("exercises", 2))] == [("exercises", 2, "name")]
    assert problems_at(check, ("exercises", 0)) == []


def test_to_mapping_leaves_empty_fields_and_blank_lines_out_in_the_formats_order() -> None:
    draft = RoutineDraft(
        fields={"description": "  ", "safety": ["One.", "", "  "], "title": "T", "author": None},
        exercises=[{"reps": 3, "name": "Curl", "note": "", "cautions": []}],
    )
    assert draft.to_mapping() == {
        "title": "T",
        "safety": ["One."],
        "exercises": [{"name": "Curl", "reps": 3}],
    }
    assert list(draft.to_mapping()) == ["title", "safety", "exercises"]


def test_copy_is_independent() -> None:
    draft = _draft()
    twin = draft.copy()
    twin.exercises[0]["reps"] = 5
    twin.fields["safety"].append("More.")
    assert "reps" not in draft.exercises[0]
    assert draft.fields["safety"] == ["Stop if pain spreads down your leg."]


def test_one_dosing_choice_removes_the_fields_that_would_conflict() -> None:
    tilt = {"name": "Pelvic tilt", "reps": 15, "sets": 2, "rest": 5, "sides": "each", "tempo": 4}
    held = with_dosing(tilt, Dosing.HOLD, 30)
    assert held == {"name": "Pelvic tilt", "sides": "each", "sets": 2, "reps": 15, "hold": "30 s",
                    "rest": 5}  # fmt: skip
    walk = with_dosing(held, Dosing.DURATION, 300)
    assert walk == {"name": "Pelvic tilt", "duration": "5 min"}
    counted = with_dosing(tilt, Dosing.COUNTED, None)
    assert "tempo" not in counted and dosing_of(counted) is Dosing.COUNTED
    # Each result is a valid exercise: the check has nothing to say about dosing.
    for exercise in (held, walk, counted):
        check = check_draft(RoutineDraft({"title": "T"}, [exercise]), LIBRARY)
        assert check.ok, check.problems


def test_dosing_of_a_library_exercise_is_the_librarys_until_overridden() -> None:
    assert dosing_of({"use": "knee-to-chest"}, LIBRARY) is Dosing.HOLD
    assert dosing_of({"use": "walking"}, LIBRARY) is Dosing.DURATION
    assert dosing_of({"use": "walking", "tempo": 3}, LIBRARY) is Dosing.TEMPO


def test_counted_reps_of_a_held_library_exercise_are_written_out_without_use() -> None:
    counted = with_dosing({"use": "knee-to-chest", "reps": 5}, Dosing.COUNTED, None, LIBRARY)
    assert "use" not in counted and "hold" not in counted
    assert counted["name"] == "Knee-to-chest stretch" and counted["reps"] == 5
    check = check_draft(RoutineDraft({"title": "T"}, [counted]), LIBRARY)
    assert check.routine is not None
    assert check.routine.exercises[0].dosing is Dosing.COUNTED


def test_a_new_timing_on_a_library_exercise_stays_an_override() -> None:
    walked = with_dosing({"use": "knee-to-chest"}, Dosing.DURATION, 120, LIBRARY)
    assert walked == {"use": "knee-to-chest", "duration": "2 min"}
    check = check_draft(RoutineDraft({"title": "T"}, [walked]), LIBRARY)
    assert check.routine is not None and check.routine.exercises[0].duration == 120


@pytest.mark.parametrize(
    ("seconds", "written"),
    [(45, "45 s"), (120, "2 min"), (90, "1 min 30 s"), (1.5, "1.5 s"), (90.5, 90.5), (0, "0 s")],
)
def test_an_edited_duration_is_written_as_people_write_it(
    seconds: float, written: str | float
) -> None:
    assert seconds_value(seconds) == written
    assert seconds_of(written) == seconds


def test_seconds_of_a_value_that_is_not_a_duration_is_none() -> None:
    assert seconds_of("thirty") is None
    assert seconds_of("") is None
    assert seconds_of("1:30") == 90


def test_id_from_title_is_unique_and_valid() -> None:
    assert id_from_title("Morning Stretches!", ()) == "morning-stretches"
    assert id_from_title("Morning stretches", {"morning-stretches"}) == "morning-stretches-2"
    taken = {"morning-stretches", "morning-stretches-2"}
    assert id_from_title("Morning stretches", taken) == "morning-stretches-3"
    assert id_from_title("???", ()) == "routine"
    long = id_from_title("x" * 100, {"x" * MAX_ID_LENGTH})
    assert len(long) <= MAX_ID_LENGTH and long.endswith("-2")


def test_the_limits_are_the_validators() -> None:
    draft = RoutineDraft({"title": "T"}, [{"name": "A", "sets": MAX_SETS, "reps": MAX_REPS}])
    assert check_draft(draft, LIBRARY).ok
    draft.exercises[0]["sets"] = MAX_SETS + 1
    assert problems_at(check_draft(draft, LIBRARY), ("exercises", 0, "sets"))


def test_author_and_contact_are_fields_of_the_format() -> None:
    draft = _draft()
    draft.fields.update(author="Dr. Ana Ngo", contact="01234 567890")
    check = check_draft(draft, LIBRARY)
    assert check.routine is not None
    assert (check.routine.author, check.routine.contact) == ("Dr. Ana Ngo", "01234 567890")
    draft.fields["contact"] = ["not", "text"]
    assert [p.path for p in check_draft(draft, LIBRARY).problems] == [("contact",)]
