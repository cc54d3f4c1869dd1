"""Every command at every kind of step, and in every state."""

from __future__ import annotations

import pytest

from timer_app.core import events as ev
from timer_app.core.plan import StepKind
from timer_app.core.player import PlayerState

from .player_support import (
    ALTERNATE,
    START,
    Session,
    activity,
    counted,
    hold,
    paced,
    routine,
    session,
)

# One routine with every kind of step.
EVERY_KIND = routine(
    hold(reps=1, hold=5, rest=2, sets=2, set_rest=4, sides=ALTERNATE),  # switch sides, set rest
    hold(reps=2, hold=6, rest=3),  # rest
    paced(reps=2, tempo=3, rest=1),
    counted(reps=2),
    activity(20),
    lead_in=3,
)
KINDS = list(StepKind)


def at_kind(kind: StepKind, *, into: float = 1.5, paused: bool = False) -> Session:
    """A running session `into` seconds into the first step of `kind`."""
    s = session(EVERY_KIND)
    while s.player.current_step.kind is not kind:
        assert s.player.skip()
    s.run(into, step=0.25) if s.player.current_step.is_timed else s.clock.advance(into)
    if paused:
        assert s.player.pause()
    s.log.take()
    return s


def test_the_routine_has_every_kind_of_step() -> None:
    s = session(EVERY_KIND)
    assert {step.kind for step in s.player.plan.steps} == set(StepKind)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("paused", [False, True])
def test_skip_starts_the_next_step_from_its_beginning_without_crediting_a_rep(
    kind: StepKind, paused: bool
) -> None:
    s = at_kind(kind, paused=paused)
    index = s.player.current_step.index
    assert s.player.skip()
    assert s.log.of(ev.RepCompleted) == []
    if index + 1 == len(s.player.plan.steps):  # the activity ends the routine
        # 1.5 s of the walk were done: partly done, not done, not skipped
        assert s.log.names() == ["ExercisePartial", "SessionFinished"]
        return
    assert s.player.current_step.index == index + 1
    assert s.player.remaining() == s.player.current_step.duration
    assert s.log.of(ev.StepStarted)[0].at == s.clock.now()
    assert s.player.state is (PlayerState.PAUSED if paused else PlayerState.RUNNING)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("paused", [False, True])
def test_back_in_the_middle_of_a_step_restarts_it(kind: StepKind, paused: bool) -> None:
    s = at_kind(kind, paused=paused)
    index = s.player.current_step.index
    assert s.player.back()
    assert s.player.current_step.index == index
    assert s.player.remaining() == s.player.current_step.duration
    assert [e.step.index for e in s.log.of(ev.StepStarted)] == [index]


@pytest.mark.parametrize("kind", KINDS)
def test_back_at_the_very_start_of_a_step_goes_to_the_previous_step(kind: StepKind) -> None:
    s = at_kind(kind, into=0.5)
    index = s.player.current_step.index
    assert s.player.back()
    assert s.player.current_step.index == max(0, index - 1)


def test_back_pressed_twice_restarts_then_goes_to_the_previous_step() -> None:
    s = at_kind(StepKind.REST, into=2)
    index = s.player.current_step.index
    s.player.back()
    s.run(0.5)
    s.player.back()
    assert s.player.current_step.index == index - 1
    assert s.player.current_step.kind is StepKind.HOLD


def test_back_at_the_first_step_restarts_it() -> None:
    s = session(EVERY_KIND)
    s.run(0.5)
    assert s.player.back()
    assert s.player.current_step.index == 0
    assert s.player.remaining() == 3


@pytest.mark.parametrize("kind", KINDS)
def test_skip_exercise_moves_to_the_next_exercise_and_reports_it_not_done(
    kind: StepKind,
) -> None:
    s = at_kind(kind)
    exercise = s.player.current_step.exercise_index
    something_done = kind in (StepKind.HOLD, StepKind.PACED_REP, StepKind.ACTIVITY)
    assert s.player.skip_exercise()
    # Reached by skipping every step before: nothing done, unless 1.5 s of a
    # hold, paced rep or activity were (then partial).
    reported = s.log.of(ev.ExercisePartial) if something_done else s.log.of(ev.ExerciseSkipped)
    assert [e.exercise_index for e in reported] == [exercise]
    assert s.log.of(ev.ExerciseCompleted) == []
    if exercise + 1 < len(EVERY_KIND.exercises):
        assert s.player.current_step.index == s.player.plan.first_step_of(exercise + 1)
    else:
        assert s.player.state is PlayerState.FINISHED


@pytest.mark.parametrize("kind", KINDS)
def test_complete_rep_only_works_on_a_counted_rep(kind: StepKind) -> None:
    s = at_kind(kind)
    index = s.player.current_step.index
    done = s.player.complete_rep()
    assert done is (kind is StepKind.COUNTED_REP)
    if done:
        (rep,) = s.log.of(ev.RepCompleted)
        assert rep.step.index == index and rep.held_seconds == 0
        assert s.player.current_step.index == index + 1
    else:
        assert s.log.events == [] and s.player.current_step.index == index


def test_complete_rep_while_paused_does_nothing() -> None:
    s = at_kind(StepKind.COUNTED_REP, paused=True)
    assert not s.player.complete_rep()
    assert s.log.events == []


@pytest.mark.parametrize("kind", KINDS)
def test_pause_keeps_the_remaining_time_and_resume_carries_on_from_it(kind: StepKind) -> None:
    s = at_kind(kind)
    before = s.player.remaining()
    assert s.player.pause()
    s.clock.advance(600)
    assert s.player.remaining() == before
    assert s.player.resume()
    assert s.player.remaining() == before
    assert s.log.names() == ["SessionPaused", "SessionResumed"]
    assert s.log.events[0].reason is ev.PauseReason.USER  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("paused", [False, True])
