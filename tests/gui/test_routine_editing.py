"""New routine, Edit / Edit a copy and Duplicate on the Routines page open the editor."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.gui.window_helpers import GOOD_ROUTINE, write
from timer_app.core.editor.check import check_draft
from timer_app.core.editor.draft import RoutineDraft
from timer_app.gui.pages.routines import RoutinesPage

pytestmark = pytest.mark.qt

COMMENTED = "# Written by hand for Mrs B.\n" + GOOD_ROUTINE


class Opened:
    """What the page asked the editor to open (the editor window itself is E2's)."""

    def __init__(self) -> None:
        self.calls: list[tuple[RoutineDraft, Path | None]] = []
        self.bundled_copy: list[bool] = []

    def __call__(self, draft: RoutineDraft, file_path: Path | None, bundled: bool) -> QWidget:
        self.calls.append((draft, file_path))
        self.bundled_copy.append(bundled)
        return QWidget()

    @property
    def last(self) -> tuple[RoutineDraft, Path | None]:
        assert self.calls, "the editor was not opened"
        return self.calls[-1]


def make_page(qtbot: QtBot) -> tuple[RoutinesPage, Opened]:
    page = RoutinesPage()
    qtbot.addWidget(page)
    page.reload()
    page.resize(1000, 700)
    page.show()
    opened = Opened()
    page.editing.open_editor = opened
    return page, opened


def test_new_routine_opens_an_empty_editor(qtbot: QtBot) -> None:
    page, opened = make_page(qtbot)
    assert page.editing.new_button.isVisible()
    page.editing.new_button.click()
    draft, path = opened.last
    assert path is None
    assert draft.exercises == [] and not draft.fields.get("title")


def test_edit_opens_an_own_routine_file_itself(qtbot: QtBot, data_dir: Path) -> None:
    mine = write(data_dir / "routines" / "my-stretch.yaml", COMMENTED)
    page, opened = make_page(qtbot)
    assert page.select("my-stretch")
    assert page.editing.edit_button.text() == "&Edit…"
    page.editing.edit_button.click()
    draft, path = opened.last
    assert path is not None and path.resolve() == mine.resolve()
    assert draft.fields["title"] == "My stretch"
    assert [e["name"] for e in draft.exercises] == ["Knee hug", "Tilts"]
    assert check_draft(draft, {}).routine is not None  # it opens valid, as it loaded


def test_a_file_without_an_id_keeps_the_one_the_app_knows_it_by(
    qtbot: QtBot, data_dir: Path
) -> None:
    """The id came from the file name; a title-made id would orphan its history."""
    text = GOOD_ROUTINE.replace("id: my-stretch\n", "")
    write(data_dir / "routines" / "back-care.yaml", text)
    page, opened = make_page(qtbot)
    assert page.select("back-care")
    page.editing.edit_selected()
    draft, _path = opened.last
    assert draft.fields["id"] == "back-care"


def test_a_bundled_routine_says_edit_a_copy_and_opens_a_new_unsaved_copy(qtbot: QtBot) -> None:
    page, opened = make_page(qtbot)
    assert page.select("knee-to-chest")
    assert page.editing.edit_button.text() == "&Edit a copy…"
    assert "cannot be changed here" in page.editing.edit_button.accessibleDescription()
    page.editing.edit_button.click()
    draft, path = opened.last
    assert path is None  # saved as a new file; the bundled one is never written
    assert opened.bundled_copy == [True]  # the editor says the original stays as it is
    assert draft.fields["title"] == "Knee-to-chest stretch (my copy)"
    assert draft.fields["id"] == "knee-to-chest-stretch-my-copy"
    assert draft.exercises == [{"use": "knee-to-chest"}]
    # the same safety text, word for word
    assert "Stop if pain spreads or radiates down your leg." in draft.fields["safety"]


def test_duplicate_opens_a_copy_with_a_new_unique_id(qtbot: QtBot, data_dir: Path) -> None:
    write(data_dir / "routines" / "my-stretch.yaml", GOOD_ROUTINE)
    # A routine whose id the first copy would take: the copy's id must differ.
    taken = GOOD_ROUTINE.replace("id: my-stretch", "id: my-stretch-copy").replace(
        "title: My stretch", "title: Another"
    )
    write(data_dir / "routines" / "my-stretch-copy.yaml", taken)
    page, opened = make_page(qtbot)
    assert page.select("my-stretch")
    page.editing.duplicate_button.click()
    draft, path = opened.last
    assert path is None
    assert draft.fields["title"] == "My stretch (copy)"
    assert opened.bundled_copy == [False]
    ids = {r.id for r in page.routines()}
    assert draft.fields["id"] not in ids
    assert draft.fields["id"] == "my-stretch-copy-2"
    assert draft.exercises[0]["hold"] == "30 s"  # the dose as written


def test_a_copy_keeps_a_picture_that_was_beside_the_original(qtbot: QtBot, data_dir: Path) -> None:
    folder = data_dir / "routines"
    (folder / "pics").mkdir(parents=True)
    picture = folder / "pics" / "hug.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    write(
        folder / "my-stretch.yaml",
        GOOD_ROUTINE.replace("    reps: 3\n", "    reps: 3\n    image: pics/hug.png\n"),
    )
    page, opened = make_page(qtbot)
    assert page.select("my-stretch")
    page.editing.duplicate_selected()
    draft, _path = opened.last
    assert draft.exercises[0]["image"] == str(picture.resolve())


