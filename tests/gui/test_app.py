"""Start-up as `timer-app [--start ROUTINE]` does it, without the event loop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.window_helpers import BAD_ROUTINE, GOOD_ROUTINE, write
from timer_app.core.clock import FakeClock
from timer_app.gui import app as app_module
from timer_app.gui.window.main_window import MainWindow
from timer_app.gui.window.start import build_main_window
from timer_app.storage.settings import Settings


def start_window(qtbot: QtBot, start: str | None, **kwargs) -> MainWindow:
    window = build_main_window(
        start=start, clock=FakeClock(), settings=kwargs.pop("settings", Settings()), **kwargs
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_start_by_id_opens_the_session_screen_even_on_first_run(qtbot: QtBot) -> None:
    # First run (safety not seen): still no page or dialog between --start and Space.
    window = start_window(qtbot, "knee-to-chest", history=None)
    assert window.current_page() == "session"
    assert QApplication.activeModalWidget() is None
    assert not window.routines_page.problems_box.isVisible()


def test_start_by_path_opens_that_file(qtbot: QtBot, tmp_path: Path) -> None:
    path = write(tmp_path / "given" / "my-stretch.yaml", GOOD_ROUTINE)
    window = start_window(qtbot, str(path), history=None)
    assert window.current_page() == "session"


def test_unknown_id_opens_routines_with_the_error_in_view(qtbot: QtBot) -> None:
    window = start_window(qtbot, "knee-to-chst", history=None)
    assert window.current_page() == "routines"
    shown = window.routines_page.problems_shown()
    assert "Could not open “knee-to-chst”" in shown
    assert "knee-to-chest" in shown  # the catalog suggests the close id
    assert window.routines_page.routines()  # the good routines are all there


def test_bad_file_opens_routines_with_located_errors(qtbot: QtBot, tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.yaml", BAD_ROUTINE)
    window = start_window(qtbot, str(bad), history=None)
    assert window.current_page() == "routines"
    assert f"{bad}:8:5: hold is not a length of time" in window.routines_page.problems_shown()


def test_a_damaged_history_file_is_explained_and_the_window_still_opens(
    qtbot: QtBot, data_dir: Path
) -> None:
    write(data_dir / "history.sqlite3", "this is not a database " * 100)
    history, notices = app_module.open_history()
    assert history is not None and notices  # the store says what it did about it
    window = start_window(
        qtbot, None, history=history, notices=notices, settings=Settings(first_run_safety_seen=True)
    )
    assert window.current_page() == "routines"
    assert window.notice.isVisible()
    assert window.notice.label.text() == notices[0]
    window.notice.button("OK").click()
    assert not window.notice.isVisible()


def test_an_unexpected_error_is_a_calm_message_and_a_logged_trace(
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    log_file = tmp_path / "timer-app.log"
    hook = app_module._ExceptionHook(log_file)
    try:
        raise ValueError("the ring has no radius")
    except ValueError as error:
        hook(type(error), error, error.__traceback__)
    assert len(shown) == 1
    assert "Something went wrong: the ring has no radius." in shown[0]
    assert "Traceback" not in shown[0]
    assert str(log_file) in shown[0]


def test_translations_load_only_when_a_file_exists(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert app_module.install_translators(app, QLocale(QLocale.Language.Zulu)) == []
    german = app_module.install_translators(app, QLocale(QLocale.Language.German))
    # Qt ships qtbase_de.qm with PySide6; the app's own German file does not exist yet.
    try:
        assert len(german) == 1
    finally:
        for translator in german:
            app.removeTranslator(translator)


def test_the_translation_file_is_the_one_qt_would_load(tmp_path: Path) -> None:
    """Found with one folder listing, the file is Qt's own choice: the closest
    language first ("pt_BR" before "pt"), letter case ignored, none for English
    where only a Brazilian file exists."""
    from PySide6.QtCore import QTranslator

    from timer_app.gui.translation import translation_file

    for name in ("timer_app_pt_BR.qm", "timer_app_pt.qm", "timer_app_DE.qm", "timer_app_zh_TW.qm"):
        (tmp_path / name).write_bytes(b"")
    expected = {
        "pt_BR": "timer_app_pt_BR.qm",
        "pt_PT": "timer_app_pt.qm",
        "de_AT": "timer_app_DE.qm",
        "zh_TW": "timer_app_zh_TW.qm",
        "zh_CN": None,
        "en_US": None,
        "C": None,
    }
    for locale_name, file_name in expected.items():
        found = translation_file(tmp_path, "timer_app", QLocale(locale_name))
        assert (found.name if found else None) == file_name, locale_name
    # Against Qt's own search, over the translations PySide6 ships.
    from PySide6.QtCore import QLibraryInfo

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for locale_name in ("de_DE", "pt_BR", "pt_PT", "zh_TW", "zh_HK", "nn_NO", "fr_CA", "sv_FI"):
        locale = QLocale(locale_name)
        qt = QTranslator()
        by_qt = qt.filePath() if qt.load(locale, "qtbase", "_", qt_dir) else None
        ours = translation_file(qt_dir, "qtbase", locale)
        assert (str(ours) if ours else None) == by_qt, locale_name
    assert translation_file(tmp_path / "missing", "timer_app", QLocale("de_DE")) is None


def test_a_second_launch_brings_the_first_to_the_front_and_exits(
    qtbot: QtBot, data_dir: Path, monkeypatch
) -> None:
    from timer_app.gui.desktop.single_instance import SingleInstance

    first = SingleInstance(data_dir, parent=QApplication.instance())
    assert first.acquire()
    built = []
    monkeypatch.setattr(
        "timer_app.gui.window.start.build_main_window", lambda **kw: built.append(kw)
    )
    with qtbot.waitSignal(first.sig_activate, timeout=3000) as asked:
        assert app_module.run(start="knee-to-chest") == 0
    assert asked.args == ["knee-to-chest"]
    assert built == []  # no second window, and the history was not opened
    assert not (data_dir / "history.sqlite3").exists()
    first.release()


def test_the_running_window_opens_what_a_second_launch_asked_for(qtbot: QtBot) -> None:
    window = start_window(qtbot, None, history=None, settings=Settings(first_run_safety_seen=True))
    window.bring_to_front("piriformis")
    assert window.current_page() == "session"
    # Only a ready screen is showing, nothing started: the new routine takes its place.
    window.bring_to_front("knee-to-chest")
    assert window.session_view.plan.routine.id == "knee-to-chest"
    assert window.current_page() == "session"


def test_a_second_launch_never_replaces_a_running_session_and_says_so(qtbot: QtBot) -> None:
    window = start_window(qtbot, None, history=None, settings=Settings(first_run_safety_seen=True))
    window.show()
    window.bring_to_front("piriformis")
    window.session_view.presenter.start()  # what Space calls
    assert window.session_view.player.state.is_live
    window.bring_to_front("knee-to-chest")
    assert window.session_view.plan.routine.id == "piriformis"
    assert window.notice.isVisible()
    assert "knee-to-chest" in window.notice.findChild(QLabel).text()
    window.session_view.confirm = lambda title, question: True  # clean-up: end it
