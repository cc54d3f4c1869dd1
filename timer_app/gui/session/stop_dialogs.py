""" "Stop – it hurts": what happened, then the advice and what to do next.

Two questions, each filling the session window in the session's large type (the
person may be on a mat 2 m away):

1. `StopItHurtsDialog`: what happened? Nothing is chosen for the person, and
   Record stays disabled until they choose (Enter, the done-rep key they were just
   pressing, must not record a reason they never gave). Keys 1–4 choose. Esc or
   "Don't say" still keeps the stop, with the reason not given.
2. `StopAdviceDialog`: the advice alone on the screen while the session waits
   (paused, no countdown behind it). After new or worse numbness, tingling,
   burning or weakness the only way on is to end the session, with the emergency
   signs shown first. After pain spreading down the leg, ending today's session
   is the default; going on gently is a deliberate second choice (its own button,
   or G). Otherwise Space goes on, Esc ends.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontInfo, QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.history import StopReason
from timer_app.gui.page_style import BODY, HEADING, plain_label, scaled_font
from timer_app.gui.pages import safety_words
from timer_app.gui.session.pain_dialogs import advice_for, reason_labels

# Font pixel size as a fraction of the session window's height, as on the
# running screen (running_panel.FLOOR_WORDS): never below the system-font size.
TITLE_FRACTION = 1 / 15
CHOICE_FRACTION = 1 / 19
SMALL_FRACTION = 1 / 30
# The emergency signs after numbness: bold and large, yet all of them and the
# advice fit a 1024x600 window without scrolling.
EMERGENCY_FRACTION = 1 / 24

# The reasons the person can choose, in the order of keys 1–4.
CHOICES = (
    StopReason.SHARP_PAIN,
    StopReason.PAIN_SPREAD,
    StopReason.NUMBNESS_OR_WEAKNESS,
    StopReason.OTHER,
)


class StopChoice(Enum):
    END = "end"  # end the session now
    GO_ON = "go_on"  # go on with the next exercise


def session_font(parent: QWidget | None, fraction: float, factor: float, bold: bool) -> QFont:
    """`factor` times the system font, or `fraction` of the window's height if larger."""
    font = scaled_font(factor, bold=bold)
    height = parent.window().height() if parent is not None else 0
    wanted = round(height * fraction)
    if wanted > QFontInfo(font).pixelSize():
        font.setPixelSize(wanted)
    return font


