"""The player plays the plan's timeline exactly: boundaries, cues, reports, queries."""

from __future__ import annotations

import pytest

from timer_app.core import events as ev
from timer_app.core.clock import FakeClock
from timer_app.core.plan import StepKind, build_plan
from timer_app.core.player import PlayerState, Position, SessionPlayer
from timer_app.core.routine import Side, Sides

from .player_support import ALTERNATE, START, activity, counted, hold, paced, routine, session


def test_steps_start_at_their_planned_offsets_and_the_session_ends_at_the_total() -> None:
    s = session(routine(hold(reps=2, hold=5, rest=2, sides=ALTERNATE), paced(), lead_in=3))
    s.run(200)
    plan = s.player.plan
    starts = s.log.of(ev.StepStarted)
    assert [e.step.index for e in starts] == list(range(len(plan.steps)))
    assert [e.at - START for e in starts] == [plan.offset_of(i) for i in range(len(plan.steps))]
    (finished,) = s.log.of(ev.SessionFinished)
    assert finished.at - START == plan.total_seconds == 3 + 5 + 2 + 5 + 2 + 5 + 2 + 5 + 3 + 3 + 3
    assert finished.active_seconds == plan.total_seconds
    assert s.player.state is PlayerState.FINISHED


def test_a_session_starts_with_session_started_then_the_first_step() -> None:
    s = session(routine(hold()))
    assert s.log.names() == ["SessionStarted", "StepStarted"]
    assert s.log.events[1].step.kind is StepKind.GET_READY  # type: ignore[union-attr]


def test_at_a_boundary_the_rep_then_the_exercise_then_the_next_step_are_reported() -> None:
    s = session(routine(hold(reps=1, hold=5), hold(reps=1, hold=4), lead_in=2))
    s.at(6.99)
    s.log.take()
    s.at(7)
    assert s.log.names() == ["RepCompleted", "ExerciseCompleted", "StepStarted"]
    assert [e.at - START for e in s.log.events] == [7, 7, 7]
    assert s.log.of(ev.StepStarted)[0].step.exercise_index == 1
    s.run(10)
    assert s.log.names()[-3:] == ["RepCompleted", "ExerciseCompleted", "SessionFinished"]


def test_each_whole_second_of_a_countdown_is_reported_once_when_the_number_changes() -> None:
    s = session(routine(hold(reps=1, hold=5), lead_in=0))
    s.run(5, step=0.1)
    seconds = s.log.of(ev.SecondElapsed)
    assert [e.seconds_left for e in seconds] == [4, 3, 2, 1]
    assert [e.at - START for e in seconds] == [1, 2, 3, 4]
    assert [e.is_final_three for e in seconds] == [False, True, True, True]


def test_a_fractional_countdown_shows_its_seconds_rounded_up() -> None:
    s = session(routine(hold(reps=1, hold=2.5), lead_in=0))
    assert s.player.seconds_left() == 3
    s.run(2.5, step=0.25)
    assert [(e.seconds_left, e.at - START) for e in s.log.of(ev.SecondElapsed)] == [
        (2, 0.5),
        (1, 1.5),
    ]


def test_zero_shows_exactly_at_the_deadline_and_not_before() -> None:
    s = session(routine(hold(reps=1, hold=5), hold(reps=1, hold=9), lead_in=0))
    assert s.player.seconds_left(START + 4.999) == 1
    assert s.player.remaining(START + 5) == 0
    assert s.player.seconds_left(START + 5) == 0


@pytest.mark.parametrize(("seconds", "expected"), [(20, [10.0]), (30, [15.0]), (19, [])])
def test_halfway_is_reported_only_for_holds_of_20_seconds_or_more(
    seconds: float, expected: list[float]
) -> None:
    s = session(routine(hold(reps=1, hold=seconds), lead_in=0))
    s.run(seconds, step=0.5)
    assert [e.at - START for e in s.log.of(ev.HalfwayThrough)] == expected


def test_long_paced_reps_and_activities_have_no_halfway_cue() -> None:
    s = session(routine(paced(reps=1, tempo=30), activity(40), lead_in=0))
    s.run(70)
    assert s.log.of(ev.HalfwayThrough) == []
    assert len(s.log.of(ev.SessionFinished)) == 1


def test_reps_report_exercise_set_rep_side_and_the_hold_done() -> None:
    s = session(routine(hold(reps=2, hold=3, rest=1, sets=2, set_rest=5, sides=Sides.EACH)))
    s.run(100)
    reps = s.log.of(ev.RepCompleted)
    assert [(r.set_number, r.rep_number, r.side) for r in reps] == [
        (1, 1, Side.LEFT),
        (1, 2, Side.LEFT),
        (1, 1, Side.RIGHT),
        (1, 2, Side.RIGHT),
        (2, 1, Side.LEFT),
        (2, 2, Side.LEFT),
        (2, 1, Side.RIGHT),
        (2, 2, Side.RIGHT),
    ]
    assert {r.held_seconds for r in reps} == {3}
    assert {r.exercise_index for r in reps} == {0}


def test_a_counted_rep_waits_for_the_person_and_reports_no_hold() -> None:
    s = session(routine(counted(reps=2), lead_in=2))
    s.run(120)
    assert s.player.current_step.kind is StepKind.COUNTED_REP
    assert s.player.remaining() is None and s.player.seconds_left() is None
    assert s.player.next_wakeup() is None
    assert s.log.of(ev.RepCompleted) == []
    assert s.player.complete_rep()
    (rep,) = s.log.of(ev.RepCompleted)
    assert (rep.rep_number, rep.held_seconds, rep.at - START) == (1, 0.0, 120)
    s.run(30)
    assert s.player.complete_rep()
    assert len(s.log.of(ev.SessionFinished)) == 1
    # Waiting on a counted rep is exercise: it counts as active time.
    assert s.log.of(ev.SessionFinished)[0].active_seconds == 150


