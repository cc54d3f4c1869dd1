"""The Routines page names the routine's author and how to reach them (issue 14)."""

from __future__ import annotations

from pathlib import Path

from timer_app.gui.pages.routine_text import routine_details_html
from timer_app.storage.routines.catalog import load_routine_file


def test_the_details_show_author_and_contact(tmp_path: Path) -> None:
    path = tmp_path / "week-1.yaml"
    path.write_text(
        "title: Week 1\nauthor: Dr. Ana Ngo\ncontact: 01234 567890\n"
        "exercises:\n  - name: Walk\n    duration: 5 min\n",
        encoding="utf-8",
    )
    shown = routine_details_html(load_routine_file(path))
    assert "by Dr. Ana Ngo · contact: 01234 567890" in shown
