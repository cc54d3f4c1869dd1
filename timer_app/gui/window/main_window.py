"""The main window: Routines, History, Safety & help, and the session screen.

A navigation list on the left switches the pages of a `QStackedWidget`; the
session screen is one more page that takes the whole window (the navigation hides
while it is shown). Messages that need an answer but must not block — the resume
prompt after an interrupted session, a damaged history file moved aside — are
banners above the pages, never modal dialogs, so `--start` is always one Space
away from a running session.

The state every page shares (routines, history, settings) is the `AppModel`
(`app_model.py`) passed in: each page is given it and follows its signals.

Beside it: `banner.py` and `pages/resume_banner.py` (those banners),
`actions.py` (the menu, its keys, dropped files and `--start`) and
`window/start.py` (how start-up builds the window, then fills it).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from timer_app import APP_DISPLAY_NAME
from timer_app.gui.banner import Banner
from timer_app.gui.page_style import HEADING, scaled_font
from timer_app.gui.pages.resume_banner import ResumeBanner
from timer_app.gui.window import actions

if TYPE_CHECKING:  # imported when first used: the window shows sooner
    # Only named in signatures: each Qt class is built on its first import.
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from timer_app.core.clock import Clock
    from timer_app.core.history import HistoryStore
    from timer_app.core.position import Position
    from timer_app.core.routine import Routine
    from timer_app.gui.app_model import AppModel
    from timer_app.gui.pages.history import HistoryPage
    from timer_app.gui.pages.routines import RoutinesPage
    from timer_app.gui.pages.safety import SafetyPage
    from timer_app.gui.session.unsaved_writes import AskUnsaved, UnsavedAnswer
    from timer_app.gui.session.view import SessionView

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    sig_page_changed = Signal(str)

    PAGES = ("routines", "history", "safety")

    def __init__(
        self,
        *,
        clock: Clock,
        model: AppModel,
        parent: QWidget | None = None,
        show_routines: bool = True,
    ) -> None:
        """`show_routines=False`: the window opens on an empty page and the
        Routines page is built by the first `show_page` (start-up does it just
        after the first paint: the page, its editor and programme card are most
        of what the window costs to build)."""
        super().__init__(parent)
        self.clock = clock
        self.model = model
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setAcceptDrops(True)
        self.setMinimumSize(640, 480)
        # Injectable like SessionView.confirm: (title, text) -> answer. Asked when
        # quitting while history writes still wait (see session/unsaved_writes.py).
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
        self.banner = ResumeBanner(self)  # after an interrupted session
        right.addWidget(self.banner)
        self.notice = Banner()  # e.g. the history file was damaged and moved aside
        right.addWidget(self.notice)

        self.stack = QStackedWidget()
        right.addWidget(self.stack, 1)
        # Every page (and the session screen's audio, speech, screensaver and
        # player) is built when first shown: the window shows sooner. Each reads
        # the model when built and follows it after.
        self._pages: dict[str, QWidget] = {}

        self.import_action, self.quit_action, self.help_action = actions.build_menu(self)
        if show_routines:
            self.show_page("routines")
        else:  # the navigation says where the window is about to be
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(0)
            self.nav.blockSignals(False)

    # -- pages ----------------------------------------------------------------------
    @property
    def history(self) -> HistoryStore | None:
        return self.model.history

    @property
    def routines_page(self) -> RoutinesPage:
        return cast("RoutinesPage", self._page("routines"))

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
        if name == "routines":
            from timer_app.gui.pages.routines import RoutinesPage

            routines = RoutinesPage(self.model)
            routines.sig_start.connect(self.open_session)
            return routines
        if name == "safety":
            from timer_app.gui.pages.safety import SafetyPage

            safety = SafetyPage(self.model)
            safety.sig_acknowledged.connect(lambda: self.show_page("routines"))
            return safety
        if name == "history":
            from timer_app.gui.pages.history import HistoryPage

            return HistoryPage(self.model)
        if name == "session":
            from timer_app.gui.session.view import SessionView

            view = SessionView(clock=self.clock, model=self.model)
            view.sig_closed.connect(self.close_session)
            return view
        raise ValueError(f"no page called {name!r}")

    def show_page(self, name: str) -> None:
        # The resume question waits while a session screen is up: answering it
        # there would abandon the session being done.
        self.banner.setVisible(name != "session" and self.banner.interrupted is not None)
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
            if name == "routines":
                self.routines_page.list.setFocus()
            else:
                page.setFocus()
        self.sig_page_changed.emit(name)

    def current_page(self) -> str:
        widget = self.stack.currentWidget()
        return next((name for name, page in self._pages.items() if page is widget), "routines")

    def page_shown(self) -> bool:
        """False only before the first page is built (start-up's first paint)."""
        return self.stack.currentWidget() is not None

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
        # A stage's routine started from the list or `--start` is recorded in the
        # stage: it gets the stage's doses, as from the programme card.
        routine = self.model.programme.as_prescribed(routine)
        self.session_view.load(
            routine, resume_from=resume_from, resume_session_id=resume_session_id
        )
        self.show_page("session")
        self.session_view.setFocus()

    def close_session(self) -> None:
        self.show_page("routines")

    def bring_to_front(self, start: str = "") -> None:
        """Another launch on this data dir asked for the window (maybe `--start`)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        if not start:
            return
        if self.current_page() == "session":
            view = self.session_view
            # A session really running is never replaced: the person is mid-exercise.
            if view.player is not None and view.player.state.is_live:
                self.show_notice(
                    self.tr(
                        "“{start}” was asked for from another launch. Finish or end this "
                        "session first (Esc), then start it from Routines."
                    ).format(start=start)
                )
                return
            view.leave()  # a ready screen or a summary (which is saved first)
        actions.open_start(self, start)

    def show_notice(self, text: str) -> None:
        self.notice.ask(text, [(self.tr("OK"), self.notice.hide)])

    # -- drag and drop ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        actions.drag_entered(self, event)

    def dropEvent(self, event: QDropEvent) -> None:
        actions.dropped(self, event)

    # -- geometry ---------------------------------------------------------------------
    def restore_geometry(self) -> None:
        geometry = self.model.settings.window_geometry
        if geometry:
            data = QByteArray.fromBase64(geometry.encode("ascii"))
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
        from timer_app.gui.session import unsaved_writes

        return unsaved_writes.ask_unsaved_box(self, title, text)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Ctrl+Q, File ▸ Quit and the title bar all come here. A live session asks
        # before it ends; writes the disk refused are retried, then asked about.
        # Imported here: it brings the session player, which start-up need not load.
        from timer_app.gui.session.unsaved_writes import ready_to_quit

        if not ready_to_quit(
            self._built_session_view(),
            session_shown=self.current_page() == "session",
            ask=self.ask_unsaved,
        ):
            event.ignore()  # the person chose to stay
            return
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        # Saved with any choice an earlier save could not write (a full disk then).
        self.model.update_settings(window_geometry=geometry)
        super().closeEvent(event)

    def flush_history(self) -> None:
        """The app is quitting without a close (logout, Ctrl+C): retry the writes once."""
        from timer_app.gui.session.unsaved_writes import flush_before_exit

        flush_before_exit(self._built_session_view())

    def _built_session_view(self) -> SessionView | None:
        return cast("SessionView | None", self._pages.get("session"))
