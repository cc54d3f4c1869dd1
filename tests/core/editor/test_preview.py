"""The editor's preview says exactly what the player will run."""

from __future__ import annotations

import pytest

from timer_app.core.editor.preview import preview_routine
from timer_app.core.plan import StepKind, build_plan
from timer_app.core.routine import Routine
from timer_app.core.validation.checks import validate_routine
from timer_app.storage.routines.catalog import bundled_folder, load_catalog, routine_files


def _bundled() -> list[Routine]:
    catalog = load_catalog()
    # A programme file (issue 16) sits beside the routines; it is not one of them.
    files = [p for p in routine_files(bundled_folder()) if p.stem not in catalog.programmes]
    return [catalog.routines[p.stem] for p in files]


def test_every_bundled_routine_is_found() -> None:
    assert len(_bundled()) >= 7


@pytest.mark.parametrize("routine", _bundled(), ids=lambda r: r.id)
def test_the_preview_total_is_the_plan_total_for_every_bundled_routine(routine: Routine) -> None:
    preview = preview_routine(routine)
    plan = build_plan(routine)
    assert preview.total_seconds == plan.total_seconds
    # Counted per exercise by arithmetic, and step by step along the timeline.
    assert sum(e.seconds for e in preview.exercises) == pytest.approx(plan.total_seconds)
    assert sum(line.seconds or 0 for line in preview.timeline) == pytest.approx(plan.total_seconds)
    assert len(preview.timeline) == len(plan.steps)
    assert [e.name for e in preview.exercises] == [e.name for e in routine.exercises]


def _routine(text: dict[str, object]) -> Routine:
    routine, problems = validate_routine(text, default_id="r", library={})
    assert routine is not None, problems
    return routine


def test_the_readme_sixteen_seconds_example_reads_step_by_step() -> None:
    routine = _routine(
        {
            "title": "Sixteen seconds",
            "lead_in": 1,
            "exercises": [
                {"name": "Knee to chest", "sides": "alternate", "reps": 2, "hold": 2, "rest": 1},
                {"name": "Walk", "duration": 3},
            ],
        }
    )
    preview = preview_routine(routine)
    assert preview.total_seconds == 16
    assert [line.words for line in preview.timeline] == [
        "Get ready 1 s",
        "Hold 2 s · left side",
        "Switch sides 1 s",
        "Hold 2 s · right side",
        "Switch sides 1 s",
        "Hold 2 s · left side",
        "Switch sides 1 s",
        "Hold 2 s · right side",
        "Get ready 1 s",
        "Walk 3 s",
    ]
    assert [line.exercise_index for line in preview.timeline] == [0] * 8 + [1] * 2
    assert preview.exercises[0].dose_words == "Hold 2 s · 2 reps each side, alternating · rest 1 s"
    assert preview.exercises[0].seconds_words == "12 s"
    assert preview.per_day_words == preview.total_words == "about 16 s"


def test_time_per_day_and_per_week() -> None:
    walk = {"name": "Walk", "duration": "7 min"}
    daily = preview_routine(_routine({"title": "W", "frequency": "2x/day", "exercises": [walk]}))
    assert daily.per_day_words == "about 7 min, 2× a day ≈ 14 min a day"
    weekly = preview_routine(_routine({"title": "W", "frequency": "3x/week", "exercises": [walk]}))
    assert weekly.per_day_words == "about 7 min, 3× a week ≈ 21 min a week"


def test_counted_reps_sets_and_set_rests_are_in_the_timeline() -> None:
    routine = _routine(
        {
            "title": "Curls",
            "lead_in": 0,
            "exercises": [{"name": "Curl", "reps": 2, "sets": 2, "set_rest": 20}],
        }
    )
    preview = preview_routine(routine)
    assert [(line.kind, line.words, line.seconds) for line in preview.timeline] == [
        (StepKind.COUNTED_REP, "Rep 1 of 2 · set 1 of 2: press Enter when done", None),
        (StepKind.COUNTED_REP, "Rep 2 of 2 · set 1 of 2: press Enter when done", None),
        (StepKind.SET_REST, "Rest between sets 20 s", 20),
        (StepKind.COUNTED_REP, "Rep 1 of 2 · set 2 of 2: press Enter when done", None),
        (StepKind.COUNTED_REP, "Rep 2 of 2 · set 2 of 2: press Enter when done", None),
    ]
    # The therapist reads the preview: the patient's "plus your counted reps" is not theirs.
    assert preview.total_words == "about 20 s plus the time the patient takes for counted reps"


def test_each_counted_rep_says_which_rep_side_and_set_it_is() -> None:
    routine = _routine(
        {
            "title": "Bridges",
            "lead_in": 0,
            "exercises": [{"name": "Bridge", "reps": 10, "sides": "each", "rest": 5}],
        }
    )
    words = [line.words for line in preview_routine(routine).timeline]
    counted = [w for w in words if w.endswith("press Enter when done")]
    assert len(counted) == 20 == len(set(counted))  # no two alike
    assert counted[2] == "Rep 3 of 10 · left side: press Enter when done"
    assert counted[-1] == "Rep 10 of 10 · right side: press Enter when done"


def test_with_counted_reps_the_time_per_day_says_they_come_on_top() -> None:
    walk = {"name": "Walk", "duration": "7 min"}
    daily = preview_routine(
        _routine({"title": "W", "frequency": "2x/day", "exercises": [walk, {"name": "Curl"}]})
    )
    assert daily.per_day_words == (
        "about 7 min, 2× a day ≈ 14 min a day plus the time the patient takes for counted reps"
    )


def test_a_translator_sees_every_phrase() -> None:
    seen: list[str] = []

    def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        seen.append(text)
        return text.replace("%n", str(n)) if n >= 0 else text

    routine = _routine(
        {
            "title": "T",
            "frequency": "2x/day",
            "exercises": [{"name": "Tilt", "reps": 2, "tempo": 4, "rest": 3, "sides": "each"}],
        }
    )
    preview_routine(routine, translate)
    assert {"Slow rep {time}", "Rest {time}", "Switch sides {time}", "right side"} <= set(seen)
    assert "{total}, %n× a day ≈ {daily} a day" in seen
