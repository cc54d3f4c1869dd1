"""Routine folders… on the Routines page: where routines are read from, and clinic folders.

Nothing here touches the routine folders themselves: whether each is there comes
from the catalog, read on a worker thread (`routine_loading`).

A therapist preloading a laptop sees every folder searched (which are there,
and why each is searched), adds the clinic's folder with Add clinic folder…
(saved in the settings, as `timer-app clinic add` does: no environment variable)
and takes it off again with Remove. The routines a clinic.yaml hides and those
a revised routine replaces are said too: a routine that vanished has a reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timer_app.gui.page_style import BODY, HEADING, heading, paragraph, scaled_font

if TYPE_CHECKING:
    from timer_app.gui.app_model import AppModel
    from timer_app.storage.routines.catalog import Catalog
    from timer_app.storage.routines.clinic_folders import SearchedFolder


class ClinicFoldersDialog(QDialog):
    """Lists the folders searched; adds and removes the clinic folders of the settings."""

    def __init__(
        self, catalog: Catalog | None, model: AppModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model  # the folders are a setting: changed through the model
        self.setWindowTitle(self.tr("Routine folders"))
        self.changed = False  # the caller reads the routines again when True
        self._catalog = catalog
        # Whether each folder is there, as the catalog found off the UI thread: a network folder
        # that hangs is never touched here (“The first paint waits only for what it shows” in
        # docs/design.md).
        self._known = dict(catalog.present) if catalog is not None else {}
        col = QVBoxLayout(self)
        col.addWidget(heading(self.tr("Where routines are read from"), HEADING))
        col.addWidget(
            paragraph(
                self.tr(
                    "A later folder wins when two have a routine with the same id. "
                    "Add your clinic's folder here; it is read after the system-wide ones."
                )
            )
        )
        self.folders = QListWidget()
        self.folders.setFont(scaled_font(BODY))
        self.folders.setWordWrap(True)
        self.folders.setAccessibleName(self.tr("Routine folders searched"))
        self.folders.currentRowChanged.connect(self._chosen)
        col.addWidget(self.folders, 1)
        self.left_out = paragraph("")
        col.addWidget(self.left_out)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add clinic folder…"))
        self.add_button.clicked.connect(self.choose_folder)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleDescription(
            self.tr("Stop reading the chosen clinic folder (its files are kept)")
        )
        self.remove_button.clicked.connect(self.remove_chosen)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        col.addLayout(row)
        self.message = paragraph("")
        self.message.hide()
        col.addWidget(self.message)
        self.resize(760, 520)
        self.refresh()

    def refresh(self) -> None:
        from timer_app.storage.routines.clinic_folders import searched_folders

        self._searched = searched_folders(self._known)
        self.folders.clear()
        for folder in self._searched:
            item = QListWidgetItem(self._words(folder))
            self.folders.addItem(item)
        self._chosen(self.folders.currentRow())
        self.left_out.setText(self._left_out_words())
        self.left_out.setVisible(bool(self.left_out.text()))

    def _words(self, folder: SearchedFolder) -> str:
        why = {
            "bundled": self.tr("comes with the app"),
            "system": self.tr("system-wide clinic folder"),
            "settings": self.tr("clinic folder you added"),
            "yours": self.tr("your own routines (imported)"),
        }.get(folder.origin, self.tr("named in {variable}").format(variable=folder.origin))
        there = ""
        if folder.exists is None:
            there = " — " + self.tr("not read yet")
        elif not folder.exists:
            there = " — " + self.tr("not there")
        return f"{folder.folder}\n{why}{there}"

    def _left_out_words(self) -> str:
        if self._catalog is None:
            return ""
        lines = [
            self.tr("{title} is hidden by {file}").format(title=r.title, file=str(path))
            for r, path in self._catalog.hidden.values()
        ]
        lines += [
            self.tr("{title} is replaced by {new_id}").format(title=r.title, new_id=new_id)
            for r, new_id in self._catalog.replaced.values()
        ]
        return "\n".join(lines)

    def _chosen(self, row: int) -> None:
        chosen = self._searched[row] if 0 <= row < len(self._searched) else None
        self.remove_button.setEnabled(chosen is not None and chosen.origin == "settings")

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Choose the clinic's routine folder"))
        if path:
            self.add_folder(path)

    def add_folder(self, path: str) -> bool:
        from timer_app.storage.routines.clinic_folders import ClinicFolderError, folders_with

        try:
            folders, folder = folders_with(self.model.settings.clinic_folders, path)
        except ClinicFolderError as error:
            self._say(str(error))
            return False
        self.model.update_settings(clinic_folders=folders)
        self.changed = True
        self._known[folder] = True  # add_clinic_folder made sure
        self._say(self.tr("Added {folder}.").format(folder=str(folder)))
        self.refresh()
        return True

    def remove_chosen(self) -> bool:
        from timer_app.storage.routines.clinic_folders import ClinicFolderError, folders_without

        row = self.folders.currentRow()
        if not 0 <= row < len(self._searched) or self._searched[row].origin != "settings":
            return False
        try:
            folders, folder = folders_without(
                self.model.settings.clinic_folders, self._searched[row].folder
            )
        except ClinicFolderError as error:
            self._say(str(error))
            return False
        self.model.update_settings(clinic_folders=folders)
        self.changed = True
        self._say(self.tr("Removed {folder}; its files are kept.").format(folder=str(folder)))
        self.refresh()
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
