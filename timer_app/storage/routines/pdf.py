"""A routine carried inside its handout PDF, and taken out again for Import.

The handout embeds (`pdf_attachments`) the routine file exactly as it is
(`routine/<file>.yaml`), the pictures beside it that it names
(`routine/<relative path>`) and the library exercises it uses
(`library/<id>.yaml`). Import extracts them into a temporary folder with the
same layout and imports the routine file from there as usual
(`routine_import`), so a patient or a second clinic can recreate the routine
from the paper's PDF alone. Only the version the pages show is embedded, and
an embedded file changed inside the PDF since (its checksums differ:
`pdf_attachments.AttachmentChanged`) is refused, never imported.

The library exercises are then treated as those beside any routine file
(`import_library`): a new one is added, one that differs from this computer's
is refused (the routine would not do what its handout says).
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import replace as replace_field
from pathlib import Path, PurePosixPath

from timer_app.core.routine import Routine
from timer_app.core.validation.checks import LibraryExercise
from timer_app.storage.digest import sha256_hex
from timer_app.storage.pdf.attachments import (
    AttachmentChanged,
    PdfFormatError,
    read_attachments_file,
)
from timer_app.storage.routines.catalog import (
    LIBRARY_FOLDER,
    ROUTINE_SUFFIXES,
    Catalog,
    LoadProblem,
    RoutineLoadError,
)
from timer_app.storage.routines.pictures import NotAPicture, read_picture
from timer_app.storage.yaml.loader import read_limited

ROUTINE_PREFIX = "routine/"
LIBRARY_PREFIX = f"{LIBRARY_FOLDER}/"
MAX_ATTACHMENTS = 200  # a routine and its library: far fewer; a hostile PDF: refused


class HandoutPdfError(Exception):
    """The PDF holds no routine this app can import; the message says why."""


def routine_attachments(
    routine: Routine, library: Mapping[str, LibraryExercise]
) -> dict[str, bytes]:
    """What a handout of `routine` embeds: name in the PDF -> the file's bytes."""
    files: dict[str, bytes] = {}
    if not routine.source_path:
        return files
    source = Path(routine.source_path)
    raw = read_limited(source)
    if routine.content_hash and sha256_hex(raw) != routine.content_hash:
        # Changed on disk since it was read: the pages show the version read, and
        # what Import takes back must be that one, or nothing.
        return files
    files[ROUTINE_PREFIX + source.name] = raw
    folder = source.parent.resolve()
    for exercise in routine.exercises:
        if exercise.library_id and exercise.library_id in library:
            entry = library[exercise.library_id]
            if entry.source_path:
                files[f"{LIBRARY_PREFIX}{exercise.library_id}.yaml"] = read_limited(
                    Path(entry.source_path)
                )
        picture = Path(exercise.image) if exercise.image else None
        if picture is None or not picture.is_absolute():
            continue  # a bundled picture: every installation has it
        try:
            relative = picture.relative_to(folder)
            files[ROUTINE_PREFIX + relative.as_posix()] = read_picture(picture)
        except (ValueError, NotAPicture, OSError):
            continue  # outside the routine's folder, or unreadable: Import could not use it
    return files


def import_handout(
    pdf: Path,
    replace: bool = False,
    skipped: list[str] | None = None,
    catalog: Catalog | None = None,
    earlier: Mapping[str, Path] | None = None,
) -> Routine:
    """Import the routine a handout PDF carries, as `import_routine_file` imports
    a routine file with its `library/` beside it. Problems are raised as
    `RoutineLoadError`, said of the PDF."""
    from timer_app.storage.routines.importing import import_routine_file

    with tempfile.TemporaryDirectory(prefix="timer-app-handout-") as tmp:
        folder = Path(tmp)
        try:
            target = extract_handout(pdf, folder)
        except HandoutPdfError as error:
            raise RoutineLoadError([LoadProblem(str(pdf), None, None, str(error))]) from None
        try:
            return import_routine_file(
                target, replace=replace, skipped=skipped, catalog=catalog, earlier=earlier
            )
        except RoutineLoadError as error:
            raise type(error)([_named(p, pdf, folder) for p in error.problems]) from None


