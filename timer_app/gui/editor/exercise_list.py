"""The routine's exercises, in order: reorder by dragging a handle or by keys.

Alt+Up / Alt+Down move the selected exercise, Ctrl+D duplicates it and Delete
removes it, each one step on the undo stack (`undo_commands.py`): a therapist who
deleted the wrong exercise presses Ctrl+Z, so no confirm dialog ever asks first.
A drop is turned into the same move command; Qt never moves an item itself, so the
list always shows the draft.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QAction, QDropEvent, QIcon, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.validation.checks import LibraryExercise, RoutineProblem
from timer_app.gui.editor.field_rows import style_problem
from timer_app.gui.editor.undo_commands import EditorDocument
from timer_app.gui.page_style import BODY, plain_tooltip, scaled_font


def exercise_name(exercise: Mapping[str, Any], library: Mapping[str, LibraryExercise]) -> str:
    """The name the patient will see: its own, else its library exercise's."""
    name = exercise.get("name")
    if isinstance(name, str) and name.strip():
        return name.strip()
    used = exercise.get("use")
    if isinstance(used, str) and used in library:
        return library[used].exercise.name
    return ""


def grip_icon(palette: QPalette, height: int) -> QIcon:
    """Two columns of dots: the handle people know means "drag me"."""
    size = max(12, height)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.color(QPalette.ColorRole.PlaceholderText))
    radius = size / 12
    for column in (size * 0.38, size * 0.62):
        for row in (size * 0.25, size * 0.5, size * 0.75):
            painter.drawEllipse(QPointF(column, row), radius, radius)
    painter.end()
    return QIcon(pixmap)


class _DragList(QListWidget):
    """A list whose drops become a move command instead of moving items."""

    sig_moved = Signal(int, int)  # from row, to row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # A long name wraps onto a second line: the column is narrow on a small
        # screen, and a list that scrolls sideways hides the names' ends.
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)

    def dropEvent(self, event: QDropEvent) -> None:
        source = self.currentRow()
        target = self.drop_row(self.indexAt(event.position().toPoint()).row())
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source >= 0:
            self.move_to_gap(source, target)

    def drop_row(self, row: int) -> int:
        """The gap a drop at `row` means: before it, after it when below its middle."""
        if row < 0:
            return self.count()
        below = self.dropIndicatorPosition() == QAbstractItemView.DropIndicatorPosition.BelowItem
        return row + 1 if below else row

    def move_to_gap(self, source: int, gap: int) -> None:
        """Move row `source` into the gap before row `gap` (`count()`: the end)."""
        to = gap - 1 if gap > source else gap
        if to != source:
            self.sig_moved.emit(source, to)


