"""An exercise is done only when every planned rep was; partly done it is partial;
skipped step by step it was not done; and a session that reached its end with
nothing done is not a completed session (no streak, no adherence)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.history_fakes import FakeWriter
from tests.core.test_history_recorder import START_WALL, play, run, two_exercises
from timer_app.core import events as ev
from timer_app.core.clock import FakeClock
from timer_app.core.history import Outcome, SessionStatus, StopReason
from timer_app.core.plan import build_plan
from timer_app.core.player import PlayerState, SessionPlayer
from timer_app.core.position import Position
from timer_app.core.recorder import SessionRecorder
from timer_app.core.routine import Dosing, Exercise, Routine, Side
from timer_app.core.session_figures import SessionFigures
from timer_app.core.stats import streak


def skip_to_the_end(player: SessionPlayer) -> None:
    while player.state is not PlayerState.FINISHED:
        assert player.skip()


def test_skipping_every_step_records_skipped_exercises_and_an_early_end() -> None:
    plan = build_plan(two_exercises())
    store = FakeWriter()
    player, _clock, _recorder = play(plan, store)
    heard: list[object] = []
    player.add_listener(heard.append)
    player.start()
    skip_to_the_end(player)
    exercises = [args[1:3] for name, args in store.calls if name == "record_exercise"]
    assert exercises == [(0, Outcome.SKIPPED), (1, Outcome.SKIPPED)]
    assert {r.outcome for r in store.reps.values()} == {Outcome.SKIPPED}
    assert store.calls[-1][0] == "finish_session"
    assert store.calls[-1][1][1] is SessionStatus.ENDED_EARLY
    assert not any(isinstance(e, ev.ExerciseCompleted) for e in heard)
    [finished] = [e for e in heard if isinstance(e, ev.SessionFinished)]
    assert (finished.exercises_done, finished.stopped) == (0, False)


def test_one_rep_of_four_done_makes_the_exercise_partial_not_done() -> None:
    plan = build_plan(two_exercises())
    store = FakeWriter()
    player, clock, _recorder = play(plan, store)
    heard: list[object] = []
    player.add_listener(heard.append)
    player.start()
    run(player, clock, 3 + 5 + 0.5)  # get ready, first hold held in full
    skip_to_the_end(player)
    exercises = [args[1:3] for name, args in store.calls if name == "record_exercise"]
    assert exercises == [(0, Outcome.PARTIAL), (1, Outcome.SKIPPED)]
    # Something was done, not all of it: never "completed" (nor "ended early").
    assert store.calls[-1][1][1] is SessionStatus.PARTLY_DONE
    [finished] = [e for e in heard if isinstance(e, ev.SessionFinished)]
    f = finished.figures
    assert (f.exercises_done, f.exercises_partial, f.exercises_skipped) == (0, 1, 1)
    assert (f.reps_done, f.reps_planned, f.stops) == (1, 4, 0)
    assert not f.all_done


def test_every_rep_done_makes_the_exercise_done() -> None:
    plan = build_plan(two_exercises())
    store = FakeWriter()
    player, clock, _recorder = play(plan, store)
    heard: list[object] = []
    player.add_listener(heard.append)
    player.start()
    run(player, clock, plan.total_seconds + 1)
    exercises = [args[1:3] for name, args in store.calls if name == "record_exercise"]
    assert exercises == [(0, Outcome.DONE), (1, Outcome.DONE)]
    [finished] = [e for e in heard if isinstance(e, ev.SessionFinished)]
    assert finished.figures.all_done and finished.figures.reps_done == 4


def test_a_hold_left_part_way_keeps_the_seconds_held_pauses_excluded() -> None:
    routine = Routine(
        id="back",
        title="Back",
        exercises=(Exercise("Bridge", Dosing.HOLD, reps=2, hold=30, rest=5),),
        lead_in=3,
    )
    plan = build_plan(routine)
    store = FakeWriter()
    player, clock, _recorder = play(plan, store)
    player.start()
    run(player, clock, 3 + 10)  # 10 s into the first 30 s hold
    player.pause()
    clock.advance(300)  # a long pause is not held
    player.tick()
    player.resume()
    run(player, clock, 14)  # 24 s held in all
    player.skip()
    [rep] = store.reps.values()
    assert (rep.outcome, rep.planned_seconds) == (Outcome.PARTIAL, 30.0)
    assert rep.held_seconds == pytest.approx(24.0)


@pytest.mark.parametrize("how", ["end", "stop", "back"])
def test_a_hold_left_by_end_stop_or_back_keeps_its_seconds(how: str) -> None:
    plan = build_plan(two_exercises())
    store = FakeWriter()
    player, clock, recorder = play(plan, store)
    player.start()
    run(player, clock, 3 + 3)  # 3 s into the first 5 s hold
    if how == "end":
        player.end()
    elif how == "stop":
        player.pause()
        recorder.report_stop(StopReason.SHARP_PAIN)
        player.skip_exercise(stopped=True)
    else:
        player.back()  # restarts the hold: what was held is kept until it is done
    rep = next(r for r in store.reps.values() if (r.rep_number, r.side) == (1, Side.LEFT))
    assert (rep.outcome, rep.held_seconds) == (Outcome.PARTIAL, pytest.approx(3.0))
    if how != "back":
        exercises = [args[1:3] for name, args in store.calls if name == "record_exercise"]
        assert exercises == [(0, Outcome.PARTIAL)]


def test_an_activity_that_runs_out_is_done_one_skipped_is_not() -> None:
    plan = build_plan(two_exercises())
    store = FakeWriter()
    player, clock, _recorder = play(plan, store)
    heard: list[object] = []
    player.add_listener(heard.append)
    player.start()
    assert player.skip_exercise()  # the bridge
    run(player, clock, 3 + 10 + 0.5)  # the walk's lead-in and its 10 s
    exercises = [args[1:3] for name, args in store.calls if name == "record_exercise"]
    assert exercises == [(0, Outcome.SKIPPED), (1, Outcome.DONE)]
    [finished] = [e for e in heard if isinstance(e, ev.SessionFinished)]
    assert finished.exercises_done == 1


def test_a_stop_reported_reaches_the_closing_event() -> None:
    plan = build_plan(two_exercises())
    player, clock, _recorder = play(plan, FakeWriter())
    heard: list[object] = []
    player.add_listener(heard.append)
    player.start()
    player.pause()
    assert player.skip_exercise(stopped=True)
    player.resume()
    run(player, clock, 20)
    [finished] = [e for e in heard if isinstance(e, ev.SessionFinished)]
    assert (finished.exercises_done, finished.stopped) == (1, True)


def test_a_stop_then_ending_where_it_stopped_reaches_the_end_event() -> None:
    # "Stop – it hurts", then "End today's session": the stop is counted as
    # surely as one followed by the next exercise.
    plan = build_plan(two_exercises())
    player, clock, _recorder = play(plan, FakeWriter())
    heard: list[object] = []
    player.add_listener(heard.append)
    player.start()
    run(player, clock, 3 + 2)  # into the first hold
    player.pause()
    assert player.end(stopped=True)
    [ended] = [e for e in heard if isinstance(e, ev.SessionEndedEarly)]
    assert (ended.figures.stops, ended.stopped) == (1, True)


def test_a_resumed_exercise_skipped_to_its_end_counts_its_earlier_reps() -> None:
    plan = build_plan(two_exercises())
    store = FakeWriter()
    player = SessionPlayer(plan, FakeClock(), resume_from=Position(0, 0, 1, 2, Side.LEFT))
    recorder = SessionRecorder(
        store, plan, now_wall=lambda: START_WALL, resume_session_id=3, resumed_exercises_done=0
    )
    player.add_listener(recorder)
    player.start()
    skip_to_the_end(player)
    exercises = [args[1:3] for name, args in store.calls if name == "record_exercise"]
    # rep 1, both sides, done before the interruption; rep 2 skipped now
    assert exercises == [(0, Outcome.PARTIAL), (1, Outcome.SKIPPED)]
    assert store.calls[-1][1][1] is SessionStatus.PARTLY_DONE


def _resumed_in_the_last_exercise(done: int, partial: int, figures: SessionFigures) -> object:
    """The status a session gets, resumed in its second (last) exercise after an
    earlier run that did `done` and `partial` of the first, this run's `figures`."""
    plan = build_plan(two_exercises())
    store = FakeWriter()
    recorder = SessionRecorder(
        store,
        plan,
        resume_session_id=3,
        resumed_exercises_done=done,
        resumed_exercises_partial=partial,
    )
    recorder(ev.SessionStarted(0.0, plan.steps[plan.first_step_of(1)]))
    recorder(ev.SessionFinished(1.0, figures))
    return store.calls[-1][1][1]


