"""The banner that asks about a session a crash or power cut interrupted.

`pages/resume_prompt.py` finds the session and says where it stopped; this banner asks,
without blocking, what to do with it: resume, keep as ended early, or discard.
The question stays while the person browses the pages and waits, hidden, while a
session screen is up (`MainWindow.show_page`): answering it there would abandon
the session being done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from timer_app.gui.banner import Banner, plain
from timer_app.gui.translation import translate

if TYPE_CHECKING:  # imported when first used: the window shows sooner
    from timer_app.core.history import HistoryStore, SessionSummary
    from timer_app.gui.pages.resume_prompt import InterruptedSession
    from timer_app.gui.window.main_window import MainWindow

log = logging.getLogger(__name__)


class ResumeBanner(Banner):
    """The resume question; `interrupted` is the session asked about, until answered."""

    # Its words keep the "MainWindow" translation context (a literal each time:
    # lupdate reads only literals): they were the window's, and translations
    # made for them still apply.
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self._window = window
        self.interrupted: InterruptedSession | None = None  # the question not yet answered

    def offer(self, interrupted: InterruptedSession) -> None:
        """Ask, without blocking: resume, keep as ended early, or discard."""
        self.interrupted = interrupted
        title = interrupted.summary.routine_title
        choices = []
        if interrupted.can_resume:
            text = translate(
                "MainWindow",
                "Your last session of “{title}” was interrupted. "
                "Resume where you stopped ({where})?",
            ).format(title=title, where=interrupted.where())
            choices.append((translate("MainWindow", "Resume"), self.resume))
        else:
            text = self._why_not(interrupted).format(title=title, where=interrupted.where())
        choices.append((translate("MainWindow", "Keep as ended early"), self.keep))
        choices.append((translate("MainWindow", "Discard"), self.discard))
        self.ask(text, choices)

    @staticmethod
    def _why_not(interrupted: InterruptedSession) -> str:
        from timer_app.gui.pages.resume_prompt import NoResume

        if interrupted.why_not is NoResume.NOT_FOUND:
            return translate(
                "MainWindow",
                "Your last session of “{title}” was interrupted ({where}). "
                "Its routine file was not found, so it cannot be resumed.",
            )
        if interrupted.why_not is NoResume.NO_PLACE:
            return translate(
                "MainWindow",
                "Your last session of “{title}” was interrupted ({where}). "
                "Where it stopped was not saved, so it cannot be resumed.",
            )
        return translate(
            "MainWindow",
            "Your last session of “{title}” was interrupted ({where}). "
            "The routine has changed since, so it cannot be resumed.",
        )

    def resume(self) -> None:
        session = self.interrupted
        if session is None or session.routine is None:
            return
        self.interrupted = None
        self.hide()
        self._window.open_session(
            session.routine,
            resume_from=session.position,
            resume_session_id=session.session_id,
        )

    def keep(self) -> None:
        from timer_app.gui.pages.resume_prompt import keep_as_ended_early

        self._answer(keep_as_ended_early)

    def discard(self) -> None:
        from timer_app.gui.pages.resume_prompt import discard

        self._answer(discard)

    def _answer(self, action: Callable[[HistoryStore, SessionSummary], None]) -> None:
        session = self.interrupted
        self.interrupted = None
        self.hide()
        window = self._window
        if window.history is None or session is None:
            return
        try:
            action(window.history, session.summary)
        except Exception as error:  # a history problem must not close the window
            log.exception("could not update the interrupted session")
            window.show_notice(
                translate("MainWindow", "The history could not be updated: {error}").format(
                    error=plain(error)
                )
            )
        window.model.history_written()  # whoever shows the history rereads it
