"""The programme card at the top of the Routines page.

"Week 3 of 8 · Increase hold times · today: session 1 of 2 done": the same
figures as `timer-app program status --json`, both from one `ProgrammeStatus`.
Under it: Start for each of the stage's routines (with the stage's doses), the
flare-up plan while it runs, the words that watch how it goes (going back a
stage, the four-week review, the week-3 word) and the questions
(`gui/programme/questions.py`). Without a programme: Start programme, when the
routine folders hold one.

The card follows the app model (`programme_changed`, `history_changed`,
`routines_changed`) and changes the programme only through `AppModel.programme`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from timer_app.core.programme.calendar import wild_enrolment_date
from timer_app.core.programme.monitoring import (
    MorningAnswer,
    drop_off_words,
    review_words,
    step_back_words,
)
from timer_app.core.programme.status import ProgrammeStatus, headline
from timer_app.gui.app_model import AppModel
from timer_app.gui.page_style import HEADING, action_button, heading, panel, paragraph
from timer_app.gui.programme.questions import Question, ask_marker, ask_morning_check, suggest_next
from timer_app.gui.translation import local_date, translate

if TYPE_CHECKING:
    from timer_app.core.routine import Routine


def day_words(day: date) -> str:
    """A date as the History page writes it ("Sun 06 Dec"): one wording in the app."""
    return local_date(day, "ddd dd MMM")


class ProgrammeCard(QWidget):
    """Emits `sig_start(routine)` for a stage's routine (its doses changed) or the
    flare-up routine."""

    sig_start = Signal(object)

    def __init__(self, model: AppModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.status: ProgrammeStatus | None = None
        self._stale = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.box = panel()
        outer.addWidget(self.box)
        col = QVBoxLayout(self.box)

        top = QHBoxLayout()
        self.headline = heading("", HEADING)
        self.headline.setAccessibleName(self.tr("Your programme"))
        top.addWidget(self.headline, 1)
        self.start_programme_button = action_button(
            self.tr("Start programme…"), self.tr("Start your therapist's plan over weeks")
        )
        self.start_programme_button.clicked.connect(self.choose_programme)
        self.flare_up_button = action_button(
            self.tr("I'm having a flare-up"),
            self.tr("Switch to the gentle flare-up routine for a few days"),
        )
        self.flare_up_button.clicked.connect(self.flare_up)
        self.stop_button = action_button(self.tr("Stop programme"), self.tr("End the programme"))
        self.stop_button.clicked.connect(self.stop_programme)
        for button in (self.start_programme_button, self.flare_up_button, self.stop_button):
            top.addWidget(button)
        col.addLayout(top)

        self.details = paragraph("")
        col.addWidget(self.details)
        self.routine_row = QHBoxLayout()
        col.addLayout(self.routine_row)
        self.routine_buttons: list[QPushButton] = []
        self.notes = paragraph("")  # step back, four-week review, week-3 word
        col.addWidget(self.notes)
        self.step_back_button = action_button(
            self.tr("Go back to the previous stage"), self.tr("Go back one stage")
        )
        self.step_back_button.clicked.connect(self.go_back)
        col.addWidget(self.step_back_button)
        self.end_flare_up_button = action_button(
            self.tr("Back to my stage now"), self.tr("End the flare-up plan today")
        )
        self.end_flare_up_button.clicked.connect(self._end_flare_up)
        col.addWidget(self.end_flare_up_button)
        self.morning = Question()
        col.addWidget(self.morning)
        self.marker = Question()
        col.addWidget(self.marker)
        self.message = paragraph("")  # a change that could not be saved
        col.addWidget(self.message)

        model.programme_changed.connect(self.refresh)
        model.history_changed.connect(self.refresh)
        model.routines_changed.connect(self.refresh)
        self.refresh()

    # -- showing ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        # Back from a session, or a window left open overnight: today's figures
        # and this morning's question (the session's writes announce nothing).
        if self.status is not None and (
            self.status.today != self.model.programme.today() or self._stale
        ):
            self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._stale = True  # a session may be recorded while the page is hidden
        super().hideEvent(event)

    def refresh(self) -> None:
        self._stale = False
        programme = self.model.programme
        self.status = programme.status()
        # A change that could not be saved, and stage changes refused as past the limits.
        said = [programme.problem] if programme.problem else []
        said += programme.refused_changes()
        self.message.setVisible(bool(said))
        self.message.setText("\n".join(said))
        if self.status is None:
            self._show_no_programme()
            return
        status = self.status
        self.setVisible(True)
        self.headline.setText(headline(status, translate, day_words))
        self.start_programme_button.hide()
        self.stop_button.show()
        self.flare_up_button.setVisible(status.flare_up_until is None)
        self.end_flare_up_button.setVisible(status.flare_up_until is not None)
        self.details.setText(self._details(status))
        self.details.show()  # hidden while there was no programme (_show_no_programme)
        self._show_routines()
        self._show_notes(status)
        if programme.morning_check_due():
            ask_morning_check(self.morning, self._answer_morning)
        else:
            self.morning.hide()
        self._show_stage_end(status)

    def _show_no_programme(self) -> None:
        has_any = bool(self.model.programme.programmes())
        enrolled = self.model.programme.enrolment()
        self.setVisible(has_any or enrolled is not None)
        wild = (
            None
            if enrolled is None
            else wild_enrolment_date(enrolled, self.model.programme.today())
        )
        if wild is not None:  # bad stored data: its weeks cannot be counted
            self.headline.setText(
                self.tr(
                    "Your programme's start date, {day}, is more than a year from today, "
                    "so its weeks cannot be counted. Stop it, then start it again."
                ).format(day=wild.isoformat())
            )
        elif enrolled is not None:  # its file is gone from the routine folders
            self.headline.setText(
                self.tr("Your programme “{id}” was not found in the routine folders.").format(
                    id=enrolled.programme_id
                )
            )
        else:
            self.headline.setText(self.tr("A plan over weeks from your therapist"))
        self.start_programme_button.setVisible(has_any)
        self.stop_button.setVisible(enrolled is not None)
        for button in (self.flare_up_button, self.end_flare_up_button, self.step_back_button):
            button.hide()
        for part in (self.details, self.notes, self.morning, self.marker):
            part.hide()
        self._set_routine_buttons([])

    def _details(self, status: ProgrammeStatus) -> str:
        done = self.tr("Stage {number} of {count}: {done} of {due} sessions so far.").format(
            number=status.stage_index + 1,
            count=status.stage_count,
            done=status.advance.sessions_done,
            due=status.advance.sessions_due,
        )
        if status.flare_up_until is None:
            return done
        routine = self.model.programme.flare_up_routine()
        plan = self.tr("Flare-up plan until {day}: “{routine}”, then back to your stage.").format(
            day=day_words(status.flare_up_until),
            routine=routine.title if routine is not None else self.tr("ease off"),
        )
        return "\n".join([plan, done])

    def _show_routines(self) -> None:
        programme = self.model.programme
        if self.status is not None and self.status.flare_up_until is not None:
            routine = programme.flare_up_routine()
            self._set_routine_buttons([routine] if routine is not None else [])
        else:
            self._set_routine_buttons(programme.stage_routines())

    def _set_routine_buttons(self, routines: Sequence[Routine]) -> None:
        while self.routine_row.count():  # the old buttons and the stretch after them
            item = self.routine_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:  # gone now, not at the next event loop turn
                widget.hide()
                widget.deleteLater()
        self.routine_buttons = []
        for routine in routines:
            button = action_button(
                # "&" would make a shortcut of the next letter: a title is text.
                self.tr("Start “{title}”").format(title=routine.title.replace("&", "&&")),
                self.tr("Open the session screen with this stage's doses"),
            )
            button.clicked.connect(lambda _checked=False, r=routine: self.sig_start.emit(r))
            self.routine_row.addWidget(button)
            self.routine_buttons.append(button)
        self.routine_row.addStretch(1)

    def _show_notes(self, status: ProgrammeStatus) -> None:
        lines: list[str] = []
        if status.step_back.suggested:
            lines.extend(status.step_back.reasons)
            lines.append(step_back_words(status.step_back, translate))
        if status.review_due:
            lines.append(review_words(translate))
        if status.dropping_off:
            lines.append(drop_off_words(translate))
        self.notes.setText("\n".join(lines))
        self.notes.setVisible(bool(lines))
        self.step_back_button.setVisible(
            status.step_back.suggested and status.step_back.can_go_back
        )

    def _show_stage_end(self, status: ProgrammeStatus) -> None:
        if not status.stage_over or status.flare_up_until is not None:
            self.marker.hide()
            return
        programme = self.model.programme
        if status.marker and not programme.marker_answered():
            ask_marker(self.marker, status, programme.answer_marker)
            return
        found = programme.programme()
        stages = found.stages if found is not None else ()
        following = status.stage_index + 1
        next_name = stages[following].name if following < len(stages) else None
        suggest_next(self.marker, status, next_name, lambda: programme.move_to_stage(following))

    # -- changing -----------------------------------------------------------------------
    def _answer_morning(self, answer: MorningAnswer | None) -> None:
        self.model.programme.answer_morning_check(answer)

    def go_back(self) -> None:
        if self.status is not None:
            self.model.programme.move_to_stage(self.status.stage_index - 1)

    def _end_flare_up(self) -> None:
        self.model.programme.end_flare_up()

    def choose_programme(self) -> None:
        from timer_app.gui.programme.dialogs import StartProgrammeDialog

        programme = self.model.programme
        dialog = StartProgrammeDialog(programme.programmes(), programme.today(), self)
        if dialog.exec():
            programme_id, first_day = dialog.chosen()
            if self._replace_running(programme_id):
                programme.start(programme_id, first_day)

    def _replace_running(self, programme_id: str) -> bool:
        """Asks before a start ends a programme running now (started from a terminal
        while this card showed none): a start ends the patient's weeks in it."""
        from PySide6.QtWidgets import QMessageBox

        programme = self.model.programme
        running = programme.enrolment()
        if running is None:
            return True
        programmes = programme.programmes()
        found = programmes.get(running.programme_id)
        wanted = programmes.get(programme_id)
        answer = QMessageBox.question(
            self,
            self.tr("Replace programme?"),
            self.tr(
                "“%1”, started %2, is running. Stop it and start “%3” in its place? "
                "Its sessions stay in your history."
            )
            .replace("%1", found.title if found is not None else running.programme_id)
            .replace("%2", local_date(running.started_on, "ddd dd MMM yyyy"))
            .replace("%3", wanted.title if wanted is not None else programme_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def flare_up(self) -> None:
        from timer_app.gui.programme.dialogs import FlareUpDialog

        programme = self.model.programme
        found, routine = programme.programme(), programme.flare_up_routine()
        days = found.flare_up.days if found is not None else 3
        dialog = FlareUpDialog(days, routine.title if routine is not None else None, self)
        if dialog.exec():
            programme.start_flare_up()

    def stop_programme(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Stop programme"),
            self.tr("Stop your programme? Your sessions stay in your history."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.model.programme.stop()
