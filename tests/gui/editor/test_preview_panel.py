"""The editor's live preview: dose, time, total, per day and the exact timeline, as typed."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from timer_app.core.describe import dose_in_words
from timer_app.core.editor.check import DraftCheck, check_draft
from timer_app.core.editor.draft import RoutineDraft
from timer_app.core.plan import build_plan
from timer_app.gui.editor.preview_panel import PreviewPanel
from timer_app.storage.routines.catalog import load_catalog

pytestmark = pytest.mark.qt

# Lead-in 5 s. Hold: get ready 5, hold L 30, switch 5, hold R 30, switch 5, hold L 30,
# switch 5, hold R 30 = 140 s. Tilts: get ready 5, 2 counted reps = 5 s.
# March: get ready 5, march 60 = 65 s. Total 210 s.
ROUTINE: dict[str, Any] = {
    "id": "evening-set",
    "title": "Evening set",
    "frequency": "2x/day",
    "lead_in": "5 s",
    "exercises": [
        {"name": "Lying hold", "hold": "30 s", "reps": 2, "sides": "alternate", "rest": "5 s"},
        {"name": "Tilts", "reps": 2},
        {"name": "March on the spot", "duration": "1 min"},
    ],
}


@pytest.fixture
def panel(qtbot: QtBot) -> PreviewPanel:
    panel = PreviewPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def show(panel: PreviewPanel, data: dict[str, Any]) -> RoutineDraft:
    draft = RoutineDraft.from_mapping(data)
    panel.show_check(check_draft(draft, {}), draft)
    return draft


def table_rows(panel: PreviewPanel) -> list[list[str]]:
    table = panel.exercises
    return [
        [table.item(row, col).text() for col in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def timeline_texts(panel: PreviewPanel) -> list[str]:
    model = panel.timeline_model
    return [str(model.data(model.index(row, 0))).strip() for row in range(model.rowCount())]


def test_each_exercise_shows_its_dose_in_the_routines_page_words_and_its_time(
    panel: PreviewPanel,
) -> None:
    draft = show(panel, ROUTINE)
    routine = check_draft(draft, {}).routine
    assert routine is not None
    assert table_rows(panel) == [
        ["1. Lying hold\n" + dose_in_words(routine.exercises[0]), "2 min 20 s"],
        ["2. Tilts\n2 reps", "5 s + reps"],  # counted: as long as they take
        ["3. March on the spot\n1 min", "1 min 5 s"],
    ]
    assert (
        dose_in_words(routine.exercises[0])
        == "Hold 30 s · 2 reps each side, alternating · rest 5 s"
    )


def test_total_and_time_per_day(panel: PreviewPanel) -> None:
    show(panel, ROUTINE)
    assert panel.total.isVisible()
    text = panel.total.text()
    assert "about 4 min" in text
    assert "2× a day ≈ 7 min a day" in text


def test_without_a_frequency_just_the_total(panel: PreviewPanel) -> None:
    show(panel, {k: v for k, v in ROUTINE.items() if k != "frequency"})
    # Said to the therapist, not in the patient's words ("plus your counted reps").
    assert panel.total.text() == (
        "Total: about 4 min plus the time the patient takes for counted reps"
    )


def test_the_timeline_is_every_step_the_player_runs_with_when_it_starts(
    panel: PreviewPanel,
) -> None:
    show(panel, ROUTINE)
    assert timeline_texts(panel) == [
        "1. Lying hold",
        "0:00   Get ready 5 s",
        "0:05   Hold 30 s · left side",
        "0:35   Switch sides 5 s",
        "0:40   Hold 30 s · right side",
        "1:10   Switch sides 5 s",
        "1:15   Hold 30 s · left side",
        "1:45   Switch sides 5 s",
        "1:50   Hold 30 s · right side",
        "2. Tilts",
        "2:20   Get ready 5 s",
        "2:25   Rep 1 of 2: press Enter when done",
        "≥ 2:25   Rep 2 of 2: press Enter when done",
        "3. March on the spot",
        "≥ 2:25   Get ready 5 s",
        "≥ 2:30   March on the spot 1 min",
    ]
    # The times after a counted rep are the earliest: the note says what "≥" means.
    assert panel.counted_note.isVisible()
    assert "(≥) is the earliest" in panel.counted_note.text()
    model = panel.timeline_model
    last = model.index(model.rowCount() - 1, 0)
    spoken = model.data(last, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "2:30 at the earliest, March on the spot 1 min"
    tip = model.data(model.index(12, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip == "≥ 2:25   Rep 2 of 2: press Enter when done"  # whole, where a row is cut


def test_without_counted_reps_no_time_is_marked_earliest(panel: PreviewPanel) -> None:
    show(panel, {**ROUTINE, "exercises": [ROUTINE["exercises"][0], ROUTINE["exercises"][2]]})
    assert not any("≥" in text for text in timeline_texts(panel))
    assert not panel.counted_note.isVisible()
    assert "counted" not in panel.total.text()


def test_a_problem_greys_the_last_preview_and_says_how_many(panel: PreviewPanel) -> None:
    show(panel, ROUTINE)
    broken = {**ROUTINE, "exercises": [*ROUTINE["exercises"][:2], {"name": "March", "reps": 0}]}
    show(panel, broken)
    assert panel.problems.isVisible()
    assert panel.problems.text().startswith("1 problem to fix before this routine can play.")
    assert panel.is_greyed()
    assert table_rows(panel)[2][0] == "3. March on the spot\n1 min"  # the last valid, greyed

    show(panel, ROUTINE)  # fixed: the preview is live again
    assert not panel.problems.isVisible()
    assert not panel.is_greyed()


def test_before_anything_valid_a_plain_message(panel: PreviewPanel) -> None:
    draft = RoutineDraft.empty()
    panel.show_check(check_draft(draft, {}), draft)
    assert panel.empty.isVisible()
    assert panel.empty.text() == "Add an exercise to see what the patient will do."
    assert not panel.content.isVisible()

    draft = show(panel, {"title": "", "exercises": [{"name": "Tilts", "reps": 0}]})
    count = len(check_draft(draft, {}).problems)
    assert count > 1  # no title (so no id), reps 0
    assert panel.empty.text() == "Fix the problems to see what the patient will do."
    assert panel.problems.text() == f"{count} problems to fix before this routine can play."
    # The heading, the count and the message read from the top, as the other columns
    # do, not spread down the column's height.
    QApplication.processEvents()
    line = panel.fontMetrics().lineSpacing()
    heading = next(w for w in panel.findChildren(QLabel) if w.text() == "Preview")
    # (a label given spare height draws its words in its middle)
    assert heading.geometry().bottom() < 2 * heading.fontMetrics().lineSpacing()
    assert panel.problems.geometry().top() < heading.geometry().bottom() + line
    assert panel.problems.height() < 4 * line  # its two lines, not a share of the column


def test_a_change_the_patient_would_not_notice_redraws_nothing(
    panel: PreviewPanel, qtbot: QtBot
) -> None:
    show(panel, ROUTINE)
    with qtbot.assertNotEmitted(panel.timeline_model.modelReset):
        show(panel, {**ROUTINE, "description": "Typed in the description box"})
    with qtbot.waitSignal(panel.timeline_model.modelReset):
        show(panel, {**ROUTINE, "lead_in": "10 s"})
    assert timeline_texts(panel)[1] == "0:00   Get ready 10 s"


def test_a_long_routine_stays_fast(panel: PreviewPanel) -> None:
    """About 4,000 steps (near the plan's bound): a keystroke's preview is quick."""
    many = {
        **ROUTINE,
        "exercises": [
            {"name": f"Hold {n}", "hold": "5 s", "reps": 20, "sides": "alternate", "rest": "1 s"}
            for n in range(50)
        ],
    }
    show(panel, many)
    assert panel.timeline_model.rowCount() > 4000
    start = time.perf_counter()
    show(panel, {**many, "lead_in": "6 s"})
    QApplication.processEvents()
    assert time.perf_counter() - start < 1.0
    assert panel.timeline.uniformItemSizes()


def test_every_bundled_routine_the_timeline_ends_at_the_plans_total(
    panel: PreviewPanel,
) -> None:
    catalog = load_catalog()
    assert catalog.routines
    for routine in catalog.routines.values():
        draft = RoutineDraft.from_mapping({"id": routine.id, "title": routine.title})
        panel.show_check(DraftCheck(routine, ()), draft)
        preview = panel.preview()
        assert preview is not None
        assert preview.total_seconds == build_plan(routine).total_seconds
        steps = len(build_plan(routine).steps)
        assert panel.timeline_model.rowCount() == steps + len(routine.exercises)
        assert panel.exercises.rowCount() == len(routine.exercises)


def test_a_long_dose_wraps_instead_of_being_cut(panel: PreviewPanel, qtbot: QtBot) -> None:
    show(panel, ROUTINE)
    panel.resize(300, 700)  # the preview column on a 1024 px screen
    table = panel.exercises
    qtbot.waitUntil(lambda: table.columnWidth(0) < 220)
    text = table.item(0, 0).text()
    metrics = table.fontMetrics()
    assert metrics.horizontalAdvance(text.split("\n")[1]) > table.columnWidth(0)
    # name, then the dose over more than one line: at least three lines high
    qtbot.waitUntil(lambda: table.rowHeight(0) >= 3 * metrics.lineSpacing())
    assert table.columnWidth(1) >= metrics.horizontalAdvance("2 min 20 s")  # never cut


def test_counted_reps_are_said_to_take_as_long_as_they_take(panel: PreviewPanel) -> None:
    show(panel, ROUTINE)
    assert panel.counted_note.isVisible()
    timed_only = {**ROUTINE, "exercises": [ROUTINE["exercises"][0], ROUTINE["exercises"][2]]}
    show(panel, timed_only)
    assert not panel.counted_note.isVisible()
    assert [row[1] for row in table_rows(panel)] == ["2 min 20 s", "1 min 5 s"]


def test_names_are_shown_as_written_never_as_markup(panel: PreviewPanel) -> None:
    hostile = {
        **ROUTINE,
        "exercises": [{"name": "<b>Lying</b> hold &amp; <img src=x>", "hold": "5 s"}],
    }
    show(panel, hostile)
    assert table_rows(panel)[0][0].startswith("1. <b>Lying</b> hold &amp; <img src=x>\n")
    assert timeline_texts(panel)[0] == "1. <b>Lying</b> hold &amp; <img src=x>"


def test_tab_leaves_the_exercise_table_instead_of_walking_its_cells(
    panel: PreviewPanel, qtbot: QtBot
) -> None:
    show(panel, ROUTINE)
    panel.exercises.setFocus()
    qtbot.waitUntil(panel.exercises.hasFocus)
    qtbot.keyClick(panel.exercises, Qt.Key.Key_Tab)
    assert not panel.exercises.hasFocus()


def rows_in_view(panel: PreviewPanel) -> list[str]:
    QApplication.processEvents()
    view = panel.timeline
    area = view.viewport().rect()
    model = panel.timeline_model
    return [
        str(model.index(row, 0).data()).strip()
        for row in range(model.rowCount())
        if area.contains(view.visualRect(model.index(row, 0)))
    ]


def test_the_exercise_shown_brings_its_steps_to_the_top_of_the_timeline(
    panel: PreviewPanel,
) -> None:
    panel.resize(320, 420)  # the timeline shows a few of its rows
    hold, tilts, march = ROUTINE["exercises"]
    routine = {**ROUTINE, "exercises": [tilts, {**hold, "reps": 6}, march]}  # 33 rows
    show(panel, routine)
    assert rows_in_view(panel)[0] == "1. Tilts"
    assert "2. Lying hold" not in rows_in_view(panel)[:3]
    panel.show_exercise(1)
    assert rows_in_view(panel)[:2] == ["2. Lying hold", "≥ 0:05   Get ready 5 s"]
    assert panel.timeline.currentIndex().data().strip() == "≥ 0:05   Get ready 5 s"
    assert panel.exercises.currentRow() == 1
    panel.show_exercise(0)
    assert rows_in_view(panel)[0] == "1. Tilts"
    panel.show_exercise(1)
    # A keystroke that rebuilds the timeline keeps the exercise being edited in view.
    show(panel, {**routine, "lead_in": "10 s"})
    assert rows_in_view(panel)[:2] == ["2. Lying hold", "≥ 0:10   Get ready 10 s"]
    # The last exercise: as near the top as the list goes, its steps all in view.
    panel.show_exercise(2)
    assert rows_in_view(panel)[-3:] == [
        "3. March on the spot",
        "≥ 7:15   Get ready 10 s",
        "≥ 7:25   March on the spot 1 min",
    ]
