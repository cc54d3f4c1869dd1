"""The one safety text: three tiers, the early emergency signs, the right number."""

from __future__ import annotations

import pytest

from timer_app.core import safety_text
from timer_app.core.safety_text import Tier


@pytest.mark.parametrize(
    ("locale", "number"),
    [("en_GB", "999"), ("en_US", "911"), ("fr_CA", "911"), ("de_DE", "112"), ("fr-FR", "112")],
)
def test_the_emergency_number_follows_the_locale(locale: str, number: str) -> None:
    assert safety_text.emergency_number_for(locale) == number


def test_three_tiers_most_urgent_first_with_the_number_in_the_first() -> None:
    tiers = safety_text.tiers("999")
    assert [t.tier for t in tiers] == [Tier.EMERGENCY, Tier.URGENT, Tier.THERAPIST]
    assert "call 999" in tiers[0].heading
    assert "contact your doctor today" in tiers[1].heading
    assert "talk to your therapist" in tiers[2].heading


def test_emergency_signs_start_with_the_early_ones_not_the_late_loss_of_control() -> None:
    text = safety_text.emergency_text("112")
    assert "Finding it hard to start peeing" in text
    assert "Numbness around or under your genitals or bottom" in text
    assert "Pain or numbness in both legs" in text
    assert "Loss of bladder" not in text
    # The doctor is the second tier, never the first place an emergency is sent.
    assert "doctor" not in text


def test_full_text_holds_every_tier_once() -> None:
    text = safety_text.full_text("911")
    for tier in safety_text.tiers("911"):
        assert text.count(tier.heading) == 1
        for sign in tier.signs:
            assert sign in text


def test_a_routine_line_names_no_number_a_routine_file_cannot_know() -> None:
    line = safety_text.routine_line(Tier.EMERGENCY)
    assert "the emergency number" in line
    assert not any(number in line for number in ("999", "911", "112"))
    assert line.endswith("(for example, trouble lifting your foot).")