def test_a_resumed_session_is_completed_only_when_both_runs_did_everything() -> None:
    this_run_did_it = SessionFigures(exercises_done=1, active_seconds=1.0)
    this_run_skipped_it = SessionFigures(exercises_skipped=1, active_seconds=1.0)
    assert _resumed_in_the_last_exercise(1, 0, this_run_did_it) is SessionStatus.COMPLETED
    # The earlier run did its exercise; this one skipped the rest: partly done.
    assert _resumed_in_the_last_exercise(1, 0, this_run_skipped_it) is SessionStatus.PARTLY_DONE
    # The earlier run left its exercise part-way: this run's full one does not hide it.
    assert _resumed_in_the_last_exercise(0, 1, this_run_did_it) is SessionStatus.PARTLY_DONE
    assert _resumed_in_the_last_exercise(0, 1, this_run_skipped_it) is SessionStatus.PARTLY_DONE
    assert _resumed_in_the_last_exercise(0, 0, this_run_skipped_it) is SessionStatus.ENDED_EARLY
    # Counts that also hold this run's exercise (more than came before it) are
    # not taken twice: one exercise before, done; this run's skipped.
    assert _resumed_in_the_last_exercise(2, 0, this_run_skipped_it) is SessionStatus.PARTLY_DONE


def test_nothing_done_keeps_the_streak_and_adherence_at_zero(data_dir: Path) -> None:
    from timer_app.storage.history.store import SqliteHistoryStore

    store = SqliteHistoryStore.open()
    plan = build_plan(two_exercises())
    player, _clock, _recorder = play(plan, store)
    player.start()
    skip_to_the_end(player)
    [summary] = store.list_sessions()
    assert summary.status is SessionStatus.ENDED_EARLY
    assert (summary.exercises_done, summary.reps_done) == (0, 0)
    assert streak(store.session_facts(), START_WALL.date()).count == 0
    store.close()


