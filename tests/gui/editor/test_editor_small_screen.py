"""The editor on the smallest screen we support (1024x600): it fits, and nothing in it
scrolls sideways, whichever tab or exercise is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from tests.gui.editor.editor_support import model
from timer_app.gui.editor.editor_window import CloseAnswer, EditorWindow
from timer_app.gui.editor.launch import open_editor as open_target

# A 1024x600 screen, less the title bar the window leaves room for (`_fit_to_screen`).
WIDTH, HEIGHT = 1024, 600 - 40


def small_editor(qtbot: QtBot, target: str | None) -> EditorWindow:
    window = open_target(target, model())
    qtbot.addWidget(window)
    window.ask_close = lambda *_args: CloseAnswer.DISCARD
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    return window


def scrolling_sideways(window: EditorWindow) -> list[str]:
    """Each shown part that scrolls sideways, or whose form is squeezed below its width."""
    QApplication.processEvents()  # scroll bars follow the layout's last pass
    found = []
    for area in window.findChildren(QAbstractScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            found.append(f"{type(area).__name__} {area.accessibleName()!r}")
        if isinstance(area, QScrollArea) and area.isVisible() and area.widget() is not None:
            form = area.widget()
            if form.width() < form.minimumSizeHint().width():
                found.append(f"{type(form).__name__} cut at {form.width()} px")
    return found


def test_the_minimum_size_fits_a_1024_by_600_screen(qtbot: QtBot) -> None:
    window = small_editor(qtbot, "core-routine")  # a bundled routine: the banner shows
    assert window.banner.isVisible()
    hint = window.minimumSizeHint()
    assert hint.width() <= WIDTH and hint.height() <= HEIGHT, hint
    assert (window.width(), window.height()) == (WIDTH, HEIGHT), "the window did not grow"


def test_nothing_scrolls_sideways_on_either_tab_or_any_exercise(qtbot: QtBot) -> None:
    window = small_editor(qtbot, "core-routine")
    window.tabs.setCurrentIndex(0)
    assert scrolling_sideways(window) == [], "Routine tab"
    window.tabs.setCurrentIndex(1)
    rows = window.exercise_list.list.count()
    assert rows == 4
    for row in range(rows):
        window.exercise_list.list.setCurrentRow(row)
        window.tabs.setCurrentIndex(1)
        assert scrolling_sideways(window) == [], f"exercise {row + 1}"
    # Piriformis has this routine's own get-ready: its row says so, with a button.
    window.exercise_list.list.setCurrentRow(1)
    assert window.exercise_form.rows["lead_in"].reset_button.isVisible()
    assert scrolling_sideways(window) == []


def test_every_field_of_an_exercise_is_shown_whole(qtbot: QtBot) -> None:
    window = small_editor(qtbot, "strengthening")
    window.exercise_list.list.setCurrentRow(0)
    window.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    form = window.exercise_form
    shown = window.tabs.currentWidget()
    assert isinstance(shown, QScrollArea)
    seen = shown.viewport()
    for key, row in form.rows.items():
        if row.isVisible():
            right = row.mapTo(seen, row.rect().topRight()).x()
            assert right <= seen.width(), f"{key} ends at {right} of {seen.width()} px"


def test_a_new_routine_with_its_problems_shown_fits_too(qtbot: QtBot) -> None:
    window = small_editor(qtbot, None)
    assert not window.check.ok  # every problem of an empty routine is said at its field
    for tab in (0, 1):
        window.tabs.setCurrentIndex(tab)
        assert scrolling_sideways(window) == [], f"tab {tab}"


def test_choosing_an_exercise_brings_its_steps_into_the_preview(qtbot: QtBot) -> None:
    window = small_editor(qtbot, "core-routine")
    timeline, model = window.preview.timeline, window.preview.timeline_model

    def first_in_view() -> str:
        QApplication.processEvents()
        return str(timeline.indexAt(timeline.viewport().rect().topLeft()).data()).strip()

    assert first_in_view() == "1. Knee-to-chest stretch"
    qtbot.mouseClick(
        window.exercise_list.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.exercise_list.list.visualItemRect(window.exercise_list.list.item(2)).center(),
    )
    assert first_in_view() == "3. Pelvic tilt"
    assert timeline.currentIndex().row() == model.heading_row(2) + 1  # its first step