class ExerciseList(QWidget):
    """The list, its buttons, and the keys that act on the selected exercise."""

    sig_add_from_library = Signal()
    sig_add_own = Signal()
    sig_removed = Signal(str)  # the name of the exercise just removed

    def __init__(
        self,
        document: EditorDocument,
        library: Callable[[], Mapping[str, LibraryExercise]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._library = library
        self._problems: dict[int, list[str]] = {}
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("E&xercises, in order"))
        title.setFont(scaled_font(BODY, bold=True))
        col.addWidget(title)
        self.list = _DragList(self)
        self.list.setFont(scaled_font(BODY))
        self.list.setAccessibleName(self.tr("Exercises, in order"))
        self.list.setAccessibleDescription(
            self.tr(
                "Drag an exercise by its handle, or press Alt+Up or Alt+Down, to move it. "
                "Ctrl+D duplicates it, Delete removes it, Ctrl+Z undoes."
            )
        )
        title.setBuddy(self.list)
        col.addWidget(self.list, 1)
        self.problem = QLabel()
        self.problem.setFont(scaled_font(BODY))
        self.problem.setWordWrap(True)
        self.problem.setProperty("textFormat", 0)
        self.problem.hide()
        col.addWidget(self.problem)
        self._build_actions(col)
        self.list.sig_moved.connect(self._document.move_exercise)
        self.list.currentRowChanged.connect(self._row_chosen)
        document.changed.connect(self.refresh)
        document.selection_wanted.connect(self._select)
        self.refresh()
        self._select(document.selected)

    def _build_actions(self, col: QVBoxLayout) -> None:
        def action(text: str, keys: QKeySequence, slot: Callable[[], None]) -> QAction:
            act = QAction(text, self)
            act.setShortcut(keys)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.up_action = action(self.tr("Move up"), QKeySequence("Alt+Up"), self.move_up)
        self.down_action = action(self.tr("Move down"), QKeySequence("Alt+Down"), self.move_down)
        self.duplicate_action = action(self.tr("Duplicate"), QKeySequence("Ctrl+D"), self.duplicate)
        self.remove_action = action(
            # The Delete key alone: the platform's "Delete" is also Ctrl+D on X11,
            # which would make Duplicate's Ctrl+D ambiguous (and do neither).
            self.tr("Remove"),
            QKeySequence(Qt.Key.Key_Delete),
            self.remove,
        )
        # Stacked, not side by side: the list's column stays narrow and the form wide.
        adds = QVBoxLayout()
        self.add_library_button = QPushButton(self.tr("Add from the &library…"))
        self.add_library_button.clicked.connect(self.sig_add_from_library)
        self.add_own_button = QPushButton(self.tr("Add your &own"))
        self.add_own_button.clicked.connect(self.sig_add_own)
        for button in (self.add_library_button, self.add_own_button):
            button.setFont(scaled_font(BODY))
            adds.addWidget(button)
        col.addLayout(adds)
        moves = QGridLayout()
        for place, (act, words) in enumerate(
            (
                (self.up_action, self.tr("Up")),
                (self.down_action, self.tr("Down")),
                (self.duplicate_action, self.tr("Duplicate")),
                (self.remove_action, self.tr("Remove")),
            )
        ):
            button = QPushButton(words)
            button.setToolTip(
                f"{act.text()} ({act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            button.setAccessibleDescription(button.toolTip())
            # Buttons are for the mouse; the keys keep the focus in the list.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(act.trigger)
            moves.addWidget(button, place // 2, place % 2)
        col.addLayout(moves)

    # -- keys and buttons --------------------------------------------------------------
    def move_up(self) -> None:
        row = self.list.currentRow()
        self._document.move_exercise(row, row - 1)

    def move_down(self) -> None:
        row = self.list.currentRow()
        self._document.move_exercise(row, row + 1)

    def duplicate(self) -> None:
        self._document.duplicate_exercise(self.list.currentRow())

    def remove(self) -> None:
        row = self.list.currentRow()
        exercises = self._document.draft.exercises
        if not 0 <= row < len(exercises):
            return
        name = exercise_name(exercises[row], self._library()) or self.tr("(no name yet)")
        self._document.remove_exercise(row)
        self.sig_removed.emit(name)

    # -- showing the draft ---------------------------------------------------------------
    def show_problems(self, problems: list[RoutineProblem]) -> None:
        """Mark each exercise with problems; say a problem of the whole list under it."""
        marked: dict[int, list[str]] = {}
        own: list[str] = []
        for problem in problems:
            path = problem.path
            if len(path) >= 2 and path[0] == "exercises" and isinstance(path[1], int):
                marked.setdefault(path[1], []).append(problem.message)
            elif path[:1] == ("exercises",) or not path:
                own.append(problem.message)
        if own and not self._document.draft.exercises:
            own = [self.tr("No exercises yet: add one from the library, or your own.")]
        self.problem.setText("\n".join(own))
        style_problem(self.problem)
        self.problem.setVisible(bool(own))
        if marked != self._problems:  # the draft itself was shown already (`changed`)
            self._problems = marked
            self.refresh()

    def refresh(self) -> None:
        exercises = self._document.draft.exercises
        library = self._library()
        icon = grip_icon(self.palette(), self.fontMetrics().height())
        self.list.blockSignals(True)
        self.list.clear()
        for index, exercise in enumerate(exercises):
            name = exercise_name(exercise, library) or self.tr("(no name yet)")
            text = f"{index + 1}. {name}"
            if index in self._problems:
                text += "  ⚠"
            item = QListWidgetItem(icon, text)
            tip = "\n".join(self._problems.get(index, []))
            if tip:
                item.setToolTip(plain_tooltip(tip))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            self.list.addItem(item)
        self.list.setCurrentRow(self._document.selected)
        self.list.blockSignals(False)
        has = bool(exercises)
        for act in (self.up_action, self.down_action, self.duplicate_action, self.remove_action):
            act.setEnabled(has)

    def _select(self, row: int) -> None:
        self.list.setCurrentRow(row)  # emits currentRowChanged, which tells the document

    def _row_chosen(self, row: int) -> None:
        self._document.select(row)
