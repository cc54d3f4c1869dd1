"""The session screen's controls: which button and which key call which command,
on which screen, and the F1 list of keys.

Every control is a button and a key. The keys are `QShortcut`s on the session
view with `WidgetWithChildrenShortcut` context, so they work wherever the focus is
inside the view (a clicked pain button must not swallow Space). A key is enabled
only on the screens where it means something (`SessionKeys.show_for`).

F1 and Ctrl+Q are not shortcuts here: the main window's menu has them too, so the
view takes them over with a ShortcutOverride (`takes_over`) and handles them in
`keyPressEvent`; two shortcuts on one key would only make Qt report an ambiguity.

The key table and the help text sit side by side: change one, change the other.
Strings keep the "SessionView" translation context they had inside the view, so
the translation template did not change when they moved here.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import partial
from typing import Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from timer_app.gui.pain_dialogs import PainScale, pain_keys, ten_key
from timer_app.gui.running_panel import RunningPanel
from timer_app.gui.session_panels import ReadyPanel, SummaryPanel
from timer_app.gui.translation import translate


class Screen(Enum):
    """Which of the session view's panels shows."""

    READY = "ready"
    RUNNING = "running"
    SUMMARY = "summary"


class Commands(Protocol):
    """What the buttons and keys call: the session view's commands."""

    def start(self) -> None: ...
    def toggle_pause(self) -> None: ...
    def back(self) -> None: ...
    def skip(self) -> None: ...
    def done_rep(self) -> None: ...
    def stop_it_hurts(self) -> None: ...
    def toggle_mute(self) -> None: ...
    def end_session(self) -> bool: ...
    def escape(self) -> None: ...
    def show_help(self) -> None: ...
    def save_summary(self, quiet: bool = False) -> None: ...
    def leave(self) -> None: ...


def connect_buttons(
    ready: ReadyPanel, running: RunningPanel, summary: SummaryPanel, commands: Commands
) -> None:
    ready.sig_start.connect(commands.start)
    ready.sig_back.connect(commands.leave)
    running.pause_button.clicked.connect(commands.toggle_pause)
    running.back_button.clicked.connect(commands.back)
    running.skip_button.clicked.connect(commands.skip)
    running.done_button.clicked.connect(commands.done_rep)
    running.hurts_button.clicked.connect(commands.stop_it_hurts)
    running.mute_button.clicked.connect(commands.toggle_mute)
    running.end_button.clicked.connect(commands.end_session)
    running.help_button.clicked.connect(commands.show_help)
    summary.sig_save.connect(commands.save_summary)
    summary.sig_close.connect(commands.leave)


_LIVE = frozenset({Screen.READY, Screen.RUNNING})
_RUNNING = frozenset({Screen.RUNNING})
_EVERYWHERE = frozenset(Screen)
_PAIN = frozenset({Screen.READY, Screen.SUMMARY})  # pain before, pain after


# (key, command, the screens where the key works)
KeyRow = tuple[Qt.Key, Callable[[], object], frozenset[Screen]]


def key_table(commands: Commands) -> list[KeyRow]:
    """Every key of the session screen; `help_text` describes the same keys."""
    return [
        (Qt.Key.Key_Space, commands.toggle_pause, _LIVE),
        (Qt.Key.Key_Left, commands.back, _RUNNING),
        (Qt.Key.Key_Right, commands.skip, _RUNNING),
        (Qt.Key.Key_Return, commands.done_rep, _RUNNING),
        (Qt.Key.Key_Enter, commands.done_rep, _RUNNING),
        (Qt.Key.Key_PageDown, commands.done_rep, _RUNNING),  # a presenter clicker
        (Qt.Key.Key_S, commands.stop_it_hurts, _RUNNING),
        (Qt.Key.Key_M, commands.toggle_mute, _LIVE),
        (Qt.Key.Key_Escape, commands.escape, _EVERYWHERE),
    ]


def rate_shown_pain(view: QWidget, rating: int) -> None:
    """A pain key: rates on the scale that shows (the ready screen's may be hidden,
    when this routine does not ask for pain before)."""
    for scale in view.findChildren(PainScale):
        if scale.isVisible():
            scale.choose(rating)
            return


def pain_key_table(view: QWidget) -> list[tuple[QKeySequence, Callable[[], object]]]:
    """0–9 and T (10) rate pain on the ready screen and the summary. Typing in the
    notes is not taken: a text box claims its printable keys before a shortcut."""
    return [(key, partial(rate_shown_pain, view, rating)) for key, rating in pain_keys()]


class SessionKeys:
    """The view's shortcuts; `show_for(screen)` enables those that screen uses."""

    def __init__(self, view: QWidget, commands: Commands, shown: Screen) -> None:
        self._shortcuts: list[tuple[QShortcut, frozenset[Screen]]] = []
        for key, command, screens in key_table(commands):
            self._add(view, QKeySequence(key), command, screens)
        for sequence, rate in pain_key_table(view):
            self._add(view, sequence, rate, _PAIN)
        self.show_for(shown)

    def _add(
        self,
        view: QWidget,
        sequence: QKeySequence,
        command: Callable[[], object],
        screens: frozenset[Screen],
    ) -> None:
        shortcut = QShortcut(sequence, view)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(command)
        self._shortcuts.append((shortcut, screens))

    def show_for(self, screen: Screen) -> None:
        for shortcut, screens in self._shortcuts:
            shortcut.setEnabled(screen in screens)


def is_help(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_F1


def is_quit(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Q and bool(
        event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )


def takes_over(event: QEvent) -> bool:
    """A ShortcutOverride for F1 or Ctrl+Q: the view handles it, not the window's menu.

    While the session shows, F1 means "these keys" and Ctrl+Q asks before quitting.
    """
    return (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and (is_help(event) or is_quit(event))
    )


def help_text() -> str:
    rows = [
        (translate("SessionView", "Space"), translate("SessionView", "Start, pause or resume")),
        (
            translate("SessionView", "Enter / Page Down"),
            translate("SessionView", "Done rep (a presenter clicker works)"),
        ),
        (
            translate("SessionView", "Right arrow"),
            translate("SessionView", "Skip to the next step"),
        ),
        (
            translate("SessionView", "Left arrow"),
            translate("SessionView", "Back: restart the step"),
        ),
        (translate("SessionView", "S"), translate("SessionView", "Stop – it hurts")),
        (translate("SessionView", "M"), translate("SessionView", "Mute or unmute")),
        (
            translate("SessionView", "0–9, %1").replace("%1", ten_key()),
            translate("SessionView", "Rate your pain before and after (%1 is 10)").replace(
                "%1", ten_key()
            ),
        ),
        (
            translate("SessionView", "Esc"),
            translate("SessionView", "End the session (asks first)"),
        ),
        (translate("SessionView", "Ctrl+Q"), translate("SessionView", "Quit")),
        (translate("SessionView", "F1"), translate("SessionView", "These keys")),
    ]
    return "\n".join(f"{key}\t{what}" for key, what in rows)


def open_help(parent: QWidget) -> QMessageBox:
    """The F1 list, not blocking: the session's clock and keys keep working."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("SessionView", "Keys"),
        help_text(),
        parent=parent,
    )
    box.setAccessibleName(translate("SessionView", "Keyboard shortcuts"))
    box.open()
    return box
