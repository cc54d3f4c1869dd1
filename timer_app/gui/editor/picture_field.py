"""An exercise's picture: one of the app's own, or a file of the therapist's.

The app's pictures are offered by name (`image: knee-to-chest.svg`, found in any
copy of the app). A file is kept by its full path until the routine is saved;
saving copies it beside the routine (`save_actions.py`), so the two travel
together. A small thumbnail shows what the patient will see.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from timer_app.gui.page_style import BODY, scaled_font
from timer_app.storage.resources import asset_path

# The one list of what a routine may bring as a picture (what saving copies and an
# import accepts): a second list here had no .webp, so the picker hid those files.
from timer_app.storage.routines.pictures import PICTURE_SUFFIXES


def picture_filter(label: str) -> str:
    """The file dialog's filter: "Pictures (*.png *.jpg … *.webp)"."""
    return f"{label} ({' '.join('*' + suffix for suffix in PICTURE_SUFFIXES)})"


def bundled_pictures() -> list[str]:
    """The app's own exercise pictures, by the name an `image:` gives them."""
    folder = asset_path("images")
    try:
        return sorted(p.name for p in folder.iterdir() if p.suffix.lower() in PICTURE_SUFFIXES)
    except OSError:
        return []


class PictureField(QWidget):
    """A choice of the app's pictures, "Pick a file…", and the picture chosen."""

    sig_chosen = Signal(object)  # the `image:` value: a name, a full path, or None

    def __init__(
        self, routine_folder: Callable[[], Path | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._routine_folder = routine_folder
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.setFont(scaled_font(BODY))
        self.combo.addItem(self.tr("No picture"), None)
        for name in bundled_pictures():
            self.combo.addItem(name.rsplit(".", 1)[0].replace("-", " ").capitalize(), name)
        self._fixed_items = self.combo.count()
        self.file_button = QPushButton(self.tr("Pic&k a file…"))
        self.thumbnail = QLabel()
        self.thumbnail.setAccessibleName(self.tr("The picture chosen"))
        for widget in (self.combo, self.file_button, self.thumbnail):
            row.addWidget(widget)
        row.addStretch(1)
        self.setFocusProxy(self.combo)
        self._shown: tuple[object, Path | None] | None = None
        self.combo.activated.connect(lambda at: self.sig_chosen.emit(self.combo.itemData(at)))
        self.file_button.clicked.connect(self._choose_file)

    @property
    def input(self) -> QWidget:
        """The widget that takes the focus (and is named for a screen reader)."""
        return self.combo

    def show_image(self, image: object) -> None:
        folder = self._routine_folder()
        if self._shown == (image, folder):
            return  # shown on every keystroke: no folder read or picture decoded again
        self._shown = (image, folder)
        while self.combo.count() > self._fixed_items:
            self.combo.removeItem(self.combo.count() - 1)
        if isinstance(image, str) and image and self.combo.findData(image) < 0:
            self.combo.addItem(Path(image).name, image)
        self.combo.setCurrentIndex(max(0, self.combo.findData(image)))
        path = self.picture_path(image)
        pixmap = QPixmap(str(path)) if path is not None else QPixmap()
        size = self.fontMetrics().height() * 4
        if pixmap.isNull():
            self.thumbnail.clear()
        else:
            self.thumbnail.setPixmap(pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))

    def picture_path(self, image: object) -> Path | None:
        """Where the picture is: a full path, beside the routine, or one of the app's."""
        if not isinstance(image, str) or not image:
            return None
        folder = self._routine_folder()
        for candidate in (
            Path(image),
            *([folder / image] if folder is not None else []),
            asset_path("images", image),
        ):
            if candidate.is_absolute() and candidate.is_file():
                return candidate
        return None

    def _choose_file(self) -> None:
        start = self._routine_folder() or Path.home()
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a picture"),
            str(start),
            picture_filter(self.tr("Pictures")),
        )
        if path:  # copied beside the routine when it is saved
            self.sig_chosen.emit(str(Path(path).resolve()))
