"""Syntax mistakes people really make: said where they are, and never hiding the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from timer_app.cli import main


def _validate(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    path = tmp_path / "week-3.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    return [line.removeprefix(f"{path}:") for line in capsys.readouterr().out.splitlines()]


def test_over_indentation_is_called_that(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "title: Week 3\n"
        "exercises:\n"
        "  - name: Bridge\n"
        "    reps: 10\n"
        "      hold: 5 s\n"
        "  - use: pelvic-tilt\n"
    )
    assert _validate(tmp_path, text, capsys) == [
        "5:7: this line is indented more than the line above, so it reads as more of "
        "reps's value — line it up with the line above (4 spaces from the left)"
    ]


@pytest.mark.parametrize("end", ["\n", ""])
def test_a_missing_colon_on_the_last_line_is_on_that_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], end: str
) -> None:
    text = "title: Week 3\nexercises:\n  - name: Bridge\n    reps: 10\n    hold 5 s" + end
    # Before: reported at 6:1, a line past the end of the file.
    assert _validate(tmp_path, text, capsys) == [
        "5:5: this line has no ':' after its field name — did you mean 'hold: 5 s'?"
    ]


def test_a_syntax_error_does_not_hide_the_other_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "title: Week 3\n"
        "exercises:\n"
        "  - name: Knee to chest\n"
        "    reps: ten\n"
        "  - name: Bridge\n"
        "    reps: 10\n"
        "    hold 5 s\n"
        "  - name: Tilt\n"
        "    sets: 2x10\n"
    )
    after = " (found after skipping the syntax error on line 7)"
    assert _validate(tmp_path, text, capsys) == [
        f"4:5: reps must be a whole number such as 3, not 'ten'{after} — write it in digits",
        "7:5: this line has no ':' after its field name — did you mean 'hold: 5 s'?",
        f"9:5: sets holds one number; '2x10' is sets and reps together{after} — "
        "write sets: 2 and reps: 10 on two lines",
    ]


def test_a_colon_inside_a_value_is_read_as_quoted_for_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "title: Note: be gentle\nexercises:\n  - name: Tilt\n    reps: 8-12\n"
    lines = _validate(tmp_path, text, capsys)
    assert lines[0].startswith("1:12: unexpected ':'")
    # The title is read as the quoted text the hint suggests: no "has no title".
    assert lines[1:] == [
        "4:5: ranges such as '8-12' are not supported in reps (found after skipping the "
        "syntax error on line 1) — write the dose to do, such as reps: 8"
    ]
