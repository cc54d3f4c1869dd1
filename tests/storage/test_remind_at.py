"""`remind_at:` a routine's suggested reminder times, read from real files."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from timer_app.storage.routines.catalog import RoutineLoadError, load_routine_file

ROUTINE = """\
title: Morning and evening
frequency: 2x/day
remind_at: {times}
exercises:
  - name: Pelvic tilt
    reps: 10
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "twice.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(RoutineLoadError) as caught:
        load_routine_file(path, library={})
    return str(caught.value).splitlines()


def test_times_are_read_sorted_and_each_once(tmp_path: Path) -> None:
    path = _write(tmp_path, ROUTINE.format(times='["18:30", "08:00", 7:15, "08:00"]'))
    routine = load_routine_file(path, library={})
    assert routine.remind_at == (time(7, 15), time(8, 0), time(18, 30))


def test_one_time_without_a_list_and_none_at_all(tmp_path: Path) -> None:
    one = load_routine_file(_write(tmp_path, ROUTINE.format(times='"9:05"')), library={})
    assert one.remind_at == (time(9, 5),)
    text = "".join(line + "\n" for line in ROUTINE.splitlines() if "remind_at" not in line)
    assert load_routine_file(_write(tmp_path, text), library={}).remind_at == ()


def test_each_wrong_time_is_reported_where_it_is_with_what_to_write(tmp_path: Path) -> None:
    path = _write(tmp_path, ROUTINE.format(times='["8am", "6:30 pm", "24:00", 7, "noon"]'))
    assert _problems(path) == [
        f"{path}:3:13: remind_at times must be 24-hour times such as 08:00 or 18:30, "
        "not '8am' — did you mean '08:00'?",
        f"{path}:3:20: remind_at times must be 24-hour times such as 08:00 or 18:30, "
        "not '6:30 pm' — did you mean '18:30'?",
        f"{path}:3:31: remind_at times must be 24-hour times such as 08:00 or 18:30, "
        "not '24:00' — write 24-hour times in quotes, such as remind_at: "
        '["08:00", "18:30"]',
        f"{path}:3:40: remind_at times must be 24-hour times such as 08:00 or 18:30, "
        "not 7 — did you mean '07:00'? Put the time in quotes",
        f"{path}:3:43: remind_at times must be 24-hour times such as 08:00 or 18:30, "
        "not 'noon' — write 24-hour times in quotes, such as remind_at: "
        '["08:00", "18:30"]',
    ]


def test_not_a_list(tmp_path: Path) -> None:
    path = _write(tmp_path, ROUTINE.format(times="\n    morning: 8"))
    (problem,) = _problems(path)
    assert problem.startswith(f"{path}:3:1: remind_at must be a list of times, not a group")


def test_a_misspelt_field_gets_a_did_you_mean(tmp_path: Path) -> None:
    path = _write(tmp_path, ROUTINE.format(times='["08:00"]').replace("remind_at", "reminders"))
    (problem,) = _problems(path)
    assert problem == f"{path}:3:1: unknown field 'reminders' — did you mean 'remind_at'?"
