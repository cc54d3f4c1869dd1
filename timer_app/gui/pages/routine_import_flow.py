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


def import_into(page: RoutinesPage, path: Path) -> Routine | None:
    """Import one routine file; on failure show why, located, and return None."""
    from timer_app.core.routine import Routine
    from timer_app.storage.routines.catalog import RoutineConflictError, RoutineLoadError
    from timer_app.storage.routines.importing import import_routine_file

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
    except RoutineLoadError as error:
        problems = [str(p) for p in getattr(error, "problems", ())] or [str(error)]
        page.show_problems(
            translate("RoutinesPage", "{name} was not imported. Please fix these lines:").format(
                name=path.name
            ),
            problems,
        )
        return None
    except OSError as error:
        page.show_problems(
            translate("RoutinesPage", "{name} was not imported:").format(name=path.name),
            [f"{path}: {error.strerror or error}"],
        )
        return None
    routine = result if isinstance(result, Routine) else None
    return page.show_imported(routine, result, path.name, notes)


def confirm_replace(page: RoutinesPage, path: Path) -> bool:
    answer = QMessageBox.question(
        page,
        translate("RoutinesPage", "Replace routine?"),
        plain_message(
            translate(
                "RoutinesPage",
                "{name} is a different version of a routine you already have. "
                "Use the new one instead? (The old file is kept as a .bak copy.)",
            ).format(name=path.name)
        ),
    )
    return answer == QMessageBox.StandardButton.Yes
