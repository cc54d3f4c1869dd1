"""`replaces: old-id`: validated, and the replaced ids map to the routine now standing for them."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from timer_app.core.history import SessionFacts, SessionStatus
from timer_app.core.routine_aliases import aliases, with_current_ids
from timer_app.core.validation.checks import validate_routine

EXERCISES = [
    {"name": "Knee to chest", "hold": "30 s", "reps": 3},
    {"name": "Walk", "duration": 300},
]


def _validate(replaces: Any, routine_id: str = "week-3") -> Any:
    data = {"title": "Week 3", "replaces": replaces, "exercises": EXERCISES}
    return validate_routine(data, default_id=routine_id, library={})


@pytest.mark.parametrize(
    ("written", "read"), [("week-2", ("week-2",)), (["week-1", "week-2"], ("week-1", "week-2"))]
)
def test_replaces_reads_one_id_or_a_list(written: Any, read: tuple[str, ...]) -> None:
    routine, problems = _validate(written)
    assert problems == [] and routine is not None
    assert routine.replaces == read


def test_a_bad_replaces_is_located() -> None:
    _, problems = _validate(["week-2", "Week 1", 3])
    assert [(p.path, p.message[:41]) for p in problems] == [
        (("replaces", 1), "replaces must name routine ids (lowercase"),
        (("replaces", 2), "replaces must name routine ids (lowercase"),
    ]
    _, problems = _validate("week-3")
    assert [p.message for p in problems] == ["a routine cannot replace itself ('week-3')"]


def test_replaced_ids_follow_the_chain_to_the_newest() -> None:
    week_2, _ = _validate("week-1", "week-2")
    week_3, _ = _validate("week-2", "week-3")
    assert aliases([week_3, week_2]) == {"week-1": "week-3", "week-2": "week-3"}


def test_two_files_replacing_each_other_do_not_loop() -> None:
    a, _ = _validate("b", "a")
    b, _ = _validate("a", "b")
    mapping = aliases([a, b])
    assert set(mapping) == {"a", "b"}  # each maps somewhere, and the call returned


def test_sessions_of_a_replaced_routine_count_as_the_new_one() -> None:
    facts = [
        SessionFacts(date(2026, 11, 2), SessionStatus.COMPLETED, "week-2", 6, 4),
        SessionFacts(date(2026, 11, 3), SessionStatus.ENDED_EARLY, "knee-to-chest", 5),
    ]
    mapped = with_current_ids(facts, {"week-2": "week-3"})
    assert [f.routine_id for f in mapped] == ["week-3", "knee-to-chest"]
    assert mapped[0]._replace(routine_id="week-2") == facts[0]  # nothing else changed
