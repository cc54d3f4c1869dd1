"""`timer-app program start|status|stop`, as a patient runs them (real history file)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests import programme_support
from tests.storage.history_support import add_session
from timer_app.cli import main
from timer_app.core.local_time import local_today
from timer_app.storage.history.store import SqliteHistoryStore


@pytest.fixture(autouse=True)
def programme(monkeypatch: pytest.MonkeyPatch) -> None:
    programme_support.install(monkeypatch)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def today_at(hour: int) -> datetime:
    return datetime.now().astimezone().replace(hour=hour, minute=0, second=0, microsecond=0)


def test_status_before_any_programme_says_how_to_start(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "program", "status")[1] == (
        "No programme started. Start one with: timer-app program start ID\n"
    )
    assert json.loads(run(capsys, "program", "status", "--json")[1]) == {"programme": None}


def test_start_in_the_past_shows_week_3_and_todays_sessions(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    started = local_today() - timedelta(days=16)
    code, out, _ = run(capsys, "program", "start", "sciatica-test", "--on", started.isoformat())
    assert code == 0
    title = "Sciatica – test programme"
    assert out == f"Started {title} on {started.isoformat()}: stage 1, Learn proper form.\n"
    store = SqliteHistoryStore.open()
    add_session(store, today_at(7), routine_id="gentle-start")
    add_session(store, today_at(8), routine_id="core-routine")  # not this stage's routine
    store.close()
    code, out, _ = run(capsys, "program", "status", "--json")
    data = json.loads(out)
    assert data["headline"] == "Week 3 of 8 · Learn proper form · today: session 1 of 2 done"
    assert data["stage"]["number"] == 1 and data["stage"]["over"] is True
    # 17 days in a stage of 2 weeks: its last 14 days count (28 due, not 34).
    assert data["progress"]["sessions_done"] == 1 and data["progress"]["sessions_due"] == 28
    assert data["progress"]["ready_for_next_stage"] is False
    code, out, _ = run(capsys, "program", "status")
    assert "Week 3 of 8 · Learn proper form · today: session 1 of 2 done" in out
    assert "End of stage. Ask yourself: Less morning stiffness?" in out
    assert "Staying in this stage: You did 1 of the 28 sessions due in this stage" in out


def test_an_unknown_programme_is_named_with_those_found(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "program", "start", "eight-weeks")
    assert code == 1
    assert "no programme called 'eight-weeks'" in err and "sciatica-test" in err


def test_a_bad_date_is_refused_plainly(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["program", "start", "sciatica-test", "--on", "03/02/2026"])
    assert "expected a date as YYYY-MM-DD" in capsys.readouterr().err


def test_stop_ends_it_and_keeps_the_history(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "program", "stop")[1] == "No programme is running.\n"
    run(capsys, "program", "start", "sciatica-test")
    assert run(capsys, "program", "stop")[1] == (
        "Programme stopped; its sessions stay in your history.\n"
    )
    assert json.loads(run(capsys, "program", "status", "--json")[1]) == {"programme": None}


def test_start_does_not_mark_the_apps_running_session_interrupted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from timer_app.core.history import SessionStatus

    store = SqliteHistoryStore.open()
    sid = add_session(store, today_at(7), status=SessionStatus.IN_PROGRESS)
    run(capsys, "program", "start", "sciatica-test")
    assert store.session_detail(sid).summary.status is SessionStatus.IN_PROGRESS  # type: ignore[union-attr]
    store.close()


def test_a_start_while_another_runs_is_refused_and_names_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run(capsys, "program", "start", "sciatica-test", "--on", "2026-03-02")
    code, out, err = run(capsys, "program", "start", "sciatica-8-weeks", "--on", "2026-03-09")
    assert code == 1 and out == ""
    assert "your programme Sciatica – test programme (sciatica-test) is running, " in err
    assert "started 2026-03-02" in err
    assert "`timer-app program stop`" in err
    assert "`timer-app program start sciatica-8-weeks --replace`" in err
    # Nothing changed: the running programme goes on.
    data = json.loads(run(capsys, "program", "status", "--json")[1])
    assert data["programme"] == "sciatica-test" and data["started_on"] == "2026-03-02"
    code, _, err = run(capsys, "program", "start", "sciatica-test")
    assert code == 1 and "is already running, started 2026-03-02" in err


def test_replace_says_which_programme_it_stopped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run(capsys, "program", "start", "sciatica-test", "--on", "2026-03-02")
    code, out, _ = run(
        capsys, "program", "start", "sciatica-8-weeks", "--on", "2026-03-09", "--replace"
    )
    assert code == 0
    assert out.splitlines() == [
        "Stopped sciatica-test (started 2026-03-02).",
        "Started Sciatica – 8 weeks on 2026-03-09: stage 1, Learn proper form.",
    ]
    assert json.loads(run(capsys, "program", "status", "--json")[1])["programme"] == (
        "sciatica-8-weeks"
    )


def test_status_names_a_programme_whose_file_is_gone(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "program", "start", "sciatica-test")
    from timer_app.cli import programme_commands

    # The test programme is no longer in the routine folders.
    monkeypatch.setattr(programme_commands, "_catalog", lambda: ({}, {}))
    code, out, err = run(capsys, "program", "status")
    assert code == 1 and out == ""
    assert "your programme 'sciatica-test' was not found in the routine folders" in err
    assert "`timer-app program stop` ends it" in err
