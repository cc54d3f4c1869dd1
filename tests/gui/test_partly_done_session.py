"""QA's repro: `timer-app --start piriformis`, Space, Right (skip), 1 s, Right. The
summary said "part of it was skipped, Reps 0 of 1" and the history said
`completed`, so "Done today ✓", the streak, the report's adherence and a
programme's stage progress all counted it. Nothing is done unless it was done:
such a session is `partly_done` and none of them count it. Real SessionView and
SessionPlayer, fake clocks, a real SQLite history file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.core.test_history_recorder import run, two_exercises
from timer_app.core import stats
from timer_app.core.clock import FakeClock
from timer_app.core.history import SessionStatus
from timer_app.core.local_time import local_now, local_today
from timer_app.core.plan import build_plan
from timer_app.core.player import PlayerState, SessionPlayer
from timer_app.core.programme.model import AdvanceWhen, Programme, Stage
from timer_app.core.recorder import SessionRecorder
from timer_app.core.report_figures import report_figures
from timer_app.core.routine import Frequency
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.history import HistoryPage
from timer_app.gui.session.controls import Screen
from timer_app.gui.session.record import open_recorder, reps_done_before
from timer_app.storage.history.programme_records import ProgrammeRecords
from timer_app.storage.history.report_source import from_store
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.routines.catalog import find_routine

from .session_support import Session, open_session

pytestmark = pytest.mark.qt

DAYS = 14
# Two weeks of piriformis once a day, then a next stage the app may suggest.
PROGRAMME = Programme(
    id="piriformis-programme",
    title="Piriformis programme",
    stages=(
        Stage("Stretch", 1, 2, ("piriformis",), Frequency(1, "day"), "Sit comfortably"),
        Stage("Longer holds", 3, None, ("piriformis",), Frequency(1, "day"), "Walk"),
    ),
    advance_when=AdvanceWhen(sessions_done=0.8),
)


@pytest.fixture
def s(qtbot: QtBot, tmp_path: Path) -> Session:
    return open_session(qtbot, tmp_path)


def test_qa_piriformis_held_1_s_then_skipped_is_not_a_session_done(
    s: Session, qtbot: QtBot
) -> None:
    s.view.load(find_routine("piriformis"))
    QtBot.keyClick(s.view, Qt.Key.Key_Space)
    QtBot.keyClick(s.view, Qt.Key.Key_Right)  # skip the get-ready: into the 45 s hold
    s.advance(1.0)
    QtBot.keyClick(s.view, Qt.Key.Key_Right)  # skip the rest of the hold: the end
    assert s.view.shown is Screen.SUMMARY
    summary = s.view.summary
    assert summary.title.text() == "Session over: part of it was skipped"
    assert "complete" not in summary.title.text()
    assert "Partly done: 1" in summary.figures.text()
    assert "Reps: 0 of 1" in summary.figures.text()

    [row] = s.store.list_sessions()
    assert row.status is SessionStatus.PARTLY_DONE
    facts = s.store.session_facts()
    assert stats.session_ordinal(facts, row.local_date, Frequency(3, "day")).number == 1
    assert stats.streak(facts, row.local_date).count == 0

    page = HistoryPage(AppModel(history=s.store), today=lambda: row.local_date)
    qtbot.addWidget(page)
    page.set_frequencies({"piriformis": Frequency(1, "day")})
    page.refresh()
    assert page.table.item(0, 2).text() == "Finished, part skipped"
    assert page.today_value.text() == "Session 1 of 1 today"  # not "Done today ✓"
    assert page.streak_value.text() == "0 days"


def _always(wall: datetime) -> Callable[[], datetime]:
    return lambda: wall


def _two_weeks_of_piriformis(store: SqliteHistoryStore, *, hold_seconds: float) -> date:
    """One piriformis session a day for `DAYS` days up to today, played on the real
    player: the get-ready skipped, the hold held `hold_seconds`, the rest skipped."""
    plan = build_plan(find_routine("piriformis"))
    today = local_today()
    for back in range(DAYS - 1, -1, -1):
        day = today - timedelta(days=back)
        wall = datetime.combine(day, time(8, 0), tzinfo=local_now().tzinfo)
        clock = FakeClock(1000.0)
        player = SessionPlayer(plan, clock)
        player.add_listener(SessionRecorder(store, plan, now_wall=_always(wall)))
        player.start()
        player.skip()
        run(player, clock, hold_seconds)
        if player.state is not PlayerState.FINISHED:
            player.skip()
        assert player.state is PlayerState.FINISHED
    return today


def _stage_progress(store: SqliteHistoryStore, today: date) -> tuple[int, int, bool]:
    records = ProgrammeRecords(store.connection)
    records.start(PROGRAMME.id, today - timedelta(days=DAYS - 1), local_now())
    status = records.status(PROGRAMME, today)
    assert status is not None
    return status.advance.sessions_done, status.advance.sessions_due, status.advance.ready


def _report_percent(store: SqliteHistoryStore, today: date) -> float:
    first = today - timedelta(days=DAYS - 1)
    source = from_store(store, first, today)
    figures = report_figures(source.sessions, source.exercises, source.stops, {}, first, today)
    [routine] = figures.routines
    return routine.overall_percent


def test_two_weeks_of_1_s_holds_count_for_no_adherence_and_no_stage(data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    today = _two_weeks_of_piriformis(store, hold_seconds=1.0)
    sessions = store.list_sessions()
    assert {s.status for s in sessions} == {SessionStatus.PARTLY_DONE}
    assert sum(s.reps_done for s in sessions) == 0
    # Was "100 % of prescribed sessions done" next to "Reps: 0 of 14".
    assert _report_percent(store, today) == 0.0
    # Was "13 of 14 due … Ready for the next stage".
    done, due, ready = _stage_progress(store, today)
    assert done == 0 and due > 0 and not ready
    store.close()


def test_two_weeks_held_in_full_are_completed_and_count(data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    today = _two_weeks_of_piriformis(store, hold_seconds=46.0)
    assert {s.status for s in store.list_sessions()} == {SessionStatus.COMPLETED}
    assert _report_percent(store, today) == 100.0
    done, due, ready = _stage_progress(store, today)
    assert done >= due > 0 and ready
    store.close()


def _resumed(
    store: SqliteHistoryStore, *, first_run_skips_a_rep: bool, second_run_skips: bool
) -> SessionStatus:
    """Bridge (4 holds) then Walk: the first run reaches Walk and the app crashes;
    the second run resumes it there, as the app does (`open_recorder`)."""
    plan = build_plan(two_exercises())
    clock = FakeClock(1000.0)
    first = SessionPlayer(plan, clock)
    first.add_listener(open_recorder(store, plan, None))
    first.start()
    if first_run_skips_a_rep:
        first.skip()  # the get-ready
        first.skip()  # Bridge's first hold
    while first.current_step.exercise_index == 0:
        run(first, clock, 0.25)
    [sid] = store.mark_interrupted()  # the app closed mid-session
    position = store.resume_position(sid)
    assert position is not None and position.exercise_index == 1

    second = SessionPlayer(
        plan, clock, resume_from=position, done_before=reps_done_before(store, sid)
    )
    second.add_listener(open_recorder(store, plan, sid))
    second.start()
    while second.state is not PlayerState.FINISHED:
        if second_run_skips:
            second.skip()
        else:
            run(second, clock, 0.25)
    [session] = store.list_sessions()
    return session.status


@pytest.mark.parametrize(
    ("first_run_skips_a_rep", "second_run_skips", "status"),
    [
        (False, False, SessionStatus.COMPLETED),  # all of it done, over two runs
        (False, True, SessionStatus.PARTLY_DONE),  # Walk skipped after the resume
        (True, False, SessionStatus.PARTLY_DONE),  # a Bridge hold skipped before it
    ],
)
def test_a_resumed_session_is_completed_only_when_both_runs_did_all_of_it(
    data_dir: Path, first_run_skips_a_rep: bool, second_run_skips: bool, status: SessionStatus
) -> None:
    store = SqliteHistoryStore.open()
    found = _resumed(
        store, first_run_skips_a_rep=first_run_skips_a_rep, second_run_skips=second_run_skips
    )
    assert found is status
    store.close()
