"""Properties of the player over any valid routine (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timer_app.core import events as ev
from timer_app.core.clock import FakeClock
from timer_app.core.plan import StepKind, build_plan
from timer_app.core.player import PlayerState, SessionPlayer
from timer_app.core.routine import Dosing, Exercise, Routine, Sides
from timer_app.core.transitions import NEXT_STATES

from .player_support import START, Log

# Halves keep sums exact in binary, as most real durations are.
halves = st.integers(min_value=2, max_value=16).map(lambda n: n / 2)
short_rests = st.integers(min_value=0, max_value=6).map(lambda n: n / 2)


@st.composite
def exercises(draw: st.DrawFn) -> Exercise:
    dosing = draw(st.sampled_from(Dosing))
    seconds = draw(halves)
    return Exercise(
        name="e",
        dosing=dosing,
        sides=draw(st.sampled_from(Sides)),
        sets=draw(st.integers(1, 3)),
        reps=draw(st.integers(1, 4)),
        hold=seconds if dosing is Dosing.HOLD else None,
        tempo=seconds if dosing is Dosing.TEMPO else None,
        duration=seconds * 4 if dosing is Dosing.DURATION else None,
        rest=draw(short_rests),
        set_rest=draw(short_rests),
    )


routines = st.builds(
    Routine,
    id=st.just("r"),
    title=st.just("R"),
    exercises=st.lists(exercises(), min_size=1, max_size=3).map(tuple),
    lead_in=short_rests,
)
tick_gaps = st.floats(min_value=0.01, max_value=1.9)

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(routine=routines, data=st.data())
def test_played_straight_through_it_reports_the_planned_reps_and_takes_the_planned_time(
    routine: Routine, data: st.DataObject
) -> None:
    plan = build_plan(routine)
    clock = FakeClock(START)
    player = SessionPlayer(plan, clock)
    log = Log()
    player.add_listener(log)
    player.start()
    while player.state is PlayerState.RUNNING:
        clock.advance(data.draw(tick_gaps))
        player.tick()
        if player.current_step.kind is StepKind.COUNTED_REP and data.draw(st.booleans()):
            player.complete_rep()
    # The time the person took over counted reps is not in the plan.
    started = {e.step.index: e.at for e in log.of(ev.StepStarted)}
    waited = sum(
        r.at - started[r.step.index]
        for r in log.of(ev.RepCompleted)
        if r.step.kind is StepKind.COUNTED_REP
    )
    done = [(r.exercise_index, r.set_number, r.rep_number, r.side) for r in log.of(ev.RepCompleted)]
    planned = [(s.exercise_index, s.set_number, s.rep_number, s.side) for s in plan.rep_steps()]
    assert done == planned
    assert len(done) == plan.total_reps
    assert [e.exercise_index for e in log.of(ev.ExerciseCompleted)] == list(
        range(len(routine.exercises))
    )
    (finished,) = log.of(ev.SessionFinished)
    assert abs(finished.at - START - (plan.total_seconds + waited)) < 1e-6
    assert abs(finished.active_seconds - (plan.total_seconds + waited)) < 1e-6


MOVES = ["pause", "resume", "resume", "skip", "back", "back", "back", "complete_rep"] * 2
# Mostly ticks and moves, so sessions get far and reps get replayed with back;
# what ends a session early, stalls and sleeps only now and then.
KINDS_OF_ACTION = ["tick"] * 45 + MOVES + ["skip_exercise", "start", "end", "stall", "sleep"]


@st.composite
def actions(draw: st.DrawFn) -> tuple[object, ...]:
    kind = draw(st.sampled_from(KINDS_OF_ACTION))
    if kind == "tick":
        return (kind, draw(tick_gaps))
    if kind == "stall":
        return (kind, draw(st.floats(min_value=2.0, max_value=30.0)))
    if kind == "sleep":
        return (kind, draw(st.floats(min_value=3.0, max_value=600.0)), draw(st.booleans()))
    return (kind,)


_LIFECYCLE = {
    ev.SessionStarted: PlayerState.RUNNING,
    ev.SessionResumed: PlayerState.RUNNING,
    ev.SessionPaused: PlayerState.PAUSED,
    ev.SessionFinished: PlayerState.FINISHED,
    ev.SessionEndedEarly: PlayerState.ENDED_EARLY,
}


@_SETTINGS
@given(
    routine=routines,
    script=st.lists(actions(), min_size=40, max_size=150),
    sleep_aware=st.booleans(),
    start_first=st.booleans(),
)
def test_any_mix_of_commands_and_ticks_stays_legal_and_reports_each_rep_once(
    routine: Routine, script: list[tuple[object, ...]], sleep_aware: bool, start_first: bool
) -> None:
    clock = FakeClock(START, sleep_shows_in_wall=sleep_aware)
    player = SessionPlayer(build_plan(routine), clock)
    log = Log()
    player.add_listener(log)
    last_active = 0.0
    if start_first:
        player.start()
    for action in script:
        match action:
            case ("tick", float(gap)) | ("stall", float(gap)):
                clock.advance(gap)
                player.tick()
            case ("sleep", float(seconds), bool(monotonic_stops)):
                clock.suspend(seconds, monotonic_stops=monotonic_stops)
                player.tick()
            case (str(command),):
                getattr(player, command)()
        remaining = player.remaining()
        duration = player.current_step.duration
        if remaining is not None and duration is not None:
            assert 0 <= remaining <= duration
        active = player.active_seconds()
        assert last_active - 1e-9 <= active <= clock.now() - START + 1e-9
        last_active = active

    # The lifecycle events walk the transition table and match the state.
    state = PlayerState.READY
    for event in log.events:
        new = _LIFECYCLE.get(type(event))
        if new is not None and not (new is state is PlayerState.RUNNING):
            assert new in NEXT_STATES[state], (state, new)
            state = new
    assert state is player.state
    # Nothing is reported after the end, and the end once at most.
    ends = [
        i
        for i, e in enumerate(log.events)
        if isinstance(e, ev.SessionFinished | ev.SessionEndedEarly)
    ]
    assert ends in ([], [len(log.events) - 1])
    # Each rep and each exercise reported at most once, and in time order.
    reps = [e.step.index for e in log.of(ev.RepCompleted)]
    assert len(reps) == len(set(reps))
    exercises_reported = [
        e.exercise_index
        for e in log.events
        if isinstance(e, ev.ExerciseCompleted | ev.ExercisePartial | ev.ExerciseSkipped)
    ]
    assert len(exercises_reported) == len(set(exercises_reported))
    times = [e.at for e in log.events]
    assert times == sorted(times)
    _the_end_tells_what_the_events_did(player, log)


def _the_end_tells_what_the_events_did(player: SessionPlayer, log: Log) -> None:
    """Ended (if still live), the end event's figures add up and agree with the
    rep and exercise events: no exercise counts as done without all its reps."""
    if player.state.is_live:
        player.end()
    over = log.of(ev.SessionFinished) + log.of(ev.SessionEndedEarly)
    if not over:  # never started
        return
    (end,) = over
    figures = end.figures
    plan = player.plan
    assert figures.exercises_total == len(plan.routine.exercises)
    assert figures.reps_planned == plan.total_reps
    done_reps = {r.step.index for r in log.of(ev.RepCompleted)}
    assert figures.reps_done == len(done_reps)
    completed = log.of(ev.ExerciseCompleted)
    assert figures.exercises_done == len(completed)
    assert figures.exercises_partial == len(log.of(ev.ExercisePartial))
    for exercise in completed:  # "done" means every planned rep was reported done
        reps = {s.index for s in plan.rep_steps() if s.exercise_index == exercise.exercise_index}
        assert reps <= done_reps
        assert exercise.reps_done == exercise.reps_planned == len(reps)
    for partial in log.of(ev.ExercisePartial):
        assert partial.reps_done < partial.reps_planned or partial.reps_planned == 0
    for held in log.of(ev.RepPartial):  # part of a hold: never more than planned
        assert 1.0 <= held.held_seconds <= (held.step.duration or 0.0) + 1e-9
    assert figures.active_seconds == player.active_seconds()
    assert figures.all_done == (figures.exercises_done == len(plan.routine.exercises))
