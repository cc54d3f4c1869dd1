"""A clinic.yaml whose emergency_number is not a phone number is said on the
Routines page, located, not only logged: the safety text then shows the
locale's number, and the therapist must learn why."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from timer_app.gui.pages.routines import RoutinesPage


def test_the_routines_page_says_the_number_was_not_used(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = tmp_path / "clinic-routines"
    clinic.mkdir()
    (clinic / "clinic.yaml").write_text(
        'name: Riverside Physio\nemergency_number: "abc"\n', encoding="utf-8"
    )
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(clinic))
    page = RoutinesPage()
    qtbot.addWidget(page)
    page.reload()
    page.show()
    shown = page.problems_shown()
    assert f"{clinic / 'clinic.yaml'}:2:1: emergency_number 'abc' is not a phone number" in shown
    assert "usual emergency number" in shown


def test_a_good_clinic_file_says_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = tmp_path / "clinic-routines"
    clinic.mkdir()
    (clinic / "clinic.yaml").write_text(
        'name: Riverside Physio\nemergency_number: 999\nphone: "01234 567890"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(clinic))
    page = RoutinesPage()
    qtbot.addWidget(page)
    page.reload()
    page.show()
    assert page.problems_shown() == ""
