"""What the session screen says about a step, in words (all translatable).

"Hold", "Your turn: do rep 3, press Enter", "Rep 2 of 3 · Left side · Set 1 of 2",
"Next: rest 10 s". Plain functions of the plan's steps, shared by the panels.
"""

from __future__ import annotations

from pathlib import Path

from timer_app.core.describe import duration_in_words
from timer_app.core.plan import Plan, Step, StepKind
from timer_app.core.routine import Routine, Side
from timer_app.gui.translation import translate
from timer_app.storage.resources import asset_path

SEPARATOR = " · "


def fill(text: str, *values: object) -> str:
    """Qt-style numbered placeholders (%1, %2...), so translators can reorder them."""
    for number, value in reversed(list(enumerate(values, start=1))):
        text = text.replace(f"%{number}", str(value))
    return text


def side_name(side: Side | None) -> str:
    if side is Side.LEFT:
        return translate("SessionWords", "Left side")
    if side is Side.RIGHT:
        return translate("SessionWords", "Right side")
    return ""


def phase_words(step: Step) -> str:
    """The phase, as the biggest words on screen after the digits."""
    kind = step.kind
    if kind is StepKind.GET_READY:
        return translate("SessionWords", "Get ready")
    if kind is StepKind.HOLD:
        return translate("SessionWords", "Hold")
    if kind in (StepKind.REST, StepKind.SET_REST):
        return translate("SessionWords", "Rest")
    if kind is StepKind.SWITCH_SIDES:
        return translate("SessionWords", "Switch sides")
    if kind is StepKind.PACED_REP:
        return translate("SessionWords", "Slowly")
    if kind is StepKind.COUNTED_REP:
        return fill(
            translate("SessionWords", "Your turn: do rep %1, press Enter"), str(step.rep_number)
        )
    if "walk" in step.exercise.name.lower():
        return translate("SessionWords", "Walk")
    return translate("SessionWords", "Go")


def ring_caption(step: Step) -> str:
    """The short word under the digits."""
    if step.kind is StepKind.COUNTED_REP:
        return translate("SessionWords", "press Enter")
    return phase_words(step)


def rep_line(step: Step) -> str:
    """ "Rep 2 of 3 · Left side · Set 1 of 2"; only the parts that mean something."""
    if step.kind is StepKind.ACTIVITY:
        return ""
    parts: list[str] = []
    if step.rep_count > 1 or step.kind.is_rep:
        parts.append(
            fill(translate("SessionWords", "Rep %1 of %2"), step.rep_number, step.rep_count)
        )
    if step.side is not None:
        parts.append(side_name(step.side))
    if step.set_count > 1:
        parts.append(
            fill(translate("SessionWords", "Set %1 of %2"), step.set_number, step.set_count)
        )
    return SEPARATOR.join(parts)


def rep_line_now(step: Step) -> str:
    """The reps line of the running screen: during a rest, a change of sides or a
    get-ready the step carries the coming rep's number, so it is said as coming
    ("Up next: Rep 2 of 3"); under a big "Rest" a bare "Rep 2 of 3" reads as the
    rep just done or being done."""
    line = rep_line(step)
    if line and (step.kind.is_rest or step.kind is StepKind.GET_READY):
        return fill(translate("SessionWords", "Up next: %1"), line)
    return line


def breathing_hint(step: Step) -> str:
    """The seeds warn against holding the breath during holds and strengthening."""
    if step.kind in (StepKind.HOLD, StepKind.PACED_REP, StepKind.COUNTED_REP):
        return translate("SessionWords", "Keep breathing")
    return ""


def _step_preview(step: Step) -> str:
    kind = step.kind
    seconds = duration_in_words(step.duration or 0.0, translate)
    if kind in (StepKind.REST, StepKind.SET_REST):
        return fill(translate("SessionWords", "rest %1"), seconds)
    if kind is StepKind.SWITCH_SIDES:
        return fill(translate("SessionWords", "switch to your %1"), side_name(step.side).lower())
    if kind is StepKind.ACTIVITY:
        # Seen during the activity's own get-ready: its name is already on screen.
        if "walk" in step.exercise.name.lower():
            return fill(translate("SessionWords", "walk for %1"), seconds)
        return fill(translate("SessionWords", "go for %1"), seconds)
    what = {
        StepKind.HOLD: fill(translate("SessionWords", "hold %1"), seconds),
        StepKind.PACED_REP: fill(translate("SessionWords", "slow rep, %1"), seconds),
        StepKind.COUNTED_REP: fill(translate("SessionWords", "rep %1"), str(step.rep_number)),
    }.get(kind, step.exercise.name)
    line = rep_line(step)
    return f"{what}{SEPARATOR}{line}" if line and kind is not StepKind.COUNTED_REP else what


def next_words(plan: Plan, step: Step) -> str:
    """ "Next: rest 10 s" / "Next: Piriformis stretch" / "Next: the end"."""
    following = plan.next_step(step.index)
    if following is None:
        return translate("SessionWords", "Next: that's the last one")
    if following.exercise_index != step.exercise_index:
        return fill(translate("SessionWords", "Next: %1"), following.exercise.name)
    return fill(translate("SessionWords", "Next: %1"), _step_preview(following))


def image_path(routine: Routine, image: str | None) -> Path | None:
    """An exercise image: relative to the routine file, else a bundled asset name."""
    if not image:
        return None
    candidates: list[Path] = []
    if routine.source_path:
        candidates.append(Path(routine.source_path).parent / image)
    candidates += [asset_path("images", image), asset_path(image)]
    for candidate in candidates:
        try:
            if candidate.is_file():
                return candidate
        except OSError:  # an unreadable folder is just "no image"
            continue
    return None
