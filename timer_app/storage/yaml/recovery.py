"""Reading past a syntax error, so it does not hide the file's other problems.

A therapist fixing a file wants every problem at once (“Located errors” in docs/design.md), but a
YAML syntax error stopped the reading there: `reps: ten` three lines further on
was reported only after the colon was fixed. Here the bad line is set aside and
the file read again (at most a few times): a value with a ': ' inside is quoted,
as the hint says to do, any other bad line is left out. What the caller then finds
in the data is marked as found that way (`note`), since leaving a line out may
itself cause a problem (a title on that line is then missing).
"""

from __future__ import annotations

import json
import logging
import re

from timer_app.storage.yaml.composer import LoadedYaml
from timer_app.storage.yaml.errors import YamlLoadError, YamlProblem
from timer_app.storage.yaml.loader import load_yaml_text

log = logging.getLogger(__name__)

MAX_RETRIES = 5
# Mistakes confined to one line, which can be set aside; limits (size, nesting,
# aliases), tabs, encodings and fields given twice are not read past.
ONE_LINE_MISTAKES = (
    "this line is indented more",
    "this line has no ':'",
    "unexpected ':'",
    "a line here is not a 'field: value' pair",
)
# `  - title: Note: be gentle`: the indent and dash, the field name, its value.
_FIELD_LINE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]{0,40}):\s+(.+?)\s*$")


def read_past_syntax_errors(
    raw: bytes, first: list[YamlProblem]
) -> tuple[list[YamlProblem], LoadedYaml | None, list[int]]:
    """(further syntax problems, the data read around them, the lines set aside).

    The data is None when the file cannot be read even so (an encoding problem,
    a problem that names no line, or too many errors).
    """
    try:
        return _read_past(raw, first)
    except Exception:  # a second look must never make the first answer worse
        log.info("reading past a syntax error failed", exc_info=True)
        return [], None, []


def consequence(path: tuple[str | int, ...], line: int | None, lines: list[int]) -> bool:
    """A problem the setting aside may have caused: a field missing from the
    routine as a whole (its line was left out), or one on a line left out."""
    return path == () or line in lines


def note(lines: list[int]) -> str:
    """How a problem found this way is marked after its message."""
    shown = ", ".join(str(n) for n in lines)
    return f" (found after skipping the syntax error on line {shown})"


def _read_past(
    raw: bytes, first: list[YamlProblem]
) -> tuple[list[YamlProblem], LoadedYaml | None, list[int]]:
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return [], None, []
    lines = text.split("\n")
    further: list[YamlProblem] = []
    set_aside: list[int] = []
    problem = first[0] if len(first) == 1 else None
    for _ in range(MAX_RETRIES):
        if problem is None or problem.line is None or not 0 < problem.line <= len(lines):
            return further, None, set_aside
        if not problem.message.startswith(ONE_LINE_MISTAKES):
            return further, None, set_aside
        if problem.line in set_aside:
            return further, None, set_aside
        set_aside.append(problem.line)
        lines[problem.line - 1] = _mended(lines[problem.line - 1], problem)
        try:
            return further, load_yaml_text("\n".join(lines)), set_aside
        except YamlLoadError as error:
            problem = error.problems[0] if len(error.problems) == 1 else None
            if problem is None or not problem.message.startswith(ONE_LINE_MISTAKES):
                return further, None, set_aside
            further.append(problem)
    return further, None, set_aside


def _mended(line: str, problem: YamlProblem) -> str:
    """The line quoted when its value holds ': ', else nothing."""
    match = _FIELD_LINE.match(line)
    if match and problem.message.startswith("unexpected ':'"):
        prefix, field, value = match.groups()
        return f"{prefix}{field}: {json.dumps(value, ensure_ascii=False)}"
    return ""
