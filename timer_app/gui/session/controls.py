"""The session screen's controls: which button and which key call which command,
on which screen, and the F1 list of keys.

Start, pause and resume, back, skip and a rep done go straight to the
`SessionPresenter`, the one way in to the player (`PRESENTER_COMMANDS`); the
view's own commands (`Commands`: the questions of Esc and "Stop – it hurts",
sound, help, leaving) reach the player through the presenter too.

Every control is a button and a key. The keys are `QShortcut`s on the session
view with `WidgetWithChildrenShortcut` context, so they work wherever the focus is
inside the view (a clicked pain button must not swallow Space). A key is enabled
only on the screens where it means something (`SessionKeys.show_for`).

F1 and Ctrl+Q are not shortcuts here: the main window's menu has them too, so the
view takes them over with a ShortcutOverride (`takes_over`) and handles them in
`keyPressEvent`; two shortcuts on one key would only make Qt report an ambiguity.

Which key does what, and the words that say so, come from one list
(`key_list.key_help`): the shortcuts are made from its bindings and the F1 box
prints its rows, so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape
from typing import Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget

from timer_app.core.pain_location import PainLocation
from timer_app.gui.session.key_list import (
    CHOOSE_PLACE,
    PAIN,
    RATE_PAIN,
    Screen,
    help_rows,
    session_bindings,
)
from timer_app.gui.session.pain_dialogs import PainScale
from timer_app.gui.session.pain_where import PainWhere
from timer_app.gui.session.panels import ReadyPanel, SummaryPanel
from timer_app.gui.session.presenter import SessionPresenter
from timer_app.gui.session.running_panel import RunningPanel
from timer_app.gui.translation import translate


class Commands(Protocol):
    """What the view does itself: the questions, the sound, help and leaving."""

    def stop_it_hurts(self) -> None: ...
    def toggle_mute(self) -> None: ...
    def end_session(self) -> bool: ...
    def escape(self) -> None: ...
    def show_help(self) -> None: ...
    def save_summary(self, quiet: bool = False) -> None: ...
    def leave(self) -> None: ...


# The key list's names of the commands that go straight to the presenter, the
# one way in to the player: Space starts, pauses and resumes; Enter is a rep done.
PRESENTER_COMMANDS: dict[str, str] = {
    "start": "start",
    "toggle_pause": "toggle_pause",
    "back": "back",
    "skip": "skip",
    "done_rep": "complete_rep",
}


def connect_buttons(
    ready: ReadyPanel,
    running: RunningPanel,
    summary: SummaryPanel,
    commands: Commands,
    session: SessionPresenter,
) -> None:
    ready.sig_start.connect(session.start)
    ready.sig_back.connect(commands.leave)
    running.pause_button.clicked.connect(session.toggle_pause)
    running.back_button.clicked.connect(session.back)
    running.skip_button.clicked.connect(session.skip)
    running.done_button.clicked.connect(session.complete_rep)
    running.hurts_button.clicked.connect(commands.stop_it_hurts)
    running.mute_button.clicked.connect(commands.toggle_mute)
    running.end_button.clicked.connect(commands.end_session)
    running.help_button.clicked.connect(commands.show_help)
    summary.sig_save.connect(commands.save_summary)
    summary.sig_close.connect(commands.leave)


_PAIN = PAIN  # the screens where a pain key works (pain before, pain after)


def rate_shown_pain(view: QWidget, rating: int) -> None:
    """A pain key: rates on the scale that shows (the ready screen's may be hidden,
    when this routine does not ask for pain before)."""
    for scale in view.findChildren(PainScale):
        if scale.isVisible():
            scale.choose(rating)
            return


def _command(
    view: QWidget, commands: Commands, session: SessionPresenter, name: str, value: object
) -> Callable[[], object]:
    """What a binding calls. Pain keys (0–9, T) rate, and place keys (B, U, H, K,
    F) answer "Where do you feel it most?", on the ready screen and the summary;
    typing in the notes is not taken: a text box claims its printable keys before
    a shortcut."""
    if name == RATE_PAIN and isinstance(value, int):
        return partial(rate_shown_pain, view, value)
    if name == CHOOSE_PLACE and isinstance(value, PainLocation):
        return partial(choose_shown_place, view, value)
    if name in PRESENTER_COMMANDS:
        session_command: Callable[[], object] = getattr(session, PRESENTER_COMMANDS[name])
        return session_command
    command: Callable[[], object] = getattr(commands, name)
    return command


def choose_shown_place(view: QWidget, location: PainLocation) -> None:
    """A place key (B, U, H, K, F): answers "Where do you feel it most?" on the
    screen that shows it."""
    for question in view.findChildren(PainWhere):
        if question.isVisible():
            question.choose(location)
            return


class SessionKeys:
    """The view's shortcuts; `show_for(screen)` enables those that screen uses."""

    def __init__(
        self, view: QWidget, commands: Commands, session: SessionPresenter, shown: Screen
    ) -> None:
        self._shortcuts: list[tuple[QShortcut, frozenset[Screen]]] = []
        for binding in session_bindings():
            command = _command(view, commands, session, binding.command, binding.value)
            self._add(view, QKeySequence(binding.key), command, binding.screens)
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
    """The F1 box: the session's keys, one per line (key, tab, what it does)."""
    return "\n".join(f"{key}\t{what}" for key, what in help_rows(in_session=True))


def help_table() -> str:
    """The F1 list as a two-column table: tab stops in a message box do not line
    up, and a long line wrapped under the keys column."""
    cell = "<tr><td style='padding-right:18px'><b>{}</b></td><td>{}</td></tr>"
    rows = "".join(cell.format(escape(k), escape(w)) for k, w in help_rows(in_session=True))
    return f"<table>{rows}</table>"


def open_help(parent: QWidget) -> QMessageBox:
    """The F1 list, not blocking: the session's clock and keys keep working."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("SessionView", "Keys"),
        help_table(),
        parent=parent,
    )
    box.setTextFormat(Qt.TextFormat.RichText)  # our own table; every word is escaped
    box.setAccessibleName(translate("SessionView", "Keyboard shortcuts"))
    box.setAccessibleDescription(help_text())  # the same list, read out plainly
    box.open()
    return box
