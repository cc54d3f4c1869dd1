"""Time: pauses, stalls of the event loop, laptop sleep, and resuming a session."""

from __future__ import annotations

import random

import pytest

from timer_app.core import events as ev
from timer_app.core.clock import FakeClock
from timer_app.core.plan import StepKind
from timer_app.core.player import PlayerState

from .player_support import START, counted, hold, routine, session

ONE_SECOND_REPS = routine(hold(reps=20, hold=1, rest=1), lead_in=1)


def test_paused_time_counts_neither_in_the_hold_nor_in_the_active_seconds() -> None:
    s = session(routine(hold(reps=1, hold=10), lead_in=2))
    s.run(5)  # 3 s into the hold
    s.player.pause()
    s.clock.advance(100)
    s.player.tick()  # ticks while paused change nothing
    assert s.player.remaining() == 7
    s.player.resume()
    s.run(7)
    (rep,) = s.log.of(ev.RepCompleted)
    assert rep.held_seconds == 10
    assert rep.at - START == 112
    assert s.log.of(ev.ExerciseCompleted)[0].active_seconds == 12
    assert s.log.of(ev.SessionFinished)[0].active_seconds == 12


def test_after_a_pause_the_countdown_carries_on_without_repeating_a_number() -> None:
    s = session(routine(hold(reps=1, hold=5), lead_in=0))
    s.run(2.5)
    s.player.pause()
    s.clock.advance(50)
    s.player.resume()
    s.run(2.5)
    seconds = s.log.of(ev.SecondElapsed)
    assert [e.seconds_left for e in seconds] == [4, 3, 2, 1]
    assert [e.at - START for e in seconds] == [1, 2, 53, 54]


def test_a_10_second_stall_reports_every_elapsed_rep_once_in_order() -> None:
    s = session(ONE_SECOND_REPS)
    s.run(3)  # lead-in 0-1, rep 1 1-2, rest 2-3: rep 2 starts (rep k ends at 2k)
    s.log.take()
    s.at(13.5)
    reps = s.log.of(ev.RepCompleted)
    assert [r.rep_number for r in reps] == [2, 3, 4, 5, 6]
    # Each at the time it really ended, not when the late tick noticed.
    assert [r.at - START for r in reps] == [4, 6, 8, 10, 12]
    assert s.player.current_step.kind is StepKind.HOLD
    assert s.player.current_step.rep_number == 7
    assert s.player.remaining() == pytest.approx(0.5)
    assert s.player.state is PlayerState.RUNNING
    # Stale countdown cues of the steps passed in the stall are not replayed.
    assert s.log.of(ev.SecondElapsed) == []
    s.run(100)
    assert [r.rep_number for r in s.log.of(ev.RepCompleted)] == list(range(2, 21))


def test_a_stall_is_caught_up_on_any_clock_when_shorter_than_the_suspend_gap() -> None:
    s = session(ONE_SECOND_REPS, clock=FakeClock(START), suspend_gap=30)
    s.at(10.5)
    assert [r.rep_number for r in s.log.of(ev.RepCompleted)] == [1, 2, 3, 4, 5]
    short = session(ONE_SECOND_REPS, clock=FakeClock(START))  # default 2 s gap
    short.at(1.9)
    assert short.player.state is PlayerState.RUNNING
    assert [(e.step.kind, e.at - START) for e in short.log.of(ev.StepStarted)][1:] == [
        (StepKind.HOLD, 1)
    ]


def test_after_a_stall_inside_a_hold_only_the_number_now_showing_is_reported() -> None:
    s = session(routine(hold(reps=1, hold=30), lead_in=0))
    s.run(2)
    s.log.take()
    s.at(20.5)  # past halfway, showing 10
    assert [(type(e).__name__, e.at - START) for e in s.log.events] == [
        ("HalfwayThrough", 15),
        ("SecondElapsed", 20),
    ]
    assert s.log.of(ev.SecondElapsed)[0].seconds_left == 10


def test_late_jittery_ticks_over_30_minutes_never_drift() -> None:
    thirty_minutes = routine(
        hold(reps=10, hold=10, rest=5, sets=4, set_rest=30),
        hold(reps=10, hold=12.5, rest=7.5, sets=3),
        hold(reps=12, hold=20, rest=10, sets=2),
        lead_in=5,
    )
    s = session(thirty_minutes)
    plan = s.player.plan
    assert 1800 <= plan.total_seconds < 2100
    jitter = random.Random(3)
    while s.player.state is PlayerState.RUNNING:
        s.clock.advance(jitter.uniform(0.05, 1.9))
        s.player.tick()
    ideal = [START + plan.offset_of(i) for i in range(len(plan.steps))]
    assert [e.at for e in s.log.of(ev.StepStarted)] == pytest.approx(ideal, abs=1e-9)
    finished = s.log.of(ev.SessionFinished)[0]
    assert finished.at == pytest.approx(START + plan.total_seconds, abs=1e-9)
    assert finished.active_seconds == pytest.approx(plan.total_seconds, abs=1e-9)


