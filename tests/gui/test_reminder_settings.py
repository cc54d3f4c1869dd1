"""Reminders on Safety & help, as a person sets them: saved at once, read back, explained."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests import programme_support
from tests.storage.history_support import add_session
from timer_app.core.reminders.schedule import ReminderSettings
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.reminder_outlook import next_reminder_line
from timer_app.gui.pages.reminder_settings import ReminderSettingsPanel
from timer_app.storage import paths
from timer_app.storage.history.programme_records import ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.reminder_settings import reminder_settings, with_reminders
from timer_app.storage.settings import load_settings, save_settings

LONDON = ZoneInfo("Europe/London")


def _panel(qtbot: QtBot, model: AppModel, idle: str | bool | None = False) -> ReminderSettingsPanel:
    source = None if idle is False else (lambda: idle)  # type: ignore[return-value]
    panel = ReminderSettingsPanel(model, source)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.show()
    return panel


def press(qtbot: QtBot, box: QWidget) -> None:
    """Tab to a box and press Space, as a keyboard user does (a click at the centre
    of a check box the layout stretched lands beside its words)."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def _saved() -> ReminderSettings:
    return reminder_settings(load_settings())


def test_off_by_default_with_its_fields_greyed_out(qtbot: QtBot) -> None:
    panel = _panel(qtbot, AppModel())
    assert not panel.enabled_box.isChecked() and not panel.breaks_box.isChecked()
    assert not panel.times_edit.isEnabled() and not panel.break_minutes.isEnabled()
    assert all(box.isChecked() for box in panel.day_boxes)
    assert panel.quiet_start.time() == QTime(21, 0) and panel.quiet_end.time() == QTime(8, 0)
    assert panel.break_minutes.value() == 25
    assert panel.next_label.text() == ""


def test_turning_on_and_typing_times_saves_them_at_once(qtbot: QtBot) -> None:
    model = AppModel()
    panel = _panel(qtbot, model)
    with qtbot.waitSignal(panel.sig_changed):
        panel.enabled_box.setFocus()
        qtbot.keyClick(panel.enabled_box, Qt.Key.Key_Space)
    assert panel.times_edit.isEnabled()
    assert panel.next_label.text() == "Choose at least one time of day for your reminders."
    panel.times_edit.setFocus()
    qtbot.keyClicks(panel.times_edit, "18:30, 8:00")
    qtbot.keyClick(panel.times_edit, Qt.Key.Key_Return)
    assert _saved().times == (time(8, 0), time(18, 30))
    assert _saved().enabled
    stored = json.loads(paths.settings_path().read_text(encoding="utf-8"))
    assert stored["reminders"]["times"] == ["08:00", "18:30"]
    assert panel.next_label.text().startswith("Next reminder: ")
    assert "Time for your exercises" in panel.next_label.text()


def test_a_time_that_is_not_one_is_named_and_nothing_is_saved(qtbot: QtBot) -> None:
    model = AppModel()
    model.update_settings(
        reminders=with_reminders(model.settings, ReminderSettings(enabled=True)).reminders
    )
    panel = _panel(qtbot, model)
    panel.times_edit.setFocus()
    qtbot.keyClicks(panel.times_edit, "08:00, 8am")
    qtbot.keyClick(panel.times_edit, Qt.Key.Key_Return)
    assert panel.times_problem.isVisible()
    assert panel.times_problem.text() == (
        "Times of day: '8am' is not a time. Write 24-hour times such as 08:00, 18:30."
    )
    assert _saved().times == ()
    panel.times_edit.clear()
    qtbot.keyClicks(panel.times_edit, "08:00 20:15")
    qtbot.keyClick(panel.times_edit, Qt.Key.Key_Return)
    assert not panel.times_problem.isVisible()
    assert _saved().times == (time(8, 0), time(20, 15))


def test_days_quiet_hours_breaks_and_background_are_kept(qtbot: QtBot) -> None:
    model = AppModel()
    panel = _panel(qtbot, model)
    press(qtbot, panel.enabled_box)
    for box in panel.day_boxes[5:]:  # no weekend reminders
        press(qtbot, box)
    panel.quiet_start.setTime(QTime(22, 30))
    panel.quiet_end.setTime(QTime(7, 0))
    press(qtbot, panel.breaks_box)
    assert panel.break_minutes.isEnabled()
    panel.break_minutes.setValue(40)
    press(qtbot, panel.background_box)
    assert _saved() == ReminderSettings(
        enabled=True,
        days=frozenset(range(5)),
        quiet_start=time(22, 30),
        quiet_end=time(7, 0),
        breaks_enabled=True,
        break_minutes=40,
        in_background=True,
    )
    # The minutes stay between 15 and 60.
    panel.break_minutes.setValue(5)
    assert _saved().break_minutes == 15


