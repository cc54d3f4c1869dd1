"""Saving from the editor: to my routines, to a clinic folder, or exported for a patient.

Writing goes through the storage layer (`storage/routines/saving.py`, the only
writer of routine files): a file the therapist opened is written back in place,
keeping its comments and layout; a bundled routine is saved as a copy in the
person's own routines. Pictures chosen from files are copied beside the routine
first, so the routine and its pictures travel together. Any failure is said in
plain words, and nothing typed is lost: the editor stays open with the draft.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from timer_app.gui.page_style import plain_message
from timer_app.gui.translation import translate

if TYPE_CHECKING:
    from timer_app.gui.editor.editor_window import EditorWindow

log = logging.getLogger(__name__)


class SaveActions:
    """The File menu's saving actions of one editor window."""

    def __init__(self, window: EditorWindow) -> None:
        self._window = window
        self.save_action = QAction(translate("SaveActions", "&Save"), window)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.triggered.connect(self.save)
        self.save_mine_action = QAction(translate("SaveActions", "Save to &my routines"), window)
        self.save_mine_action.triggered.connect(self.save_to_mine)
        self.save_clinic_action = QAction(
            translate("SaveActions", "Save to a &clinic folder…"), window
        )
        self.save_clinic_action.triggered.connect(self.save_to_clinic)
        self.export_action = QAction(translate("SaveActions", "&Export for a patient…"), window)
        self.export_action.triggered.connect(self.export_for_patient)
        # Where a save to a clinic folder or an export goes (tests answer; the app asks).
        self.choose_clinic_folder = self._ask_clinic_folder
        self.choose_export_target = self._ask_export_target
        self.tell = self._tell_box  # says why nothing was saved

    def actions(self) -> list[QAction]:
        return [
            self.save_action,
            self.save_mine_action,
            self.save_clinic_action,
            self.export_action,
        ]

    def set_valid(self, valid: bool) -> None:
        for act in self.actions():
            act.setEnabled(valid)

    # -- saving ------------------------------------------------------------------------
    def save(self) -> bool:
        """Save where the routine came from (or to my routines); True when written."""
        window = self._window
        if window.file_path is not None and not window.read_only:
            return self.save_to(window.file_path.parent, original=window.file_path)
        return self.save_to_mine()

    def save_to_mine(self) -> bool:
        from timer_app.storage.paths import user_routines_dir

        folder = user_routines_dir()
        window = self._window
        same = window.file_path is not None and window.file_path.parent == folder
        return self.save_to(folder, original=window.file_path if same else None)

    def save_to_clinic(self) -> bool:
        from timer_app.storage.paths import user_routines_dir
        from timer_app.storage.routines.saving import writable_folders

        mine = user_routines_dir()
        folders = [(label, path) for label, path in writable_folders() if path != mine]
        if not folders:
            self.tell(
                translate(
                    "SaveActions",
                    "The app knows no clinic folder it can write to. Add one with Routine "
                    "folders… on the Routines page (or timer-app clinic add), then try again.",
                )
            )
            return False
        folder = self.choose_clinic_folder(folders)
        if folder is None:
            return False
        return self.save_to(folder, original=None)

    def save_to(self, folder: Path, *, original: Path | None) -> bool:
        """Save in `folder`: over `original` when it is there, else as a new file that
        keeps the comments and layout of the file the routine came from."""
        window = self._window
        if not window.check.ok:
            return False
        copied_from = None if original is not None else (window.file_path or window.copied_from)
        from timer_app.storage.routines.saving import copy_picture, save_draft

        draft = window.current_draft()
        try:
            for exercise in draft.exercises:
                image = exercise.get("image")
                if isinstance(image, str) and Path(image).is_absolute():
                    exercise["image"] = copy_picture(Path(image), folder)
            path = save_draft(
                draft.to_mapping(), folder=folder, original=original, copied_from=copied_from
            )
        except (OSError, ValueError) as error:
            log.warning("routine not saved to %s: %s", folder, error)
            self.tell(
                translate("SaveActions", "The routine could not be saved in %1: %2")
                .replace("%1", str(folder))
                .replace("%2", _reason(error))
            )
            return False
        window.document.replace_quietly(draft)
        window.file_path = path
        window.read_only = False
        window.set_saved_id(draft.to_mapping().get("id") or path.stem)
        window.banner.hide()
        window.document.undo_stack.setClean()
        window.show_saved(path)
        window.saved.emit(path)
        window._model.load_routines()  # every page lists it (the app model owns routines)
        return True

    def export_for_patient(self) -> bool:
        window = self._window
        if (window.file_path is None or not window.document.undo_stack.isClean()) and not (
            self.save()
        ):
            return False
        assert window.file_path is not None
        target = self.choose_export_target(window.file_path)
        if target is None:
            return False
        destination, as_zip = target
        from timer_app.storage.routines.catalog import RoutineLoadError
        from timer_app.storage.routines.handover import export_for_patient

        try:
            written = export_for_patient(window.file_path, destination, as_zip=as_zip)
        except (OSError, ValueError, RoutineLoadError) as error:
            log.warning("export to %s failed: %s", destination, error)
            self.tell(
                translate("SaveActions", "The routine could not be exported to %1: %2")
                .replace("%1", str(destination))
                .replace("%2", _reason(error))
            )
            return False
        window.status.setText(
            translate("SaveActions", "Exported for your patient: %1").replace("%1", str(written))
        )
        return True

    # -- questions ---------------------------------------------------------------------
    def _ask_clinic_folder(self, folders: list[tuple[str, Path]]) -> Path | None:
        window = self._window
        names = [f"{label} — {path}" for label, path in folders]
        chosen, ok = QInputDialog.getItem(
            window,
            translate("SaveActions", "Save to a clinic folder"),
            translate("SaveActions", "Save the routine in:"),
            names,
            0,
            False,
        )
        return folders[names.index(chosen)][1] if ok and chosen in names else None

    def _ask_export_target(self, routine: Path) -> tuple[Path, bool] | None:
        window = self._window
        zip_filter = translate("SaveActions", "A single .zip file (*.zip)")
        folder_filter = translate("SaveActions", "A folder (*)")
        path, chosen_filter = QFileDialog.getSaveFileName(
            window,
            translate("SaveActions", "Export for a patient"),
            str(Path.home() / f"{routine.stem}.zip"),
            f"{zip_filter};;{folder_filter}",
        )
        if not path:
            return None
        as_zip = chosen_filter == zip_filter or path.lower().endswith(".zip")
        return Path(path), as_zip

    def _tell_box(self, text: str) -> None:
        QMessageBox.warning(
            self._window, translate("SaveActions", "Routine editor"), plain_message(text)
        )


def _reason(error: BaseException) -> str:
    return str(getattr(error, "strerror", None) or error)
