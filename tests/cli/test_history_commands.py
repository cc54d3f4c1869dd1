"""`timer-app history` and `timer-app history export`, as a patient runs them."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.storage.history_support import PARIS, add_session
from timer_app.cli import main
from timer_app.core.history import SessionStatus, StopReason, StopReport
from timer_app.storage.history.store import SqliteHistoryStore

HEADER = (
    "session_id,routine_id,routine_title,started_at,ended_at,status,active_seconds,"
    "exercises_done,exercises_partial,exercises_skipped,exercises_total,reps_done,reps_total,"
    "pain_before,pain_after,pain_where_before,pain_where_after,pain_where_change,"
    "programme,programme_stage,flare_up,notes,stops"
)


@pytest.fixture
def store(data_dir: Path):
    store = SqliteHistoryStore.open()
    yield store
    store.close()


def days_ago(n: int, hour: int = 8) -> datetime:
    now = datetime.now().astimezone()
    return (now - timedelta(days=n)).replace(hour=hour, minute=0, second=0, microsecond=0)


def test_history_table_shows_recent_sessions_only(store, capsys) -> None:
    add_session(store, days_ago(1), pain=(6, 3), notes="felt better")
    add_session(store, days_ago(2), reps=2, status=SessionStatus.ENDED_EARLY)
    add_session(store, days_ago(40))
    assert main(["history", "--days", "7"]) == 0
    out = capsys.readouterr().out.splitlines()
    # The History page's columns, in its order, with the session's number first.
    assert re.split(r"\s{2,}", out[0]) == [
        "ID", "When", "Routine", "Status", "Exercises", "Reps", "Time", "Pain before → after",
        "Notes",
    ]  # fmt: skip
    assert len(out) == 3
    assert "Completed" in out[1] and "2 of 2" in out[1] and "4 of 4" in out[1]
    assert "6 → 3" in out[1] and "felt better" in out[1]
    assert "Ended early" in out[2] and "0 of 2" in out[2] and "2 of 4" in out[2]
    assert main(["history", "--days", "60"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4


def test_history_without_a_file_says_so(capsys, data_dir: Path) -> None:
    assert main(["history"]) == 0
    assert "No sessions" in capsys.readouterr().out
    assert not (data_dir / "history.sqlite3").exists()  # reading never creates it


def test_bad_arguments_get_a_plain_error(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["history", "export", "--since", "last week"])
    assert "YYYY-MM-DD" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["history", "--days", "0"])
    assert "whole number of days" in capsys.readouterr().err


def test_csv_export_has_the_exact_header_and_rfc4180_quoting(store, capsys) -> None:
    started = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)
    add_session(store, started, pain=(6, 3), notes='Left leg "tingly", then fine\nsecond line')
    add_session(store, datetime(2026, 3, 11, 7, 30, tzinfo=PARIS), reps=1,
                status=SessionStatus.INTERRUPTED)  # fmt: skip
    assert main(["history", "export", "--format", "csv"]) == 0
    raw = capsys.readouterr().out
    assert raw.startswith(HEADER + "\r\n")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert rows[1] == [
        "1", "back", "Back routine", "2026-03-10T07:30:00+01:00", "2026-03-10T07:32:30+01:00",
        "completed", "120", "2", "0", "0", "2", "4", "4", "6", "3", "", "", "",
        "", "", "",  # no programme
        'Left leg "tingly", then fine\nsecond line', "",
    ]  # fmt: skip
    assert '"Left leg ""tingly"", then fine\nsecond line"' in raw
    # Unknown values are empty cells: no end, no pain.
    assert rows[2][3:7] == ["2026-03-11T07:30:00+01:00", "", "interrupted", "120"]
    assert rows[2][13:] == [""] * 10  # no pain, no place, no programme, no notes, no stops
    # Nothing of it done yet: both exercises count as skipped, as everywhere.
    assert rows[2][7:13] == ["0", "0", "2", "2", "1", "4"]


def test_export_since_and_output_file(store, tmp_path: Path, capsys) -> None:
    add_session(store, datetime(2026, 3, 1, 23, 30, tzinfo=PARIS))
    add_session(store, datetime(2026, 3, 2, 0, 30, tzinfo=PARIS))  # 23:30 UTC on the 1st
    target = tmp_path / "for-my-therapist.csv"
    args = ["history", "export", "--since", "2026-03-02", "--output", str(target)]
    assert main(args) == 0
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == f"Exported 1 session to {target}.\n"  # not "1 session(s)"
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    # The local day counts, not the UTC one.
    assert [r["started_at"] for r in rows] == ["2026-03-02T00:30:00+01:00"]


def test_json_export_has_exercises_reps_and_stop_reports(store, capsys) -> None:
    started = datetime(2026, 3, 10, 7, 30, tzinfo=PARIS)
    sid = add_session(store, started, reps=3, status=SessionStatus.ENDED_EARLY, pain=(4, 7))
    store.record_stop(
        sid, StopReport(StopReason.PAIN_SPREAD, 0, "Bridge", started + timedelta(minutes=2))
    )
    assert main(["history", "export", "--format", "json"]) == 0
    [session] = json.loads(capsys.readouterr().out)["sessions"]
    assert session["status"] == "ended_early"
    assert (session["reps_done"], session["reps_total"], session["pain_after"]) == (3, 4, 7)
    bridge, walk = session["exercises"]
    assert [(r["rep"], r["side"], r["held_seconds"]) for r in bridge["reps"]] == [
        (1, "left", 5.0),
        (1, "right", 5.0),
        (2, "left", 5.0),
    ]
    assert walk["outcome"] is None and walk["reps"] == []
    # The routine by id and file name: no folder of the person's computer.
    assert (session["routine_id"], session["routine_file"]) == ("back", "back.yaml")
    assert "/routines" not in json.dumps(session) and "routine_source_path" not in session
    assert session["stop_reports"] == [
        {
            "reason": "pain_spread",
            "exercise": "Bridge",
            "reported_at": "2026-03-10T07:32:00+01:00",
            "note": "",
        }
    ]


def test_export_to_a_folder_that_cannot_be_written_is_a_plain_error(
    store, tmp_path: Path, capsys
) -> None:
    add_session(store, days_ago(1))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    assert main(["history", "export", "--output", str(blocker / "out.csv")]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err


def test_history_table_says_durations_in_words_and_shows_stops(store, capsys) -> None:
    add_session(store, days_ago(1), active=0.434)
    sid = add_session(store, days_ago(1, hour=9), active=123.4)
    store.record_stop(sid, StopReport(StopReason.SHARP_PAIN, 0, "Bridge", days_ago(1, hour=9)))
    assert main(["history"]) == 0
    newest, oldest = (
        re.split(r"\s{2,}", line) for line in capsys.readouterr().out.splitlines()[1:]
    )
    # The nearest second, as in the CSV (123), never rounded up (was "2 min 4 s").
    assert (newest[3], newest[6]) == ("Completed · stopped 1 time", "2 min 3 s")
    assert (oldest[3], oldest[6]) == ("Completed", "0 s")  # not "0.434 s"


@pytest.mark.parametrize("command", [["history", "export", "--format", "json"], ["history"]])
def test_a_closed_pipe_ends_quietly(store, data_dir: Path, command: list[str]) -> None:
    # `timer-app ... | head`: the reader is gone before we write (closed here at
    # once, so the write always fails, with no timing involved).
    # More than stdout's buffer (8 KB), so the write fails while the command runs.
    for day in range(30):
        add_session(store, days_ago(day % 5), notes="a note long enough to fill lines " * 20)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "timer_app", *command],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env={**os.environ, "TIMER_APP_DATA_DIR": str(data_dir)},
            cwd=data_dir.parent,  # the installed package, as a user runs it
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert done.stderr.decode() == ""
    assert done.returncode == 0


def test_history_has_the_stage_column_in_a_programme(store, capsys) -> None:
    # The History page shows each session's stage; `timer-app history`, "the
    # History page's table, column for column", did not.
    from timer_app.storage.history.programme_records import ProgrammeRecords

    add_session(store, days_ago(3), routine_id="gentle-start")  # before the programme
    ProgrammeRecords(store.connection).start(
        "sciatica-8-weeks", (datetime.now() - timedelta(days=2)).date(), days_ago(2)
    )
    add_session(store, days_ago(1), routine_id="gentle-start")
    assert main(["history", "--days", "7"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert re.split(r"\s{2,}", out[0])[-2:] == ["Notes", "Stage"]
    assert out[1].endswith("  1, Learn proper form")
    assert not out[2].endswith("form")