def test_a_timed_activity_is_a_lead_in_and_one_step_without_reps() -> None:
    s = session(routine(activity(10), lead_in=3))
    s.run(13)
    assert [e.step.kind for e in s.log.of(ev.StepStarted)] == [
        StepKind.GET_READY,
        StepKind.ACTIVITY,
    ]
    assert s.log.of(ev.RepCompleted) == []
    assert [e.exercise_index for e in s.log.of(ev.ExerciseCompleted)] == [0]
    assert s.log.of(ev.SessionFinished)[0].at - START == 13


def test_each_exercise_reports_its_own_active_seconds() -> None:
    s = session(routine(hold(reps=2, hold=5, rest=2), hold(reps=1, hold=4), lead_in=3))
    s.run(100)
    assert [e.active_seconds for e in s.log.of(ev.ExerciseCompleted)] == [15, 7]


def test_queries_follow_the_clock_between_ticks() -> None:
    s = session(routine(hold(reps=2, hold=5, rest=2), lead_in=3))
    total = s.player.plan.total_seconds
    assert s.player.session_remaining() == total
    s.at(4.5)  # 1.5 s into the first hold
    assert s.player.remaining() == 3.5
    assert s.player.seconds_left() == 4
    assert s.player.session_remaining() == total - 4.5
    assert s.player.active_seconds() == 4.5
    assert s.player.position() == Position(1, 0, 1, 1, None)


def test_next_wakeup_is_the_next_change_of_the_displayed_number() -> None:
    s = session(routine(hold(reps=1, hold=25), lead_in=2))
    assert s.player.next_wakeup() == START + 1
    s.at(0.3)
    assert s.player.next_wakeup() == START + 1
    s.at(1.0)
    assert s.player.next_wakeup() == START + 2  # the step boundary
    s.at(14.2)  # the hold's halfway is 14.5, between two whole seconds
    assert s.player.next_wakeup() == START + 14.5
    s.at(14.5)
    assert s.player.next_wakeup() == START + 15
    s.player.pause()
    assert s.player.next_wakeup() is None


def test_a_player_resumed_from_a_position_starts_at_that_rep_after_its_rest() -> None:
    r = routine(hold(reps=1), hold(reps=3, hold=5, rest=2, sides=ALTERNATE), lead_in=3)
    plan = build_plan(r)
    target = next(
        s
        for s in plan.steps
        if s.kind is StepKind.HOLD and s.exercise_index == 1 and s.rep_number == 2
        if s.side is Side.RIGHT
    )
    s = session(r, resume_from=Position(target.index, 1, 1, 2, Side.RIGHT))
    first = s.log.of(ev.StepStarted)[0].step
    assert first.index == target.index - 1 and first.kind is StepKind.SWITCH_SIDES
    s.run(100)
    reps = s.log.of(ev.RepCompleted)
    assert [(r.rep_number, r.side) for r in reps] == [
        (2, Side.RIGHT),
        (3, Side.LEFT),
        (3, Side.RIGHT),
    ]
    assert [e.exercise_index for e in s.log.of(ev.ExerciseCompleted)] == [1]


def test_resuming_at_an_exercise_first_rep_plays_its_get_ready_lead_in() -> None:
    r = routine(hold(reps=1), counted(reps=2), lead_in=3)
    s = session(r, resume_from=Position(2, 1, 1, 1, None))
    assert s.player.current_step.kind is StepKind.GET_READY
    assert s.player.current_step.exercise_index == 1


def test_resuming_at_a_rep_the_routine_no_longer_has_restarts_that_exercise() -> None:
    r = routine(hold(reps=1), hold(reps=2), lead_in=3)
    s = session(r, resume_from=Position(40, 1, 3, 9, Side.LEFT))
    assert s.player.current_step.index == s.player.plan.first_step_of(1)
    gone = session(r, resume_from=Position(40, 7, 1, 1, None))
    assert gone.player.current_step.index == 0


def test_a_failing_listener_does_not_stop_the_others_or_the_session() -> None:
    clock = FakeClock(START, sleep_shows_in_wall=True)
    player = SessionPlayer(build_plan(routine(hold(reps=1, hold=2), lead_in=1)), clock)
    seen: list[ev.Event] = []

    def broken(event: ev.Event) -> None:
        raise RuntimeError("widget bug")

    player.add_listener(broken)
    player.add_listener(seen.append)
    player.start()
    clock.advance(3)
    player.tick()
    assert player.state is PlayerState.FINISHED
    assert isinstance(seen[-1], ev.SessionFinished)


def test_a_command_from_a_listener_keeps_every_listener_seeing_events_in_order() -> None:
    s = session(routine(hold(reps=2, hold=2, rest=1), lead_in=1), start=False)

    def pause_after_each_rep(event: ev.Event) -> None:
        if isinstance(event, ev.RepCompleted):
            s.player.pause()

    s.player.add_listener(pause_after_each_rep)
    s.player.start()
    s.at(3)
    assert s.log.names()[-3:] == ["RepCompleted", "StepStarted", "SessionPaused"]
    assert s.player.state is PlayerState.PAUSED


def test_a_removed_listener_hears_nothing_more() -> None:
    s = session(routine(hold()))
    s.player.remove_listener(s.log)
    s.log.take()
    s.run(30)
    assert s.log.events == []


def test_a_routine_without_steps_cannot_be_played() -> None:
    with pytest.raises(ValueError, match="no steps"):
        SessionPlayer(build_plan(routine()), FakeClock())
