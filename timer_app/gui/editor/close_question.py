"""The question when an editor with unsaved changes is closed: Save, Discard or Cancel.

Never "Are you sure?": the three answers say what happens. Save is offered only
when the routine could be saved (no problems left); Esc and the window's close
button are Cancel, so nothing is lost by a stray key.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from timer_app.gui.page_style import plain_message


class CloseAnswer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_close_box(parent: QWidget, title: str, text: str, can_save: bool) -> CloseAnswer:
    """Save / Discard / Cancel; without Save while the routine has problems."""
    box = QMessageBox(QMessageBox.Icon.Question, title, plain_message(text), parent=parent)
    save = box.addButton(QMessageBox.StandardButton.Save) if can_save else None
    discard = box.addButton(QMessageBox.StandardButton.Discard)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save or cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if save is not None and clicked is save:
        return CloseAnswer.SAVE
    return CloseAnswer.DISCARD if clicked is discard else CloseAnswer.CANCEL
