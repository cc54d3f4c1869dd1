"""`timer-app reminders next`, with real settings, a real history and real routine files."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, time
from pathlib import Path

import pytest

from tests import programme_support
from tests.storage.history_support import PARIS, add_session
from timer_app.cli import main
from timer_app.cli.reminder_commands import run_next
from timer_app.core.history import SessionStatus
from timer_app.core.reminders.schedule import ReminderSettings
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.reminder_settings import with_reminders
from timer_app.storage.settings import load_settings, save_settings

TWICE_A_DAY = """\
title: Morning and evening
id: twice
frequency: 2x/day
remind_at: ["07:30", "19:00"]
exercises:
  - name: Pelvic tilt
    reps: 30
    tempo: 4 s
"""
# Tuesday 10 March 2026, noon in Paris.
NOON = datetime(2026, 3, 10, 12, 0, tzinfo=PARIS)


@pytest.fixture
def routine_folder(data_dir: Path) -> Path:
    folder = data_dir / "routines"
    folder.mkdir(parents=True)
    (folder / "twice.yaml").write_text(TWICE_A_DAY, encoding="utf-8")
    return folder


def set_reminders(reminders: ReminderSettings) -> None:
    save_settings(with_reminders(load_settings(), reminders))


def run(capsys: pytest.CaptureFixture[str], *, as_json: bool = False) -> str:
    assert run_next(argparse.Namespace(json=as_json), clock=lambda: NOON) == 0
    return capsys.readouterr().out


def test_with_nothing_set_it_says_reminders_are_off_and_what_to_do(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["reminders", "next"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Reminders are off (turn them on in the app: Safety & help, Reminders). If they were on:",
        "Routine: not known yet (none done in the last four weeks, and none suggests times): "
        "each reminder asks you to open the app and choose one.",
        "No reminder times are set: choose them in the app (Safety & help, Reminders), "
        "or a routine may suggest them (remind_at:).",
        "Standing breaks: off.",
    ]


def test_reminders_next_without_a_subcommand_is_a_plain_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["reminders"])
    assert leaving.value.code == 2
    assert "required" in capsys.readouterr().err


def test_off_shows_what_they_would_be_from_the_routines_times(
    routine_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = run(capsys).splitlines()
    assert lines[:5] == [
        "Reminders are off (turn them on in the app: Safety & help, Reminders). If they were on:",
        "Routine: Morning and evening (twice); 2 sessions to do today, none done yet.",
        "Times: 07:30, 19:00 (suggested by the routine), every day; quiet hours 21:00–08:00.",
        # Said, or a patient wonders where the morning reminder went.
        "07:30 falls in the quiet hours: no reminder then.",
        "Standing breaks: off.",
    ]
    # 07:30 falls in the quiet hours: only the evening time is ever shown.
    assert lines[6:10] == [
        "Tue 10 Mar 19:00  Time for your Morning and evening session · about 2 min",
        "                  why: 19:00 is one of your reminder times; 2 sessions still to do today",
        "Wed 11 Mar 19:00  Time for your Morning and evening session · about 2 min",
        "                  why: 19:00 is one of your reminder times; 2 sessions to do that day",
    ]


def test_the_patients_own_times_win_and_a_done_session_counts(
    routine_folder: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    set_reminders(
        ReminderSettings(
            enabled=True,
            times=(time(9, 0), time(18, 0)),
            days=frozenset({0, 1, 2, 3, 4}),
            breaks_enabled=True,
            break_minutes=30,
        )
    )
    store = SqliteHistoryStore.open()
    try:
        add_session(store, datetime(2026, 3, 10, 8, 0, tzinfo=PARIS), routine_id="twice")
        add_session(
            store,
            datetime(2026, 3, 10, 10, 0, tzinfo=PARIS),
            routine_id="twice",
            status=SessionStatus.ENDED_EARLY,
        )
    finally:
        store.close()
    lines = run(capsys).splitlines()
    assert lines[:4] == [
        "Reminders are on while the app is open (to have them when it is closed, tick "
        "'Remind me even when the app is closed').",
        "Routine: Morning and evening (twice); 1 of 2 sessions done today, 1 still to do.",
        "Times: 09:00, 18:00 (yours), on Mon, Tue, Wed, Thu, Fri; quiet hours 21:00–08:00.",
        "Standing breaks: after 30 minutes of computer use.",
    ]
    assert [line[:16] for line in lines[5::2]] == [
        "Tue 10 Mar 18:00",
        "Wed 11 Mar 09:00",
        "Wed 11 Mar 18:00",
        "Thu 12 Mar 09:00",
        "Thu 12 Mar 18:00",
    ]
    assert lines[6].endswith(
        "why: 18:00 is one of your reminder times; 1 session still to do today"
    )


def test_json_for_scripts(routine_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_reminders(ReminderSettings(enabled=True, times=(time(18, 0),)))
    data = json.loads(run(capsys, as_json=True))
    assert data["enabled"] is True
    assert data["now"] == "2026-03-10T12:00:00+01:00"
    assert data["routine"] == "twice"
    assert data["times"] == ["18:00"] and data["times_from"] == "settings"
    assert data["quiet_hours"] == {"start": "21:00", "end": "08:00"}
    assert data["breaks"] == {"enabled": False, "minutes": 25}
    assert data["today"] == {"due": 2, "done": 0, "session_running": False}
    assert data["reminders"][0] == {
        "kind": "session",
        "at": "2026-03-10T18:00+01:00",
        "routine": "twice",
        "title": "Time for your Morning and evening session",
        "body": "about 2 min",
        "why": "18:00 is one of your reminder times; 2 sessions still to do today",
    }
    assert len(data["reminders"]) == 5


def test_a_running_session_is_said(
    routine_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_reminders(ReminderSettings(enabled=True, times=(time(18, 0),)))
    store = SqliteHistoryStore.open()
    try:
        add_session(
            store,
            datetime(2026, 3, 10, 11, 50, tzinfo=PARIS),
            routine_id="twice",
            status=SessionStatus.IN_PROGRESS,
        )
    finally:
        store.close()
    assert "A session is running: no reminder until it ends." in run(capsys).splitlines()


def test_in_a_programme_its_stage_says_what_is_due_today(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    programme_support.install(monkeypatch)
    assert main(["program", "start", "sciatica-test", "--on", "2026-03-02"]) == 0
    set_reminders(ReminderSettings(enabled=True, times=(time(9, 0), time(18, 0))))
    store = SqliteHistoryStore.open()
    try:
        add_session(store, datetime(2026, 3, 10, 8, 0, tzinfo=PARIS), routine_id="gentle-start")
        # Not this stage's routine: it does not count.
        add_session(store, datetime(2026, 3, 10, 9, 0, tzinfo=PARIS), routine_id="bridging")
    finally:
        store.close()
    capsys.readouterr()
    lines = run(capsys).splitlines()
    assert lines[1] == "Programme: Sciatica – test programme; what is due today comes from it."
    assert lines[2].startswith("Routine: Gentle start")
    assert lines[2].endswith("(gentle-start); 1 of 2 sessions done today, 1 still to do.")
    assert lines[7].endswith(
        "why: 18:00 is one of your reminder times; 1 session still to do today"
    )
    data = json.loads(run(capsys, as_json=True))
    assert data["programme"] == "sciatica-test"
    assert data["today"] == {"due": 2, "done": 1, "session_running": False}


def test_why_there_is_no_reminder_at_all(
    routine_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_reminders(ReminderSettings(enabled=True, times=(time(22, 0),)))
    assert run(capsys).splitlines()[-1] == (
        "No reminder in the next week (every time falls in the quiet hours)."
    )
    set_reminders(ReminderSettings(enabled=True, times=(time(18, 0),), days=frozenset()))
    lines = run(capsys).splitlines()
    assert "on no day" in lines[2]
    assert lines[-1] == "No reminder: no day of the week is chosen."


def test_a_snooze_pressed_on_a_reminder_is_listed_as_coming_back(
    routine_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The background reminders' state file: 'In 15 minutes' at 11:50 on the 07:30
    reminder (shown late, the laptop asleep) brings it back at 12:05."""
    from datetime import timedelta

    from timer_app.core.reminders.schedule import ReminderState
    from timer_app.storage.reminder_state import save_reminder_state

    set_reminders(ReminderSettings(enabled=True, quiet_start=time(22), quiet_end=time(6)))
    key = ("2026-03-10", "07:30")
    save_reminder_state(
        ReminderState(
            shown={key}, snoozed_until=NOON + timedelta(minutes=5), snoozes_used={key}, snoozed=key
        ),
        NOON.date(),
    )
    lines = run(capsys).splitlines()
    first = lines.index("") + 1
    assert lines[first].startswith("Tue 10 Mar 12:05  Time for your Morning and evening session")
    assert "you asked to be reminded again (07:30 reminder)" in lines[first + 1]


