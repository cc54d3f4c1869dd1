"""Pain rating, and which advice goes with what (the "Stop – it hurts" dialogs
themselves: test_stop_it_hurts.py)."""

from __future__ import annotations

import pytest

from timer_app.core.history import StopReason
from timer_app.gui.session.pain_dialogs import (
    AdviceBox,
    PainScale,
    advice_for,
)

pytestmark = pytest.mark.qt


def test_pain_scale_choose_and_clear(qtbot) -> None:
    scale = PainScale("Pain now?")
    qtbot.addWidget(scale)
    scale.buttons[6].click()
    assert scale.value() == 6
    scale.buttons[6].click()
    assert scale.value() is None


def test_advice_matches_what_happened() -> None:
    assert "too far" in advice_for(StopReason.SHARP_PAIN)
    assert "spreads down your leg" in advice_for(StopReason.PAIN_SPREAD)
    assert "therapist today" in advice_for(StopReason.NUMBNESS_OR_WEAKNESS)
    assert "kept in your history" in advice_for(StopReason.NOT_GIVEN)


def test_advice_box_names_the_early_emergency_signs_not_only_the_late_one(qtbot) -> None:
    box = AdviceBox()
    qtbot.addWidget(box)
    box.show_advice(advice_for(StopReason.SHARP_PAIN))
    flags = box.flags.text()
    assert "Finding it hard to start peeing" in flags
    assert "Numbness around or under your genitals or bottom" in flags
    assert "Loss of bladder" not in flags


def test_advice_box_puts_the_emergency_signs_first_when_urgent(qtbot) -> None:
    box = AdviceBox()
    qtbot.addWidget(box)
    box.show_advice(advice_for(StopReason.NUMBNESS_OR_WEAKNESS), urgent=True)
    layout = box.layout()
    assert layout.indexOf(box.flags) < layout.indexOf(box.advice)
    assert box.flags.font().bold()
