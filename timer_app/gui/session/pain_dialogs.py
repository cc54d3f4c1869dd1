"""Pain: the 0–10 rating, and the advice that goes with a rating or a stop.

The advice follows the clinical notes the app is based on (the seeds) and the
shared three-tier safety text (`core.safety_text`): stop if pain spreads down the
leg; sharp nerve pain means you went too far, so dial it back; pain that keeps
getting worse despite rest means contacting your doctor today; new or worse
numbness, tingling, burning or weakness means stopping and talking to your
therapist; the emergency signs mean calling the emergency number now. Which
advice a session's ratings get is decided in core (`core/pain_location.py`). The
"Stop – it hurts" questions themselves are in `stop_dialogs`.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from timer_app.core.history import PAIN_MAX, PAIN_MIN, StopReason
from timer_app.core.history_words import reason_choices
from timer_app.gui.page_style import BODY, plain_label, scaled_font
from timer_app.gui.pages import safety_words
from timer_app.gui.translation import translate
from timer_app.gui.widgets.optional_choice import OptionalChoice
from timer_app.gui.widgets.pain_button import PainButton


def reason_labels() -> dict[StopReason, str]:
    """Each reason in words: the dialog's choices, and the history's tooltips."""
    return reason_choices(translate)


def advice_for(reason: StopReason | None) -> str:
    """What to do after stopping, in plain words."""
    if reason is StopReason.SHARP_PAIN:
        return translate(
            "PainAdvice",
            "Sharp or shooting nerve pain means you went too far. Dial it back: "
            "next time move more gently and less far, with gentle tension only.",
        )
    if reason is StopReason.PAIN_SPREAD:
        return translate(
            "PainAdvice",
            "Stop when pain spreads down your leg. Best end today's session here, and "
            "talk to your therapist before you do this exercise again.",
        )
    if reason is StopReason.NUMBNESS_OR_WEAKNESS:
        return translate(
            "PainAdvice",
            "New or worse numbness, tingling, burning or weakness: end today's session "
            "and talk to your therapist today.",
        )
    if reason is StopReason.NOT_GIVEN:
        return translate(
            "PainAdvice",
            "Your stop is kept in your history. Rest a moment. If it keeps hurting, "
            "stop for today and tell your therapist.",
        )
    return translate(
        "PainAdvice", "Rest a moment. If it keeps hurting, stop for today and tell your therapist."
    )


def red_flags_text() -> str:
    """When to call the emergency number now (the safety text's first tier)."""
    return safety_words.emergency_text()


def session_advice() -> str:
    return translate(
        "PainAdvice",
        "Ease off: next time do less (fewer reps, a gentler stretch) and contact "
        "your therapist before your next session.",
    )


def pain_note_advice() -> str:
    """After pain higher than before but no call to ease off. The seeds: "Mild
    muscle soreness happens. But sharp nerve pain means you've gone too far. Dial
    it back." """
    return translate(
        "PainAdvice",
        "Mild soreness can happen, but sharp or shooting nerve pain means you went "
        "too far: dial it back next time.",
    )


def worse_despite_rest_advice() -> str:
    """Under any rating higher than before or severe: the shared safety text's
    urgent sign "Pain getting worse despite rest" (the seeds: "Pain that keeps
    worsening despite rest", get to a doctor)."""
    return translate(
        "PainAdvice", "If your pain keeps getting worse despite rest, contact your doctor today."
    )


def ten_key() -> str:
    """The key that rates 10: one key per rating, so no waiting to see whether a
    "1" is followed by a "0". T for Ten; a translation may pick its own letter."""
    return translate("PainScale", "T", "the key that rates pain 10 (T for Ten); not S or M")


def pain_keys() -> list[tuple[QKeySequence, int]]:
    """Each rating's key: the digits 0–9 and `ten_key()` for 10."""
    keys = [(QKeySequence(str(n)), n) for n in range(PAIN_MIN, 10)]
    return [*keys, (QKeySequence(ten_key()), PAIN_MAX)]


class PainScale(OptionalChoice):
    """Eleven buttons, 0 (no pain) to 10 (worst pain). Optional: None until chosen.

    Clicking the chosen number again clears it. The session screen's keys rate
    too (`pain_keys`, wired in session_controls): a key always chooses its number,
    never clears it, so pressing it twice by accident changes nothing.
    """

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.buttons: list[QPushButton] = []
        for n in range(PAIN_MIN, PAIN_MAX + 1):
            button = PainButton(n)  # the chosen one is unmistakable, not a shade
            button.setFont(scaled_font(BODY, bold=True))
            button.setMinimumSize(36, 36)
            button.setAccessibleName(self.tr("Pain %1 of 10").replace("%1", str(n)))
            button.setAccessibleDescription(question)
            self.add_answer(n, button)
            self.buttons.append(button)
            row.addWidget(button)
        self.layout_.addLayout(row)
        ends = QHBoxLayout()
        ends.addWidget(QLabel(self.tr("0 = no pain")))
        ends.addStretch(1)
        self.keys_hint = QLabel(self.tr("Keys 0–9; %1 for 10").replace("%1", ten_key()))
        ends.addWidget(self.keys_hint)
        ends.addStretch(1)
        ends.addWidget(QLabel(self.tr("10 = worst pain")))
        self.layout_.addLayout(ends)

    def value(self) -> int | None:
        return cast("int | None", super().value())


class AdviceBox(QWidget):
    """A calm, framed box of advice with the emergency signs under it; hidden when
    empty. `urgent` (after new numbness or weakness) puts the emergency signs
    first, in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.AlternateBase))
        self.setPalette(palette)
        layout = QGridLayout(self)
        self.advice = plain_label()  # may name exercises from the routine file
        self.advice.setFont(scaled_font(BODY, bold=True))
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.flags = plain_label(red_flags_text())
        self.flags.setFont(scaled_font(BODY))
        self.flags.setWordWrap(True)
        self._layout = layout
        layout.addWidget(self.advice, 0, 0)
        layout.addWidget(self.flags, 1, 0)
        self.setAccessibleName(self.tr("Advice"))
        self.hide()

    def show_advice(self, text: str, *, urgent: bool = False) -> None:
        for widget in (self.advice, self.flags):
            self._layout.removeWidget(widget)
        self._layout.addWidget(self.flags, 0 if urgent else 1, 0)
        self._layout.addWidget(self.advice, 1 if urgent else 0, 0)
        self.flags.setFont(scaled_font(BODY, bold=urgent))
        self.advice.setText(text)
        self.setAccessibleDescription(text)
        self.show()

    def text(self) -> str:
        return "" if self.isHidden() else self.advice.text()

    def clear(self) -> None:
        self.advice.clear()
        self.hide()
