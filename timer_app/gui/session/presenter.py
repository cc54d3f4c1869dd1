"""The session presenter: the one way in to a session, and its one window onto it.

Every key and button that acts on a session calls a command slot here, and only
the presenter calls the player's commands (`tests/gui/test_one_way_in.py` checks
it). The GUI's part of a command lives here too: Space on the ready screen takes
the answers given before the start (`answers_before_start`, read from the ready
screen by the view) to the recorder before the player starts, and "Stop – it
hurts" takes the person's reason to the recorder (`report_stop`). What the person
said is kept in `reported` for the summary; what was done is not counted here:
the end events carry the figures (`core/session_figures.py`).

Each player event comes back as a Qt signal carrying the core event object itself
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

Commands are slots returning whether they took effect (an illegal command, such
as pause while paused, or any command with no session loaded, is a harmless
no-op). Queries (`remaining()`, `seconds_left()`, `position()`, `state`, ...) are
on `player`. One presenter serves every session of a view (`load`, `close`); it
owns the session's `Ticker`, so a loaded session runs as long as it is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal, Slot

from timer_app.core import events as ev
from timer_app.core.history import StopReason
from timer_app.core.pain_location import PainLocation
from timer_app.core.player import PlayerState, SessionPlayer
from timer_app.core.recorder import SessionRecorder
from timer_app.core.stop_place import stop_place, stop_place_in_words
from timer_app.gui.session.ticker import Ticker
from timer_app.gui.translation import translate

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


@dataclass(frozen=True)
class Reported:
    """What the person told during one session, which the player cannot know:
    the answers before the start and each "Stop – it hurts" (exercise, reason),
    in the order made. It counts nothing: how many stops, exercises and seconds
    the session had are the end event's figures."""

    pain_before: int | None = None
    pain_where_before: PainLocation | None = None  # "Where do you feel it most?"
    stops: tuple[tuple[str, StopReason], ...] = ()


def _no_answers() -> Reported:
    return Reported()


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

    def __init__(
        self,
        player: SessionPlayer | None = None,
        parent: QObject | None = None,
        *,
        recorder: SessionRecorder | None = None,
    ) -> None:
        super().__init__(parent)
        self._player: SessionPlayer | None = None
        self._recorder: SessionRecorder | None = None
        self.ticker: Ticker | None = None
        # The answers on the ready screen at the moment of the start (the view's).
        self.answers_before_start: Callable[[], Reported] = _no_answers
        self.reported = Reported()
        if player is not None:
            self.load(player, recorder)

    @property
    def player(self) -> SessionPlayer | None:
        """The loaded session's player, for queries; None before the first load."""
        return self._player

    def load(self, player: SessionPlayer, recorder: SessionRecorder | None = None) -> None:
        """Serve `player` (ready to start) from now on; `recorder` hears the reports.
        Add the presenter after the player's other listeners: the signals then come
        after the history and the cues have had each event."""
        self.close()
        self._player, self._recorder, self.reported = player, recorder, Reported()
        player.add_listener(self._on_event)
        self.ticker = Ticker(player, self)

    def close(self) -> None:
        """Stop ticking and listening; the player itself is left as it is."""
        if self.ticker is not None:
            self.ticker.detach()
            self.ticker.deleteLater()
            self.ticker = None
        if self._player is not None:
            self._player.remove_listener(self._on_event)
        self._player = self._recorder = None

    # -- commands ----------------------------------------------------------------
    @Slot(result=bool)
    def start(self) -> bool:
        """Space or Start on the ready screen: the answers given there go to the
        history first, so the session's first row already holds them."""
        player = self._player
        if player is None or player.state is not PlayerState.READY:
            return False
        answers = self.answers_before_start()
        self.reported = replace(answers, stops=())
        if self._recorder is not None:
            if answers.pain_before is not None:
                self._recorder.set_pain_before(answers.pain_before)
            if answers.pain_where_before is not None:
                self._recorder.set_pain_where_before(answers.pain_where_before)
        return player.start()

    @Slot(result=bool)
    def pause(self) -> bool:
        return self._player is not None and self._player.pause()

    @Slot(result=bool)
    def resume(self) -> bool:
        return self._player is not None and self._player.resume()

    @Slot(result=bool)
    def toggle_pause(self) -> bool:
        """Space bar: start when ready, pause when running, resume when paused."""
        if self._player is None:
            return False
        if self._player.state is PlayerState.READY:
            return self.start()
        if self._player.state is PlayerState.PAUSED:
            return self._player.resume()
        return self._player.pause()

    @Slot(result=bool)
    def skip(self) -> bool:
        return self._player is not None and self._player.skip()

    def skip_exercise(self, *, stopped: bool = False) -> bool:
        """To the next exercise; `stopped`: after "Stop – it hurts" (`report_stop`)."""
        return self._player is not None and self._player.skip_exercise(stopped=stopped)

    @Slot(result=bool)
    def back(self) -> bool:
        return self._player is not None and self._player.back()

    @Slot(result=bool)
    def complete_rep(self) -> bool:
        return self._player is not None and self._player.complete_rep()

    @Slot(result=bool)
    def end(self, *, stopped: bool = False) -> bool:
        """End early; `stopped`: after "Stop – it hurts" (`report_stop`)."""
        return self._player is not None and self._player.end(stopped=stopped)

    def report_stop(self, reason: StopReason, note: str = "") -> bool:
        """ "Stop – it hurts" where the session stands (`core/stop_place.py`: the
        exercise in progress, or in a get-ready the one just finished): kept for
        the summary and handed to the history. True when the history was given
        it. The player is moved on separately (`skip_exercise(stopped=True)`,
        `end`, or `count_stop` before going on)."""
        if self._player is None:
            return False
        place = stop_place(
            self._player.plan, self._player.current_step, self._player.skipped_exercises()
        )
        words = stop_place_in_words(place, translate)
        self.reported = replace(self.reported, stops=(*self.reported.stops, (words, reason)))
        if self._recorder is None:
            return False
        self._recorder.report_stop_at(reason, place.exercise_index, words, note)
        return True

    def count_stop(self) -> bool:
        """A stop reported in a get-ready, the person going on to that exercise."""
        return self._player is not None and self._player.count_stop()

    # -- events --------------------------------------------------------------------
    def _on_event(self, event: ev.Event) -> None:
        getattr(self, _SIGNAL_OF[type(event)]).emit(event)