def test_a_copy_does_not_claim_to_replace_what_the_original_replaces(
    qtbot: QtBot, data_dir: Path
) -> None:
    write(
        data_dir / "routines" / "week-2.yaml",
        GOOD_ROUTINE.replace("id: my-stretch\n", "id: week-2\nreplaces: [week-1]\n"),
    )
    page, opened = make_page(qtbot)
    assert page.select("week-2")
    page.editing.duplicate_selected()
    draft, _path = opened.last
    assert "replaces" not in draft.fields


def test_a_clinic_routine_that_cannot_be_written_is_edited_as_a_copy(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = tmp_path / "clinic"
    write(clinic / "my-stretch.yaml", GOOD_ROUTINE)
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(clinic))
    # A read-only network share (chmod is no test here: the tests may run as root).
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode, **kw: (
            False if str(path).startswith(str(clinic)) else real_access(path, mode, **kw)
        ),
    )
    page, opened = make_page(qtbot)
    assert page.select("my-stretch")
    assert page.editing.edit_button.text() == "&Edit a copy…"
    page.editing.edit_selected()
    assert opened.last[1] is None
    assert opened.last[0].fields["title"] == "My stretch (my copy)"


def test_a_writable_clinic_routine_is_edited_in_place(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = tmp_path / "clinic"
    routine = write(clinic / "my-stretch.yaml", GOOD_ROUTINE)
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(clinic))
    page, opened = make_page(qtbot)
    assert page.select("my-stretch")
    assert page.editing.edit_button.text() == "&Edit…"
    page.editing.edit_selected()
    path = opened.last[1]
    assert path is not None and path.resolve() == routine.resolve()


def test_a_file_that_changed_since_it_was_listed_is_named_not_opened(
    qtbot: QtBot, data_dir: Path
) -> None:
    mine = write(data_dir / "routines" / "my-stretch.yaml", GOOD_ROUTINE)
    page, opened = make_page(qtbot)
    assert page.select("my-stretch")
    mine.write_text("title: [unclosed\n", encoding="utf-8")
    page.editing.edit_selected()
    assert opened.calls == []
    shown = page.problems_shown()
    assert shown.startswith("The routine could not be opened")
    assert f"{mine}:" in shown


def test_nothing_selected_edit_and_duplicate_are_off(qtbot: QtBot, data_dir: Path) -> None:
    page, _opened = make_page(qtbot)
    page.list.setCurrentRow(-1)
    page.editing.show_for(None)
    assert not page.editing.edit_button.isEnabled()
    assert not page.editing.duplicate_button.isEnabled()
    assert page.editing.new_button.isEnabled()


def test_the_real_editor_opens_and_its_save_is_selected_on_the_page(
    qtbot: QtBot, data_dir: Path
) -> None:
    from timer_app.gui.editor.editor_window import CloseAnswer, EditorWindow
    from timer_app.storage.paths import user_routines_dir

    page = RoutinesPage()
    qtbot.addWidget(page)
    page.reload()
    page.show()
    assert page.select("knee-to-chest")
    window = page.editing.edit_selected()
    assert isinstance(window, EditorWindow)
    # Not given to qtbot: closing deletes it (the page lets it go), as the test checks.
    window.ask_close = lambda _title, _text, _can_save: CloseAnswer.DISCARD
    assert window.isVisible()
    assert window.banner.isVisible()  # "…you are editing a copy…"
    assert window.routine_form.title.text() == "Knee-to-chest stretch (my copy)"
    assert window.save_button.isEnabled()  # a copy of a valid routine is valid

    with qtbot.waitSignal(window.saved) as saved:
        window.save_button.click()
    path = Path(saved.args[0])
    assert path.parent == user_routines_dir()
    qtbot.waitUntil(
        lambda: (
            page.selected_routine() is not None
            and page.selected_routine().id == "knee-to-chest-stretch-my-copy"
        )
    )
    assert "knee-to-chest" in {r.id for r in page.routines()}  # the original stays
    window.close()
    qtbot.waitUntil(lambda: page.editing.windows == [])


def test_ctrl_n_in_the_main_window_opens_a_new_routine_but_not_during_a_session(
    qtbot: QtBot,
) -> None:
    from PySide6.QtCore import Qt

    from timer_app.core.clock import FakeClock
    from timer_app.gui.window.start import build_main_window
    from timer_app.storage.settings import Settings

    window = build_main_window(
        start=None, clock=FakeClock(), settings=Settings(first_run_safety_seen=True), history=None
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    opened = Opened()
    window.routines_page.editing.open_editor = opened
    window.show_page("history")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "routines"
    draft, path = opened.last
    assert path is None and draft.exercises == []

    window.open_session(window.routines_page.routines()[0])
    window.session_view.confirm = lambda _title, _question: True
    qtbot.keyClick(window.session_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(opened.calls) == 1  # a session on the screen is never left for the editor
    assert window.current_page() == "session"


def test_edit_twice_brings_the_open_editor_forward_instead_of_a_second(
    qtbot: QtBot, data_dir: Path
) -> None:
    from timer_app.gui.editor.editor_window import CloseAnswer

    write(data_dir / "routines" / "my-stretch.yaml", GOOD_ROUTINE)
    page = RoutinesPage()
    qtbot.addWidget(page)
    page.reload()
    page.show()
    assert page.select("my-stretch")
    first = page.editing.edit_selected()
    assert first is not None
    discard = lambda _title, _text, _can_save: CloseAnswer.DISCARD  # noqa: E731
    first.ask_close = discard  # type: ignore[attr-defined]
    try:
        assert page.editing.edit_selected() is first
        assert page.editing.windows == [first]
        copy = page.editing.duplicate_selected()  # a copy is another routine: its own window
        assert copy is not None and copy is not first
        copy.ask_close = discard  # type: ignore[attr-defined]
        copy.close()
    finally:
        first.close()
