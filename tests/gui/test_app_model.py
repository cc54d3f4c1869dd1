"""The app model as the pages see it: one owner of routines, history and settings.

Pages subscribe to the model and nobody pushes into them: a setting changed once is
saved and announced once, M during a session is remembered at the next start, the
History page follows a session and an import by itself, and a page built later
reads what the model holds already.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui.session_support import open_session
from tests.gui.window_helpers import GOOD_ROUTINE, add_session, write
from timer_app.core.clock import FakeClock
from timer_app.core.local_time import local_today
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.clinic_folders_dialog import ClinicFoldersDialog
from timer_app.gui.pages.history import HistoryPage
from timer_app.gui.pages.routines import RoutinesPage
from timer_app.gui.pages.safety import SafetyPage
from timer_app.gui.window.start import build_main_window
from timer_app.storage import paths
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.settings import Settings, load_settings


def _announcements(model: AppModel) -> list[frozenset[str]]:
    heard: list[frozenset[str]] = []
    model.settings_changed.connect(heard.append)
    return heard


def test_a_change_is_saved_at_once_and_announced_once() -> None:
    model = AppModel(load_settings())
    heard = _announcements(model)

    assert model.update_settings(beeps_only=True, ask_pain_before=False)
    assert heard == [frozenset({"beeps_only", "ask_pain_before"})]
    saved = load_settings()
    assert saved.beeps_only and not saved.ask_pain_before and not saved.muted
    # The same values again change nothing: nothing to say, nothing to write.
    assert model.update_settings(beeps_only=True)
    assert heard == [frozenset({"beeps_only", "ask_pain_before"})]


def test_the_settings_handed_out_are_a_copy_only_the_model_changes() -> None:
    model = AppModel(Settings())
    model.settings.muted = True  # a reader scribbling on its copy
    assert not model.settings.muted and not load_settings().muted


def test_a_page_previewed_alone_never_writes_defaults_over_the_file(qtbot: QtBot) -> None:
    AppModel(Settings(muted=True, clinic_folders=["/srv/clinic"])).update_settings(
        ask_pain_before=False
    )
    page = RoutinesPage()  # its own model, from the file
    qtbot.addWidget(page)
    page.model.update_settings(beeps_only=True)
    saved = load_settings()
    assert saved.muted and saved.beeps_only and saved.clinic_folders == ["/srv/clinic"]


def test_a_folder_that_refuses_the_file_keeps_the_choice_and_saves_it_later() -> None:
    # A folder where the settings file should be: the write fails (OSError).
    paths.settings_path().mkdir(parents=True)
    model = AppModel(Settings())
    heard = _announcements(model)

    assert not model.set_muted(True)
    assert model.settings.muted and heard == [frozenset({"muted"})]
    paths.settings_path().rmdir()  # the person tidied up
    assert model.update_settings(window_geometry="AAAA")
    saved = load_settings()
    assert saved.muted and saved.window_geometry == "AAAA"


def test_m_during_a_session_is_saved_and_the_safety_page_shows_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    s = open_session(qtbot, tmp_path)
    safety = SafetyPage(s.model)
    qtbot.addWidget(safety)
    assert safety.sound_settings is not None
    assert not safety.sound_settings.mute_box.isChecked()

    qtbot.keyClick(s.view, Qt.Key.Key_Space)
    qtbot.keyClick(s.view, Qt.Key.Key_M)
    assert load_settings().muted  # remembered at the next start (it was forgotten)
    assert s.view.running.mute_button.isChecked()
    assert safety.sound_settings.mute_box.isChecked()
    assert "Sound is muted now" in safety.sound_label.text()

    qtbot.keyClick(s.view, Qt.Key.Key_M)
    assert not load_settings().muted and not safety.sound_settings.mute_box.isChecked()


def test_the_history_page_follows_a_session_without_being_told(
    qtbot: QtBot, tmp_path: Path
) -> None:
    s = open_session(qtbot, tmp_path)
    page = HistoryPage(s.model)
    qtbot.addWidget(page)
    assert page.sessions() == [] and page.table.rowCount() == 0

    qtbot.keyClick(s.view, Qt.Key.Key_Space)
    s.advance(3.0)
    with qtbot.waitSignal(s.model.history_changed):
        qtbot.keyClick(s.view, Qt.Key.Key_Escape)  # end early (confirmed)

    assert [x.routine_id for x in page.sessions()] == ["test-session"]
    assert page.table.rowCount() == 1


def test_an_import_reaches_the_routines_page_and_the_history_figures(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = SqliteHistoryStore.open()
    add_session(store, day=local_today() - timedelta(days=1))  # my-stretch, 3x/day
    model = AppModel(history=store)
    routines = RoutinesPage(model)
    history = HistoryPage(model)
    for page in (routines, history):
        qtbot.addWidget(page)
    model.load_routines(background=False)
    assert "my-stretch" not in [r.id for r in routines.routines()]
    week_before = history.week_value.text()

    routines.import_file(write(tmp_path / "usb" / "my-stretch.yaml", GOOD_ROUTINE))

    assert "my-stretch" in [r.id for r in model.routines()]
    assert routines.selected_routine() is not None
    assert routines.selected_routine().id == "my-stretch"  # type: ignore[union-attr]
    # Its prescribed 3 a day now counts on the History page, nobody pushed it there.
    assert history.week_value.text() != week_before
    assert "so far this week" in history.week_value.text()


def test_pages_built_later_read_what_the_model_holds(qtbot: QtBot, data_dir: Path) -> None:
    write(data_dir / "routines" / "my-stretch.yaml", GOOD_ROUTINE)
    store = SqliteHistoryStore.open()
    add_session(store, day=local_today())
    model = AppModel(Settings(muted=True), store)
    model.load_routines(background=False)

    routines = RoutinesPage(model)
    history = HistoryPage(model)
    safety = SafetyPage(model)
    for page in (routines, history, safety):
        qtbot.addWidget(page)

    assert "my-stretch" in [r.id for r in routines.routines()]  # no reload asked
    assert [x.routine_id for x in history.sessions()] == ["my-stretch"]
    assert history.today_value.text() == "Session 2 of 3 today"  # its frequency known
    assert safety.sound_settings is not None and safety.sound_settings.mute_box.isChecked()
    safety.show()
    assert safety.first_run_box.isVisible()


def test_a_session_started_hides_the_first_run_question_and_it_stays_answered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    s = open_session(qtbot, tmp_path)  # a first run: Safety not confirmed yet
    safety = SafetyPage(s.model)
    qtbot.addWidget(safety)
    safety.show()
    assert safety.first_run_box.isVisible()

    qtbot.keyClick(s.view, Qt.Key.Key_Space)
    assert not safety.first_run_box.isVisible()  # it stayed up before
    assert load_settings().first_run_safety_seen


def test_a_clinic_folder_added_in_the_window_survives_closing_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the window kept the settings it read at start and wrote them back
    on closing: the clinic folder just added was gone at the next start."""
    clinic = tmp_path / "riverside"
    write(clinic / "week-3.yaml", "title: Week 3\nexercises:\n  - use: knee-to-chest\n")
    window = build_main_window(
        start=None, clock=FakeClock(), settings=Settings(first_run_safety_seen=True), history=None
    )
    qtbot.addWidget(window)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(clinic))

    def add_it(dialog: QDialog) -> int:
        assert isinstance(dialog, ClinicFoldersDialog)
        dialog.add_button.click()
        return 0

    monkeypatch.setattr(ClinicFoldersDialog, "exec", add_it)
    window.routines_page.folders_button.click()
    assert "week-3" in [r.id for r in window.routines_page.routines()]
    assert window.model.settings.clinic_folders == [str(clinic)]

    window.close()
    assert load_settings().clinic_folders == [str(clinic)]
    assert load_settings().window_geometry  # and the window's place is kept too


