"""New routine, Edit (or Edit a copy) and Duplicate on the Routines page: each opens the editor.

- **New routine…** opens the editor on an empty routine.
- **Edit…** opens the selected routine's own file: the therapist's comments and
  layout are kept where nothing changed (the editor saves over it). A routine
  that comes with the app, or a clinic routine whose file this person cannot
  write, is not changed in place: the button says **Edit a copy…** and opens a
  copy instead.
- **Duplicate…** opens a copy with a new title ("… (copy)") and a new unique id,
  not yet saved: the original and its history stay as they are.

A copy keeps its pictures: a picture beside the original file is named by its
full path, so the editor can copy it beside the new file. It replaces nothing
(`replaces:` is the original's claim, not the copy's).

The editor is its own window: the page keeps it until it is closed (then lets it
go), brings it forward when the same routine is edited again rather than open a
second editor on one file, and selects the saved routine once the list is read
again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from timer_app.gui.page_style import action_button

if TYPE_CHECKING:
    from timer_app.core.editor.draft import RoutineDraft
    from timer_app.core.routine import Routine
    from timer_app.gui.pages.routines import RoutinesPage
    from timer_app.storage.yaml.errors import YamlProblem

# (draft, the file it saves over or None for a new one, a copy of a bundled routine)
# -> the editor window, shown.
OpenEditor = Callable[["RoutineDraft", "Path | None", bool], QWidget]


class DraftReadError(Exception):
    """A routine's file could not be read back as a draft; `lines` say where and why."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def edits_in_place(routine: Routine) -> bool:
    """True when Edit changes the routine's own file: the person's own, or a clinic
    routine they can write. A bundled routine is never changed."""
    from timer_app.core.routine import Source

    if routine.source is Source.BUNDLED or not routine.source_path:
        return False
    path = Path(routine.source_path)
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def draft_of(routine: Routine) -> RoutineDraft:
    """The routine's file as a draft, exactly as written (its id made explicit)."""
    from timer_app.core.editor.draft import RoutineDraft
    from timer_app.storage.yaml.errors import YamlLoadError
    from timer_app.storage.yaml.loader import load_yaml_file

    if not routine.source_path:
        raise DraftReadError([f"{routine.title}: this routine has no file to open"])
    path = Path(routine.source_path)
    try:
        loaded = load_yaml_file(path)
    except YamlLoadError as error:
        raise DraftReadError([_located(path, p) for p in error.problems]) from None
    except OSError as error:
        raise DraftReadError([f"{path}: {error.strerror or error}"]) from None
    data: Any = loaded.data
    if not isinstance(data, dict):
        raise DraftReadError([f"{path}:1:1: a routine file is a mapping (title:, exercises:)"])
    draft = RoutineDraft.from_mapping(data)
    # The id the app knows it by (maybe from the file's name): the editor must not
    # make a new one from the title, or the routine's history would be left behind.
    draft.fields.setdefault("id", routine.id)
    return draft


def copy_of(routine: Routine, draft: RoutineDraft, taken: set[str], title: str) -> RoutineDraft:
    """A copy of `draft` titled `title`, with a new unique id and its pictures found."""
    from timer_app.core.editor.draft import id_from_title

    copy = draft.copy()
    copy.fields["title"] = title
    copy.fields["id"] = id_from_title(title, taken)
    copy.fields.pop("replaces", None)
    # Saved as a new file that keeps the original's comments and layout.
    copy.copied_from = routine.source_path or None
    folder = Path(routine.source_path).parent if routine.source_path else None
    for exercise in copy.exercises:
        image = exercise.get("image")
        if folder is None or not isinstance(image, str) or not image.strip():
            continue
        beside = folder / image.strip()
        try:
            if not Path(image).is_absolute() and beside.is_file():
                exercise["image"] = str(beside.resolve())
        except OSError:  # a name the file system refuses: left for the check to name
            continue
    return copy


