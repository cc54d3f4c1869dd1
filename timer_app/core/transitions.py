"""The player's states, its commands, and the one table that says what is legal.

`SessionPlayer` checks every command against `ALLOWED` in its guard clause and
every change of state against `NEXT_STATES` in `check_transition`; nothing else
decides legality. An illegal command is a no-op (the GUI may send a key press at
any time); an illegal transition is a bug in the player and raises.

Also here: the countdown arithmetic shared by the player's queries and its
cues, so the number shown and the moment it changes can never disagree.
"""

from __future__ import annotations

import math
from enum import Enum, auto


class PlayerState(Enum):
    READY = auto()
    RUNNING = auto()
    PAUSED = auto()
    FINISHED = auto()
    ENDED_EARLY = auto()

    @property
    def is_over(self) -> bool:
        return self in (PlayerState.FINISHED, PlayerState.ENDED_EARLY)

    @property
    def is_live(self) -> bool:
        """Started and not over: ending it now would cut a session short."""
        return self in (PlayerState.RUNNING, PlayerState.PAUSED)


class Command(Enum):
    START = auto()
    PAUSE = auto()
    RESUME = auto()
    SKIP = auto()
    SKIP_EXERCISE = auto()
    BACK = auto()
    COMPLETE_REP = auto()
    END = auto()
    TICK = auto()


_RUNNING = PlayerState.RUNNING
_PAUSED = PlayerState.PAUSED

# In which states each command means something. Moving around the plan (skip,
# back) also works while paused, and the player stays paused at the new step.
ALLOWED: dict[Command, frozenset[PlayerState]] = {
    Command.START: frozenset({PlayerState.READY}),
    Command.PAUSE: frozenset({_RUNNING}),
    Command.RESUME: frozenset({_PAUSED}),
    Command.SKIP: frozenset({_RUNNING, _PAUSED}),
    Command.SKIP_EXERCISE: frozenset({_RUNNING, _PAUSED}),
    Command.BACK: frozenset({_RUNNING, _PAUSED}),
    Command.COMPLETE_REP: frozenset({_RUNNING}),
    Command.END: frozenset({_RUNNING, _PAUSED}),
    Command.TICK: frozenset({_RUNNING}),
}

NEXT_STATES: dict[PlayerState, frozenset[PlayerState]] = {
    PlayerState.READY: frozenset({_RUNNING}),
    _RUNNING: frozenset({_PAUSED, PlayerState.FINISHED, PlayerState.ENDED_EARLY}),
    # Skipping the last step while paused finishes the session.
    _PAUSED: frozenset({_RUNNING, PlayerState.FINISHED, PlayerState.ENDED_EARLY}),
    PlayerState.FINISHED: frozenset(),
    PlayerState.ENDED_EARLY: frozenset(),
}


class IllegalTransition(RuntimeError):
    """The player tried a change of state the table forbids (a bug, not user input)."""


def check_transition(old: PlayerState, new: PlayerState) -> None:
    if new not in NEXT_STATES[old]:
        raise IllegalTransition(f"{old.name} -> {new.name}")


# Float sums of deadlines may land a hair off a whole second; within this the
# display already shows the next number, so a timer that fires a few
# microseconds early still sees the change it was armed for.
_EPSILON = 1e-6


def shown_seconds(remaining: float) -> int:
    """The whole seconds a countdown displays: `remaining` rounded up."""
    return max(0, math.ceil(remaining - _EPSILON))


def next_change(deadline: float, now: float) -> float:
    """When the displayed number next changes (the deadline at the latest)."""
    shown = shown_seconds(deadline - now)
    if shown <= 1:
        return deadline
    return deadline - (shown - 1)
