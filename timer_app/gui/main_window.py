"""The main window: Routines, History, Safety & help, and the session screen.

A navigation list on the left switches the pages of a `QStackedWidget`; the
session screen is one more page that takes the whole window (the navigation hides
while it is shown). Messages that need an answer but must not block — the resume
prompt after an interrupted session, a damaged history file moved aside — are
banners above the pages, never modal dialogs, so `--start` is always one Space
away from a running session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from timer_app import APP_DISPLAY_NAME
from timer_app.gui.page_style import BODY, HEADING, panel, scaled_font
from timer_app.gui.routines_page import RoutinesPage
from timer_app.storage.settings import Settings, save_settings

if TYPE_CHECKING:  # imported when first used: the window shows sooner
    from timer_app.core.clock import Clock
    from timer_app.core.history import HistoryStore, SessionSummary
    from timer_app.core.position import Position
    from timer_app.core.routine import Frequency, Routine
    from timer_app.gui.history_page import HistoryPage
    from timer_app.gui.resume_prompt import InterruptedSession
    from timer_app.gui.safety_page import SafetyPage
    from timer_app.gui.session_view import SessionView
    from timer_app.gui.unsaved_writes import AskUnsaved, UnsavedAnswer

log = logging.getLogger(__name__)

ROUTINE_SUFFIXES = (".yaml", ".yml")


class Banner(QWidget):
    """A message with buttons above the pages: asks without blocking."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = panel(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.box)
        row = QHBoxLayout(self.box)
        self.label = QLabel()
        self.label.setFont(scaled_font(BODY))
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self._row = row
        self.hide()

    def ask(self, text: str, choices: list[tuple[str, Callable[[], None]]]) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        self.label.setText(text)
        self.setAccessibleName(text)
        for caption, action in choices:
            button = QPushButton(caption)
            button.setFont(scaled_font(BODY))
            button.clicked.connect(action)
            self._row.addWidget(button)
            self.buttons.append(button)
        self.show()

    def button(self, caption: str) -> QPushButton:
        return next(b for b in self.buttons if b.text() == caption)