def _named(problem: LoadProblem, pdf: Path, folder: Path) -> LoadProblem:
    """A problem in an extracted file, said of the PDF: 'handout.pdf (piriformis.yaml):3:1'."""
    try:
        inside = Path(problem.path).relative_to(folder).as_posix()
    except ValueError:
        return problem
    return replace_field(problem, path=f"{pdf} ({inside})")


def extract_handout(pdf: Path, folder: Path) -> Path:
    """The routine file of `pdf` written into `folder` with its pictures, and its
    library exercises into `folder/library/`; returns the routine file."""
    try:
        files = read_attachments_file(pdf)
    except AttachmentChanged as error:
        # Edited inside the PDF (a hold of 3 s made 9): importing it would run a
        # routine its own pages do not show.
        raise HandoutPdfError(
            f"the routine inside this PDF ({error.name}) was changed after the handout "
            "was printed, so it is not what the handout's pages say; it was not "
            "imported. Ask for a new handout, or import the routine file itself"
        ) from None
    except PdfFormatError as error:
        raise HandoutPdfError(f"this PDF cannot be read: {error}") from None
    except OSError as error:
        raise HandoutPdfError(f"this PDF cannot be read: {error.strerror or error}") from None
    if len(files) > MAX_ATTACHMENTS:
        raise HandoutPdfError("this PDF carries too many files to be a handout")
    routine_files = [
        name
        for name in files
        if name.startswith(ROUTINE_PREFIX)
        and name.count("/") == 1
        and name.lower().endswith(ROUTINE_SUFFIXES)
    ]
    if len(routine_files) != 1:
        raise HandoutPdfError(
            "this PDF carries no routine: only a handout printed by Home Exercise Timer "
            "can be imported"
        )
    target: Path | None = None
    for name, data in files.items():
        if name.startswith(LIBRARY_PREFIX):
            if name.count("/") != 1 or not name.lower().endswith(ROUTINE_SUFFIXES):
                continue
            destination = _inside(folder, name)
        elif name.startswith(ROUTINE_PREFIX):
            destination = _inside(folder, name.removeprefix(ROUTINE_PREFIX))
        else:
            continue
        posing = (
            name.startswith(ROUTINE_PREFIX)
            and name.count("/") > 1
            and (PurePosixPath(name).parts[1] == LIBRARY_FOLDER)
        )
        if destination is None or posing:
            continue  # "../x", an absolute name, or a picture posing as the library
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(data)
        except OSError as error:  # "a/b.png" after a file named "a": that name's problem
            if name == routine_files[0]:
                raise HandoutPdfError(
                    f"this PDF's routine file cannot be taken out ({error.strerror or error})"
                ) from None
            continue
        if name == routine_files[0]:
            target = destination
    if target is None:
        raise HandoutPdfError("this PDF's routine file has a name that cannot be used")
    return target


def _inside(folder: Path, relative: str) -> Path | None:
    """`relative` under `folder`, or None for a name that would leave it: "../x",
    an absolute "/etc/passwd" (joined, it would replace the folder), "C:x", "a\\b"."""
    pure = PurePosixPath(relative)
    parts = pure.parts
    if pure.is_absolute() or not parts:
        return None
    if any(p in ("", ".", "..") or "\\" in p or ":" in p for p in parts):
        return None
    if not relative.isprintable() or len(relative) > 200:
        return None  # a NUL or a line break in a name: not a file a handout carries
    destination = folder.joinpath(*parts)
    if not destination.resolve().is_relative_to(folder.resolve()):
        return None  # a symlink planted by an earlier name: never followed out
    return destination
