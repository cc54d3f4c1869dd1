"""The session screen: READY → RUNNING → SUMMARY, driven by keyboard or buttons.

`SessionView` puts together one session's parts: the `SessionPlayer` (core), the
`SessionPresenter` (the one way in: every key and button that acts on the
session calls it, and only it calls the player; it gives back the player's
events as Qt signals, which the view renders, and owns the ticker), the
`SessionRecorder` writing history as it happens, the `Cues` (sounds and voice)
and the screensaver inhibit. Listeners are added in the order that matters:
history first (a report of "Stop – it hurts" belongs to the exercise in
progress), then cues, then the screen.

The view coordinates; the parts live beside it: the panels (`session_panels`,
`running_panel`), what is drawn on them (`session_display`: the time always from
the player's deadline), which button and key does what (`session_controls`), Esc
and "Stop – it hurts" (`session_stop`), the recorder, the summary (the end
event's figures) and its save (`session_record`). The screensaver is held while a
session runs and released whenever it pauses, ends or the view closes.

Preview alone: `python -m timer_app.gui.session.view [ROUTINE-ID-OR-PATH]`.
"""

from __future__ import annotations

import logging
import sys
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from timer_app.core.clock import Clock
from timer_app.core.events import (
    PauseReason,
    SessionEndedEarly,
    SessionFinished,
    SessionPaused,
    SessionStarted,
    StepStarted,
)
from timer_app.core.history import HistoryStore
from timer_app.core.plan import Plan, build_plan
from timer_app.core.player import Position, SessionPlayer
from timer_app.core.recorder import SessionRecorder
from timer_app.core.routine import Routine
from timer_app.gui.audio import cues as cues_module
from timer_app.gui.audio.cues import Cues
from timer_app.gui.desktop.screensaver import ScreenSaverInhibitor
from timer_app.gui.pages.history_status import ready_saving_note
from timer_app.gui.session import controls, display
from timer_app.gui.session import stop as session_stop
from timer_app.gui.session.controls import SessionKeys
from timer_app.gui.session.key_list import Screen
from timer_app.gui.session.panels import ReadyPanel, SummaryPanel
from timer_app.gui.session.presenter import Reported, SessionPresenter
from timer_app.gui.session.record import (
    SummarySave,
    open_recorder,
    reps_done_before,
    saving_note,
    summary_outcome,
)
from timer_app.gui.session.running_panel import RunningPanel
from timer_app.gui.session.stop import AdviseAfterStop, AskWhatHappened, Confirm
from timer_app.gui.session.stop_dialogs import advise_after_stop, ask_what_happened
from timer_app.storage.settings import Settings

if TYPE_CHECKING:
    from timer_app.gui.app_model import AppModel

log = logging.getLogger(__name__)