class MainWindow(QMainWindow):
    sig_page_changed = Signal(str)

    PAGES = ("routines", "history", "safety")

    def __init__(
        self,
        *,
        clock: Clock,
        settings: Settings,
        history: HistoryStore | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.settings = settings
        self.history = history
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setAcceptDrops(True)
        self.setMinimumSize(640, 480)
        self._interrupted: InterruptedSession | None = None
        # Injectable like SessionView.confirm: (title, text) -> answer. Asked when
        # quitting while history writes still wait (see unsaved_writes.py).
        self.ask_unsaved: AskUnsaved = self._ask_unsaved_box

        central = QWidget()
        self.setCentralWidget(central)
        row = QHBoxLayout(central)

        self.nav = QListWidget()
        self.nav.setFont(scaled_font(HEADING))
        self.nav.setAccessibleName(self.tr("Pages"))
        for caption in (self.tr("Routines"), self.tr("History"), self.tr("Safety & help")):
            self.nav.addItem(caption)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 16)
        self.nav.currentRowChanged.connect(self._nav_changed)
        row.addWidget(self.nav)

        right = QVBoxLayout()
        row.addLayout(right, 1)
        self.banner = Banner()
        right.addWidget(self.banner)
        self.notice = Banner()  # e.g. the history file was damaged and moved aside
        right.addWidget(self.notice)

        self.stack = QStackedWidget()
        right.addWidget(self.stack, 1)
        self.routines_page = RoutinesPage()
        self.stack.addWidget(self.routines_page)
        # The other pages (and the session screen's audio, speech, screensaver
        # and player) are built when first shown: the window shows sooner.
        self._pages: dict[str, QWidget] = {"routines": self.routines_page}
        self._frequencies: dict[str, Frequency | None] = {}

        self.routines_page.sig_start.connect(self.open_session)
        self.routines_page.sig_routines_changed.connect(self._routines_changed)
        self._build_menu()
        self.show_page("routines")

    # -- menu and keys ----------------------------------------------------------------
    def _build_menu(self) -> None:
        # setShortcuts, not setShortcut: the latter's overload matching builds all
        # of Qt's `Qt` namespace before the first paint (see docs/design.md).
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import a routine file…"), self)
        self.import_action.setShortcuts(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self._import_requested)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for name, caption, key in (
            ("routines", self.tr("&Routines"), "Alt+1"),
            ("history", self.tr("&History"), "Alt+2"),
        ):
            action = QAction(caption, self)
            action.setShortcuts([QKeySequence(key)])
            action.triggered.connect(lambda _=False, n=name: self._go(n))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = QAction(self.tr("&Safety and help"), self)
        self.help_action.setShortcuts([QKeySequence("F1")])
        self.help_action.triggered.connect(lambda: self._go("safety"))
        help_menu.addAction(self.help_action)

    def _go(self, name: str) -> None:
        # During a session the pages are out of reach: the session screen owns the
        # window until it is closed (its own Esc asks before ending).
        if self.current_page() == "session":
            return
        self.show_page(name)

    def _import_requested(self) -> None:
        if self.current_page() == "session":
            return
        self.show_page("routines")
        self.routines_page.choose_file_to_import()

    # -- pages ----------------------------------------------------------------------
    @property
    def safety_page(self) -> SafetyPage:
        return cast("SafetyPage", self._page("safety"))

    @property
    def history_page(self) -> HistoryPage:
        return cast("HistoryPage", self._page("history"))

    @property
    def session_view(self) -> SessionView:
        return cast("SessionView", self._page("session"))

    def _page(self, name: str) -> QWidget:
        """The page, built (and its modules imported) the first time it is asked for."""
        page = self._pages.get(name)
        if page is None:
            page = self._build_page(name)
            self.stack.addWidget(page)
            self._pages[name] = page
        return page

    def _build_page(self, name: str) -> QWidget:
        if name == "safety":
            from timer_app.gui.safety_page import SafetyPage

            safety = SafetyPage(self.settings)
            safety.set_first_run(not self.settings.first_run_safety_seen)
            safety.sig_acknowledged.connect(self._safety_acknowledged)
            return safety
        if name == "history":
            from timer_app.gui.history_page import HistoryPage

            history = HistoryPage(self.history)
            history.set_frequencies(self._frequencies)
            history.refresh()
            return history
        if name == "session":
            from timer_app.gui.session_view import SessionView

            view = SessionView(clock=self.clock, history=self.history, settings=self.settings)
            view.sig_closed.connect(self.close_session)
            view.sig_session_saved.connect(self._history_changed)
            return view
        raise ValueError(f"no page called {name!r}")

    def _built_history_page(self) -> HistoryPage | None:
        return cast("HistoryPage | None", self._pages.get("history"))

    def set_history(self, history: HistoryStore | None) -> None:
        """The history, once opened (start-up opens it after the window shows)."""
        self.history = history
        history_page = self._built_history_page()
        if history_page is not None:
            history_page.history = history
        session_view = self._built_session_view()
        if session_view is not None:
            session_view.history = history

    def _history_changed(self) -> None:
        history_page = self._built_history_page()
        if history_page is not None:
            history_page.refresh()

    def show_page(self, name: str) -> None:
        # The resume question waits while a session screen is up: answering it
        # there would abandon the session being done.
        self.banner.setVisible(name != "session" and self._interrupted is not None)
        if name == "session":
            self.stack.setCurrentWidget(self._page(name))
            self.nav.hide()
            # The session screen has its own keys (F1, Ctrl+Q) and needs the room.
            self.menuBar().hide()
        else:
            index = self.PAGES.index(name)
            self.nav.show()
            self.menuBar().show()
            page = self._page(name)
            self.stack.setCurrentWidget(page)
            if self.nav.currentRow() != index:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(index)
                self.nav.blockSignals(False)
            if name == "history":
                self.history_page.refresh()  # sessions may have changed since
            if name == "routines":
                self.routines_page.list.setFocus()
            else:
                page.setFocus()
        self.sig_page_changed.emit(name)

    def current_page(self) -> str:
        widget = self.stack.currentWidget()
        return next((name for name, page in self._pages.items() if page is widget), "routines")

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self.PAGES):
            self.show_page(self.PAGES[row])

    # -- sessions --------------------------------------------------------------------
    def open_session(
        self,
        routine: Routine,
        resume_from: Position | None = None,
        resume_session_id: int | None = None,
    ) -> None:
        """Show the routine's session screen, ready for Space."""
        self.session_view.load(
            routine, resume_from=resume_from, resume_session_id=resume_session_id
        )
        self.show_page("session")
        self.session_view.setFocus()

    def close_session(self) -> None:
        self._history_changed()
        self.show_page("routines")

    def open_start(self, start: str) -> bool:
        """`--start ROUTINE`: an id or a path. On failure the Routines page says why."""
        from timer_app.storage.catalog import RoutineLoadError, find_routine

        try:
            routine = find_routine(start)
        except RoutineLoadError as error:
            problems = [str(p) for p in getattr(error, "problems", ())] or [str(error)]
            self._start_failed(start, problems)
            return False
        except (LookupError, OSError) as error:
            self._start_failed(start, [_plain(error)])
            return False
        if routine is None:
            self._start_failed(start, [self.tr("No routine has this id or path.")])
            return False
        self.open_session(routine)
        return True

    def bring_to_front(self, start: str = "") -> None:
        """Another launch on this data dir asked for the window (maybe `--start`)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        # A session in progress is never replaced by another launch's --start.
        if start and self.current_page() != "session":
            self.open_start(start)

    def _start_failed(self, start: str, problems: list[str]) -> None:
        self.show_page("routines")
        self.routines_page.show_problems(
            self.tr("Could not open “{start}”:").format(start=start), problems
        )

    # -- interrupted sessions ---------------------------------------------------------
    def offer_resume(self, interrupted: InterruptedSession) -> None:
        """Ask, without blocking: resume, keep as ended early, or discard."""
        self._interrupted = interrupted
        title = interrupted.summary.routine_title
        choices = []
        if interrupted.can_resume:
            text = self.tr(
                "Your last session of “{title}” was interrupted. "
                "Resume where you stopped ({where})?"
            ).format(title=title, where=interrupted.where())
            choices.append((self.tr("Resume"), self.resume_interrupted))
        else:
            text = self.tr(
                "Your last session of “{title}” was interrupted ({where}). "
                "The routine has changed since, so it cannot be resumed."
            ).format(title=title, where=interrupted.where())
        choices.append((self.tr("Keep as ended early"), self.keep_interrupted))
        choices.append((self.tr("Discard"), self.discard_interrupted))
        self.banner.ask(text, choices)

    def resume_interrupted(self) -> None:
        session = self._interrupted
        if session is None or session.routine is None:
            return
        self._interrupted = None
        self.banner.hide()
        self.open_session(
            session.routine,
            resume_from=session.position,
            resume_session_id=session.session_id,
        )

    def keep_interrupted(self) -> None:
        from timer_app.gui.resume_prompt import keep_as_ended_early

        self._answer_interrupted(keep_as_ended_early)

    def discard_interrupted(self) -> None:
        from timer_app.gui.resume_prompt import discard

        self._answer_interrupted(discard)

    def _answer_interrupted(self, action: Callable[[HistoryStore, SessionSummary], None]) -> None:
        session = self._interrupted
        self._interrupted = None
        self.banner.hide()
        if self.history is None or session is None:
            return
        try:
            action(self.history, session.summary)
        except Exception as error:  # a history problem must not close the window
            log.exception("could not update the interrupted session")
            self.show_notice(
                self.tr("The history could not be updated: {error}").format(error=_plain(error))
            )
        self._history_changed()

    def show_notice(self, text: str) -> None:
        self.notice.ask(text, [(self.tr("OK"), self.notice.hide)])

    def _routines_changed(self, routines: list[Routine]) -> None:
        self._frequencies = {r.id: r.frequency for r in routines}
        history_page = self._built_history_page()
        if history_page is not None:
            history_page.set_frequencies(self._frequencies)

    # -- first run ------------------------------------------------------------------
    def _safety_acknowledged(self) -> None:
        self.settings.first_run_safety_seen = True
        self._save_settings()
        self.show_page("routines")

    # -- drag and drop ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.current_page() != "session" and _dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _dropped_files(event)
        if self.current_page() == "session" or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.show_page("routines")
        for path in files:
            self.routines_page.import_file(path)

    # -- geometry ---------------------------------------------------------------------
    def restore_geometry(self) -> None:
        if self.settings.window_geometry:
            data = QByteArray.fromBase64(self.settings.window_geometry.encode("ascii"))
            if self.restoreGeometry(data):
                return
        # First run: most of the screen, from a 1024×600 netbook to full HD; a
        # small screen is used whole.
        screen = self.screen().availableGeometry()
        self.resize(min(1280, screen.width() * 9 // 10), min(860, screen.height() * 9 // 10))
        if screen.width() < 1280 or screen.height() < 800:
            self.setGeometry(screen)  # also where no window manager maximizes
            self.showMaximized()

    def _ask_unsaved_box(self, title: str, text: str) -> UnsavedAnswer:
        from timer_app.gui import unsaved_writes

        return unsaved_writes.ask_unsaved_box(self, title, text)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Ctrl+Q, File ▸ Quit and the title bar all come here. A live session asks
        # before it ends; writes the disk refused are retried, then asked about.
        # Imported here: it brings the session player, which start-up need not load.
        from timer_app.gui.unsaved_writes import ready_to_quit

        if not ready_to_quit(
            self._built_session_view(),
            session_shown=self.current_page() == "session",
            ask=self.ask_unsaved,
        ):
            event.ignore()  # the person chose to stay
            return
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self._save_settings()
        super().closeEvent(event)

    def flush_history(self) -> None:
        """The app is quitting without a close (logout, Ctrl+C): retry the writes once."""
        from timer_app.gui.unsaved_writes import flush_before_exit

        flush_before_exit(self._built_session_view())

    def _built_session_view(self) -> SessionView | None:
        return cast("SessionView | None", self._pages.get("session"))

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except OSError as error:
            log.warning("settings not saved: %s", error)


def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [
        Path(url.toLocalFile())
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(ROUTINE_SUFFIXES)
    ]


def _plain(error: BaseException) -> str:
    return str(error.args[0]) if len(error.args) == 1 else str(error)


def window_icon() -> QIcon:
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
    window = MainWindow(clock=clock, settings=settings, history=history)
    window.setWindowIcon(window_icon())
    window.restore_geometry()
    finish_main_window(window, start=start, history=history, notices=notices)
    return window


def finish_main_window(
    window: MainWindow,
    *,
    start: str | None,
    history: HistoryStore | None,
    notices: list[str] | tuple[str, ...] = (),
) -> None:
    """What needs the disk: routines, `--start`, the first-run page, the resume
    question. Start-up runs it just after the window first shows."""
    settings = window.settings
    window.set_history(history)
    window.routines_page.reload()  # the history page reads when it is first shown
    for text in notices:
        window.show_notice(text)
    if history is not None:
        from timer_app.gui.resume_prompt import find_interrupted_session

        routines = {r.id: r for r in window.routines_page.routines()}
        try:
            interrupted = find_interrupted_session(history, routines)
        except Exception:  # never stop the window over history
            log.exception("could not look for an interrupted session")
            interrupted = None
        if interrupted is not None:
            window.offer_resume(interrupted)
    if start:
        window.open_start(start)
    elif not settings.first_run_safety_seen:
        window.show_page("safety")
