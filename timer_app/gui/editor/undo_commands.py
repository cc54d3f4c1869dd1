"""Every edit of the routine being edited is a `QUndoCommand` on one `QUndoStack`.

A command holds the draft before and after its edit (a routine is a few kilobytes,
so a whole copy is simpler and safer than inverting each kind of change), and which
exercise to select on either side, so an undone delete brings the exercise back
*selected*, where the person's eyes are. Typing into one field merges into one
command per field (`merge_key`), so Ctrl+Z undoes a word, not a letter.

`EditorDocument` owns the draft and the stack; the forms and the list read the
draft and call its methods, never change the draft themselves ("Every edit can
be undone; only a routine that loads is saved" in docs/design.md).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from copy import deepcopy
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from timer_app.core.editor.draft import RoutineDraft

_EMPTY: tuple[object, ...] = (None, "", [], ())


def set_or_drop(mapping: dict[str, Any], key: str, value: object) -> None:
    """Set `key`, or leave it out when the value is empty: an empty field is the
    format's default, and the file should not say it."""
    if value in _EMPTY:
        mapping.pop(key, None)
    else:
        mapping[key] = value


class DraftEdit(QUndoCommand):
    """One edit: the draft before and after, and the exercise selected on each side."""

    def __init__(
        self,
        document: EditorDocument,
        before: RoutineDraft,
        after: RoutineDraft,
        text: str,
        *,
        select_before: int,
        select_after: int,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        self._document = document
        self.before = before
        self.after = after
        self.select_before = select_before
        self.select_after = select_after
        self.merge_key = merge_key

    def redo(self) -> None:
        self._document.show_draft(self.after, self.select_after)

    def undo(self) -> None:
        self._document.show_draft(self.before, self.select_before)

    def id(self) -> int:
        # Qt merges only commands of equal id; -1 never merges.
        if self.merge_key is None:
            return -1
        return zlib.crc32(self.merge_key.encode()) & 0x7FFFFFFF

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, DraftEdit) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.select_after = other.select_after
        return True


class EditorDocument(QObject):
    """The routine being edited, its undo stack, and the selected exercise."""

    changed = Signal()  # the draft changed: an edit, an undo or a redo
    selection_wanted = Signal(int)  # an undo or redo selects this exercise (-1: none)
    selected_changed = Signal(int)  # the exercise the form shows (-1: none)

    def __init__(self, draft: RoutineDraft, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._draft = draft.copy()
        self.selected = 0 if draft.exercises else -1
        self.undo_stack = QUndoStack(self)

    @property
    def draft(self) -> RoutineDraft:
        """The draft as it is now: read it, change it only through the methods below."""
        return self._draft

    def show_draft(self, draft: RoutineDraft, select: int) -> None:
        """Called by the commands only: make `draft` current and say so."""
        self._draft = draft.copy()
        self.selected = min(select, len(self._draft.exercises) - 1)
        self.changed.emit()
        self.selection_wanted.emit(self.selected)

    def replace_quietly(self, draft: RoutineDraft) -> None:
        """A change that is no edit (a saved picture's new name): not on the undo stack."""
        self._draft = draft.copy()
        self.changed.emit()

    def _push(
        self,
        after: RoutineDraft,
        text: str,
        *,
        select: int | None = None,
        merge_key: str | None = None,
    ) -> None:
        self.undo_stack.push(
            DraftEdit(
                self,
                self._draft.copy(),
                after,
                text,
                select_before=self.selected,
                select_after=self.selected if select is None else select,
                merge_key=merge_key,
            )
        )

    # -- the routine's own fields ----------------------------------------------------
    def set_routine_field(self, name: str, value: object, label: str) -> None:
        if self._draft.fields.get(name) == value or (
            name not in self._draft.fields and value in _EMPTY
        ):
            return
        after = self._draft.copy()
        set_or_drop(after.fields, name, deepcopy(value))
        text = QCoreApplication.translate("EditorDocument", "Change %1").replace("%1", label)
        self._push(after, text, merge_key=f"routine/{name}")

    def set_routine_fields(self, changes: Mapping[str, object], text: str, key: str) -> None:
        """Several fields in one step (the title and the id that follows it)."""
        after = self._draft.copy()
        for name, value in changes.items():
            set_or_drop(after.fields, name, deepcopy(value))
        if after.fields != self._draft.fields:
            self._push(after, text, merge_key=f"routine/{key}")

    # -- one exercise ----------------------------------------------------------------
    def set_exercise(
        self, index: int, exercise: Mapping[str, Any], text: str, *, merge_key: str | None
    ) -> None:
        """Replace exercise `index` with `exercise` (a new mapping, never the draft's own)."""
        if not 0 <= index < len(self._draft.exercises):
            return
        if dict(exercise) == self._draft.exercises[index]:
            return
        after = self._draft.copy()
        after.exercises[index] = deepcopy(dict(exercise))
        key = None if merge_key is None else f"exercise/{index}/{merge_key}"
        self._push(after, text, select=index, merge_key=key)

    # -- the list --------------------------------------------------------------------
    def add_exercise(self, exercise: Mapping[str, Any]) -> None:
        after = self._draft.copy()
        at = self.selected + 1 if self.selected >= 0 else len(after.exercises)
        after.exercises.insert(at, deepcopy(dict(exercise)))
        self._push(
            after, QCoreApplication.translate("EditorDocument", "Add an exercise"), select=at
        )

    def move_exercise(self, index: int, to: int) -> None:
        count = len(self._draft.exercises)
        if not (0 <= index < count and 0 <= to < count) or index == to:
            return
        after = self._draft.copy()
        after.exercises.insert(to, after.exercises.pop(index))
        text = QCoreApplication.translate("EditorDocument", "Move an exercise")
        self._push(after, text, select=to)

    def duplicate_exercise(self, index: int) -> None:
        if not 0 <= index < len(self._draft.exercises):
            return
        after = self._draft.copy()
        after.exercises.insert(index + 1, deepcopy(after.exercises[index]))
        text = QCoreApplication.translate("EditorDocument", "Duplicate an exercise")
        self._push(after, text, select=index + 1)

    def remove_exercise(self, index: int) -> None:
        if not 0 <= index < len(self._draft.exercises):
            return
        after = self._draft.copy()
        del after.exercises[index]
        text = QCoreApplication.translate("EditorDocument", "Remove an exercise")
        # The one after it takes its place (or the one before, at the end).
        self._push(after, text, select=min(index, len(after.exercises) - 1))

    def select(self, index: int) -> None:
        """The person selected an exercise (not an edit: nothing to undo)."""
        if index != self.selected:
            self.selected = index
            self.selected_changed.emit(index)
