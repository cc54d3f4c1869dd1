"""The routine editor: a therapist builds, checks and saves a routine without YAML.

Three columns: the exercises in order, the form of the routine or of the selected
exercise, and the live preview (E3's `PreviewPanel`). Every edit is a command on
one undo stack (`undo_commands.py`); after each one the draft is checked by the
validator itself (`check_draft`) and each problem is shown at its field. Save is
enabled only for a routine that would load. Closing with unsaved changes asks:
Save, Discard or Cancel. After a save the app model reads the routine folders
again, so the Routines page lists the new routine ("One owner for the app's state").
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.editor.check import DraftCheck, check_draft
from timer_app.core.editor.draft import RoutineDraft
from timer_app.core.validation.checks import LibraryExercise
from timer_app.gui.app_model import AppModel
from timer_app.gui.editor.close_question import CloseAnswer, ask_close_box
from timer_app.gui.editor.editor_menus import build_menus
from timer_app.gui.editor.exercise_form import ExerciseForm
from timer_app.gui.editor.exercise_list import ExerciseList
from timer_app.gui.editor.form_scroll import scrolled
from timer_app.gui.editor.library_picker import LibraryPicker
from timer_app.gui.editor.preview_panel import PreviewPanel
from timer_app.gui.editor.problem_summary import status_words, tab_titles
from timer_app.gui.editor.routine_form import RoutineForm
from timer_app.gui.editor.save_actions import SaveActions
from timer_app.gui.editor.undo_commands import EditorDocument
from timer_app.gui.page_style import BODY, plain_label, scaled_font


class EditorWindow(QMainWindow):
    """Edits one routine draft; `saved(path)` after each save."""

    saved = Signal(Path)

    def __init__(
        self,
        model: AppModel,
        draft: RoutineDraft,
        *,
        file_path: Path | None = None,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self.file_path = file_path
        self.read_only = read_only  # a bundled routine: saved as a copy, never over it
        # A copy's first save keeps the comments and layout of the file it copies.
        self.copied_from = Path(draft.copied_from) if draft.copied_from else None
        # Its own id is not "taken"; a copy of a bundled routine needs an id of its own.
        self._own_id = draft.fields.get("id") if file_path is not None and not read_only else None
        self.document = EditorDocument(draft, self)
        self._saved_as: Path | None = None  # the file of the last save (its status line)
        self.check: DraftCheck = check_draft(self.document.draft, self.library())
        # Answers the close question (tests answer it; the app shows the box).
        self.ask_close: Callable[[str, str, bool], CloseAnswer] = lambda title, text, can_save: (
            ask_close_box(self, title, text, can_save)
        )
        self._build()
        self.saving = SaveActions(self)
        menus = build_menus(self)
        self.try_action = menus.try_action
        self.undo_action, self.redo_action = menus.undo_action, menus.redo_action
        self.document.changed.connect(self._draft_changed)
        self.document.selected_changed.connect(self._exercise_selected)
        self.document.undo_stack.cleanChanged.connect(self._update_title)
        # An edit is checked before the stack counts it: "Saved as" goes when it does.
        self.document.undo_stack.cleanChanged.connect(lambda _clean: self._show_status())
        model.routines_changed.connect(self._draft_changed)  # the library may have changed
        self.preview.show_exercise(self.document.selected)
        self._draft_changed()
        self._fit_to_screen()
        # A new routine starts at its title; one with exercises at their list.
        if self.document.draft.exercises:
            self.exercise_list.list.setFocus()
        else:
            self.routine_form.title.setFocus()

    # -- what the window works with ----------------------------------------------------
    @property
    def undo_stack(self) -> QUndoStack:
        return self.document.undo_stack

    def current_draft(self) -> RoutineDraft:
        return self.document.draft.copy()

    def library(self) -> Mapping[str, LibraryExercise]:
        catalog = self._model.catalog
        return catalog.library if catalog is not None else {}

    def taken_ids(self) -> Collection[str]:
        """The ids of the other routines the app lists: a new routine's id differs."""
        return {r.id for r in self._model.routines() if r.id != self._own_id}

    def saved_id(self) -> object:
        """The id of the file being edited (None for a new routine or a copy)."""
        return self._own_id

    def set_saved_id(self, routine_id: object) -> None:
        self._own_id = routine_id

    def routine_folder(self) -> Path | None:
        return self.file_path.parent if self.file_path is not None else None

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        col = QVBoxLayout(central)
        self.banner = plain_label()
        self.banner.setWordWrap(True)
        self.banner.setFont(scaled_font(BODY))
        self.banner.setVisible(self.read_only)
        self.banner.setText(
            self.tr(
                "This routine comes with the app, so you are editing a copy: "
                "saving puts the copy in your routines and leaves the original as it is."
            )
        )
        col.addWidget(self.banner)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.exercise_list = ExerciseList(self.document, self.library)
        self.exercise_list.sig_add_from_library.connect(self.add_from_library)
        self.exercise_list.sig_add_own.connect(self.add_own)
        self.exercise_list.sig_removed.connect(self._removed)
        # Enter (or a double click) on an exercise: on to its form, at its name.
        self.exercise_list.list.itemActivated.connect(lambda _item: self._edit_exercise())
        self.routine_form = RoutineForm(self.document, self.taken_ids, self.saved_id)
        self.exercise_form = ExerciseForm(self.document, self.library, self.routine_folder)
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolled(self.routine_form), self.tr("&Routine"))
        self.tabs.addTab(scrolled(self.exercise_form), self.tr("Exerci&se"))
        self.preview = PreviewPanel()
        splitter.addWidget(self.exercise_list)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([230, 640, 410])
        splitter.setChildrenCollapsible(False)
        col.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        self.status = plain_label()
        self.status.setWordWrap(True)
        self.status.setFont(scaled_font(BODY))
        bottom.addWidget(self.status, 1)
        # Alt+T is the title's (the field a therapist wants most): Try it is Ctrl+T.
        self.try_button = QPushButton(self.tr("Try it"))
        self.try_button.setToolTip(self.tr("Try it (Ctrl+T)"))
        self.try_button.setAccessibleDescription(
            self.tr("Play this routine in the session screen, without saving or recording it")
        )
        self.try_button.clicked.connect(self.try_it)
        self.save_button = QPushButton(self.tr("Sa&ve"))
        self.save_button.setDefault(True)
        for button in (self.try_button, self.save_button):
            button.setFont(scaled_font(BODY))
            bottom.addWidget(button)
        col.addLayout(bottom)
        self.setCentralWidget(central)
        # Focus order: the list and its Add buttons, the tabs and the form shown, then
        # Try it and Save; the preview, which only reads, comes last.
        lst = self.exercise_list
        chain = [
            lst.list,
            lst.add_library_button,
            lst.add_own_button,
            self.tabs,
            self.routine_form.title,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        QWidget.setTabOrder(self.exercise_form.picture.file_button, self.try_button)
        QWidget.setTabOrder(self.try_button, self.save_button)

    def _fit_to_screen(self) -> None:
        """1280x760, or the screen's free area when it is smaller (a 1024x600 netbook)."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = 1280, 760
        if screen is not None:
            width, height = min(width, screen.width()), min(height, screen.height() - 40)
        self.resize(width, height)

    # -- adding exercises --------------------------------------------------------------
    def add_from_library(self) -> None:
        picker = LibraryPicker(self.library(), self)
        if picker.exec() and picker.chosen_id() is not None:
            self.document.add_exercise({"use": picker.chosen_id()})
            self._show_exercise()
            # On the list, at the new exercise (Enter: its form; Ctrl+L: another). Left
            # to Qt, the focus fell on the form's first button, "Make it my own", which
            # a Space or Enter meant for the next step would press.
            self.exercise_list.list.setFocus()

    def add_own(self) -> None:
        self.document.add_exercise({"name": self.tr("New exercise"), "reps": 10})
        self._show_exercise()
        self.exercise_form.name.setFocus()
        self.exercise_form.name.selectAll()

    def _edit_exercise(self) -> None:
        self._show_exercise()
        self.exercise_form.name.setFocus()

    def _show_exercise(self) -> None:
        self.tabs.setCurrentIndex(1)

    def _exercise_selected(self, row: int) -> None:
        self.preview.show_exercise(row)
        if row >= 0 and self.exercise_list.list.hasFocus():
            self.tabs.setCurrentIndex(1)

    def _removed(self, name: str) -> None:
        # Nothing asks first, so say what went and how it comes back.
        note = self.tr("Removed “%1”: Ctrl+Z brings it back.").replace("%1", name)
        self.status.setText(f"{note} {self.status.text()}")

    # -- checking ----------------------------------------------------------------------
    def _draft_changed(self) -> None:
        draft = self.document.draft
        self.check = check_draft(draft, self.library())
        self.routine_form.show_check(self.check)
        self.exercise_form.show_check(self.check)
        self.exercise_list.show_problems(list(self.check.problems))
        self.preview.show_check(self.check, draft)
        ok = self.check.ok
        self.saving.set_valid(ok)
        self.save_button.setEnabled(ok)
        self.try_button.setEnabled(ok)
        self.try_action.setEnabled(ok)
        routine_tab, exercise_tab = tab_titles(self.check)
        self.tabs.setTabText(0, routine_tab)
        self.tabs.setTabText(1, exercise_tab)
        self._show_status()
        self._update_title()

    def show_saved(self, path: Path) -> None:
        """Say where the routine went until the next edit: the model reading the
        routine folders again after a save must not turn it back to "Ready to save."."""
        self._saved_as = path
        self._show_status()

    def _show_status(self) -> None:
        saved = self._saved_as
        if saved is not None and self.check.ok and self.document.undo_stack.isClean():
            self.status.setText(self.tr("Saved as %1.").replace("%1", saved.name))
            self.status.setToolTip(str(saved))  # the whole path, for who needs it
            return
        self.status.setToolTip("")
        self.status.setText(status_words(self.check, exercises=len(self.document.draft.exercises)))

    def _update_title(self) -> None:
        title = str(self.document.draft.fields.get("title") or "").strip()
        name = title or self.tr("New routine")
        self.setWindowTitle(self.tr("%1[*] — Routine editor").replace("%1", name))
        self.setWindowModified(not self.document.undo_stack.isClean())

    # -- try it, close -----------------------------------------------------------------
    def try_it(self) -> None:
        if self.check.routine is None:
            return
        from timer_app.gui.editor.try_it import play_draft

        play_draft(self.check.routine, self._model, self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.document.undo_stack.isClean():
            event.accept()
            return
        ok = self.check.ok
        text = (
            self.tr("Save your changes to this routine before closing?")
            if ok
            else self.tr(
                "This routine has changes that cannot be saved until its problems are fixed. "
                "Discard them and close?"
            )
        )
        answer = self.ask_close(self.tr("Unsaved changes"), text, ok)
        if (answer is CloseAnswer.SAVE and self.saving.save()) or answer is CloseAnswer.DISCARD:
            event.accept()
        else:
            event.ignore()
