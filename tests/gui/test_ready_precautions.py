"""The ready screen says, before Space, when to ask the therapist first, and the
first-run notice gives the three tiers with the emergency number."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from timer_app.storage.routines.catalog import find_routine

from .session_support import open_session, session_routine

pytestmark = pytest.mark.qt


def test_mckenzie_extension_names_pregnancy_and_stenosis_before_space(
    qtbot: QtBot, tmp_path: Path
) -> None:
    s = open_session(qtbot, tmp_path)
    s.view.load(find_routine("mckenzie-extension"))
    ready = s.view.ready
    assert ready.precautions.isVisible()
    assert ready.precautions.text().splitlines() == [
        "• If you are pregnant, ask your therapist first.",
        "• If you have been told you have spinal stenosis, ask your therapist "
        "before doing this exercise.",
    ]
    assert "Check with your therapist before starting." in ready.safety.text()


def test_a_routine_without_precautions_shows_none(qtbot: QtBot, tmp_path: Path) -> None:
    s = open_session(qtbot, tmp_path)
    s.view.load(session_routine(tmp_path))
    assert not s.view.ready.precautions.isVisible()


def test_the_first_run_notice_gives_all_three_tiers(qtbot: QtBot, tmp_path: Path) -> None:
    s = open_session(qtbot, tmp_path)
    notice = s.view.ready.first_run.text()
    assert "Emergency: call " in notice
    assert "Urgent: contact your doctor today" in notice
    assert "Stop the exercises and talk to your therapist" in notice
