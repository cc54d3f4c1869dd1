"""Handing a routine over, in the window: a USB stick's routine dropped on it, and the
History page of a revised routine."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.test_main_window import _drop, make_window
from tests.gui.window_helpers import add_session, write
from timer_app.core.local_time import local_today
from timer_app.storage.history.store import SqliteHistoryStore

SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>\n'
WEEK_3 = (
    "title: Week 3\n"
    "replaces: week-2\n"
    "exercises:\n"
    "  - use: wall-sit\n"
    "    image: pics/wall-sit.svg\n"
    "  - use: knee-to-chest\n"
)


def _usb_stick(tmp_path: Path) -> Path:
    stick = tmp_path / "usb"
    write(stick / "library" / "wall-sit.yaml", "name: Wall sit\nhold: 20 s\nreps: 3\n")
    write(stick / "pics" / "wall-sit.svg", SVG)
    return write(stick / "week-3.yaml", WEEK_3)


def test_a_routine_with_the_clinics_own_exercise_and_picture_drops_in(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    window = make_window(qtbot)
    assert _drop(window, _usb_stick(tmp_path))
    mine = data_dir / "routines"
    assert (mine / "week-3.yaml").exists()
    assert (mine / "library" / "wall-sit.yaml").exists()
    assert (mine / "pics" / "wall-sit.svg").read_text() == SVG
    routine = window.routines_page.selected_routine()
    assert routine is not None and routine.id == "week-3"
    assert routine.exercises[0].name == "Wall sit"
    assert routine.exercises[0].image == str((mine / "pics" / "wall-sit.svg").resolve())


def test_the_history_page_continues_a_replaced_routine(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    store = SqliteHistoryStore.open()
    today = local_today()
    for days_ago in (3, 2, 1):
        add_session(
            store, day=today - timedelta(days=days_ago), routine_id="week-2", title="Week 2"
        )
    add_session(store, day=today, routine_id="knee-to-chest", title="Knee-to-chest stretch")
    write(
        data_dir / "routines" / "week-3.yaml",
        WEEK_3.replace("    image: pics/wall-sit.svg\n", "").replace("wall-sit", "bridging"),
    )
    window = make_window(qtbot, history=store)
    qtbot.waitUntil(lambda: "week-3" in [r.id for r in window.routines_page.routines()])
    window.show_page("history")
    page = window.history_page
    choices = [page.routine_choice.itemData(i) for i in range(page.routine_choice.count())]
    assert sorted(choices) == ["knee-to-chest", "week-3"]
