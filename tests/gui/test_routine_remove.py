"""Remove on the Routines page: own routines go to the trash with Undo; others say why not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.window_helpers import GOOD_ROUTINE, write
from timer_app.gui.pages.routines import RoutinesPage
from timer_app.storage.routines import trash as routine_trash

OWN_PIRIFORMIS = "title: Piriformis, my way\nexercises:\n  - use: piriformis\n    reps: 2\n"


def make_page(qtbot: QtBot) -> RoutinesPage:
    page = RoutinesPage()
    qtbot.addWidget(page)
    page.reload()
    page.resize(1000, 700)
    page.show()
    return page


def test_delete_removes_an_own_routine_and_undo_puts_it_back(qtbot: QtBot, data_dir: Path) -> None:
    mine = write(data_dir / "routines" / "my-stretch.yaml", GOOD_ROUTINE)
    page = make_page(qtbot)
    assert page.select("my-stretch")
    assert page.remover.button.isEnabled()
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)

    assert "my-stretch" not in [r.id for r in page.routines()]
    assert not mine.exists() and len(routine_trash.trashed()) == 1
    assert page.remover.banner.isVisible()
    assert page.remover.banner.label.text() == "Removed “My stretch”. Its history is kept."
    page.remover.banner.button("Undo").click()

    assert mine.exists() and routine_trash.trashed() == []
    assert "my-stretch" in [r.id for r in page.routines()]
    assert not page.remover.banner.isVisible()


def test_a_bundled_routine_says_why_it_stays(qtbot: QtBot) -> None:
    page = make_page(qtbot)
    page.select("knee-to-chest")
    assert not page.remover.button.isEnabled()
    assert page.remover.why.text() == "This routine comes with the app, so it cannot be removed."
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert "knee-to-chest" in [r.id for r in page.routines()]
    assert not page.remover.banner.isVisible()


def test_removing_an_override_brings_the_bundled_one_back(qtbot: QtBot, data_dir: Path) -> None:
    write(data_dir / "routines" / "piriformis.yaml", OWN_PIRIFORMIS)
    page = make_page(qtbot)
    page.select("piriformis")
    assert page.selected_routine().title == "Piriformis, my way"  # type: ignore[union-attr]
    assert "takes the place of a routine with the same id (Comes with the app:" in (
        page.remover.why.text()
    )
    page.remover.button.click()
    restored = next(r for r in page.routines() if r.id == "piriformis")
    assert restored.title == "Piriformis stretch"
