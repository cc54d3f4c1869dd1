"""How a person asks the main window for something: menu, keys, drops, `--start`.

File ▸ Import (Ctrl+O), Quit (Ctrl+Q), Go ▸ Routines (Alt+1) and History (Alt+2),
Help ▸ Safety and help (F1), routine files dropped on the window, and
`--start ROUTINE` (at start-up, or from a second launch). During a session none
of them reach the pages: the session screen owns the window until it is closed
(its own Esc asks before ending, its own F1 and Ctrl+Q apply).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QAction, QKeySequence

from timer_app.gui.banner import plain
from timer_app.gui.translation import translate

if TYPE_CHECKING:
    # Only named in signatures: each Qt class is built on its first import.
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from timer_app.gui.window.main_window import MainWindow
    from timer_app.storage.routines.catalog import Catalog

ROUTINE_SUFFIXES = (".yaml", ".yml", ".pdf")  # .pdf: a handout, which carries its routine


class MenuActions(NamedTuple):
    import_action: QAction
    quit_action: QAction
    help_action: QAction


def _action(window: MainWindow, text: str) -> QAction:
    # Not QAction(text, window): matching that call against the QAction(QIcon,
    # text) overload builds QIcon's class and its three enum classes (~1.3 ms)
    # before the first paint; the menu has no icons.
    action = QAction(window)
    action.setText(text)
    return action


def build_menu(window: MainWindow) -> MenuActions:
    """The window's menu bar; its words keep the window's translation context."""
    # setShortcuts, not setShortcut: the latter's overload matching builds all
    # of Qt's `Qt` namespace before the first paint (see docs/design.md).
    file_menu = window.menuBar().addMenu(translate("MainWindow", "&File"))
    import_action = _action(window, translate("MainWindow", "&Import a routine or programme…"))
    import_action.setShortcuts(QKeySequence.StandardKey.Open)
    import_action.triggered.connect(lambda: import_requested(window))
    file_menu.addAction(import_action)
    # The routine editor (issue 14), as the Routines page's New routine… opens it.
    new_action = _action(window, translate("MainWindow", "&New routine…"))
    new_action.setShortcuts([QKeySequence("Ctrl+N")])
    new_action.triggered.connect(lambda: new_routine_requested(window))
    file_menu.addAction(new_action)
    file_menu.addSeparator()
    quit_action = _action(window, translate("MainWindow", "&Quit"))
    quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)

    go_menu = window.menuBar().addMenu(translate("MainWindow", "&Go"))
    for name, caption, key in (
        ("routines", translate("MainWindow", "&Routines"), "Alt+1"),
        ("history", translate("MainWindow", "&History"), "Alt+2"),
    ):
        action = _action(window, caption)
        action.setShortcuts([QKeySequence(key)])
        action.triggered.connect(lambda _=False, n=name: go(window, n))
        go_menu.addAction(action)

    help_menu = window.menuBar().addMenu(translate("MainWindow", "&Help"))
    help_action = _action(window, translate("MainWindow", "&Safety and help"))
    help_action.setShortcuts([QKeySequence("F1")])
    help_action.triggered.connect(lambda: go(window, "safety"))
    help_menu.addAction(help_action)
    return MenuActions(import_action, quit_action, help_action)


def go(window: MainWindow, name: str) -> None:
    # During a session the pages are out of reach: the session screen owns the
    # window until it is closed (its own Esc asks before ending).
    if window.current_page() == "session":
        return
    window.show_page(name)


def import_requested(window: MainWindow) -> None:
    if window.current_page() == "session":
        return
    window.show_page("routines")
    window.routines_page.choose_file_to_import()


def new_routine_requested(window: MainWindow) -> None:
    if window.current_page() == "session":
        return
    window.show_page("routines")
    window.routines_page.editing.new_routine()


# -- --start -----------------------------------------------------------------------
def open_start(window: MainWindow, start: str, catalog: Catalog | None = None) -> bool:
    """`--start ROUTINE`: an id or a path. On failure the Routines page says why.

    `catalog`: the one the Routines page read off the UI thread; without it the
    folders are read again here."""
    from timer_app.storage.routines.catalog import RoutineLoadError, find_routine

    try:
        routine = find_routine(start, catalog)
    except RoutineLoadError as error:
        problems = [str(p) for p in getattr(error, "problems", ())] or [str(error)]
        _start_failed(window, start, problems)
        return False
    except (LookupError, OSError) as error:
        _start_failed(window, start, [plain(error)])
        return False
    if routine is None:
        _start_failed(window, start, [translate("MainWindow", "No routine has this id or path.")])
        return False
    window.open_session(routine)
    return True


def _start_failed(window: MainWindow, start: str, problems: list[str]) -> None:
    window.show_page("routines")
    window.routines_page.show_problems(
        translate("MainWindow", "Could not open “{start}”:").format(start=start), problems
    )


# -- drag and drop -------------------------------------------------------------------
def drag_entered(window: MainWindow, event: QDragEnterEvent) -> None:
    if window.current_page() != "session" and dropped_files(event):
        event.acceptProposedAction()
    else:
        event.ignore()


def dropped(window: MainWindow, event: QDropEvent) -> None:
    """Routine files dropped on the window are imported, as File ▸ Import would."""
    files = dropped_files(event)
    if window.current_page() == "session" or not files:
        event.ignore()
        return
    event.acceptProposedAction()
    window.show_page("routines")
    window.routines_page.import_files(files)  # routines before programmes


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(ROUTINE_SUFFIXES)
    ]
