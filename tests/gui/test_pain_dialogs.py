"""Pain rating, the Stop – it hurts dialog, and which advice goes with what."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from timer_app.core.history import StopReason
from timer_app.gui.pain_dialogs import (
    PainScale,
    StopItHurtsDialog,
    advice_for,
    ask_what_happened,
    needs_pain_advice,
)

pytestmark = pytest.mark.qt


def test_pain_scale_choose_and_clear(qtbot) -> None:
    scale = PainScale("Pain now?")
    qtbot.addWidget(scale)
    scale.buttons[6].click()
    assert scale.value() == 6
    scale.buttons[6].click()
    assert scale.value() is None


@pytest.mark.parametrize(
    ("before", "after", "spread", "advice"),
    [(3, 5, False, True), (3, 4, False, False), (None, 9, False, False), (2, 2, True, True)],
)
def test_when_advice_is_needed(before, after, spread, advice) -> None:
    assert needs_pain_advice(before, after, spread) is advice


def test_advice_matches_what_happened() -> None:
    assert "too far" in advice_for(StopReason.SHARP_PAIN)
    assert "spreads down your leg" in advice_for(StopReason.PAIN_SPREAD)
    assert "therapist today" in advice_for(StopReason.NUMBNESS_OR_WEAKNESS)


def test_dialog_returns_the_choice_and_note(qtbot) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StopItHurtsDialog)
        dialog.radios[StopReason.NUMBNESS_OR_WEAKNESS].setChecked(True)
        dialog.note_edit.setText("toes tingle")
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert ask_what_happened("Knee hug", None) == (StopReason.NUMBNESS_OR_WEAKNESS, "toes tingle")