class _SessionDialog(QDialog):
    """A modal dialog covering the session window, in its large type."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._host = parent
        self.setModal(True)
        if parent is not None:
            self.resize(parent.window().size())

    def font_at(self, fraction: float, factor: float = BODY, *, bold: bool = False) -> QFont:
        return session_font(self._host, fraction, factor, bold)

    def label(self, text: str, fraction: float, *, bold: bool = False) -> QLabel:
        label = plain_label(text)  # exercise names come from a routine file
        label.setFont(self.font_at(fraction, HEADING if bold else BODY, bold=bold))
        label.setWordWrap(True)
        return label

    def button(self, text: str, description: str, fraction: float) -> QPushButton:
        button = QPushButton(text)
        button.setFont(self.font_at(fraction, BODY, bold=True))
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        button.setMinimumHeight(48)
        # Enter only ever presses the button we make the default, never whichever
        # button last had the focus.
        button.setAutoDefault(False)
        return button

    def showEvent(self, event: QShowEvent) -> None:
        if self._host is not None:  # on top of the session, not beside it
            self.move(self._host.window().pos())
        super().showEvent(event)


class StopItHurtsDialog(_SessionDialog):
    """Asks what happened. `answer()` after `exec()`: the reason and the note."""

    def __init__(self, exercise_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stop – it hurts"))
        self.setAccessibleName(self.tr("What happened?"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        self.title = self.label(
            self.tr("You stopped: %1. What happened?").replace("%1", exercise_name),
            TITLE_FRACTION,
            bold=True,
        )
        layout.addWidget(self.title)
        self._choices = QButtonGroup(self)
        self.radios: dict[StopReason, QRadioButton] = {}
        labels = reason_labels()
        for number, reason in enumerate(CHOICES, start=1):
            radio = QRadioButton(f"{number}   {labels[reason]}")
            radio.setFont(self.font_at(CHOICE_FRACTION))
            # The round mark grows with the words, so a choice is seen from the mat.
            mark = round(QFontInfo(radio.font()).pixelSize() * 0.8)
            radio.setStyleSheet(f"QRadioButton::indicator {{ width: {mark}px; height: {mark}px; }}")
            radio.setAccessibleName(labels[reason])
            # Space is the session's pause key: a radio must not take it by chance.
            radio.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self._choices.addButton(radio)
            self.radios[reason] = radio
            layout.addWidget(radio)
        self.note_edit = QLineEdit()
        self.note_edit.setFont(self.font_at(SMALL_FRACTION))
        self.note_edit.setPlaceholderText(self.tr("Anything to tell your therapist (optional)"))
        self.note_edit.setAccessibleName(self.tr("Note for your therapist"))
        self.note_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        layout.addWidget(self.note_edit)
        layout.addStretch(1)
        self.hint = self.label(self.tr("Choose with keys 1 to 4, then Enter."), SMALL_FRACTION)
        layout.addWidget(self.hint)
        row = QHBoxLayout()
        self.dont_say_button = self.button(
            self.tr("Don't say (Esc)"),
            self.tr("The stop is kept, with no reason"),
            CHOICE_FRACTION,
        )
        self.record_button = self.button(
            self.tr("Record (Enter)"),
            self.tr("Keep this report with today's session"),
            CHOICE_FRACTION,
        )
        self.record_button.setEnabled(False)  # until a reason is chosen
        self.record_button.setDefault(True)
        row.addWidget(self.dont_say_button)
        row.addStretch(1)
        row.addWidget(self.record_button, 2)
        layout.addLayout(row)
        self._choices.buttonToggled.connect(self._chosen)
        self.record_button.clicked.connect(self.accept)
        self.dont_say_button.clicked.connect(self.reject)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus()  # no radio, button or text field holds Space or Enter

    def keyPressEvent(self, event: QKeyEvent) -> None:
        number = event.key() - Qt.Key.Key_1.value + 1
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and 1 <= number <= len(CHOICES):
            self.radios[CHOICES[number - 1]].setChecked(True)
            return
        super().keyPressEvent(event)

    def _chosen(self) -> None:
        self.record_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> StopReason | None:
        for reason, radio in self.radios.items():
            if radio.isChecked():
                return reason
        return None

    def reason(self) -> StopReason:
        """The chosen reason; not given when the dialog was dismissed."""
        chosen = self.chosen()
        if self.result() != QDialog.DialogCode.Accepted or chosen is None:
            return StopReason.NOT_GIVEN
        return chosen

    def note(self) -> str:
        return self.note_edit.text().strip()

    def answer(self) -> tuple[StopReason, str]:
        return self.reason(), self.note()


def ask_what_happened(exercise_name: str, parent: QWidget | None) -> tuple[StopReason, str]:
    """Shows the question; a dismissed one is a stop with the reason not given."""
    dialog = StopItHurtsDialog(exercise_name, parent)
    dialog.exec()
    answer = dialog.answer()
    dialog.deleteLater()
    return answer


class StopAdviceDialog(_SessionDialog):
    """The advice after a stop, and the choices that reason allows."""

    def __init__(self, reason: StopReason, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason = reason
        self.choice = StopChoice.END  # Esc and closing the window end the session
        self.setWindowTitle(self.tr("What to do now"))
        self.setAccessibleName(self.tr("Advice"))
        outer = QVBoxLayout(self)
        # The words scroll when a large system font makes them taller than the
        # window; the buttons below always stay in sight.
        content = QWidget()
        layout = self.words = QVBoxLayout(content)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll, 1)
        numbness = reason is StopReason.NUMBNESS_OR_WEAKNESS
        self.emergency = self.label(safety_words.emergency_text(), SMALL_FRACTION, bold=numbness)
        self.emergency.setAccessibleName(self.tr("Emergency signs"))
        self.advice = self.label(advice_for(reason), CHOICE_FRACTION, bold=True)
        self.advice.setAccessibleName(self.tr("Advice"))
        if numbness:  # the emergency signs first, framed, in the larger type
            self.emergency.setFont(self.font_at(EMERGENCY_FRACTION, HEADING, bold=True))
            layout.addWidget(_framed(self.emergency))
            layout.addWidget(self.advice)
        else:
            layout.addWidget(self.advice)
            layout.addWidget(self.emergency)
        self.clinic = self.label(safety_words.clinic_contact(), SMALL_FRACTION)
        self.clinic.setVisible(bool(self.clinic.text()))
        layout.addWidget(self.clinic)
        layout.addStretch(1)
        self.end_button = self.button(
            self.tr("End today's session (Enter)")
            if reason in (StopReason.PAIN_SPREAD, StopReason.NUMBNESS_OR_WEAKNESS)
            else self.tr("End the session (Esc)"),
            self.tr("End the session now; what you did is kept"),
            CHOICE_FRACTION,
        )
        self.go_on_button: QPushButton | None = None
        row = QHBoxLayout()
        if reason is StopReason.PAIN_SPREAD:
            self.go_on_button = self.button(
                self.tr("Go on gently with the next exercise (G)"),
                self.tr("Only if the pain has settled"),
                SMALL_FRACTION,
            )
            self.end_button.setDefault(True)
            row.addWidget(self.go_on_button)
            row.addStretch(1)
            row.addWidget(self.end_button, 2)
        elif numbness:
            self.end_button.setDefault(True)
            row.addStretch(1)
            row.addWidget(self.end_button, 2)
        else:
            self.go_on_button = self.button(
                self.tr("Go on with the next exercise (Space)"),
                self.tr("The next exercise starts after its get-ready countdown"),
                CHOICE_FRACTION,
            )
            self.go_on_button.setDefault(True)
            row.addWidget(self.end_button)
            row.addStretch(1)
            row.addWidget(self.go_on_button, 2)
        outer.addLayout(row)
        self.end_button.clicked.connect(self.reject)
        if self.go_on_button is not None:
            self.go_on_button.clicked.connect(self._go_on)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.go_on_button is not None:
            if self.reason is StopReason.PAIN_SPREAD and key == Qt.Key.Key_G:
                self._go_on()
                return
            if self.reason is not StopReason.PAIN_SPREAD and key == Qt.Key.Key_Space:
                self._go_on()
                return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus()  # Space and G come to keyPressEvent, not to a focused button

    def _go_on(self) -> None:
        self.choice = StopChoice.GO_ON
        self.accept()


def _framed(label: QLabel) -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.Box)
    frame.setAutoFillBackground(True)
    palette = frame.palette()
    palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.AlternateBase))
    frame.setPalette(palette)
    box = QVBoxLayout(frame)
    box.addWidget(label)
    return frame


def advise_after_stop(reason: StopReason, parent: QWidget | None) -> StopChoice:
    """Shows the advice; the session waits until the person chooses."""
    dialog = StopAdviceDialog(reason, parent)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice
