"""The main window as a person uses it: pages, keys, drops, the resume prompt."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from tests.gui.window_helpers import GOOD_ROUTINE, add_session, leave_in_progress, write
from timer_app.core.clock import FakeClock
from timer_app.core.history import SessionStatus
from timer_app.core.routine import Side
from timer_app.core.safety_text import Tier
from timer_app.gui.window.main_window import MainWindow
from timer_app.gui.window.start import build_main_window
from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.settings import Settings, load_settings


def make_window(
    qtbot: QtBot, *, start: str | None = None, history=None, settings: Settings | None = None
) -> MainWindow:
    window = build_main_window(
        start=start,
        clock=FakeClock(),
        settings=settings or Settings(first_run_safety_seen=True),
        history=history,
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_opens_on_routines_and_switches_pages_by_keyboard(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.current_page() == "routines"
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.current_page() == "safety"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() == "routines"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.current_page() == "history"


def test_first_run_opens_on_safety_until_confirmed(qtbot: QtBot, data_dir: Path) -> None:
    window = make_window(qtbot, settings=Settings())
    assert window.current_page() == "safety"
    assert window.safety_page.first_run_box.isVisible()
    # The early emergency sign first, not only the late "loss of bladder control".
    emergency = window.safety_page.tier_signs[Tier.EMERGENCY]
    assert "Finding it hard to start peeing" in emergency[0].text()
    qtbot.mouseClick(window.safety_page.acknowledge_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "routines"
    assert load_settings().first_run_safety_seen


def test_start_opens_the_session_page_and_hides_the_pages(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.routines_page.select("knee-to-chest")
    qtbot.mouseClick(window.routines_page.start_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == "session"
    assert not window.nav.isVisible()
    # Page keys do nothing while the session screen is up.
    window.help_action.trigger()
    assert window.current_page() == "session"
    window.session_view.sig_closed.emit()
    assert window.current_page() == "routines"
    assert window.nav.isVisible()


def test_ctrl_o_imports_through_the_file_dialog(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    source = write(tmp_path / "given" / "my-stretch.yaml", GOOD_ROUTINE)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(source)], ""))
    window = make_window(qtbot)
    window.show_page("history")
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "routines"
    assert window.routines_page.selected_routine().id == "my-stretch"


def _drop(window: MainWindow, path: Path) -> bool:
    """Drag a file over the window and let go: Qt sends DragEnter, then Drop."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with warnings.catch_warnings():  # PySide6 marks the QPoint constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            QPoint(200, 200),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(
        QPoint(200, 200).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def test_dropping_a_routine_file_on_the_window_imports_it(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    source = write(tmp_path / "my-stretch.yaml", GOOD_ROUTINE)
    window = make_window(qtbot)
    window.show_page("history")
    assert _drop(window, source)
    assert window.current_page() == "routines"
    assert (data_dir / "routines" / "my-stretch.yaml").exists()
    assert window.routines_page.selected_routine().id == "my-stretch"


def test_dropping_other_files_is_refused(qtbot: QtBot, tmp_path: Path, data_dir: Path) -> None:
    photo = write(tmp_path / "photo.png", "not a routine")
    window = make_window(qtbot)
    assert not _drop(window, photo)
    assert not (data_dir / "routines").exists()


def test_geometry_is_saved_and_restored(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.resize(700, 510)
    window.close()
    saved = load_settings()
    assert saved.window_geometry
    again = make_window(qtbot, settings=saved)
    assert (again.width(), again.height()) == (700, 510)


def _store_with_interrupted_session() -> tuple[SqliteHistoryStore, int]:
    store = SqliteHistoryStore.open()
    # Power cut during the third hold (rep 2, left side) of knee-to-chest.
    session_id = leave_in_progress(
        store, step_index=5, exercise_index=0, rep_number=2, side=Side.LEFT
    )
    store.close()
    return SqliteHistoryStore.open(), session_id  # reopening marks it interrupted


def test_resume_prompt_resumes_where_it_stopped(qtbot: QtBot) -> None:
    store, session_id = _store_with_interrupted_session()
    window = make_window(qtbot, history=store)
    assert window.banner.isVisible()
    assert "Resume where you stopped (exercise 1 of 1, rep 2)?" in window.banner.label.text()
    assert window.current_page() == "routines"  # the window is up; nothing modal
    window.banner.button("Resume").click()
    assert window.current_page() == "session"
    assert not window.banner.isVisible()
    view = window.session_view
    position = view.player.position()
    assert (position.rep_number, position.side) == (2, Side.LEFT)  # the hold cut off
    assert view.recorder.resume_session_id == session_id  # the same session goes on


def test_resume_prompt_keeps_as_ended_early(qtbot: QtBot) -> None:
    store, _ = _store_with_interrupted_session()
    window = make_window(qtbot, history=store)
    window.banner.button("Keep as ended early").click()
    assert not window.banner.isVisible()
    assert store.list_sessions()[0].status is SessionStatus.ENDED_EARLY
    assert store.find_interrupted() == []
    assert window.history_page.table.item(0, 2).text() == "Ended early"


def test_resume_prompt_discards(qtbot: QtBot) -> None:
    store, session_id = _store_with_interrupted_session()
    add_session(store, day=date.today(), hour=7)
    window = make_window(qtbot, history=store)
    window.banner.button("Discard").click()
    assert not window.banner.isVisible()
    assert [s.id for s in store.list_sessions()] != []
    assert session_id not in [s.id for s in store.list_sessions()]


def test_discard_that_cannot_be_done_loses_nothing_and_says_so(qtbot: QtBot, monkeypatch) -> None:
    store, session_id = _store_with_interrupted_session()
    window = make_window(qtbot, history=store)

    def refuse(_session_id: int) -> None:
        raise OSError("disk is read-only")

    monkeypatch.setattr(store, "delete_session", refuse, raising=False)
    window.banner.button("Discard").click()
    assert window.notice.isVisible()
    assert "could not be updated" in window.notice.label.text()
    assert session_id in [s.id for s in store.list_sessions()]


def test_resume_prompt_waits_while_a_session_screen_is_up(qtbot: QtBot) -> None:
    store, _ = _store_with_interrupted_session()
    window = make_window(qtbot, history=store, start="piriformis")
    assert window.current_page() == "session"
    assert not window.banner.isVisible()
    window.session_view.sig_closed.emit()
    assert window.banner.isVisible()


def test_safety_page_gives_three_tiers_and_the_sound_status(qtbot: QtBot) -> None:
    window = make_window(qtbot, settings=Settings(first_run_safety_seen=True, muted=True))
    qtbot.keyClick(window, Qt.Key.Key_F1)
    page = window.safety_page

    def tier(which: Tier) -> str:
        signs = " ".join(label.text() for label in page.tier_signs[which])
        return page.tier_headings[which].text() + " " + signs

    emergency = tier(Tier.EMERGENCY)
    assert "A&E" in emergency
    for symptom in (
        "Finding it hard to start peeing",
        "not being able to control when you pee",
        "Not noticing when you need to poo",
        "Numbness around or under your genitals or bottom",
        "Pain or numbness in both legs",
        "trouble lifting your foot",
    ):
        assert symptom in emergency
    urgent = tier(Tier.URGENT)
    assert "contact your doctor today" in urgent
    assert "worse at night" in urgent and "after a fall or injury" in urgent
    therapist = tier(Tier.THERAPIST)
    assert "talk to your therapist" in therapist
    assert "about 4 weeks" in therapist
    assert not page.first_run_box.isVisible()  # not the first run any more
    assert "press M during a session" in page.sound_label.text()
