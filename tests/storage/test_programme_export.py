"""The exports show each session's programme stage, flare-ups, stage changes and
the next-morning checks (issue 16)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

from tests.storage.history_support import PARIS, add_session
from timer_app.core.programme.monitoring import MorningAnswer
from timer_app.storage.history.export import export_sessions
from timer_app.storage.history.programme_records import ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore


def at(day: int, hour: int = 8) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=PARIS)


def filled(tmp_path: Path) -> SqliteHistoryStore:
    store = SqliteHistoryStore.open(tmp_path / "history.sqlite3")
    add_session(store, at(1))  # before the programme
    records = ProgrammeRecords(store.connection)
    records.start("eight", date(2026, 3, 2), at(2))
    add_session(store, at(2))
    records.record_morning_check(date(2026, 3, 3), MorningAnswer.BETTER, at(3))
    records.change_stage(1, date(2026, 3, 16), at(16))
    records.start_flare_up(date(2026, 3, 17), date(2026, 3, 19), "knee-to-chest", at(17))
    add_session(store, at(18))
    return store


def test_csv_names_the_programme_stage_and_flare_up_of_each_session(tmp_path: Path) -> None:
    store = filled(tmp_path)
    out = io.StringIO()
    export_sessions(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    cells = [(r["programme"], r["programme_stage"], r["flare_up"]) for r in rows]
    assert cells == [("", "", ""), ("eight", "1", "no"), ("eight", "2", "yes")]


def test_json_has_each_sessions_stage_the_events_and_morning_checks(tmp_path: Path) -> None:
    store = filled(tmp_path)
    out = io.StringIO()
    export_sessions(store, "json", out)
    data = json.loads(out.getvalue())
    stages = [(s["programme"], s["programme_stage"], s["flare_up"]) for s in data["sessions"]]
    assert stages == [(None, None, None), ("eight", 1, False), ("eight", 2, True)]
    events = [(e["kind"], e["date"], e["stage"]) for e in data["programme"]["events"]]
    assert events == [
        ("started", "2026-03-02", 1),
        ("advanced", "2026-03-16", 2),
        ("flare_up", "2026-03-17", 2),
    ]
    assert data["programme"]["events"][-1]["until"] == "2026-03-19"
    assert data["programme"]["morning_checks"] == [{"date": "2026-03-03", "answer": "better"}]


def test_fhir_notes_each_sessions_programme_stage(tmp_path: Path) -> None:
    store = filled(tmp_path)
    out = io.StringIO()
    export_sessions(store, "fhir", out)
    procedures = [
        e["resource"] for e in json.loads(out.getvalue())["entry"]
        if e["resource"]["resourceType"] == "Procedure"
    ]  # fmt: skip
    notes = [[n["text"] for n in p["note"]][1:] for p in procedures]
    assert notes == [
        [],
        ["Programme eight, stage 1."],
        ["Programme eight, stage 2 (during a flare-up plan)."],
    ]