def test_on_even_when_the_app_is_closed_says_so(
    routine_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_reminders(ReminderSettings(enabled=True, in_background=True))
    assert run(capsys).splitlines()[0] == "Reminders are on, even when the app is closed."
    assert json.loads(run(capsys, as_json=True))["when_app_closed"] is True


def test_with_no_routine_known_the_reminder_says_what_to_do(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Nothing done this week and no routine suggesting times: the notification's
    body is never empty, and nothing is counted as 'session 2' before any is done."""
    set_reminders(ReminderSettings(enabled=True, times=(time(8, 0), time(18, 30))))
    lines = run(capsys).splitlines()
    assert lines[1] == (
        "Routine: not known yet (none done in the last four weeks, and none suggests times): "
        "each reminder asks you to open the app and choose one."
    )
    first = lines.index("") + 1
    assert lines[first : first + 4] == [
        "Tue 10 Mar 18:30  Time for your exercises · Open Home Exercise Timer to choose a routine.",
        "                  why: 18:30 is one of your reminder times; no session done yet today",
        "Wed 11 Mar 08:00  Time for your exercises · Open Home Exercise Timer to choose a routine.",
        "                  why: 08:00 is one of your reminder times",
    ]
    data = json.loads(run(capsys, as_json=True))
    assert data["reminders"][0]["body"] == "Open Home Exercise Timer to choose a routine."


def test_standing_breaks_on_with_session_reminders_off_is_said_plainly(
    routine_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'Reminders are off' above 'Standing breaks: after 25 minutes' read as if the
    breaks were off too."""
    set_reminders(ReminderSettings(breaks_enabled=True, in_background=True))
    lines = run(capsys).splitlines()
    assert lines[0] == (
        "Session reminders are off (turn them on in the app: Safety & help, Reminders); "
        "standing breaks are on, even when the app is closed. If session reminders were on:"
    )
    assert "Standing breaks: after 25 minutes of computer use." in lines


def test_all_of_todays_sessions_done_says_no_more_reminders_today(
    routine_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_reminders(ReminderSettings(enabled=True, times=(time(9, 0), time(18, 0))))
    store = SqliteHistoryStore.open()
    try:
        for hour in (8, 10):
            add_session(store, datetime(2026, 3, 10, hour, 0, tzinfo=PARIS), routine_id="twice")
    finally:
        store.close()
    lines = run(capsys).splitlines()
    assert lines[1] == (
        "Routine: Morning and evening (twice); today's 2 sessions done: no more reminders today."
    )
    first = lines.index("") + 1
    assert lines[first].startswith("Wed 11 Mar 09:00")
    assert lines[first + 1].endswith(
        "why: 09:00 is one of your reminder times; 2 sessions to do that day"
    )


def test_the_apps_session_screen_open_is_said_and_counts_as_a_session_running(
    routine_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The ready screen writes nothing to the history: its flag says it is open."""
    from timer_app.storage import session_screen

    set_reminders(ReminderSettings(enabled=True, times=(time(18, 0),)))
    session_screen.mark_open(NOON)
    lines = run(capsys).splitlines()
    assert "The app's session screen is open: no reminder until it is closed." in lines
    assert json.loads(run(capsys, as_json=True))["today"]["session_running"] is True
    session_screen.clear()
    assert json.loads(run(capsys, as_json=True))["today"]["session_running"] is False


def test_a_routine_done_a_few_times_a_week_is_not_said_to_be_due_today(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = data_dir / "routines"
    folder.mkdir(parents=True)
    weekly = TWICE_A_DAY.replace("2x/day", "3x/week").replace("id: twice", "id: walks")
    (folder / "walks.yaml").write_text(weekly, encoding="utf-8")
    set_reminders(ReminderSettings(enabled=True, times=(time(18, 0),)))
    store = SqliteHistoryStore.open()
    try:  # Monday's session: 2 of the week's 3 still to do on Tuesday
        add_session(store, datetime(2026, 3, 9, 18, 0, tzinfo=PARIS), routine_id="walks")
    finally:
        store.close()
    lines = run(capsys).splitlines()
    assert lines[1] == (
        "Routine: Morning and evening (walks); 2 sessions still to do this week; until they "
        "are done, each day asks for one (today: none done yet)."
    )
    first = lines.index("") + 1
    assert lines[first + 1].endswith(
        "why: 18:00 is one of your reminder times; 2 sessions still to do this week"
    )
    assert lines[first + 3].endswith("why: 18:00 is one of your reminder times")  # Wednesday


def test_the_routine_done_last_week_is_the_one_a_monday_reminder_names(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Read from this week only, Monday's reminders named no routine at all."""
    folder = data_dir / "routines"
    folder.mkdir(parents=True)
    quiet = TWICE_A_DAY.replace('remind_at: ["07:30", "19:00"]\n', "")  # suggests no times
    (folder / "twice.yaml").write_text(quiet, encoding="utf-8")
    set_reminders(ReminderSettings(enabled=True, times=(time(18, 0),)))
    store = SqliteHistoryStore.open()
    try:  # Friday before: the week starts on Monday 9 March
        add_session(store, datetime(2026, 3, 6, 18, 0, tzinfo=PARIS), routine_id="twice")
    finally:
        store.close()
    lines = run(capsys).splitlines()
    assert lines[1] == (
        "Routine: Morning and evening (twice); 2 sessions to do today, none done yet."
    )
    first = lines.index("") + 1
    assert lines[first].endswith("Time for your Morning and evening session · about 2 min")


def test_during_a_flare_up_the_reminders_name_its_routine(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from timer_app.storage.history.programme_records import ProgrammeRecords

    programme_support.install(monkeypatch)
    assert main(["program", "start", "sciatica-test", "--on", "2026-03-02"]) == 0
    set_reminders(ReminderSettings(enabled=True, times=(time(9, 0), time(18, 0))))
    store = SqliteHistoryStore.open()
    try:
        ProgrammeRecords(store.connection).start_flare_up(
            NOON.date(), datetime(2026, 3, 12).date(), "knee-to-chest", NOON
        )
    finally:
        store.close()
    capsys.readouterr()
    lines = run(capsys).splitlines()
    # Not the stage's "Gentle start" with "2 sessions to do today": the plan's routine.
    assert lines[1] == (
        "Programme: Sciatica – test programme; flare-up plan until 2026-03-12: "
        "its routine instead of the stage's."
    )
    assert lines[2].startswith("Routine: Knee-to-chest stretch (knee-to-chest); ")
    assert "Gentle start" not in "\n".join(lines)
    assert "2 sessions" not in "\n".join(lines)
    data = json.loads(run(capsys, as_json=True))
    assert data["routine"] == "knee-to-chest" and data["flare_up_until"] == "2026-03-12"
