"""The bundled routines say what the shared safety text says, carry their
precautions, and give a longer get-ready where the position changes."""

from __future__ import annotations

import pytest

from timer_app.core.plan import StepKind, build_plan
from timer_app.core.routine import DEFAULT_LEAD_IN, Precaution, Routine
from timer_app.core.safety_text import Tier, routine_line
from timer_app.storage.routines.catalog import Catalog, load_catalog


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def bundled(catalog: Catalog) -> list[Routine]:
    found = [r for r in catalog.routines.values() if r.source.value == "bundled"]
    assert len(found) >= 7
    return found


def test_every_bundled_routine_quotes_the_three_tiers_word_for_word(catalog: Catalog) -> None:
    for routine in bundled(catalog):
        lines = [line for line in routine.safety if line.split(":")[0] in ("Emergency", "Urgent")]
        assert lines == [routine_line(Tier.EMERGENCY), routine_line(Tier.URGENT)], routine.id
        assert routine_line(Tier.THERAPIST) in routine.safety, routine.id
        text = " ".join(routine.safety)
        # The late sign alone taught people to wait for it; the doctor is not tier 1.
        assert "bladder control problems" not in text, routine.id
        assert "call your doctor at once" not in text, routine.id


def test_prone_press_up_has_the_centralisation_condition_and_no_picture(
    catalog: Catalog,
) -> None:
    press_up = catalog.library["prone-press-up"].exercise
    assert press_up.image is None  # "as your therapist showed you": no picture claims more
    assert (
        "Only do this if it moves your pain toward your spine; stop if it spreads down your leg."
        in press_up.cautions
    )
    assert Precaution.PREGNANCY in press_up.precautions


def test_mckenzie_extension_asks_to_check_first_and_names_stenosis(catalog: Catalog) -> None:
    routine = catalog.routines["mckenzie-extension"]
    assert "Check with your therapist before starting." in routine.safety
    assert Precaution.STENOSIS in routine.all_precautions
    assert Precaution.PREGNANCY in routine.all_precautions  # face down


@pytest.mark.parametrize("exercise", ["prone-on-elbows", "prone-press-up", "knee-to-chest"])
def test_face_down_and_long_lying_on_your_back_exercises_ask_in_pregnancy(
    catalog: Catalog, exercise: str
) -> None:
    assert Precaution.PREGNANCY in catalog.library[exercise].exercise.precautions


def test_a_change_of_position_gets_a_longer_get_ready(catalog: Catalog) -> None:
    plan = build_plan(catalog.routines["core-routine"])
    get_ready = {s.exercise.name: s.duration for s in plan.steps if s.kind is StepKind.GET_READY}
    assert get_ready["Piriformis stretch"] > DEFAULT_LEAD_IN  # floor to chair
    assert get_ready["Pelvic tilt"] > DEFAULT_LEAD_IN  # chair back to the floor
    assert get_ready["Knee-to-chest stretch"] == DEFAULT_LEAD_IN
