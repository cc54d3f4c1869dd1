"""The main window as `timer-app [--start ROUTINE]` opens it.

In two halves, so a person sees the window at once: `MainWindow` itself is built
and shown before anything is read from the disk; `finish_main_window` then reads
the routines, shows notices, asks about an interrupted session and opens
`--start` (`gui/app.py` calls it just after the first paint).
`build_main_window` does both at once, for tests and anything without an event
loop.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from timer_app.gui.app_model import AppModel
from timer_app.gui.window import actions
from timer_app.gui.window.main_window import MainWindow

if TYPE_CHECKING:  # imported when first used: the window shows sooner
    from PySide6.QtGui import QIcon

    from timer_app.core.clock import Clock
    from timer_app.core.history import HistoryStore
    from timer_app.storage.settings import Settings

log = logging.getLogger(__name__)


def window_icon() -> QIcon:
    # Imported here: QIcon's class and its three enum classes (ThemeIcon has ~100
    # members) cost ~1.3 ms, and start-up sets the icon after the first paint.
    from PySide6.QtGui import QIcon

    from timer_app.storage.resources import asset_path

    return QIcon(str(asset_path("icons", "org.hometimer.TimerApp.svg")))


def build_main_window(
    *,
    start: str | None,
    clock: Clock,
    settings: Settings,
    history: HistoryStore | None,
    notices: list[str] | tuple[str, ...] = (),
) -> MainWindow:
    """The window as `timer-app [--start ROUTINE]` opens it (before it is shown).

    Routines are read, `--start` opens its session screen (or the Routines page
    with the located error), the first run shows Safety (unless `--start`: the
    session screen's ready page carries the notice then), and an interrupted
    session is offered in a banner.
    """
    window = MainWindow(clock=clock, model=AppModel(settings))
    window.setWindowIcon(window_icon())
    window.restore_geometry()
    finish_main_window(window, start=start, history=history, notices=notices, background=False)
    return window


def finish_main_window(
    window: MainWindow,
    *,
    start: str | None,
    history: HistoryStore | None,
    notices: list[str] | tuple[str, ...] = (),
    background: bool = True,
) -> None:
    """What needs the disk: routines, `--start`, the first-run page, the resume
    question. Start-up runs it just after the window first shows.

    `background`: the routine folders are read on a worker thread (a folder that
    never answers must not freeze the window); the resume question and `--start`
    wait for the routines. Without it (tests, `build_main_window`) all is done here.
    """
    model = window.model
    model.set_history(history)
    # No reminder while the session screen is open, even before the history has
    # a session running (the ready screen): the reminders read this flag.
    from timer_app.gui.reminders.session_screen import follow_session_screen

    follow_session_screen(window)
    for text in notices:
        window.show_notice(text)
    waiting = True

    def with_routines() -> None:
        nonlocal waiting
        if not waiting:  # once: later reloads (imports) ask nothing again
            return
        waiting = False
        model.routines_changed.disconnect(with_routines)
        _offer_and_start(window, start=start, history=history)

    model.routines_changed.connect(with_routines)
    model.load_routines(background=background)  # the history page reads when first shown
    if not start and not model.settings.first_run_safety_seen:
        window.show_page("safety")
    _start_reminders(model.settings.reminders)


def _start_reminders(reminders: dict[str, object]) -> None:
    """Reminders on: the reminder process runs while the app is open (and after,
    when asked); it needs no window (gui/reminders/keeper.py). Its modules are
    imported only then."""
    if reminders.get("enabled") is True or reminders.get("breaks_enabled") is True:
        from timer_app.gui.reminders import keeper

        keeper.sync(reminders)


def _offer_and_start(
    window: MainWindow, *, start: str | None, history: HistoryStore | None
) -> None:
    """Once the routines are read: the interrupted-session banner, then `--start`."""
    if history is not None:
        from timer_app.gui.pages.resume_prompt import find_interrupted_session

        routines = {r.id: r for r in window.model.routines()}
        try:
            interrupted = find_interrupted_session(history, routines)
        except Exception:  # never stop the window over history
            log.exception("could not look for an interrupted session")
            interrupted = None
        if interrupted is not None:
            window.banner.offer(interrupted)
    if start:
        actions.open_start(window, start, window.model.catalog)
