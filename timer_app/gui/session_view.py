"""The session screen: READY → RUNNING → SUMMARY, driven by keyboard or buttons.

`SessionView` puts together one session's parts: the `SessionPlayer` (core), its
`SessionPresenter` (Qt signals, and the ticker), the `SessionRecorder` writing
history as it happens, the `Cues` (sounds and voice) and the screensaver inhibit.
Listeners are added in the order that matters: history first (a report of
"Stop – it hurts" belongs to the exercise in progress), then cues, then the screen.

The view coordinates; the parts live beside it: the panels (`session_panels`,
`running_panel`), what is drawn on them (`session_display`: the time always from
the player's deadline), which button and key does what (`session_controls`), Esc
and "Stop – it hurts" (`session_stop`), the recorder, the summary's counts and its
save (`session_record`). The screensaver is held while a session runs and released
whenever it pauses, ends or the view closes.

Preview alone: `python -m timer_app.gui.session_view [ROUTINE-ID-OR-PATH]`.
"""

from __future__ import annotations

import logging
import sys
from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from timer_app.core.clock import Clock
from timer_app.core.events import SessionEndedEarly, SessionFinished, SessionPaused
from timer_app.core.history import HistoryStore
from timer_app.core.plan import Plan, build_plan
from timer_app.core.player import PlayerState, Position, SessionPlayer
from timer_app.core.recorder import SessionRecorder
from timer_app.core.routine import Routine
from timer_app.gui import cues as cues_module
from timer_app.gui import session_controls, session_display, session_stop
from timer_app.gui.cues import Cues
from timer_app.gui.history_status import ready_saving_note
from timer_app.gui.key_list import Screen
from timer_app.gui.presenter import SessionPresenter
from timer_app.gui.running_panel import RunningPanel
from timer_app.gui.screensaver import ScreenSaverInhibitor
from timer_app.gui.session_controls import SessionKeys
from timer_app.gui.session_panels import ReadyPanel, SummaryPanel
from timer_app.gui.session_record import (
    SessionTally,
    SummarySave,
    open_recorder,
    reps_done_before,
    saving_note,
)
from timer_app.gui.session_stop import AdviseAfterStop, AskWhatHappened, Confirm
from timer_app.gui.stop_dialogs import advise_after_stop, ask_what_happened
from timer_app.storage.settings import Settings, save_settings

log = logging.getLogger(__name__)


