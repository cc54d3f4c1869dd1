"""The session screen while it runs: ring, phase, exercise, what comes next, controls.

Layout for a laptop 1–2 m away: the ring on the left takes most of the height
(its digits are at least a third of the window's height); the words on the right
go from biggest (the phase) to smallest (the instructions, which scroll rather
than clip at 1024×600); progress and the controls run along the bottom.

The words read from the floor grow with the panel's height (`FLOOR_WORDS`), and
never shrink below their size from the system font, so a larger system font
still makes them larger. They keep their places for the whole session: each line
is as tall as the tallest text the plan can put there (`SteadyLabel`), and
"Paused" is said by the ring itself, so nothing moves when a phase changes or
the session pauses, and the picture is never pushed out of sight.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QPalette, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.plan import Plan, Step, StepKind
from timer_app.gui.page_style import BODY, HEADING, TITLE, plain_label, scaled_font
from timer_app.gui.picture_reader import read_picture
from timer_app.gui.session.pain_dialogs import AdviceBox
from timer_app.gui.session.words import (
    breathing_hint,
    image_path,
    next_words,
    phase_words,
    rep_line_now,
    ring_caption,
)
from timer_app.gui.widgets.control_row import ControlRow
from timer_app.gui.widgets.countdown_ring import CountdownRing
from timer_app.gui.widgets.session_progress import SessionProgress
from timer_app.gui.widgets.steady_label import SteadyLabel

IMAGE_MAX_HEIGHT = 160

# Font pixel size as a fraction of the panel's height (the window less its menu
# bar), so the words stay readable from a mat 2 m away on any screen. The rule:
# what is read mid-exercise (rep and side, "Keep breathing", the paused line) is at
# least 1/20 of the window's height (1/19 of the panel leaves room for a menu bar);
# the phase and the exercise's name bigger, "Next: …" a little smaller. At 1024x600
# that is a 31 px rep line (about 6 mm on a 10" laptop, twice the 9 pt default's).
# Instructions and cautions are read before, up close: 1/36, and they scroll.
REP_LINE_FRACTION = 1 / 19
FLOOR_WORDS = {
    "phase": 1 / 11,
    "exercise": 1 / 15,
    "reps": REP_LINE_FRACTION,
    "breathing": REP_LINE_FRACTION,
    "next": 1 / 22,
    "instructions": 1 / 36,
    "cautions": 1 / 36,
}


def _label(factor: float, *, bold: bool = False) -> QLabel:
    label = plain_label()  # exercise names, instructions, cautions: never markup
    label.setFont(scaled_font(factor, bold=bold))
    label.setWordWrap(True)
    # What `fit_to_height` needs to redo the system-font size.
    label.setProperty("font_factor", factor)
    return label


def _steady(factor: float, *, bold: bool = False) -> SteadyLabel:
    """A floor line whose height does not follow its text (see `show_plan`)."""
    label = SteadyLabel()
    label.setFont(scaled_font(factor, bold=bold))
    label.setProperty("font_factor", factor)
    return label


def fit_to_height(label: QLabel, height: int, fraction: float) -> None:
    """The label's font at `fraction` of `height` pixels, or its system-font size
    if that is larger."""
    font = scaled_font(float(label.property("font_factor")), bold=label.font().bold())
    wanted = round(height * fraction)
    if wanted > QFontInfo(font).pixelSize():
        font.setPixelSize(wanted)
    if font != label.font():
        label.setFont(font)


def widest(button: QPushButton, texts: tuple[str, ...]) -> None:
    """The button's minimum width fits the widest of the texts it takes turns with."""
    shown = button.text()
    width = 0
    for text in texts:
        button.setText(text)
        width = max(width, button.sizeHint().width())
    button.setText(shown)
    button.setMinimumWidth(width)


class RunningPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image_source: Path | None = None
        self._picture = QPixmap()  # the picture at its own size; shown scaled
        # What the label shows now: the picture's file and the height it was scaled
        # to. All bundled pictures have the same size, so a size alone is no key.
        self._shown_picture: tuple[Path, int] | None = None
        # Each exercise's picture file, looked for once a session: every step of
        # it asks, and the looking is a few file-system calls (issue 18).
        self._picture_files: dict[int, Path | None] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        main = QHBoxLayout()
        self.ring = CountdownRing()
        main.addWidget(self.ring, 5)
        main.addLayout(self._build_words(), 6)
        outer.addLayout(main, 1)
        # Calm, not alarming: the results are safe in memory and retried.
        self.saving = _label(BODY)
        self.saving.setAccessibleName(self.tr("Saving"))
        self.saving.hide()
        outer.addWidget(self.saving)
        # Why the session paused when the person did not pause it: the ring says
        # "Paused", and this says the computer slept and what Space does now.
        self.pause_note = _label(BODY, bold=True)
        self.pause_note.setAccessibleName(self.tr("Why it paused"))
        self.pause_note.hide()
        outer.addWidget(self.pause_note)
        self.progress = SessionProgress()
        outer.addWidget(self.progress)
        self.controls = self._build_controls()
        outer.addWidget(self.controls)

    def _build_words(self) -> QVBoxLayout:
        col = QVBoxLayout()
        # The lines keep room for their longest text (SteadyLabel): tight spacing
        # gives that room back, so the picture still shows whole at 1024x600.
        col.setSpacing(2)
        self.phase = _steady(TITLE * 1.3, bold=True)
        self.phase.setAccessibleName(self.tr("Phase"))
        self.exercise = _steady(TITLE, bold=True)
        self.exercise.setAccessibleName(self.tr("Exercise"))
        self.reps = _steady(HEADING)
        self.reps.setAccessibleName(self.tr("Rep, side and set"))
        self.breathing = _steady(HEADING)
        highlight = self.breathing.palette()
        highlight.setColor(
            QPalette.ColorRole.WindowText, highlight.color(QPalette.ColorRole.Highlight)
        )
        self.breathing.setPalette(highlight)
        self.next = _steady(BODY, bold=True)
        self.next.setAccessibleName(self.tr("What comes next"))
        for widget in (self.phase, self.exercise, self.reps, self.breathing):
            col.addWidget(widget)
        details = QWidget()
        details_col = QVBoxLayout(details)
        details_col.setContentsMargins(0, 0, 0, 0)
        self.advice = AdviceBox()
        self.instructions = _label(BODY)
        self.instructions.setAccessibleName(self.tr("Instructions"))
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.image.setAccessibleName(self.tr("Picture of the exercise"))
        self.cautions = _label(BODY, bold=True)
        self.cautions.setAccessibleName(self.tr("Cautions"))
        # Cautions before the picture: at 1024x600 the picture is what scrolls away.
        for detail in (self.advice, self.instructions, self.cautions, self.image):
            details_col.addWidget(detail)
        details_col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(details)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        col.addWidget(scroll, 1)
        col.addWidget(self.next)
        return col

    def _button(self, text: str, name: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setFont(scaled_font(BODY, bold=True))
        button.setMinimumHeight(44)
        button.setAccessibleName(name)
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        # Keys work from anywhere on the screen; clicking must not steal Space/Enter.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _build_controls(self) -> ControlRow:
        self.pause_button = self._button(
            self.tr("Pause (Space)"), self.tr("Pause"), self.tr("Pause or resume (Space)")
        )
        self.back_button = self._button(
            self.tr("◀ Back"),
            self.tr("Back"),
            self.tr("Restart this step; again for the one before (Left arrow)"),
        )
        self.skip_button = self._button(
            self.tr("Skip ▶"), self.tr("Skip"), self.tr("Skip to the next step (Right arrow)")
        )
        self.done_button = self._button(
            self.tr("Done rep (Enter)"),
            self.tr("Done rep"),
            self.tr("Count this rep as done (Enter or Page Down)"),
        )
        self.hurts_button = self._button(
            self.tr("Stop – it hurts (S)"),
            self.tr("Stop – it hurts"),
            self.tr("Stop this exercise, say what happened and get advice (S)"),
        )
        self.mute_button = self._button(
            self.tr("Mute (M)"), self.tr("Mute"), self.tr("Turn sounds and voice off or on (M)")
        )
        self.mute_button.setCheckable(True)
        self.end_button = self._button(
            self.tr("End (Esc)"), self.tr("End session"), self.tr("End the session early (Esc)")
        )
        self.help_button = self._button(
            self.tr("Keys (F1)"), self.tr("Keys"), self.tr("Show the keyboard shortcuts (F1)")
        )
        buttons = (
            self.pause_button,
            self.back_button,
            self.skip_button,
            self.done_button,
            self.hurts_button,
            self.mute_button,
            self.end_button,
            self.help_button,
        )
        # "Stop – it hurts" (index 4) is the widest and matters most.
        return ControlRow(buttons, wide=4)

    # -- sizes from the window's height ---------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_words()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_words()  # the system font may have changed while hidden
        super().showEvent(event)

    def _fit_words(self) -> None:
        for name, fraction in FLOOR_WORDS.items():
            fit_to_height(getattr(self, name), self.height(), fraction)
        self._fit_image()
        # Wide enough for either word, so pausing or muting moves no other button.
        widest(self.pause_button, (self.tr("Pause (Space)"), self.tr("Resume (Space)")))
        widest(self.mute_button, (self.tr("Mute (M)"), self.tr("Unmute (M)")))

    # -- showing a step --------------------------------------------------------------
    def show_plan(self, plan: Plan) -> None:
        """Room for every text this session can show, before its first step."""
        steps = plan.steps
        self.phase.set_possible(phase_words(step) for step in steps)
        self.exercise.set_possible(exercise.name for exercise in plan.routine.exercises)
        self.reps.set_possible(rep_line_now(step) for step in steps)
        self.breathing.set_possible(breathing_hint(step) for step in steps)
        self.next.set_possible(next_words(plan, step) for step in steps)
        self.forget_picture()

    def show_step(self, plan: Plan, step: Step) -> None:
        exercise = step.exercise
        self.phase.setText(phase_words(step))
        self.ring.set_caption(ring_caption(step))
        self.ring.set_resting(step.kind.is_rest or step.kind is StepKind.GET_READY)
        if step.kind is StepKind.COUNTED_REP:
            self.ring.set_big_text(str(step.rep_number))
        self.exercise.setText(exercise.name)
        reps = rep_line_now(step)
        self.reps.setText(reps)
        self.breathing.setText(breathing_hint(step))
        self.instructions.setText("\n".join(exercise.instructions))
        self.instructions.setVisible(bool(exercise.instructions))
        cautions = "\n".join(f"⚠ {c}" for c in exercise.cautions)
        self.cautions.setText(cautions)
        self.cautions.setVisible(bool(cautions))
        if step.exercise_index not in self._picture_files:
            found = image_path(plan.routine, exercise.image)
            self._picture_files[step.exercise_index] = found
        self._show_image(self._picture_files[step.exercise_index])
        self.next.setText(next_words(plan, step))
        self.done_button.setEnabled(step.kind is StepKind.COUNTED_REP)
        self.setAccessibleDescription(f"{self.phase.text()} · {exercise.name} · {reps}")

    def forget_picture(self) -> None:
        """A new session reads its pictures afresh (a therapist may have replaced
        a file since the last one)."""
        self._image_source = None
        self._picture = QPixmap()
        self._shown_picture = None
        self._picture_files.clear()
        self.image.clear()

    def _show_image(self, path: Path | None) -> None:
        if path is not None and path == self._image_source:
            return  # the next step of the same exercise: the file is read once
        self._image_source = path
        self._picture = read_picture(path, IMAGE_MAX_HEIGHT) if path is not None else QPixmap()
        if path is None or self._picture.isNull():
            self._shown_picture = None
            self.image.clear()
            self.image.hide()
            return
        self._fit_image()
        self.image.show()

    def _fit_image(self) -> None:
        """The picture at 1/7 of the panel's height (at most its own, at most
        IMAGE_MAX_HEIGHT): at 1024x600 the instructions, the cautions and the
        picture then fit without scrolling."""
        if self._picture.isNull() or self._image_source is None:
            return
        height = min(IMAGE_MAX_HEIGHT, self._picture.height(), max(1, self.height() // 7))
        shown = (self._image_source, height)
        if shown == self._shown_picture:
            return
        self.image.setPixmap(
            self._picture.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
        )
        self._shown_picture = shown

    def show_paused(self, paused: bool, *, slept: bool = False) -> None:
        """Paused or running; `slept`: paused by the computer's sleep, which the
        screen then says (the step starts again from its beginning)."""
        self.ring.set_paused(paused)
        note = (
            self.tr(
                "Paused because the computer went to sleep. "
                "Press Space to start this step again from its beginning."
            )
            if paused and slept
            else ""
        )
        self.pause_note.setText(note)
        self.pause_note.setVisible(bool(note))
        self.pause_button.setText(self.tr("Resume (Space)") if paused else self.tr("Pause (Space)"))
        self.pause_button.setAccessibleName(self.tr("Resume") if paused else self.tr("Pause"))

    def show_saving_problem(self, text: str) -> None:
        """Why the history is not saved just now ("" once it is)."""
        self.saving.setText(text)
        self.saving.setVisible(bool(text))

    def show_muted(self, muted: bool) -> None:
        self.mute_button.setChecked(muted)
        self.mute_button.setText(self.tr("Unmute (M)") if muted else self.tr("Mute (M)"))
        self.mute_button.setAccessibleName(self.tr("Unmute") if muted else self.tr("Mute"))
