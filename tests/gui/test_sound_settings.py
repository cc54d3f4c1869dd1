"""Mute, beeps only and the pain question, as a person sets them on Safety & help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from timer_app.gui.app_model import AppModel
from timer_app.gui.pages.sound_settings import SoundSettings
from timer_app.storage.settings import load_settings


def _panel(qtbot: QtBot, model: AppModel, played: list[str]) -> SoundSettings:
    panel = SoundSettings(model, play_test=lambda: played.append("test"))
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_choices_are_saved_at_once_and_survive_a_restart(qtbot: QtBot) -> None:
    model = AppModel()
    panel = _panel(qtbot, model, [])
    assert panel.ask_pain_box.isChecked() and not panel.beeps_only_box.isChecked()

    with qtbot.waitSignal(panel.sig_changed):
        panel.beeps_only_box.setFocus()
        qtbot.keyClick(panel.beeps_only_box, Qt.Key.Key_Space)  # by keyboard
    qtbot.mouseClick(panel.ask_pain_box, Qt.MouseButton.LeftButton)

    assert model.settings.beeps_only and not model.settings.ask_pain_before
    saved = load_settings()
    assert saved.beeps_only and not saved.ask_pain_before and not saved.muted


def test_muting_greys_out_beeps_only_and_the_test(qtbot: QtBot) -> None:
    played: list[str] = []
    model = AppModel()
    panel = _panel(qtbot, model, played)
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    assert played == ["test"]

    qtbot.mouseClick(panel.mute_box, Qt.MouseButton.LeftButton)
    assert model.settings.muted and load_settings().muted
    assert not panel.beeps_only_box.isEnabled() and not panel.test_button.isEnabled()
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    assert played == ["test"]  # a disabled button plays nothing


def test_the_panel_shows_what_m_changed_during_a_session(qtbot: QtBot) -> None:
    model = AppModel()
    panel = _panel(qtbot, model, [])
    model.set_muted(True)  # the session screen's M: the panel follows the model
    assert panel.mute_box.isChecked() and not panel.beeps_only_box.isEnabled()


def test_every_control_is_named_for_screen_readers(qtbot: QtBot) -> None:
    panel = _panel(qtbot, AppModel(), [])
    for control in (panel.mute_box, panel.beeps_only_box, panel.ask_pain_box, panel.test_button):
        assert control.accessibleName() or control.text()
        assert control.accessibleDescription()
        assert control.focusPolicy() != Qt.FocusPolicy.NoFocus
