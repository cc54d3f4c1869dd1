"""Where the pain was felt most, before and after: kept in a real history file, read
back, exported for the therapist and printed by `timer-app history`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS, add_session
from timer_app.cli import main
from timer_app.core.clock import FakeClock
from timer_app.core.history import SessionStatus
from timer_app.core.pain_location import PainLocation
from timer_app.core.plan import build_plan
from timer_app.core.player import SessionPlayer
from timer_app.core.recorder import SessionRecorder
from timer_app.storage.history.export import export_sessions
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.routines.catalog import load_routine_file

THIGH, BACK = PainLocation.THIGH, PainLocation.BACK


@pytest.fixture
def store(data_dir: Path) -> Iterator[SqliteHistoryStore]:
    store = SqliteHistoryStore.open()
    yield store
    store.close()


def two_sessions(store: SqliteHistoryStore) -> tuple[int, int]:
    """Monday: thigh -> back (centralising). Tuesday: buttock -> below the knee."""
    monday = add_session(store, datetime(2026, 3, 9, 7, 30, tzinfo=PARIS), pain=(6, 3))
    store.set_pain_where_before(monday, THIGH)
    store.set_pain_where_after(monday, BACK)
    tuesday = add_session(store, datetime(2026, 3, 10, 7, 30, tzinfo=PARIS), pain=(4, 4))
    store.set_pain_where_before(tuesday, PainLocation.BUTTOCK)
    store.set_pain_where_after(tuesday, PainLocation.BELOW_KNEE)
    return monday, tuesday


def test_the_places_survive_closing_and_reopening_the_file(store: SqliteHistoryStore) -> None:
    monday, _ = two_sessions(store)
    add_session(store, datetime(2026, 3, 11, 7, 30, tzinfo=PARIS))  # not answered
    store.close()
    again = SqliteHistoryStore.open()
    try:
        newest, tuesday, first = again.list_sessions()
        assert (first.pain_where_before, first.pain_where_after) == (THIGH, BACK)
        assert tuesday.pain_where_after is PainLocation.BELOW_KNEE
        assert (newest.pain_where_before, newest.pain_where_after) == (None, None)
        detail = again.session_detail(monday)
        assert detail is not None and detail.summary.pain_where_after is BACK
        facts = again.session_facts()
        assert [(f.pain_where_before, f.pain_where_after) for f in facts] == [
            (THIGH, BACK),
            (PainLocation.BUTTOCK, PainLocation.BELOW_KNEE),
            (None, None),
        ]
    finally:
        again.close()


def test_an_answer_taken_back_is_cleared(store: SqliteHistoryStore) -> None:
    monday, _ = two_sessions(store)
    store.set_pain_where_after(monday, None)
    detail = store.session_detail(monday)
    assert detail is not None
    assert (detail.summary.pain_where_before, detail.summary.pain_where_after) == (THIGH, None)


def test_csv_and_json_exports_have_the_places_and_the_change(store: SqliteHistoryStore) -> None:
    two_sessions(store)
    out = io.StringIO(newline="")
    export_sessions(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert [
        (r["pain_where_before"], r["pain_where_after"], r["pain_where_change"]) for r in rows
    ] == [("thigh", "back", "centralising"), ("buttock", "below_knee", "peripheralising")]
    out = io.StringIO()
    export_sessions(store, "json", out)
    monday, tuesday = json.loads(out.getvalue())["sessions"]
    assert (monday["pain_where_before"], monday["pain_where_after"]) == ("thigh", "back")
    assert monday["pain_where_change"] == "centralising"
    assert tuesday["pain_where_change"] == "peripheralising"


def test_the_history_command_shows_where_the_pain_went(
    store: SqliteHistoryStore, capsys: pytest.CaptureFixture[str]
) -> None:
    two_sessions(store)
    assert main(["history", "--days", "36500"]) == 0
    out = capsys.readouterr().out
    assert "6 → 3 (thigh → back, centralising)" in out
    assert "4 → 4 (buttock → below the knee, spreading down the leg)" in out


ROUTINE = """\
title: Evening extension
lead_in: 1 s
exercises:
  - name: Prone on elbows
    hold: 3 s
  - name: Pelvic tilt
    reps: 2
"""


def test_the_recorder_writes_the_place_given_before_start(
    store: SqliteHistoryStore, tmp_path: Path
) -> None:
    path = tmp_path / "evening.yaml"
    path.write_text(ROUTINE, encoding="utf-8")
    plan = build_plan(load_routine_file(path, library={}))
    clock = FakeClock()
    player = SessionPlayer(plan, clock)
    recorder = SessionRecorder(store, plan)
    player.add_listener(recorder)
    recorder.set_pain_before(5)
    recorder.set_pain_where_before(THIGH)  # on the ready screen: no session row yet
    player.start()
    for _ in range(11):  # get ready, the 3 s hold, get ready: ticks as the ticker makes
        clock.advance(0.5)
        player.tick()
    assert player.complete_rep() and player.complete_rep()  # two pelvic tilts
    recorder.set_pain_after(6)
    recorder.set_pain_where_after(BACK)
    assert recorder.pending_count == 0
    [session] = store.list_sessions()
    assert session.status is SessionStatus.COMPLETED
    assert (session.pain_before, session.pain_after) == (5, 6)
    assert (session.pain_where_before, session.pain_where_after) == (THIGH, BACK)