def test_the_panel_follows_the_model_and_a_restart(qtbot: QtBot, data_dir: Path) -> None:
    save_settings(
        with_reminders(
            load_settings(),
            ReminderSettings(enabled=True, times=(time(7, 45),), days=frozenset({6})),
        )
    )
    panel = _panel(qtbot, AppModel())
    assert panel.enabled_box.isChecked()
    assert panel.times_edit.text() == "07:45"
    assert [box.isChecked() for box in panel.day_boxes] == [False] * 6 + [True]


def test_it_says_whether_the_desktop_tells_idle_time(qtbot: QtBot) -> None:
    known = _panel(qtbot, AppModel(), idle="GNOME Mutter")
    qtbot.waitUntil(known.idle_label.isVisible)
    assert known.idle_label.text() == (
        "The app can tell when you step away from the computer (GNOME Mutter): "
        "after 5 minutes away, the minutes before a break count from zero again."
    )
    unknown = _panel(qtbot, AppModel(), idle=None)
    qtbot.waitUntil(unknown.idle_label.isVisible)
    assert unknown.idle_label.text() == (
        "This desktop does not tell the app when you step away from the computer: "
        "the minutes before a break count from the end of your last session, "
        "or from when the reminders started."
    )


def test_the_page_shows_at_once_while_the_idle_probe_waits(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The probe is a D-Bus call that may wait for a bus that never answers: the
    Safety page is shown and answers keys meanwhile; the line comes with the answer."""
    import threading

    from timer_app.gui.pages import safety

    release, asked, answered = threading.Event(), threading.Event(), threading.Event()

    def never_answers() -> str | None:
        asked.set()
        release.wait(timeout=10)  # a bus that never answers (10 s: a test that fails ends)
        answered.set()
        return None

    monkeypatch.setattr(safety, "desktop_idle_source", lambda: never_answers)
    page = safety.SafetyPage(AppModel())
    qtbot.addWidget(page)
    page.show()
    try:
        qtbot.waitExposed(page)
        panel = page.reminder_settings
        assert panel is not None
        qtbot.waitUntil(asked.is_set)
        press(qtbot, panel.enabled_box)  # the page answers a key while the probe waits
        assert panel.enabled_box.isChecked() and _saved().enabled
        assert not answered.is_set() and not panel.idle_label.isVisible()
    finally:
        release.set()
    qtbot.waitUntil(panel.idle_label.isVisible)
    assert panel.idle_label.text().startswith(
        "This desktop does not tell the app when you step away from the computer"
    )


def test_the_next_reminder_line_says_when_and_why(qtbot: QtBot) -> None:
    model = AppModel()
    model.update_settings(
        reminders=with_reminders(
            model.settings, ReminderSettings(enabled=True, times=(time(8, 0), time(18, 30)))
        ).reminders
    )
    noon = datetime(2026, 3, 10, 12, 0, tzinfo=LONDON)  # a Tuesday
    assert next_reminder_line(model, noon) == (
        "Next reminder: Tue 18:30, “Time for your exercises” "
        "(18:30 is one of your reminder times; no session done yet today)."
    )
    late = datetime(2026, 3, 10, 20, 0, tzinfo=LONDON)
    assert next_reminder_line(model, late).startswith("Next reminder: Wed 08:00")


def test_every_control_is_named_for_screen_readers(qtbot: QtBot) -> None:
    panel = _panel(qtbot, AppModel())
    controls = [
        panel.enabled_box,
        panel.times_edit,
        *panel.day_boxes,
        panel.quiet_start,
        panel.quiet_end,
        panel.breaks_box,
        panel.break_minutes,
        panel.background_box,
    ]
    for control in controls:
        assert control.accessibleName()


def test_in_a_programme_the_next_reminder_names_the_stage_routine(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    programme_support.install(monkeypatch)
    store = SqliteHistoryStore.open()
    ProgrammeRecords(store.connection).start(
        "sciatica-test", date(2026, 3, 2), datetime(2026, 3, 2, 9, 0, tzinfo=LONDON)
    )
    add_session(store, datetime(2026, 3, 10, 8, 0, tzinfo=LONDON), routine_id="gentle-start")
    model = AppModel(history=store)
    model.programme.today = lambda: date(2026, 3, 10)
    model.load_routines(background=False)
    model.update_settings(
        reminders=with_reminders(
            model.settings, ReminderSettings(enabled=True, times=(time(18, 30),))
        ).reminders
    )
    noon = datetime(2026, 3, 10, 12, 0, tzinfo=LONDON)
    line = next_reminder_line(model, noon)
    assert line.startswith("Next reminder: Tue 18:30, “Time for your Gentle start")
    assert line.endswith("(18:30 is one of your reminder times; 1 session still to do today).")
    # A flare-up plan: its routine, as the card's "flare-up plan until DATE" says.
    ProgrammeRecords(store.connection).start_flare_up(
        date(2026, 3, 10), date(2026, 3, 12), "knee-to-chest", noon
    )
    line = next_reminder_line(model, noon)
    assert line.startswith("Next reminder: Tue 18:30, “Time for your Knee-to-chest stretch")
    assert "Gentle start" not in line and "still to do today" not in line
    store.close()


def test_a_field_reached_by_its_alt_letter_is_scrolled_into_view(qtbot: QtBot) -> None:
    """Alt+T on the Safety page: the times field, far below the first screenful,
    comes into view with the section instead of taking keys out of sight."""
    from PySide6.QtWidgets import QScrollArea

    from timer_app.gui.pages.safety import SafetyPage

    page = SafetyPage(AppModel())
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    page.activateWindow()  # Alt+letter shortcuts go to the active window
    qtbot.waitActive(page)
    panel = page.reminder_settings
    assert panel is not None
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    viewport = scroll.viewport()

    def seen(widget: QWidget) -> bool:
        top = widget.mapTo(viewport, widget.rect().topLeft()).y()
        return top >= 0 and top + widget.height() <= viewport.height()

    assert not seen(panel.times_edit)
    panel.enabled_box.setChecked(True)  # the field is greyed out while reminders are off
    scroll.setFocus()  # the keyboard at the page's top
    qtbot.waitUntil(scroll.hasFocus)
    qtbot.keyClick(scroll, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(panel.times_edit.hasFocus)
    assert seen(panel.times_edit) and seen(panel.enabled_box)


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _twice_a_day(model: AppModel) -> None:
    model.update_settings(
        reminders=with_reminders(
            model.settings, ReminderSettings(enabled=True, times=(time(8, 0), time(18, 30)))
        ).reminders
    )


def test_the_next_reminder_line_moves_on_once_its_moment_has_passed(qtbot: QtBot) -> None:
    """One single-shot timer for the moment the line names, no polling: at 08:00 the
    line says 08:00 until then, and 18:30 once it has passed."""
    clock = FakeClock(datetime(2026, 3, 10, 7, 59, 58, tzinfo=LONDON))
    model = AppModel()
    _twice_a_day(model)
    panel = ReminderSettingsPanel(model, clock=clock)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.next_label.text().startswith("Next reminder: Tue 08:00")
    timer = panel.follower.timer
    assert timer.isActive() and timer.isSingleShot()
    assert 2000 < timer.interval() <= 3000  # 2 s to 08:00, and a little after
    clock.now = datetime(2026, 3, 10, 8, 0, 1, tzinfo=LONDON)
    timer.timeout.emit()  # the moment came (the fake clock stands for the wait)
    assert panel.next_label.text().startswith("Next reminder: Tue 18:30")
    assert timer.isActive()
    assert 10.5 * 3600_000 - 2000 < timer.interval() <= 10.5 * 3600_000 + 1000


def test_the_next_reminder_line_follows_the_background_reminders_state_file(
    qtbot: QtBot,
) -> None:
    """The background process showed the 08:00 reminder and the patient pressed In 15
    minutes: it writes reminder-state.json, and the line, with no settings or history
    change in the app, names the reminder coming back."""
    from datetime import timedelta

    from timer_app.core.reminders.schedule import ReminderState
    from timer_app.storage.reminder_state import save_reminder_state

    clock = FakeClock(datetime(2026, 3, 10, 8, 1, tzinfo=LONDON))
    model = AppModel()
    _twice_a_day(model)
    panel = ReminderSettingsPanel(model, clock=clock)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.next_label.text().startswith("Next reminder: Tue 18:30")
    key = ("2026-03-10", "08:00")
    save_reminder_state(  # as the background process writes it, from another process
        ReminderState(
            shown={key},
            snoozed_until=clock.now + timedelta(minutes=15),
            snoozes_used={key},
            snoozed=key,
        ),
        clock.now.date(),
    )
    qtbot.waitUntil(lambda: "Tue 08:16" in panel.next_label.text(), timeout=5000)
    assert "you asked to be reminded again (08:00 reminder)" in panel.next_label.text()
    assert panel.follower.timer.interval() <= 15 * 60_000 + 1000
