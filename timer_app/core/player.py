"""The session player: plays a plan in real time on an injected monotonic clock.

Time (“Time is a deadline” and “Suspend is not exercise” in docs/design.md):
- A step that runs has an *origin*, the time it would have started had it never
  been paused; its deadline is `origin + duration` and `remaining = deadline - now`.
  Pausing freezes the elapsed part; resuming sets a new origin. Ticks never count.
- A late tick walks every boundary that passed, in order, with `at` = the true
  boundary time, and starts the next step at the previous deadline (chaining), so
  there is no drift. Countdown cues (`core/countdown.py`) are only reported for
  the step that is current after the tick: stale beeps from a stall are not replayed.
- Sleep: a jump of `wall() - now()` by more than 2 s, or, when the clock cannot
  show every sleep that way (see `clock.sleep_shows_in_wall`), a tick gap larger
  than `suspend_gap`. The seconds a hold was held up to the last tick before the
  sleep are reported (`RepPartial`), nothing after that tick is credited, and the
  session pauses (`PauseReason.SUSPEND`) at the start of that step: it stays
  paused on waking and the step starts again on resume.

Commands are no-ops returning False when illegal (`transitions.ALLOWED`). Each
command first catches up to `now`. Choices made here:
- What is reported about reps and exercises (done, partial, skipped, stopped;
  each exercise once) is decided in `core/outcomes.py`; the player emits it in
  boundary order, with the seconds a hold left part-way was held.
- `back` restarts the step; within `BACK_GRACE` s of its start, goes to the previous.
- `StepStarted` is emitted whenever the current step changes or restarts by a
  command, also while paused (the player stays paused at the new step).
- `resume_from` starts at the rep with that exercise, set, rep and side, preceded
  by the get-ready or rest just before it in the plan (time to get into
  position); earlier reps are not reported again. `done_before`: the step
  indexes of the reps the earlier run did (from history), so the exercise
  resumed is "done" only if it really was done in full.

Events are queued and delivered after the player's state is consistent, in order,
even when a listener calls a command; a failing listener is logged, not fatal.
"""

from __future__ import annotations

from collections.abc import Collection

from timer_app.core.clock import Clock, sleep_shows_in_wall
from timer_app.core.countdown import CountdownCues
from timer_app.core.events import (
    Event,
    EventQueue,
    Listener,
    PauseReason,
    SessionPaused,
    SessionResumed,
    SessionStarted,
    StepStarted,
)
from timer_app.core.outcomes import ExerciseOutcomes
from timer_app.core.plan import Plan, Step, StepKind
from timer_app.core.position import Position, resume_index
from timer_app.core.transitions import (
    ALLOWED,
    Command,
    PlayerState,
    check_transition,
    next_change,
    shown_seconds,
)

__all__ = ["BACK_GRACE", "WALL_JUMP", "PlayerState", "Position", "SessionPlayer"]

BACK_GRACE = 1.0  # `back` this soon after a step's start goes to the previous step
WALL_JUMP = 2.0  # a larger change of wall() - now() between ticks means a sleep


