"""The routine editor's File and Edit menus, with their keys.

File: the saving actions (`save_actions.py`), Try it (Ctrl+T) and Close. Edit:
Undo and Redo of the one undo stack (also from inside a text box), the two ways
to add an exercise, and the exercise list's moves. Each Alt letter does one
thing on either tab: Alt+T is the title's, so Try it has Ctrl+T.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from timer_app.gui.translation import translate

if TYPE_CHECKING:
    from timer_app.gui.editor.editor_window import EditorWindow


@dataclass(frozen=True)
class EditorMenus:
    """The actions the window enables, disables or triggers itself."""

    try_action: QAction
    undo_action: QAction
    redo_action: QAction


def build_menus(window: EditorWindow) -> EditorMenus:
    """Fill the window's menu bar; the actions it keeps."""

    file_menu = window.menuBar().addMenu(translate("EditorMenus", "&File"))
    for act in window.saving.actions():
        file_menu.addAction(act)
    file_menu.addSeparator()
    try_action = QAction(translate("EditorMenus", "&Try it, without saving"), window)
    try_action.setShortcut(QKeySequence("Ctrl+T"))
    try_action.triggered.connect(window.try_it)
    file_menu.addAction(try_action)
    file_menu.addSeparator()
    close = QAction(translate("EditorMenus", "&Close"), window)
    close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
    close.triggered.connect(window.close)
    file_menu.addAction(close)
    window.save_button.clicked.connect(window.saving.save_action.trigger)

    edit_menu = window.menuBar().addMenu(translate("EditorMenus", "&Edit"))
    stack = window.document.undo_stack
    undo_action = stack.createUndoAction(window, translate("EditorMenus", "&Undo"))
    undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    redo_action = stack.createRedoAction(window, translate("EditorMenus", "&Redo"))
    redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for act in (undo_action, redo_action):
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        edit_menu.addAction(act)
    edit_menu.addSeparator()
    add_library = QAction(translate("EditorMenus", "Add from the &library…"), window)
    add_library.setShortcut(QKeySequence("Ctrl+L"))
    add_library.triggered.connect(window.add_from_library)
    add_own = QAction(translate("EditorMenus", "Add your &own exercise"), window)
    # Ctrl+N first: on X11 a text box takes Ctrl+E (end of line) before any shortcut.
    add_own.setShortcuts([QKeySequence("Ctrl+N"), QKeySequence("Ctrl+E")])
    add_own.triggered.connect(window.add_own)
    for act in (add_library, add_own):
        edit_menu.addAction(act)
    edit_menu.addSeparator()
    lst = window.exercise_list
    for act in (lst.up_action, lst.down_action, lst.duplicate_action, lst.remove_action):
        edit_menu.addAction(act)
    return EditorMenus(try_action, undo_action, redo_action)
