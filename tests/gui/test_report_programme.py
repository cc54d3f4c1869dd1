"""The therapist's PDF report shows the programme (issue 16): the stage each
session was done in, stage changes (the patient's and the therapist's file's),
marker answers, flare-ups and the next-morning checks; from this computer's
history and from a JSON export alike. Real history file, the bundled programme,
`timer-app report`, read back with pypdf."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from tests.storage.history_support import add_session  # noqa: E402
from timer_app.cli import main  # noqa: E402
from timer_app.core.local_time import local_now, local_today  # noqa: E402
from timer_app.core.programme.monitoring import MorningAnswer  # noqa: E402
from timer_app.storage.history.programme_records import ProgrammeRecords  # noqa: E402
from timer_app.storage.history.store import SqliteHistoryStore  # noqa: E402


def at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), local_now().tzinfo)


@pytest.fixture
def today(data_dir: Path) -> date:
    """Three weeks of the bundled 8-week programme up to today: stage 1 for two
    weeks (its marker answered), then stage 2 with a flare-up, morning checks."""
    today = local_today()
    start = today - timedelta(days=20)
    store = SqliteHistoryStore.open()
    records = ProgrammeRecords(store.connection)
    add_session(store, at(start - timedelta(days=1), 9), routine_id="gentle-start")  # before
    records.start("sciatica-8-weeks", start, local_now())
    for back in range(14):
        add_session(store, at(start + timedelta(days=back), 9), routine_id="gentle-start")
    records.record_morning_check(start + timedelta(days=1), MorningAnswer.SAME, local_now())
    records.record_morning_check(start + timedelta(days=2), MorningAnswer.WORSE, local_now())
    records.record_marker(True, start + timedelta(days=13), local_now())
    records.change_stage(1, start + timedelta(days=14), local_now())
    for back in range(14, 18):
        add_session(store, at(start + timedelta(days=back), 9), routine_id="core-routine")
    records.start_flare_up(
        start + timedelta(days=18), start + timedelta(days=20), "gentle-start", local_now()
    )
    add_session(store, at(start + timedelta(days=19), 9), routine_id="gentle-start")
    records.record_morning_check(start + timedelta(days=20), MorningAnswer.BETTER, local_now())
    store.close()
    return today


def _text(pdf: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _day(day: date) -> str:
    return f"{day.day} {day.strftime('%b')} {day.year}"


def _expected(today: date) -> list[str]:
    start = today - timedelta(days=20)
    return [
        "The programme over weeks",
        "The stage each session in the period was done in:",
        f"Sciatica – 8 weeks 1, Learn proper form {_day(start)} to "
        f"{_day(start + timedelta(days=13))} 14 (14) 0",
        f"Sciatica – 8 weeks 2, Increase hold times {_day(start + timedelta(days=14))} to "
        f"{_day(start + timedelta(days=19))} 5 (5) 1",
        f"{_day(start)}: started Sciatica – 8 weeks (stage 1, Learn proper form)",
        f"{_day(start + timedelta(days=13))}: end of stage 1, Learn proper form: "
        "Reduced morning stiffness? Yes",
        f"{_day(start + timedelta(days=14))}: moved on to stage 2, Increase hold times",
        f"{_day(start + timedelta(days=18))}: flare-up plan until",
        "Next-morning checks (pain in the morning compared with before the previous "
        "day's session): 1 worse",
        f"{_day(start + timedelta(days=1))}: same",
        f"{_day(start + timedelta(days=2))}: worse",
        f"{_day(start + timedelta(days=20))}: better",
    ]


def test_the_report_shows_the_programme_from_the_history(
    today: date, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "report.pdf"
    assert main(["report", "--output", str(pdf)]) == 0
    text = _text(pdf)
    for line in _expected(today):
        assert line in text
    # In order: the table, then the events, then the mornings.
    places = [text.index(line) for line in _expected(today)]
    assert places == sorted(places)


def test_the_report_from_an_export_shows_the_same_programme(
    today: date, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.json"
    assert main(["history", "export", "--format", "json", "--output", str(export)]) == 0
    pdf = tmp_path / "from-export.pdf"
    assert main(["report", "--from", str(export), "--output", str(pdf)]) == 0
    text = _text(pdf)
    for line in _expected(today):
        assert line in text


def test_a_report_without_a_programme_has_no_programme_section(
    data_dir: Path, tmp_path: Path
) -> None:
    store = SqliteHistoryStore.open()
    add_session(store, at(local_today(), 9), routine_id="gentle-start")
    store.close()
    pdf = tmp_path / "report.pdf"
    assert main(["report", "--output", str(pdf)]) == 0
    assert "programme" not in _text(pdf).lower()


def test_an_export_keeps_the_start_and_a_flare_up_after_its_last_session(
    data_dir: Path, tmp_path: Path
) -> None:
    # A patient's export: the programme started the day before the first session,
    # a flare-up the day after the last one. The report's period is the sessions';
    # the start and the flare-up were left out of the therapist's report.
    today = local_today()
    store = SqliteHistoryStore.open()
    records = ProgrammeRecords(store.connection)
    records.start("sciatica-8-weeks", today - timedelta(days=3), local_now())
    add_session(store, at(today - timedelta(days=2), 9), routine_id="gentle-start")
    records.start_flare_up(
        today - timedelta(days=1), today + timedelta(days=1), "gentle-start", local_now()
    )
    store.close()
    export = tmp_path / "export.json"
    assert main(["history", "export", "--format", "json", "--output", str(export)]) == 0
    pdf = tmp_path / "from-export.pdf"
    assert main(["report", "--from", str(export), "--output", str(pdf)]) == 0
    text = _text(pdf)
    assert f"{_day(today - timedelta(days=3))}: started Sciatica – 8 weeks" in text
    assert f"{_day(today - timedelta(days=1))}: flare-up plan until" in text


def test_a_stage_done_twice_a_day_is_counted_twice_a_day(data_dir: Path, tmp_path: Path) -> None:
    # The therapist's stage says 2x/day; the routine's file says nothing. The report
    # read "no frequency known here: counted as once a day" and 100 % for one of two.
    from timer_app.storage import paths

    mine = paths.user_routines_dir()
    mine.mkdir(parents=True, exist_ok=True)
    (mine / "twice.yaml").write_text(
        "title: Twice a day\nstages:\n  - name: Learn proper form\n    weeks: 1+\n"
        "    routines: [gentle-start]\n    frequency: 2x/day\n",
        encoding="utf-8",
    )
    today = local_today()
    store = SqliteHistoryStore.open()
    ProgrammeRecords(store.connection).start("twice", today - timedelta(days=1), local_now())
    add_session(store, at(today - timedelta(days=1), 9), routine_id="gentle-start")
    store.close()
    pdf = tmp_path / "report.pdf"
    assert main(["report", "--output", str(pdf)]) == 0
    text = _text(pdf)
    assert "Back routine (twice a day)" in text  # add_session's title
    assert "50 % of prescribed sessions done over the period" in text