class RoutineEditing(QObject):
    """The page's New routine, Edit / Edit a copy and Duplicate buttons."""

    def __init__(self, page: RoutinesPage) -> None:
        super().__init__(page)
        self.page = page
        self.new_button = action_button(
            self.tr("&New routine…"), self.tr("Make a routine in the editor, without YAML")
        )
        self.new_button.clicked.connect(self.new_routine)
        self.edit_button = action_button(self.tr("&Edit…"), "")
        self.edit_button.clicked.connect(self.edit_selected)
        self.duplicate_button = action_button(
            self.tr("D&uplicate…"),
            self.tr("Open a copy of this routine in the editor, with a new name"),
        )
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.row = QWidget()
        row = QHBoxLayout(self.row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit_button)
        row.addWidget(self.duplicate_button)
        # Injectable for tests; by default the editor window (gui/editor), opened here.
        self.open_editor: OpenEditor = self._open_window
        self.windows: list[QWidget] = []
        self._select_saved: Path | None = None
        # Queued: after the page has listed the routines read again.
        page.model.routines_changed.connect(
            self._select_after_save, Qt.ConnectionType.QueuedConnection
        )
        self.show_for(None)

    def show_for(self, routine: Routine | None) -> None:
        """Edit says whether it changes this routine or opens a copy of it."""
        self.edit_button.setEnabled(routine is not None)
        self.duplicate_button.setEnabled(routine is not None)
        if routine is not None and not edits_in_place(routine):
            self.edit_button.setText(self.tr("&Edit a copy…"))
            self.edit_button.setAccessibleDescription(
                self.tr("This routine cannot be changed here: open a copy of it in the editor")
            )
        else:
            self.edit_button.setText(self.tr("&Edit…"))
            self.edit_button.setAccessibleDescription(self.tr("Open this routine in the editor"))

    # -- the three actions --------------------------------------------------------------
    def new_routine(self) -> QWidget:
        from timer_app.core.editor.draft import RoutineDraft

        return self.open_editor(RoutineDraft.empty(), None, False)

    def edit_selected(self) -> QWidget | None:
        routine = self.page.selected_routine()
        if routine is None:
            return None
        if not edits_in_place(routine):
            return self._open_copy(routine, self.tr("{title} (my copy)"))
        path = Path(routine.source_path or "")
        already = self._editing(path)
        if already is not None:  # two editors on one file: the later save would undo the other
            already.raise_()
            already.activateWindow()
            return already
        draft = self._read(routine)
        if draft is None:
            return None
        return self.open_editor(draft, path, False)

    def duplicate_selected(self) -> QWidget | None:
        routine = self.page.selected_routine()
        if routine is None:
            return None
        return self._open_copy(routine, self.tr("{title} (copy)"))

    def _open_copy(self, routine: Routine, title_words: str) -> QWidget | None:
        draft = self._read(routine)
        if draft is None:
            return None
        taken = {r.id for r in self.page.model.routines()}
        title = title_words.format(title=routine.title)
        from timer_app.core.routine import Source

        # A bundled routine's copy: the editor says the original stays as it is.
        bundled = routine.source is Source.BUNDLED
        return self.open_editor(copy_of(routine, draft, taken, title), None, bundled)

    def _read(self, routine: Routine) -> RoutineDraft | None:
        try:
            return draft_of(routine)
        except DraftReadError as error:
            self.page.show_problems(self.tr("The routine could not be opened"), error.lines)
            return None

    # -- the editor window ---------------------------------------------------------------
    def _open_window(
        self, draft: RoutineDraft, file_path: Path | None, bundled_copy: bool
    ) -> QWidget:
        from timer_app.gui.editor.editor_window import EditorWindow

        window = EditorWindow(self.page.model, draft, file_path=file_path, read_only=bundled_copy)
        # Opened from the page, it is the page's to let go: deleted once closed
        # (after its own question about unsaved changes), not kept for the run.
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.saved.connect(self._saved)
        self.windows.append(window)
        window.destroyed.connect(lambda _obj=None, w=window: self._forget(w))
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _editing(self, path: Path) -> QWidget | None:
        """The open editor of this file, if one is open (it may have been saved elsewhere)."""
        for window in self.windows:
            shown = getattr(window, "file_path", None)
            if window.isVisible() and shown is not None and _same_file(Path(shown), path):
                return window
        return None

    def _forget(self, window: QWidget) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def _saved(self, path: Path) -> None:
        """Select the saved routine once the list is read again (the editor asks)."""
        self._select_saved = Path(path)
        self._select_after_save()

    def _select_after_save(self) -> None:
        wanted = self._select_saved
        if wanted is None:
            return
        for routine in self.page.routines():
            if routine.source_path and _same_file(Path(routine.source_path), wanted):
                self._select_saved = None
                self.page.select(routine.id)
                return


def _located(path: Path, problem: YamlProblem) -> str:
    """`file:line:col: message (hint)`, as the import and the CLI say it."""
    where = f"{path}:{problem.line}:{problem.col or 1}" if problem.line else str(path)
    hint = f" ({problem.hint})" if problem.hint else ""
    return f"{where}: {problem.message}{hint}"


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return one == other
