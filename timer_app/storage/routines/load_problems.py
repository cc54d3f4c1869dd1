"""A routine file's problems as the user sees them, and how each kind is made.

Split from `routines/catalog.py` (which re-exports the public names): `LoadProblem`
prints compiler-style (`PATH:LINE:COL: message — hint`; “Located errors” in
docs/design.md); the helpers turn the loader's and the validator's problems into it, and
read on past a syntax error (`yaml_recovery`) so it does not hide the file's other
problems.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from timer_app.core.programme.validation import is_programme_data, validate_programme
from timer_app.core.validation.checks import (
    LibraryExercise,
    RoutineProblem,
    id_from_file_name,
    validate_routine,
)
from timer_app.core.validation.messages import escaped
from timer_app.storage.yaml.loader import LoadedYaml, YamlLoadError, YamlProblem, read_limited
from timer_app.storage.yaml.recovery import consequence, read_past_syntax_errors
from timer_app.storage.yaml.recovery import note as past_note

log = logging.getLogger("timer_app.storage.routines.catalog")  # where these were logged before


@dataclass(frozen=True)
class LoadProblem:
    """One problem in one file, printed compiler-style: `PATH:LINE:COL: message — hint`."""

    path: str
    line: int | None
    col: int | None
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        # Escaped: a file name or a message with a line break or a terminal escape
        # must stay one line that says where, and must not drive the terminal.
        path = escaped(self.path)
        where = path if self.line is None else f"{path}:{self.line}:{self.col}"
        text = f"{where}: {escaped(self.message)}"
        return f"{text} — {escaped(self.hint)}" if self.hint else text


class RoutineLoadError(Exception):
    def __init__(self, problems: list[LoadProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class RoutineConflictError(RoutineLoadError):
    """The file is valid, but a different routine with its id is already there."""


class RoutineNotFoundError(LookupError):
    """No routine has the id asked for; the message names close ids."""


def unexpected(path: Path, error: Exception) -> LoadProblem:
    # INFO, not WARNING: the file's problem is shown already, and Python's
    # last-resort handler would print the traceback of a WARNING on the terminal.
    log.info("unexpected error while reading %s", path, exc_info=True)
    return LoadProblem(
        str(path),
        None,
        None,
        f"this file could not be read ({type(error).__name__}); the other routines still work",
        "check the file, or send it to the app's authors with the log",
    )


def from_yaml(path: Path, problem: YamlProblem) -> LoadProblem:
    return LoadProblem(str(path), problem.line, problem.col, problem.message, problem.hint)


def located(path: Path, loaded: LoadedYaml, problem: RoutineProblem) -> LoadProblem:
    line, col = loaded.location_of(problem.path)
    return LoadProblem(str(path), line, col, problem.message, problem.hint)


def duplicate(path: Path, item_id: str, first: Path, what: str) -> LoadProblem:
    return LoadProblem(
        str(path),
        None,
        None,
        f"another {what} in this folder already has the id '{item_id}' ({first.name}); "
        "this one is skipped",
        "give one of them a different id",
    )


def and_past_the_syntax_error(
    path: Path, error: YamlLoadError, library: Mapping[str, LibraryExercise]
) -> list[LoadProblem]:
    """The syntax error, and the file's other problems where the rest can be read."""
    problems = [from_yaml(path, p) for p in error.problems]
    if len(problems) != 1 or problems[0].line is None:
        return problems  # too big, unreadable, not UTF-8: nothing more to read
    try:
        raw = read_limited(path)
    except YamlLoadError:
        return problems
    further, loaded, lines = read_past_syntax_errors(raw, error.problems)
    problems += [from_yaml(path, p) for p in further]
    if loaded is not None:
        found = _problems_past(path, loaded, library)
        mark = past_note(lines)
        for p in found:
            at = located(path, loaded, p)
            if not consequence(p.path, at.line, lines):
                problems.append(replace(at, message=p.message + mark))
    return sorted(problems, key=lambda p: (p.line or 0, p.col or 0))


def _problems_past(
    path: Path, loaded: LoadedYaml, library: Mapping[str, LibraryExercise]
) -> list[RoutineProblem]:
    """The problems of what could be read past a syntax error: a routine's or a programme's."""
    default_id = id_from_file_name(path.stem)
    if is_programme_data(loaded.data):
        return validate_programme(loaded.data, default_id=default_id)[1]
    return validate_routine(loaded.data, default_id=default_id, library=library)[1]
