"""A routine's dose in plain words, for the routines list and the command line.

"Hold 30 s · 3 reps each side, alternating", "15 reps", "10 reps, 6 s each".
Pure functions of the routine model. Every phrase passes through `tr`, so the GUI
can hand in Qt's translator while the command line keeps the English text.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from timer_app.core.plan import build_plan
from timer_app.core.routine import Dosing, Exercise, Frequency, Routine, Sides

Translate = Callable[[str], str]

SEPARATOR = " · "


def _same(text: str) -> str:
    return text


def duration_in_words(seconds: float, tr: Translate = _same) -> str:
    """30 -> "30 s", 90 -> "1 min 30 s", 120 -> "2 min", 3600 -> "1 h"."""
    total = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts: list[str] = []
    if hours:
        parts.append(tr("{n} h").format(n=hours))
    if minutes:
        parts.append(tr("{n} min").format(n=minutes))
    if secs or not parts:
        parts.append(tr("{n} s").format(n=secs))
    return " ".join(parts)


def _reps(n: int, tr: Translate) -> str:
    return (tr("1 rep") if n == 1 else tr("{n} reps")).format(n=n)


def _with_sides(reps: str, sides: Sides, tr: Translate) -> str:
    if sides is Sides.ALTERNATE:
        return tr("{reps} each side, alternating").format(reps=reps)
    if sides is Sides.EACH:
        return tr("{reps} each side, left side first").format(reps=reps)
    if sides is Sides.LEFT:
        return tr("{reps}, left side only").format(reps=reps)
    if sides is Sides.RIGHT:
        return tr("{reps}, right side only").format(reps=reps)
    return reps


def dose_in_words(exercise: Exercise, tr: Translate = _same) -> str:
    """What the routine says to do, in the words a therapist would use."""
    if exercise.dosing is Dosing.DURATION:
        return duration_in_words(exercise.duration or 0.0, tr)
    parts: list[str] = []
    if exercise.dosing is Dosing.HOLD:
        parts.append(tr("Hold {time}").format(time=duration_in_words(exercise.hold or 0, tr)))
        reps = _reps(exercise.reps, tr)
    elif exercise.dosing is Dosing.TEMPO:
        tempo = duration_in_words(exercise.tempo or 0, tr)
        reps = tr("{reps}, {time} each").format(reps=_reps(exercise.reps, tr), time=tempo)
    else:
        reps = _reps(exercise.reps, tr)
    parts.append(_with_sides(reps, exercise.sides, tr))
    if exercise.sets > 1:
        parts.append(tr("{n} sets").format(n=exercise.sets))
    if exercise.rest > 0 and len(exercise.sides_sequence) > 1:
        parts.append(tr("rest {time}").format(time=duration_in_words(exercise.rest, tr)))
    return SEPARATOR.join(parts)


def frequency_in_words(frequency: Frequency | None, tr: Translate = _same) -> str:
    """ "3 times a day", "once a week"; empty when the routine does not say."""
    if frequency is None:
        return ""
    if frequency.period == "day":
        if frequency.times == 1:
            return tr("once a day")
        if frequency.times == 2:
            return tr("twice a day")
        return tr("{n} times a day").format(n=frequency.times)
    if frequency.times == 1:
        return tr("once a week")
    if frequency.times == 2:
        return tr("twice a week")
    return tr("{n} times a week").format(n=frequency.times)


def total_time_in_words(routine: Routine, tr: Translate = _same) -> str:
    """The planned time; counted reps take as long as they take, so say so."""
    plan = build_plan(routine)
    text = tr("about {time}").format(time=_rounded_minutes(plan.total_seconds, tr))
    if any(e.dosing is Dosing.COUNTED for e in routine.exercises):
        text = tr("{time} plus your counted reps").format(time=text)
    return text


def _rounded_minutes(seconds: float, tr: Translate) -> str:
    # A list shows "about 12 min": seconds would suggest a precision the
    # counted reps and pauses do not have.
    if seconds < 60:
        return duration_in_words(seconds, tr)
    return duration_in_words(round(seconds / 60) * 60, tr)
