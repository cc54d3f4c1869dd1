"""The preview's timeline: every step the player will run, with the moment it starts.

Rows for a list view (`PreviewPanel`): each exercise's name, then its steps from
`core.editor.preview`, which builds them from the plan the player runs. A long
routine (thousands of steps) stays fast: a model, every row one line, and the
same rows again are no reset at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from timer_app.gui.page_style import BODY, scaled_font
from timer_app.gui.translation import translate

if TYPE_CHECKING:
    from timer_app.core.editor.preview import RoutinePreview

_ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class TimelineRow:
    """One row of the timeline list: an exercise's heading, or a step and when it starts."""

    text: str
    is_heading: bool
    exercise: int = -1  # the exercise it belongs to (its index in the routine)
    spoken: str = ""  # what a screen reader says instead of `text` ("≥" is not a word)


def timeline_rows(preview: RoutinePreview) -> list[TimelineRow]:
    """The timeline as rows: each exercise's name, then its steps with their start times.

    A counted rep has no length: every time after one is the earliest the step can
    start, and says so ("≥ 2:25"); the panel's note explains the sign once.
    """
    rows: list[TimelineRow] = []
    names = [e.name for e in preview.exercises]
    start = 0.0
    current = -1
    after_counted = False
    # Looked up once: a long routine has thousands of rows.
    earliest_shown = translate("PreviewTimeline", "≥ {time}")
    earliest_said = translate("PreviewTimeline", "{time} at the earliest")
    for line in preview.timeline:
        if line.exercise_index != current:
            current = line.exercise_index
            name = names[current] if 0 <= current < len(names) else ""
            rows.append(TimelineRow(f"{current + 1}. {name}", True, current))
        time = _clock_time(start)
        if after_counted:
            shown = earliest_shown.format(time=time)
            said = earliest_said.format(time=time)
        else:
            shown = said = time
        rows.append(TimelineRow(f"{shown}   {line.words}", False, current, f"{said}, {line.words}"))
        start += line.seconds or 0.0
        after_counted = after_counted or line.seconds is None
    return rows


def counted_exercises(preview: RoutinePreview) -> set[int]:
    """The exercises with counted reps: their time is only what the plan can know."""
    from timer_app.core.plan import StepKind

    return {line.exercise_index for line in preview.timeline if line.kind is StepKind.COUNTED_REP}


def _clock_time(seconds: float) -> str:
    """Minutes and seconds from the start, as a stopwatch shows them: 0:00, 12:35."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class TimelineModel(QAbstractListModel):
    """The timeline's rows for a list view: headings bold, steps indented."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TimelineRow] = []
        self._bold = scaled_font(BODY, bold=True)

    def set_rows(self, rows: Sequence[TimelineRow]) -> bool:
        """Show these rows; False (and nothing redrawn) when they are the ones shown."""
        if list(rows) == self._rows:
            return False
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        return True

    def rows(self) -> list[TimelineRow]:
        return list(self._rows)

    def heading_row(self, exercise: int) -> int:
        """The row of exercise `exercise`'s heading (its first step is the next); -1 if none."""
        return next(
            (i for i, row in enumerate(self._rows) if row.is_heading and row.exercise == exercise),
            -1,
        )

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.AccessibleTextRole and row.spoken:
            return row.spoken
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text if row.is_heading else f"    {row.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            # Every row is one line: a long step ("Rep 3 of 10 · left side · set 1 of 2:
            # press Enter when done") ends in "…" in a narrow preview.
            return row.text
        if role == Qt.ItemDataRole.FontRole and row.is_heading:
            return self._bold
        return None
