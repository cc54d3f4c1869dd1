"""The session screen before and after: the READY panel and the SUMMARY panel.

READY shows everything that must be read before Space, on the screen itself (no
modal dialog between opening and Space): the routine's title and `safety` text,
the first-run safety notice, and an optional pain rating that never blocks Start.
SUMMARY shows what was done, asks pain after and notes, and gives the advice:
any rating higher than before (or severe) said plainly first, "ease off" when pain
rose by the routine's `pain_advice_rise` (2 unless set) or spread down the leg.
Both ask "Where do you feel it most?" (`pain_where`): pain that moved toward the
spine is shown as centralising, pain that moved down the leg gives stop-and-talk
advice (core/pain_location.py decides). Its heading says what happened: "Well
done" only when every planned exercise was done in full, no stop was reported
(the figures are the end event's, `core/session_figures.py`) and the pain after
gets no advice; after "Stop – it hurts" it names the exercise and repeats that
stop's advice.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from timer_app.core.describe import total_time_in_words
from timer_app.core.history import StopReason
from timer_app.core.pain_location import (
    DEFAULT_PAIN_ADVICE_RISE,
    PainAdvice,
    PainLocation,
    concern_in_words,
    pain_advice,
)
from timer_app.core.plan import Plan
from timer_app.core.precautions import precautions_in_words
from timer_app.core.session_figures import SessionFigures
from timer_app.gui.page_style import BODY, HEADING, TITLE, heading, paragraph, scaled_font
from timer_app.gui.pages import safety_words
from timer_app.gui.session.figures_words import summary_lines
from timer_app.gui.session.pain_dialogs import (
    AdviceBox,
    PainScale,
    advice_for,
    pain_note_advice,
    session_advice,
    worse_despite_rest_advice,
)
from timer_app.gui.session.pain_where import PainWhere, shift_text, stop_and_talk_advice
from timer_app.gui.session.unsaved_writes import not_saved_reason
from timer_app.gui.session.words import fill
from timer_app.gui.translation import translate


def big_button(text: str, name: str, description: str) -> QPushButton:
    button = QPushButton(text)
    button.setFont(scaled_font(HEADING, bold=True))
    button.setMinimumHeight(52)
    button.setAccessibleName(name)
    button.setAccessibleDescription(description)
    return button


def _scrolled(content: QWidget) -> QScrollArea:
    """Long safety text scrolls, so nothing is clipped at 1024×600 or with big fonts."""
    scroll = QScrollArea()
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


class ReadyPanel(QWidget):
    sig_start = Signal()
    sig_back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        content = QWidget()
        col = QVBoxLayout(content)
        self.title = heading("", TITLE)
        self.summary = paragraph("")
        self.resume_note = paragraph("")
        # When this session cannot be saved (gui/history_status.py): said before Space.
        self.history_note = paragraph("")
        self.history_note.setAccessibleName(self.tr("Saving this session"))
        self.history_note.hide()
        self.safety = paragraph("")
        self.safety.setAccessibleName(self.tr("Safety notes for this routine"))
        # "If you are pregnant, ask your therapist first.": before Space, in bold.
        self.precautions = paragraph("")
        self.precautions.setFont(scaled_font(BODY, bold=True))
        self.precautions.setAccessibleName(self.tr("Ask your therapist first"))
        self.first_run = paragraph("")
        self.first_run.setAccessibleName(self.tr("Before your first session"))
        self.sound_note = paragraph("")
        self.pain = PainScale(self.tr("How much pain do you have right now? (optional)"))
        self.where = PainWhere(self.tr("Where do you feel it most? (optional)"))
        for widget in (
            self.title,
            self.summary,
            self.resume_note,
            self.history_note,
            self.first_run,
            self.precautions,
            self.safety,
            self.pain,
            self.where,
            self.sound_note,
        ):
            col.addWidget(widget)
        col.addStretch(1)
        outer.addWidget(_scrolled(content), 1)
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back to routines"))
        self.back_button.setFont(scaled_font(BODY))
        self.back_button.setAccessibleName(self.tr("Back to routines"))
        self.back_button.setAccessibleDescription(self.tr("Leave without starting (Esc)"))
        self.start_button = big_button(
            self.tr("Start  (Space)"), self.tr("Start"), self.tr("Start the session (Space)")
        )
        self.start_button.setDefault(True)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.start_button, 2)
        outer.addLayout(row)
        self.start_button.clicked.connect(self.sig_start.emit)
        self.back_button.clicked.connect(self.sig_back.emit)

    def show_history_note(self, text: str) -> None:
        """A calm line when this session cannot be saved; hidden when it can."""
        self.history_note.setText(text)
        self.history_note.setVisible(bool(text))

    def show_routine(
        self,
        plan: Plan,
        *,
        first_run: bool,
        ask_pain: bool,
        resuming: str = "",
        sound_status: str = "",
    ) -> None:
        routine = plan.routine
        self.title.setText(routine.title)
        self.title.setAccessibleName(routine.title)
        count = len(routine.exercises)
        exercises = translate("ReadyPanel", "%n exercise(s)", None, count)
        # The Routines page's words from the same function: one routine, one length
        # (and "plus your counted reps" when some reps last as long as they take).
        summary = fill(self.tr("%1 · %2"), exercises, total_time_in_words(routine, translate))
        if routine.author:
            summary += " · " + fill(self.tr("by %1"), routine.author)
        self.summary.setText(summary)
        self.resume_note.setText(resuming)
        self.resume_note.setVisible(bool(resuming))
        safety = "\n".join(f"• {line}" for line in routine.safety)
        self.safety.setText(self.tr("Safety for this routine:") + "\n" + safety if safety else "")
        self.safety.setVisible(bool(safety))
        precautions = precautions_in_words(routine.all_precautions, translate)
        self.precautions.setText("\n".join(f"• {line}" for line in precautions))
        self.precautions.setVisible(bool(precautions))
        self.first_run.setText(
            self.tr(
                "Before you start: this app supports, and never replaces, your therapist's "
                "advice. Stop an exercise if pain spreads down your leg or you feel sharp or "
                "shooting pain (press S). Keep breathing; never hold your breath."
            )
            + "\n\n"
            + safety_words.full_text()
        )
        self.first_run.setVisible(first_run)
        self.pain.set_value(None)
        self.pain.setVisible(ask_pain)
        self.where.set_value(None)
        self.where.setVisible(ask_pain)
        self.sound_note.setText(sound_status)
        self.sound_note.setVisible(bool(sound_status))


@dataclass(frozen=True)
class SessionOutcome:
    """What the summary shows; gathered by the view from the player's events."""

    finished: bool
    figures: SessionFigures  # the end event's: done, partial, skipped, reps, time
    exercises_in_routine: int
    pain_before: int | None
    pain_spread: bool  # "Stop – it hurts": pain spread further down the leg
    stops: tuple[tuple[str, StopReason], ...] = ()  # (exercise name, reason) per report
    pain_where_before: PainLocation | None = None  # "Where do you feel it most?"
    pain_advice_rise: int = DEFAULT_PAIN_ADVICE_RISE  # the routine's threshold
    earlier_seconds: float = 0.0  # a resumed session's exercise before the break

    @property
    def stopped_exercises(self) -> str:
        """The exercises stopped with "Stop – it hurts", each named once."""
        return ", ".join(dict.fromkeys(name for name, _reason in self.stops))

    @property
    def stop_advice(self) -> list[str]:
        """The advice each reported stop gave, each text once, in order."""
        return list(dict.fromkeys(advice_for(reason) for _name, reason in self.stops))