class SessionPlayer:
    def __init__(
        self,
        plan: Plan,
        clock: Clock,
        *,
        resume_from: Position | None = None,
        suspend_gap: float = 2.0,
        done_before: Collection[int] | None = None,
    ) -> None:
        if not plan.steps:
            raise ValueError("the plan has no steps to play")
        self.plan = plan
        self._clock = clock
        self._suspend_gap = suspend_gap
        self._gap_rule = not sleep_shows_in_wall(clock)
        self._state = PlayerState.READY
        self._events = EventQueue()
        self._index = resume_index(plan, resume_from) if resume_from else 0
        self._origin = 0.0  # when the current step began, pauses excluded
        self._frozen = 0.0  # elapsed part of the current step while not running
        self._cues = CountdownCues(self.current_step)
        self._active_done = 0.0  # active seconds before the current run
        self._run_since = 0.0  # start of the current run (start or resume)
        self._last_tick = 0.0
        self._last_offset = 0.0
        self._outcomes = ExerciseOutcomes(plan, self._index, done_before)

    # -- reading ---------------------------------------------------------------
    @property
    def state(self) -> PlayerState:
        return self._state

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def current_step(self) -> Step:
        return self.plan.steps[self._index]

    def remaining(self, now: float | None = None) -> float | None:
        """Seconds left in the current step; None on a counted rep."""
        duration = self.current_step.duration
        if duration is None:
            return None
        return max(0.0, duration - self._elapsed(self._now(now)))

    def seconds_left(self, now: float | None = None) -> int | None:
        remaining = self.remaining(now)
        return None if remaining is None else shown_seconds(remaining)

    def session_remaining(self, now: float | None = None) -> float:
        """Planned seconds still to go: what is left of this step, and the steps after."""
        if self._state is PlayerState.FINISHED:
            return 0.0
        return self.plan.remaining_after(self._index) + (self.remaining(now) or 0.0)

    def active_seconds(self, now: float | None = None) -> float:
        """Seconds the session has been running, pauses and sleeps excluded."""
        return self._active_at(self._now(now))

    def skipped_exercises(self) -> frozenset[int]:
        """The exercises this run left with nothing of them done (skipped whole)."""
        return self._outcomes.skipped()

    def position(self) -> Position:
        return Position.of(self.current_step)

    def next_wakeup(self, now: float | None = None) -> float | None:
        """Monotonic time of the next whole-second change, cue or step boundary."""
        step = self.current_step
        if self._state is not PlayerState.RUNNING or step.duration is None:
            return None
        now = self._now(now)
        wakeup = next_change(self._origin + step.duration, now)
        halfway = self._cues.halfway_time(step, self._origin)
        if halfway is not None and halfway > now:
            wakeup = min(wakeup, halfway)
        return wakeup

    # -- listeners -------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        self._events.add_listener(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._events.remove_listener(listener)

    # -- commands --------------------------------------------------------------
    def start(self) -> bool:
        now = self._guard(Command.START)
        if now is None:
            return False
        self._move_to(PlayerState.RUNNING)
        self._outcomes.exercise_started(0.0)
        self._run_from(now)
        self._emit(SessionStarted(now, self.current_step))
        self._emit(StepStarted(now, self.current_step, 0.0))
        return self._done()

    def pause(self) -> bool:
        now = self._guard(Command.PAUSE)
        if now is None:
            return False
        self._pause(now, PauseReason.USER, elapsed=now - self._origin)
        return self._done()

    def resume(self) -> bool:
        now = self._guard(Command.RESUME)
        if now is None:
            return False
        self._move_to(PlayerState.RUNNING)
        self._run_from(now)
        self._emit(SessionResumed(now, self.current_step))
        return self._done()

    def skip(self) -> bool:
        now = self._guard(Command.SKIP)
        if now is None:
            return False
        self._leave_step(now, completed=False)
        return self._done()

    def skip_exercise(self, *, stopped: bool = False) -> bool:
        """To the next exercise; `stopped`: "Stop – it hurts" was reported."""
        now = self._guard(Command.SKIP_EXERCISE)
        if now is None:
            return False
        step, active = self.current_step, self._active_at(now)
        self._emit(self._outcomes.step_left(now, step, self._elapsed(now)))
        exercise = step.exercise_index
        self._emit(self._outcomes.exercise_skipped(now, exercise, active, stopped=stopped))
        following = (
            s.index for s in self.plan.steps[self._index :] if s.exercise_index != exercise
        )
        self._go_to(next(following, None), now)
        return self._done()

    def back(self) -> bool:
        now = self._guard(Command.BACK)
        if now is None:
            return False
        at_start = self._elapsed(now) < BACK_GRACE
        # The hold replayed may be left again: what was held so far is kept.
        self._emit(self._outcomes.step_left(now, self.current_step, self._elapsed(now)))
        self._go_to(self._index - 1 if at_start and self._index > 0 else self._index, now)
        return self._done()

    def complete_rep(self) -> bool:
        now = self._guard(Command.COMPLETE_REP)
        if now is None:
            return False
        if self.current_step.kind is not StepKind.COUNTED_REP:
            self._done()  # deliver what catching up found
            return False
        self._leave_step(now, completed=True)
        return self._done()

    def end(self, *, stopped: bool = False) -> bool:
        """End early; `stopped`: "Stop – it hurts" was reported and the person
        chose to end where it stopped (counted in the end event's figures)."""
        now = self._guard(Command.END)
        if now is None:
            return False
        if stopped:
            self._outcomes.stop_reported()
        active, elapsed, step = self._active_at(now), self._elapsed(now), self.current_step
        self._move_to(PlayerState.ENDED_EARLY)
        self._active_done, self._frozen = active, elapsed
        self._emit(self._outcomes.step_left(now, step, elapsed))
        self._emit(self._outcomes.ended(now, step.exercise_index, active))
        self._emit(self._outcomes.ended_early(now, step, active))
        return self._done()

    def count_stop(self) -> bool:
        """ "Stop – it hurts" reported in a get-ready, and the person goes on to
        that exercise: nothing is skipped or ended, yet the stop counts in the end
        event's figures like any other (`skip_exercise` and `end` count theirs)."""
        if not self._state.is_live:
            return False
        self._outcomes.stop_reported()
        return True

    def tick(self, now: float | None = None) -> None:
        """Catch up to `now`: the only automatic transitions happen here."""
        if self._state in ALLOWED[Command.TICK]:
            self._catch_up(self._now(now))
        self._done()

    # -- the timeline ----------------------------------------------------------
    def _guard(self, command: Command) -> float | None:
        """Shared guard clause: None when `command` is illegal now (after catching up)."""
        if self._state not in ALLOWED[command]:
            return None
        now = self._clock.now()
        if self._state is PlayerState.RUNNING:
            self._catch_up(now)
        if self._state not in ALLOWED[command]:  # catching up finished or paused it
            self._done()
            return None
        return now

    def _catch_up(self, now: float) -> None:
        if self._slept(now):
            # The sleep began after the last tick. What was held up to that tick
            # was real exercise and is kept (a partial rep); nothing after it is
            # credited. The session stays paused: the person has likely left the
            # mat, and a hold broken by a sleep is not one hold, so the step
            # starts again when they resume (as `back` replays one).
            step, last = self.current_step, self._last_tick
            self._emit(self._outcomes.step_left(last, step, last - self._origin))
            self._pause(last, PauseReason.SUSPEND, elapsed=0.0)
            self._cues.reset(self.current_step)
            return
        while (duration := self.current_step.duration) is not None:
            deadline = self._origin + duration
            if now < deadline:
                break
            self._leave_step(deadline, completed=True)
            if self._state is not PlayerState.RUNNING:
                return
        for cue in self._cues.due(self.current_step, self._origin, now):
            self._emit(cue)
        self._last_tick, self._last_offset = now, self._offset()

    def _slept(self, now: float) -> bool:
        gap_too_long = self._gap_rule and now - self._last_tick > self._suspend_gap
        return gap_too_long or abs(self._offset() - self._last_offset) > WALL_JUMP

    def _leave_step(self, at: float, *, completed: bool) -> None:
        """The order of rule "events at a boundary": rep, exercise, then next step."""
        step = self.current_step
        if completed:
            self._emit(self._outcomes.step_completed(at, step))
        else:
            self._emit(self._outcomes.step_left(at, step, self._elapsed(at)))
        following = self.plan.next_step(step.index)
        if following is None or following.exercise_index != step.exercise_index:
            ended = self._outcomes.exercise_left(at, step.exercise_index, self._active_at(at))
            self._emit(ended)
        self._go_to(None if following is None else following.index, at)

    def _go_to(self, index: int | None, at: float) -> None:
        """Start step `index` at `at` (paused there if paused), or finish when None."""
        if index is None:
            active = self._active_at(at)
            self._move_to(PlayerState.FINISHED)
            self._active_done, self._frozen = active, self.current_step.duration or 0.0
            self._emit(self._outcomes.finished(at, active))
            return
        if self.plan.steps[index].exercise_index != self.current_step.exercise_index:
            self._outcomes.exercise_started(self._active_at(at))
        self._index, self._origin, self._frozen = index, at, 0.0
        self._cues.reset(self.current_step)
        self._emit(StepStarted(at, self.current_step, self._active_at(at)))

    def _pause(self, at: float, reason: PauseReason, *, elapsed: float) -> None:
        active = self._active_at(at)
        self._move_to(PlayerState.PAUSED)
        self._active_done, self._frozen = active, elapsed
        self._emit(SessionPaused(at, self.current_step, reason))

    def _run_from(self, now: float) -> None:
        self._origin, self._run_since = now - self._frozen, now
        self._last_tick, self._last_offset = now, self._offset()

    # -- small helpers ---------------------------------------------------------
    def _move_to(self, new: PlayerState) -> None:
        check_transition(self._state, new)
        self._state = new

    def _now(self, now: float | None) -> float:
        return self._clock.now() if now is None else now

    def _offset(self) -> float:
        return self._clock.wall() - self._clock.now()

    def _elapsed(self, now: float) -> float:
        return now - self._origin if self._state is PlayerState.RUNNING else self._frozen

    def _active_at(self, at: float) -> float:
        running = self._state is PlayerState.RUNNING
        return self._active_done + (at - self._run_since if running else 0.0)

    def _emit(self, event: Event | None) -> None:
        """Queue `event`; None: there is nothing to report (already reported)."""
        if event is not None:
            self._events.put(event)

    def _done(self) -> bool:
        self._events.deliver()
        return True
