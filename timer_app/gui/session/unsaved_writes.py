"""Quitting while history writes wait: retry them once, then ask in plain words.

The `SessionRecorder` keeps in memory every write the disk refused (design rule
11) and retries them; quitting would drop them. Before the window closes, the
writes are retried; if some are still waiting, one question: Try again / Quit
anyway / Keep the app open. While a session is still running the same question
also stands for "End session?", so a person never answers two boxes in a row.

The question is asked through an injectable `(title, text) -> UnsavedAnswer`, as
`SessionView.confirm` is: tests answer it, `ask_unsaved_box` is the real box.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from timer_app.core.player import PlayerState

if TYPE_CHECKING:
    from timer_app.core.recorder import SessionRecorder
    from timer_app.gui.session.view import SessionView

log = logging.getLogger(__name__)


class UnsavedAnswer(Enum):
    TRY_AGAIN = "try again"
    QUIT_ANYWAY = "quit anyway"
    KEEP_OPEN = "keep open"


AskUnsaved = Callable[[str, str], UnsavedAnswer]


def not_saved_reason(reason: str) -> str:
    """The recorder's `last_error` in the store's own sentences (e.g. "The disk
    holding your history (…) is full."), or a plain one when it has none."""
    return reason.strip() or QCoreApplication.translate(
        "UnsavedWrites", "The history file cannot be written."
    )


def unsaved_question(reason: str, *, live: bool) -> tuple[str, str]:
    """The box's title and text; `reason` as `not_saved_reason` takes it."""
    reason = not_saved_reason(reason)
    title = QCoreApplication.translate("UnsavedWrites", "Not saved yet")
    if live:
        text = QCoreApplication.translate(
            "UnsavedWrites",
            "A session is in progress, and part of it is not saved yet.\n\n{reason}\n\n"
            "Try again saves it, ends the session and quits. Quit anyway ends the "
            "session and loses what was not saved. Keep the app open to go on.",
        )
    else:
        text = QCoreApplication.translate(
            "UnsavedWrites",
            "Your last session is not saved yet.\n\n{reason}\n\n"
            "Try again to save it now. If you quit anyway, what was not saved is lost. "
            "Keep the app open to try later.",
        )
    return title, text.format(reason=reason)


def ask_unsaved_box(parent: QWidget | None, title: str, text: str) -> UnsavedAnswer:
    """The real question: a modal box; Esc (or closing it) keeps the app open."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    try_again = box.addButton(
        QCoreApplication.translate("UnsavedWrites", "Try again"), QMessageBox.ButtonRole.AcceptRole
    )
    quit_anyway = box.addButton(
        QCoreApplication.translate("UnsavedWrites", "Quit anyway"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep_open = box.addButton(
        QCoreApplication.translate("UnsavedWrites", "Keep the app open"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(try_again)
    box.setEscapeButton(keep_open)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is try_again:
        return UnsavedAnswer.TRY_AGAIN
    if clicked is quit_anyway:
        return UnsavedAnswer.QUIT_ANYWAY
    return UnsavedAnswer.KEEP_OPEN


def _pending(recorder: SessionRecorder | None) -> bool:
    return recorder is not None and recorder.pending_count > 0


def _is_live(view: SessionView) -> bool:
    return view.player is not None and view.player.state.is_live


def ready_to_quit(view: SessionView | None, *, session_shown: bool, ask: AskUnsaved) -> bool:
    """Close the session screen and settle its history writes; False: stay open.

    `view` is the session screen if it was ever built (its recorder outlives the
    session: writes of a session already left may still wait); `session_shown`
    is whether it is the page on screen.
    """
    if view is None:
        return True
    recorder = view.recorder
    if recorder is not None:
        recorder.flush()  # the disk may be back: retry once before asking anything
    if session_shown:
        if _is_live(view) and _pending(recorder):
            assert recorder is not None and view.player is not None
            answer = _ask_live(view, recorder, ask)
            if answer is UnsavedAnswer.KEEP_OPEN:
                return False
            # The question said quitting ends the session: "End session?" is not
            # asked again (the player is no longer live when the screen closes).
            view.presenter.end()
            if answer is UnsavedAnswer.QUIT_ANYWAY:
                view.close()
                _log_dropped(recorder)
                return True
        # A live session without waiting writes asks "End session?" here (the
        # session screen's own question), then saves the summary and retries.
        if not view.close():
            return False
    if _settle(recorder, ask):
        return True
    if session_shown:
        view.show()  # close() hid it; the window stays, so must its summary
    return False


def _ask_live(view: SessionView, recorder: SessionRecorder, ask: AskUnsaved) -> UnsavedAnswer:
    player = view.player
    assert player is not None
    was_running = player.state is PlayerState.RUNNING
    # Through the presenter, the session's one way in, like every key.
    view.presenter.pause()  # the clock must not run on while the person reads
    while True:
        answer = ask(*unsaved_question(recorder.last_error or "", live=True))
        if answer is not UnsavedAnswer.TRY_AGAIN or recorder.flush():
            break
    if answer is UnsavedAnswer.KEEP_OPEN and was_running:
        view.presenter.resume()
    return answer


def _settle(recorder: SessionRecorder | None, ask: AskUnsaved) -> bool:
    while recorder is not None and _pending(recorder):
        answer = ask(*unsaved_question(recorder.last_error or "", live=False))
        if answer is UnsavedAnswer.TRY_AGAIN:
            recorder.flush()
        elif answer is UnsavedAnswer.QUIT_ANYWAY:
            _log_dropped(recorder)
            return True
        else:
            return False
    return True


def flush_before_exit(view: SessionView | None) -> None:
    """The app quits without asking (logout, Ctrl+C): one last retry, then the log."""
    recorder = view.recorder if view is not None else None
    if recorder is not None and not recorder.flush():
        _log_dropped(recorder)


def _log_dropped(recorder: SessionRecorder) -> None:
    log.error(
        "quitting with %d history write(s) not saved: %s",
        recorder.pending_count,
        recorder.last_error,
    )
