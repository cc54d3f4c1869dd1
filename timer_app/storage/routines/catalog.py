"""Where routines come from, and which one wins when two share an id.

Sources, in override order (later wins by id): the bundled routines, the clinic
folders (system-wide, then `TIMER_APP_ROUTINES_PATH`), the user's own folder. Each
source may have a `library/` folder of exercises a routine can `use`; the library is
loaded once per catalog, in the same order. A file with problems is reported and
skipped; it never hides the valid ones.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from timer_app.core.programme.model import Programme
from timer_app.core.programme.validation import is_programme_data
from timer_app.core.routine import Exercise, Routine, Source
from timer_app.core.validation.checks import (
    LibraryExercise,
    id_from_file_name,
    validate_library_exercise,
    validate_routine,
)
from timer_app.storage import paths, resources
from timer_app.storage.digest import sha256_hex
from timer_app.storage.in_the_way import file_in_the_way, in_the_way
from timer_app.storage.routines.clinic import CLINIC_FILE
from timer_app.storage.routines.filters import leave_out
from timer_app.storage.routines.image_check import missing_images
from timer_app.storage.routines.load_problems import (
    LoadProblem,
    RoutineConflictError,
    RoutineLoadError,
    RoutineNotFoundError,
    and_past_the_syntax_error,
    duplicate,
    from_yaml,
    located,
    unexpected,
)
from timer_app.storage.routines.programmes import (
    Found,
    ProgrammeFileError,
    not_a_routine,
    programmes_from,
)
from timer_app.storage.yaml.loader import YamlLoadError, load_yaml_file

__all__ = [  # the problem types live in load_problems; callers import them from here
    "LIBRARY_FOLDER",
    "Catalog",
    "LoadProblem",
    "RoutineConflictError",
    "RoutineLoadError",
    "RoutineNotFoundError",
    "bundled_folder",
    "find_routine",
    "load_catalog",
    "load_library",
    "load_routine_file",
    "routine_files",
    "sources",
]

ROUTINE_SUFFIXES = (".yaml", ".yml")
LIBRARY_FOLDER = "library"


@dataclass
class Catalog:
    routines: dict[str, Routine] = field(default_factory=dict)  # in display order
    problems: list[LoadProblem] = field(default_factory=list)
    library: dict[str, LibraryExercise] = field(default_factory=dict)
    # What `timer-app list` and the Routines page say about the winners: the
    # routines each one overrides (same id, earlier source), the bundled routines
    # a clinic's clinic.yaml hides (with that file), and those another one replaces
    # (`catalog_filters`).
    overridden: dict[str, list[Routine]] = field(default_factory=dict)
    hidden: dict[str, tuple[Routine, Path]] = field(default_factory=dict)
    hidden_programmes: dict[str, tuple[Programme, Path]] = field(default_factory=dict)
    replaced: dict[str, tuple[Routine, str]] = field(default_factory=dict)  # by the id's
    # Whether each folder read is there, found while reading it (off the UI thread
    # in the window): the Routine folders dialog says so without touching the disk.
    present: dict[Path, bool] = field(default_factory=dict)
    # Programmes over weeks (issue 16): files with stages:, in the same folders.
    programmes: dict[str, Programme] = field(default_factory=dict)  # by title


def bundled_folder() -> Path:
    """The bundled routines' folder (a real folder, installed or not)."""
    return resources.bundled_routines()


def sources() -> list[tuple[Source, Path]]:
    """Routine folders in override order."""
    found = [(Source.BUNDLED, bundled_folder())]
    found += [(Source.CLINIC, folder) for folder in paths.clinic_routine_dirs()]
    found.append((Source.USER, paths.user_routines_dir()))
    return found


def routine_files(folder: Path, problems: list[LoadProblem] | None = None) -> list[Path]:
    """The routine files directly in `folder`, by name; none if it does not exist.

    A folder that exists but cannot be read (no permission, or a file where a
    folder should be) is added to `problems`: a therapist's preloaded routines
    must not vanish without a word.
    """
    try:
        return sorted(
            p
            for p in folder.iterdir()
            if p.suffix.lower() in ROUTINE_SUFFIXES
            and not p.name.startswith(".")
            and p.name != CLINIC_FILE  # the clinic's details, not a routine
        )
    except FileNotFoundError:
        return []
    except OSError as error:
        blocker = file_in_the_way(folder) if isinstance(error, NotADirectoryError) else None
        if problems is not None and blocker is not None:
            # Said as what it is: "cannot be read (Not a directory)" beside `list`'s
            # "not there" left the person to guess.
            problems.append(LoadProblem(str(folder), None, None, in_the_way(folder, blocker)))
        elif problems is not None:
            reason = error.strerror or type(error).__name__
            problems.append(
                LoadProblem(
                    str(folder),
                    None,
                    None,
                    f"this routine folder cannot be read ({reason})",
                    "check that it is a folder and that your account may read it",
                )
            )
        return []


