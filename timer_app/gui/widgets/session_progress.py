"""The session's progress: a bar marked at each exercise, and time remaining.

The time left is in whole minutes ("13 min left"), rounded up: a second clock
counting beside the ring's seconds would be one more thing moving on a screen
that keeps still while a person exercises, and the session's length is known to
the minute anyway (the ready screen says "about 13 min"). The bar shows the
seconds' progress.

Like the ring it keeps no time: the view hands it the player's figures
(`session_remaining()`, the current exercise) on each update.

Quiet while counting (issue 18), as the ring: a second repaints the few pixels of
bar that grew, and the line only when its minute or its exercise changes; both
are painted opaque (their own background, so no paint event goes to the widgets
behind them), nothing translucent.

Preview alone: `python -m timer_app.gui.widgets.session_progress`.
"""

from __future__ import annotations

import math
import sys

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from timer_app.gui.page_style import BODY, scaled_font
from timer_app.gui.translation import translate
from timer_app.gui.widgets.progress_bar import ProgressBar
from timer_app.gui.widgets.steady_label import SteadyLabel


def minutes_left(seconds: float) -> int:
    """Whole minutes, rounded up like the countdown: 12:01 to 13:00 is 13."""
    return max(0, math.ceil(seconds / 60 - 1e-9))


class _Line(SteadyLabel):
    """A word-wrapped line of text (painted opaque, as every steady line is) that
    asks for a new layout only when its height changes.

    Given no possible texts, a steady line measures the text it shows, and asks
    for its room at each new one. This line's texts cannot be foreseen (its
    minutes and exercises), so it measures each new one, at most once a minute
    or at a new exercise, and asks for room only when its height changed: a
    QLabel here laid the whole session screen out again at each new text
    (issue 18).
    """

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        width = self.width()
        before = self.heightForWidth(width)
        self._text = text
        if self.heightForWidth(width) != before:
            self.updateGeometry()
        self.update()


class SessionProgress(QWidget):
    """ "Exercise 2 of 5 · 13 min left" over a bar of the planned time done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = _Line()
        self.label.setFont(scaled_font(BODY))
        self.bar = ProgressBar()
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setAccessibleName(self.tr("Session progress"))
        # What the line says, as figures: (exercise, of, minutes left, counted reps
        # left). A second that changes none of them leaves the line alone.
        self._shown: tuple[int, int, int, int] | None = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._shown = None  # the same figures, in the new language's words
        super().changeEvent(event)

    def set_marks(self, exercise_starts: list[float], total: float) -> None:
        """Planned start (seconds) of each exercise; the first needs no mark."""
        if total <= 0:
            self.bar.marks = []
        else:
            self.bar.marks = [s / total for s in exercise_starts[1:] if 0 < s < total]
        self.bar.update()

    def set_progress(
        self,
        exercise_number: int,
        exercise_count: int,
        remaining: float,
        total: float,
        counted_left: int = 0,
        *,
        fraction: float | None = None,
    ) -> None:
        """`remaining` is planned time; `counted_left` the counted reps still to do,
        which have none, so "0 min left" is never said while one waits. `fraction`
        is the bar's share done, when not the planned time's."""
        figures = (exercise_number, exercise_count, minutes_left(remaining), counted_left)
        if figures != self._shown:
            self._shown = figures
            text = _words(*figures)
            self.label.setText(text)
            self.setAccessibleDescription(text)
        if fraction is None:
            fraction = 0.0 if total <= 0 else 1.0 - min(1.0, max(0.0, remaining / total))
        if abs(fraction - self.bar.fraction) > 1e-4:
            self.bar.set_fraction(fraction)

    def text(self) -> str:
        return self.label.text()


def _words(exercise_number: int, exercise_count: int, minutes: int, counted_left: int) -> str:
    """ "Exercise 2 of 5 · 13 min left", with the counted reps still to do, which
    have no planned time: "0 min left" is never said while one waits."""
    # translate(), not tr(): English plurals ("1 counted rep") need it.
    if counted_left <= 0:
        text = translate("SessionProgress", "Exercise %1 of %2 · %3 left")
    elif minutes == 0:  # only counted reps are left
        text = translate(
            "SessionProgress", "Exercise %1 of %2 · %n counted rep(s) to go", None, counted_left
        )
    else:
        text = translate(
            "SessionProgress",
            "Exercise %1 of %2 · %3 left plus %n counted rep(s)",
            None,
            counted_left,
        )
    left = translate("Describe", "%n min", "minutes, abbreviated", minutes)
    text = text.replace("%1", str(exercise_number)).replace("%2", str(exercise_count))
    return text.replace("%3", left)


def _preview() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    widget = SessionProgress()
    widget.setWindowTitle("SessionProgress preview")
    widget.set_marks([0, 120, 300, 420], 600)
    widget.set_progress(2, 4, 400, 600)
    widget.resize(600, 80)
    widget.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(_preview())
