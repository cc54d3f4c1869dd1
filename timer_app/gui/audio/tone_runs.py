"""A step's known run of tones as one WAV, so one child player plays it (issue 18).

Each tone through a child player costs an exec, dynamic linking and a sound
server connection (~5 ms of CPU, 11-17 wake-ups). Most tones come in runs whose
times the plan fixes in advance: a timed step's last three seconds tick, and a
hold or paced rep then ends with the chime; a short get-ready or switch step
starts with its tone and ticks its last three seconds. `run_for` names such a
run when its first tone is due; `run_wav` writes it as one WAV (silence between
the tones, overlaps mixed) in the sources' own sample format, once per distinct
run; `cut_by` says when the person changed course (pause, skip, back, end) so
the rest must not sound; `covers` says which tones the run already plays.

Counted reps (the person presses Enter) have no known end: their tones stay
one child each.
"""

from __future__ import annotations

import sys
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timer_app.core import events as ev
from timer_app.core.plan import Plan, Step, StepKind
from timer_app.storage.digest import sha256_hex  # not hashlib: OpenSSL is 3.6 MiB
from timer_app.storage.resources import asset_path

# Tones: (seconds from the run's first tone, sound name), in time order.
Tones = tuple[tuple[float, str], ...]

# A step's opening tone and its ticks make one run only when the step is this
# short: a child kept alive through a long silence would stream it (wake-ups)
# and hold ~14 MiB for nothing.
SHORT_STEP_S = 8.0
# Events at a run's last tone can be this early (float time) and still be the
# run's natural end, not a skip.
END_SLACK_S = 0.25
TICKS_LEFT = (3, 2, 1)  # the seconds left that tick (events.SecondElapsed.is_final_three)
_OPENING = {StepKind.GET_READY: "start", StepKind.SWITCH_SIDES: "switch"}
_CHIMED = (StepKind.HOLD, StepKind.PACED_REP)  # their end is a RepCompleted: a chime


@dataclass(frozen=True)
class ToneRun:
    """A run playing now: its tones, from monotonic time `at`, for step `step_index`."""

    tones: Tones
    at: float
    step_index: int

    @property
    def ends_at(self) -> float:
        """When its last tone starts."""
        return self.at + self.tones[-1][0]


def _end_tones(step: Step, duration: float, since: float) -> list[tuple[float, str]]:
    """The ticks of the last three seconds and the closing chime, `since` seconds
    into the step, as offsets from then."""
    tones = [(duration - left - since, "tick") for left in TICKS_LEFT]
    if step.kind in _CHIMED:
        tones.append((duration - since, "chime"))
    return [(round(at, 3), name) for at, name in tones if at >= 0]


def _opening_run(step: Step) -> Tones | None:
    """A short get-ready or switch step's whole run: its tone, then its ticks."""
    duration, opening = step.duration, _OPENING.get(step.kind)
    # Only a whole step: a rounded-up countdown starting at 3 s or less ticks
    # from its start, which this does not model.
    if opening is None or duration is None or not 3 < duration <= SHORT_STEP_S:
        return None
    return ((0.0, opening), *_end_tones(step, duration, 0.0))


def _end_run(step: Step) -> Tones | None:
    """A timed step's last three seconds' ticks and its chime, from 3 s left."""
    duration = step.duration
    if duration is None or duration < TICKS_LEFT[0]:  # never 3 s left
        return None
    return tuple(_end_tones(step, duration, duration - TICKS_LEFT[0]))


def run_for(event: object) -> ToneRun | None:
    """The run of tones that starts with this event, or None (a single tone, or none)."""
    if isinstance(event, ev.StepStarted):
        tones = _opening_run(event.step)
    elif isinstance(event, ev.SecondElapsed) and event.seconds_left == TICKS_LEFT[0]:
        tones = _end_run(event.step)
    else:
        return None
    return None if tones is None else ToneRun(tones, event.at, event.step.index)


def planned_runs(plan: Plan) -> list[Tones]:
    """Every distinct run `run_for` can start in `plan`, in plan order: a short
    step's opening run, else a timed step's end. Written before the session runs
    (`ChildSounds.prepare_runs`), a run's first tone is not held up by writing
    its WAV (~2 ms, issue 18)."""
    found: dict[Tones, None] = {}  # a dict keeps the order and drops repeats
    for step in plan.steps:
        tones = _opening_run(step) or _end_run(step)
        if tones is not None and len(tones) >= 2:
            found[tones] = None
    return list(found)


def covers(run: ToneRun, sound: str, at: float | None) -> bool:
    """Whether the run already plays `sound` asked for at monotonic time `at`."""
    if at is None:
        return False
    return any(name == sound and abs(run.at + when - at) <= END_SLACK_S for when, name in run.tones)


def cut_by(run: ToneRun, event: object) -> bool:
    """Whether `event` means the rest of the run must not sound: a pause, or the
    step left (skip, back, stop, end) before the run's last tone was due."""
    if isinstance(event, ev.SessionPaused):
        return True
    leaving = (
        ev.StepStarted,
        ev.RepPartial,
        ev.ExercisePartial,
        ev.ExerciseSkipped,
        ev.SessionFinished,
        ev.SessionEndedEarly,
    )
    if isinstance(event, leaving):
        return event.at < run.ends_at - END_SLACK_S
    return False


def run_name(tones: Tones) -> str:
    """A file name for this run, the same for the same tones (the cache's key)."""
    text = ";".join(f"{at:.3f}:{name}" for at, name in tones)
    return "run-" + sha256_hex(text.encode())[:16] + ".wav"


def run_audio(tones: Tones) -> tuple[Any, bytes]:
    """The run as one piece of audio: the sources' WAV parameters (16-bit) and
    its samples, silence between the tones, overlaps mixed."""
    sources: dict[str, tuple[Any, bytes]] = {}
    for _, name in tones:
        if name not in sources:
            with wave.open(str(asset_path("sounds", f"{name}.wav")), "rb") as source:
                sources[name] = (source.getparams(), source.readframes(source.getnframes()))
    params = sources[tones[0][1]][0]
    if any(p[:3] != params[:3] for p, _ in sources.values()) or params.sampwidth != 2:
        raise ValueError("the tones differ in sample format (or are not 16-bit)")
    frame = params.nchannels * params.sampwidth
    starts = [round(at * params.framerate) * frame for at, _ in tones]
    placed = list(zip(starts, [name for _, name in tones], strict=True))
    size = max(start + len(sources[name][1]) for start, name in placed)
    mixed = array("h", bytes(size))
    filled = 0  # samples up to here may hold a tone already
    for start, name in placed:
        samples = array("h", sources[name][1])
        if sys.byteorder == "big":  # WAV samples are little-endian
            samples.byteswap()
        first = start // 2
        if first >= filled:
            mixed[first : first + len(samples)] = samples
        else:  # overlaps (a long tone and the next) add, clipped, as a mixer would
            for i, sample in enumerate(samples, first):
                mixed[i] = max(-32768, min(32767, mixed[i] + sample))
        filled = max(filled, first + len(samples))
    if sys.byteorder == "big":
        mixed.byteswap()
    return params, mixed.tobytes()


def run_wav(tones: Tones, folder: Path) -> Path:
    """The run's WAV in `folder`, written the first time it is asked for."""
    path = folder / run_name(tones)
    if path.exists():
        return path
    params, audio = run_audio(tones)
    partial = path.with_suffix(".part")
    with wave.open(str(partial), "wb") as out:
        out.setparams(params)
        out.writeframes(audio)
    partial.replace(path)  # whole or not there: a player never reads half of it
    return path
