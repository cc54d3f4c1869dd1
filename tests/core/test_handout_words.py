"""The handout's dose: whole sentences a patient reads on paper, no sums to do."""

from __future__ import annotations

import pytest

from timer_app.core.handout_words import everyday_dose, long_duration
from timer_app.core.routine import Dosing, Exercise, Sides


@pytest.mark.parametrize(
    ("exercise", "words"),
    [
        (
            Exercise("Knee-to-chest", Dosing.HOLD, Sides.ALTERNATE, reps=3, hold=30, rest=5),
            "Hold 30 seconds. Do it 3 times on each side, changing side each time. "
            "Rest 5 seconds between them.",
        ),
        (Exercise("Piriformis", Dosing.HOLD, reps=1, hold=45), "Hold 45 seconds. Do it once."),
        (
            Exercise("Hamstring", Dosing.HOLD, Sides.EACH, reps=1, hold=30, rest=5),
            "Hold 30 seconds. Do it once on each side, left side first. "
            "Rest 5 seconds between them.",
        ),
        (
            Exercise("Cat-cow", Dosing.TEMPO, reps=10, tempo=6),
            "Do it 10 times, slowly: about 6 seconds each time.",
        ),
        (
            Exercise("Bridging", Dosing.HOLD, reps=10, sets=2, hold=5, rest=5, set_rest=30),
            "Hold 5 seconds. Do it 10 times. Rest 5 seconds between them. "
            "Then rest 30 seconds and do all of that again.",
        ),
        (
            Exercise("Curl", Dosing.COUNTED, Sides.LEFT, reps=8, sets=3, set_rest=60),
            "Do it 8 times on your left side only. "
            "Do all of that 3 times in all, resting 1 minute in between.",
        ),
        (Exercise("Walking", Dosing.DURATION, duration=300), "Keep going for 5 minutes."),
    ],
)
def test_the_dose_in_everyday_words(exercise: Exercise, words: str) -> None:
    assert " ".join(everyday_dose(exercise)) == words


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(1, "1 second"), (30, "30 seconds"), (60, "1 minute"), (90, "1 minute 30 seconds")],
)
def test_durations_in_whole_words(seconds: float, words: str) -> None:
    assert long_duration(seconds) == words