class SummaryPanel(QWidget):
    sig_save = Signal()
    sig_close = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outcome: SessionOutcome | None = None
        outer = QVBoxLayout(self)
        content = QWidget()
        col = QVBoxLayout(content)
        self.title = heading("", TITLE)
        self.figures = QLabel()
        self.figures.setFont(scaled_font(HEADING))
        self.figures.setWordWrap(True)
        self.pain = PainScale(self.tr("How much pain do you have now?"))
        self.where = PainWhere(self.tr("Where do you feel it most now?"))
        self.pain_change = paragraph("")
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Notes for yourself or your therapist (optional)"))
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setAccessibleDescription(self.tr("Saved with today's session"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self.advice = AdviceBox()
        self.saved_note = paragraph("")
        for widget in (
            self.title,
            self.figures,
            self.pain,
            self.where,
            self.pain_change,
            self.advice,
            self.notes,
        ):
            col.addWidget(widget)
        col.addStretch(1)
        outer.addWidget(_scrolled(content), 1)
        row = QHBoxLayout()
        self.save_button = big_button(
            self.tr("Save"), self.tr("Save"), self.tr("Save pain and notes with this session")
        )
        self.close_button = big_button(
            self.tr("Back to routines"),
            self.tr("Back to routines"),
            self.tr("Save and go back to the routines (Esc)"),
        )
        # Beside Save, not under the notes: the scrolled column may hide its end.
        self.saved_note.setAccessibleName(self.tr("Save status"))
        row.addWidget(self.save_button)
        row.addWidget(self.saved_note, 1)
        row.addWidget(self.close_button)
        outer.addLayout(row)
        self.save_button.clicked.connect(self.sig_save.emit)
        self.close_button.clicked.connect(self.sig_close.emit)
        self.pain.sig_changed.connect(lambda _value: self._update_advice())
        self.where.sig_changed.connect(lambda _value: self._update_advice())
        # "Saved." is true only of what was saved: a change since makes it stale.
        self.pain.sig_changed.connect(lambda _value: self.saved_note.clear())
        self.where.sig_changed.connect(lambda _value: self.saved_note.clear())
        self.notes.textChanged.connect(self.saved_note.clear)

    def show_outcome(self, outcome: SessionOutcome) -> None:
        self._outcome = outcome
        self.title.setText(self._heading(outcome))
        figures = summary_lines(
            outcome.figures, outcome.exercises_in_routine, outcome.earlier_seconds
        )
        self.figures.setText("\n".join(figures))
        self.figures.setAccessibleName(self.tr("Session summary"))
        self.figures.setAccessibleDescription(" · ".join(figures))
        self.pain.set_value(None)
        self.where.set_value(None)
        self.notes.clear()
        self.saved_note.clear()
        self._update_advice()

    def _heading(self, outcome: SessionOutcome) -> str:
        if outcome.stops:
            return fill(self.tr("You stopped: %1"), outcome.stopped_exercises)
        if not outcome.finished:
            return self.tr("Session ended early")
        if outcome.figures.nothing_done:  # reached the end by skipping everything
            return self.tr("Nothing was done this time")
        if not outcome.figures.all_done:  # some of it skipped or partly done
            return self.tr("Session over: part of it was skipped")
        if self._pain_advice(outcome) is not PainAdvice.NONE:  # more pain: not "Well done"
            return self.tr("Session complete: please read the advice below")
        return self.tr("Well done: session complete")

    def _pain_advice(self, outcome: SessionOutcome) -> PainAdvice:
        return pain_advice(
            outcome.pain_before,
            self.pain.value(),
            where_before=outcome.pain_where_before,
            where_after=self.where.value(),
            rise=outcome.pain_advice_rise,
            spread_reported=outcome.pain_spread,
        )

    def _update_advice(self) -> None:
        outcome = self._outcome
        if outcome is None:
            return
        after = self.pain.value()
        before = outcome.pain_before
        if before is not None and after is not None:
            change = after - before
            word = self.tr("same as before") if change == 0 else f"{change:+d}"
            self.pain_change.setText(fill(self.tr("Pain: %1 → %2 (%3)"), before, after, word))
        elif before is not None:
            self.pain_change.setText(fill(self.tr("Pain before: %1"), before))
        else:
            self.pain_change.clear()
        where_before, where_after = outcome.pain_where_before, self.where.value()
        # A rating higher than before (or severe) is said first, in plain words,
        # and centralising is then not called "the direction you want".
        concern = concern_in_words(before, after, translate)
        moved = shift_text(where_before, where_after, pain_worse=bool(concern))
        if moved:
            text = self.pain_change.text()
            self.pain_change.setText(f"{text}\n{moved}" if text else moved)
        texts = outcome.stop_advice
        advice = self._pain_advice(outcome)
        if concern:
            texts.insert(0, concern)
        if advice is PainAdvice.STOP_AND_TALK:
            texts.append(stop_and_talk_advice())
        elif advice is PainAdvice.EASE_OFF:
            texts.append(session_advice())
        elif advice is PainAdvice.NOTE:
            texts.append(pain_note_advice())
        if concern:
            texts.append(worse_despite_rest_advice())
        self.title.setText(self._heading(outcome))  # the pain after may change it
        if texts:
            # After new numbness or weakness the emergency signs come first.
            urgent = any(r is StopReason.NUMBNESS_OR_WEAKNESS for _name, r in outcome.stops)
            self.advice.show_advice("\n\n".join(texts), urgent=urgent)
        else:
            self.advice.clear()

    def show_saved(self, ok: bool, problem: str = "") -> None:
        """A calm word beside Save; focus stays where the person left it."""
        self.saved_note.setText(
            self.tr("Saved.")
            if ok
            else fill(
                self.tr("Not saved yet: %1 It is kept and will be retried."),
                not_saved_reason(problem),
            )
        )

    def show_no_history(self) -> None:
        """Nothing can keep these answers (no history store): say so, promise nothing."""
        self.saved_note.setText(self.tr("Not saved: the history is not available."))
