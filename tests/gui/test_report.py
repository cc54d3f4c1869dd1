"""The report for the therapist: its figures are the History page's and the CSV's.

A real SQLite history of three weeks of two bundled routines, written through
the store as the recorder writes it (reps, exercises done, partly done and
skipped, "Stop – it hurts" with its exercise, pain before and after with where
it was felt, notes), then `timer-app report` and `timer-app report --from`, read
back with pypdf.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

pypdf = pytest.importorskip("pypdf")

from timer_app.cli import main  # noqa: E402
from timer_app.core.history import (  # noqa: E402
    NewSession,
    Outcome,
    PlannedExercise,
    RepRecord,
    SessionStatus,
    StopReason,
    StopReport,
    finished_status,
)
from timer_app.core.local_time import local_now, local_today  # noqa: E402
from timer_app.core.pain_location import PainLocation  # noqa: E402
from timer_app.gui.app_model import AppModel  # noqa: E402
from timer_app.gui.pages.history import HistoryPage  # noqa: E402
from timer_app.storage.history.store import SqliteHistoryStore  # noqa: E402
from timer_app.storage.routines.catalog import load_catalog  # noqa: E402

DAYS = 21


def _session(
    store: SqliteHistoryStore,
    routine_id: str,
    day: date,
    hour: int,
    outcomes: list[Outcome],
    *,
    status: SessionStatus | None = None,
    pain: tuple[int, int] | None = None,
    where: tuple[PainLocation, PainLocation] | None = None,
    stop: StopReason | None = None,
    notes: str = "",
) -> None:
    routine = load_catalog().routines[routine_id]
    zone = local_now().tzinfo
    started = datetime.combine(day, time(hour, 0), tzinfo=zone)
    planned = tuple(
        PlannedExercise(i, e.name, e.total_reps) for i, e in enumerate(routine.exercises)
    )
    sid = store.begin_session(
        NewSession(
            routine.id, routine.title, routine.content_hash, routine.source_path, started,
            None, planned, pain[0] if pain else None,
        )
    )  # fmt: skip
    step = 0
    for index, outcome in enumerate(outcomes):
        reps = {Outcome.DONE: planned[index].reps_total, Outcome.PARTIAL: 1}.get(outcome, 0)
        for rep in range(reps):
            step += 2
            store.record_rep(sid, RepRecord(step, index, 1, rep + 1, None, Outcome.DONE, 30, 30))
        store.record_exercise(sid, index, outcome, 35.0 * reps)
    if stop is not None:
        name = routine.exercises[len(outcomes) - 1].name
        store.record_stop(
            sid,
            StopReport(stop, len(outcomes) - 1, name, started + timedelta(minutes=2), "left calf"),
        )
    if status is None:  # reached the end: what the recorder would have written
        done = outcomes.count(Outcome.DONE)
        status = finished_status(done, outcomes.count(Outcome.PARTIAL), len(planned))
    store.finish_session(sid, status, started + timedelta(minutes=9), 412.6)
    if pain:
        store.set_pain_after(sid, pain[1])
    if where:
        store.set_pain_where_before(sid, where[0])
        store.set_pain_where_after(sid, where[1])
    if notes:
        store.set_notes(sid, notes)


@pytest.fixture
def history(data_dir: Path) -> date:
    """Three weeks up to today: piriformis (3 a day, one day missed, a stop) and the
    core routine (once a day, with partly done and skipped exercises)."""
    store = SqliteHistoryStore.open()
    today = local_today()
    done4 = [Outcome.DONE] * 4
    for back in range(DAYS - 1, -1, -1):
        day = today - timedelta(days=back)
        if back != 9:  # a day missed
            for n, hour in enumerate((7, 12, 17)[: 1 if back == 0 else 3]):
                _session(
                    store, "piriformis", day, hour, [Outcome.DONE],
                    pain=(6 - n, 4 - n % 2),
                    where=(PainLocation.THIGH, PainLocation.BUTTOCK) if n == 0 else None,
                )  # fmt: skip
        core = [*done4]
        if back % 4 == 0:
            core[3] = Outcome.PARTIAL
        if back % 5 == 0:
            core[2] = Outcome.SKIPPED
        _session(store, "core-routine", day, 20, core, pain=(5, 6 if back % 7 == 0 else 3))
    _session(
        store, "piriformis", today - timedelta(days=3), 21, [Outcome.PARTIAL],
        status=SessionStatus.ENDED_EARLY, pain=(5, 7), stop=StopReason.PAIN_SPREAD,
        where=(PainLocation.BUTTOCK, PainLocation.BELOW_KNEE), notes="Tingling in the calf.",
    )  # fmt: skip
    store.close()
    return today


def _text(pdf: Path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _csv_sums(capsys: pytest.CaptureFixture[str], since: date) -> dict[str, int]:
    capsys.readouterr()
    assert main(["history", "export", "--since", since.isoformat()]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    columns = [
        "exercises_done",
        "exercises_partial",
        "exercises_skipped",
        "reps_done",
        "reps_total",
    ]
    return {c: sum(int(r[c]) for r in rows) for c in [*columns, "active_seconds"]} | {
        "sessions": len(rows),
        "stops": sum(1 for r in rows for _ in filter(None, r["stops"].split("; "))),
    }


def test_the_reports_figures_are_the_csvs(
    history: date, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    since = history - timedelta(days=DAYS - 1)
    pdf = tmp_path / "report.pdf"
    assert main(["report", "--since", since.isoformat(), "--output", str(pdf)]) == 0
    text = " ".join(_text(pdf))
    sums = _csv_sums(capsys, since)

    assert f"Sessions in the period: {sums['sessions']} (" in text
    assert (
        f"Exercises in the period: {sums['exercises_done']} done in full, "
        f"{sums['exercises_partial']} partly, {sums['exercises_skipped']} skipped"
    ) in text
    assert f"Reps in the period: {sums['reps_done']} of {sums['reps_total']} done in full" in text
    assert f"“Stop – it hurts” in the period: {sums['stops']} time" in text
    assert sums["stops"] == 1
    hours, rest = divmod(sums["active_seconds"], 3600)
    assert f"Time exercising in the period: {hours} h {rest // 60} min" in text


def test_this_week_in_the_report_is_the_history_pages(
    history: date, tmp_path: Path, qtbot: QtBot
) -> None:
    from timer_app.gui.paper import report
    from timer_app.storage.history.report_source import from_store

    catalog = load_catalog()
    store = SqliteHistoryStore.open()
    page = HistoryPage(AppModel(history=store), today=lambda: history)
    qtbot.addWidget(page)
    page.set_frequencies({i: r.frequency for i, r in catalog.routines.items()})
    page.refresh()
    source = from_store(store, history - timedelta(days=DAYS - 1), history)
    figures = report.gather(source, catalog.routines, None, history).figures

    for routine in figures.routines:
        page.routine_choice.setCurrentIndex(page.routine_choice.findData(routine.routine_id))
        week = routine.weeks[-1]
        shown = page.week_value.text()
        assert shown.startswith(f"{week.done} of {week.prescribed} so far this week"), shown
    store.close()


def test_the_report_says_each_stop_the_troubles_and_the_notes(
    history: date, tmp_path: Path
) -> None:
    pdf = tmp_path / "report.pdf"
    assert main(["report", "--output", str(pdf)]) == 0
    pages = _text(pdf)
    text = " ".join(pages)

    assert len(pages) <= 2
    assert "Piriformis stretch: pain spread further down the leg (left calf)" in text
    assert "Exercises most often partly done or skipped" in text
    assert "Cat-cow" in text and "Pelvic tilt" in text  # the core routine's partly done and skipped
    assert "Tingling in the calf." in text
    assert "spread down the leg 1" in text and "moved toward the spine (centralising) 20" in text
    # The routines as prescribed, in the therapist's words.
    assert "Piriformis stretch (3 times a day)" in text
    assert "Piriformis stretch: Hold 45 s · 1 rep" in text
    assert "Page 1 of" in pages[0]


def test_the_therapist_gets_the_same_report_from_the_export(
    history: date, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    since = (history - timedelta(days=DAYS - 1)).isoformat()
    mine, export, theirs = tmp_path / "mine.pdf", tmp_path / "export.json", tmp_path / "theirs.pdf"
    assert main(["report", "--since", since, "--output", str(mine)]) == 0
    assert main(["history", "export", "--format", "json", "--output", str(export)]) == 0
    # The therapist's computer: no history at all.
    monkeypatch.setenv("TIMER_APP_DATA_DIR", str(tmp_path / "clinic"))
    assert main(["report", "--from", str(export), "--since", since, "--output", str(theirs)]) == 0

    def body(pdf: Path) -> str:
        # All but the line that says where it was made from.
        return " ".join(_text(pdf)).split("Sessions in the period:", 1)[1]

    assert "from the export file export.json" in " ".join(_text(theirs))
    assert body(mine) == body(theirs)


def test_an_export_that_is_not_one_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "notes.json"
    bad.write_text(json.dumps({"hello": 1}))
    assert main(["report", "--from", str(bad), "--output", str(tmp_path / "r.pdf")]) == 1
    assert f"{bad}: no 'sessions' list" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_one_routine_only(history: date, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    assert main(["report", "--routine", "core-routine", "--output", str(pdf)]) == 0
    text = " ".join(_text(pdf))
    assert "Core sciatica routine (no frequency known here: counted as once a day)" in text
    assert "Piriformis stretch (3 times a day)" not in text
    assert "“Stop – it hurts” in the period: 0 times" in text


def test_no_history_yet_gives_the_eight_weeks_with_nothing_in_them(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    assert main(["report", "--output", str(pdf)]) == 0
    text = " ".join(_text(pdf))
    assert "(8 weeks)" in text
    assert "Sessions in the period: 0 (" in text and "No sessions in this period." in text


def test_one_rated_session_is_one_session(data_dir: Path, tmp_path: Path) -> None:
    # A patient's first week: "Rated before and after: 1 sessions" on the report.
    store = SqliteHistoryStore.open()
    _session(
        store, "piriformis", local_today(), 9, [Outcome.DONE], pain=(5, 7),
        where=(PainLocation.BUTTOCK, PainLocation.THIGH),
    )  # fmt: skip
    store.close()
    pdf = tmp_path / "report.pdf"
    assert main(["report", "--output", str(pdf)]) == 0
    text = " ".join(_text(pdf))
    assert "Rated before and after: 1 session in the period;" in text
    assert "before and after (1 session in the period):" in text
