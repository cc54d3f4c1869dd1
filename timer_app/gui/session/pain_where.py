""" "Where do you feel it most?": the question, its keys, and the words for the answer.

Asked beside the 0–10 pain scale on the ready screen and the summary; optional,
never blocking Start. One tap or one key (B, U, H, K, F: none of them is a
session key; 0–9 and T rate pain, S and M are taken). What the move means is
decided in core (`core/pain_location.py`); this module only says it.
"""

from __future__ import annotations

import math
from typing import cast

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLayout,
    QPushButton,
    QWidget,
)

from timer_app.core.pain_location import PainLocation, PainShift, classify, place_in_words
from timer_app.core.safety_text import Tier
from timer_app.gui.page_style import BODY, scaled_font
from timer_app.gui.pages import safety_words
from timer_app.gui.session.words import fill
from timer_app.gui.translation import translate
from timer_app.gui.widgets.optional_choice import OptionalChoice
from timer_app.gui.widgets.pain_button import CHECK, FRAME, PainButton


def location_names() -> dict[PainLocation, str]:
    """How each place is said, in the order from the spine down the leg."""
    return {
        PainLocation.BACK: translate("PainWhere", "back only"),
        PainLocation.BUTTOCK: translate("PainWhere", "buttock"),
        PainLocation.THIGH: translate("PainWhere", "thigh"),
        PainLocation.BELOW_KNEE: translate("PainWhere", "below the knee"),
        PainLocation.FOOT: translate("PainWhere", "foot"),
    }


def location_name(location: PainLocation) -> str:
    """A place inside a sentence or an arrow ("thigh → back"): core's words, translated."""
    return place_in_words(location, translate)


def location_keys() -> dict[PainLocation, str]:
    """One letter per place. A translation may pick its own, but never a session key
    (0–9, S, M, or the key that rates 10)."""
    return {
        PainLocation.BACK: translate("PainWhere", "B", "key for 'back only'; not S, M or T"),
        PainLocation.BUTTOCK: translate("PainWhere", "U", "key for 'buttock'; not S, M or T"),
        PainLocation.THIGH: translate("PainWhere", "H", "key for 'thigh'; not S, M or T"),
        PainLocation.BELOW_KNEE: translate(
            "PainWhere", "K", "key for 'below the knee'; not S, M or T"
        ),
        PainLocation.FOOT: translate("PainWhere", "F", "key for 'foot'; not S, M or T"),
    }


def where_keys() -> list[tuple[QKeySequence, PainLocation]]:
    return [(QKeySequence(key), location) for location, key in location_keys().items()]


def shift_text(
    before: PainLocation | None, after: PainLocation | None, *, pain_worse: bool = False
) -> str:
    """One line on where the pain went, for the summary; empty when not known.

    `pain_worse`: rated higher than before, or severe (`core.pain_location.
    pain_concern`). Centralising is then still said, but not called "the
    direction you want": the advice says the rating plainly, and comes first."""
    shift = classify(before, after)
    if before is None or after is None:
        return ""
    moved = fill(translate("PainWhere", "%1 → %2"), location_name(before), location_name(after))
    if shift is PainShift.CENTRALISING and pain_worse:
        return fill(
            translate(
                "PainWhere",
                "Where you feel it most: %1. Centralising: your pain moved toward your spine.",
            ),
            moved,
        )
    if shift is PainShift.CENTRALISING:
        # The seeds' McKenzie note: "centralizing pain (moving pain toward spine)".
        return fill(
            translate(
                "PainWhere",
                "Where you feel it most: %1. Centralising: your pain moved toward "
                "your spine. That is the direction you want.",
            ),
            moved,
        )
    if shift is PainShift.PERIPHERALISING:
        return fill(
            translate("PainWhere", "Where you feel it most: %1. Your pain moved down your leg."),
            moved,
        )
    return fill(
        translate("PainWhere", "Where you feel it most: %1, as before."), location_name(after)
    )


def stop_and_talk_advice() -> str:
    """The advice when the pain moved down the leg: the shared safety text's third
    tier, "Stop the exercises and talk to your therapist", whose signs include pain
    spreading further down the leg (the seeds: stop when pain spreads down the leg)."""
    therapist = next(t for t in safety_words.tiers() if t.tier is Tier.THERAPIST)
    return therapist.text()


class PlaceButton(PainButton):
    """One place, chosen as unmistakably as a pain number (inverted, framed, a
    check mark, underlined) and as wide as its checked label from the start."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        self.label = label
        super().__init__(0, parent)
        self.setText(label)

    def _mark(self, checked: bool) -> None:
        self.setText(f"{CHECK} {self.label}" if checked else self.label)
        font = self.font()
        font.setUnderline(checked)
        self.setFont(font)

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        widest = metrics.horizontalAdvance(f"{CHECK} {self.label}") + 2 * FRAME + 12
        return QSize(widest, QPushButton.sizeHint(self).height())


class PlaceRow(QWidget):
    """The five places in one row when they fit, else in two (three, then two): in
    one fixed row they need about 990 px at a 14 pt font and 1270 px at 18 pt,
    which would push a 1024 px window past the edge of the screen."""

    SPACING = 4

    def __init__(self, buttons: list[PlaceButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons = buttons
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(self.SPACING)
        # The layout must not make this widget's minimum the one-row width.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.rows = 0
        self._arrange(1)

    def _width(self, buttons: list[PlaceButton]) -> int:
        return sum(b.sizeHint().width() for b in buttons) + self.SPACING * (len(buttons) - 1)

    def _arrange(self, rows: int) -> None:
        if rows == self.rows:
            return
        for button in self._buttons:
            self._grid.removeWidget(button)
        per_row = math.ceil(len(self._buttons) / rows)
        for index, button in enumerate(self._buttons):
            self._grid.addWidget(button, index // per_row, index % per_row)
        self.rows = rows
        self.updateGeometry()  # the height changed: the panel gives it room

    def minimumSizeHint(self) -> QSize:
        per_row = math.ceil(len(self._buttons) / 2)
        return QSize(self._width(self._buttons[:per_row]), self._grid.minimumSize().height())

    def sizeHint(self) -> QSize:
        return QSize(self._width(self._buttons), self._grid.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(1 if event.size().width() >= self._width(self._buttons) else 2)
        super().resizeEvent(event)


class PainWhere(OptionalChoice):
    """Five buttons from the back down to the foot. Optional: None until chosen.

    Like the pain scale, clicking the chosen place again clears it, and a key
    always chooses its place (never clears it).
    """

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.buttons: dict[PainLocation, PlaceButton] = {}
        keys = location_keys()
        for location, name in location_names().items():
            button = PlaceButton(fill(self.tr("%1 (%2)"), name, keys[location]))
            button.setFont(scaled_font(BODY, bold=True))
            button.setMinimumHeight(36)
            button.setAccessibleName(name)
            button.setAccessibleDescription(question)
            self.add_answer(location, button)
            self.buttons[location] = button
        self.row = PlaceRow(list(self.buttons.values()))
        self.layout_.addWidget(self.row)

    def value(self) -> PainLocation | None:
        return cast("PainLocation | None", super().value())
