"""Durations as therapists write them, and the plain messages for the ones we refuse."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timer_app.core.durations import DurationError, format_duration, parse_duration


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        (30, 30.0),
        (2.5, 2.5),
        ("30", 30.0),
        ("30s", 30.0),
        ("30 s", 30.0),
        ("45 sec", 45.0),
        ("45 secs", 45.0),
        ("45 seconds", 45.0),
        ("1 second", 1.0),
        ("2 min", 120.0),
        ("2 minutes", 120.0),
        ("1.5 min", 90.0),
        ("1m30s", 90.0),
        ("1 min 30 s", 90.0),
        ("1:30", 90.0),
        ("0:45", 45.0),
        ("1:00:00", 3600.0),
        ("1 h", 3600.0),
        ("  2 MIN ", 120.0),
    ],
)
def test_accepted_forms(written: object, seconds: float) -> None:
    assert parse_duration(written) == seconds


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        (0, "must be at least 1 s (it is 0 s)", None),
        (-5, "must be at least 1 s (it is -5 s)", None),
        (3601, "must be at most 1 h (it is 1 h 1 s)", "a number without a unit means seconds"),
        ("2 h", "must be at most 1 h (it is 2 h)", None),
        ("30 parsecs", "has an unknown unit 'parsecs'", "did you mean 'secs'?"),
        ("30 ms", "has an unknown unit 'ms'", "did you mean 's'?"),
        ("30 fortnights", "has an unknown unit 'fortnights'", "use s, sec, seconds, min, minutes"),
        (
            "yes",
            "is not a length of time: 'yes'",
            "write it for example 30, 30 s, 45 seconds, 2 min, 1.5 min, 1m30s or 1:30",
        ),
        ("", "is empty", None),
        ("1 min 30", "has a number without a unit: '1 min 30'", None),
        ("1:75", "has 75 seconds after ':'", "seconds go up to 59; 1:30 means 1 min 30 s"),
        ("a while", "is not a length of time: 'a while'", None),
        (True, "is not a length of time: 'true'", None),
        (None, "is empty", None),
        ([30], "must be a length of time, not a list or a group of fields", None),
        (float("nan"), "is not a length of time", None),
    ],
)
def test_refused_with_a_plain_message(written: object, message: str, hint: str | None) -> None:
    with pytest.raises(DurationError) as caught:
        parse_duration(written)
    assert caught.value.message == message
    if hint is not None:
        assert caught.value.hint == hint


def test_zero_allowed_for_rests_but_never_negative() -> None:
    assert parse_duration(0, allow_zero=True) == 0
    assert parse_duration("0 s", allow_zero=True) == 0
    with pytest.raises(DurationError, match="can't be negative"):
        parse_duration(-1, allow_zero=True)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (45, "45 s"),
        (1.5, "1.5 s"),
        (60, "1 min"),
        (90, "1 min 30 s"),
        (3600, "1 h"),
        (3725, "1 h 2 min 5 s"),
    ],
)
def test_format_duration(seconds: float, shown: str) -> None:
    assert format_duration(seconds) == shown


@given(st.integers(min_value=1, max_value=3600))
def test_formatted_durations_parse_back(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


@given(st.text(max_size=30))
def test_any_text_is_a_duration_or_a_plain_refusal(text: str) -> None:
    try:
        seconds = parse_duration(text)
    except DurationError as error:
        assert error.message
    else:
        assert 1 <= seconds <= 3600