class SessionView(QWidget):
    sig_closed = Signal()  # back to the routines list
    sig_session_saved = Signal()  # the history changed

    def __init__(
        self,
        *,
        clock: Clock,
        history: HistoryStore | None,
        settings: Settings,
        parent: QWidget | None = None,
        cues: Cues | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.history = history
        self.settings = settings
        # Injectable for tests and for a different look: (title, question) -> yes?
        self.confirm: Confirm = partial(session_stop.confirm_box, self)
        self.ask_what_happened: AskWhatHappened = ask_what_happened
        self.advise_after_stop: AdviseAfterStop = advise_after_stop
        self._cues = cues
        self.inhibitor = ScreenSaverInhibitor()
        self.player: SessionPlayer | None = None
        self.presenter: SessionPresenter | None = None
        self.recorder: SessionRecorder | None = None
        self.plan: Plan | None = None
        self.shown = Screen.READY
        self.setAccessibleName(self.tr("Session"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.ready = ReadyPanel()
        self.running = RunningPanel()
        self.summary = SummaryPanel()
        self._tally = SessionTally()
        self._summary_save = SummarySave(self.summary)
        self.stack = QStackedWidget()
        for panel in (self.ready, self.running, self.summary):
            self.stack.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.help_box: QMessageBox | None = None
        session_controls.connect_buttons(self.ready, self.running, self.summary, self)
        self._keys = SessionKeys(self, self, self.shown)

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
        self._cues.set_muted(self.settings.muted)
        self._cues.beeps_only = self.settings.beeps_only
        return self._cues

    def _show_sound_status(self) -> None:
        session_display.show_sound_status(self.ready, self._cues)

    # -- the contract with the main window ---------------------------------------------
    def load(
        self,
        routine: Routine,
        resume_from: Position | None = None,
        resume_session_id: int | None = None,
    ) -> None:
        """Show `routine` ready for Space (resuming from `resume_from` if given)."""
        self._close_session()
        self._tally = SessionTally()
        self._summary_save = SummarySave(self.summary)
        plan = build_plan(routine)
        done_before = reps_done_before(self.history, resume_session_id)
        player = SessionPlayer(plan, self.clock, resume_from=resume_from, done_before=done_before)
        if self.history is not None:
            self.recorder = open_recorder(self.history, plan, resume_session_id)
            player.add_listener(self.recorder)
            self.recorder.add_status_listener(self._saving_changed)
        cues = self.cues
        player.add_listener(cues)
        self.plan, self.player = plan, player
        self.presenter = presenter = SessionPresenter(player, self)
        presenter.sig_session_started.connect(self._on_step)
        presenter.sig_step_started.connect(self._on_step)
        presenter.sig_second_elapsed.connect(lambda _e: self.refresh())
        presenter.sig_paused.connect(self._on_paused)
        presenter.sig_resumed.connect(self._on_resumed)
        presenter.sig_finished.connect(self._on_over)
        presenter.sig_ended_early.connect(self._on_over)
        session_display.show_loaded(
            self.ready, self.running, player, self.settings, resume_from, cues
        )
        self.ready.show_history_note(ready_saving_note(self.history))
        self.refresh()
        self._show(Screen.READY)
        self.setFocus()

    def _close_session(self) -> None:
        self.inhibitor.release()
        if self.presenter is not None:
            self.presenter.close()
            self.presenter.deleteLater()
        if self.player is not None and self._cues is not None:
            self.player.remove_listener(self._cues)
        self.presenter = None
        self.player = None

    # -- commands ----------------------------------------------------------------------
    def start(self) -> None:
        if self.player is None or self.player.state is not PlayerState.READY:
            return
        pain = self.ready.pain.value() if self.ready.pain.isVisible() else None
        self._tally.pain_before = pain
        self._tally.pain_where_before = (
            self.ready.where.value() if self.ready.where.isVisible() else None
        )
        if self.recorder is not None and pain is not None:
            self.recorder.set_pain_before(pain)
        if self.recorder is not None and self._tally.pain_where_before is not None:
            self.recorder.set_pain_where_before(self._tally.pain_where_before)
        self._show(Screen.RUNNING)
        self.player.start()
        self.inhibitor.hold()
        if not self.settings.first_run_safety_seen:
            self.settings.first_run_safety_seen = True  # it was on the screen just now
            self._save_settings()

    def toggle_pause(self) -> None:
        player = self.player
        if player is None:
            return
        if player.state is PlayerState.READY:
            self.start()
        elif player.state is PlayerState.RUNNING:
            player.pause()
        elif player.state is PlayerState.PAUSED:
            player.resume()

    def back(self) -> None:
        if self.player is not None and self.player.back():
            self.refresh()

    def skip(self) -> None:
        if self.player is not None and self.player.skip():
            self.refresh()

    def done_rep(self) -> None:
        if self.player is not None:
            self.player.complete_rep()

    def toggle_mute(self) -> None:
        self.settings.muted = not self.settings.muted
        self.cues.set_muted(self.settings.muted)
        self.running.show_muted(self.settings.muted)

    def escape(self) -> None:
        if self.shown is Screen.RUNNING:
            self.end_session()
        else:
            self.leave()

    def end_session(self) -> bool:
        """Esc: asks first; the session is kept in history as ended early."""
        if self.player is None or not session_stop.is_live(self.player):
            return True
        return session_stop.ask_to_end(self.player, self.confirm)

    def stop_it_hurts(self) -> None:
        """S: stop this exercise, ask what happened, record it, give the advice and
        end the session or go on, as the person chooses."""
        if self.player is None or not session_stop.is_live(self.player):
            return
        reported = session_stop.stop_it_hurts(
            self.player,
            ask=self.ask_what_happened,
            advise=self.advise_after_stop,
            parent=self,
            recorder=self.recorder,
            tally=self._tally,
        )
        self.refresh()
        if reported:
            self.sig_session_saved.emit()

    def show_help(self) -> None:
        self.help_box = session_controls.open_help(self)

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

    # -- player and recorder signals ---------------------------------------------------
    def _on_step(self, event: object) -> None:
        if self.plan is not None:
            self.running.show_step(self.plan, event.step)  # type: ignore[attr-defined]
        self.refresh()

    def _on_paused(self, event: SessionPaused) -> None:
        del event
        self.inhibitor.release()  # a paused session may let the screen sleep
        self.running.show_paused(True)
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
        self.summary.show_outcome(self._tally.outcome(event, self.plan))
        self._show(Screen.SUMMARY)
        self.sig_session_saved.emit()

    def _saving_changed(self) -> None:
        self.running.show_saving_problem(saving_note(self.recorder))

    def refresh(self) -> None:
        """Redraw from the player's own figures (deadline − now), never a counter."""
        if self.player is not None and self.plan is not None:
            session_display.draw_time(self.running, self.plan, self.player, self.clock.now())

    # -- keys the main window also has, and closing ------------------------------------
    def event(self, event: QEvent) -> bool:
        if session_controls.takes_over(event):  # F1 and Ctrl+Q: ours, not the menu's
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if session_controls.is_help(event):
            self.show_help()
        elif session_controls.is_quit(event):
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

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except OSError as error:  # an unwritable folder must not stop the session
            log.warning("settings not saved: %s", error)


def _preview(argv: list[str]) -> int:
    """Open one routine's session screen alone (history is not written)."""
    from PySide6.QtWidgets import QApplication

    from timer_app.core.clock import MonotonicClock
    from timer_app.storage.catalog import find_routine
    from timer_app.storage.settings import load_settings

    app = QApplication.instance() or QApplication(argv[:1])
    routine = find_routine(argv[1] if len(argv) > 1 else "knee-to-chest")
    view = SessionView(clock=MonotonicClock(), history=None, settings=load_settings())
    view.setWindowTitle("SessionView preview")
    view.sig_closed.connect(view.close)
    view.load(routine)
    view.resize(1024, 600)
    view.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(_preview(sys.argv))
