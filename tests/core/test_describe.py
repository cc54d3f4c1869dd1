"""The dose in words the routines list shows: what the therapist prescribed."""

from __future__ import annotations

import pytest

from timer_app.core.describe import (
    dose_in_words,
    duration_in_words,
    english,
    frequency_in_words,
    total_time_in_words,
)
from timer_app.core.routine import Dosing, Exercise, Frequency, Routine, Sides


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "0 s"),
        (30, "30 s"),
        (45, "45 s"),
        (60, "1 min"),
        (90, "1 min 30 s"),
        (120, "2 min"),
        (3600, "1 h"),
        (3725, "1 h 2 min 5 s"),
        (29.2, "30 s"),
    ],
)
def test_durations_read_as_a_person_says_them(seconds: float, words: str) -> None:
    assert duration_in_words(seconds) == words


def test_knee_to_chest_reads_like_the_guide() -> None:
    exercise = Exercise("Knee-to-chest", Dosing.HOLD, sides=Sides.ALTERNATE, reps=3, hold=30.0)
    assert dose_in_words(exercise) == "Hold 30 s · 3 reps each side, alternating"


def test_rest_between_reps_is_named_when_there_is_one() -> None:
    exercise = Exercise(
        "Knee-to-chest", Dosing.HOLD, sides=Sides.ALTERNATE, reps=3, hold=30.0, rest=5.0
    )
    assert dose_in_words(exercise) == "Hold 30 s · 3 reps each side, alternating · rest 5 s"


def test_counted_and_paced_reps() -> None:
    assert dose_in_words(Exercise("Pelvic tilt", Dosing.COUNTED, reps=15)) == "15 reps"
    cat_cow = Exercise("Cat-cow", Dosing.TEMPO, reps=10, tempo=6.0)
    assert dose_in_words(cat_cow) == "10 reps, 6 s each"
    assert dose_in_words(Exercise("One", Dosing.COUNTED, reps=1)) == "1 rep"


def test_sets_sides_and_timed_activities() -> None:
    bridge = Exercise("Bridge", Dosing.HOLD, sets=2, reps=10, hold=5.0)
    assert dose_in_words(bridge) == "Hold 5 s · 10 reps · 2 sets"
    each = Exercise("Piriformis", Dosing.HOLD, sides=Sides.EACH, reps=3, hold=45.0)
    assert dose_in_words(each) == "Hold 45 s · 3 reps each side, left side first"
    left = Exercise("Calf", Dosing.COUNTED, sides=Sides.LEFT, reps=8)
    assert dose_in_words(left) == "8 reps, left side only"
    walk = Exercise("Walk", Dosing.DURATION, duration=300.0)
    assert dose_in_words(walk) == "5 min"


def test_frequency_in_words() -> None:
    assert frequency_in_words(None) == ""
    assert frequency_in_words(Frequency(1, "day")) == "once a day"
    assert frequency_in_words(Frequency(2, "day")) == "twice a day"
    assert frequency_in_words(Frequency(3, "day")) == "3 times a day"
    assert frequency_in_words(Frequency(1, "week")) == "once a week"
    assert frequency_in_words(Frequency(4, "week")) == "4 times a week"


def test_total_time_rounds_to_minutes_and_mentions_counted_reps() -> None:
    hold = Exercise("Hold", Dosing.HOLD, reps=3, hold=30.0, sides=Sides.ALTERNATE, rest=5.0)
    # 5 s lead-in + 6 holds of 30 s + 5 rests of 5 s = 210 s -> about 4 min
    assert total_time_in_words(Routine("r", "R", (hold,))) == "about 4 min"
    counted = Exercise("Tilts", Dosing.COUNTED, reps=15)
    both = Routine("r", "R", (hold, counted))
    assert total_time_in_words(both) == "about 4 min plus your counted reps"


def test_phrases_go_through_the_translator() -> None:
    exercise = Exercise("Hug", Dosing.HOLD, reps=3, hold=30.0)
    german = {"Hold {time}": "{time} halten"}

    def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        assert context == "Describe"  # the context the template lists them under
        if text == "%n rep(s)":  # German: one form for 1, another for the rest
            return f"{n} Wiederholung" if n == 1 else f"{n} Wiederholungen"
        return english(context, german.get(text, text), disambiguation, n)

    assert dose_in_words(exercise, translate) == "30 s halten · 3 Wiederholungen"
    assert dose_in_words(Exercise("Hug", Dosing.COUNTED, reps=1), translate) == "1 Wiederholung"


def test_counts_reach_the_translator_as_plurals() -> None:
    # Qt picks the plural form from n: every counted phrase must hand its count over.
    asked: list[tuple[str, int]] = []

    def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        asked.append((text, n))
        return english(context, text, disambiguation, n)

    bridge = Exercise("Bridge", Dosing.HOLD, sets=2, reps=10, hold=65.0)
    dose_in_words(bridge, translate)
    frequency_in_words(Frequency(3, "week"), translate)
    duration_in_words(3600, translate)
    assert ("%n rep(s)", 10) in asked
    assert ("%n set(s)", 2) in asked
    assert ("%n min", 1) in asked and ("%n s", 5) in asked
    assert ("%n time(s) a week", 3) in asked
    assert ("%n h", 1) in asked


@pytest.mark.parametrize(
    ("text", "n", "words"),
    [
        ("%n rep(s)", 1, "1 rep"),
        ("%n rep(s)", 0, "0 reps"),
        ("%n rep(s)", 12, "12 reps"),
        ("%n min", 1, "1 min"),
        ("about {time}", -1, "about {time}"),
    ],
)
def test_english_fallback_makes_the_plurals(text: str, n: int, words: str) -> None:
    assert english("Describe", text, None, n) == words
