"""Where a "Stop – it hurts" belongs: the exercise in progress, or in a get-ready
the exercise just finished; before the first exercise, none."""

from __future__ import annotations

from timer_app.core import events as ev
from timer_app.core.clock import FakeClock
from timer_app.core.plan import build_plan
from timer_app.core.player import SessionPlayer
from timer_app.core.routine import Dosing, Exercise
from timer_app.core.stop_place import StopPlace, stop_place, stop_place_in_words

from .player_support import Log, routine

KNEE = Exercise("Knee to chest", Dosing.HOLD, reps=2, hold=5, rest=2)
TILTS = Exercise("Tilts", Dosing.COUNTED, reps=2)
PLAN = build_plan(routine(KNEE, TILTS, lead_in=5.0))


def place_at(kind: str, exercise: int) -> StopPlace:
    step = next(s for s in PLAN.steps if s.kind == kind and s.exercise_index == exercise)
    return stop_place(PLAN, step)


def test_in_an_exercise_it_is_that_exercise() -> None:
    for kind in ("hold", "rest"):
        place = place_at(kind, 0)
        assert place == StopPlace(0, "Knee to chest")
        assert not place.before_an_exercise
        assert stop_place_in_words(place) == "Knee to chest"
    assert place_at("counted_rep", 1) == StopPlace(1, "Tilts")


def test_in_the_next_ones_get_ready_it_is_the_one_just_finished() -> None:
    place = place_at("get_ready", 1)
    assert place == StopPlace(0, "Knee to chest", coming="Tilts")
    assert place.before_an_exercise
    assert stop_place_in_words(place) == "after Knee to chest, before Tilts"


def test_in_the_first_get_ready_it_names_no_exercise() -> None:
    place = place_at("get_ready", 0)
    assert place == StopPlace(None, "", coming="Knee to chest")
    assert stop_place_in_words(place) == "before the first exercise"


def test_names_are_put_in_as_written() -> None:
    odd = build_plan(routine(Exercise("50%1 %2", Dosing.COUNTED), TILTS))
    get_ready = next(s for s in odd.steps if s.kind == "get_ready" and s.exercise_index == 1)
    assert stop_place_in_words(stop_place(odd, get_ready)) == "after 50%1 %2, before Tilts"


def test_a_stop_counted_without_moving_on_is_in_the_end_events_figures() -> None:
    player = SessionPlayer(PLAN, FakeClock(1000.0))
    log = Log()
    player.add_listener(log)
    assert player.count_stop() is False  # not started: nothing to count
    player.start()
    step = player.current_step
    assert player.count_stop() is True
    assert player.current_step == step  # nothing skipped, nothing ended
    player.end()
    [ended] = log.of(ev.SessionEndedEarly)
    assert ended.figures.stops == 1


BRIDGE = Exercise("Bridge", Dosing.HOLD, reps=2, hold=5, rest=2)
THREE = build_plan(routine(KNEE, BRIDGE, TILTS, lead_in=5.0))


def stop_words_in_get_ready_of(exercise: int, *, skip: tuple[int, ...], do: tuple[int, ...]) -> str:
    """Play THREE: each exercise before `exercise` skipped whole or done rep by
    rep, then a stop in `exercise`'s get-ready, as the session screen words it."""
    clock = FakeClock(1000.0, sleep_shows_in_wall=True)  # a whole step at once is no sleep
    player = SessionPlayer(THREE, clock)
    player.start()
    for _ in range(100):  # a bounded walk: a stuck player fails, never hangs
        if player.current_step.exercise_index >= exercise:
            break
        index = player.current_step.exercise_index
        assert index in skip or index in do
        if index in skip:
            player.skip_exercise()
        elif player.current_step.duration is None:
            player.complete_rep()
        else:
            clock.advance(player.remaining() or 0.0)
            player.tick()
    assert player.current_step.kind == "get_ready"
    place = stop_place(THREE, player.current_step, player.skipped_exercises())
    return stop_place_in_words(place)


def test_a_stop_after_a_skipped_exercise_is_kept_with_the_last_one_done() -> None:
    # Nothing of the Bridge was done: "after Bridge" would say it was.
    words = stop_words_in_get_ready_of(2, skip=(1,), do=(0,))
    assert words == "after Knee to chest, before Tilts"
    assert stop_words_in_get_ready_of(2, skip=(), do=(0, 1)) == "after Bridge, before Tilts"


def test_a_stop_with_every_exercise_before_skipped_names_none_done() -> None:
    assert stop_words_in_get_ready_of(1, skip=(0,), do=()) == "before Bridge, nothing done yet"
    assert stop_words_in_get_ready_of(2, skip=(0, 1), do=()) == "before Tilts, nothing done yet"
    place = stop_place(
        THREE, next(s for s in THREE.steps if s.exercise_index == 2), frozenset({0, 1})
    )
    assert place.exercise_index is None
    assert place.before_an_exercise