def load_library(
    folders: Iterable[Path],
    problems: list[LoadProblem] | None = None,
    on_folder: Callable[[Path], None] | None = None,
) -> dict[str, LibraryExercise]:
    """Library exercises from each folder's `library/`, later folders overriding."""
    library: dict[str, LibraryExercise] = {}
    sink = problems if problems is not None else []
    for folder in folders:
        if on_folder is not None:
            on_folder(folder)
        seen: dict[str, Path] = {}
        # An unreadable folder is reported once, by its routines, not again here.
        readable = folder.is_dir() and os.access(folder, os.R_OK | os.X_OK)
        for path in routine_files(folder / LIBRARY_FOLDER, sink if readable else None):
            entry = _load_library_file(path, sink)
            if entry is None:
                continue
            if entry.id in seen:
                sink.append(duplicate(path, entry.id, seen[entry.id], "library exercise"))
                continue
            seen[entry.id] = path
            library[entry.id] = entry
    return library


def load_catalog(
    *, skip: Collection[Path] = (), on_folder: Callable[[Path], None] | None = None
) -> Catalog:
    """Every routine and library exercise of every source, with the bad files' problems.

    `skip` leaves folders out (the window's loader, after a folder did not answer);
    `on_folder` is told each folder just before it is read, so a caller can say
    which one hangs (a network folder can block any call that touches it).
    """
    catalog = Catalog()
    found = [(source, folder) for source, folder in sources() if folder not in skip]
    catalog.library = load_library((folder for _, folder in found), catalog.problems, on_folder)
    routines: dict[str, Routine] = {}
    programme_files: list[Found] = []  # read once, checked after the routines
    for source, folder in found:
        if on_folder is not None:
            on_folder(folder)
        catalog.present[folder] = _is_dir(folder)
        seen: dict[str, Path] = {}
        for path in routine_files(folder, catalog.problems):
            routine, problems = _load(path, catalog.library, source, programmes=programme_files)
            catalog.problems += problems
            if routine is None:
                continue
            if routine.id in seen:
                catalog.problems.append(duplicate(path, routine.id, seen[routine.id], "routine"))
                continue
            seen[routine.id] = path
            if routine.id in routines:
                catalog.overridden.setdefault(routine.id, []).append(routines[routine.id])
            routines[routine.id] = routine
    # Programmes first: a clinic's hide: list may name a bundled programme too.
    catalog.programmes = programmes_from(programme_files, catalog.problems)
    leave_out(catalog, routines, [folder for source, folder in found if source is Source.CLINIC])
    ordered = sorted(routines.values(), key=lambda r: (r.title.casefold(), r.id))
    catalog.routines = {r.id: r for r in ordered}
    return catalog


def load_routine_file(
    path: str | os.PathLike[str],
    *,
    library: Mapping[str, LibraryExercise] | None = None,
    source: Source | None = None,
    check_images: bool = False,
) -> Routine:
    """One routine file, using the full library unless one is given.

    `check_images`: a picture that is not there is a problem too (`validate` and
    `import`, the therapist's tools; the window plays such a routine without it).
    """
    file_path = Path(path)
    if library is None:
        library = load_library(folder for _, folder in sources())
    routine, problems = _load(
        file_path, library, source or _source_of(file_path), check_images=check_images
    )
    if routine is None:
        raise RoutineLoadError(problems)
    return routine


def find_routine(id_or_path: str, catalog: Catalog | None = None) -> Routine:
    """A routine by id, or from a file when given a path."""
    if _looks_like_path(id_or_path):
        library = catalog.library if catalog is not None else None
        return load_routine_file(id_or_path, library=library)
    catalog = catalog if catalog is not None else load_catalog()
    if id_or_path in catalog.routines:
        return catalog.routines[id_or_path]
    broken = [p for p in catalog.problems if id_from_file_name(Path(p.path).stem) == id_or_path]
    if broken:
        raise RoutineLoadError(broken)
    raise RoutineNotFoundError(_not_found_message(id_or_path, catalog))


