"""The SQLite history store: what is written is what is read back."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS, add_session, rep
from timer_app.core.history import (
    Outcome,
    SessionStatus,
    StopReason,
    StopReport,
)
from timer_app.core.position import Position
from timer_app.core.routine import Side
from timer_app.storage.history.migrations import LATEST_VERSION
from timer_app.storage.history.opening import NoticeKind
from timer_app.storage.history.store import SqliteHistoryStore

MORNING = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)


@pytest.fixture
def store(data_dir: Path):
    store = SqliteHistoryStore.open()
    yield store
    store.close()


def test_the_file_is_created_in_the_data_dir_with_safe_settings(store, data_dir: Path) -> None:
    path = data_dir / "history.sqlite3"
    assert store.path == path and path.exists()
    assert store.notices == [] and store.problem is None
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA user_version").fetchone() == (LATEST_VERSION,)
    conn.close()
    assert store._require().execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    assert store._require().execute("PRAGMA foreign_keys").fetchone() == (1,)


def test_a_session_reads_back_as_written(store) -> None:
    sid = add_session(store, MORNING, pain=(6, 2), notes="ok")
    store.record_stop(sid, StopReport(StopReason.SHARP_PAIN, 0, "Bridge", MORNING, "knee"))
    [summary] = store.list_sessions()
    assert summary.started_at == MORNING and summary.started_at.utcoffset().seconds == 3600
    assert summary.time_zone == "Europe/Paris" and summary.local_date == date(2026, 3, 10)
    assert (summary.status, summary.active_seconds) == (SessionStatus.COMPLETED, 120.0)
    assert (summary.exercises_done, summary.exercises_total) == (2, 2)
    assert (summary.reps_done, summary.reps_total, summary.pain_before) == (4, 4, 6)
    assert summary.resume is None
    detail = store.session_detail(sid)
    assert detail is not None
    assert [e.outcome for e in detail.exercises] == [Outcome.DONE, Outcome.DONE]
    assert [r.side for r in detail.reps] == [Side.LEFT, Side.RIGHT, Side.LEFT, Side.RIGHT]
    assert detail.stops[0].note == "knee" and detail.stops[0].reported_at == MORNING
    assert store.session_detail(sid + 1) is None


def test_a_rep_done_again_replaces_the_skipped_one(store) -> None:
    sid = add_session(store, MORNING, reps=0, status=SessionStatus.IN_PROGRESS)
    skipped = rep(1, 1)
    store.record_rep(sid, skipped.__class__(**{**skipped.__dict__, "outcome": Outcome.SKIPPED}))
    store.record_rep(sid, rep(1, 1, held=4.5))
    detail = store.session_detail(sid)
    assert detail is not None
    assert [(r.outcome, r.held_seconds) for r in detail.reps] == [(Outcome.DONE, 4.5)]


def test_a_session_left_in_progress_is_interrupted_at_the_next_start(data_dir: Path) -> None:
    store = SqliteHistoryStore.open()
    sid = add_session(store, MORNING, reps=3, status=SessionStatus.IN_PROGRESS)
    store.close()

    reader = SqliteHistoryStore.open_reader()  # the CLI never changes anything
    assert reader.list_sessions()[0].status is SessionStatus.IN_PROGRESS
    reader.close()

    store = SqliteHistoryStore.open()
    assert [n.kind for n in store.notices] == [NoticeKind.INTERRUPTED_FOUND]
    [interrupted] = store.find_interrupted()
    assert interrupted.id == sid and interrupted.reps_done == 3
    assert store.resume_position(sid) == Position(7, 0, 1, 4, Side.LEFT)
    assert store.find_interrupted(routine_id="other") == []
    store.set_status(sid, SessionStatus.IN_PROGRESS)  # resumed ...
    store.record_rep(sid, rep(7, 2, Side.RIGHT))
    store.finish_session(sid, SessionStatus.COMPLETED, MORNING, 200.0)  # ... and finished
    summary = store.list_sessions()[0]
    assert (summary.status, summary.reps_done, summary.resume) == (
        SessionStatus.COMPLETED,
        4,
        None,
    )
    store.close()


def test_the_cli_reads_while_the_app_writes(store) -> None:
    sid = add_session(store, MORNING, reps=1, status=SessionStatus.IN_PROGRESS)
    reader = SqliteHistoryStore.open_reader()
    assert reader.list_sessions()[0].reps_done == 1
    store.record_rep(sid, rep(3, 1, Side.RIGHT))  # the app goes on writing
    assert reader.list_sessions()[0].reps_done == 2
    assert reader.session_facts()[0].status is SessionStatus.IN_PROGRESS
    reader.close()


def test_queries_for_the_figures(store) -> None:
    add_session(store, datetime(2026, 3, 1, 8, tzinfo=PARIS), pain=(5, 3))
    add_session(store, datetime(2026, 3, 2, 8, tzinfo=PARIS), routine_id="neck")
    add_session(store, datetime(2026, 3, 3, 8, tzinfo=PARIS), status=SessionStatus.ENDED_EARLY)
    facts = store.session_facts()
    assert [f.local_date.day for f in facts] == [1, 2, 3]
    assert (facts[0].pain_before, facts[0].pain_after) == (5, 3)
    assert [f.routine_id for f in store.session_facts(routine_id="neck")] == ["neck"]
    assert len(store.session_facts(since=date(2026, 3, 2))) == 2
    records = store.exercise_records(routine_id="back")
    assert [(r.name, r.outcome, r.reps_done) for r in records] == [
        ("Bridge", Outcome.DONE, 4),
        ("Walk", Outcome.DONE, 0),
        ("Bridge", Outcome.DONE, 4),
        ("Walk", None, 0),
    ]
    assert [s.local_date.day for s in store.list_sessions(limit=2)] == [3, 2]