def test_a_history_page_shown_before_the_history_opened_fills_once_it_does(
    qtbot: QtBot,
) -> None:
    """Alt+2 in the moment before start-up opened the history: the page said it
    was not available and, before, kept its Export and Report buttons greyed."""
    model = AppModel()
    page = HistoryPage(model)
    qtbot.addWidget(page)
    assert not page.export_button.isEnabled()

    store = SqliteHistoryStore.open()
    add_session(store, day=local_today())
    model.set_history(store)  # as finish_main_window does after the first paint

    assert [x.routine_id for x in page.sessions()] == ["my-stretch"]
    assert page.export_button.isEnabled() and page.report_button.isEnabled()


def test_a_safety_page_already_built_names_the_clinic_of_a_folder_added(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timer_app.core.safety_text import Tier
    from timer_app.gui.pages import safety_words

    clinic = tmp_path / "riverside"
    write(clinic / "week-3.yaml", "title: Week 3\nexercises:\n  - use: knee-to-chest\n")
    write(clinic / "clinic.yaml", 'name: Riverside Physio\nemergency_number: "000"\n')
    window = build_main_window(
        start=None, clock=FakeClock(), settings=Settings(first_run_safety_seen=True), history=None
    )
    qtbot.addWidget(window)
    window.show_page("safety")  # F1 first: the page is built before the folder is added
    emergency = window.safety_page.tier_headings[Tier.EMERGENCY]
    assert "000" not in emergency.text() and not window.safety_page.clinic.text()

    monkeypatch.setattr(
        ClinicFoldersDialog, "exec", lambda dialog: 0 if dialog.add_folder(str(clinic)) else 1
    )
    window.show_page("routines")
    window.routines_page.folders_button.click()
    window.show_page("safety")

    assert window.safety_page.clinic.text() == "Your clinic: Riverside Physio"
    assert "000" in emergency.text()
    safety_words.clinic_info.cache_clear()
    safety_words.emergency_number.cache_clear()


def test_the_history_page_shown_the_next_morning_counts_the_new_day(qtbot: QtBot) -> None:
    """It no longer rereads on every show (the model says when sessions change),
    but a window left open overnight must not show yesterday's "today"."""
    from timer_app.core.routine import Frequency

    friday = local_today()
    day = [friday]
    store = SqliteHistoryStore.open()
    add_session(store, day=friday)
    page = HistoryPage(AppModel(history=store), today=lambda: day[0])
    qtbot.addWidget(page)
    page.set_frequencies({"my-stretch": Frequency(3, "day")})
    page.show()
    assert page.today_value.text() == "Session 2 of 3 today"

    page.hide()
    day[0] = friday + timedelta(days=1)
    page.show()
    assert page.today_value.text() == "Session 1 of 3 today"
