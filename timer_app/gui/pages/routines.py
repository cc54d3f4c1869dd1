"""The routines list: bundled, clinic and own routines, their doses in words, Start.

Importing a routine file (button, Ctrl+O or a file dropped on the window) goes
through `storage.routine_import`; when it fails, the validator's
located messages (`file:line:col: message`) are shown on the page, in plain view,
next to any bad files found in the routine folders. A bad file never hides the
good routines.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from timer_app.gui.app_model import AppModel
from timer_app.gui.page_style import (
    BODY,
    HEADING,
    action_button,
    heading,
    page_header,
    panel,
    plain_tooltip,
    scaled_font,
)
from timer_app.gui.pages.routine_editing import RoutineEditing
from timer_app.gui.pages.routine_remove import RoutineRemover

if TYPE_CHECKING:
    from timer_app.core.routine import Routine
    from timer_app.storage.routines.catalog import Catalog

log = logging.getLogger(__name__)


class RoutinesPage(QWidget):
    """Emits `sig_start(routine)` when the person starts a routine.

    Shows the app model's routines and follows its `routines_changed`; without a
    model (a page alone, as in a preview) it makes one of its own.
    """

    sig_start = Signal(object)
    sig_imported = Signal(object)

    def __init__(self, model: AppModel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model if model is not None else AppModel(parent=self)
        self.setAccessibleName(self.tr("Routines"))
        self._routines: list[Routine] = []

        col = QVBoxLayout(self)
        self.import_button = action_button(
            self.tr("Import a routine or programme…"),
            self.tr("Add a routine file from your therapist (Ctrl+O, or drop the file here)"),
        )
        self.import_button.clicked.connect(self.choose_file_to_import)
        self.folders_button = action_button(
            self.tr("Routine folders…"),
            self.tr("Where routines are read from; add or remove your clinic's folder"),
        )
        self.folders_button.clicked.connect(self.open_folders)
        # New routine, Edit / Edit a copy, Duplicate: the editor (pages/routine_editing.py).
        self.editing = RoutineEditing(self)
        self.message = page_header(
            col,
            self.tr("Routines"),
            self.editing.new_button,
            self.folders_button,
            self.import_button,
        )
        # Remove and its Undo banner (pages/routine_remove.py); the banner under the title.
        self.remover = RoutineRemover(self)
        col.addWidget(self.remover.banner)
        # The programme card (issue 16): the week, the stage, today's sessions.
        from timer_app.gui.programme.card import ProgrammeCard

        self.programme_card = ProgrammeCard(self.model)
        self.programme_card.sig_start.connect(self.sig_start)
        col.addWidget(self.programme_card)

        # Problems: located messages, selectable so a therapist can copy them.
        self.problems_box = panel(role=QPalette.ColorRole.AlternateBase)
        problems_col = QVBoxLayout(self.problems_box)
        self.problems_title = heading("", HEADING)
        problems_col.addWidget(self.problems_title)
        self.problems_text = QPlainTextEdit()
        self.problems_text.setReadOnly(True)
        self.problems_text.setFont(scaled_font(BODY))
        self.problems_text.setAccessibleName(self.tr("Problems found in routine files"))
        self.problems_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        problems_col.addWidget(self.problems_text)
        self.dismiss_problems = QPushButton(self.tr("Hide these messages"))
        self.dismiss_problems.clicked.connect(self.problems_box.hide)
        dismiss_row = QHBoxLayout()
        dismiss_row.addStretch(1)
        dismiss_row.addWidget(self.dismiss_problems)
        problems_col.addLayout(dismiss_row)
        self.problems_box.hide()
        col.addWidget(self.problems_box)

        split = QSplitter()  # side by side
        self.list = QListWidget()
        self.list.setFont(scaled_font(BODY))
        self.list.setAccessibleName(self.tr("Your routines"))
        self.list.setAccessibleDescription(self.tr("Press Enter to start the selected routine"))
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.currentRowChanged.connect(self._show_details)
        self.list.itemActivated.connect(lambda _item: self.start_selected())
        split.addWidget(self.list)

        right = QWidget()
        right_col = QVBoxLayout(right)
        right_col.setContentsMargins(0, 0, 0, 0)
        self.details = QTextBrowser()
        self.details.setFont(scaled_font(BODY))
        self.details.setOpenLinks(False)
        self.details.setAccessibleName(self.tr("Routine details"))
        right_col.addWidget(self.details, 1)
        right_col.addWidget(self.remover.why)
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setFont(scaled_font(HEADING, bold=True))
        self.start_button.setMinimumHeight(self.start_button.sizeHint().height() * 3 // 2)
        self.start_button.setAccessibleDescription(self.tr("Open the session screen (Enter)"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_selected)
        right_col.addWidget(self.start_button)
        self.handout_button = QPushButton(self.tr("Print or save handout…"))
        self.handout_button.setAccessibleDescription(
            self.tr("A printable page of this routine, for the fridge or your therapist")
        )
        self.handout_button.clicked.connect(self.open_handout)
        right_col.addWidget(self.handout_button)
        right_col.addWidget(self.editing.row)
        right_col.addWidget(self.remover.button)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        col.addWidget(split, 1)

        self._catalog_problems: list[str] = []
        self._import_problems: list[str] = []
        self.model.routines_loading.connect(self._show_loading)
        self.model.routines_changed.connect(self._show_model)
        # A stage moved (or the history opened after the list): the doses shown follow.
        self.model.programme_changed.connect(self._refresh_details)
        self.model.history_changed.connect(self._refresh_details)
        if self.model.catalog is not None:  # a page built after the folders were read
            self._show_model()

    @property
    def catalog(self) -> Catalog | None:
        """The last catalog the model read (for --start, the handout, the folders)."""
        return self.model.catalog

    @property
    def folder_time_limit(self) -> float:
        """Seconds a routine folder may take before it is named and left out."""
        return self.model.time_limit()

    @folder_time_limit.setter
    def folder_time_limit(self, seconds: float) -> None:
        self.model.folder_time_limit = seconds

    # -- the list ------------------------------------------------------------------
    def set_routines(self, routines: Iterable[Routine], problems: Iterable[object] = ()) -> None:
        """Show these routines; `problems` are the catalog's bad files (str() located)."""
        from timer_app.gui.pages.routine_text import routine_list_label

        current = self.selected_routine()
        self._routines = sorted(routines, key=lambda r: (r.title.lower(), r.id))
        self.list.clear()
        for routine in self._routines:
            item = QListWidgetItem(routine_list_label(routine))
            item.setToolTip(plain_tooltip(routine.description or routine.title))
            self.list.addItem(item)
        self._catalog_problems = [str(p) for p in problems]
        self._refresh_problems()
        self.start_button.setEnabled(bool(self._routines))
        if not self._routines:
            self.details.setHtml(
                "<p>"
                + html.escape(self.tr("No routines yet. Import the file your therapist gave you."))
                + "</p>"
            )
        keep = current.id if current else None
        self.select(keep or (self._routines[0].id if self._routines else None))

    def reload(self, *, background: bool = False) -> None:
        """Read the routine folders again (the catalog never lets a bad file hide good ones).

        `background`: on a worker thread (`routine_loading`), as at start-up, so a
        folder that never answers cannot freeze the window; the list fills when
        the catalog arrives, and "Loading routines…" shows meanwhile.
        """
        self.model.load_routines(background=background)

    def _show_loading(self) -> None:
        self.message.setText(self.tr("Loading routines…"))
        self.message.show()

    def _show_model(self) -> None:
        """The model's routines changed: list them, with the folders' problems."""
        from timer_app.core.validation.messages import escaped

        if self.message.text() == self.tr("Loading routines…") and not self.model.loading:
            self.message.hide()
        seconds = f"{self.model.time_limit():g}"
        unanswered = [
            self.tr(
                "{folder}: this routine folder did not answer within {seconds} s; "
                "its routines are not shown. Check the network drive or the folder, "
                "then start the app again."
            ).format(folder=escaped(str(folder)), seconds=seconds)
            for folder in self.model.silent_folders()
        ]
        self.set_routines(self.model.routines(), [*unanswered, *self.model.catalog_problems()])

    def routines(self) -> list[Routine]:
        return list(self._routines)

    def select(self, routine_id: str | None) -> bool:
        for row, routine in enumerate(self._routines):
            if routine.id == routine_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def selected_routine(self) -> Routine | None:
        row = self.list.currentRow()
        return self._routines[row] if 0 <= row < len(self._routines) else None

    def start_selected(self) -> None:
        routine = self.selected_routine()
        if routine is not None:
            self.sig_start.emit(routine)

    def open_handout(self) -> None:
        """Print or save the selected routine's handout (gui/paper, loaded only now)."""
        from timer_app.gui.paper.handout_dialog import HandoutDialog

        routine = self.selected_routine()
        if routine is None:
            return
        library = dict(self.catalog.library) if self.catalog is not None else {}
        dialog = HandoutDialog(routine, library, self)
        dialog.exec()
        if dialog.message:  # where it went: a person looks for the file next
            self.message.setText(dialog.message)
            self.message.show()

    def open_folders(self) -> None:
        """The folders searched, and the clinic folders to add or remove (a dialog)."""
        from timer_app.gui.pages.clinic_folders_dialog import ClinicFoldersDialog

        dialog = ClinicFoldersDialog(self.catalog, self.model, self)
        dialog.exec()
        if dialog.changed:
            from timer_app.gui.pages import safety_words

            # A clinic.yaml in the folder added (or removed) names the clinic and
            # its emergency number: the Safety page reads them afresh.
            safety_words.forget_clinic()
            self.reload(background=self.reads_in_background())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # here, not above: see "The first paint" in docs/design.md

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start_selected()
            return
        if event.key() == Qt.Key.Key_Delete and self.remover.remove_selected():
            return
        super().keyPressEvent(event)

    def _show_details(self, row: int) -> None:
        from timer_app.gui.pages.routine_text import routine_details_html

        if 0 <= row < len(self._routines):
            # A stage's routine shows the stage's doses, those Start plays.
            shown, stage_doses = self.model.programme.prescribed(self._routines[row])
            self.details.setHtml(routine_details_html(shown, stage_doses))
        selected = self._routines[row] if 0 <= row < len(self._routines) else None
        self.remover.show_for(selected)
        self.editing.show_for(selected)

    def _refresh_details(self) -> None:
        if self._routines:
            self._show_details(self.list.currentRow())

    def drop_routine(self, routine_id: str) -> None:
        """Take a removed routine off the list now; the folders are read again."""
        self.model.list_routines(r for r in self.model.routines() if r.id != routine_id)
        # Another routine with its id (the bundled one it overrode) may come back.
        self.reload(background=self.reads_in_background())

    def reads_in_background(self) -> bool:
        return self.model.reads_in_background()

    # -- problems --------------------------------------------------------------------
    def show_problems(self, title: str, lines: Iterable[str]) -> None:
        """Show located messages for a file that could not be used (e.g. a bad --start)."""
        self._import_problems = [title, *lines]
        self._refresh_problems()

    def clear_import_problems(self) -> None:
        self._import_problems = []

    def import_problems(self) -> list[str]:
        """The last import's problems as shown: its title line, then each problem."""
        return list(self._import_problems)

    def problems_shown(self) -> str:
        return self.problems_text.toPlainText() if self.problems_box.isVisible() else ""

    def _refresh_problems(self) -> None:
        sections: list[str] = []
        if self._import_problems:
            sections.append("\n".join(self._import_problems))
        if self._catalog_problems:
            sections.append(
                self.tr("These routine files in your folders could not be read:")
                + "\n"
                + "\n".join(self._catalog_problems)
            )
        if not sections:
            self.problems_box.hide()
            return
        self.problems_title.setText(
            self.tr("The file could not be used")
            if self._import_problems
            else self.tr("Some routine files could not be read")
        )
        text = "\n\n".join(sections)
        self.problems_text.setPlainText(text)
        # As tall as the messages (wrapped lines count twice), at most 8 lines:
        # the routines below stay in view; more scrolls.
        width = max(1, self.problems_text.viewport().width() or self.width())
        metrics = self.problems_text.fontMetrics()
        lines = sum(1 + metrics.horizontalAdvance(line) // width for line in text.splitlines())
        self.problems_text.setFixedHeight(
            metrics.lineSpacing() * (min(max(lines, 2), 8) + 1)
            + 2 * self.problems_text.frameWidth()
        )
        self.problems_box.show()

    # -- import ------------------------------------------------------------------------
    def choose_file_to_import(self) -> None:
        # Several files at once: a therapist's programme with the routines it names.
        chosen, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import routine or programme files"),
            str(Path.home()),
            self.tr("Routines, handouts and exports (*.yaml *.yml *.pdf *.zip);;All files (*)"),
        )
        if chosen:
            self.import_files([Path(path) for path in chosen])

    def import_file(self, path: Path) -> Routine | None:
        """Import one routine file; on failure show why, located, and return None.
        A programme file is imported as a programme (and None returned)."""
        from timer_app.gui.pages.routine_import_flow import import_into

        return import_into(self, path)

    def import_files(self, paths: list[Path]) -> None:
        """Import files and folders: routines first, then programmes (issue 16)."""
        from timer_app.gui.pages.routine_import_flow import import_all

        import_all(self, paths)

    def show_imported(
        self, routine: Routine | None, result: object, name: str, notes: list[str]
    ) -> Routine | None:
        """List what was just imported at once and say so (`routine_import_flow`)."""
        if self.reads_in_background() and routine is not None:
            # Shown at once; the folders are read again in the background, as at start.
            others = [r for r in self.model.routines() if r.id != routine.id]
            self.model.list_routines([*others, routine])
            self.reload(background=True)
        else:
            self.reload()
        if routine is None:  # the importer returned where it put the file
            routine = next((r for r in self._routines if r.source_path == str(result)), None)
        if routine is not None:
            self.select(routine.id)
            said = self.tr("Imported “{title}”. It is now in your list.").format(
                title=routine.title
            )
            self.message.setText("\n".join([said, *notes]))
        else:
            self.message.setText(self.tr("Imported {name}.").format(name=name))
        self.message.show()
        self.sig_imported.emit(routine)
        return routine