def test_end_stops_the_session_early_at_any_step(kind: StepKind, paused: bool) -> None:
    s = at_kind(kind, paused=paused)
    active = s.player.active_seconds()
    assert s.player.end()
    (ended,) = s.log.of(ev.SessionEndedEarly)
    assert ended.step.kind is kind
    assert ended.active_seconds == active
    assert s.player.state is PlayerState.ENDED_EARLY
    assert s.log.names()[-1] == "SessionEndedEarly"
    s.log.take()
    s.run(100)
    assert s.log.names() == []


def test_skipping_every_step_of_an_exercise_reports_it_skipped_not_completed() -> None:
    s = session(routine(hold(reps=1), hold(reps=1), lead_in=2))
    s.player.skip()
    s.log.take()
    s.player.skip()
    assert s.log.names() == ["ExerciseSkipped", "StepStarted"]
    s.player.skip()
    s.player.skip()
    assert s.log.names()[-2:] == ["ExerciseSkipped", "SessionFinished"]
    assert s.log.of(ev.SessionFinished)[0].exercises_done == 0


def test_skipping_an_exercise_last_step_after_one_of_two_reps_leaves_it_partial() -> None:
    s = session(routine(hold(reps=2), lead_in=2))
    s.run(2 + 5 + 0.25, step=0.25)  # the get-ready and the first hold, held in full
    s.log.take()
    while s.player.state is not PlayerState.FINISHED:
        s.player.skip()
    assert s.log.names()[-2:] == ["ExercisePartial", "SessionFinished"]
    [partial] = s.log.of(ev.ExercisePartial)
    assert (partial.reps_done, partial.reps_planned) == (1, 2)
    figures = s.log.of(ev.SessionFinished)[0].figures
    assert (figures.exercises_done, figures.exercises_partial) == (0, 1)
    assert (figures.reps_done, figures.reps_planned) == (1, 2)
    assert not figures.all_done and not figures.nothing_done


def test_skipping_the_last_step_while_paused_finishes_the_session() -> None:
    s = session(routine(hold(reps=1), lead_in=0))
    s.player.pause()
    assert s.player.skip()
    assert s.player.state is PlayerState.FINISHED


def test_a_rep_replayed_with_back_is_reported_only_once() -> None:
    s = session(routine(hold(reps=2, hold=5, rest=2), lead_in=0))
    s.run(5.5)  # the first rep is done; 0.5 s into the rest
    s.player.back()  # rest restarted -> 0 s in; again -> back to the hold
    s.player.back()
    assert s.player.current_step.kind is StepKind.HOLD
    s.run(30)
    assert [r.rep_number for r in s.log.of(ev.RepCompleted)] == [1, 2]
    assert len(s.log.of(ev.ExerciseCompleted)) == 1


def test_an_exercise_is_reported_once_even_when_revisited_and_skipped() -> None:
    s = session(routine(hold(reps=1, hold=3), hold(reps=1, hold=3), lead_in=1))
    s.run(4.25)  # exercise 0 done; just into exercise 1's lead-in
    s.player.back()
    assert s.player.current_step.exercise_index == 0
    s.player.skip_exercise()
    assert s.log.of(ev.ExerciseSkipped) == []
    assert [e.exercise_index for e in s.log.of(ev.ExerciseCompleted)] == [0]


@pytest.mark.parametrize(
    "command", ["pause", "resume", "skip", "skip_exercise", "back", "complete_rep", "end"]
)
def test_before_start_only_start_does_anything(command: str) -> None:
    s = session(EVERY_KIND, start=False)
    assert getattr(s.player, command)() is False
    assert s.player.state is PlayerState.READY
    assert s.log.events == []


@pytest.mark.parametrize("how", ["finish", "end"])
@pytest.mark.parametrize(
    "command", ["start", "pause", "resume", "skip", "skip_exercise", "back", "complete_rep", "end"]
)
def test_after_the_session_is_over_every_command_is_refused(how: str, command: str) -> None:
    s = session(routine(hold(reps=1, hold=2), lead_in=0))
    if how == "finish":
        s.run(3)
    else:
        s.player.end()
    state = s.player.state
    s.log.take()
    assert getattr(s.player, command)() is False
    assert s.player.state is state and s.log.events == []


def test_start_twice_and_resume_while_running_are_refused() -> None:
    s = session(routine(hold()))
    assert not s.player.start()
    assert not s.player.resume()
    s.player.pause()
    assert not s.player.pause()


def test_a_command_after_a_late_tick_first_catches_up() -> None:
    s = session(routine(hold(reps=2, hold=5, rest=2), lead_in=0))
    s.clock.advance(5.5)  # the hold ended 0.5 s ago; no tick since
    s.player.pause()
    assert s.log.names()[-3:] == ["RepCompleted", "StepStarted", "SessionPaused"]
    assert s.player.current_step.kind is StepKind.REST
    assert s.player.remaining() == 1.5
    assert s.clock.now() - START == 5.5


def test_a_session_is_live_from_start_until_it_is_over() -> None:
    s = session(EVERY_KIND, start=False)
    assert not s.player.state.is_live  # ready: nothing to lose yet
    assert s.player.start() and s.player.state.is_live
    assert s.player.pause() and s.player.state.is_live  # paused still counts
    assert s.player.end() and not s.player.state.is_live
    assert s.player.state.is_over
