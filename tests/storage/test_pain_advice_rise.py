"""`pain_advice_rise:` a therapist's own threshold for "ease off", read from a real file."""

from __future__ import annotations

from pathlib import Path

import pytest

from timer_app.core.pain_location import DEFAULT_PAIN_ADVICE_RISE
from timer_app.storage.routines.catalog import RoutineLoadError, load_routine_file

ROUTINE = """\
title: Evening extension
pain_advice_rise: {rise}
exercises:
  - name: Pelvic tilt
    reps: 10
  - name: Walk
    duration: 5 min
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "evening.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_routine_sets_its_own_rise(tmp_path: Path) -> None:
    routine = load_routine_file(_write(tmp_path, ROUTINE.format(rise=3)), library={})
    assert routine.pain_advice_rise == 3


def test_without_it_a_rise_of_two_points_gives_advice(tmp_path: Path) -> None:
    text = "".join(line + "\n" for line in ROUTINE.splitlines() if "pain_advice" not in line)
    routine = load_routine_file(_write(tmp_path, text), library={})
    assert routine.pain_advice_rise == DEFAULT_PAIN_ADVICE_RISE == 2


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "pain_advice_rise must be between 1 and 10, not 0"),
        ("11", "pain_advice_rise must be between 1 and 10, not 11"),
        ("2.5", "pain_advice_rise must be a whole number such as 3, not 2.5"),
        ("two", "pain_advice_rise must be a whole number such as 3, not 'two'"),
        ("true", "pain_advice_rise must be a whole number such as 3, not true"),
    ],
)
def test_a_wrong_value_is_reported_where_it_is(tmp_path: Path, value: str, message: str) -> None:
    path = _write(tmp_path, ROUTINE.format(rise=value))
    with pytest.raises(RoutineLoadError) as caught:
        load_routine_file(path, library={})
    assert str(caught.value).startswith(f"{path}:2:1: {message}")


def test_a_misspelt_field_gets_a_did_you_mean(tmp_path: Path) -> None:
    path = _write(tmp_path, ROUTINE.format(rise=3).replace("pain_advice_rise", "pain_advise_rise"))
    with pytest.raises(RoutineLoadError) as caught:
        load_routine_file(path, library={})
    assert "unknown field 'pain_advise_rise' — did you mean 'pain_advice_rise'?" in str(
        caught.value
    )
