"""Handing a routine to a patient: one folder or one `.zip`, exactly what Import reads.

The export holds the routine file as the therapist wrote it, the library
exercises it uses from outside the app (a clinic's own; the app's own are in
every copy of the app) and the pictures beside them, each at the same place
relative to the routine, so the routine reads there exactly as it did here.

Reading a `.zip` back (`unpack_zip`) is careful, because it comes from outside:
no absolute names, no `..`, no links, at most `MAX_ENTRIES` entries, each file
and the whole limited by the bytes really unpacked (a header can lie), and only
routine files and pictures are taken out.
"""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from timer_app.core.routine import Routine
from timer_app.core.validation.messages import escaped
from timer_app.storage.resources import bundled_routines
from timer_app.storage.routines.catalog import (
    LIBRARY_FOLDER,
    LoadProblem,
    RoutineLoadError,
    load_library,
    load_routine_file,
    routine_files,
    sources,
)
from timer_app.storage.routines.pictures import MAX_PICTURE_BYTES, PICTURE_SUFFIXES
from timer_app.storage.routines.saving import SCHEMA_LINE, SCHEMA_NAME, SaveError, schema_path
from timer_app.storage.yaml.loader import MAX_BYTES, read_limited

__all__ = [
    "MAX_ENTRIES",
    "MAX_ZIP_BYTES",
    "export_for_patient",
    "routine_in_folder",
    "shown_names",
    "unpack_zip",
]

MAX_ENTRIES = 500
MAX_ZIP_BYTES = 100 * 1024 * 1024
_ROUTINE_SUFFIXES = (".yaml", ".yml")


def export_for_patient(routine_path: Path, destination: Path, *, as_zip: bool) -> Path:
    """Write the routine, its outside library exercises and its pictures; the path written.

    `destination`: a folder (made if needed; a file already there with other
    content is never replaced), or the `.zip` to write (".zip" added if missing).
    """
    files = _handover_files(routine_path)
    if as_zip:
        target = (
            destination
            if destination.suffix.lower() == ".zip"
            else destination.with_name(destination.name + ".zip")
        )
        top = PurePosixPath(target.stem)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.saving")
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for relative, raw in files:
                archive.writestr(str(top / relative), raw)
        temporary.replace(target)
        return target
    for relative, raw in files:
        there = destination / relative
        if there.exists() and (not there.is_file() or there.read_bytes() != raw):
            raise SaveError(f"{escaped(str(there))} is already there; choose an empty folder")
    for relative, raw in files:
        there = destination / relative
        there.parent.mkdir(parents=True, exist_ok=True)
        there.write_bytes(raw)
    return destination


def _handover_files(routine_path: Path) -> list[tuple[PurePosixPath, bytes]]:
    folder = routine_path.parent.resolve()
    library = load_library([*(f for _, f in sources()), routine_path.parent])
    try:
        routine = load_routine_file(routine_path, library=library)
    except RoutineLoadError as error:
        raise SaveError(f"the routine has problems: {error.problems[0]}") from None
    raw = read_limited(routine_path)
    files = {PurePosixPath(routine_path.name): raw}
    if raw.startswith(SCHEMA_LINE.encode()):  # its relative address needs the schema beside it
        files[PurePosixPath(SCHEMA_NAME)] = schema_path().read_bytes()
    bundled = bundled_routines().resolve()
    for exercise_id in _used_library_ids(routine):
        source = Path(library[exercise_id].source_path or "").resolve()
        if source.is_relative_to(bundled):
            continue  # every copy of the app has it
        files[PurePosixPath(LIBRARY_FOLDER, source.name)] = read_limited(source)
    for image in {e.image for e in routine.exercises if e.image}:
        picture = Path(image)
        if not picture.is_absolute() or picture.resolve().is_relative_to(bundled):
            continue  # a picture that comes with the app
        try:
            relative = picture.resolve().relative_to(folder)
        except ValueError:
            raise SaveError(
                f"the picture {escaped(str(picture))} is not in the routine's folder; "
                "put it beside the routine and choose it again"
            ) from None
        files[PurePosixPath(relative.as_posix())] = picture.read_bytes()
    return sorted(files.items())


