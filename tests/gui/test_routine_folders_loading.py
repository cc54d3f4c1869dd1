"""The routine folders are read off the UI thread: a folder that hangs never freezes
the window, is named after a time limit, and the other routines are listed.

Before, the page read every folder on the UI thread: a FIFO named *.yaml (or a
network folder whose server went away) froze the window for ever at start.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.window_helpers import GOOD_ROUTINE, write
from timer_app.gui.pages.routines import RoutinesPage
from timer_app.storage import paths
from timer_app.storage.routines import catalog


def _page(qtbot: QtBot, time_limit: float = 10.0) -> RoutinesPage:
    page = RoutinesPage()
    page.folder_time_limit = time_limit
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def _ids(page: RoutinesPage) -> list[str]:
    return [r.id for r in page.routines()]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_the_routine_folder_does_not_block_and_the_list_fills(
    qtbot: QtBot, data_dir: Path
) -> None:
    folder = data_dir / "routines"
    write(folder / "my-stretch.yaml", GOOD_ROUTINE)
    os.mkfifo(folder / "pipe.yaml")
    page = _page(qtbot)

    started = time.perf_counter()
    page.reload(background=True)
    assert time.perf_counter() - started < 0.5  # the window stays responsive
    assert page.message.isVisible() and page.message.text() == "Loading routines…"

    qtbot.waitUntil(lambda: "knee-to-chest" in _ids(page), timeout=5000)
    assert "my-stretch" in _ids(page)
    assert not page.message.isVisible()
    assert f"{folder / 'pipe.yaml'}: this is not a regular file" in page.problems_shown()


@pytest.fixture
def hung_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """A clinic folder whose listing does not return until the event is set, as a
    network folder whose server went away (the kernel call blocks)."""
    clinic = tmp_path / "network-share"
    write(clinic / "clinic-stretch.yaml", GOOD_ROUTINE)
    monkeypatch.setenv(paths.ROUTINES_PATH_ENV, str(clinic))
    answer = threading.Event()
    real = catalog.routine_files

    def listing(folder: Path, problems: list[catalog.LoadProblem] | None = None) -> list[Path]:
        if folder == clinic:
            answer.wait(timeout=30)
        return real(folder, problems)

    monkeypatch.setattr(catalog, "routine_files", listing)
    yield answer
    answer.set()  # let the stuck worker thread finish


def test_a_hung_folder_is_named_and_the_others_are_listed(
    qtbot: QtBot, hung_folder: threading.Event, tmp_path: Path
) -> None:
    page = _page(qtbot, time_limit=0.3)
    page.reload(background=True)
    assert _ids(page) == []

    qtbot.waitUntil(lambda: "knee-to-chest" in _ids(page), timeout=5000)
    assert "my-stretch" not in _ids(page)
    shown = page.problems_shown()
    assert f"{tmp_path / 'network-share'}: this routine folder did not answer within 0.3 s" in shown
    assert page.start_button.isEnabled()

    # The server comes back: the late answer, which has everything, replaces the list.
    hung_folder.set()
    qtbot.waitUntil(lambda: "my-stretch" in _ids(page), timeout=5000)
    assert "knee-to-chest" in _ids(page)
    assert "did not answer" not in page.problems_shown()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_start_up_with_a_fifo_opens_the_window_and_then_start(qtbot: QtBot, data_dir: Path) -> None:
    """The path `timer-app --start ROUTINE` takes after the first paint."""
    from timer_app.core.clock import FakeClock
    from timer_app.gui.app_model import AppModel
    from timer_app.gui.window.main_window import MainWindow
    from timer_app.gui.window.start import finish_main_window
    from timer_app.storage.settings import Settings

    os.mkfifo(write(data_dir / "routines" / "x.txt", "").with_name("pipe.yaml"))
    window = MainWindow(clock=FakeClock(), model=AppModel(Settings(first_run_safety_seen=True)))
    qtbot.addWidget(window)
    window.show()
    started = time.perf_counter()
    finish_main_window(window, start="piriformis", history=None)
    assert time.perf_counter() - started < 0.5
    qtbot.waitUntil(lambda: window.current_page() == "session", timeout=5000)
    plan = window.session_view.plan
    assert plan is not None and plan.routine.id == "piriformis"


def test_importing_while_a_folder_hangs_does_not_freeze_the_window(
    qtbot: QtBot, hung_folder: threading.Event, tmp_path: Path
) -> None:
    page = _page(qtbot, time_limit=0.3)
    page.reload(background=True)
    qtbot.waitUntil(lambda: "knee-to-chest" in _ids(page), timeout=5000)
    source = write(
        tmp_path / "usb" / "evening.yaml",
        "title: Evening\nexercises:\n  - use: bridging\n  - name: Tilt\n    reps: 5\n",
    )

    started = time.perf_counter()
    routine = page.import_file(source)
    assert time.perf_counter() - started < 1.0  # before, the import read every folder
    assert routine is not None and routine.id == "evening"
    assert "evening" in _ids(page) and page.selected_routine() == routine
    assert page.message.text() == "Imported “Evening”. It is now in your list."
    # The background read that follows keeps it, and still names the silent folder.
    qtbot.waitUntil(lambda: "did not answer" in page.problems_shown(), timeout=5000)
    assert "evening" in _ids(page) and "knee-to-chest" in _ids(page)
