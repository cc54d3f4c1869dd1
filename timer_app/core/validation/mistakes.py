"""The dose mistakes people really make in routine files, said in their own words.

A therapist writes a dose the way it is said in clinic: `reps: 10 each side`,
`reps: 8-12`, `hold: 30-45 s`, `sets: 2x10`, `frequency: twice a day`. The plain
checks ("must be a whole number", "has a number without a unit") are true but do
not say what to write instead; these functions recognise each form and return
the message and hint that do. The common ways of saying how often (`daily`,
`twice a day`, `3x daily`, `weekly`) are read as frequencies, not refused.
"""

from __future__ import annotations

import re

from timer_app.core.validation.messages import echo

Said = tuple[str, str]  # (message, hint)

_NUMBER = r"([0-9]{1,9}(?:\.[0-9]{1,3})?)"
_UNIT = r"\s*(s|sec|secs|seconds?|min|mins|minutes?|m)?\.?"
# "8-12", "8 – 12", "8 to 12"; for times each number may carry its unit ("30s-45s").
_RANGE = re.compile(rf"\s*{_NUMBER}{_UNIT}\s*(?:-|–|—|to)\s*{_NUMBER}{_UNIT}\s*", re.I | re.A)
_PER_SIDE = re.compile(
    r"\s*([0-9]{1,9})\s*(?:x\s*)?(?:reps?\s*)?(?:on\s+)?(?:each|per|every|a)\s*(?:side|leg)s?\s*",
    re.I | re.A,
)
_SETS_BY_REPS = re.compile(
    r"\s*([0-9]{1,9})\s*(?:x|×|\*|sets?\s+of)\s*([0-9]{1,9})\s*", re.I | re.A
)

_WORD_TIMES = {"once": 1, "twice": 2, "three times": 3, "four times": 4, "five times": 5}
_PERIODS = {"day": "day", "daily": "day", "week": "week", "weekly": "week"}
# "3x daily", "3 times daily", "twice a day", "once per week", "twice weekly"
_SPOKEN = re.compile(
    r"\s*(?:(once|twice|three times|four times|five times)|([0-9]{1,9})\s*(?:x|times?))\s*"
    r"(?:(?:a|per|each|every|/)\s*(day|week)|(daily|weekly))\s*",
    re.I | re.A,
)
_ALONE = {"daily": (1, "day"), "every day": (1, "day"), "weekly": (1, "week")}

FREQUENCY_FORMS = "3x/day, 2x/week, daily, twice a day, 3x daily or weekly"


def whole_number_mistake(field: str, value: str) -> Said | None:
    """Why `sets` or `reps` text is not a whole number, when it is a known habit."""
    if field == "reps" and (match := _PER_SIDE.fullmatch(value)):
        return (
            f"reps are per side: '{echo(value)}' says the side in reps, where only the number goes",
            f"write reps: {match.group(1)} and sides: each (all left reps, then all right) "
            "or sides: alternate",
        )
    if match := _SETS_BY_REPS.fullmatch(value):
        sets, reps = match.group(1), match.group(2)
        return (
            f"{field} holds one number; '{echo(value)}' is sets and reps together",
            f"write sets: {sets} and reps: {reps} on two lines",
        )
    if match := _RANGE.fullmatch(value):
        return (
            f"ranges such as '{echo(value)}' are not supported in {field}",
            f"write the dose to do, such as {field}: {match.group(1)}",
        )
    return None


def duration_mistake(field: str, value: str) -> Said | None:
    """Why a time is refused, when it is a range (`30-45 s`, `30s-45s`)."""
    match = _RANGE.fullmatch(value)
    if match is None:
        return None
    low, low_unit, _, unit = match.groups()
    return (
        f"ranges such as '{echo(value)}' are not supported in {field}",
        f"write the time to do, such as {field}: {low} {unit or low_unit or 's'}",
    )


def spoken_frequency(value: str) -> tuple[int, str] | None:
    """(times, "day" or "week") for the ways clinicians say how often, else None."""
    text = " ".join(value.lower().split())
    if text in _ALONE:
        return _ALONE[text]
    match = _SPOKEN.fullmatch(text)
    if match is None:
        return None
    words, digits, period, adverb = match.groups()
    times = _WORD_TIMES[words] if words else int(digits)
    return times, _PERIODS[period or adverb]
