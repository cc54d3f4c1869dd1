"""Validation of plain programme data: stages week by week, dose changes, every problem located."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timer_app.core.programme.model import (
    Advance,
    AdvanceWhen,
    ChangeOp,
    DoseChange,
    FlareUp,
    Programme,
)
from timer_app.core.programme.parse import MAX_WEEK, parse_change, parse_weeks
from timer_app.core.programme.validation import validate_programme
from timer_app.core.routine import MAX_DURATION, MAX_REPS, Frequency
from timer_app.core.validation.messages import RoutineProblem

ROUTINES = ("gentle-start", "core-routine", "strengthening", "walking-build-up")


def _data(**top: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Sciatica – 8 weeks",
        "stages": [
            {
                "name": "Learn proper form",
                "weeks": "1-2",
                "routines": ["gentle-start"],
                "frequency": "2x/day",
                "marker": "Less morning stiffness",
            },
            {
                "name": "Increase hold times",
                "weeks": "3-4",
                "routines": ["core-routine"],
                "change": {"hold": "+15 s"},
                "marker": "Walk 15 minutes comfortably",
            },
        ],
    }
    data.update(top)
    return data


def _problems(data: Any) -> list[RoutineProblem]:
    programme, problems = validate_programme(data, default_id="file-id", routine_ids=ROUTINES)
    assert (programme is None) == bool(problems)
    return problems


def _one(data: Any) -> RoutineProblem:
    problems = _problems(data)
    assert len(problems) == 1, problems
    return problems[0]


def test_the_issue_example_reads_as_written() -> None:
    data = _data(
        advance="suggest",
        advance_when={"sessions_done": "80%", "pain_after_max": 4, "no_stops_for_spread": True},
    )
    programme, problems = validate_programme(data, default_id="sciatica", routine_ids=ROUTINES)
    assert problems == []
    assert isinstance(programme, Programme)
    assert programme.id == "sciatica"
    assert programme.total_weeks == 4
    first, second = programme.stages
    assert (first.first_week, first.last_week, first.weeks) == (1, 2, 2)
    assert first.frequency == Frequency(2, "day")
    assert first.marker == "Less morning stiffness"
    assert second.routines == ("core-routine",)
    assert second.frequency is None
    assert second.changes == (DoseChange("hold", ChangeOp.ADD, 15.0),)
    assert programme.advance is Advance.SUGGEST
    assert programme.advance_when == AdvanceWhen(0.8, 4, True)
    assert programme.flare_up == FlareUp(None, 3)


def test_defaults_when_advance_and_flare_up_are_left_out() -> None:
    programme, _ = validate_programme(_data(), default_id="x", routine_ids=None)
    assert programme is not None
    assert programme.advance_when == AdvanceWhen()
    assert programme.flare_up == FlareUp()


def test_an_open_ended_last_stage_has_no_total() -> None:
    data = _data()
    data["stages"].append({"name": "Build endurance", "weeks": "5+", "routines": "strengthening"})
    programme, problems = validate_programme(data, default_id="x", routine_ids=ROUTINES)
    assert problems == [] and programme is not None
    assert programme.stages[-1].last_week is None
    assert programme.stages[-1].weeks is None
    assert programme.total_weeks is None


def test_a_gap_between_stages_names_the_missing_weeks() -> None:
    data = _data()
    data["stages"][1]["weeks"] = "5-6"
    problem = _one(data)
    assert problem.path == ("stages", 1, "weeks")
    assert "weeks 3-4 are in no stage" in problem.message
    assert problem.hint is not None and "start it in week 3" in problem.hint


def test_overlapping_stages_are_refused() -> None:
    data = _data()
    data["stages"][1]["weeks"] = "2-4"
    problem = _one(data)
    assert problem.path == ("stages", 1, "weeks")
    assert "stage 1 already runs to week 2" in problem.message


def test_the_first_stage_starts_in_week_one() -> None:
    data = _data()
    data["stages"][0]["weeks"] = 2
    data["stages"][1]["weeks"] = "3-4"
    problem = _one(data)
    assert problem.path == ("stages", 0, "weeks")
    assert "week 1 is in no stage" in problem.message


def test_only_the_last_stage_may_be_open_ended() -> None:
    data = _data()
    data["stages"][0]["weeks"] = "1+"
    problems = _problems(data)
    assert any(
        p.path == ("stages", 0, "weeks") and "only the last stage" in p.message for p in problems
    )


def test_every_problem_at_once_each_in_its_place() -> None:
    data = _data(advance="sugest", advance_when={"sessions_done": "180%"}, colour="red")
    data["stages"][0]["frequency"] = "often"
    data["stages"][0]["routines"] = ["gentle-strat"]
    data["stages"][1]["change"] = {"hold": "+lots", "repetitions": 2}
    del data["stages"][1]["name"]
    paths = {p.path: p for p in _problems(data)}
    assert paths[("colour",)].message == "unknown field 'colour'"
    assert paths[("advance",)].hint == "did you mean 'suggest'?"
    assert ("advance_when", "sessions_done") in paths
    assert ("stages", 0, "frequency") in paths
    assert paths[("stages", 0, "routines", 0)].hint == "did you mean 'gentle-start'?"
    assert ("stages", 1, "change", "hold") in paths
    assert paths[("stages", 1, "change", "repetitions")].hint == "did you mean 'reps'?"
    assert paths[("stages", 1)].message == "stage 2 has no name"


def test_routine_fields_in_a_programme_say_where_they_belong() -> None:
    problem = _one(_data(exercises=[{"use": "walking"}]))
    assert problem.path == ("exercises",)
    assert problem.hint == "'exercises' belongs to a routine, not a programme"


def test_a_programme_without_stages() -> None:
    problem = _one({"title": "Empty"})
    assert problem.path == ()
    assert problem.message == "the programme has no stages"


def test_unknown_routines_are_only_checked_when_the_caller_knows_them() -> None:
    data = _data()
    data["stages"][0]["routines"] = ["someone-elses"]
    assert _problems(data)[0].message == "no routine has the id 'someone-elses'"
    programme, problems = validate_programme(data, default_id="x", routine_ids=None)
    assert problems == [] and programme is not None


def test_flare_up_routine_and_days() -> None:
    programme, problems = validate_programme(
        _data(flare_up={"routine": "gentle-start", "days": 5}), default_id="x", routine_ids=ROUTINES
    )
    assert problems == [] and programme is not None
    assert programme.flare_up == FlareUp("gentle-start", 5)
    problems = _problems(_data(flare_up={"routine": "gentle", "days": 0}))
    assert {p.path for p in problems} == {("flare_up", "routine"), ("flare_up", "days")}


def test_therapist_advance_and_a_fraction_for_sessions_done() -> None:
    programme, _ = validate_programme(
        _data(advance="Therapist", advance_when={"sessions_done": 0.75}),
        default_id="x",
        routine_ids=ROUTINES,
    )
    assert programme is not None
    assert programme.advance is Advance.THERAPIST
    assert programme.advance_when.sessions_done == 0.75


@pytest.mark.parametrize("value", [80, "0%", "abc%", True, "101%"])
def test_sessions_done_must_be_a_share(value: object) -> None:
    problem = _one(_data(advance_when={"sessions_done": value}))
    assert problem.path == ("advance_when", "sessions_done")
    assert problem.hint == "for example: sessions_done: 80%"


def test_pain_after_max_is_on_the_pain_scale() -> None:
    problem = _one(_data(advance_when={"pain_after_max": 11}))
    assert problem.message == "pain_after_max must be between 0 and 10, not 11"


# -- weeks -----------------------------------------------------------------------


@given(st.integers(1, MAX_WEEK), st.integers(0, MAX_WEEK))
def test_any_range_of_weeks_reads_back(first: int, length: int) -> None:
    last = min(first + length, MAX_WEEK)
    assert parse_weeks(f"{first}-{last}") == (first, last)
    assert parse_weeks(f"{first} – {last}") == (first, last)
    assert parse_weeks(f"weeks {first} to {last}") == (first, last)
    assert parse_weeks(f"{first}+") == (first, None)
    assert parse_weeks(first) == (first, first)
    assert parse_weeks(str(first)) == (first, first)


@given(st.integers(1, MAX_WEEK), st.integers(1, MAX_WEEK))
def test_a_range_that_ends_before_it_starts_says_so(first: int, last: int) -> None:
    result = parse_weeks(f"{max(first, last) + 1}-{min(first, last)}")
    if max(first, last) + 1 > MAX_WEEK:
        assert isinstance(result[0], str) and "numbered from 1" in result[0]
    else:
        assert isinstance(result[0], str) and "end before they start" in result[0]


@given(st.one_of(st.text(max_size=12), st.integers(), st.floats(), st.booleans(), st.none()))
def test_any_value_is_read_or_refused_in_words(value: object) -> None:
    result = parse_weeks(value)
    if isinstance(result[0], str):
        assert result[0].startswith("week")
    else:
        first, last = result
        assert isinstance(first, int) and 1 <= first <= MAX_WEEK
        assert last is None or first <= last <= MAX_WEEK


@pytest.mark.parametrize("value", ["0-2", "3-200", "week", "1-2-3", 1.5, "nine+"])
def test_weeks_that_are_refused(value: object) -> None:
    assert isinstance(parse_weeks(value)[0], str)


# -- dose changes ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "change"),
    [
        ("hold", "+15 s", DoseChange("hold", ChangeOp.ADD, 15)),
        ("hold", "-5 s", DoseChange("hold", ChangeOp.SUBTRACT, 5)),
        ("hold", "45 s", DoseChange("hold", ChangeOp.REPLACE, 45)),
        ("hold", 30, DoseChange("hold", ChangeOp.REPLACE, 30)),
        ("duration", "+10 min", DoseChange("duration", ChangeOp.ADD, 600)),
        ("duration", "15 min", DoseChange("duration", ChangeOp.REPLACE, 900)),
        ("reps", "+2", DoseChange("reps", ChangeOp.ADD, 2)),
        ("reps", -1, DoseChange("reps", ChangeOp.SUBTRACT, 1)),
        ("sets", 3, DoseChange("sets", ChangeOp.REPLACE, 3)),
    ],
)
def test_changes_read_as_written(field: str, value: object, change: DoseChange) -> None:
    assert parse_change(field, value) == change


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("reps", "+2.5", "whole number"),
        ("reps", MAX_REPS + 1, f"between 1 and {MAX_REPS}"),
        ("sets", "+0", "between 1 and"),
        ("hold", "+2 h", "at most"),
        ("hold", "+lots", "change of hold"),
        ("duration", True, "change of duration"),
    ],
)
def test_changes_outside_the_format(field: str, value: object, words: str) -> None:
    result = parse_change(field, value)
    assert isinstance(result, tuple) and words in result[0]


@given(st.floats(1, MAX_DURATION))
def test_any_hold_within_the_format_can_be_added(seconds: float) -> None:
    result = parse_change("hold", f"+{seconds!r} s")
    assert isinstance(result, DoseChange) and result.op is ChangeOp.ADD
    assert result.amount == pytest.approx(seconds)


@given(
    st.lists(st.tuples(st.integers(1, 20), st.integers(0, 4)), min_size=1, max_size=6),
    st.booleans(),
)
def test_stages_are_accepted_exactly_when_they_follow_on_week_by_week(
    spans: list[tuple[int, int]], open_end: bool
) -> None:
    stages = []
    for index, (first, length) in enumerate(spans):
        last_open = open_end and index == len(spans) - 1
        weeks = f"{first}+" if last_open else f"{first}-{first + length}"
        stages.append({"name": f"Stage {index + 1}", "weeks": weeks, "routines": ["gentle-start"]})
    programme, problems = validate_programme(
        {"title": "T", "stages": stages}, default_id="t", routine_ids=ROUTINES
    )
    expected = 1
    follows_on = True
    for first, length in spans:
        follows_on &= first == expected
        expected = first + length + 1
    assert (programme is not None) == follows_on, problems
    assert all(p.path[-1] == "weeks" for p in problems)
    if programme is not None:
        assert programme.stages[0].first_week == 1
        for before, after in zip(programme.stages, programme.stages[1:], strict=False):
            assert before.last_week is not None and after.first_week == before.last_week + 1


# -- changes checked on the routines they change -------------------------------------


def _routines() -> dict[str, Any]:
    from pathlib import Path

    from timer_app.storage.routines.catalog import load_routine_file

    bundled = Path(__file__).parents[3] / "routines"
    return {i: load_routine_file(bundled / f"{i}.yaml") for i in ROUTINES}


def _with_change(change: dict[str, Any]) -> dict[str, Any]:
    data = _data()
    data["stages"][1]["change"] = change
    return data


def _changed_problems(change: dict[str, Any]) -> list[RoutineProblem]:
    programme, problems = validate_programme(
        _with_change(change), default_id="file-id", routine_ids=_routines()
    )
    assert (programme is None) == bool(problems)
    return problems


def test_a_change_making_a_session_over_4_hours_is_located_at_its_change() -> None:
    (problem,) = _changed_problems({"hold": "+59 min", "reps": 100})
    assert problem.path == ("stages", 1, "change")
    assert problem.message == (
        "with these changes a session of core-routine would last 298 h 37 min 10 s, "
        "over the 4 h limit"
    )


def test_a_change_below_a_minimum_is_located_at_its_field() -> None:
    (problem,) = _changed_problems({"hold": "-10 min"})
    assert problem.path == ("stages", 1, "change", "hold")
    assert "below the 1 s minimum (30 s in its file, minus 10 min)" in problem.message


def test_changes_within_the_limits_and_ids_alone_are_accepted() -> None:
    assert _changed_problems({"hold": "+15 s", "reps": "+2"}) == []
    # With the ids only (the catalog's loading) the changes cannot be checked: no problem.
    data = _with_change({"hold": "-10 min"})
    assert validate_programme(data, default_id="file-id", routine_ids=ROUTINES)[1] == []