@pytest.mark.parametrize(
    ("monotonic_stops", "clock"),
    [
        (True, FakeClock(START, sleep_shows_in_wall=True)),  # Linux: boottime runs on
        (True, FakeClock(START)),  # a clock whose wall() also jumps
        (False, FakeClock(START)),  # monotonic runs on: seen by the gap between ticks
    ],
    ids=["linux", "monotonic-stops", "monotonic-runs"],
)
def test_a_sleep_keeps_the_seconds_held_and_pauses_at_the_start_of_the_hold(
    monotonic_stops: bool, clock: FakeClock
) -> None:
    s = session(routine(hold(reps=2, hold=10, rest=5), lead_in=2), clock=clock)
    s.run(9)  # 7 s into the first hold
    last_tick = s.clock.now()
    s.log.take()
    s.clock.suspend(3600, monotonic_stops=monotonic_stops)
    s.clock.advance(0.25)
    s.player.tick()
    held, paused = s.log.events
    # The 7 s held before the sleep are kept; nothing after the last tick.
    assert isinstance(held, ev.RepPartial)
    assert (held.rep_number, held.held_seconds, held.at) == (1, 7, last_tick)
    assert isinstance(paused, ev.SessionPaused)
    assert paused.reason is ev.PauseReason.SUSPEND
    assert paused.at == last_tick
    assert s.player.state is PlayerState.PAUSED
    assert s.player.current_step.kind is StepKind.HOLD
    assert s.player.remaining() == 10
    assert s.player.active_seconds() == 9
    s.player.resume()
    s.run(9.75)
    assert s.log.of(ev.RepCompleted) == []  # the hold is done again in full first
    s.run(0.25)
    (rep,) = s.log.of(ev.RepCompleted)
    assert rep.rep_number == 1 and rep.held_seconds == 10


def test_ending_after_a_sleep_records_the_hold_as_partial_with_the_seconds_held() -> None:
    s = session(routine(hold(reps=2, hold=30, rest=5), lead_in=2), clock=FakeClock(START))
    s.run(14)  # 12 s into the first hold
    s.clock.suspend(1800, monotonic_stops=True)
    s.clock.advance(0.5)
    s.player.tick()
    s.clock.advance(20)  # back at the desk, still paused: the hold did not run on
    assert s.player.state is PlayerState.PAUSED
    assert s.player.end()
    (rep,) = s.log.of(ev.RepPartial)
    assert rep.held_seconds == 12
    assert s.log.of(ev.ExercisePartial)[0].exercise_index == 0
    assert s.log.of(ev.SessionEndedEarly)[0].active_seconds == 14


def test_a_hold_replayed_after_a_sleep_and_left_sooner_keeps_the_longer_hold() -> None:
    s = session(routine(hold(reps=1, hold=30), lead_in=0), clock=FakeClock(START))
    s.run(9)
    s.clock.suspend(600, monotonic_stops=True)
    s.player.tick()
    s.player.resume()
    s.run(4)
    s.player.skip()
    assert [r.held_seconds for r in s.log.of(ev.RepPartial)] == [9, 9]


def test_a_sleep_is_noticed_by_a_command_pressed_on_waking() -> None:
    s = session(routine(hold(reps=2, hold=10, rest=5), lead_in=2), clock=FakeClock(START))
    s.run(5)
    s.clock.suspend(600, monotonic_stops=False)
    assert not s.player.pause()  # already paused by the sleep
    assert s.log.of(ev.SessionPaused)[-1].reason is ev.PauseReason.SUSPEND
    assert s.player.remaining() == 10


def test_a_sleep_on_a_counted_rep_restarts_it() -> None:
    s = session(routine(counted(reps=2), lead_in=1), clock=FakeClock(START))
    s.run(4)
    s.clock.suspend(900, monotonic_stops=True)
    s.player.tick()
    assert s.player.state is PlayerState.PAUSED
    assert s.player.current_step.kind is StepKind.COUNTED_REP
    assert s.player.active_seconds() == 4


def test_a_sleep_while_paused_changes_nothing_on_resume() -> None:
    s = session(routine(hold(reps=1, hold=10), lead_in=0), clock=FakeClock(START))
    s.run(4)
    s.player.pause()
    s.clock.suspend(3600, monotonic_stops=True)
    s.clock.advance(30)
    s.player.resume()
    s.run(1)
    assert s.player.state is PlayerState.RUNNING
    assert s.player.remaining() == 5
    assert [e.reason for e in s.log.of(ev.SessionPaused)] == [ev.PauseReason.USER]


def test_a_clock_that_shows_every_sleep_never_mistakes_a_long_stall_for_one() -> None:
    s = session(ONE_SECOND_REPS, clock=FakeClock(START, sleep_shows_in_wall=True))
    s.at(30.5)
    assert s.player.state is PlayerState.RUNNING
    assert len(s.log.of(ev.RepCompleted)) == 15


def test_without_such_a_clock_a_gap_longer_than_the_suspend_gap_is_a_sleep() -> None:
    s = session(ONE_SECOND_REPS, clock=FakeClock(START))
    s.at(10.5)
    assert s.player.state is PlayerState.PAUSED
    assert s.log.of(ev.RepCompleted) == []


def test_a_session_ended_early_resumes_at_the_interrupted_rep_and_reports_each_rep_once() -> None:
    r = routine(hold(reps=3, hold=10, rest=5), hold(reps=2, hold=5, rest=2), lead_in=3)
    first = session(r)
    first.run(20)  # lead-in 3, rep 1 ends at 13, rest to 18, 2 s into rep 2
    first.player.end()
    position = first.player.position()
    assert (position.exercise_index, position.rep_number) == (0, 2)

    second = session(r, resume_from=position)
    assert second.player.current_step.kind is StepKind.REST  # time to get in position
    second.run(200)
    done = [
        (e.exercise_index, e.rep_number)
        for log in (first.log, second.log)
        for e in log.of(ev.RepCompleted)
    ]
    assert done == [(0, 1), (0, 2), (0, 3), (1, 1), (1, 2)]
    finished = second.log.of(ev.SessionFinished)[0]
    assert finished.active_seconds == second.player.plan.remaining_after(
        second.log.of(ev.StepStarted)[0].step.index - 1
    )
