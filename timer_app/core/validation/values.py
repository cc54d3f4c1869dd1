"""Checks of one field's value: ids, frequency, whole numbers, durations, sides, text.

`ValueChecker` collects problems instead of stopping at the first: a therapist
fixing a file wants them all at once. Each check returns the value it read, or a
default (usually None) after adding a problem with the field's path.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

from timer_app.core.durations import DurationError, parse_duration
from timer_app.core.routine import Frequency, Sides
from timer_app.core.validation.messages import (
    MISSING_HINTS,
    SYNONYMS,
    PathKey,
    RoutineProblem,
    echo,
    is_scalar,
    kind,
    owner_of,
    shown,
)
from timer_app.core.validation.mistakes import (
    FREQUENCY_FORMS,
    duration_mistake,
    spoken_frequency,
    whole_number_mistake,
)
from timer_app.core.validation.text import looks_empty, text_problem

MAX_ID_LENGTH = 64
MAX_TIMES = 50

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FREQUENCY = re.compile(
    r"\s*([0-9]{1,9})\s*(?:x|times?)\s*(?:/|a|per)\s*(day|week)\s*", re.IGNORECASE | re.ASCII
)
_DIGITS = re.compile(r"[0-9]{1,9}")


def id_from_file_name(stem: str) -> str:
    """`Knee To Chest` -> `knee-to-chest`; accents dropped, other characters are breaks."""
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))[:MAX_ID_LENGTH].strip("-")


class ValueChecker:
    def __init__(self) -> None:
        self.problems: list[RoutineProblem] = []
        self.owner = "routine"  # what a path of () is, in messages

    def add(self, path: PathKey, message: str, hint: str | None = None) -> None:
        self.problems.append(RoutineProblem(path, message, hint))

    def identifier(self, data: dict[str, Any], default_id: str | None, what: str) -> str | None:
        if "id" not in data:
            if default_id:
                return default_id
            self.add(
                (),
                f"the {what} has no id and none can be made from the file name",
                "add a line such as: id: my-routine",
            )
            return None
        value = data["id"]
        if isinstance(value, str) and len(value) <= MAX_ID_LENGTH and ID_PATTERN.fullmatch(value):
            return value
        suggestion = id_from_file_name(str(value)) if isinstance(value, str | int) else ""
        self.add(
            ("id",),
            f"id must be lowercase letters, digits and hyphens (at most {MAX_ID_LENGTH}), "
            f"not {shown(value)}",
            f"for example: id: {suggestion}"
            if suggestion
            else "for example: id: morning-stretches",
        )
        return None

    def frequency(self, data: dict[str, Any]) -> Frequency | None:
        value = data.get("frequency")
        if value is None:
            return None
        match = _FREQUENCY.fullmatch(value) if isinstance(value, str) else None
        # "daily", "twice a day", "3x daily": how clinicians write it, read as meant.
        spoken = spoken_frequency(value) if isinstance(value, str) and not match else None
        if match is None and spoken is None:
            self.add(
                ("frequency",),
                f"frequency must be like {FREQUENCY_FORMS}, not {shown(value)}",
            )
            return None
        if match is not None:
            times, period = int(match.group(1)), match.group(2).lower()
        else:
            times, period = spoken or (0, "")
        if not 1 <= times <= MAX_TIMES:
            self.add(
                ("frequency",), f"frequency must be between 1 and {MAX_TIMES} times, not {times}"
            )
            return None
        return Frequency(times, period)

    def sides(self, data: dict[str, Any], path: PathKey) -> Sides | None:
        value = data.get("sides", Sides.NONE.value)
        choices = [s.value for s in Sides]
        if isinstance(value, str) and value.strip().lower() in choices:
            return Sides(value.strip().lower())
        close = difflib.get_close_matches(str(value).lower(), choices, n=1, cutoff=0.5)
        self.add(
            (*path, "sides"),
            f"sides must be one of {', '.join(choices)}, not {shown(value)}",
            f"did you mean '{close[0]}'?"
            if close
            else "alternate: left, right, left…; each: all left reps, then all right",
        )
        return None

    def whole(
        self, data: dict[str, Any], path: PathKey, field: str, low: int, high: int
    ) -> int | None:
        if field not in data:
            return None
        value = data[field]
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
            # ASCII digits only: str.isdigit() also takes '²' and '٣', and int('²')
            # raised, which took the whole routine list down with it.
            number = int(value.strip())
        if number is None:
            mistake = whole_number_mistake(field, value) if isinstance(value, str) else None
            if mistake is not None:
                self.add((*path, field), *mistake)
                return None
            self.add(
                (*path, field),
                f"{field} must be a whole number such as 3, not {shown(value)}",
                "write it in digits" if isinstance(value, str) else None,
            )
            return None
        if not low <= number <= high:
            self.add((*path, field), f"{field} must be between {low} and {high}, not {number}")
            return None
        return number

    def duration(
        self,
        data: dict[str, Any],
        path: PathKey,
        field: str,
        default: float | None,
        *,
        allow_zero: bool = False,
    ) -> float | None:
        if field not in data:
            return default
        try:
            return parse_duration(data[field], allow_zero=allow_zero)
        except DurationError as error:
            value = data[field]
            mistake = duration_mistake(field, value) if isinstance(value, str) else None
            if mistake is not None:  # "30-45 s": say it is a range, not "no unit"
                self.add((*path, field), *mistake)
            else:
                self.add((*path, field), f"{field} {error.message}", error.hint)
            return default

    def text(
        self, data: dict[str, Any], path: PathKey, field: str, *, required: bool = False
    ) -> str | None:
        value = data.get(field)
        if isinstance(value, str) and value.strip():
            return self.plain_text((*path, field), field, value.strip(), required=required)
        if value is None or isinstance(value, str):
            if required:
                where = (*path, field) if field in data else path
                owner = owner_of(path) or f"the {self.owner}"
                message = f"{field} is empty" if field in data else f"{owner} has no {field}"
                self.add(where, message, MISSING_HINTS.get(field))
            return None
        self.add(
            (*path, field),
            f"{field} must be text, not {shown(value)}",
            f'put it in quotes: {field}: "{value}"' if is_scalar(value) else None,
        )
        return None

    def plain_text(
        self, where: PathKey, field: str, value: str, *, required: bool = False
    ) -> str | None:
        """`value`, or None after a problem: controls, or a required text that shows nothing."""
        problem = text_problem(field, value)
        if problem is not None:
            self.add(where, *problem)
            return None
        if required and looks_empty(value):
            self.add(
                where,
                f"{field} looks empty: it holds only invisible characters ('{echo(value)}')",
                MISSING_HINTS.get(field),
            )
            return None
        return value

    def text_list(self, data: dict[str, Any], path: PathKey, field: str) -> tuple[str, ...]:
        value = data.get(field)
        if value is None:
            return ()
        if isinstance(value, str):
            one = self.plain_text((*path, field), field, value.strip()) if value.strip() else None
            return (one,) if one else ()
        if isinstance(value, list):
            out: list[str] = []
            for i, item in enumerate(value):
                if isinstance(item, str) and item.strip():
                    checked = self.plain_text((*path, field, i), field, item.strip())
                    if checked is not None:
                        out.append(checked)
                else:
                    self.add(
                        (*path, field, i),
                        f"each item of {field} must be text, not {shown(item)}",
                        "put it in quotes" if is_scalar(item) else None,
                    )
            return tuple(out)
        self.add((*path, field), f"{field} must be text or a list of text, not {kind(value)}")
        return ()

    def unknown_fields(
        self,
        data: dict[str, Any],
        path: PathKey,
        known: tuple[str, ...],
        elsewhere: tuple[str, ...],
        where: str,
    ) -> None:
        for key in data:
            if key in known:
                continue
            key_text = str(key)
            guess = SYNONYMS.get(key_text.lower())
            if guess not in known:
                close = difflib.get_close_matches(key_text.lower(), known, n=1, cutoff=0.6)
                guess = close[0] if close else None
            if guess is not None and guess != key_text:
                hint: str | None = f"did you mean '{guess}'?"
            elif key_text in elsewhere:
                hint = f"'{echo(key_text)}' {where}"
            else:
                hint = "known fields: " + ", ".join(known)
            self.add((*path, key), f"unknown field '{echo(key_text)}'", hint)
