"""Importing a programme file a therapist sent into the user's own routines folder.

Checked first against the routines there are (a stage naming a routine the
patient does not have is refused, with a did-you-mean), then copied as it is,
never half-written. A different programme with the same id is refused unless
`replace`; a replaced file is kept as `<name>.bak`, as for routines.
"""

from __future__ import annotations

import os
from pathlib import Path

from timer_app.core.programme.model import Programme
from timer_app.core.routine import Source
from timer_app.core.validation.messages import escaped
from timer_app.storage import paths
from timer_app.storage.routines.catalog import Catalog, load_catalog
from timer_app.storage.routines.importing import conflict, write_keeping_backup
from timer_app.storage.routines.load_problems import (
    LoadProblem,
    RoutineLoadError,
)
from timer_app.storage.routines.programmes import load_programme_file
from timer_app.storage.yaml.loader import YamlLoadError, read_limited


def import_programme_file(
    path: str | os.PathLike[str], *, replace: bool = False, catalog: Catalog | None = None
) -> Programme:
    """Copy a valid programme file into the user's folder; the programme as imported."""
    file_path = Path(path)
    catalog = catalog if catalog is not None else load_catalog()
    programme = load_programme_file(file_path, routine_ids=catalog.routines, source=Source.USER)
    try:
        raw = read_limited(file_path)
    except YamlLoadError as error:  # it was read a moment ago: replaced meanwhile
        raise RoutineLoadError(
            [LoadProblem(str(file_path), None, None, p.message, p.hint) for p in error.problems]
        ) from None
    existing = catalog.programmes.get(programme.id)
    target = paths.user_routines_dir() / f"{programme.id}.yaml"
    if existing is not None and existing.source is Source.USER and existing.source_path:
        target = Path(existing.source_path)
    if existing is not None and not replace and not _same_file(existing, raw):
        raise conflict(
            file_path,
            f"a different programme with the id '{programme.id}' is already there "
            f"({existing.source}: {existing.source_path})",
        )
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise conflict(file_path, f"{escaped(str(target))} is already there and is not a file")
    if target.is_file() and target.read_bytes() != raw and not replace:
        raise conflict(file_path, f"the file {escaped(str(target))} is already there")
    write_keeping_backup(raw, target)
    return load_programme_file(target, source=Source.USER)


def _same_file(existing: Programme, raw: bytes) -> bool:
    try:
        return existing.source_path is not None and Path(existing.source_path).read_bytes() == raw
    except OSError:
        return False
