"""`timer-app validate` and `import`: the commands therapists use on routine files.

Problems print compiler-style (`PATH:LINE:COL: message — hint`) so editors can jump
to them; each command's exit code says whether everything was fine (0) or not (1).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import Any

from timer_app.cli.validate_checks import duplicate_id, picture_problems
from timer_app.core.durations import format_duration
from timer_app.core.plan import plan_size
from timer_app.core.routine import Source
from timer_app.core.validation.messages import escaped
from timer_app.storage.in_the_way import file_in_the_way, not_a_folder
from timer_app.storage.routines.catalog import (
    LIBRARY_FOLDER,
    LoadProblem,
    RoutineLoadError,
    bundled_folder,
    load_catalog,
    load_library,
    load_routine_file,
    routine_files,
)
from timer_app.storage.routines.clinic import CLINIC_FILE
from timer_app.storage.routines.image_check import missing_images, unusable_images
from timer_app.storage.routines.importing import import_routine_file
from timer_app.storage.routines.programmes import ProgrammeFileError
from timer_app.storage.yaml.loader import YamlLoadError, load_yaml_file

# -- validate ----------------------------------------------------------------------


def run_validate(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    all_valid = True
    libraries: dict[Path, dict[str, Any]] = {}  # per folder: `validate *.yaml` reads it once
    # The files given one by one would be imported together: one id, one routine.
    given_ids: dict[str, Path] = {}
    for given in args.paths:
        path = Path(given)
        if path.name == CLINIC_FILE and path.is_file():
            all_valid &= _clinic_file_ok(path.parent)  # the clinic's details, not a routine
        elif path.is_dir():
            all_valid &= _validate_folder(path, catalog.library, catalog.routines)
        elif path.suffix.lower() == ".zip" and path.is_file():
            all_valid &= _validate_zip(path, catalog.library, catalog.routines)
        elif path.exists() or path.is_symlink():
            if path.parent not in libraries:
                libraries[path.parent] = _with_sibling_library(path, catalog.library)
            all_valid &= _validate_file(
                path, libraries[path.parent], catalog.routines, given_ids, in_folder=False
            )
        else:
            _print_problem(LoadProblem(given, None, None, "no such file or folder"))
            all_valid = False
    return 0 if all_valid else 1


def _validate_folder(
    folder: Path, library: dict[str, Any], routine_ids: Collection[str] = ()
) -> bool:
    library_problems: list[LoadProblem] = []
    local = {**library, **load_library([folder], library_problems)}
    for problem in library_problems:
        _print_problem(problem)
    library_files = routine_files(folder / LIBRARY_FOLDER)
    for path in library_files:
        if any(p.path == str(path) for p in library_problems):
            continue
        pictures = _library_images(path)
        for problem in pictures:
            _print_problem(problem)
        library_problems += pictures
        if not pictures:
            print(f"{escaped(str(path))}: ok (library exercise)")
    files = routine_files(folder)
    if not files and not library_files:
        _print_problem(
            LoadProblem(str(folder), None, None, "no routine files (*.yaml) in this folder")
        )
        return False
    seen: dict[str, Path] = {}  # as the app reads a folder: the first of an id wins
    results = [_validate_file(path, local, routine_ids, seen, in_folder=True) for path in files]
    clinic_ok = _clinic_file_ok(folder)
    return all(results) and not library_problems and clinic_ok


def _validate_zip(zip_path: Path, library: dict[str, Any], routine_ids: Collection[str]) -> bool:
    """A `.zip` from Export for a patient, checked as `import` would read it.

    Read as YAML it was refused as "not UTF-8 text", which sent a therapist
    looking for an encoding problem in a file the app itself had just written.
    Its files are named inside the `.zip` (`week-3.zip/week-3/week-3.yaml`).
    """
    from timer_app.storage.routines.handover import unpack_zip

    with tempfile.TemporaryDirectory(prefix="timer-app-validate-") as temporary:
        unpacked = str(Path(temporary).resolve())
        said = io.StringIO()
        try:
            folder = unpack_zip(zip_path, Path(unpacked))
        except RoutineLoadError as error:
            for problem in error.problems:
                _print_problem(problem)
            return False
        with contextlib.redirect_stdout(said):
            valid = _validate_folder(folder, library, routine_ids)
        print(said.getvalue().replace(unpacked, str(zip_path)), end="")
        return valid


def _clinic_file_ok(folder: Path) -> bool:
    """A clinic folder's clinic.yaml, checked as the app reads it (`clinic_hide`):
    its fields, its `emergency_number` and its `hide:` list."""
    from timer_app.storage.routines.clinic_hide import hidden_routines

    if not (folder / CLINIC_FILE).is_file():
        return True
    bundled = {path.stem for path in routine_files(bundled_folder())}
    _, problems = hidden_routines([folder], bundled)
    for path, problem in problems:
        _print_problem(
            LoadProblem(str(path), problem.line, problem.col, problem.message, problem.hint)
        )
    if not problems:
        print(f"{escaped(str(folder / CLINIC_FILE))}: ok (clinic details)")
    return not problems


def _library_images(path: Path) -> list[LoadProblem]:
    """A valid library exercise whose picture is not there (`image_check`)."""
    try:
        loaded = load_yaml_file(path)
    except YamlLoadError:
        return []  # reported by the library's own check
    found = missing_images(path, loaded.data) + unusable_images(path, loaded.data)
    return [LoadProblem(str(path), *loaded.location_of(p.path), p.message, p.hint) for p in found]


def _with_sibling_library(path: Path, library: dict[str, Any]) -> dict[str, Any]:
    """The library a single file is checked against: the one its folder would get.

    `validate clinic/` accepted a routine that `use:`s the clinic's own
    `library/` exercise while `validate clinic/week-3.yaml` refused it; `import`
    brings that library along, so the single file is checked as in its folder.
    """
    if path.parent.name == LIBRARY_FOLDER or not (path.parent / LIBRARY_FOLDER).is_dir():
        return library
    # Its problems are the library file's own, reported when that file is validated.
    return {**library, **load_library([path.parent])}


def _validate_file(
    path: Path,
    library: dict[str, Any],
    routine_ids: Collection[str] = (),
    seen: dict[str, Path] | None = None,
    *,
    in_folder: bool = True,
) -> bool:
    """Print the file's problems, or that it is ok; whether it was ok. `seen`: the
    ids of the routines checked before it that the app would read with it."""
    if path.parent.name == LIBRARY_FOLDER:
        problems: list[LoadProblem] = []
        load_library([path.parent.parent], problems)
        own = [p for p in problems if p.path == str(path)] or _library_images(path)
        for problem in own:
            _print_problem(problem)
        if not own:
            print(f"{escaped(str(path))}: ok (library exercise)")
        return not own
    try:
        # The source is not shown here; finding it resolves every source folder
        # for each file, a third of the time `validate` took on 1,000 files.
        routine = load_routine_file(path, library=library, source=Source.USER, check_images=True)
    except ProgrammeFileError:
        # A programme's stages may name the app's routines and those beside it.
        from timer_app.cli.programme_files import folder_routine_ids, validate_programme_file

        known = {*routine_ids, *folder_routine_ids(path.parent, library)}
        return validate_programme_file(path, known)
    except RoutineLoadError as error:
        for problem in error.problems:
            _print_problem(problem)
        return False
    found = picture_problems(path, routine)
    same_id = None if seen is None else duplicate_id(path, routine.id, seen, in_folder=in_folder)
    if same_id is not None:
        found.append(same_id)
    for problem in found:
        _print_problem(problem)
    if found:
        return False
    total = format_duration(plan_size(routine).seconds)
    count = len(routine.exercises)
    title = escaped(routine.title)
    print(f"{escaped(str(path))}: ok — {title} ({count} {_plural(count, 'exercise')}, {total})")
    return True


# -- import ------------------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    files: list[Path] = []
    all_done = True
    for given in args.paths:
        path = Path(given)
        if path.is_dir():
            found = routine_files(path)
            if not found:
                _print_problem(
                    LoadProblem(given, None, None, "no routine files (*.yaml) in this folder")
                )
                all_done = False
            files += found
        else:
            files.append(path)
    programmes: list[Path] = []  # after the routines their stages may name
    imported: dict[str, Path] = {}  # two files with one id: the second is refused
    for path in files:
        skipped: list[str] = []
        notes: list[str] = []
        try:
            routine = import_routine_file(
                path, replace=args.replace, skipped=skipped, notes=notes, earlier=imported
            )
        except ProgrammeFileError:
            programmes.append(path)
            continue
        except RoutineLoadError as error:
            for problem in error.problems:
                _print_problem(problem)
            all_done = False
            continue
        except OSError as error:  # the user's folder cannot be written: that file's problem
            _print_problem(LoadProblem(str(path), None, None, _not_copied(error)))
            all_done = False
            continue
        imported[routine.id] = path
        where = escaped(routine.source_path or "")
        print(f"imported '{routine.id}' ({escaped(routine.title)}) to {where}")
        for note in [*skipped, *notes]:  # the routine works; these are worth knowing
            print(f"note: {note}")
    if programmes:
        from timer_app.cli.programme_files import import_programme

        for path in programmes:
            all_done &= import_programme(path, replace=args.replace)
    return 0 if all_done else 1


def _not_copied(error: OSError) -> str:
    """Why a file could not be copied; a file where a folder should be is said
    as that (it was "File exists" or "Not a directory", which sent people
    looking for a routine of that name)."""
    if error.filename:
        target = Path(os.fsdecode(error.filename))
        # mkdir of a folder that is a file: the error names the file itself.
        folder = target if isinstance(error, FileExistsError) else target.parent
        blocker = file_in_the_way(folder)
        if blocker is not None:
            return f"could not be copied: {not_a_folder(blocker)}"
    reason = error.strerror or type(error).__name__
    where = f" ({error.filename})" if error.filename else ""
    return f"could not be copied: {reason}{where}"


def _print_problem(problem: LoadProblem) -> None:
    print(str(problem))


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
