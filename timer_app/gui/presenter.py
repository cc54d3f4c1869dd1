"""The session presenter: the session screen's one window onto the player.

`SessionPresenter` listens to a `SessionPlayer` (core, no Qt) and re-emits every
player event as a Qt signal carrying the core event object itself
(`timer_app.core.events`), so widgets connect to signals and read plain fields:

    sig_session_started(SessionStarted)     the first step begins
    sig_step_started(StepStarted)           a step begins, restarts (back) or is
                                            reached by skip, also while paused
    sig_second_elapsed(SecondElapsed)       the countdown shows a new whole second;
                                            `event.is_final_three` for 3, 2, 1
    sig_halfway(HalfwayThrough)             halfway through a hold of 20 s or more
    sig_rep_completed(RepCompleted)         a rep was done (side, set, held seconds)
    sig_rep_partial(RepPartial)             a hold left part-way (seconds held)
    sig_exercise_completed(ExerciseCompleted)  every planned rep done
    sig_exercise_partial(ExercisePartial)   some of it done
    sig_exercise_skipped(ExerciseSkipped)
    sig_paused(SessionPaused)               `event.reason`: USER or SUSPEND (slept;
                                            the step restarts from its beginning)
    sig_resumed(SessionResumed)
    sig_finished(SessionFinished)           `event.figures`: what was done, active time
    sig_ended_early(SessionEndedEarly)      `event.figures` likewise
    sig_state_changed(PlayerState)          right after the started, paused, resumed,
                                            finished or ended-early signal

Commands are slots returning whether they took effect (an illegal command, such
as pause while paused, is a harmless no-op). Queries (`remaining()`,
`seconds_left()`, `session_remaining()`, `position()`, ...) are on `player`.
The presenter owns the `Ticker`, so the session runs as long as it exists.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from timer_app.core import events as ev
from timer_app.core.player import PlayerState, SessionPlayer
from timer_app.gui.ticker import Ticker

_SIGNAL_OF: dict[type, str] = {
    ev.SessionStarted: "sig_session_started",
    ev.StepStarted: "sig_step_started",
    ev.SecondElapsed: "sig_second_elapsed",
    ev.HalfwayThrough: "sig_halfway",
    ev.RepCompleted: "sig_rep_completed",
    ev.RepPartial: "sig_rep_partial",
    ev.ExerciseCompleted: "sig_exercise_completed",
    ev.ExercisePartial: "sig_exercise_partial",
    ev.ExerciseSkipped: "sig_exercise_skipped",
    ev.SessionPaused: "sig_paused",
    ev.SessionResumed: "sig_resumed",
    ev.SessionFinished: "sig_finished",
    ev.SessionEndedEarly: "sig_ended_early",
}

_STATE_AFTER: dict[type, PlayerState] = {
    ev.SessionStarted: PlayerState.RUNNING,
    ev.SessionResumed: PlayerState.RUNNING,
    ev.SessionPaused: PlayerState.PAUSED,
    ev.SessionFinished: PlayerState.FINISHED,
    ev.SessionEndedEarly: PlayerState.ENDED_EARLY,
}


class SessionPresenter(QObject):
    sig_session_started = Signal(object)
    sig_step_started = Signal(object)
    sig_second_elapsed = Signal(object)
    sig_halfway = Signal(object)
    sig_rep_completed = Signal(object)
    sig_rep_partial = Signal(object)
    sig_exercise_completed = Signal(object)
    sig_exercise_partial = Signal(object)
    sig_exercise_skipped = Signal(object)
    sig_paused = Signal(object)
    sig_resumed = Signal(object)
    sig_finished = Signal(object)
    sig_ended_early = Signal(object)
    sig_state_changed = Signal(object)

    def __init__(self, player: SessionPlayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player = player
        self._state = player.state
        player.add_listener(self._on_event)
        self.ticker = Ticker(player, self)

    @property
    def player(self) -> SessionPlayer:
        return self._player

    @property
    def state(self) -> PlayerState:
        """The state as of the last signal emitted (see `_on_event`)."""
        return self._state

    def close(self) -> None:
        """Stop ticking and listening; the player itself is left as it is."""
        self.ticker.detach()
        self._player.remove_listener(self._on_event)

    # -- commands ----------------------------------------------------------------
    @Slot(result=bool)
    def start(self) -> bool:
        return self._player.start()

    @Slot(result=bool)
    def pause(self) -> bool:
        return self._player.pause()

    @Slot(result=bool)
    def resume(self) -> bool:
        return self._player.resume()

    @Slot(result=bool)
    def toggle_pause(self) -> bool:
        """Space bar: pause when running, resume when paused, start when ready."""
        if self._player.state is PlayerState.READY:
            return self._player.start()
        if self._player.state is PlayerState.PAUSED:
            return self._player.resume()
        return self._player.pause()

    @Slot(result=bool)
    def skip(self) -> bool:
        return self._player.skip()

    @Slot(result=bool)
    def skip_exercise(self) -> bool:
        return self._player.skip_exercise()

    @Slot(result=bool)
    def back(self) -> bool:
        return self._player.back()

    @Slot(result=bool)
    def complete_rep(self) -> bool:
        return self._player.complete_rep()

    @Slot(result=bool)
    def end(self) -> bool:
        return self._player.end()

    # -- events --------------------------------------------------------------------
    def _on_event(self, event: ev.Event) -> None:
        getattr(self, _SIGNAL_OF[type(event)]).emit(event)
        # Events are delivered after the player has settled (a late tick may have
        # walked several steps), so the new state comes from the event, not from
        # `player.state`, to keep the signals in the order things happened.
        new_state = _STATE_AFTER.get(type(event))
        if new_state is not None and new_state is not self._state:
            self._state = new_state
            self.sig_state_changed.emit(new_state)
