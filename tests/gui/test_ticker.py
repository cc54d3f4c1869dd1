"""The Qt ticker drives a real player in real time; the presenter re-emits its events."""

from __future__ import annotations

import sys

import pytest
from pytestqt.qtbot import QtBot

from timer_app.core import events as ev
from timer_app.core.clock import FakeClock, MonotonicClock
from timer_app.core.plan import build_plan
from timer_app.core.player import PlayerState, SessionPlayer
from timer_app.core.routine import Dosing, Exercise, Routine
from timer_app.gui.session.presenter import SessionPresenter
from timer_app.gui.session.ticker import SAFETY_INTERVAL

pytestmark = pytest.mark.qt


def _routine(*exercises: Exercise, lead_in: float = 0) -> Routine:
    return Routine(id="t", title="T", exercises=exercises, lead_in=lead_in)


def _hold(reps: int, seconds: float, rest: float = 0) -> Exercise:
    return Exercise("hold", Dosing.HOLD, reps=reps, hold=seconds, rest=rest)


def _record(presenter: SessionPresenter) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    for name in dir(SessionPresenter):
        if name.startswith("sig_"):
            getattr(presenter, name).connect(lambda arg, name=name: seen.append((name, arg)))
    return seen


def test_the_ticker_plays_a_real_session_to_its_end(qtbot: QtBot) -> None:
    # 1 s hold, 1 s rest, 1 s hold: three seconds of real time.
    player = SessionPlayer(build_plan(_routine(_hold(2, 1, rest=1))), MonotonicClock())
    presenter = SessionPresenter(player)
    seen = _record(presenter)
    with qtbot.waitSignal(presenter.sig_finished, timeout=6000):
        presenter.start()
    names = [name for name, _ in seen]
    assert names == [
        "sig_session_started",
        "sig_step_started",
        "sig_rep_completed",
        "sig_step_started",
        "sig_step_started",
        "sig_rep_completed",
        "sig_exercise_completed",
        "sig_finished",
    ]
    started = seen[0][1]
    finished = seen[-1][1]
    assert isinstance(started, ev.SessionStarted) and isinstance(finished, ev.SessionFinished)
    assert finished.at - started.at == pytest.approx(3.0, abs=1e-9)  # deadlines chain
    assert not presenter.ticker.is_active


def test_the_ticker_stops_while_paused_and_runs_again_on_resume(qtbot: QtBot) -> None:
    player = SessionPlayer(build_plan(_routine(_hold(1, 2))), MonotonicClock())
    presenter = SessionPresenter(player)
    assert not presenter.ticker.is_active  # ready: nothing to tick
    presenter.start()
    assert presenter.ticker.is_active
    with qtbot.waitSignal(presenter.sig_second_elapsed, timeout=3000) as second:
        pass
    assert second.args[0].seconds_left == 1
    assert presenter.toggle_pause()
    assert presenter.player.state is PlayerState.PAUSED and not presenter.ticker.is_active
    assert presenter.toggle_pause()
    assert presenter.ticker.is_active
    with qtbot.waitSignal(presenter.sig_finished, timeout=3000):
        pass
    assert not presenter.ticker.is_active


def test_the_ticker_stops_when_the_session_is_ended_early(qtbot: QtBot) -> None:
    player = SessionPlayer(build_plan(_routine(_hold(3, 5))), MonotonicClock())
    presenter = SessionPresenter(player)
    presenter.start()
    with qtbot.waitSignal(presenter.sig_ended_early, timeout=1000):
        assert presenter.end()
    assert not presenter.ticker.is_active


def test_the_ticker_is_armed_for_the_next_change_of_the_display() -> None:
    clock = FakeClock()
    player = SessionPlayer(build_plan(_routine(_hold(1, 5))), clock)
    presenter = SessionPresenter(player)
    presenter.start()
    clock.advance(0.7)
    player.tick()
    presenter.ticker.rearm()
    assert presenter.ticker.interval_ms == 300  # the display turns to 4 at 1.0 s
    clock.advance(0.1)
    presenter.ticker.rearm()
    assert presenter.ticker.interval_ms == 200


def test_without_a_countdown_the_safety_tick_keeps_watching() -> None:
    clock = FakeClock()
    counted = Exercise("bridge", Dosing.COUNTED, reps=2)
    presenter = SessionPresenter(SessionPlayer(build_plan(_routine(counted)), clock))
    presenter.start()
    assert presenter.ticker.is_active
    assert presenter.ticker.interval_ms == SAFETY_INTERVAL * 1000


def test_the_presenter_turns_every_player_event_into_its_signal() -> None:
    clock = FakeClock()
    routine = _routine(_hold(1, 20), _hold(1, 1), _hold(1, 1), lead_in=1)
    player = SessionPlayer(build_plan(routine), clock)
    presenter = SessionPresenter(player)
    seen = _record(presenter)
    presenter.start()
    for _ in range(22):
        clock.advance(1)
        player.tick()
    presenter.pause()
    presenter.resume()
    presenter.skip_exercise()
    presenter.back()
    while presenter.skip():
        pass
    other = SessionPresenter(SessionPlayer(build_plan(routine), clock))
    seen_other = _record(other)
    other.start()
    for _ in range(4):  # 3 s into the 20 s hold, then ended: partly held
        clock.advance(1)
        other.player.tick()
    other.end()
    names = {name for name, _ in seen + seen_other}
    assert names == {name for name in dir(SessionPresenter) if name.startswith("sig_")}
    for _name, arg in seen:
        assert isinstance(arg, ev.Event.__args__)  # type: ignore[attr-defined]
    changes = {"sig_session_started", "sig_paused", "sig_resumed", "sig_finished"}
    assert [name for name, _ in seen if name in changes] == [
        "sig_session_started",
        "sig_paused",
        "sig_resumed",
        "sig_finished",
    ]
    assert seen_other[-1][0] == "sig_ended_early"
    ticker = presenter.ticker
    presenter.close()
    assert ticker is not None and not ticker.is_active
    assert not presenter.start()  # closed: a key pressed now reaches no player


def test_qt_calls_cannot_use_up_the_references_to_none_true_and_false() -> None:
    # PySide6 6.12 on Python 3.11 drops a reference to None at every void Qt call
    # and to True at every emit; without the presenter module's protection a
    # session aborts the app within minutes.
    presenter = SessionPresenter(SessionPlayer(build_plan(_routine(_hold(1, 1))), FakeClock()))
    for _ in range(1000):  # few enough that, unprotected, the assert fails first
        presenter.ticker.rearm()  # QTimer.stop(): void
        presenter.sig_resumed.emit(None)
    for singleton in (None, True, False):
        assert sys.getrefcount(singleton) >= 2**32 - 1  # immortal, or as good as
