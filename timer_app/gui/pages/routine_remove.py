"""Remove on the Routines page: the patient's own routines go to the trash, undoably.

Old prescriptions pile up in the list. Remove (or the Delete key on the list)
moves the selected routine's file to the trash in the data folder
(`storage/routine_trash.py`, as `timer-app remove` does); a banner then says
"Removed 'Week 2'." with Undo, which puts the file back. Nothing is asked first:
Undo is the safety net, and a question would be one more thing between a
patient and their routine. A bundled or clinic routine cannot be removed here,
and the line under the details says why (and which routine it overrides).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QPushButton

from timer_app.gui.banner import Banner
from timer_app.gui.page_style import BODY, plain_label, scaled_font

if TYPE_CHECKING:
    from timer_app.core.routine import Routine
    from timer_app.gui.pages.routines import RoutinesPage
    from timer_app.storage.routines.trash import Trashed

log = logging.getLogger(__name__)


class RoutineRemover(QObject):
    """The Remove button, the line saying why a routine stays, and the Undo banner."""

    def __init__(self, page: RoutinesPage) -> None:
        super().__init__(page)
        self.page = page
        self.button = QPushButton(self.tr("Remove from my list"))
        self.button.setFont(scaled_font(BODY))
        self.button.setAccessibleDescription(
            self.tr("Move this routine to the trash; Undo puts it back (Delete)")
        )
        self.button.clicked.connect(self.remove_selected)
        self.why = plain_label()  # says a folder's path, which may hold anything
        self.why.setFont(scaled_font(BODY))
        self.why.setWordWrap(True)
        self.banner = Banner()
        self._last: Trashed | None = None

    def show_for(self, routine: Routine | None) -> None:
        """Enable Remove for the user's own routine; otherwise say why it stays."""
        from timer_app.core.routine import Source

        removable = routine is not None and routine.source is Source.USER
        self.button.setEnabled(removable)
        lines: list[str] = []
        if routine is not None and routine.source is Source.BUNDLED:
            lines.append(self.tr("This routine comes with the app, so it cannot be removed."))
        elif routine is not None and routine.source is Source.CLINIC:
            lines.append(
                self.tr(
                    "This routine is from your clinic's folder ({folder}), so it is removed "
                    "there, not here."
                ).format(folder=routine.source_path or "")
            )
        if routine is not None:
            lines += self._overrides(routine)
        _set(self.why, "\n".join(lines))

    def _overrides(self, routine: Routine) -> list[str]:
        from timer_app.gui.pages.routine_text import source_in_words

        catalog = self.page.catalog
        older = catalog.overridden.get(routine.id, []) if catalog is not None else []
        return [
            self.tr("It takes the place of a routine with the same id ({source}: {path}).").format(
                source=source_in_words(r.source), path=r.source_path or ""
            )
            for r in reversed(older)
        ]

    def remove_selected(self) -> bool:
        """Move the selected routine to the trash; the banner offers Undo."""
        from timer_app.storage.routines import trash as routine_trash

        routine = self.page.selected_routine()
        if routine is None or not self.button.isEnabled():
            return False
        try:
            self._last = routine_trash.remove_routine(routine)
        except (routine_trash.CannotRemoveError, OSError) as error:
            log.warning("could not remove %s: %s", routine.source_path, error)
            reason = getattr(error, "strerror", None) or str(error)
            self.banner.ask(
                self.tr("“{title}” could not be removed: {reason}").format(
                    title=routine.title, reason=reason
                ),
                [(self.tr("OK"), self.banner.hide)],
            )
            return False
        self.banner.ask(
            self.tr("Removed “{title}”. Its history is kept.").format(title=routine.title),
            [(self.tr("Undo"), self.undo), (self.tr("OK"), self.banner.hide)],
        )
        self.page.drop_routine(routine.id)
        return True

    def undo(self) -> None:
        """Put the last removed routine back and list it again."""
        from timer_app.storage.routines import trash as routine_trash

        item, self._last = self._last, None
        self.banner.hide()
        if item is None:
            return
        try:
            routine_trash.restore(item)
        except OSError as error:
            self.banner.ask(
                self.tr("It could not be put back: {reason}").format(
                    reason=error.strerror or str(error)
                ),
                [(self.tr("OK"), self.banner.hide)],
            )
            return
        self.page.reload(background=self.page.reads_in_background())


def _set(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
