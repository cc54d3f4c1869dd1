"""The session screen: READY → RUNNING → SUMMARY, driven by keyboard or buttons.

`SessionView` puts together one session's parts: the `SessionPlayer` (core), its
`SessionPresenter` (Qt signals, and the ticker), the `SessionRecorder` writing
history as it happens, the `Cues` (sounds and voice) and the screensaver inhibit.
Listeners are added in the order that matters: history first (a report of
"Stop – it hurts" belongs to the exercise in progress), then cues, then the screen.

Every control is a button and a key; the keys are `QShortcut`s on this widget and
its children, so they work wherever the focus is (a clicked pain button must not
swallow Space). F1 and Ctrl+Q are taken over from the main window's menu while the
session screen shows (see `event()`), so the two never compete for a key.

Preview alone: `python -m timer_app.gui.session_view [ROUTINE-ID-OR-PATH]`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from timer_app.core.clock import Clock
from timer_app.core.events import (
    ExerciseCompleted,
    ExerciseSkipped,
    SessionEndedEarly,
    SessionFinished,
    SessionPaused,
)
from timer_app.core.history import HistoryStore, StopReason
from timer_app.core.plan import Plan, build_plan
from timer_app.core.player import PlayerState, Position, SessionPlayer
from timer_app.core.recorder import SessionRecorder
from timer_app.core.routine import Routine
from timer_app.gui import cues as cues_module
from timer_app.gui.cues import Cues
from timer_app.gui.pain_dialogs import advice_for, ask_what_happened
from timer_app.gui.presenter import SessionPresenter
from timer_app.gui.running_panel import RunningPanel
from timer_app.gui.screensaver import ScreenSaverInhibitor
from timer_app.gui.session_panels import ReadyPanel, SessionOutcome, SummaryPanel
from timer_app.gui.session_words import fill
from timer_app.storage.settings import Settings, save_settings

log = logging.getLogger(__name__)

AskWhatHappened = Callable[[str, QWidget | None], "tuple[StopReason, str] | None"]


class Screen(Enum):
    READY = "ready"
    RUNNING = "running"
    SUMMARY = "summary"


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
        self.confirm: Callable[[str, str], bool] = self._confirm_box
        self.ask_what_happened: AskWhatHappened = ask_what_happened
        self._cues = cues
        self.inhibitor = ScreenSaverInhibitor()
        self.player: SessionPlayer | None = None
        self.presenter: SessionPresenter | None = None
        self.recorder: SessionRecorder | None = None
        self.plan: Plan | None = None
        self.shown = Screen.READY
        self._reset_counts()
        self.setAccessibleName(self.tr("Session"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.ready = ReadyPanel()
        self.running = RunningPanel()
        self.summary = SummaryPanel()
        self.stack = QStackedWidget()
        for panel in (self.ready, self.running, self.summary):
            self.stack.addWidget(panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.help_box: QMessageBox | None = None
        self._connect_buttons()
        self._make_shortcuts()

    # -- building ----------------------------------------------------------------------
    def _connect_buttons(self) -> None:
        self.ready.sig_start.connect(self.start)
        self.ready.sig_back.connect(self.leave)
        r = self.running
        r.pause_button.clicked.connect(self.toggle_pause)
        r.back_button.clicked.connect(self.back)
        r.skip_button.clicked.connect(self.skip)
        r.done_button.clicked.connect(self.done_rep)
        r.hurts_button.clicked.connect(self.stop_it_hurts)
        r.mute_button.clicked.connect(self.toggle_mute)
        r.end_button.clicked.connect(self.end_session)
        r.help_button.clicked.connect(self.show_help)
        self.summary.sig_save.connect(self.save_summary)
        self.summary.sig_close.connect(self.leave)

    def _make_shortcuts(self) -> None:
        keys: list[tuple[Qt.Key, Callable[[], object], set[Screen]]] = [
            (Qt.Key.Key_Space, self.toggle_pause, {Screen.READY, Screen.RUNNING}),
            (Qt.Key.Key_Left, self.back, {Screen.RUNNING}),
            (Qt.Key.Key_Right, self.skip, {Screen.RUNNING}),
            (Qt.Key.Key_Return, self.done_rep, {Screen.RUNNING}),
            (Qt.Key.Key_Enter, self.done_rep, {Screen.RUNNING}),
            (Qt.Key.Key_PageDown, self.done_rep, {Screen.RUNNING}),
            (Qt.Key.Key_S, self.stop_it_hurts, {Screen.RUNNING}),
            (Qt.Key.Key_M, self.toggle_mute, {Screen.READY, Screen.RUNNING}),
            (Qt.Key.Key_Escape, self.escape, {Screen.READY, Screen.RUNNING, Screen.SUMMARY}),
        ]
        self._shortcuts: list[tuple[QShortcut, set[Screen]]] = []
        for key, slot, screens in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts.append((shortcut, screens))
        self._update_keys()

    def _update_keys(self) -> None:
        for shortcut, screens in self._shortcuts:
            shortcut.setEnabled(self.shown in screens)

    def _show(self, screen: Screen) -> None:
        self.shown = screen
        panel = {Screen.READY: self.ready, Screen.RUNNING: self.running}.get(screen, self.summary)
        self.stack.setCurrentWidget(panel)
        self._update_keys()

    def _reset_counts(self) -> None:
        self._done = 0
        self._skipped = 0
        self._stops = 0
        self._pain_spread = False
        self._pain_before: int | None = None
        self._saved: tuple[int | None, str] = (None, "")

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
        text = self._cues.status_message(while_checking=False) if self._cues else ""
        self.ready.sound_note.setText(text)
        self.ready.sound_note.setVisible(bool(text))

    # -- the contract with the main window ---------------------------------------------
    def load(
        self,
        routine: Routine,
        resume_from: Position | None = None,
        resume_session_id: int | None = None,
    ) -> None:
        """Show `routine` ready for Space (resuming from `resume_from` if given)."""
        self._close_session()
        self._reset_counts()
        plan = build_plan(routine)
        player = SessionPlayer(plan, self.clock, resume_from=resume_from)
        if self.history is not None:
            self.recorder = SessionRecorder(
                self.history,
                plan,
                resume_session_id=resume_session_id,
                resumed_active_seconds=self._active_before(resume_session_id),
            )
            player.add_listener(self.recorder)
            self.recorder.add_status_listener(self._saving_changed)
        self.running.show_saving_problem("")
        cues = self.cues
        player.add_listener(cues)
        self.plan, self.player = plan, player
        self.presenter = presenter = SessionPresenter(player, self)
        presenter.sig_session_started.connect(self._on_step)
        presenter.sig_step_started.connect(self._on_step)
        presenter.sig_second_elapsed.connect(lambda _e: self.refresh())
        presenter.sig_exercise_completed.connect(self._on_exercise_done)
        presenter.sig_exercise_skipped.connect(self._on_exercise_done)
        presenter.sig_paused.connect(self._on_paused)
        presenter.sig_resumed.connect(self._on_resumed)
        presenter.sig_finished.connect(self._on_over)
        presenter.sig_ended_early.connect(self._on_over)
        resuming = ""
        if resume_from is not None:
            step = plan.steps[min(resume_from.step_index, len(plan.steps) - 1)]
            resuming = fill(
                self.tr("Resuming where you stopped: exercise %1 of %2, rep %3."),
                step.exercise_index + 1,
                len(routine.exercises),
                step.rep_number,
            )
        self.ready.show_routine(
            plan,
            first_run=not self.settings.first_run_safety_seen,
            ask_pain=self.settings.ask_pain_before,
            resuming=resuming,
            sound_status=cues.status_message(while_checking=False),
        )
        self.running.show_muted(self.settings.muted)
        self.running.show_paused(False)
        self.running.advice.clear()
        self.running.progress.set_marks(
            [plan.offset_of(plan.first_step_of(i)) for i in range(len(routine.exercises))],
            plan.total_seconds,
        )
        self.running.show_step(plan, player.current_step)
        self.refresh()
        self._show(Screen.READY)
        self.setFocus()

    def _active_before(self, session_id: int | None) -> float:
        if session_id is None or self.history is None:
            return 0.0
        try:
            detail = self.history.session_detail(session_id)
        except Exception:  # history trouble must not stop a session
            log.exception("could not read session %s", session_id)
            return 0.0
        return detail.summary.active_seconds if detail is not None else 0.0

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
        self._pain_before = self.ready.pain.value() if self.ready.pain.isVisible() else None
        if self.recorder is not None and self._pain_before is not None:
            self.recorder.set_pain_before(self._pain_before)
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

    def _saving_changed(self) -> None:
        recorder = self.recorder
        if recorder is None or recorder.pending_count == 0:
            self.running.show_saving_problem("")
            return
        self.running.show_saving_problem(
            fill(
                self.tr("Not saved yet: %1 It is kept and will be retried."),
                recorder.last_error or "",
            )
        )

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
        player = self.player
        if player is None or player.state not in (PlayerState.RUNNING, PlayerState.PAUSED):
            return True
        was_running = player.state is PlayerState.RUNNING
        player.pause()  # the clock must not run on while the person reads the question
        if self.confirm(
            self.tr("End session?"),
            self.tr("End this session now? What you did so far is kept in your history."),
        ):
            player.end()
            return True
        if was_running:
            player.resume()
        return False

    def stop_it_hurts(self) -> None:
        """S: stop this exercise, ask what happened, record it, show the advice."""
        player = self.player
        if player is None or player.state not in (PlayerState.RUNNING, PlayerState.PAUSED):
            return
        player.pause()
        exercise = player.current_step.exercise
        answer = self.ask_what_happened(exercise.name, self)
        reason = answer[0] if answer is not None else None
        if answer is not None:
            self._stops += 1
            self._pain_spread |= reason is StopReason.PAIN_SPREAD
            if self.recorder is not None:
                self.recorder.report_stop(answer[0], answer[1])
        self.running.advice.show_advice(
            advice_for(reason)
            + "\n"
            + self.tr("Press Space to go on with the next exercise, or Esc to end the session.")
        )
        player.skip_exercise()  # stays paused on the next exercise
        self.refresh()
        if answer is not None:
            self.sig_session_saved.emit()

    def show_help(self) -> None:
        rows = [
            (self.tr("Space"), self.tr("Start, pause or resume")),
            (self.tr("Enter / Page Down"), self.tr("Done rep (a presenter clicker works)")),
            (self.tr("Right arrow"), self.tr("Skip to the next step")),
            (self.tr("Left arrow"), self.tr("Back: restart the step")),
            (self.tr("S"), self.tr("Stop – it hurts")),
            (self.tr("M"), self.tr("Mute or unmute")),
            (self.tr("Esc"), self.tr("End the session (asks first)")),
            (self.tr("Ctrl+Q"), self.tr("Quit")),
            (self.tr("F1"), self.tr("These keys")),
        ]
        text = "\n".join(f"{key}\t{what}" for key, what in rows)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Keys"), text, parent=self)
        box.setAccessibleName(self.tr("Keyboard shortcuts"))
        box.open()  # not blocking: the session's clock and keys keep working
        self.help_box = box

    def leave(self) -> None:
        """Back to the routines list (saving what the summary holds)."""
        if self.shown is Screen.SUMMARY:
            self.save_summary(quiet=True)
        elif not self.end_session():  # a live session asks first
            return
        self._close_session()
        self.sig_closed.emit()

    def save_summary(self, quiet: bool = False) -> None:
        values = (self.summary.pain.value(), self.summary.notes.toPlainText().strip())
        if values == self._saved:
            if not quiet:
                self.summary.show_saved(True)
            return
        if self.recorder is None:
            self.summary.show_saved(False, self.tr("history is not available"))
            return
        pain, notes = values
        if pain != self._saved[0]:
            self.recorder.set_pain_after(pain)
        if notes != self._saved[1]:
            self.recorder.set_notes(notes)
        self._saved = values
        self.summary.show_saved(self.recorder.pending_count == 0, self.recorder.last_error or "")
        self.sig_session_saved.emit()

    # -- player signals ----------------------------------------------------------------
    def _on_step(self, event: object) -> None:
        if self.plan is not None:
            self.running.show_step(self.plan, event.step)  # type: ignore[attr-defined]
        self.refresh()

    def _on_exercise_done(self, event: object) -> None:
        if isinstance(event, ExerciseCompleted):
            self._done += 1
        elif isinstance(event, ExerciseSkipped):
            self._skipped += 1

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
        self.summary.show_outcome(
            SessionOutcome(
                finished=isinstance(event, SessionFinished),
                exercises_done=self._done,
                exercises_skipped=self._skipped,
                exercises_total=len(self.plan.routine.exercises),
                active_seconds=event.active_seconds,
                pain_before=self._pain_before,
                pain_spread=self._pain_spread,
                stops=self._stops,
            )
        )
        self._show(Screen.SUMMARY)
        self.sig_session_saved.emit()

    def refresh(self) -> None:
        """Redraw from the player's own figures (deadline − now), never a counter."""
        player, plan = self.player, self.plan
        if player is None or plan is None:
            return
        now = self.clock.now()
        step = player.current_step
        seconds = player.seconds_left(now)
        remaining = player.remaining(now)
        if seconds is not None and remaining is not None and step.duration:
            self.running.ring.set_countdown(seconds, remaining / step.duration)
        else:
            self.running.ring.set_countdown(None, 0.0)
        self.running.progress.set_progress(
            step.exercise_index + 1,
            len(plan.routine.exercises),
            player.session_remaining(now),
            plan.total_seconds,
        )

    # -- keys the main window also has, and closing ------------------------------------
    def event(self, event: QEvent) -> bool:
        # While the session shows, F1 means "these keys" and Ctrl+Q asks before
        # quitting: accepting the override keeps the window's menu shortcuts out.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (_is_help(event) or _is_quit(event))
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_help(event):
            self.show_help()
        elif _is_quit(event):
            self.window().close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: object) -> None:
        """The window is closing (Ctrl+Q, the title bar): end a live session first."""
        if self.shown is Screen.SUMMARY:
            self.save_summary(quiet=True)
        if not self.end_session():
            event.ignore()  # type: ignore[attr-defined]
            return
        self.inhibitor.release()
        if self.recorder is not None:
            self.recorder.flush()
        event.accept()  # type: ignore[attr-defined]

    def _confirm_box(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except OSError as error:  # an unwritable folder must not stop the session
            log.warning("settings not saved: %s", error)


def _is_help(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_F1


def _is_quit(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Q and bool(
        event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )


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
