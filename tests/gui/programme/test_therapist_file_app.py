"""The app follows a therapist's changed programme file (`advance: therapist`,
`current_stage:`) when it reads the routine folders again, and says so on the
History page (issue 16). Real files in the user's folder, a real history file."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.storage.history_support import PARIS
from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.history import HistoryPage
from timer_app.storage import paths
from timer_app.storage.history.programme_records import ProgrammeRecords
from timer_app.storage.history.store import SqliteHistoryStore

PLAN = """\
title: Back to the garden
advance: {advance}
current_stage: {stage}
stages:
  - name: Easy does it
    weeks: 1-2
    routines: [gentle-start]
  - name: Longer holds
    weeks: 3-4
    routines: [core-routine]
  - name: Stronger
    weeks: 5+
    routines: [strengthening]
"""
TODAY = date(2026, 3, 20)


def write_plan(stage: int, advance: str = "therapist") -> None:
    folder = paths.user_routines_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = PLAN.format(advance=advance, stage=stage)
    (folder / "garden.yaml").write_text(text, encoding="utf-8")


def test_a_changed_file_read_again_moves_the_stage_and_the_history_says_why(
    qtbot: QtBot, data_dir: Path
) -> None:
    write_plan(1)
    store = SqliteHistoryStore.open()
    model = AppModel(history=store)
    model.programme.today = lambda: TODAY
    model.load_routines(background=False)
    assert model.programme.start("garden", date(2026, 3, 2))
    page = HistoryPage(model, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()

    write_plan(3)  # the therapist's new file, replaced in the folder
    with qtbot.waitSignal(model.programme_changed, timeout=1000):
        model.load_routines(background=False)
    enrolment = model.programme.enrolment()
    assert enrolment is not None
    assert (enrolment.stage_index, enrolment.stage_started_on) == (2, TODAY)
    assert page.programme_panel.lines.text().splitlines()[0] == (
        "Fri 20 Mar: your therapist's new file moved you to stage 3, Stronger"
    )

    # Read again (the app opened another day), the same file moves nothing more.
    ProgrammeRecords(store.connection).change_stage(
        1, TODAY, datetime.combine(TODAY, time(9), PARIS)
    )
    model.load_routines(background=False)
    assert model.programme.enrolment().stage_index == 1  # type: ignore[union-attr]
    store.close()


def test_with_advance_suggest_the_app_never_moves_the_stage_for_the_file(
    qtbot: QtBot, data_dir: Path
) -> None:
    write_plan(2, "suggest")
    store = SqliteHistoryStore.open()
    model = AppModel(history=store)
    model.programme.today = lambda: TODAY
    model.load_routines(background=False)
    assert model.programme.start("garden", date(2026, 3, 2))
    assert model.programme.enrolment().stage_index == 1  # type: ignore[union-attr]
    write_plan(3, "suggest")
    model.load_routines(background=False)
    assert model.programme.enrolment().stage_index == 1  # type: ignore[union-attr]
    store.close()
