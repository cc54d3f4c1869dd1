"""The history page with a real SQLite history: figures, the list, the export."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui.window_helpers import add_session
from timer_app.core.history import SessionStatus
from timer_app.core.routine import Frequency
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.history import HistoryPage
from timer_app.storage.history.store import SqliteHistoryStore

TODAY = date(2026, 11, 20)  # a Friday


def make_page(qtbot: QtBot, store: SqliteHistoryStore) -> HistoryPage:
    page = HistoryPage(AppModel(history=store), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.set_frequencies({"my-stretch": Frequency(3, "day")})
    page.refresh()
    return page


def filled_store() -> SqliteHistoryStore:
    store = SqliteHistoryStore.open()
    # Three days in a row with all three sessions, then one so far today.
    for days_ago in (3, 2, 1):
        for hour in (8, 13, 19):
            add_session(
                store, day=TODAY - timedelta(days=days_ago), hour=hour, pain_before=6, pain_after=4
            )
    add_session(store, day=TODAY, hour=8, pain_before=5, pain_after=3, notes="felt looser")
    add_session(
        store, day=TODAY, hour=10, status=SessionStatus.ENDED_EARLY, pain_before=5, pain_after=7
    )
    return store


def test_figures_at_a_glance(qtbot: QtBot) -> None:
    page = make_page(qtbot, filled_store())
    # Today is not over, so its one session does not break the 3-day streak.
    assert page.streak_value.text() == "3 days"
    assert page.today_value.text() == "Session 2 of 3 today"
    # The history starts on Tuesday 17: Tue, Wed, Thu complete (9) and 1 so far
    # today. Monday came before the first session; today's two still to do and
    # Saturday and Sunday are not due yet, so everything done reads 100 %.
    assert page.week_value.text() == "10 of 10 so far this week (100 %)"


def test_this_week_counts_a_missed_day_but_not_the_days_to_come(qtbot: QtBot) -> None:
    # Two weeks of three a day up to Sunday, a Monday with only one, today Tuesday.
    store = SqliteHistoryStore.open()
    tuesday = TODAY + timedelta(days=4)
    for days_ago in range(1, 16):
        for hour in (8, 13, 19)[: 1 if days_ago == 1 else 3]:
            add_session(store, day=tuesday - timedelta(days=days_ago), hour=hour)
    add_session(store, day=tuesday, hour=8)
    page = HistoryPage(AppModel(history=store), today=lambda: tuesday)
    qtbot.addWidget(page)
    page.set_frequencies({"my-stretch": Frequency(3, "day")})
    page.refresh()
    # Monday: 1 of 3 due; today: 1 done, 2 still to do (the Today figure says so).
    assert page.week_value.text() == "2 of 4 so far this week (50 %)"
    assert page.today_value.text() == "Session 2 of 3 today"


def test_a_weekly_routine_shows_a_count_toward_its_target(qtbot: QtBot) -> None:
    store = SqliteHistoryStore.open()
    add_session(store, day=TODAY - timedelta(days=2))
    page = make_page(qtbot, store)
    page.set_frequencies({"my-stretch": Frequency(3, "week")})
    assert page.week_value.text() == "1 of 3 this week"


def test_a_stop_it_hurts_report_shows_in_the_status_cell(qtbot: QtBot) -> None:
    from datetime import UTC, datetime

    from timer_app.core.history import StopReason, StopReport

    store = filled_store()
    stopped = add_session(store, day=TODAY, hour=11)
    for reason in (StopReason.PAIN_SPREAD, StopReason.SHARP_PAIN):
        report = StopReport(reason, 0, "Exercise 1", datetime(2026, 11, 20, 11, 2, tzinfo=UTC))
        store.record_stop(stopped, report)
    page = make_page(qtbot, store)
    status = page.table.item(0, 2)
    assert status.text() == "Completed · stopped 2 times"
    assert status.toolTip() == (
        "Stop – it hurts: Pain spread further down my leg; Sharp or shooting pain"
    )
    # The sessions without a stop read as before.
    assert page.table.item(1, 2).text() == "Ended early"
    assert page.table.item(2, 2).text() == "Completed"


def test_sessions_are_listed_newest_first_with_status_pain_and_notes(qtbot: QtBot) -> None:
    page = make_page(qtbot, filled_store())
    assert page.table.rowCount() == 11
    newest = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert newest[1] == "My stretch"
    assert newest[2] == "Ended early"
    assert newest[3] == "0 of 2"
    assert newest[4] == "0 of 12"  # reps done of planned
    assert newest[6] == "5 → 7"
    second = [page.table.item(1, c).text() for c in range(page.table.columnCount())]
    assert second[2] == "Completed"
    assert second[5] == "5 min"
    assert second[7] == "felt looser"


def test_pain_chart_shows_each_session_so_a_rise_is_not_averaged_away(qtbot: QtBot) -> None:
    page = make_page(qtbot, filled_store())
    points = page.chart.points()
    assert len(points) == 11  # every rated session, not one point a day
    # Today: 5 -> 3, then 5 -> 7; a daily mean showed 5 -> 5 and hid the rise.
    assert [(p.day, p.before, p.after) for p in points[-2:]] == [
        (TODAY, 5, 3),
        (TODAY, 5, 7),
    ]


def test_the_routine_chosen_decides_the_figures_the_table_and_the_chart(qtbot: QtBot) -> None:
    store = filled_store()
    add_session(
        store,
        day=TODAY,
        hour=12,
        routine_id="nerve-glides",
        title="Nerve glides",
        pain_before=2,
        pain_after=2,
    )
    page = make_page(qtbot, store)
    assert page.routine_choice.currentText() == "Nerve glides"  # the newest session's
    assert page.scope.text() == "Showing Nerve glides: its figures, sessions and pain."
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "Nerve glides"
    assert [(p.before, p.after) for p in page.chart.points()] == [(2, 2)]
    assert page.today_value.text() == "Done today ✓"

    page.routine_choice.setCurrentIndex(page.routine_choice.findText("My stretch"))
    assert page.scope.text() == "Showing My stretch: its figures, sessions and pain."
    assert page.table.rowCount() == 11
    assert {page.table.item(r, 1).text() for r in range(11)} == {"My stretch"}
    assert len(page.chart.points()) == 11
    assert page.today_value.text() == "Session 2 of 3 today"


def test_an_empty_history_says_nothing_wrong(qtbot: QtBot) -> None:
    page = make_page(qtbot, SqliteHistoryStore.open())
    assert page.table.rowCount() == 0
    assert page.streak_value.text() == "–"
    assert not page.message.isVisible()


def test_export_csv_through_the_save_dialog(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    page = make_page(qtbot, filled_store())
    target = tmp_path / "for-my-therapist.csv"
    answer = (str(target), "CSV for spreadsheets (*.csv)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: answer)
    assert page.export() == target
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 11
    assert rows[-1]["status"] == "ended_early"  # oldest first: the newest is last
    assert rows[-1]["pain_before"] == "5" and rows[-1]["pain_after"] == "7"
    assert f"Saved your history to {target}" in page.message.text()


def test_export_json_when_chosen(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    page = make_page(qtbot, filled_store())
    target = tmp_path / "history"
    answer = (str(target), "JSON (*.json)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: answer)
    written = page.export()
    assert written == tmp_path / "history.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert len(data["sessions"]) == 11


def test_cancelled_export_writes_nothing(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    page = make_page(qtbot, filled_store())
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert page.export() is None
    assert list(tmp_path.glob("*.csv")) == []


def test_figures_in_words() -> None:
    from timer_app.core.session_table import pain_change_in_words
    from timer_app.core.stats import SessionOrdinal, Streak
    from timer_app.gui.pages.history import ordinal_in_words, streak_in_words

    assert ordinal_in_words(SessionOrdinal(2, 3, "day")) == "Session 2 of 3 today"
    assert ordinal_in_words(SessionOrdinal(4, 3, "day")) == "All 3 done today"
    assert ordinal_in_words(SessionOrdinal(2, 1, "day")) == "Done today ✓"
    assert ordinal_in_words(SessionOrdinal(1, 2, "week")) == "Session 1 of 2 this week"
    assert streak_in_words(Streak(1, "day")) == "1 day"
    assert streak_in_words(Streak(3, "week")) == "3 weeks"
    assert pain_change_in_words(5, 3) == "5 → 3"
    assert pain_change_in_words(None, 3) == "– → 3"
    assert pain_change_in_words(None, None) == "–"


def test_dates_are_written_in_the_desktops_language(qtbot: QtBot) -> None:
    from PySide6.QtCore import QLocale

    english = make_page(qtbot, filled_store())
    assert english.table.item(0, 0).text() == "Fri 20 Nov, 10:00"
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        page = make_page(qtbot, SqliteHistoryStore.open())
        when = page.table.item(0, 0).text()
        assert when.startswith("Fr.") and "Nov." in when and when.endswith("10:00")
        assert "Freitag 20 November 2026" in page.chart.accessibleDescription()
    finally:
        QLocale.setDefault(previous)


def test_the_table_headers_say_what_each_figure_counts(qtbot: QtBot) -> None:
    page = make_page(qtbot, filled_store())
    tips = {
        page.table.horizontalHeaderItem(c).text(): page.table.horizontalHeaderItem(c).toolTip()
        for c in range(page.table.columnCount())
    }
    assert "every planned rep" in tips["Exercises"]
    assert "all sets, all sides" in tips["Reps"]
    assert "pauses left out" in tips["Time"]


def test_the_notes_header_is_never_clipped_in_a_narrow_window(qtbot: QtBot) -> None:
    page = make_page(qtbot, filled_store())
    page.resize(640, 600)
    page.show()
    qtbot.waitExposed(page)
    header = page.table.horizontalHeader()
    notes = [page.table.horizontalHeaderItem(c).text() for c in range(8)].index("Notes")
    # The column is at least as wide as its header's words, however the others take room.
    words = header.fontMetrics().horizontalAdvance("Notes")
    assert header.sectionSize(notes) >= header.sectionSizeHint(notes) > words
