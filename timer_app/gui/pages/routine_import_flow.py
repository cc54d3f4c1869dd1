"""Importing a routine file on the Routines page: the button, Ctrl+O and a dropped file.

Split from `pages/routines.py`. The import itself is `storage.routine_import`; here a
file that differs from a routine already there asks before replacing it, a refusal
shows the validator's located lines on the page, and what the import did to the
routines already there (a replaced one moved to the trash, a same title) is said
under the page's title. Strings keep the page's translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from timer_app.gui.page_style import plain_message
from timer_app.gui.translation import translate

if TYPE_CHECKING:
    from timer_app.core.routine import Routine
    from timer_app.gui.pages.routines import RoutinesPage
    from timer_app.storage.routines.catalog import RoutineLoadError


def import_all(page: RoutinesPage, paths: list[Path]) -> None:
    """Import files and folders as `timer-app import` does: the routines first, then
    the programmes, whose stages may name those routines (issue 16). A folder that
    holds a programme is imported file by file; any other folder is a handed-over
    routine (`storage/routines/handover.py`)."""
    from timer_app.storage.routines.catalog import routine_files

    files: list[Path] = []
    for path in paths:
        inside = routine_files(path) if path.is_dir() else []
        files += inside if any(is_programme_file(f) for f in inside) else [path]
    programmes = [f for f in files if is_programme_file(f)]
    # Each file's import says what it did and clears what the one before said: of
    # a broken file and a good one, only "Imported …" was left, as if both were.
    said: list[str] = []
    problems: list[str] = []

    def keep() -> None:
        if page.message.isVisible() and page.message.text():
            said.append(page.message.text())
        problems.extend(page.import_problems())

    imported = False
    for path in files:
        if path not in programmes:
            imported |= import_into(page, path) is not None
            keep()
    for path in programmes:
        # The routines just imported are not in the page's catalog yet: read again.
        import_programme_into(page, path, fresh=imported)
        keep()
    if len(files) > 1:
        page.message.setText("\n".join(said))
        page.message.setVisible(bool(said))
        if problems:
            page.show_problems(problems[0], problems[1:])


def is_programme_file(path: Path) -> bool:
    """A YAML file whose top level has `stages:` (read once; a bad file is not one)."""
    from timer_app.core.programme.validation import is_programme_data
    from timer_app.storage.yaml.loader import YamlLoadError, load_yaml_file

    if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
        return False
    try:
        return is_programme_data(load_yaml_file(path).data)
    except (YamlLoadError, OSError):
        return False


def import_into(page: RoutinesPage, path: Path) -> Routine | None:
    """Import one routine file; on failure show why, located, and return None.
    A programme file is imported as a programme (`import_programme_into`)."""
    from timer_app.core.routine import Routine
    from timer_app.storage.routines.catalog import RoutineConflictError, RoutineLoadError
    from timer_app.storage.routines.importing import import_routine_file
    from timer_app.storage.routines.programmes import ProgrammeFileError

    page.message.hide()
    page.clear_import_problems()
    # The routines as last read (off the UI thread, see reload), not read again
    # here: a routine folder that hangs must not freeze the window on import.
    catalog = page.catalog
    notes: list[str] = []  # a replaced routine moved to the trash, a same title
    try:
        try:
            result = import_routine_file(path, catalog=catalog, notes=notes)
        except RoutineConflictError:
            if not confirm_replace(page, path):
                return None
            result = import_routine_file(path, replace=True, catalog=catalog, notes=notes)
    except ProgrammeFileError:
        import_programme_into(page, path)
        return None
    except (RoutineLoadError, OSError) as error:
        show_not_imported(page, path, error)
        return None
    routine = result if isinstance(result, Routine) else None
    return page.show_imported(routine, result, path.name, notes)


def confirm_replace(page: RoutinesPage, path: Path, *, programme: bool = False) -> bool:
    if programme:
        title = translate("RoutinesPage", "Replace programme?")
        text = translate(
            "RoutinesPage",
            "{name} is a different version of a programme you already have. "
            "Use the new one instead? (The old file is kept as a .bak copy.)",
        )
    else:
        title = translate("RoutinesPage", "Replace routine?")
        text = translate(
            "RoutinesPage",
            "{name} is a different version of a routine you already have. "
            "Use the new one instead? (The old file is kept as a .bak copy.)",
        )
    answer = QMessageBox.question(page, title, plain_message(text.format(name=path.name)))
    return answer == QMessageBox.StandardButton.Yes


def import_programme_into(page: RoutinesPage, path: Path, *, fresh: bool = False) -> bool:
    """Import a programme file; say so, and when the therapist's new file moved the
    patient's stage (`advance: therapist`, `current_stage:`), say that too."""
    from timer_app.storage.routines.catalog import RoutineConflictError, RoutineLoadError
    from timer_app.storage.routines.programme_import import import_programme_file

    page.message.hide()
    page.clear_import_problems()
    catalog = None if fresh else page.catalog
    try:
        try:
            programme = import_programme_file(path, catalog=catalog)
        except RoutineConflictError:
            if not confirm_replace(page, path, programme=True):
                return False
            programme = import_programme_file(path, replace=True, catalog=catalog)
    except (RoutineLoadError, OSError) as error:
        show_not_imported(page, path, error)
        return False
    moved = page.model.programme.follow(programme)
    page.reload(background=page.reads_in_background())
    enrolment = page.model.programme.enrolment()
    said = translate("RoutinesPage", "Imported the programme “{title}”.")
    if enrolment is None or enrolment.programme_id != programme.id:
        said = translate(
            "RoutinesPage",
            "Imported the programme “{title}”. Start it with Start programme… above.",
        )
    lines = [said.format(title=programme.title)]
    if enrolment is None or enrolment.programme_id != programme.id:
        _drop_when_started(page, programme.id, lines[0])
    if moved is not None:
        lines.append(
            translate(
                "RoutinesPage", "Your therapist's new file moves you to stage {n}: {name}."
            ).format(n=moved + 1, name=programme.stages[moved].name)
        )
    page.message.setText("\n".join(lines))
    page.message.show()
    return True


def _drop_when_started(page: RoutinesPage, programme_id: str, hint: str) -> None:
    """Take "Start it with Start programme… above" away once it is started: it
    stayed above the card that already said "Week 1 of 2"."""

    def drop() -> None:
        enrolment = page.model.programme.enrolment()
        if enrolment is None or enrolment.programme_id != programme_id:
            return
        page.model.programme_changed.disconnect(drop)
        if hint in page.message.text():
            page.message.hide()

    page.model.programme_changed.connect(drop)


def show_not_imported(page: RoutinesPage, path: Path, error: RoutineLoadError | OSError) -> None:
    """Why a routine or programme file was not imported: its located problems, or the
    disk's own words."""
    from timer_app.storage.routines.catalog import RoutineLoadError

    if isinstance(error, RoutineLoadError):
        problems = [str(p) for p in getattr(error, "problems", ())] or [str(error)]
        page.show_problems(
            translate("RoutinesPage", "{name} was not imported. Please fix these lines:").format(
                name=path.name
            ),
            problems,
        )
    else:
        page.show_problems(
            translate("RoutinesPage", "{name} was not imported:").format(name=path.name),
            [f"{path}: {error.strerror or error}"],
        )