def test_a_resumed_exercise_is_done_only_if_the_earlier_run_did_its_reps() -> None:
    plan = build_plan(two_exercises())
    bridge = [s for s in plan.rep_steps() if s.exercise_index == 0]
    resume = Position(bridge[2].index, 0, 1, 2, Side.LEFT)  # at rep 2, left
    results = {}
    for earlier in (bridge[0].index,), (bridge[0].index, bridge[1].index):
        store = FakeWriter()
        clock = FakeClock()
        player = SessionPlayer(plan, clock, resume_from=resume, done_before=frozenset(earlier))
        player.add_listener(SessionRecorder(store, plan, resume_session_id=3))
        heard: list[object] = []
        player.add_listener(heard.append)
        player.start()
        run(player, clock, plan.total_seconds)  # the rest of it, in full
        [finished] = [e for e in heard if isinstance(e, ev.SessionFinished)]
        exercises = [args[1:3] for name, args in store.calls if name == "record_exercise"]
        results[len(earlier)] = (exercises, finished.figures.reps_done)
    # Rep 1 right was skipped before the break: Bridge is 3 of 4, not done.
    assert results[1] == ([(0, Outcome.PARTIAL), (1, Outcome.DONE)], 3)
    assert results[2] == ([(0, Outcome.DONE), (1, Outcome.DONE)], 4)
