"""`remind_at: ["08:00", "18:30"]`: the times a routine suggests for its reminders.

Times are 24-hour wall-clock times, `HH:MM`. The patient's own times (Settings)
win over these; they only fill in when the patient set none. The way people
write times otherwise (`8am`, `6:30 pm`, `18h30`, `18.30`) is reported on its
own line with the time to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import time
from typing import Any

from timer_app.core.validation.messages import PathKey, kind, shown

MAX_REMIND_TIMES = 12
FIELD = "remind_at"
_HINT = 'write 24-hour times in quotes, such as remind_at: ["08:00", "18:30"]'
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})", re.ASCII)
# 8am, 6:30 pm, 18h30, 18.30: what the time means, to say what to write.
_SPOKEN = re.compile(r"([0-9]{1,2})(?:[:h.]([0-9]{2}))?\s*(am|pm|a\.m\.|p\.m\.)?", re.ASCII)

Add = Callable[[PathKey, str, "str | None"], None]


def parse_clock_time(text: str) -> time | None:
    """ "08:00" or "8:00" -> 08:00; None for anything else (also "24:00", "7:60")."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)


def check_remind_at(data: dict[str, Any], add: Add) -> tuple[time, ...]:
    """The suggested times, sorted, each once; every bad one reported where it is."""
    if FIELD not in data or data[FIELD] is None:
        return ()
    value = data[FIELD]
    items, one = ([value], True) if isinstance(value, str) else (value, False)
    if not isinstance(items, list):
        add((FIELD,), f"{FIELD} must be a list of times, not {kind(value)}", _HINT)
        return ()
    found: list[time] = []
    for index, item in enumerate(items):
        where: PathKey = (FIELD,) if one else (FIELD, index)
        parsed = parse_clock_time(item) if isinstance(item, str) else None
        if parsed is None:
            add(where, _not_a_time(item), _suggestion(item))
        else:
            found.append(parsed)
    times = tuple(sorted(set(found)))
    if len(times) > MAX_REMIND_TIMES:
        add(
            (FIELD,),
            f"{FIELD} has {len(times)} times; at most {MAX_REMIND_TIMES} are allowed",
            None,
        )
        return ()
    return times


def _not_a_time(item: object) -> str:
    return f"{FIELD} times must be 24-hour times such as 08:00 or 18:30, not {shown(item)}"


def _suggestion(item: object) -> str:
    """ "did you mean '18:30'?" when the meaning is clear, else how to write a time."""
    if isinstance(item, int) and not isinstance(item, bool) and 0 <= item <= 23:
        return f"did you mean '{item:02d}:00'? Put the time in quotes"
    if not isinstance(item, str):
        return _HINT
    match = _SPOKEN.fullmatch(item.strip().lower())
    if match is None:
        return _HINT
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    half = match.group(3)
    if half is not None:
        if not 1 <= hours <= 12:
            return _HINT
        hours = hours % 12 + (12 if half.startswith("p") else 0)
    if hours > 23 or minutes > 59:
        return _HINT
    return f"did you mean '{hours:02d}:{minutes:02d}'?"
