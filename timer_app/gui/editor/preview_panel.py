"""The editor's live preview: what the patient will go through, updated as the therapist types.

A first version: the interface the editor window embeds (`show_check`). The full
panel (dose per exercise, time per exercise, per day, the timeline) follows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from timer_app.core.editor.check import DraftCheck
    from timer_app.core.editor.draft import RoutineDraft


class PreviewPanel(QWidget):
    """Shows the routine being edited as the player will run it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview_panel")
        self._summary = QLabel(self.tr("Nothing to preview yet."), self)
        self._summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self._summary)
        layout.addStretch(1)

    def show_check(self, check: DraftCheck, draft: RoutineDraft) -> None:
        """Show the preview of a checked draft (or how many problems keep it from playing)."""
        del draft  # the full panel uses it for exercise names while the draft is invalid
        if check.routine is None:
            count = len(check.problems)
            self._summary.setText(
                self.tr("%n problem(s) to fix before this routine can play.", "", count)
            )
            return
        self._summary.setText(check.routine.title)
