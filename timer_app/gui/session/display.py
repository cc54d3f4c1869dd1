"""Drawing a session on its panels: the ready screen's notes and the running
screen's clock, countdown ring and progress bar.

The one real-time rule lives in `draw_time`: every figure on screen comes from the
player's own deadline arithmetic (`seconds_left`, `remaining`,
`session_remaining` at `now`), never from counting ticks. A tick that comes late
or not at all then costs a redraw, never a wrong time (“Time is a deadline” in docs/design.md).
Strings keep the "SessionView" translation context they had inside the view.
"""

from __future__ import annotations

from timer_app.core.plan import Plan
from timer_app.core.player import PlayerState, Position, SessionPlayer
from timer_app.gui.audio.cues import Cues
from timer_app.gui.session.panels import ReadyPanel
from timer_app.gui.session.running_panel import RunningPanel
from timer_app.gui.session.words import fill
from timer_app.gui.translation import translate
from timer_app.storage.settings import Settings


def show_loaded(
    ready: ReadyPanel,
    running: RunningPanel,
    player: SessionPlayer,
    settings: Settings,
    resume_from: Position | None,
    cues: Cues,
) -> None:
    """Both panels for a freshly loaded session: the ready screen with its notes,
    and the running screen at the first (or resumed) step, not paused, no advice."""
    plan = player.plan
    ready.show_routine(
        plan,
        first_run=not settings.first_run_safety_seen,
        ask_pain=settings.ask_pain_before,
        resuming=resuming_note(plan, resume_from),
        sound_status=cues.status_message(while_checking=False),
    )
    running.show_saving_problem("")
    running.show_muted(settings.muted)
    running.show_paused(False)
    running.advice.clear()
    running.show_plan(plan)  # room for every line it will show, and fresh pictures
    exercises = range(len(plan.routine.exercises))
    running.progress.set_marks(
        [_bar_seconds(plan, plan.first_step_of(i)) for i in exercises], _bar_total(plan)
    )
    running.show_step(plan, player.current_step)
    cues.prepare_plan(plan)  # the tones' runs written before any is due


def resuming_note(plan: Plan, resume_from: Position | None) -> str:
    """The ready screen's line for a resumed session; empty for a new one."""
    if resume_from is None:
        return ""
    step = plan.steps[min(resume_from.step_index, len(plan.steps) - 1)]
    return fill(
        translate("SessionView", "Resuming where you stopped: exercise %1 of %2, rep %3."),
        step.exercise_index + 1,
        len(plan.routine.exercises),
        step.rep_number,
    )


def show_sound_status(ready: ReadyPanel, cues: Cues | None) -> None:
    """The ready screen's note when sounds or speech do not work (hidden when they do)."""
    text = cues.status_message(while_checking=False) if cues is not None else ""
    ready.sound_note.setText(text)
    ready.sound_note.setVisible(bool(text))


def draw_time(running: RunningPanel, plan: Plan, player: SessionPlayer, now: float) -> None:
    """Redraw from the player's own figures (deadline − now), never a counter."""
    step = player.current_step
    seconds = player.seconds_left(now)
    remaining = player.remaining(now)
    if seconds is not None and remaining is not None and step.duration:
        running.ring.set_countdown(seconds, remaining / step.duration)
    else:
        running.ring.set_countdown(None, 0.0)
    session_left = player.session_remaining(now)
    running.progress.set_progress(
        step.exercise_index + 1,
        len(plan.routine.exercises),
        session_left,
        plan.total_seconds,
        0 if player.state.is_over else plan.counted_reps_from(step.index),
        fraction=_bar_fraction(plan, player, session_left),
    )


# A counted rep has no planned time, so on the progress bar it takes the room of a
# few seconds: a bar drawn from planned time alone was full while reps waited, as if
# the session were over. Only the bar's proportions: no words say this time.
COUNTED_REP_ON_BAR = 5.0


def _bar_fraction(plan: Plan, player: SessionPlayer, remaining: float) -> float:
    """The planned time done, and the counted reps done at their share of the bar."""
    total = _bar_total(plan)
    if player.state is PlayerState.FINISHED or total <= 0:
        return 1.0 if total > 0 else 0.0
    index = player.current_step.index
    in_step = plan.total_seconds - plan.offset_of(index) - remaining  # this step's time done
    return min(1.0, max(0.0, (_bar_seconds(plan, index) + in_step) / total))


def _bar_total(plan: Plan) -> float:
    return plan.total_seconds + COUNTED_REP_ON_BAR * plan.counted_reps_from(0)


def _bar_seconds(plan: Plan, index: int) -> float:
    """Where step `index` starts on the bar: planned time and counted reps before it."""
    counted_before = plan.counted_reps_from(0) - plan.counted_reps_from(index)
    return plan.offset_of(index) + COUNTED_REP_ON_BAR * counted_before
