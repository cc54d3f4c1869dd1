"""Programme files in `timer-app validate`, `import` and `list` (issue 16).

A programme is checked against the routines it would have: the app's (every
source) and those beside it in its folder, as a therapist hands them over on a
USB stick. Lines print as for routines: `PATH: ok — …` or `PATH:LINE:COL: …`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from timer_app.core.programme.changes import missing_routines
from timer_app.core.programme.model import Programme
from timer_app.core.routine import Routine, Source
from timer_app.core.validation.messages import escaped
from timer_app.storage.routines.catalog import (
    RoutineLoadError,
    load_routine_file,
    routine_files,
)
from timer_app.storage.routines.programme_import import import_programme_file
from timer_app.storage.routines.programmes import load_programme_file


def folder_routine_ids(folder: Path, library: Mapping[str, Any]) -> set[str]:
    """The ids of the valid routines directly in `folder` (programmes passed over)."""
    found: set[str] = set()
    for path in routine_files(folder):
        try:
            found.add(load_routine_file(path, library=library, source=Source.USER).id)
        except RoutineLoadError:
            continue  # its own problems are reported where it is validated
    return found


def known_routines(path: Path, routine_ids: Collection[str]) -> Mapping[str, Routine | None]:
    """The routines a programme at `path` may name, for its changes to be checked on
    them: the app's and those beside it (with the folder's library), as `import`
    would have them. `routine_ids` already a mapping of routines is used as it is."""
    if isinstance(routine_ids, Mapping):
        return routine_ids
    from timer_app.storage.routines.catalog import load_catalog, load_library

    catalog = load_catalog()
    library = {**catalog.library, **load_library([path.parent])}
    found: dict[str, Routine] = dict(catalog.routines)
    for beside in routine_files(path.parent):
        try:
            routine = load_routine_file(beside, library=library, source=Source.USER)
        except RoutineLoadError:
            continue  # its own problems are reported where it is validated
        found[routine.id] = routine
    # The ids the caller knows, no more: None for one whose file cannot be read here.
    return {i: found.get(i) for i in routine_ids}


def validate_programme_file(path: Path, routine_ids: Collection[str]) -> bool:
    """Print the file's problems, or that it is ok with its stages; whether it was ok.

    Its stages' changes are checked on the routines they name (a hold made longer
    than the format allows, a session over 4 h) when those routines can be read."""
    try:
        programme = load_programme_file(path, routine_ids=known_routines(path, routine_ids))
    except RoutineLoadError as error:
        for problem in error.problems:
            print(str(problem))
        return False
    print(f"{escaped(str(path))}: ok — {escaped(programme.title)} ({summary(programme)})")
    return True


def import_programme(path: Path, *, replace: bool) -> bool:
    """Import one programme file; print what happened; whether it was imported."""
    try:
        programme = import_programme_file(path, replace=replace)
    except RoutineLoadError as error:
        for problem in error.problems:
            print(str(problem))
        return False
    except OSError as error:  # the user's folder cannot be written
        reason = error.strerror or type(error).__name__
        print(f"{escaped(str(path))}: could not be copied: {reason}")
        return False
    where = escaped(programme.source_path or "")
    print(f"imported programme '{programme.id}' ({escaped(programme.title)}) to {where}")
    from timer_app.cli.programme_commands import follow_therapist_file

    follow_therapist_file(programme)
    return True


def summary(programme: Programme) -> str:
    """`programme: 4 stages, weeks 1-8 then open-ended`."""
    count = len(programme.stages)
    stages = f"{count} stage" if count == 1 else f"{count} stages"
    last = programme.stages[-1]
    if last.last_week is None:
        weeks = (
            f"weeks 1-{last.first_week - 1} then open-ended"
            if last.first_week > 1
            else ("open-ended")
        )
    else:
        weeks = f"{last.last_week} week" + ("" if last.last_week == 1 else "s")
    return f"programme: {stages}, {weeks}"


def programme_row(programme: Programme, routines: Mapping[str, Routine]) -> dict[str, Any]:
    """What `timer-app list --json` says of one programme."""
    return {
        "id": programme.id,
        "title": programme.title,
        "source": str(programme.source),
        "path": programme.source_path,
        "weeks": programme.total_weeks,  # null: the last stage goes on with no end
        "stages": [
            {
                "name": stage.name,
                "first_week": stage.first_week,
                "last_week": stage.last_week,
                "routines": list(stage.routines),
            }
            for stage in programme.stages
        ],
        "advance": str(programme.advance),
        "missing_routines": list(missing_routines(programme, routines)),
    }


def print_programmes(programmes: Mapping[str, Programme], routines: Mapping[str, Routine]) -> None:
    """The `timer-app list` section: one line per programme, and what it misses."""
    if not programmes:
        return
    print()
    print("Programmes over weeks (timer-app program start ID):")
    # Columns, as the routines' table above: ragged titles hid which word was which.
    listed = list(programmes.values())
    rows = [[p.id, escaped(p.title), str(p.source), summary(p)] for p in listed]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for cells, programme in zip(rows, listed, strict=True):
        missing = missing_routines(programme, routines)
        gone = f"  (missing routines: {', '.join(missing)})" if missing else ""
        shown = "  ".join(f"{cell:<{width}}" for cell, width in zip(cells, widths, strict=True))
        print(f"  {shown}  {escaped(programme.source_path or '')}{gone}")
