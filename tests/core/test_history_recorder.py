"""The recorder writes a session as it happens and never loses a write."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.core.history_fakes import FakeWriter, as_writer
from timer_app.core import events as ev
from timer_app.core.clock import FakeClock
from timer_app.core.history import (
    HistoryWriter,
    Outcome,
    RepRecord,
    SessionStatus,
    StopReason,
)
from timer_app.core.pain_location import PainLocation
from timer_app.core.plan import Plan, build_plan
from timer_app.core.player import SessionPlayer
from timer_app.core.position import Position
from timer_app.core.recorder import SessionRecorder
from timer_app.core.routine import Dosing, Exercise, Routine, Side, Sides
from timer_app.core.session_figures import SessionFigures

PARIS = ZoneInfo("Europe/Paris")
START_WALL = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)


def two_exercises() -> Routine:
    return Routine(
        id="back",
        title="Back routine",
        exercises=(
            Exercise("Bridge", Dosing.HOLD, reps=2, hold=5, rest=2, sides=Sides.ALTERNATE),
            Exercise("Walk", Dosing.DURATION, duration=10),
        ),
        lead_in=3,
    )


def play(
    plan: Plan, store: HistoryWriter, **kw: Any
) -> tuple[SessionPlayer, FakeClock, SessionRecorder]:
    clock = FakeClock(1000.0)
    player = SessionPlayer(plan, clock)
    recorder = SessionRecorder(store, plan, now_wall=lambda: START_WALL, **kw)
    player.add_listener(recorder)
    return player, clock, recorder


def run(player: SessionPlayer, clock: FakeClock, seconds: float) -> None:
    for _ in range(int(seconds / 0.25)):
        clock.advance(0.25)
        player.tick()


def test_a_whole_session_is_written_as_it_happens() -> None:
    plan = build_plan(two_exercises())
    store = FakeWriter()
    player, clock, recorder = play(plan, store, pain_before=6)
    player.start()
    assert store.names() == ["begin_session", "set_position"]
    new = store.sessions[1]
    assert (new.routine_id, new.pain_before, new.reps_total) == ("back", 6, 4)
    assert new.time_zone == "Europe/Paris" and new.local_date == date(2026, 3, 10)

    run(player, clock, 3 + 5)  # lead-in and the first hold
    assert store.without_positions()[-1] == "record_rep"  # written at once, not at the end
    run(player, clock, 200)
    writes = store.without_positions()
    assert writes == ["begin_session"] + ["record_rep"] * 4 + ["record_exercise"] * 2 + [
        "finish_session"
    ]
    finish = store.calls[-1][1]
    assert finish[1] is SessionStatus.COMPLETED
    assert finish[3] == pytest.approx(plan.total_seconds)
    assert [r.side for r in store.reps.values()] == [Side.LEFT, Side.RIGHT] * 2
    assert all(r.outcome is Outcome.DONE and r.held_seconds == 5 for r in store.reps.values())

    recorder.set_pain_after(3)
    recorder.set_notes("easier today")
    assert store.names()[-2:] == ["set_pain_after", "set_notes"]
    assert recorder.pending_count == 0 and recorder.last_error is None


def test_a_store_that_fails_then_recovers_loses_nothing_and_keeps_the_order() -> None:
    plan = build_plan(two_exercises())
    reference = FakeWriter()
    p1, c1, _ = play(plan, reference)
    p1.start()
    run(p1, c1, 200)

    store = FakeWriter(failing=True)
    player, clock, recorder = play(plan, store)
    changes: list[int] = []
    recorder.add_status_listener(lambda: changes.append(recorder.pending_count))
    player.start()
    run(player, clock, 12)
    assert recorder.pending_count > 0
    assert recorder.last_error == "The disk is full."
    assert store.calls == []
    store.failing = False  # space freed: the next event writes everything
    run(player, clock, 200)
    assert recorder.pending_count == 0 and recorder.last_error is None
    assert store.without_positions() == reference.without_positions()
    assert store.reps == reference.reps
    assert changes[-1] == 0


def test_failing_at_the_end_is_kept_until_flush() -> None:
    plan = build_plan(two_exercises())
    store = FakeWriter()
    player, clock, recorder = play(plan, store)
    player.start()
    run(player, clock, 10)
    store.failing = True
    run(player, clock, 200)  # the session ends while the disk is full
    recorder.set_pain_after(2)
    assert recorder.pending_count >= 3  # reps, exercises, completed, pain after
    assert recorder.flush() is False
    store.failing = False
    assert recorder.flush() is True
    assert store.without_positions()[-2:] == ["finish_session", "set_pain_after"]
    assert len(store.reps) == 4


def test_a_listener_error_never_reaches_the_player() -> None:
    class Broken(FakeWriter):
        def record_rep(self, session_id: int, rep: RepRecord) -> None:
            raise RuntimeError("bug")

    plan = build_plan(two_exercises())
    store = Broken()
    player, clock, recorder = play(plan, store)
    player.start()
    run(player, clock, 200)
    assert player.state.name == "FINISHED"
    assert recorder.pending_count > 0 and "bug" in (recorder.last_error or "")


def test_skipped_reps_and_exercises_are_recorded_as_skipped() -> None:
    plan = build_plan(two_exercises())
    store = FakeWriter()
    player, clock, _recorder = play(plan, store)
    player.start()
    run(player, clock, 3 + 1)  # 1 s into the first hold
    player.skip()  # rep 1 (left) left after 1 s
    run(player, clock, 2 + 5)  # rest, rep 1 right done
    player.skip_exercise()
    run(player, clock, 100)
    outcomes = {(r.rep_number, r.side): (r.outcome, r.held_seconds) for r in store.reps.values()}
    assert outcomes == {
        (1, Side.LEFT): (Outcome.PARTIAL, pytest.approx(1.0)),
        (1, Side.RIGHT): (Outcome.DONE, 5.0),
        (2, Side.LEFT): (Outcome.SKIPPED, 0.0),
        (2, Side.RIGHT): (Outcome.SKIPPED, 0.0),
    }
    exercises = [args[1:3] for name, args in store.calls if name == "record_exercise"]
    assert exercises == [(0, Outcome.PARTIAL), (1, Outcome.DONE)]


def test_pauses_are_not_active_time_and_position_follows_the_steps() -> None:
    plan = build_plan(two_exercises())
    store = FakeWriter()
    player, clock, _recorder = play(plan, store)
    player.start()
    run(player, clock, 2)
    player.pause()
    clock.advance(600)  # a long pause
    player.tick()
    player.resume()
    run(player, clock, 1 + 5 + 0.25)  # lead-in end, first hold, into the rest
    position, active = next(
        args[1:] for name, args in reversed(store.calls) if name == "set_position"
    )
    assert position == Position(2, 0, 1, 1, Side.RIGHT)
    assert active == pytest.approx(8.0)


def test_stop_report_names_the_exercise_in_progress() -> None:
    plan = build_plan(two_exercises())
    store = FakeWriter()
    player, clock, recorder = play(plan, store)
    player.start()
    run(player, clock, 4)
    recorder.report_stop(StopReason.PAIN_SPREAD, "left calf")
    player.end()
    report = next(args[1] for name, args in store.calls if name == "record_stop")
    assert (report.reason, report.exercise_name, report.note) == (
        StopReason.PAIN_SPREAD,
        "Bridge",
        "left calf",
    )
    assert store.calls[-1][1][1] is SessionStatus.ENDED_EARLY


def test_pain_outside_the_scale_is_refused() -> None:
    plan = build_plan(two_exercises())
    with pytest.raises(ValueError):
        SessionRecorder(FakeWriter(), plan, pain_before=11)
    recorder = SessionRecorder(FakeWriter(), plan)
    with pytest.raises(ValueError):
        recorder.set_pain_after(-1)


def test_hand_made_events_resume_an_interrupted_session_in_the_same_row() -> None:
    plan = build_plan(two_exercises())
    store = FakeWriter()
    recorder = SessionRecorder(
        store, plan, now_wall=lambda: START_WALL, resume_session_id=7, resumed_active_seconds=40
    )
    step = plan.steps[2]
    recorder(ev.SessionStarted(0.0, step))
    recorder(ev.SessionFinished(30.0, SessionFigures(exercises_done=1, active_seconds=30.0)))
    assert store.names() == ["set_status", "set_position", "finish_session"]
    assert store.calls[0][1] == (7, SessionStatus.IN_PROGRESS)
    assert store.calls[-1][1][3] == pytest.approx(70.0)


def test_the_real_store_gets_the_whole_session(data_dir: Path) -> None:
    from timer_app.storage.history.store import SqliteHistoryStore

    store = SqliteHistoryStore.open()
    plan = build_plan(two_exercises())
    player, clock, recorder = play(plan, store, pain_before=5)
    player.start()
    run(player, clock, 200)
    recorder.set_pain_after(3)
    [summary] = store.list_sessions()
    assert summary.status is SessionStatus.COMPLETED
    assert (summary.exercises_done, summary.exercises_total) == (2, 2)
    assert (summary.reps_done, summary.reps_total) == (4, 4)
    assert (summary.pain_before, summary.pain_after) == (5, 3)
    assert summary.started_at == START_WALL
    assert summary.active_seconds == pytest.approx(plan.total_seconds)
    store.close()


def test_a_writer_alone_records_a_session_with_a_skip_and_a_stop() -> None:
    # The recorder needs only `HistoryWriter`: the fake has no read at all (mypy
    # checks `as_writer`), and a whole session with a skipped rep still lands.
    plan = build_plan(two_exercises())
    fake = FakeWriter()
    assert not hasattr(fake, "list_sessions") and not hasattr(fake, "session_detail")
    player, clock, recorder = play(plan, as_writer(fake), pain_before=4)
    recorder.set_pain_where_before(PainLocation.THIGH)
    player.start()
    run(player, clock, 3 + 5)  # lead-in and the first hold
    player.skip()  # the rest and the second rep are skipped past
    recorder.report_stop(StopReason.SHARP_PAIN)
    player.end()
    recorder.set_pain_where_after(PainLocation.BACK)
    assert recorder.pending_count == 0 and recorder.last_error is None
    writes = fake.without_positions()
    assert writes[:2] == ["begin_session", "set_pain_where_before"]
    assert writes[-2:] == ["finish_session", "set_pain_where_after"]
    assert "record_stop" in writes
    outcomes = sorted(r.outcome for r in fake.reps.values())
    assert Outcome.DONE in outcomes and Outcome.SKIPPED in outcomes
