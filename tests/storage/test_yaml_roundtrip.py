"""Saving from the editor keeps a therapist's file their own: only edited lines change."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest

from timer_app.core.editor.draft import RoutineDraft, with_dosing
from timer_app.core.routine import Dosing
from timer_app.storage.routines.catalog import bundled_folder
from timer_app.storage.yaml.loader import load_yaml_text
from timer_app.storage.yaml.roundtrip import write_yaml_text

COMMENTED = """\
# Week 3 for Mr Smith -- revised after the 12 March visit.
id: week-3
title: Week 3   # was "Week 2"
frequency: 2x/day

safety:
  - "Stop if pain spreads down your leg."
  # the clinic's standard line, keep it last
  - Call us on 01234 567890 if unsure.
exercises:
  # warm-up first
  - use: knee-to-chest
    reps: 2          # fewer than the guide's 3 for now
  - name: Pelvic tilt
    tempo: 4 s       # slow!
    reps: 15
  - name: Walk
    duration: 5 min  # build up over weeks 3-4
    note: |
      Flat ground only.
      Stop if your leg tingles.
"""


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def _draft() -> RoutineDraft:
    return RoutineDraft.from_mapping(load_yaml_text(COMMENTED).data)


def _bundled_files() -> list[Path]:
    folder = bundled_folder()
    return sorted([*folder.glob("*.yaml"), *(folder / "library").glob("*.yaml")])


@pytest.mark.parametrize("path", _bundled_files(), ids=lambda p: p.name)
def test_saving_a_file_unchanged_writes_it_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert write_yaml_text(load_yaml_text(text).data, text) == text


def test_saving_the_commented_file_unchanged_keeps_every_line() -> None:
    assert write_yaml_text(_draft().to_mapping(), COMMENTED) == COMMENTED


def test_editing_a_commented_file_changes_only_the_edited_lines() -> None:
    draft = _draft()
    draft.fields["title"] = "Week 3b"
    draft.exercises[1]["tempo"] = "5 s"
    after = write_yaml_text(draft.to_mapping(), COMMENTED)
    removed, added = _changed_lines(COMMENTED, after)
    assert removed == ['title: Week 3   # was "Week 2"', "    tempo: 4 s       # slow!"]
    # Each comment stays on its line, at its column.
    assert added == ['title: Week 3b  # was "Week 2"', "    tempo: 5 s       # slow!"]
    assert load_yaml_text(after).data == draft.to_mapping()


def test_a_new_field_is_one_new_line_under_the_field_it_follows() -> None:
    draft = _draft()
    draft.fields["author"] = "Dr. Ana Ngo"
    draft.exercises[0] = with_dosing(draft.exercises[0], Dosing.HOLD, 20)
    after = write_yaml_text(draft.to_mapping(), COMMENTED)
    removed, added = _changed_lines(COMMENTED, after)
    assert removed == []
    assert added == ["author: Dr. Ana Ngo", "    hold: 20 s"]
    lines = after.splitlines()
    assert lines[lines.index("author: Dr. Ana Ngo") - 1].startswith("title: Week 3")
    assert load_yaml_text(after).data == draft.to_mapping()


def test_deleting_and_reordering_exercises_keeps_each_ones_comments() -> None:
    draft = _draft()
    walk, tilt = draft.exercises[2], draft.exercises[1]
    draft.exercises = [walk, tilt]  # the knee-to-chest deleted, the other two swapped
    after = write_yaml_text(draft.to_mapping(), COMMENTED)
    assert "    duration: 5 min  # build up over weeks 3-4" in after
    assert "    tempo: 4 s       # slow!" in after
    assert "fewer than the guide" not in after
    assert after.index("Walk") < after.index("Pelvic tilt")
    assert "# Week 3 for Mr Smith" in after and "# the clinic's standard line" in after
    assert load_yaml_text(after).data == draft.to_mapping()


def test_a_changed_text_keeps_its_quotes_and_its_block() -> None:
    draft = _draft()
    draft.fields["safety"][0] = "Stop if pain spreads down either leg."
    draft.exercises[2]["note"] = "Flat ground only.\nStop if your leg tingles or goes numb.\n"
    after = write_yaml_text(draft.to_mapping(), COMMENTED)
    removed, added = _changed_lines(COMMENTED, after)
    assert removed == [
        '  - "Stop if pain spreads down your leg."',
        "      Stop if your leg tingles.",
    ]
    assert added == [
        '  - "Stop if pain spreads down either leg."',
        "      Stop if your leg tingles or goes numb.",
    ]


def test_a_new_file_is_plain_block_yaml_the_loader_reads_back() -> None:
    data: dict[str, Any] = {
        "title": "Evening: gentle",
        "frequency": "1x/day",
        "safety": ["no", "010", "1:30", "true", "- dash", "# hash", "a: b"],
        "description": "Two lines,\nthe second one.",
        "exercises": [{"name": "Walk", "duration": "5 min"}],
    }
    text = write_yaml_text(data, None)
    assert load_yaml_text(text).data == data
    assert "description: |" in text
    assert "\n  - name: Walk\n    duration: 5 min\n" in text


def test_an_original_the_loader_refuses_is_written_afresh() -> None:
    data = {"title": "T", "exercises": [{"name": "Walk", "duration": 60}]}
    assert load_yaml_text(write_yaml_text(data, "title: [unclosed\n")).data == data
