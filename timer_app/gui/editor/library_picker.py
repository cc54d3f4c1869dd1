"""Choose an exercise from the library: type to search, Enter to take it.

The search matches the name, the id and the instructions as the therapist types
("knee", "tilt", "lying"); each line says the exercise's dose in words, the same
sentence the Routines page shows. The exercise is added as `use: <id>`, so it keeps
following the library, and the form shows any change as this routine's own.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.describe import dose_in_words
from timer_app.core.validation.checks import LibraryExercise
from timer_app.gui.editor.field_rows import route_undo_keys
from timer_app.gui.page_style import BODY, scaled_font
from timer_app.gui.translation import translate


def rank(entry: LibraryExercise, words: str) -> int | None:
    """None unless every word typed is in the name, the id or the instructions;
    then 0 when all are in the name or id (listed first), else 1."""
    typed = words.casefold().split()
    name = f"{entry.exercise.name} {entry.id}".casefold()
    if all(word in name for word in typed):
        return 0
    haystack = " ".join((name, *entry.exercise.instructions)).casefold()
    return 1 if all(word in haystack for word in typed) else None


class LibraryPicker(QDialog):
    """A search box over the library's exercises; `chosen_id()` after `exec()`."""

    def __init__(
        self, library: Mapping[str, LibraryExercise], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add an exercise from the library"))
        self._library = library
        col = QVBoxLayout(self)
        label = QLabel(self.tr("&Search the library:"))
        label.setFont(scaled_font(BODY))
        self.search = QLineEdit()
        self.search.setFont(scaled_font(BODY))
        self.search.setPlaceholderText(self.tr("A name or a word, such as knee or tilt"))
        self.search.setAccessibleName(self.tr("Search the library"))
        route_undo_keys(self.search)
        label.setBuddy(self.search)
        col.addWidget(label)
        col.addWidget(self.search)
        self.list = QListWidget()
        self.list.setFont(scaled_font(BODY))
        self.list.setAccessibleName(self.tr("Library exercises found"))
        col.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("No exercise of the library matches."))
        self.empty.hide()
        col.addWidget(self.empty)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        col.addWidget(buttons)
        self.search.textChanged.connect(self._filter)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.search.installEventFilter(self)
        self._filter("")
        self.resize(
            self.fontMetrics().horizontalAdvance("m") * 50, self.fontMetrics().height() * 24
        )

    def eventFilter(self, watched: object, event: object) -> bool:
        # Up and Down in the search box move in the list: search, arrow, Enter.
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent

        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)
            return True
        return False

    def _filter(self, words: str) -> None:
        self.list.clear()
        scored = [(rank(e, words), e.exercise.name.casefold(), e) for e in self._library.values()]
        for _rank, _name, entry in sorted((f for f in scored if f[0] is not None), key=_by_rank):
            dose = dose_in_words(entry.exercise, translate)
            item = QListWidgetItem(f"{entry.exercise.name} — {dose}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        found = self.list.count() > 0
        self.empty.setVisible(not found)
        self.ok_button.setEnabled(found)

    def chosen_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))


def _by_rank(row: tuple[int | None, str, LibraryExercise]) -> tuple[int, str]:
    return (row[0] or 0, row[1])
