"""A scalar's value under the loader's small schema, and which tags a file may use.

Part of the YAML loader (`yaml/loader.py`); it reads PyYAML events' attributes but
does not import yaml. Only true/false are booleans, so `no`, `yes`, `on` stay text;
numbers are decimal (`010` is ten, never eight) and `1:30` is text, never 90;
hex, octal and `1e3` stay text. Quoted scalars are always text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from timer_app.core.validation.messages import echo
from timer_app.storage.yaml.errors import YamlLoadError, YamlProblem, location

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map")}
_NULL = re.compile(r"~|null|Null|NULL|")
_TRUE = re.compile(r"true|True|TRUE")
_FALSE = re.compile(r"false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+")
# Floats need a dot: `1e3` stays text, as YAML 1.1 and PyYAML's dumper assume.
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+][0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")
# A routine's numbers are a few digits. Longer ones are refused here, where the
# line and column are known: Python refuses int() of 4,301+ digits (ValueError) and
# float() of a 310-digit int overflows, which once emptied the whole routine list.
MAX_DIGITS = 30


def check_tag(event: Any) -> None:
    """Refuse any tag but the core schema's: a tag must never build an object."""
    tag = getattr(event, "tag", None)
    if tag is None or tag == "!" or tag in _ALLOWED_TAGS:
        return
    line, col = location(event.start_mark)
    shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
    raise YamlLoadError(
        [
            YamlProblem(
                f"the tag '{echo(shown)}' is not allowed in a routine file",
                "remove it: routine files hold only text, numbers, lists and fields",
                line,
                col,
            )
        ]
    )


def resolve(event: Any) -> Any:
    """A scalar's value: YAML 1.2 core schema for plain scalars; quoted ones are text."""
    value: str = event.value
    tag = event.tag
    plain = event.implicit[0] and tag is None
    if tag is not None and tag != "!":
        return _resolve_tagged(value, tag, event)
    if not plain:
        return value
    if _NULL.fullmatch(value):
        return None
    if _TRUE.fullmatch(value):
        return True
    if _FALSE.fullmatch(value):
        return False
    if _INT.fullmatch(value):
        _check_digits(value, event)
        return int(value, 10)
    if _FLOAT.fullmatch(value):
        _check_digits(value, event)
        return float(value)
    if _INF.fullmatch(value):
        return float("-inf") if value.startswith("-") else float("inf")
    if _NAN.fullmatch(value):
        return float("nan")
    return value


def _check_digits(value: str, event: Any) -> None:
    digits = sum(c.isdigit() for c in value)
    if digits <= MAX_DIGITS:
        return
    line, col = location(event.start_mark) if event.start_mark is not None else (None, None)
    raise YamlLoadError(
        [
            YamlProblem(
                f"this number has {digits:,} digits; a routine's numbers have a few",
                "check the value: reps, sets and seconds are small numbers",
                line,
                col,
            )
        ]
    )


def _resolve_tagged(value: str, tag: str, event: Any) -> Any:
    name = tag[len(_TAG) :]
    if name == "str":
        return value
    resolved = resolve(_PlainScalar(value, start_mark=event.start_mark))
    expected = {"int": int, "float": float, "bool": bool, "null": type(None)}.get(name)
    if expected is float and isinstance(resolved, int) and not isinstance(resolved, bool):
        resolved = float(resolved)
    if expected is None or type(resolved) is not expected:
        line, col = location(event.start_mark)
        raise YamlLoadError(
            [
                YamlProblem(
                    f"'{echo(value)}' is not a valid !!{echo(name)}", "remove the tag", line, col
                )
            ]
        )
    return resolved


@dataclass
class _PlainScalar:
    """A scalar event's stand-in, to resolve a tagged value as if it were plain."""

    value: str
    tag: None = None
    implicit: tuple[bool, bool] = (True, False)
    start_mark: Any = None
