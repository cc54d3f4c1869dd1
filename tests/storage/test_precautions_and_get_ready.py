"""`precautions` and an exercise's own `lead_in`, from real YAML files: the values a
therapist may write, and the file:line:col problems of the ones they may mistype."""

from __future__ import annotations

from pathlib import Path

import pytest

from timer_app.core.plan import StepKind, build_plan
from timer_app.core.precautions import precautions_in_words
from timer_app.core.routine import Precaution
from timer_app.storage.routines.catalog import RoutineLoadError, load_routine_file

ROUTINE = """\
id: back-and-chair
title: Back and chair
lead_in: 5 s
precautions: [stenosis]
exercises:
  - name: Knee hug
    hold: 3 s
    precautions: [pregnancy]
  - name: Seated stretch
    lead_in: 15 s
    hold: 3 s
  - name: Tilts
    reps: 2
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "back-and-chair.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_precautions_of_the_routine_and_its_exercises_are_shown_once_each(
    tmp_path: Path,
) -> None:
    routine = load_routine_file(write(tmp_path, ROUTINE))
    assert routine.precautions == (Precaution.STENOSIS,)
    assert routine.exercises[0].precautions == (Precaution.PREGNANCY,)
    assert routine.all_precautions == (Precaution.STENOSIS, Precaution.PREGNANCY)
    assert precautions_in_words(routine.all_precautions) == [
        "If you are pregnant, ask your therapist first.",
        "If you have been told you have spinal stenosis, ask your therapist "
        "before doing this exercise.",
    ]


def test_an_exercise_s_own_get_ready_replaces_the_routine_s(tmp_path: Path) -> None:
    plan = build_plan(load_routine_file(write(tmp_path, ROUTINE)))
    get_ready = [s.duration for s in plan.steps if s.kind is StepKind.GET_READY]
    assert get_ready == [5.0, 15.0, 5.0]  # the chair needs longer; the others keep 5 s
    assert plan.total_seconds == pytest.approx(5 + 3 + 15 + 3 + 5)


@pytest.mark.parametrize(
    ("line", "where", "message", "hint"),
    [
        ("precautions: [pregnant]", "4:15", "unknown precaution 'pregnant'", "'pregnancy'"),
        ("precautions: [stenosis, knees]", "4:25", "unknown precaution 'knees'", "stenosis"),
        ("precautions: 3", "4:1", "must be a list", "pregnancy, stenosis"),
    ],
)
def test_a_mistyped_precaution_is_located_with_a_suggestion(
    tmp_path: Path, line: str, where: str, message: str, hint: str
) -> None:
    path = write(tmp_path, ROUTINE.replace("precautions: [stenosis]", line))
    with pytest.raises(RoutineLoadError) as caught:
        load_routine_file(path)
    [problem] = caught.value.problems
    assert f"{problem.line}:{problem.col}" == where
    assert message in problem.message
    assert hint in (problem.hint or "")


def test_a_bad_get_ready_is_located(tmp_path: Path) -> None:
    path = write(tmp_path, ROUTINE.replace("lead_in: 15 s", "lead_in: soon"))
    with pytest.raises(RoutineLoadError) as caught:
        load_routine_file(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.col) == (10, 5)  # where lead_in is, as for hold
    assert "lead_in" in problem.message