class SessionView(QWidget):
    sig_closed = Signal()  # back to the routines list
    sig_session_saved = Signal()  # the history changed

    def __init__(
        self,
        *,
        clock: Clock,
        model: AppModel,
        parent: QWidget | None = None,
        cues: Cues | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        # The app model: the history written to, the settings (mute, the pain
        # question); a session saved is announced through it.
        self.model = model
        # Injectable for tests and for a different look: (title, question) -> yes?
        self.confirm: Confirm = partial(session_stop.confirm_box, self)
        self.ask_what_happened: AskWhatHappened = ask_what_happened
        self.advise_after_stop: AdviseAfterStop = advise_after_stop
        self._cues = cues
        self.inhibitor = ScreenSaverInhibitor()
        # The one way in: every key and button that acts on the session calls it.
        self.presenter = SessionPresenter(parent=self)
        self.presenter.answers_before_start = self._answers_before_start
        self.recorder: SessionRecorder | None = None
        self.plan: Plan | None = None
        self.shown = Screen.READY
        self.setAccessibleName(self.tr("Session"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.ready = ReadyPanel()
        self.running = RunningPanel()
        self.summary = SummaryPanel()
        self._summary_save = SummarySave(self.summary)
        self.stack = QStackedWidget()
        for panel in (self.ready, self.running, self.summary):
            self.stack.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.help_box: QMessageBox | None = None
        presenter = self.presenter
        controls.connect_buttons(self.ready, self.running, self.summary, self, presenter)
        self._keys = SessionKeys(self, self, presenter, self.shown)
        presenter.sig_session_started.connect(self._on_started)
        presenter.sig_step_started.connect(self._on_step)
        presenter.sig_second_elapsed.connect(lambda _e: self.refresh())
        presenter.sig_paused.connect(self._on_paused)
        presenter.sig_resumed.connect(self._on_resumed)
        presenter.sig_finished.connect(self._on_over)
        presenter.sig_ended_early.connect(self._on_over)
        self.sig_session_saved.connect(model.history_written)
        model.settings_changed.connect(self._settings_changed)

    @property
    def player(self) -> SessionPlayer | None:
        """The loaded session's player, to read where it stands (commands go
        through `presenter`)."""
        return self.presenter.player

    @property
    def history(self) -> HistoryStore | None:
        return self.model.history

    @property
    def settings(self) -> Settings:
        """The settings as they are now (a copy: they change through the model)."""
        return self.model.settings

    # -- building ----------------------------------------------------------------------
    def _show(self, screen: Screen) -> None:
        self.shown = screen
        panel = {Screen.READY: self.ready, Screen.RUNNING: self.running}.get(screen, self.summary)
        self.stack.setCurrentWidget(panel)
        self._keys.show_for(screen)

    @property
    def cues(self) -> Cues:
        if self._cues is None:
            # The run's one Cues (also the Safety page's); its speech worker may
            # still be starting: the note on the ready screen follows its answer.
            self._cues = cues_module.shared_cues()
            if self._cues.status_changed is not None:
                self._cues.status_changed.connect(self._show_sound_status)
            self._apply_sound_settings(self._cues)
        return self._cues

    def _apply_sound_settings(self, cues: Cues) -> None:
        settings = self.model.settings
        cues.set_muted(settings.muted)
        cues.beeps_only = settings.beeps_only

    def _settings_changed(self, names: frozenset[str]) -> None:
        """Mute or beeps only changed (M here, or the Safety page): cues follow."""
        if not names & {"muted", "beeps_only"}:
            return
        if self._cues is not None:
            self._apply_sound_settings(self._cues)
        self.running.show_muted(self.model.settings.muted)

    def _show_sound_status(self) -> None:
        display.show_sound_status(self.ready, self._cues)

    # -- the contract with the main window ---------------------------------------------
    def load(
        self,
        routine: Routine,
        resume_from: Position | None = None,
        resume_session_id: int | None = None,
    ) -> None:
        """Show `routine` ready for Space (resuming from `resume_from` if given)."""
        self._close_session()
        self._summary_save.reset()
        plan = build_plan(routine)
        done_before = reps_done_before(self.history, resume_session_id)
        player = SessionPlayer(plan, self.clock, resume_from=resume_from, done_before=done_before)
        if self.history is not None:
            self.recorder = open_recorder(self.history, plan, resume_session_id)
            player.add_listener(self.recorder)
            self.recorder.add_status_listener(self._saving_changed)
        cues = self.cues
        player.add_listener(cues)
        self.plan = plan
        self.presenter.load(player, self.recorder if self.history is not None else None)
        display.show_loaded(self.ready, self.running, player, self.settings, resume_from, cues)
        self.ready.show_history_note(ready_saving_note(self.history))
        self.refresh()
        self._show(Screen.READY)
        self.setFocus()

    def _close_session(self) -> None:
        self.inhibitor.release()
        if self.player is not None and self._cues is not None:
            self.player.remove_listener(self._cues)
        self.presenter.close()

    # -- commands ----------------------------------------------------------------------
    def _answers_before_start(self) -> Reported:
        """What the ready screen holds at Space: the pain and where it is felt, when
        this routine asks (the questions are hidden otherwise)."""
        return Reported(
            pain_before=self.ready.pain.value() if self.ready.pain.isVisible() else None,
            pain_where_before=self.ready.where.value() if self.ready.where.isVisible() else None,
        )

    def toggle_mute(self) -> None:
        # Saved at once (it was forgotten at the next start); the cues and the
        # running panel follow the model's announcement.
        self.model.set_muted(not self.model.settings.muted)

    def escape(self) -> None:
        if self.shown is Screen.RUNNING:
            self.end_session()
        else:
            self.leave()

    def end_session(self) -> bool:
        """Esc: asks first; the session is kept in history as ended early."""
        if self.player is None or not session_stop.is_live(self.player):
            return True
        return session_stop.ask_to_end(self.presenter, self.player, self.confirm)

    def stop_it_hurts(self) -> None:
        """S: stop this exercise, ask what happened, record it, give the advice and
        end the session or go on, as the person chooses."""
        if self.player is None or not session_stop.is_live(self.player):
            return
        reported = session_stop.stop_it_hurts(
            self.presenter,
            self.player,
            ask=self.ask_what_happened,
            advise=self.advise_after_stop,
            parent=self,
        )
        self.refresh()
        if reported:
            self.sig_session_saved.emit()

    def show_help(self) -> None:
        self.help_box = controls.open_help(self)

    def leave(self) -> None:
        """Back to the routines list (saving what the summary holds)."""
        if self.shown is Screen.SUMMARY:
            self.save_summary(quiet=True)
        elif not self.end_session():  # a live session asks first
            return
        self._close_session()
        self.sig_closed.emit()

    def save_summary(self, quiet: bool = False) -> None:
        if self._summary_save.save(self.recorder, quiet=quiet):
            self.sig_session_saved.emit()

    # -- presenter and recorder signals ------------------------------------------------
    def _on_started(self, event: SessionStarted) -> None:
        self._show(Screen.RUNNING)
        self.inhibitor.hold()
        self._on_step(event)
        # The first-run safety text was on the ready screen just now.
        self.model.update_settings(first_run_safety_seen=True)

    def _on_step(self, event: SessionStarted | StepStarted) -> None:
        if self.plan is not None:
            self.running.show_step(self.plan, event.step)
        self.refresh()

    def _on_paused(self, event: SessionPaused) -> None:
        self.inhibitor.release()  # a paused session may let the screen sleep
        self.running.show_paused(True, slept=event.reason is PauseReason.SUSPEND)
        self.refresh()

    def _on_resumed(self, event: object) -> None:
        del event
        self.inhibitor.hold()
        self.running.show_paused(False)
        self.running.advice.clear()
        self.refresh()

    def _on_over(self, event: SessionFinished | SessionEndedEarly) -> None:
        self.inhibitor.release()
        assert self.plan is not None
        outcome = summary_outcome(event, self.plan, self.presenter.reported)
        self._summary_save.show(outcome, self.recorder)
        self._show(Screen.SUMMARY)
        self.sig_session_saved.emit()

    def _saving_changed(self) -> None:
        self.running.show_saving_problem(saving_note(self.recorder))
        self._summary_save.retried(self.recorder)

    def refresh(self) -> None:
        """Redraw from the player's own figures (deadline − now), never a counter."""
        if self.player is not None and self.plan is not None:
            display.draw_time(self.running, self.plan, self.player, self.clock.now())

    # -- keys the main window also has, and closing ------------------------------------
    def event(self, event: QEvent) -> bool:
        if controls.takes_over(event):  # F1 and Ctrl+Q: ours, not the menu's
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if controls.is_help(event):
            self.show_help()
        elif controls.is_quit(event):
            self.window().close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window is closing (Ctrl+Q, the title bar): end a live session first."""
        if self.shown is Screen.SUMMARY:
            self.save_summary(quiet=True)
        if not self.end_session():
            event.ignore()
            return
        self.inhibitor.release()
        if self.recorder is not None:
            self.recorder.flush()
        event.accept()


def _preview(argv: list[str]) -> int:
    """Open one routine's session screen alone (history is not written)."""
    from PySide6.QtWidgets import QApplication

    from timer_app.core.clock import MonotonicClock
    from timer_app.gui.app_model import AppModel
    from timer_app.storage.routines.catalog import find_routine
    from timer_app.storage.settings import load_settings

    app = QApplication.instance() or QApplication(argv[:1])
    routine = find_routine(argv[1] if len(argv) > 1 else "knee-to-chest")
    view = SessionView(clock=MonotonicClock(), model=AppModel(load_settings()))
    view.setWindowTitle("SessionView preview")
    view.sig_closed.connect(view.close)
    view.load(routine)
    view.resize(1024, 600)
    view.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(_preview(sys.argv))
