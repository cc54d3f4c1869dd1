"""Programme files: found in the routine folders, read and checked like routines.

A YAML file whose top level has `stages:` is a programme (issue 16), not a
routine: the catalog hands such files here instead of reporting them as bad
routines. Ids come from file names, problems are located (`PATH:LINE:COL`), a
later source wins by id, and one bad file never hides the others.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Collection, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from timer_app.core.programme.model import Programme
from timer_app.core.programme.validation import is_programme_data, validate_programme
from timer_app.core.routine import Source
from timer_app.core.validation.checks import id_from_file_name
from timer_app.storage.routines.load_problems import (
    LoadProblem,
    RoutineLoadError,
    duplicate,
    from_yaml,
    located,
    unexpected,
)
from timer_app.storage.yaml.loader import LoadedYaml, YamlLoadError, load_yaml_file

Found = tuple[Source, Path, LoadedYaml]  # a programme file the catalog read, not yet checked

_KEY_THEN_VALUE = re.compile(r"""(?:"[^"]*"|'[^']*'|[^:\s]+)\s*:\s*(\S)""")
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # as the YAML parser counts lines


class ProgrammeFileError(RoutineLoadError):
    """A programme file was given where a routine was wanted (`validate`, `import` ask)."""


def not_a_routine(path: Path) -> ProgrammeFileError:
    programme_id = id_from_file_name(path.stem)
    return ProgrammeFileError(
        [
            LoadProblem(
                str(path),
                None,
                None,
                "this file is a programme over weeks (it has stages:), not a routine",
                f"start it with: timer-app program start {programme_id}",
            )
        ]
    )


def programme_from(
    path: Path,
    loaded: LoadedYaml,
    source: Source,
    routine_ids: Collection[str] | None = None,
) -> tuple[Programme | None, list[LoadProblem]]:
    """The programme in a file already read, or None with its located problems."""
    programme, problems = validate_programme(
        with_plus_signs(loaded), default_id=id_from_file_name(path.stem), routine_ids=routine_ids
    )
    if programme is None:
        found = [located(path, loaded, p) for p in problems]
        return None, sorted(found, key=lambda p: (p.line or 0, p.col or 0))
    return replace(programme, source=source, source_path=str(path)), []


def programmes_from(found: Iterable[Found], problems: list[LoadProblem]) -> dict[str, Programme]:
    """The valid programmes among `found` (in override order), sorted by title."""
    programmes: dict[str, Programme] = {}
    seen: dict[Path, dict[str, Path]] = {}  # per folder: id -> first file with it
    for source, path, loaded in found:
        try:
            programme, said = programme_from(path, loaded, source)
        except Exception as error:  # as for routines: the other files go on working
            programme, said = None, [unexpected(path, error)]
        problems += said
        if programme is None:
            continue
        in_folder = seen.setdefault(path.parent, {})
        if programme.id in in_folder:
            problems.append(duplicate(path, programme.id, in_folder[programme.id], "programme"))
            continue
        in_folder[programme.id] = path
        programmes[programme.id] = programme
    ordered = sorted(programmes.values(), key=lambda p: (p.title.casefold(), p.id))
    return {p.id: p for p in ordered}


def load_programme_file(
    path: str | os.PathLike[str],
    *,
    routine_ids: Collection[str] | None = None,
    source: Source = Source.USER,
) -> Programme:
    """One programme file; `routine_ids`: the routines its stages may name."""
    file_path = Path(path)
    try:
        loaded = load_yaml_file(file_path)
    except YamlLoadError as error:
        raise RoutineLoadError([from_yaml(file_path, p) for p in error.problems]) from None
    if not is_programme_data(loaded.data):
        raise RoutineLoadError(
            [
                LoadProblem(
                    str(file_path),
                    None,
                    None,
                    "this file is not a programme: a programme lists its stages: at the top",
                )
            ]
        )
    programme, problems = programme_from(file_path, loaded, source, routine_ids)
    if programme is None:
        raise RoutineLoadError(problems)
    return programme


def load_programmes(
    folders: Iterable[tuple[Source, Path]],
) -> tuple[dict[str, Programme], list[LoadProblem]]:
    """Every programme in `folders` (in override order) and the problems of the bad ones.

    Routine files are passed over; the catalog (`load_catalog`) reads both at once.
    """
    from timer_app.storage.routines.catalog import routine_files  # it imports this module

    problems: list[LoadProblem] = []
    found: list[Found] = []
    for source, folder in folders:
        for path in routine_files(folder, problems):
            try:
                loaded = load_yaml_file(path)
            except YamlLoadError:
                continue  # a routine's or a programme's: the catalog reports it
            if is_programme_data(loaded.data):
                found.append((source, path, loaded))
    return programmes_from(found, problems), problems


def with_plus_signs(loaded: LoadedYaml) -> Any:
    """The file's data with `change: {reps: +2}` kept as "+2", an addition.

    YAML reads an unquoted +2 as the number 2, which a change would take as
    "exactly 2"; the file's own text says which was meant.
    """
    data = loaded.data
    if not isinstance(data, dict) or not isinstance(data.get("stages"), list):
        return data
    lines: list[str] | None = None
    data = copy.deepcopy(data)
    for index, stage in enumerate(data["stages"]):
        change = stage.get("change") if isinstance(stage, dict) else None
        if not isinstance(change, dict):
            continue
        for field, value in change.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                continue
            if lines is None:
                lines = _LINE_BREAK.split(_text(loaded.raw))
            line, col = loaded.location_of(("stages", index, "change", field))
            # The location is the key's: "reps: +2" (or "reps: 2", exactly 2).
            written = lines[line - 1][col - 1 :] if 0 < line <= len(lines) else ""
            match = _KEY_THEN_VALUE.match(written)
            if match is not None and match.group(1) == "+":
                change[field] = f"+{value}"
    return data


def _text(raw: bytes) -> str:
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    return body.decode("utf-8", errors="replace")
