"""Countdown cues of the step being played: `SecondElapsed` and `HalfwayThrough`.

The player asks for the cues due at each tick of a timed step; each whole second
is reported once, with the number showing (rounded up, `transitions.shown_seconds`),
and a hold of `HALFWAY_MIN` s or more gets one halfway cue. A late tick reports
only the latest second, not every one it missed: stale beeps are not replayed.
Restarting a step (a new step, `back`, a sleep) resets its cues.
"""

from __future__ import annotations

from timer_app.core.events import Event, HalfwayThrough, SecondElapsed
from timer_app.core.plan import Step, StepKind
from timer_app.core.transitions import shown_seconds

__all__ = ["HALFWAY_MIN", "CountdownCues"]

HALFWAY_MIN = 20.0  # holds this long or longer get a halfway cue


class CountdownCues:
    """What the countdown of one step has already reported."""

    def __init__(self, step: Step) -> None:
        self._shown = 0  # the countdown number last reported
        self._halfway_done = False
        self.reset(step)

    def reset(self, step: Step) -> None:
        """`step` (re)starts: its full count shows, nothing is reported yet."""
        self._shown, self._halfway_done = _full_count(step), False

    def due(self, step: Step, origin: float, now: float) -> list[Event]:
        """The cues of `step` (begun at `origin`) due by `now`, in time order."""
        if step.duration is None:
            return []
        cues: list[Event] = []
        shown = shown_seconds(origin + step.duration - now)
        if 1 <= shown < self._shown:
            self._shown = shown
            cues.append(SecondElapsed(origin + step.duration - shown, step, shown))
        halfway = self.halfway_time(step, origin)
        if halfway is not None and now >= halfway:
            self._halfway_done = True
            cues.append(HalfwayThrough(halfway, step))
        return sorted(cues, key=lambda e: e.at)

    def halfway_time(self, step: Step, origin: float) -> float | None:
        """When the halfway cue of `step` is due; None when it has none (left)."""
        if self._halfway_done or step.kind is not StepKind.HOLD or step.duration is None:
            return None
        if step.duration < HALFWAY_MIN:
            return None
        return origin + step.duration / 2


def _full_count(step: Step) -> int:
    return 0 if step.duration is None else shown_seconds(step.duration)
