"""The programme card on the Routines page, as a patient uses it (real history file,
real widgets, explicit days)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests import programme_support
from tests.storage.history_support import PARIS, add_session
from timer_app.cli import main
from timer_app.core.local_time import local_today
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.routines import RoutinesPage
from timer_app.gui.programme.dialogs import FlareUpDialog, StartProgrammeDialog
from timer_app.storage.history.programme_records import EventKind, ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore

TODAY = date(2026, 3, 16)  # a Monday


@pytest.fixture(autouse=True)
def programme(monkeypatch: pytest.MonkeyPatch) -> None:
    programme_support.install(monkeypatch)


@pytest.fixture
def store(data_dir: Path) -> Iterator[SqliteHistoryStore]:
    store = SqliteHistoryStore.open()
    yield store
    store.close()


def at(day: date, hour: int = 8) -> datetime:
    return datetime.combine(day, time(hour), PARIS)


def make_page(qtbot: QtBot, store: SqliteHistoryStore, today: date | None = TODAY) -> RoutinesPage:
    model = AppModel(history=store)
    if today is not None:
        model.programme.today = lambda: today
    model.load_routines(background=False)
    page = RoutinesPage(model)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def enrol(
    store: SqliteHistoryStore, on: date, stage: int = 0, stage_on: date | None = None
) -> None:
    records = ProgrammeRecords(store.connection)
    records.start("sciatica-test", on, at(on))
    if stage:
        records.change_stage(stage, stage_on or on, at(on))


def test_the_card_shows_what_program_status_json_says(
    qtbot: QtBot, store: SqliteHistoryStore, capsys: pytest.CaptureFixture[str]
) -> None:
    today = local_today()
    enrol(store, today - timedelta(days=16), 1, today - timedelta(days=2))
    now = datetime.now().astimezone()
    add_session(store, now.replace(hour=7, minute=0), routine_id="core-routine")
    page = make_page(qtbot, store, today=None)  # the app's own today, as the CLI's
    card = page.programme_card
    assert main(["program", "status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert card.headline.text() == data["headline"]
    assert card.headline.text() == "Week 3 of 8 · Increase hold times · today: session 1 of 2 done"
    assert card.details.text() == (
        f"Stage {data['stage']['number']} of {data['stage']['of']}: "
        f"{data['progress']['sessions_done']} of {data['progress']['sessions_due']} "
        "sessions so far."
    )


def test_without_a_programme_the_card_offers_to_start_one(
    qtbot: QtBot, store: SqliteHistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, store)
    card = page.programme_card
    assert card.isVisible() and card.start_programme_button.isVisible()
    assert card.headline.text() == "A plan over weeks from your therapist"

    def accept(dialog: StartProgrammeDialog) -> int:
        dialog.choice.setCurrentIndex(dialog.choice.findData("sciatica-test"))
        assert dialog.choice.currentText() == "Sciatica – test programme"
        assert dialog.chosen() == ("sciatica-test", TODAY)
        return 1

    monkeypatch.setattr(StartProgrammeDialog, "exec", accept)
    with qtbot.waitSignal(page.model.programme_changed):
        card.start_programme_button.click()
    assert card.headline.text() == "Week 1 of 8 · Learn proper form · today: 2 to do, none done yet"
    assert not card.start_programme_button.isVisible()
    assert [b.text() for b in card.routine_buttons] == ["Start “Gentle start (weeks 1–2)”"]


def test_the_stage_routine_starts_with_the_stages_doses(
    qtbot: QtBot, store: SqliteHistoryStore
) -> None:
    enrol(store, TODAY - timedelta(days=14), 1, TODAY - timedelta(days=1))
    page = make_page(qtbot, store)
    plain = next(r for r in page.routines() if r.id == "core-routine")
    with qtbot.waitSignal(page.sig_start) as started:
        page.programme_card.routine_buttons[0].click()
    routine = started.args[0]
    assert routine.id == "core-routine"
    holds = [(e.hold, p.hold) for e, p in zip(routine.exercises, plain.exercises, strict=True)]
    assert all(mine == theirs + 15 for mine, theirs in holds if theirs is not None)
    assert any(theirs is not None for _, theirs in holds)


def test_at_the_stages_end_the_marker_then_the_suggestion_then_the_next_stage(
    qtbot: QtBot, store: SqliteHistoryStore
) -> None:
    start = TODAY - timedelta(days=13)  # today is the first stage's last day
    enrol(store, start)
    for n in range(14):  # 2 a day, every day: 28 of 28
        add_session(store, at(start + timedelta(days=n), 7), routine_id="gentle-start")
        add_session(store, at(start + timedelta(days=n), 18), routine_id="gentle-start")
    page = make_page(qtbot, store)
    card = page.programme_card
    assert card.marker.isVisible()
    assert card.marker.words.text() == "End of stage 1: Learn proper form. Less morning stiffness?"
    card.marker.button("Yes").click()
    assert card.marker.words.text() == "You are ready for stage 2: Increase hold times."
    card.marker.button("Move on to the next stage").click()
    # Moved on on the last day of week 2: the plan's week of "Increase hold times"
    # (weeks 3-4) is week 3, and the week never goes back.
    assert card.headline.text().startswith("Week 3 of 8 · Increase hold times")
    kinds = [e.kind for e in ProgrammeRecords(store.connection).events()]
    assert kinds == [EventKind.STARTED, EventKind.MARKER_YES, EventKind.ADVANCED]
    assert not card.marker.isVisible()


def test_not_ready_the_card_says_why_and_the_stage_goes_on(
    qtbot: QtBot, store: SqliteHistoryStore
) -> None:
    start = TODAY - timedelta(days=13)
    enrol(store, start)
    add_session(store, at(TODAY - timedelta(days=1)), routine_id="gentle-start", pain=(3, 6))
    page = make_page(qtbot, store)
    card = page.programme_card
    card.marker.button("Not yet").click()
    assert card.marker.words.text() == (
        "You stay in this stage for now:\n"
        "You did 1 of the 28 sessions due in this stage; 23 are needed to move on.\n"
        "Your pain after a session this week was 6 out of 10; moving on needs it at 4 or less."
    )
    assert card.marker.buttons == []


def test_with_advance_therapist_it_only_says_to_ask_them(
    qtbot: QtBot, store: SqliteHistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from timer_app.core.programme.model import Advance

    programme_support.install(
        monkeypatch, replace(programme_support.EIGHT, advance=Advance.THERAPIST)
    )
    start = TODAY - timedelta(days=13)
    enrol(store, start)
    for n in range(14):
        for hour in (7, 18):
            add_session(store, at(start + timedelta(days=n), hour), routine_id="gentle-start")
    card = make_page(qtbot, store).programme_card
    card.marker.button("Yes").click()
    assert card.marker.words.text() == "Ask your therapist about the next step."
    assert card.marker.buttons == []


def test_the_morning_after_a_session_one_optional_question(
    qtbot: QtBot, store: SqliteHistoryStore
) -> None:
    enrol(store, TODAY - timedelta(days=20), 1, TODAY - timedelta(days=6))
    add_session(store, at(TODAY - timedelta(days=2)), routine_id="core-routine")
    add_session(store, at(TODAY - timedelta(days=1)), routine_id="core-routine")
    records = ProgrammeRecords(store.connection)
    from timer_app.core.programme.monitoring import MorningAnswer

    records.record_morning_check(TODAY - timedelta(days=1), MorningAnswer.WORSE, at(TODAY))
    card = make_page(qtbot, store).programme_card
    assert card.morning.isVisible()
    assert card.morning.words.text() == (
        "Compared with before yesterday's session, your pain this morning is:"
    )
    assert [b.text() for b in card.morning.buttons] == ["Better", "Same", "Worse", "Not now"]
    assert not card.notes.isVisible()
    card.morning.button("Worse").click()
    assert not card.morning.isVisible()  # asked once a day
    assert card.notes.text() == (
        "Your pain was worse two mornings running.\n"
        "Consider going back to the previous stage, and contact your therapist."
    )
    card.step_back_button.click()
    assert card.headline.text().startswith("Week 3 of 8 · Learn proper form")
    assert records.current().stage_index == 0  # type: ignore[union-attr]


def test_not_now_closes_the_morning_question_for_today(
    qtbot: QtBot, store: SqliteHistoryStore
) -> None:
    enrol(store, TODAY - timedelta(days=3))
    add_session(store, at(TODAY - timedelta(days=1)), routine_id="gentle-start")
    page = make_page(qtbot, store)
    page.programme_card.morning.button("Not now").click()
    assert not page.programme_card.morning.isVisible()
    again = make_page(qtbot, store)  # opened again the same day
    assert not again.programme_card.morning.isVisible()


def test_a_flare_up_switches_to_the_flare_up_routine_for_its_days_and_is_recorded(
    qtbot: QtBot, store: SqliteHistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    enrol(store, TODAY - timedelta(days=16), 1, TODAY - timedelta(days=2))
    page = make_page(qtbot, store)
    card = page.programme_card
    shown: list[str] = []

    def accept(dialog: FlareUpDialog) -> int:
        shown.append(dialog.text())
        return 1

    monkeypatch.setattr(FlareUpDialog, "exec", accept)
    card.flare_up_button.click()
    assert "Toe-touches, deep squats and leg presses." in shown[0]
    assert "Heat before exercising." in shown[0]
    assert (
        "For the next 3 days: “Knee-to-chest stretch” instead of your stage's routines" in shown[0]
    )
    # The date as the History page writes it ("Sun 06 Dec"), on both lines.
    assert card.details.text().startswith(
        "Flare-up plan until Wed 18 Mar: “Knee-to-chest stretch”, then back to your stage."
    )
    assert card.headline.text().endswith(" · flare-up plan until Wed 18 Mar")
    assert [b.text() for b in card.routine_buttons] == ["Start “Knee-to-chest stretch”"]
    assert not card.flare_up_button.isVisible()
    event = ProgrammeRecords(store.connection).events()[-1]
    assert (event.kind, event.day, event.until) == (EventKind.FLARE_UP, TODAY, date(2026, 3, 18))
    card.end_flare_up_button.click()
    assert [b.text() for b in card.routine_buttons] == ["Start “Core sciatica routine”"]


def test_after_the_flare_up_days_the_stage_returns_by_itself(
    qtbot: QtBot, store: SqliteHistoryStore
) -> None:
    enrol(store, TODAY - timedelta(days=16), 1, TODAY - timedelta(days=2))
    ProgrammeRecords(store.connection).start_flare_up(
        TODAY - timedelta(days=3), TODAY - timedelta(days=1), "knee-to-chest", at(TODAY)
    )
    card = make_page(qtbot, store).programme_card
    assert card.flare_up_button.isVisible()
    assert [b.text() for b in card.routine_buttons] == ["Start “Core sciatica routine”"]


def test_back_from_a_session_the_card_counts_it(qtbot: QtBot, store: SqliteHistoryStore) -> None:
    enrol(store, TODAY - timedelta(days=3))
    page = make_page(qtbot, store)
    assert page.programme_card.headline.text().endswith("today: 2 to do, none done yet")
    page.hide()  # the session screen takes the window
    add_session(store, at(TODAY, 9), routine_id="gentle-start")
    page.show()
    assert page.programme_card.headline.text().endswith("today: session 1 of 2 done")


def test_stop_programme_asks_first_and_keeps_the_history(
    qtbot: QtBot, store: SqliteHistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    enrol(store, TODAY - timedelta(days=3))
    add_session(store, at(TODAY, 9), routine_id="gentle-start")
    card = make_page(qtbot, store).programme_card
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: answers.pop(0))
    card.stop_button.click()
    assert ProgrammeRecords(store.connection).current() is not None
    card.stop_button.click()
    assert ProgrammeRecords(store.connection).current() is None
    assert card.headline.text() == "A plan over weeks from your therapist"
    assert card.start_programme_button.isVisible()
    assert len(store.list_sessions()) == 1


def test_a_programmes_words_are_shown_as_written(
    qtbot: QtBot, store: SqliteHistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    hostile = replace(
        programme_support.EIGHT,
        stages=(
            replace(programme_support.EIGHT.stages[0], name="<b>Bold</b> & <img src=x>"),
            *programme_support.EIGHT.stages[1:],
        ),
    )
    programme_support.install(monkeypatch, hostile)
    enrol(store, TODAY)
    card = make_page(qtbot, store).programme_card
    assert card.headline.text() == (
        "Week 1 of 8 · <b>Bold</b> & <img src=x> · today: 2 to do, none done yet"
    )
    assert card.headline.textFormat().name == "PlainText"


def test_without_a_flare_up_routine_the_shortest_bundled_one_is_used(
    qtbot: QtBot, store: SqliteHistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from timer_app.core.plan import plan_size
    from timer_app.core.programme.model import FlareUp

    programme_support.install(monkeypatch, replace(programme_support.EIGHT, flare_up=FlareUp()))
    enrol(store, TODAY)
    page = make_page(qtbot, store)
    chosen = page.model.programme.flare_up_routine()
    assert chosen is not None and chosen.id == "piriformis"  # about 50 s
    shortest = min(plan_size(r).seconds for r in page.routines())
    assert plan_size(chosen).seconds == shortest


def test_a_programme_whose_file_is_gone_can_still_be_stopped(
    qtbot: QtBot, store: SqliteHistoryStore
) -> None:
    ProgrammeRecords(store.connection).start("gone-programme", TODAY, at(TODAY))
    card = make_page(qtbot, store).programme_card
    assert card.headline.text() == (
        "Your programme “gone-programme” was not found in the routine folders."
    )
    assert card.stop_button.isVisible() and not card.flare_up_button.isVisible()


def test_the_stage_line_and_a_flare_up_plan_show_once_a_programme_starts(
    qtbot: QtBot, store: SqliteHistoryStore
) -> None:
    # The card first shows "A plan over weeks" (no programme yet, or the history
    # not read yet at the first paint), which hides its details; once a programme
    # ran, the stage's line and the flare-up plan's "until" stayed hidden.
    page = make_page(qtbot, store)
    card = page.programme_card
    assert not card.details.isVisible()
    assert page.model.programme.start("sciatica-test", TODAY)
    assert card.details.isVisible()
    assert card.details.text().startswith("Stage 1 of 4: 0 of ")
    page.model.programme.start_flare_up()
    assert card.details.isVisible()
    assert card.details.text().startswith("Flare-up plan until Wed 18 Mar: “Knee-to-chest stretch”")


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_starting_a_programme_while_one_runs_asks_before_replacing_it(
    qtbot: QtBot, store: SqliteHistoryStore, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    from PySide6.QtWidgets import QMessageBox

    page = make_page(qtbot, store)
    card = page.programme_card
    # Started from a terminal while the card still offered Start programme…
    ProgrammeRecords(store.connection).start(
        "sciatica-test", date(2026, 3, 2), at(date(2026, 3, 2)), 0, None
    )
    monkeypatch.setattr(
        StartProgrammeDialog,
        "exec",
        lambda dialog: (
            dialog.choice.setCurrentIndex(dialog.choice.findData("sciatica-8-weeks")) or 1
        ),
    )
    asked: list[str] = []

    def question(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    card.start_programme_button.click()
    assert asked == [
        "“Sciatica – test programme”, started Mon 02 Mar 2026, is running. Stop it and "
        "start “Sciatica – 8 weeks” in its place? Its sessions stay in your history."
    ]
    running = ProgrammeRecords(store.connection).current()
    assert running is not None
    assert running.programme_id == ("sciatica-8-weeks" if answer == "Yes" else "sciatica-test")


def test_the_start_dialog_writes_the_first_day_as_a_date_one_reads(qtbot: QtBot) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QLabel

    from timer_app.gui.programme.dialogs import date_edit_format

    dialog = StartProgrammeDialog({}, date(2026, 12, 5))
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Programme:" in labels and "First day:" in labels
    before = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        under_c = StartProgrammeDialog({}, date(2026, 12, 5))
        qtbot.addWidget(under_c)
        assert under_c.first_day.text() == "2026-12-05"  # was "5 12 2026"
    finally:
        QLocale.setDefault(before)
    # The C locale's own format read "5 12 2026".
    assert date_edit_format(QLocale.c()) == "yyyy-MM-dd"
    assert QLocale.c().toString(dialog.first_day.date(), date_edit_format(QLocale.c())) == (
        "2026-12-05"
    )
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert us.toString(dialog.first_day.date(), date_edit_format(us)) == "12/5/2026"
    uk = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert uk.toString(dialog.first_day.date(), date_edit_format(uk)) == "05/12/2026"
