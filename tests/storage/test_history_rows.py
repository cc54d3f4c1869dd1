"""Rows are read by column name: the order a query selects them in cannot shift
one value into another's field (a figure into the pain, say)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS, add_session
from timer_app.core.history import SessionStatus, StopReason, StopReport
from timer_app.core.pain_location import PainLocation
from timer_app.storage.history.rows import (
    FACT_COLUMNS,
    REP_COLUMNS,
    STOP_COLUMNS,
    SUMMARY_COLUMNS,
    facts_of,
    rep_of,
    stop_of,
    summary_of,
)
from timer_app.storage.history.store import SqliteHistoryStore

MORNING = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)


@pytest.fixture
def store(data_dir: Path):
    store = SqliteHistoryStore.open()
    # A completed session with a stop and where the pain was, and one left part-way.
    done = add_session(store, MORNING, pain=(6, 3), notes="felt ok", active=412.0)
    store.set_pain_where_before(done, PainLocation.THIGH)
    store.set_pain_where_after(done, PainLocation.BACK)
    store.record_stop(done, StopReport(StopReason.PAIN_SPREAD, 0, "Bridge", MORNING, "left calf"))
    add_session(
        store, MORNING + timedelta(days=1), reps=2, status=SessionStatus.INTERRUPTED, pain=(4, None)
    )
    yield store
    store.close()


def _columns(text: str) -> list[str]:
    return [c.strip() for c in text.split(",")]


def test_summaries_read_the_same_whatever_the_column_order(store: SqliteHistoryStore) -> None:
    listed = [replace(s, stops=()) for s in store.list_sessions()]
    backwards = ", ".join(reversed(SUMMARY_COLUMNS))
    rows = store.connection.rows(
        f"SELECT {backwards} FROM sessions s ORDER BY s.started_at_utc DESC"
    )
    read = [summary_of(r) for r in rows]
    assert read == listed
    interrupted, completed = read
    assert (completed.pain_before, completed.pain_after, completed.notes) == (6, 3, "felt ok")
    assert completed.pain_where_after is PainLocation.BACK
    assert interrupted.resume is not None and interrupted.resume.rep_number == 3


def test_reps_stops_and_facts_read_the_same_whatever_the_column_order(
    store: SqliteHistoryStore,
) -> None:
    [_later, first] = store.list_sessions()
    detail = store.session_detail(first.id)
    assert detail is not None and len(detail.reps) == 4
    reps = store.connection.rows(
        f"SELECT {', '.join(reversed(_columns(REP_COLUMNS)))} FROM reps"
        " WHERE session_id = ? ORDER BY step_index",
        (first.id,),
    )
    assert tuple(rep_of(r) for r in reps) == detail.reps
    stops = store.connection.rows(
        f"SELECT {', '.join(reversed(_columns(STOP_COLUMNS)))} FROM stop_reports"
        " WHERE session_id = ?",
        (first.id,),
    )
    assert tuple(stop_of(r) for r in stops) == detail.stops
    assert detail.stops[0].note == "left calf"
    names, facts = store.connection.table(
        f"SELECT {', '.join(reversed(_columns(FACT_COLUMNS)))} FROM sessions s"
        " ORDER BY s.local_date, s.id"
    )
    assert names[0] == "pain_where_after"  # selected backwards indeed
    assert facts_of(names, facts) == store.session_facts()
    assert [f.pain_before for f in store.session_facts()] == [6, 4]


def test_a_record_is_read_from_a_plain_mapping_by_name() -> None:
    # What the conversions need is names, not places: a dict in any order will do.
    row = {
        "reason": "not_given",
        "note": "",
        "reported_offset_min": 60,
        "reported_at_utc": "2026-03-10T06:30:00+00:00",
        "exercise_name": "Bridge",
        "exercise_index": 0,
    }
    stop = stop_of(row)
    assert (stop.reason, stop.exercise_name, stop.reported_at.hour) == (
        StopReason.NOT_GIVEN,
        "Bridge",
        7,
    )