# -- internals -------------------------------------------------------------------


def _load(
    path: Path,
    library: Mapping[str, LibraryExercise],
    source: Source,
    *,
    check_images: bool = False,
    programmes: list[Found] | None = None,
) -> tuple[Routine | None, list[LoadProblem]]:
    """The routine in `path`; a programme file goes to `programmes` (or is refused)."""
    try:
        return _load_checked(path, library, source, check_images, programmes)
    except ProgrammeFileError:
        raise  # load_routine_file of a programme: say so, not "could not be read"
    except Exception as error:  # one file's surprise must never empty the whole list
        return None, [unexpected(path, error)]


def _load_checked(
    path: Path,
    library: Mapping[str, LibraryExercise],
    source: Source,
    check_images: bool,
    programmes: list[Found] | None,
) -> tuple[Routine | None, list[LoadProblem]]:
    try:
        loaded = load_yaml_file(path)
    except YamlLoadError as error:
        return None, and_past_the_syntax_error(path, error, library)
    if is_programme_data(loaded.data):
        if programmes is None:
            raise not_a_routine(path)
        programmes.append((source, path, loaded))
        return None, []
    routine, problems = validate_routine(
        loaded.data, default_id=id_from_file_name(path.stem), library=library
    )
    if check_images:
        problems += missing_images(path, loaded.data)
        routine = routine if not problems else None
    if routine is None:
        found = [located(path, loaded, p) for p in problems]
        return None, sorted(found, key=lambda p: (p.line or 0, p.col or 0))
    routine = replace(
        routine,
        exercises=tuple(_with_image_path(e, path) for e in routine.exercises),
        source=source,
        source_path=str(path),
        content_hash=sha256_hex(loaded.raw),
    )
    return routine, []


def _load_library_file(path: Path, sink: list[LoadProblem]) -> LibraryExercise | None:
    try:
        return _load_library_checked(path, sink)
    except Exception as error:  # as in _load: the other files go on working
        sink.append(unexpected(path, error))
        return None


def _load_library_checked(path: Path, sink: list[LoadProblem]) -> LibraryExercise | None:
    try:
        loaded = load_yaml_file(path)
    except YamlLoadError as error:
        sink += [from_yaml(path, p) for p in error.problems]
        return None
    entry, problems = validate_library_exercise(
        loaded.data, default_id=id_from_file_name(path.stem)
    )
    sink += [located(path, loaded, p) for p in problems]
    if entry is None:
        return None
    exercise = _with_image_path(entry.exercise, path)
    fields = dict(entry.fields)
    if exercise.image is not None:
        fields["image"] = exercise.image
    return replace(entry, exercise=exercise, fields=fields, source_path=str(path))


def _with_image_path(exercise: Exercise, routine_path: Path) -> Exercise:
    """An image next to the file becomes an absolute path; otherwise it names an asset."""
    image = exercise.image
    if not image or Path(image).is_absolute():
        return exercise
    candidate = routine_path.parent / image
    try:
        if candidate.is_file():
            return replace(exercise, image=str(candidate.resolve()))
    except OSError:  # a name too long for the file system, say: not a file beside it
        pass
    return exercise


def _is_dir(folder: Path) -> bool:
    try:
        return folder.is_dir()
    except OSError:
        return False


def _source_of(path: Path) -> Source:
    resolved = path.resolve()
    for source, folder in reversed(sources()):
        if resolved.is_relative_to(folder.resolve()):
            return source
    return Source.USER


def _looks_like_path(text: str) -> bool:
    return (
        os.sep in text
        or (os.altsep is not None and os.altsep in text)
        or text.lower().endswith(ROUTINE_SUFFIXES)
    )


def _not_found_message(wanted: str, catalog: Catalog) -> str:
    # Left out on purpose (catalog_filters): say by what, not "no routine".
    if wanted in catalog.hidden:
        return f"'{wanted}' is hidden by {catalog.hidden[wanted][1]} (its hide: list)"
    if wanted in catalog.replaced:
        return f"'{wanted}' is replaced by '{catalog.replaced[wanted][1]}'; start that one"
    close = difflib.get_close_matches(wanted, list(catalog.routines), n=3, cutoff=0.5)
    if close:
        names = ", ".join(f"'{c}'" for c in close)
        return f"no routine has the id '{wanted}'; did you mean {names}?"
    return f"no routine has the id '{wanted}'; `timer-app list` shows them all"
