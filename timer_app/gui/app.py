"""Start the window: the QApplication, translations, the safety net, one instance.

`run()` is all `timer-app` (without a command) calls. The window itself is built
by `window_start.build_main_window`, which the tests drive without an event loop.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QLoggingCategory,
    QObject,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QWidget

from timer_app import APP_DISPLAY_NAME, APP_ID, APP_NAME, __version__
from timer_app.core.clock import MonotonicClock
from timer_app.gui.desktop import app_log, qt_messages
from timer_app.gui.desktop.single_instance import SingleInstance
from timer_app.gui.translation import translate, translation_file
from timer_app.storage import paths

if TYPE_CHECKING:
    from timer_app.storage.history.store import SqliteHistoryStore
from timer_app.storage.settings import load_settings

log = logging.getLogger(__name__)


def run(start: str | None = None) -> int:
    """Open the window (or bring the running one to the front) and run until quit."""
    app = _application()
    # Before anything else, and before the history is opened: a second app on
    # the same data dir would mark the first one's live session as interrupted.
    instance = SingleInstance(paths.data_dir(), parent=app)
    if not instance.acquire(start=start, listen=False):
        return 0  # the running window was asked to come to the front
    log_handler = _log_to_data_dir()
    sys.excepthook = _ExceptionHook(None, log_handler)

    from timer_app.gui.app_model import AppModel
    from timer_app.gui.window.main_window import MainWindow
    from timer_app.gui.window.start import finish_main_window

    # The one owner of the routines, the history and the settings; every page and
    # the session screen are given it (the history joins it after the first paint).
    model = AppModel(load_settings(), parent=app)
    # The Routines page is built just after the first paint (see finish).
    window = MainWindow(clock=MonotonicClock(), model=model, show_routines=False)
    window.restore_geometry()
    instance.sig_activate.connect(window.bring_to_front)
    # Quitting without a close (logout, Ctrl+C in the terminal): the history
    # writes the disk refused get one last try (a close asks about them first).
    app.aboutToQuit.connect(window.flush_history)
    opened: list[SqliteHistoryStore] = []

    def finish() -> None:
        # The disk work (history file check, routine files) and what a person
        # does not look at first (the icon, answering a second launch) once the
        # window is on screen: a person sees the app at once, filled a moment later.
        from timer_app.gui.window.start import window_icon

        if not window.page_shown():  # a key pressed meanwhile may have chosen one
            window.show_page("routines")
        app.setWindowIcon(window_icon())
        instance.listen()
        app_log.check_writable(log_handler)
        history, notices = open_history(log_handler)
        opened.append(history)
        finish_main_window(window, start=start, history=history, notices=notices)

    window.show()
    _after_first_expose(window, finish)
    code = app.exec()
    for history in opened:
        history.close()
    instance.release()
    return code


def _after_first_expose(window: QWidget, callback: Callable[[], None]) -> None:
    """Call back once the window is first drawn (or after half a second at most)."""
    handle = window.windowHandle()
    done = False

    def once() -> None:
        nonlocal done
        if not done:
            done = True
            callback()

    class _FirstExpose(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Expose and handle is not None and handle.isExposed():
                watched.removeEventFilter(self)
                QTimer.singleShot(0, once)
            return False

    if handle is not None:
        watcher = _FirstExpose(window)
        handle.installEventFilter(watcher)
    QTimer.singleShot(500, once)  # no expose (a minimized start): go on anyway


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Qt's uncategorised warnings (PulseAudio, speech plug-ins) go to the log, not
    # the terminal; installed first, so the QApplication's own messages go there too.
    qt_messages.install()
    # Without PulseAudio or VA-API, Qt Multimedia prints a dozen lines of library
    # probing to the terminal: noise to a patient. QT_LOGGING_RULES still overrides.
    QLoggingCategory.setFilterRules("qt.multimedia*=false\nqt.speech*=false")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("hometimer")
    QCoreApplication.setOrganizationDomain("hometimer.org")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setDesktopFileName(APP_ID)  # Wayland and the task bar find the icon by it
    install_translators(app, QLocale.system())
    return app


def install_translators(
    app: QCoreApplication, locale: QLocale, folder: Path | None = None
) -> list[QTranslator]:
    """Qt's own strings and ours (`timer_app_<lang>.qm` in `folder`, by default the
    bundled assets/translations), for the system language, when a .qm exists."""
    from timer_app.storage.resources import asset_path

    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = folder or asset_path("translations")
    for name, folder_name in (("qtbase", qt_dir), ("timer_app", ours)):
        # The file is looked for first: a language without one (English, as the
        # app ships no .qm yet) costs one folder listing, not ~14 failed opens.
        found = translation_file(folder_name, name, locale)
        if found is None:
            continue
        translator = QTranslator(app)
        # Name and folder apart: load(path) would first try "<path>.qm".
        if translator.load(found.stem, str(found.parent)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def open_history(
    log_handler: app_log.SafeFileHandler | None = None,
) -> tuple[SqliteHistoryStore, list[str]]:
    """The history store and the messages to show about it (a damaged file moved
    aside, a newer format...), and about a log file that cannot be written. The
    interrupted sessions get their own banner."""
    from timer_app.storage.history.opening import NoticeKind
    from timer_app.storage.history.store import SqliteHistoryStore

    store = SqliteHistoryStore.open()
    notices = [n.message for n in store.notices if n.kind is not NoticeKind.INTERRUPTED_FOUND]
    # A folder that cannot be written is told once: by the history when it says so.
    history_said_it = any(n.kind is NoticeKind.UNAVAILABLE for n in store.notices)
    log_problem = app_log.log_notice(log_handler, history_said_it)
    if log_problem is not None:
        notices.append(log_problem)
    # One banner shows one text at a time: each notice is a paragraph of one
    # message, so a journal kept aside is not hidden by the restore after it.
    return store, ["\n\n".join(notices)] if notices else []


def _log_to_data_dir() -> app_log.SafeFileHandler | None:
    return app_log.log_to_data_dir()


class _ExceptionHook:
    """No traceback reaches a person: a calm message, the full trace in the log."""

    def __init__(
        self, log_file: Path | None, handler: app_log.SafeFileHandler | None = None
    ) -> None:
        self._log_file = log_file
        self._handler = handler
        self._showing = False

    @property
    def log_file(self) -> Path | None:
        """Where the trace went; None when the log file cannot be written."""
        if self._handler is not None:
            return app_log.usable_log_file(self._handler)
        return self._log_file

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        text = "".join(traceback.format_exception(kind, error, trace))
        try:  # the hook must never fail in turn: that would leave an empty window
            log.error("unexpected error:\n%s", text)
        except Exception:
            print(text, file=sys.stderr)
        if self._showing or QApplication.instance() is None:
            print(text, file=sys.stderr)
            return
        # Imported here: QMessageBox brings eight enum classes that PySide6 builds
        # on first use, before the first paint otherwise (bench/startup.py).
        from PySide6.QtWidgets import QMessageBox

        self._showing = True
        try:
            QMessageBox.warning(None, APP_DISPLAY_NAME, error_message(error, self.log_file))
        finally:
            self._showing = False


def error_message(error: BaseException, log_file: Path | None) -> str:
    text = translate(
        "App",
        "Something went wrong: {what}.\n\n"
        "Your history is safe: every rep is saved as it happens. "
        "You can carry on, or close the app and open it again.",
    ).format(what=str(error) or error.__class__.__name__)
    if log_file is not None:
        text += "\n\n" + translate("App", "Details for a bug report are in {path}.").format(
            path=log_file
        )
    return text
