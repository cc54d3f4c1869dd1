"""The loader's problems, its limits, and PyYAML's errors said in plain words.

Part of the YAML loader (`yaml/loader.py`; “Where things live” in docs/design.md): one
of the few storage modules behind it that may import yaml, here only for PyYAML's error
types. A parser message such as "could not find expected ':'" becomes "a line here is
not a 'field: value' pair" with a hint, at the line and column (1-based) it points to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 50
MAX_NODES = 100_000

Location = tuple[int, int]


@dataclass(frozen=True)
class YamlProblem:
    """One problem in a file; `line`/`col` are 1-based, None when about the whole file."""

    message: str
    hint: str | None = None
    line: int | None = None
    col: int | None = None


class YamlLoadError(Exception):
    def __init__(self, problems: list[YamlProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def location(mark: Any) -> Location:
    """A PyYAML mark (0-based) as the 1-based (line, col) users see."""
    return (mark.line + 1, mark.column + 1)


def too_big() -> YamlProblem:
    return YamlProblem(
        "the file is larger than 1 MiB; a routine file is a few kilobytes",
        "check that this is the right file",
    )


def not_a_file() -> YamlProblem:
    return YamlProblem(
        "this is not a regular file (a pipe, a device or a socket), so it is not read",
        "remove it from the routine folder, or put a real routine file there",
    )


def too_deep(line: int, col: int) -> YamlProblem:
    return YamlProblem(
        f"the file is nested more than {MAX_DEPTH} levels deep",
        "a routine needs only a few levels; check the indentation",
        line,
        col,
    )


def syntax_problem(error: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    problem = error.problem or "is not valid YAML"
    mark = error.problem_mark or error.context_mark
    context = error.context or ""
    line, col = location(mark) if mark is not None else (1, 1)
    lowered = problem.lower()
    if "tab" in lowered or _char_at(text, line, col) == "\t":
        return YamlProblem(
            "a tab is used for indentation; YAML needs spaces",
            "replace the tab with spaces",
            line,
            col,
        )
    if "quoted scalar" in context and "end of stream" in lowered:
        start = error.context_mark
        line, col = location(start) if start is not None else (line, col)
        return YamlProblem(
            "a quote opened here is never closed",
            "add the closing quote at the end of the text",
            line,
            col,
        )
    if "maximum nesting depth" in lowered:
        # libyaml 0.2.6 and later scan ahead and stop at 1000 levels before
        # our own event-by-event check sees the 51st.
        return too_deep(line, col)
    if "mapping values are not allowed" in lowered:
        over = _over_indented(text, line)
        if over is not None:
            return over
        return YamlProblem(
            "unexpected ':' — a value can't start a new field on the same line",
            "put the text in quotes if it contains ': ', or start a new line",
            line,
            col,
        )
    if "could not find expected ':'" in lowered or "expected ':'" in lowered:
        if "simple key" in context and error.context_mark is not None:
            # The parser stops at the next line (past the end of the file for the
            # last line); the line without its ':' is where the key started.
            return _missing_colon(text, *location(error.context_mark))
        return YamlProblem(
            "a line here is not a 'field: value' pair",
            "check the indentation and the ':' after each field name",
            line,
            col,
        )
    if "expected <block end>" in lowered or "did not find expected" in lowered:
        return YamlProblem(
            "the indentation here does not line up with the lines above",
            "indent fields of the same level by the same number of spaces",
            line,
            col,
        )
    where = f" ({context})" if context else ""
    return YamlProblem(f"this is not valid YAML: {problem}{where}", None, line, col)


def _over_indented(text: str, line: int) -> YamlProblem | None:
    """`hold: 5 s` indented under `reps: 10` reads as more of reps's value."""
    lines = text.splitlines()
    if not 1 < line <= len(lines):
        return None
    here = lines[line - 1]
    above = next((t for t in reversed(lines[: line - 1]) if t.strip()), "")
    indent, above_indent = _indent(here), _indent(above.replace("- ", "  ", 1))
    field, colon, value = above.strip().removeprefix("- ").partition(":")
    if indent <= above_indent or not colon or not value.strip() or not field.strip():
        return None
    return YamlProblem(
        f"this line is indented more than the line above, so it reads as more of "
        f"{field.strip()[:40]}'s value",
        f"line it up with the line above ({above_indent} spaces from the left)",
        line,
        indent + 1,
    )


def _missing_colon(text: str, line: int, col: int) -> YamlProblem:
    lines = text.splitlines()
    words = lines[line - 1][col - 1 :].split(None, 1) if 0 < line <= len(lines) else []
    hint = "add ':' after the field name, as in: hold: 30 s"
    if len(words) == 2 and words[0].isidentifier():
        hint = f"did you mean '{words[0][:40]}: {words[1].strip()[:40]}'?"
    return YamlProblem("this line has no ':' after its field name", hint, line, col)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.splitlines()
    if 0 < line <= len(lines) and 0 < col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def reader_problem(error: yaml.YAMLError, text: str) -> YamlProblem:
    if isinstance(error, yaml.reader.ReaderError):
        before = text[: error.position]
        line = before.count("\n") + 1
        col = error.position - (before.rfind("\n") + 1) + 1
        return YamlProblem(
            f"the file holds a control character (code {error.character!r}) that is not text",
            "remove it, or save the file again as plain UTF-8 text",
            line,
            col,
        )
    return YamlProblem(f"this is not valid YAML: {error}")
