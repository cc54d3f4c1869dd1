"""Try it: the routine being edited, played in the real session screen, recorded nowhere.

A therapist checks the pace of what they just built before saving it. The
session screen is the one patients use (`SessionView`), given a model with no
history store: with no store there is no recorder, so nothing is written and
the History page never hears of it. A band above the screen and a line on the
ready screen say it is a try-out and not recorded; the summary offers no Save,
pain or notes (there is nowhere to keep them). "A stop for pain is always
recorded and safe" is about sessions: a try-out is not one, so its "Stop – it
hurts" shows the patient's questions and advice and records nothing.

Sound choices made during a try-out (M for mute) are the person's own and go to
the app's settings; everything else the session would change (the first-run
safety notice marked as seen) stays with the try-out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from timer_app.core.clock import Clock, MonotonicClock
from timer_app.gui.app_model import AppModel
from timer_app.gui.page_style import HEADING, panel, plain_label, scaled_font

if TYPE_CHECKING:
    from timer_app.core.routine import Routine
    from timer_app.gui.audio.cues import Cues
    from timer_app.gui.session.view import SessionView

# The settings a try-out shares with the app: how the person wants to hear cues.
_SHARED_SETTINGS = frozenset({"muted", "beeps_only"})


def _no_save(_settings: object) -> None:
    """The try-out's own settings are never written: the app's model writes the shared ones."""


class TryOutModel(AppModel):
    """An app model without history for one try-out; sound choices go to `app_model`."""

    def __init__(self, app_model: AppModel, parent: QObject | None = None) -> None:
        super().__init__(app_model.settings, history=None, save=_no_save, parent=parent)
        self._app_model = app_model
        app_model.settings_changed.connect(self._follow)

    def update_settings(self, **changes: object) -> bool:
        shared = {name: value for name, value in changes.items() if name in _SHARED_SETTINGS}
        own = {name: value for name, value in changes.items() if name not in _SHARED_SETTINGS}
        saved = True
        if shared:  # the app's model announces them; `_follow` brings them here
            saved = self._app_model.update_settings(**shared)
        if own:
            super().update_settings(**own)
        return saved

    def _follow(self, names: frozenset[str]) -> None:
        current = self._app_model.settings
        shared = {name: getattr(current, name) for name in names & _SHARED_SETTINGS}
        if shared:
            super().update_settings(**shared)

    def set_history(self, history: object) -> None:
        """A try-out never has a history, whatever asks."""
        del history


class TryOutWindow(QWidget):
    """A window of its own over the editor: the band, then the session screen."""

    def __init__(
        self,
        routine: Routine,
        model: AppModel,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        cues: Cues | None = None,
    ) -> None:
        # Imported here: the session screen brings the player, audio and speech,
        # which the editor does not need until the first try-out.
        from timer_app.gui.session.view import SessionView

        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Trying out: {title}").format(title=routine.title))
        self.try_model = TryOutModel(model, parent=self)
        self.band = panel(role=QPalette.ColorRole.AlternateBase)
        band_col = QVBoxLayout(self.band)
        self.band_label = plain_label(self.not_recorded_text())
        self.band_label.setFont(scaled_font(HEADING, bold=True))
        self.band_label.setWordWrap(True)
        self.band_label.setAccessibleName(self.tr("Trying out"))
        band_col.addWidget(self.band_label)

        self.view: SessionView = SessionView(
            clock=clock or MonotonicClock(), model=self.try_model, parent=self, cues=cues
        )
        # Nothing is lost by ending a try-out, so Esc ends it without a question.
        self.view.confirm = lambda _title, _question: True
        self.view.sig_closed.connect(self.close)
        self._adapt_screens()

        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.band)
        col.addWidget(self.view, 1)
        self.view.load(routine)
        # After load: it sets the ready screen's saving line from the (absent) history.
        self.view.ready.show_history_note(self.not_recorded_text())
        self._leaving = False
        if parent is not None:
            # The editor closing takes its try-out with it, properly ended (its
            # deletion alone would skip the session screen's own closing).
            parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Hidden by the app (closed), not minimized (a spontaneous hide).
        closed = event.type() == QEvent.Type.Hide and not event.spontaneous()
        if closed and watched is self.parent() and self.isVisible():
            self.close()
        return False

    def not_recorded_text(self) -> str:
        return self.tr(
            "Trying out — not recorded. This session is not saved and is not added to the history."
        )

    def _adapt_screens(self) -> None:
        """The session screen's words for a patient, changed where a try-out differs."""
        view = self.view
        back = self.tr("Back to the editor")
        view.ready.back_button.setText(back)
        view.ready.back_button.setAccessibleName(back)
        view.ready.back_button.setAccessibleDescription(self.tr("Leave the try-out (Esc)"))
        view.summary.close_button.setText(back)
        view.summary.close_button.setAccessibleName(back)
        view.summary.close_button.setAccessibleDescription(self.tr("Leave the try-out (Esc)"))
        # Nowhere to keep pain or notes from a try-out: not asked for.
        for widget in (
            view.summary.save_button,
            view.summary.pain,
            view.summary.where,
            view.summary.notes,
        ):
            widget.setVisible(False)
            widget.setEnabled(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The title bar or Ctrl+Q: the session is ended (nothing to keep) and its
        # ticker, sounds and screensaver hold let go.
        if not self._leaving:
            self._leaving = True
            self.view.leave()
        super().closeEvent(event)


def play_draft(
    routine: Routine,
    model: AppModel,
    parent: QWidget,
    *,
    clock: Clock | None = None,
    cues: Cues | None = None,
) -> TryOutWindow:
    """Play `routine` (the valid draft being edited) without saving it or any history.

    Returns the window shown (the editor may ignore it; tests drive it).
    """
    window = TryOutWindow(routine, model, parent, clock=clock, cues=cues)
    window.resize(max(parent.width(), 1024), max(parent.height(), 600))
    window.show()
    window.raise_()
    window.activateWindow()
    window.view.setFocus()
    return window
