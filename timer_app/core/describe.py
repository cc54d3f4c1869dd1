"""A routine's dose in plain words, for the routines list and the command line.

"Hold 30 s · 3 reps each side, alternating", "15 reps", "10 reps, 6 s each".
Pure functions of the routine model. Every phrase passes through `translate`,
which has the signature of Qt's `QCoreApplication.translate(context, text,
disambiguation, n)`: the GUI hands in Qt's translator, the command line keeps
`english`. The calls are spelled `translate("Describe", "...")` with literal
arguments because that is the shape pyside6-lupdate recognises: it finds the
phrases here without core importing Qt. Counts use Qt's `%n` plural form
("%n rep(s)"), so a translator can give every plural form their language has.
"""

from __future__ import annotations

import math
from typing import Protocol

from timer_app.core.plan import plan_size
from timer_app.core.routine import Dosing, Exercise, Frequency, Routine, Sides

SEPARATOR = " · "


class Translate(Protocol):
    """`QCoreApplication.translate`'s shape: n >= 0 picks a plural form for %n."""

    def __call__(
        self, context: str, text: str, disambiguation: str | None = None, n: int = -1
    ) -> str: ...


def english(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The source text itself, with English plurals: "%n rep(s)" -> "1 rep", "3 reps".

    Qt without a translation only puts the number in for %n and leaves "(s)" as
    it is; the command line, and the GUI when no translation has the phrase,
    use this instead.
    """
    if n < 0:
        return text
    return text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")


def duration_in_words(seconds: float, translate: Translate = english) -> str:
    """30 -> "30 s", 90 -> "1 min 30 s", 120 -> "2 min", 3600 -> "1 h"."""
    total = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts: list[str] = []
    if hours:
        parts.append(translate("Describe", "%n h", "hours, abbreviated", hours))
    if minutes:
        parts.append(translate("Describe", "%n min", "minutes, abbreviated", minutes))
    if secs or not parts:
        parts.append(translate("Describe", "%n s", "seconds, abbreviated", secs))
    return " ".join(parts)


def _reps(n: int, translate: Translate) -> str:
    return translate("Describe", "%n rep(s)", None, n)


def _with_sides(reps: str, sides: Sides, translate: Translate) -> str:
    if sides is Sides.ALTERNATE:
        return translate("Describe", "{reps} each side, alternating").format(reps=reps)
    if sides is Sides.EACH:
        return translate("Describe", "{reps} each side, left side first").format(reps=reps)
    if sides is Sides.LEFT:
        return translate("Describe", "{reps}, left side only").format(reps=reps)
    if sides is Sides.RIGHT:
        return translate("Describe", "{reps}, right side only").format(reps=reps)
    return reps


def dose_in_words(exercise: Exercise, translate: Translate = english) -> str:
    """What the routine says to do, in the words a therapist would use."""
    if exercise.dosing is Dosing.DURATION:
        return duration_in_words(exercise.duration or 0.0, translate)
    parts: list[str] = []
    reps = _reps(exercise.reps, translate)
    if exercise.dosing is Dosing.HOLD:
        hold = duration_in_words(exercise.hold or 0, translate)
        parts.append(translate("Describe", "Hold {time}").format(time=hold))
    elif exercise.dosing is Dosing.TEMPO:
        tempo = duration_in_words(exercise.tempo or 0, translate)
        reps = translate("Describe", "{reps}, {time} each").format(reps=reps, time=tempo)
    parts.append(_with_sides(reps, exercise.sides, translate))
    if exercise.sets > 1:
        parts.append(translate("Describe", "%n set(s)", None, exercise.sets))
    if exercise.rest > 0 and len(exercise.sides_sequence) > 1:
        rest = duration_in_words(exercise.rest, translate)
        parts.append(translate("Describe", "rest {time}").format(time=rest))
    return SEPARATOR.join(parts)


def frequency_in_words(frequency: Frequency | None, translate: Translate = english) -> str:
    """ "3 times a day", "once a week"; empty when the routine does not say."""
    if frequency is None:
        return ""
    n = frequency.times
    # "once" and "twice" are words of their own in English; other languages may
    # translate them with their plural form of 1 and 2.
    if frequency.period == "day":
        if n == 1:
            return translate("Describe", "once a day")
        if n == 2:
            return translate("Describe", "twice a day")
        return translate("Describe", "%n time(s) a day", None, n)
    if n == 1:
        return translate("Describe", "once a week")
    if n == 2:
        return translate("Describe", "twice a week")
    return translate("Describe", "%n time(s) a week", None, n)


def total_time_in_words(routine: Routine, translate: Translate = english) -> str:
    """The planned time; counted reps take as long as they take, so say so."""
    # Counted, not built: the routines list shows this for every routine at start.
    rounded = _rounded_minutes(plan_size(routine).seconds, translate)
    text = translate("Describe", "about {time}").format(time=rounded)
    if any(e.dosing is Dosing.COUNTED for e in routine.exercises):
        text = translate("Describe", "{time} plus your counted reps").format(time=text)
    return text


def _rounded_minutes(seconds: float, translate: Translate) -> str:
    # A list shows "about 12 min": seconds would suggest a precision the
    # counted reps and pauses do not have.
    if seconds < 60:
        return duration_in_words(seconds, translate)
    return duration_in_words(round(seconds / 60) * 60, translate)
