"""Where the pain is: centralising is the good sign, spreading down the leg the bad one."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timer_app.core.history import SessionFacts, SessionStatus
from timer_app.core.pain_location import (
    SEVERE_PAIN,
    PainAdvice,
    PainLocation,
    PainShift,
    classify,
    concern_in_words,
    location_from,
    pain_advice,
)
from timer_app.core.stats import pain_by_session

BACK, BUTTOCK, THIGH, BELOW_KNEE, FOOT = PainLocation


def test_locations_run_from_the_spine_down_the_leg() -> None:
    assert [p.value for p in PainLocation] == ["back", "buttock", "thigh", "below_knee", "foot"]
    assert [p.rank for p in PainLocation] == [0, 1, 2, 3, 4]


def test_pain_moving_toward_the_spine_is_centralising() -> None:
    assert classify(THIGH, BACK) is PainShift.CENTRALISING
    assert classify(FOOT, BUTTOCK) is PainShift.CENTRALISING


def test_pain_moving_down_the_leg_is_peripheralising() -> None:
    assert classify(BUTTOCK, BELOW_KNEE) is PainShift.PERIPHERALISING
    assert classify(BACK, FOOT) is PainShift.PERIPHERALISING


def test_same_place_or_a_missing_answer() -> None:
    assert classify(THIGH, THIGH) is PainShift.UNCHANGED
    assert classify(None, BACK) is PainShift.UNKNOWN
    assert classify(THIGH, None) is PainShift.UNKNOWN


def test_leg_pain_gone_to_the_back_with_a_moderate_rise_is_said_not_eased_off() -> None:
    # One combined number rose, but it is back pain now: said, not "do less".
    assert pain_advice(3, 5, where_before=THIGH, where_after=BACK) is PainAdvice.NOTE
    assert concern_in_words(3, 5) == "Your pain is higher than before the session: 3 → 5."
    # Without the places, the same numbers ask to ease off.
    assert pain_advice(3, 5) is PainAdvice.EASE_OFF


def test_qa_pain_up_to_ten_after_centralising_eases_off() -> None:
    # QA: 2 (thigh) before, 10 (back) after had no advice at all.
    assert pain_advice(2, 10, where_before=THIGH, where_after=BACK) is PainAdvice.EASE_OFF
    assert pain_advice(5, 8, where_before=THIGH, where_after=BACK) is PainAdvice.EASE_OFF
    assert concern_in_words(2, 10) == "Your pain is higher than before the session: 2 → 10."


def test_qa_pain_ten_after_with_no_rating_before_eases_off() -> None:
    # QA: no rating before, 10 (foot) after had no advice at all.
    assert pain_advice(None, 10, where_after=FOOT) is PainAdvice.EASE_OFF
    assert pain_advice(None, SEVERE_PAIN) is PainAdvice.EASE_OFF
    assert pain_advice(None, SEVERE_PAIN - 1) is PainAdvice.NONE
    assert concern_in_words(None, 10) == "You rated your pain 10 of 10 after the session."
    assert concern_in_words(None, SEVERE_PAIN - 1) == ""


def test_severe_pain_that_did_not_ease_eases_off_and_a_severe_one_that_eased_is_said() -> None:
    assert pain_advice(9, 9) is PainAdvice.EASE_OFF
    assert pain_advice(9, 8) is PainAdvice.NOTE
    assert concern_in_words(9, 8) == "You rated your pain 8 of 10 after the session."
    assert pain_advice(6, 3) is PainAdvice.NONE
    assert concern_in_words(6, 3) == ""


def test_a_one_point_rise_is_said_even_below_the_routines_rise() -> None:
    assert pain_advice(3, 4) is PainAdvice.NOTE
    assert "higher than before" in concern_in_words(3, 4)


def test_centralising_but_still_in_the_leg_with_a_rise_still_eases_off() -> None:
    assert pain_advice(5, 8, where_before=FOOT, where_after=THIGH) is PainAdvice.EASE_OFF


def test_pain_spreading_down_the_leg_is_stop_and_talk_even_when_it_eased() -> None:
    advice = pain_advice(6, 3, where_before=BUTTOCK, where_after=BELOW_KNEE)
    assert advice is PainAdvice.STOP_AND_TALK
    assert pain_advice(None, None, where_before=BACK, where_after=THIGH) is (
        PainAdvice.STOP_AND_TALK
    )


def test_the_routine_sets_the_rise_worth_advice() -> None:
    assert pain_advice(4, 6, rise=3) is PainAdvice.NOTE  # said, but no "ease off"
    assert pain_advice(4, 7, rise=3) is PainAdvice.EASE_OFF
    assert pain_advice(4, 5, rise=1) is PainAdvice.EASE_OFF
    assert pain_advice(4, 6) is PainAdvice.EASE_OFF  # default 2


def test_a_spread_reported_with_stop_it_hurts_eases_off() -> None:
    assert pain_advice(None, None, spread_reported=True) is PainAdvice.EASE_OFF


def test_stored_values_unknown_to_this_version_read_as_nothing() -> None:
    assert location_from("below_knee") is BELOW_KNEE
    assert location_from("ankle") is None
    assert location_from(None) is None


locations = st.none() | st.sampled_from(list(PainLocation))
pains = st.none() | st.integers(0, 10)


@settings(max_examples=500)  # ~100,000 combinations; 500 draws take ~0.3 s
@given(pains, pains, locations, locations, st.integers(1, 10), st.booleans())
def test_advice_properties(
    before: int | None,
    after: int | None,
    where_before: PainLocation | None,
    where_after: PainLocation | None,
    rise: int,
    spread: bool,
) -> None:
    advice = pain_advice(
        before,
        after,
        where_before=where_before,
        where_after=where_after,
        rise=rise,
        spread_reported=spread,
    )
    shift = classify(where_before, where_after)
    # Spreading down the leg always gives stop-and-talk, and nothing else does.
    assert (advice is PainAdvice.STOP_AND_TALK) == (shift is PainShift.PERIPHERALISING)
    rose = before is not None and after is not None and after - before >= rise
    severe = after is not None and after >= SEVERE_PAIN
    if advice is PainAdvice.EASE_OFF:
        assert rose or spread or severe
    # A higher rating after than before always gets advice, and its words say so.
    if before is not None and after is not None and after > before:
        assert advice is not PainAdvice.NONE
        assert concern_in_words(before, after) == (
            f"Your pain is higher than before the session: {before} → {after}."
        )
    # So does a severe rating with none before, the same as a rise would.
    if before is None and severe and shift is not PainShift.PERIPHERALISING:
        assert advice is PainAdvice.EASE_OFF
        assert f"{after} of 10" in concern_in_words(before, after)
    # Quiet only when nothing hurt more: no rise, no severe rating, no spread.
    if advice is PainAdvice.NONE:
        assert not spread and not severe and concern_in_words(before, after) == ""
        assert before is None or after is None or after <= before
    # Reversing a centralisation is a peripheralisation.
    if shift is PainShift.CENTRALISING:
        assert classify(where_after, where_before) is PainShift.PERIPHERALISING


def test_the_chart_gets_each_sessions_shift() -> None:
    today = date(2026, 3, 10)
    sessions = [
        SessionFacts(today, SessionStatus.COMPLETED, "r", 6, 3, THIGH, BACK),
        SessionFacts(today, SessionStatus.COMPLETED, "r", 3, 3, BUTTOCK, BELOW_KNEE),
        SessionFacts(today, SessionStatus.ENDED_EARLY, "r", 4, None, FOOT, None),
        SessionFacts(today, SessionStatus.COMPLETED, "r", None, None, THIGH, BACK),  # unrated
    ]
    assert [p.shift for p in pain_by_session(sessions)] == [
        PainShift.CENTRALISING,
        PainShift.PERIPHERALISING,
        PainShift.UNKNOWN,
    ]
