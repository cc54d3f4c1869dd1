"""An interrupted session resumes from the file it was started from.

A routine opened from a USB stick or the Downloads folder is in none of the
routine folders; the history keeps its path and the hash of its content. These
tests play a real session from such a file with the real recorder and history,
cut it off (the power went), then open the window as the next start-up does.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from timer_app.core.clock import FakeClock
from timer_app.core.plan import build_plan
from timer_app.core.player import SessionPlayer
from timer_app.core.recorder import SessionRecorder
from timer_app.core.routine import Side
from timer_app.gui.window.main_window import MainWindow
from timer_app.gui.window.start import build_main_window
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.routines.catalog import load_routine_file
from timer_app.storage.settings import Settings

# Timeline (lead-in 2 s): get ready 2, hold L 5, switch sides 3, hold R 5, ...
ROUTINE = """\
id: usb-stretch
title: Stretch from the clinic's stick
lead_in: 2 s
exercises:
  - name: Knee hug
    hold: 5 s
    sides: alternate
    reps: 2
    rest: 3 s
  - name: Pelvic tilt
    reps: 5
"""


def interrupted_session_from(path: Path, seconds: float) -> None:
    """A session of the routine at `path`, cut off after `seconds` of playing."""
    routine = load_routine_file(path)
    plan = build_plan(routine)
    clock = FakeClock()
    player = SessionPlayer(plan, clock)
    store = SqliteHistoryStore.open()
    player.add_listener(SessionRecorder(store, plan))
    player.start()
    for _ in range(round(seconds / 0.5)):
        clock.advance(0.5)
        player.tick()
    store.close()  # the power went: the session stays "in progress"


def open_window(qtbot: QtBot) -> MainWindow:
    window = build_main_window(
        start=None,
        clock=FakeClock(),
        settings=Settings(first_run_safety_seen=True),
        history=SqliteHistoryStore.open(),  # reopening marks it interrupted
    )
    qtbot.addWidget(window)
    window.show()
    return window


def usb_file(tmp_path: Path, text: str = ROUTINE) -> Path:
    path = tmp_path / "usb" / "stretch.yaml"  # in no routine folder
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_session_from_a_file_outside_the_folders_resumes_from_that_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = usb_file(tmp_path)
    interrupted_session_from(path, 12)  # in the second hold (right side, rep 1)
    window = open_window(qtbot)
    assert "usb-stretch" not in {r.id for r in window.routines_page.routines()}
    text = window.banner.label.text()
    assert "Resume where you stopped (exercise 1 of 2, rep 1)?" in text, text
    window.banner.button("Resume").click()
    assert window.current_page() == "session"
    view = window.session_view
    assert view.plan is not None and view.plan.routine.source_path == str(path)
    position = view.player.position()
    assert (position.exercise_index, position.rep_number, position.side) == (0, 1, Side.RIGHT)
    assert view.recorder.resume_session_id is not None  # the same session goes on


def test_the_file_edited_since_is_said_to_have_changed(qtbot: QtBot, tmp_path: Path) -> None:
    path = usb_file(tmp_path)
    interrupted_session_from(path, 12)
    path.write_text(ROUTINE.replace("reps: 5", "reps: 8"), encoding="utf-8")
    window = open_window(qtbot)
    assert "The routine has changed since" in window.banner.label.text()
    assert [b.text() for b in window.banner.buttons] == ["Keep as ended early", "Discard"]


def test_the_file_gone_is_said_to_be_not_found(qtbot: QtBot, tmp_path: Path) -> None:
    path = usb_file(tmp_path)
    interrupted_session_from(path, 12)
    path.unlink()  # the stick was taken out
    window = open_window(qtbot)
    text = window.banner.label.text()
    assert "Its routine file was not found, so it cannot be resumed." in text
    assert "changed" not in text
