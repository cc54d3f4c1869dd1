"""The handout's words: a dose as a person reads it on paper, with no arithmetic.

"Hold 30 seconds. Do it 3 times on each side, left side first." The routines
list says "Hold 30 s · 3 reps each side" (`core.describe`); on the fridge a
patient reads whole words and whole sentences, and never has to multiply sets
by reps by sides. Every number is one the routine gives as it is.

Pure Python: phrases pass through `translate` (Qt's shape, see `core.describe`),
spelled with literal arguments so pyside6-lupdate finds them.
"""

from __future__ import annotations

import math

from timer_app.core.describe import Translate, english
from timer_app.core.routine import Dosing, Exercise, Sides


def long_duration(seconds: float, translate: Translate = english) -> str:
    """30 -> "30 seconds", 90 -> "1 minute 30 seconds", 120 -> "2 minutes"."""
    total = max(0, math.ceil(seconds - 1e-9))
    minutes, secs = divmod(total, 60)
    parts: list[str] = []
    if minutes:
        parts.append(translate("Handout", "%n minute(s)", None, minutes))
    if secs or not parts:
        parts.append(translate("Handout", "%n second(s)", None, secs))
    return " ".join(parts)


def _times(n: int, translate: Translate) -> str:
    if n == 1:
        return translate("Handout", "Do it once")
    return translate("Handout", "Do it %n time(s)", None, n)


def _sides(sides: Sides, translate: Translate) -> str:
    if sides is Sides.ALTERNATE:
        return translate("Handout", " on each side, changing side each time")
    if sides is Sides.EACH:
        return translate("Handout", " on each side, left side first")
    if sides is Sides.LEFT:
        return translate("Handout", " on your left side only")
    if sides is Sides.RIGHT:
        return translate("Handout", " on your right side only")
    return ""


def everyday_dose(exercise: Exercise, translate: Translate = english) -> list[str]:
    """The dose as short sentences, in the order they are done."""
    if exercise.dosing is Dosing.DURATION:
        time = long_duration(exercise.duration or 0.0, translate)
        return [translate("Handout", "Keep going for {time}.").format(time=time)]
    sentences: list[str] = []
    if exercise.dosing is Dosing.HOLD:
        time = long_duration(exercise.hold or 0.0, translate)
        sentences.append(translate("Handout", "Hold {time}.").format(time=time))
    reps = _times(exercise.reps, translate) + _sides(exercise.sides, translate)
    if exercise.dosing is Dosing.TEMPO:
        time = long_duration(exercise.tempo or 0.0, translate)
        reps += translate("Handout", ", slowly: about {time} each time").format(time=time)
    sentences.append(reps + ".")
    if exercise.rest > 0 and len(exercise.sides_sequence) > 1:
        time = long_duration(exercise.rest, translate)
        sentences.append(translate("Handout", "Rest {time} between them.").format(time=time))
    if exercise.sets > 1:
        rest = long_duration(exercise.set_rest, translate)
        sentences.append(
            translate("Handout", "Then rest {time} and do all of that again.").format(time=rest)
            if exercise.sets == 2
            else translate(
                "Handout",
                "Do all of that %n time(s) in all, resting {time} in between.",
                None,
                exercise.sets,
            ).format(time=rest)
        )
    return sentences
