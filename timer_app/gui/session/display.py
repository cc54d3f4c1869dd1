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
from timer_app.core.player import Position, SessionPlayer
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
        [plan.offset_of(plan.first_step_of(i)) for i in exercises], plan.total_seconds
    )
    running.show_step(plan, player.current_step)


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
    running.progress.set_progress(
        step.exercise_index + 1,
        len(plan.routine.exercises),
        player.session_remaining(now),
        plan.total_seconds,
        0 if player.state.is_over else plan.counted_reps_from(step.index),
    )
