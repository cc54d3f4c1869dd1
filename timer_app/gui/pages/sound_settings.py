"""The person's choices about cues: mute, beeps only, the pain question, a test.

Shown on the Safety & help page, next to whether sound and speech work here. A
change goes through the app model, which saves it straight away (so it survives a
crash; if the file cannot be written the choice still holds until the app quits)
and announces it: the session screen's cues follow at once. The boxes follow the
model too, so M pressed during a session shows here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QPushButton, QVBoxLayout, QWidget

from timer_app.gui.page_style import BODY, scaled_font

if TYPE_CHECKING:
    from timer_app.gui.app_model import AppModel


class SoundSettings(QWidget):
    """Emits `sig_changed` after a choice is changed and saved."""

    sig_changed = Signal()

    def __init__(
        self,
        model: AppModel,
        play_test: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._play_test = play_test
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)

        self.mute_box = self._check_box(
            self.tr("Mute sounds and spoken prompts"),
            self.tr("Silence every cue; M does the same during a session"),
        )
        self.beeps_only_box = self._check_box(
            self.tr("Beeps only: do not speak the prompts"),
            self.tr("Keep the ticks and chimes, without the voice"),
        )
        self.ask_pain_box = self._check_box(
            self.tr("Ask how much pain I have before each session"),
            self.tr("The question is optional and never stops you starting"),
        )
        for box in (self.mute_box, self.beeps_only_box, self.ask_pain_box):
            box.toggled.connect(self._changed)
            col.addWidget(box)

        self.test_button = QPushButton(self.tr("Play a test cue"))
        self.test_button.setFont(scaled_font(BODY))
        self.test_button.setAccessibleDescription(
            self.tr("Plays a chime and speaks a prompt, to check the volume")
        )
        self.test_button.clicked.connect(self._test)
        self.test_button.setVisible(play_test is not None)
        col.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.show_settings()
        model.settings_changed.connect(lambda _names: self.show_settings())

    def _check_box(self, text: str, description: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setFont(scaled_font(BODY))
        box.setAccessibleName(text)
        box.setAccessibleDescription(description)
        return box

    def show_settings(self) -> None:
        """Show the choices as the model has them (M during a session may change one)."""
        settings = self.model.settings
        boxes = (self.mute_box, self.beeps_only_box, self.ask_pain_box)
        for box in boxes:
            box.blockSignals(True)
        self.mute_box.setChecked(settings.muted)
        self.beeps_only_box.setChecked(settings.beeps_only)
        self.ask_pain_box.setChecked(settings.ask_pain_before)
        for box in boxes:
            box.blockSignals(False)
        # Beeps only and the test mean nothing while everything is muted.
        self.beeps_only_box.setEnabled(not settings.muted)
        self.test_button.setEnabled(not settings.muted)

    def _changed(self) -> None:
        # Saved at once by the model (kept in memory if the disk refuses).
        self.model.update_settings(
            muted=self.mute_box.isChecked(),
            beeps_only=self.beeps_only_box.isChecked(),
            ask_pain_before=self.ask_pain_box.isChecked(),
        )
        self.sig_changed.emit()

    def _test(self) -> None:
        if self._play_test is not None and not self.model.settings.muted:
            self._play_test()
