"""How a programme file writes its weeks and its dose changes, read into numbers.

`weeks: 1-2`, `weeks: 9+` (open-ended, the last stage only) or `weeks: 5`; a
change is `+15 s` (add), `-1` (subtract) or a plain value (replace) for hold,
reps, sets or a walk's duration. Each function returns what it read, or a
(message, hint) pair in the routine validator's plain words.
"""

from __future__ import annotations

import re

from timer_app.core.durations import DurationError, format_duration, parse_duration
from timer_app.core.programme.model import ChangeOp, DoseChange
from timer_app.core.routine import MAX_DURATION, MAX_REPS, MAX_SETS, MIN_DURATION
from timer_app.core.validation.messages import shown

Said = tuple[str, str | None]  # (message, hint)
Weeks = tuple[int, int | None]  # (first week, last week or None for "9+")

MAX_WEEK = 104  # two years: past that a plan is a new programme, not a stage
CHANGE_FIELDS = ("hold", "reps", "sets", "duration")
# Whole-number fields and their format limits (core/routine.py); the rest are times.
WHOLE_LIMITS = {"reps": MAX_REPS, "sets": MAX_SETS}
WEEKS_EXAMPLES = "1-2, 3-4, 9+ (from week 9 on) or 5"

_RANGE = re.compile(r"\s*(?:weeks?\s*)?([0-9]{1,9})\s*(?:-|–|—|to)\s*([0-9]{1,9})\s*", re.I | re.A)
_OPEN = re.compile(r"\s*(?:weeks?\s*)?([0-9]{1,9})\s*(?:\+|on|onwards?)\s*", re.I | re.A)
_ONE = re.compile(r"\s*(?:weeks?\s*)?([0-9]{1,9})\s*", re.I | re.A)
_SIGNED = re.compile(r"\s*([+\-−])\s*(.*)", re.S)


def parse_weeks(value: object) -> Weeks | Said:
    """(first, last) weeks of `weeks: 1-2`, `9+` or `5`; a (message, hint) otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _checked(value, value, str(value))
    if not isinstance(value, str):
        return (f"weeks must be like {WEEKS_EXAMPLES}, not {shown(value)}", None)
    if match := _RANGE.fullmatch(value):
        return _checked(int(match.group(1)), int(match.group(2)), value)
    if match := _OPEN.fullmatch(value):
        return _checked(int(match.group(1)), None, value)
    if match := _ONE.fullmatch(value):
        return _checked(int(match.group(1)), int(match.group(1)), value)
    return (f"weeks must be like {WEEKS_EXAMPLES}, not {shown(value)}", None)


def _checked(first: int, last: int | None, text: str) -> Weeks | Said:
    for week in (first, last):
        if week is not None and not 1 <= week <= MAX_WEEK:
            return (f"weeks are numbered from 1 to {MAX_WEEK}, not {week}", None)
    if last is not None and last < first:
        return (
            f"weeks {shown(text)} end before they start",
            f"write the earlier week first, such as weeks: {last}-{first}",
        )
    return (first, last)


def parse_change(field: str, value: object) -> DoseChange | Said:
    """One `change:` entry: `+15 s` adds, `-15 s` subtracts, `30 s` replaces."""
    op = ChangeOp.REPLACE
    rest: object = value
    if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
        op, rest = ChangeOp.SUBTRACT, -value
    elif isinstance(value, str) and (match := _SIGNED.fullmatch(value)):
        op = ChangeOp.ADD if match.group(1) == "+" else ChangeOp.SUBTRACT
        rest = match.group(2)
    read = _whole if field in WHOLE_LIMITS else _seconds
    amount = read(field, rest, value)
    return amount if isinstance(amount, tuple) else DoseChange(field, op, amount)


def _whole(field: str, rest: object, value: object) -> float | Said:
    high = WHOLE_LIMITS[field]
    number: int | None = None
    if isinstance(rest, int) and not isinstance(rest, bool):
        number = rest
    elif (isinstance(rest, float) and rest.is_integer()) or (
        isinstance(rest, str) and re.fullmatch(r"\s*[0-9]{1,9}\s*", rest, re.A)
    ):
        number = int(rest)
    if number is None:
        return (
            f"a change of {field} must be a whole number, not {shown(value)}",
            f"write +2 to add 2 {field}, -1 to take 1 away, or 3 for exactly 3",
        )
    if not 1 <= number <= high:  # adding 0 changes nothing; past the limit is a mistake
        return (f"a change of {field} must be between 1 and {high}, not {number}", None)
    return float(number)


def _seconds(field: str, rest: object, value: object) -> float | Said:
    try:
        seconds = parse_duration(rest)
    except DurationError as error:
        return (
            f"a change of {field} {error.message} ({shown(value)})",
            f"write +15 s to add 15 seconds, -15 s to take them away, "
            f"or {format_duration(30)} for exactly that long",
        )
    if not MIN_DURATION <= seconds <= MAX_DURATION:  # parse_duration's own limits
        return (f"a change of {field} must be at most {format_duration(MAX_DURATION)}", None)
    return seconds
