"""How an exercise is dosed, as one choice: hold, paced reps, counted reps, timed activity.

One choice, not four fields: the format allows one of hold, tempo and duration,
so the form offers exactly one (`with_dosing` drops the fields the new choice
would conflict with). Two by two, so the form fits its column.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QRadioButton, QWidget

from timer_app.core.routine import Dosing
from timer_app.gui.page_style import BODY, scaled_font


class DosingChoice(QWidget):
    """Four radio buttons; `sig_chosen(dosing)` when the person picks another."""

    sig_chosen = Signal(object)  # the Dosing chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[Dosing, QRadioButton] = {}
        for place, (dosing, words) in enumerate(
            (
                (Dosing.HOLD, self.tr("&Hold each rep")),
                (Dosing.TEMPO, self.tr("P&aced reps")),
                (Dosing.COUNTED, self.tr("Counte&d reps")),
                (Dosing.DURATION, self.tr("Timed activit&y")),
            )
        ):
            button = QRadioButton(words)
            button.setFont(scaled_font(BODY))
            self.group.addButton(button)
            self.buttons[dosing] = button
            grid.addWidget(button, place // 2, place % 2)
            button.toggled.connect(lambda on, d=dosing: self._toggled(on, d))
        self.setFocusProxy(self.buttons[Dosing.HOLD])
        self._showing = False

    def show_dosing(self, dosing: Dosing) -> None:
        self._showing = True
        self.buttons[dosing].setChecked(True)
        self._showing = False

    def _toggled(self, on: bool, dosing: Dosing) -> None:
        # The button turned off says nothing: the one turned on does.
        if on and not self._showing:
            self.sig_chosen.emit(dosing)
