"""Out-of-range values on the command line: a plain error, never a raw OverflowError
(QA: `program start --on 9999-12-31`, `history --days 1000000`, `report --routine nope`)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests import programme_support
from timer_app.cli import main
from timer_app.core.local_time import local_now, local_today
from timer_app.storage.history.programme_records import ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore


@pytest.fixture(autouse=True)
def programme(monkeypatch: pytest.MonkeyPatch) -> None:
    programme_support.install(monkeypatch)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("on", ["9999-12-31", "0001-01-01", "1900-01-01"])
def test_a_first_day_years_away_is_refused_and_nothing_is_started(
    capsys: pytest.CaptureFixture[str], on: str
) -> None:
    code, out, err = run(capsys, "program", "start", "sciatica-test", "--on", on)
    assert code == 2 and out == ""
    first, last = local_today() - timedelta(days=366), local_today() + timedelta(days=366)
    assert err == (
        f"timer-app: a programme's first day must be within a year of today, from "
        f"{first.isoformat()} to {last.isoformat()}; {on} is "
        f"{'after' if on.startswith('9') else 'before'} that\n"
    )
    assert run(capsys, "program", "status")[1].startswith("No programme started.")


def test_a_first_day_months_ago_is_still_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    on = (local_today() - timedelta(days=300)).isoformat()
    assert run(capsys, "program", "start", "sciatica-test", "--on", on)[0] == 0
    code, out, _ = run(capsys, "program", "status")
    assert code == 0 and "Week 43" in out


@pytest.mark.parametrize("stored", ["9999-12-31", "0001-01-01"])
def test_a_stored_start_years_away_is_said_plainly_and_can_be_replaced(
    capsys: pytest.CaptureFixture[str], data_dir: Path, stored: str
) -> None:
    from datetime import date

    store = SqliteHistoryStore.open()  # as an older version stored it, unchecked
    ProgrammeRecords(store.connection).start(
        "sciatica-test", date.fromisoformat(stored), local_now()
    )
    store.close()
    code, out, err = run(capsys, "program", "status")
    assert code == 1 and out == ""
    assert err == (
        f"timer-app: your programme's start date, {stored}, is more than a year from today, "
        "so its weeks cannot be counted; stop the programme and start it again: "
        "`timer-app program start sciatica-test --replace` starts it again today "
        "(`timer-app program stop` ends it).\n"
    )
    code, out, err = run(capsys, "reminders", "next")
    assert code == 0 and "OverflowError" not in err and stored in err
    assert run(capsys, "program", "start", "sciatica-test", "--replace")[0] == 0
    code, out, _ = run(capsys, "program", "status")
    assert code == 0 and "Week 1 of 8" in out


@pytest.mark.parametrize("days", ["1000000", "99999999999", "36501", "0"])
def test_history_days_out_of_range_is_an_argument_error(
    capsys: pytest.CaptureFixture[str], days: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["history", "--days", days])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f"expected a whole number of days from 1 to 36,500: '{days}'" in err
    assert "OverflowError" not in err


def test_history_of_a_century_works(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run(capsys, "history", "--days", "36500")
    assert code == 0 and out.startswith("No sessions in the last 36500 days.")


def test_a_report_of_an_unknown_routine_says_so_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    output = tmp_path / "report.pdf"
    code, _, err = run(capsys, "report", "--routine", "core-routin", "--output", str(output))
    assert code == 2 and not output.exists()
    assert err == "timer-app: no routine has the id 'core-routin'; did you mean 'core-routine'?\n"
    code, _, err = run(capsys, "report", "--routine", "nope", "--output", str(output))
    assert code == 2 and "no routine has the id 'nope'" in err and not output.exists()
    # A known routine without sessions still gets its (empty) report.
    assert run(capsys, "report", "--routine", "core-routine", "--output", str(output))[0] == 0
    assert output.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("where", "why"),
    [
        ("missing/x.pdf", "the folder does not exist"),
        ("folder", "it is a folder; give a file name such as report.pdf"),
        ("read-only/x.pdf", "the folder cannot be written to"),
        ("notes.txt/x.pdf", "NOTES is not a folder"),
    ],
)
def test_a_report_to_a_place_that_cannot_be_written_says_why(
    capfd: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, where: str, why: str
) -> None:
    import os

    (tmp_path / "folder").mkdir()
    (tmp_path / "read-only").mkdir(mode=0o500)
    (tmp_path / "notes.txt").write_text("not a folder")
    if where.startswith("read-only") and os.access(tmp_path / "read-only", os.W_OK):
        pytest.skip("running as a user who can write anywhere (root)")
    output = tmp_path / where
    assert main(["report", "--output", str(output)]) == 1
    out, err = capfd.readouterr()  # Qt writes to the process's stderr, past capsys
    why = why.replace("NOTES", str(tmp_path / "notes.txt"))
    assert err == f"timer-app: cannot write {output}: {why}\n"
    assert "QPainter" not in out + err and not (tmp_path / "missing").exists()


def test_a_handout_to_a_missing_folder_says_so_too(
    capfd: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    output = tmp_path / "missing" / "knee.pdf"
    assert main(["handout", "knee-to-chest", "--output", str(output)]) == 1
    out, err = capfd.readouterr()
    assert err == f"timer-app: cannot write {output}: the folder does not exist\n"
    assert "QPainter" not in out + err
