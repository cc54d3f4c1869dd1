"""Start the window: the QApplication, translations, the safety net, one instance.

`run()` is all `timer-app` (without a command) calls. The window itself is built
by `main_window.build_main_window`, which the tests drive without an event loop.
"""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from timer_app import APP_DISPLAY_NAME, APP_ID, APP_NAME, __version__
from timer_app.core.clock import MonotonicClock
from timer_app.gui.single_instance import SingleInstance
from timer_app.storage import paths
from timer_app.storage.history_db import NoticeKind, SqliteHistoryStore
from timer_app.storage.settings import load_settings

log = logging.getLogger(__name__)

LOG_NAME = "timer-app.log"


def run(start: str | None = None) -> int:
    """Open the window (or bring the running one to the front) and run until quit."""
    app = _application()
    # Before anything else, and before the history is opened: a second app on
    # the same data dir would mark the first one's live session as interrupted.
    instance = SingleInstance(paths.data_dir(), parent=app)
    if not instance.acquire(start=start):
        return 0  # the running window was asked to come to the front
    log_file = _log_to_data_dir()
    sys.excepthook = _ExceptionHook(log_file)

    from timer_app.gui.main_window import build_main_window

    history, notices = open_history()
    window = build_main_window(
        start=start,
        clock=MonotonicClock(),
        settings=load_settings(),
        history=history,
        notices=notices,
    )
    instance.sig_activate.connect(window.bring_to_front)
    window.show()
    code = app.exec()
    if history is not None:
        history.close()
    instance.release()
    return code


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("hometimer")
    QCoreApplication.setOrganizationDomain("hometimer.org")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setDesktopFileName(APP_ID)  # Wayland and the task bar find the icon by it
    from timer_app.gui.main_window import window_icon

    app.setWindowIcon(window_icon())
    install_translators(app, QLocale.system())
    return app


def install_translators(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    """Qt's own strings and ours, for the system language, when a .qm exists."""
    from timer_app.storage.resources import asset_path

    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), ("timer_app", str(asset_path("translations")))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def open_history() -> tuple[SqliteHistoryStore, list[str]]:
    """The history store and the messages to show about it (a damaged file moved
    aside, a newer format...). The interrupted sessions get their own banner."""
    store = SqliteHistoryStore.open()
    notices = [n.message for n in store.notices if n.kind is not NoticeKind.INTERRUPTED_FOUND]
    return store, notices


def _log_to_data_dir() -> Path | None:
    folder = paths.data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / LOG_NAME, maxBytes=512_000, backupCount=2, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return folder / LOG_NAME


class _ExceptionHook:
    """No traceback reaches a person: a calm message, the full trace in the log."""

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self._showing = False

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
        log.error("unexpected error:\n%s", text)
        if self._showing or QApplication.instance() is None:
            print(text, file=sys.stderr)
            return
        self._showing = True
        try:
            QMessageBox.warning(None, APP_DISPLAY_NAME, error_message(error, self.log_file))
        finally:
            self._showing = False


def error_message(error: BaseException, log_file: Path | None) -> str:
    tr = QCoreApplication.translate
    text = tr(
        "App",
        "Something went wrong: {what}.\n\n"
        "Your history is safe: every rep is saved as it happens. "
        "You can carry on, or close the app and open it again.",
    ).format(what=str(error) or error.__class__.__name__)
    if log_file is not None:
        text += "\n\n" + tr("App", "Details for a bug report are in {path}.").format(path=log_file)
    return text
