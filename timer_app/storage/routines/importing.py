"""Importing a routine file a therapist sent into the user's own routines folder.

The YAML is copied as it is (never half-written), and so are the pictures it
names next to it (`image: pics/knee-to-chest.png`), keeping their place relative
to the file: without them an imported routine lost its pictures, because the copy
no longer sits beside them. A picture outside the file's folder (`../x.png`) or
from the exercise library stays where it is and is not copied. Only pictures are
copied (by name and content, `storage.pictures`), never into `library/`, and a
replaced file is kept as `<name>.bak`. A handout PDF is imported from the routine
it carries (`routine_pdf`); a folder or a `.zip` from Export for a patient, the
routine it holds (`handover`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from timer_app.core.routine import Routine, Source
from timer_app.core.validation.messages import echo, escaped
from timer_app.storage import paths
from timer_app.storage.routines.catalog import (
    LIBRARY_FOLDER,
    Catalog,
    LoadProblem,
    RoutineConflictError,
    RoutineLoadError,
    load_catalog,
    load_library,
    load_routine_file,
)
from timer_app.storage.routines.import_library import (
    changed_in_use,
    library_copies,
    library_pictures,
    sender_library,
)
from timer_app.storage.routines.import_notes import retire_replaced, same_title
from timer_app.storage.routines.pictures import NotAPicture, read_picture
from timer_app.storage.yaml.loader import YamlLoadError, read_limited

REPLACE_HINT = "import it with --replace to use this one instead"


def import_routine_file(
    path: str | os.PathLike[str],
    replace: bool = False,
    skipped: list[str] | None = None,
    catalog: Catalog | None = None,
    notes: list[str] | None = None,
    earlier: Mapping[str, Path] | None = None,
) -> Routine:
    """Copy a valid routine file (and its pictures) into the user's folder.

    Refuses a different routine with the same id (from any source), or a different
    file already at a target path, unless `replace`; any replaced file is kept next
    to it as `<name>.bak`. Only pictures are copied (`storage.pictures`), never into
    `library/` (but for the new library exercises it uses, `import_library`); each
    named file left behind is said in `skipped`. `catalog`: the
    routines as already read (the window reads them off its UI thread); without
    it they are read here. `notes`: what the import did to the routines already
    there (`import_notes`: a replaced one moved to the trash, a same title).
    `earlier`: the ids the same import brought in already, each with its file; a
    second file with one of them is refused, even with `replace`: it would
    silently write over the first. Returns the routine as imported.
    """
    file_path = Path(path)
    if file_path.suffix.lower() == ".zip" or file_path.is_dir():
        # What Export for a patient writes: the routine with its library and pictures.
        return _import_handover(file_path, replace, skipped, catalog, notes, earlier)
    if file_path.suffix.lower() == ".pdf":
        # A handout printed by the app carries its routine (storage/routine_pdf.py).
        from timer_app.storage.routines.pdf import import_handout

        return import_handout(
            file_path, replace=replace, skipped=skipped, catalog=catalog, earlier=earlier
        )
    catalog = catalog if catalog is not None else load_catalog()
    sender = sender_library(file_path, catalog)
    library = {**catalog.library, **sender.new}
    # A misspelled image: is refused here, as `validate` refuses it (`image_check`).
    routine = load_routine_file(file_path, library=library, source=Source.USER, check_images=True)
    first = (earlier or {}).get(routine.id)
    if first is not None and first != file_path:
        raise RoutineLoadError([same_import(file_path, routine.id, first)])
    changed = changed_in_use(routine, sender)
    if changed:
        raise RoutineLoadError(
            [
                LoadProblem(
                    str(file_path),
                    None,
                    None,
                    f"the library exercise '{changed[0]}' beside this file differs from the "
                    "one you already have; importing it would change every routine that uses it",
                    "give it a new id (in its file and in use:), or ask your therapist",
                )
            ]
        )
    existing = catalog.routines.get(routine.id)
    user_dir = paths.user_routines_dir()
    target = user_dir / f"{routine.id}.yaml"
    if existing is not None and existing.source is Source.USER and existing.source_path:
        target = Path(existing.source_path)
    if existing is not None and existing.content_hash != routine.content_hash and not replace:
        raise conflict(
            file_path,
            f"a different routine with the id '{routine.id}' is already there "
            f"({existing.source}: {existing.source_path})",
        )
    try:
        raw = read_limited(file_path)
        exercises = library_copies(routine, sender, user_dir)
    except YamlLoadError as error:  # it was read a moment ago: replaced meanwhile
        raise RoutineLoadError(
            [LoadProblem(str(file_path), None, None, p.message, p.hint) for p in error.problems]
        ) from None
    brought = library_pictures(routine, sender)  # they go with their library exercise
    pictures, left = _pictures_to_copy(routine, file_path, target.parent, brought)
    if skipped is not None:
        skipped += left
    copies = [(raw, target), *pictures, *exercises]
    for data, destination in copies:
        old = _existing(file_path, destination)
        if old is not None and old != data and not replace:
            raise conflict(file_path, f"the file {escaped(str(destination))} is already there")
    for data, destination in copies:
        write_keeping_backup(data, destination)
    if exercises:
        library = {**catalog.library, **load_library([user_dir])}
    imported = load_routine_file(target, library=library, source=Source.USER)
    said = notes if notes is not None else []
    retire_replaced(imported, catalog.routines, said)
    same_title(imported, catalog.routines, said)
    return imported


def _import_handover(
    given: Path,
    replace: bool,
    skipped: list[str] | None,
    catalog: Catalog | None,
    notes: list[str] | None,
    earlier: Mapping[str, Path] | None,
) -> Routine:
    """The one routine of a handed-over folder or `.zip` (`storage.routines.handover`)."""
    from timer_app.storage.routines.handover import routine_in_folder, shown_names, unpack_zip

    if given.is_dir():
        return import_routine_file(
            routine_in_folder(given), replace, skipped, catalog, notes, earlier
        )
    with tempfile.TemporaryDirectory(prefix="timer-app-import-") as temporary:
        unpacked = str(Path(temporary).resolve())  # as the loader names the files in it
        folder = unpack_zip(given, Path(unpacked))
        left: list[str] = []
        try:
            routine_file = routine_in_folder(folder, shown_as=str(given))
            return import_routine_file(routine_file, replace, left, catalog, notes, earlier)
        except RoutineLoadError as error:
            raise type(error)(shown_names(error.problems, Path(unpacked), given)) from None
        finally:
            if skipped is not None:  # named inside the .zip, not in a folder now gone
                skipped += [note.replace(unpacked, str(given)) for note in left]


def _pictures_to_copy(
    routine: Routine, file_path: Path, target_dir: Path, brought: set[str]
) -> tuple[list[tuple[bytes, Path]], list[str]]:
    """(bytes, destination) for each picture next to the routine file, and what was left."""
    folder = file_path.parent.resolve()
    found: dict[Path, tuple[bytes, Path]] = {}
    seen: set[Path] = set()
    left: list[str] = []
    for exercise in routine.exercises:
        if not exercise.image or not Path(exercise.image).is_absolute():
            continue  # a bundled asset name, or no picture
        if exercise.image in brought:
            continue
        picture = Path(exercise.image)
        try:
            relative = picture.relative_to(folder)
        except ValueError:
            continue  # outside the file's folder: the copy could not find it either
        if picture in seen:
            continue
        seen.add(picture)
        reason = _refusal(picture, relative)
        if reason is None:
            try:
                found[picture] = (read_picture(picture), target_dir / relative)
                continue
            except (NotAPicture, OSError) as error:
                reason = (
                    str(error)
                    if isinstance(error, NotAPicture)
                    else (error.strerror or type(error).__name__)
                )
        left.append(
            f"{escaped(str(file_path))}: the image '{echo(str(relative))}' was not copied: {reason}"
        )
    return list(found.values()), left


def _refusal(picture: Path, relative: Path) -> str | None:
    if relative.parts and relative.parts[0].lower() == LIBRARY_FOLDER:
        # The library holds exercises that change every routine's doses: an import
        # never writes there.
        return "an import never writes into the library folder"
    if not picture.is_file():
        return "it is not a regular file"
    return None


def _existing(file_path: Path, destination: Path) -> bytes | None:
    """What is at `destination` now, None if nothing; only a regular file may be replaced."""
    if not destination.exists() and not destination.is_symlink():
        return None
    if destination.is_symlink() or not destination.is_file():
        raise conflict(
            file_path, f"{escaped(str(destination))} is already there and is not a plain file"
        )
    return destination.read_bytes()


def write_keeping_backup(raw: bytes, destination: Path) -> None:
    """Write `raw` at `destination`, keeping anything it replaces as `<name>.bak`."""
    if destination.exists():
        old = destination.read_bytes()
        if old == raw:
            return
        destination.with_name(destination.name + ".bak").write_bytes(old)
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(f".{destination.name}.tmp")
    temporary.write_bytes(raw)
    os.replace(temporary, destination)  # never a half-written file


def same_import(file_path: Path, routine_id: str, first: Path) -> LoadProblem:
    return LoadProblem(
        str(file_path),
        None,
        None,
        f"another file in this import ({escaped(str(first))}) has the id '{routine_id}' "
        "and was imported: this one is not",
        "import this one on its own (with --replace to use it instead), "
        "or give one of them a different id",
    )


def conflict(file_path: Path, message: str) -> RoutineConflictError:
    """A different file of that name or id is already there: replaced only when asked."""
    return RoutineConflictError([LoadProblem(str(file_path), None, None, message, REPLACE_HINT)])
