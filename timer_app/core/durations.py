"""Durations as therapists write them: `30`, `30s`, `45 sec`, `2 min`, `1m30s`, `1:30`.

A bare number is seconds. Text may combine parts with units (`1 min 30 s`) or use a
clock form (`m:ss`, `h:mm:ss`). Every refusal is a `DurationError` with a plain
message and, where one helps, a hint; callers attach the field and location.
"""

from __future__ import annotations

import difflib
import math
import re

from timer_app.core.routine import MAX_DURATION, MIN_DURATION
from timer_app.core.validation.messages import echo

UNITS: dict[str, float] = {
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
}

EXAMPLES = "for example 30, 30 s, 45 seconds, 2 min, 1.5 min, 1m30s or 1:30"

# ASCII digits only (re.ASCII): `\d` alone also matches '٣' or '９', and a number
# is written in decimal ASCII digits or refused with its location. The clock form
# takes at most 9 digits: int() of 4,301+ digits raises.
_PART = re.compile(r"\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*([^\d\s.:+-][^\d\s]*)?\s*", re.ASCII)
_CLOCK = re.compile(r"\s*(\d{1,9}):(\d{1,2})(?::(\d{1,2}))?\s*", re.ASCII)


_SHOWN_UP_TO = 1e7


class DurationError(ValueError):
    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def parse_duration(value: object, *, allow_zero: bool = False) -> float:
    """Seconds from a number or text; between 1 s and 1 h (0 also, if `allow_zero`)."""
    seconds = _seconds(value)
    if math.isnan(seconds) or math.isinf(seconds):
        raise DurationError("is not a length of time", f"write it {EXAMPLES}")
    low = 0.0 if allow_zero else MIN_DURATION
    if seconds < low:
        shown = format_duration(seconds) if seconds > 0 else _number(seconds) + " s"
        if allow_zero:
            raise DurationError(f"can't be negative ({shown})", "use 0 for no pause")
        raise DurationError(
            f"must be at least {format_duration(MIN_DURATION)} (it is {shown})",
        )
    if seconds > MAX_DURATION:
        # Past a few days the exact figure is noise (1e300 s has 297 digits of hours).
        actual = format_duration(seconds) if seconds < _SHOWN_UP_TO else "far longer"
        raise DurationError(
            f"must be at most {format_duration(MAX_DURATION)} (it is {actual})",
            "a number without a unit means seconds" if isinstance(value, int | float) else None,
        )
    return seconds


def _seconds(value: object) -> float:
    if isinstance(value, bool) or value is None:
        raise DurationError(_not_a_duration(value), f"write it {EXAMPLES}")
    if isinstance(value, int | float):
        try:
            return float(value)
        except OverflowError:  # an int of 310+ digits: longer than any limit
            return math.inf
    if not isinstance(value, str):
        raise DurationError("must be a length of time, not a list or a group of fields")
    text = value.strip().lower()
    if not text:
        raise DurationError("is empty", f"write a length of time, {EXAMPLES}")
    clock = _CLOCK.fullmatch(text)
    if clock:
        return _clock_seconds(clock)
    return _unit_seconds(value, text)


def _clock_seconds(match: re.Match[str]) -> float:
    first, second, third = match.groups()
    if third is None:  # m:ss
        minutes, seconds = int(first), int(second)
        hours = 0
    else:  # h:mm:ss
        hours, minutes, seconds = int(first), int(second), int(third)
        if minutes >= 60:
            raise DurationError(f"has {minutes} minutes after the hours", "minutes go up to 59")
    if seconds >= 60:
        raise DurationError(
            f"has {seconds} seconds after ':'", "seconds go up to 59; 1:30 means 1 min 30 s"
        )
    return float(hours * 3600 + minutes * 60 + seconds)


def _unit_seconds(original: str, text: str) -> float:
    position, total, parts = 0, 0.0, 0
    while position < len(text):
        match = _PART.match(text, position)
        if match is None or match.end() == position:
            raise DurationError(
                f"is not a length of time: '{echo(original.strip())}'", f"write it {EXAMPLES}"
            )
        number, unit = match.groups()
        if unit is None:
            if parts or match.end() < len(text):
                raise DurationError(
                    f"has a number without a unit: '{echo(original.strip())}'",
                    "give each number a unit, such as 1 min 30 s",
                )
            unit = "s"  # "30" written as text is still seconds
        if unit not in UNITS:
            close = difflib.get_close_matches(unit, list(UNITS), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "use s, sec, seconds, min, minutes"
            raise DurationError(f"has an unknown unit '{echo(unit)}'", hint)
        total += float(number) * UNITS[unit]
        parts += 1
        position = match.end()
    return total


def _not_a_duration(value: object) -> str:
    if value is None:
        return "is empty"
    return f"is not a length of time: '{str(value).lower()}'"


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def format_duration(seconds: float) -> str:
    """Short, readable: `45 s`, `2 min`, `1 min 30 s`, `1 h 5 min`."""
    seconds = round(seconds, 3)
    if seconds < 60:
        return f"{_number(seconds)} s"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} h")
    if minutes:
        parts.append(f"{minutes} min")
    if secs:
        parts.append(f"{secs} s")
    return " ".join(parts)