def _used_library_ids(routine: Routine) -> list[str]:
    return sorted({e.library_id for e in routine.exercises if e.library_id})


def routine_in_folder(folder: Path, shown_as: str | None = None) -> Path:
    """The one routine file of a handed-over folder (or a `RoutineLoadError` saying why not)."""
    found = routine_files(folder)
    name = shown_as or str(folder)
    if len(found) == 1:
        return found[0]
    if not found:
        message = "holds no routine file (*.yaml)"
    else:
        message = f"holds {len(found)} routines; import them one by one"
    raise RoutineLoadError([LoadProblem(name, None, None, message)])


def unpack_zip(zip_path: Path, into: Path) -> Path:
    """Unpack a handed-over `.zip` into `into`; the folder that holds its routine."""
    try:
        with zipfile.ZipFile(zip_path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise _refused(zip_path, f"it holds more than {MAX_ENTRIES} files")
            total = 0
            for entry in entries:
                relative = _safe_name(zip_path, entry)
                if relative is None:
                    continue
                limit = (
                    MAX_BYTES
                    if relative.suffix.lower() in _ROUTINE_SUFFIXES
                    else (MAX_PICTURE_BYTES)
                )
                raw = _read_entry(zip_path, archive, entry, min(limit, MAX_ZIP_BYTES - total))
                total += len(raw)
                target = into.joinpath(*relative.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(raw)
    except (zipfile.BadZipFile, EOFError) as error:
        raise _refused(zip_path, f"it is not a .zip file that can be read ({error})") from None
    return _routine_folder(into)


def _safe_name(zip_path: Path, entry: zipfile.ZipInfo) -> PurePosixPath | None:
    """The entry's place inside the folder; None for one that is not taken out."""
    name = entry.filename
    path = PurePosixPath(name)
    if (
        name.startswith(("/", "\\"))
        or "\\" in name
        or (len(name) > 1 and name[1] == ":")
        or ".." in path.parts
    ):
        raise _refused(zip_path, f"it holds a file outside its folder: '{escaped(name)}'")
    if stat.S_ISLNK(entry.external_attr >> 16):
        raise _refused(zip_path, f"it holds a link: '{escaped(name)}'")
    if entry.flag_bits & 0x1:
        raise _refused(zip_path, f"'{escaped(name)}' is encrypted")
    if entry.is_dir() or path.suffix.lower() not in (*_ROUTINE_SUFFIXES, *PICTURE_SUFFIXES):
        return None  # only routines, library exercises and pictures are taken out
    if any(part.startswith(".") for part in path.parts) or not path.parts:
        return None
    return path


def _read_entry(
    zip_path: Path, archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limit: int
) -> bytes:
    # Read at most limit + 1 bytes, whatever the header says the size is.
    with archive.open(entry) as stream:
        raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise _refused(zip_path, f"'{escaped(entry.filename)}' or the whole is too large")
    return raw


def _routine_folder(into: Path) -> Path:
    """The unpacked folder, or its one top folder (an export's `week-3/`)."""
    children = [p for p in into.iterdir() if not p.name.startswith(".")]
    if len(children) == 1 and children[0].is_dir() and not routine_files(into):
        return children[0]
    return into


def _refused(zip_path: Path, message: str) -> RoutineLoadError:
    return RoutineLoadError(
        [
            LoadProblem(
                str(zip_path),
                None,
                None,
                f"this .zip was not imported: {message}",
                "ask for the routine again, exported with Export for a patient…",
            )
        ]
    )


def shown_names(
    problems: Iterable[LoadProblem], unpacked: Path, zip_path: Path
) -> list[LoadProblem]:
    """Problems of unpacked files named inside the `.zip` (`week-3.zip/week-3.yaml`)."""
    out: list[LoadProblem] = []
    for problem in problems:
        path = Path(problem.path)
        try:
            inside = path.relative_to(unpacked).as_posix()
            name = f"{zip_path}/{inside}"
        except ValueError:
            name = problem.path
        out.append(LoadProblem(name, problem.line, problem.col, problem.message, problem.hint))
    return out
