"""The bundled programme follows the guide's table and never goes past the guide's doses.

The figures below are quoted from the source guide (the seeds): its progress table
("1-2 Learn proper form · Reduced morning stiffness", ...), its walking build-up
("Daily walking (5 minutes initially)", "Walk 15 minutes comfortably", "Within 6
weeks, he managed 30-minute walks") and its doses per exercise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timer_app.core.programme.changes import missing_routines, stage_routines
from timer_app.core.programme.model import Programme
from timer_app.core.routine import Dosing, Exercise, Routine, Source
from timer_app.storage.routines.catalog import Catalog, bundled_folder, load_catalog
from timer_app.storage.routines.programmes import load_programme_file

README = Path(__file__).parents[2] / "routines" / "README.md"

SEEDS_TABLE = [  # (first week, last week, goal, progress marker)
    (1, 2, "Learn proper form", "Reduced morning stiffness"),
    (3, 4, "Increase hold times", "Walk 15 minutes comfortably"),
    (5, 8, "Add strengthening", "Less frequent pain spikes"),
    (9, None, "Build endurance", "Return to hobbies carefully"),
]
WALK_MINUTES = [5, 15, 30, 30]  # 5 at first, 15 by weeks 3-4, 30 within 6 weeks
MAX_WALK = 30 * 60
# The guide's doses: "Hold 30 seconds ... 3 reps per side", "Hold 45 sec", "Hold 5
# sec. Start with 2 sets of 10", "15 reps", "10 slow reps".
SEEDS_HOLD = {"knee-to-chest": 30.0, "piriformis": 45.0, "bridging": 5.0}
SEEDS_REPS = {"knee-to-chest": 3, "pelvic-tilt": 15, "cat-cow": 10, "bridging": 10}
SEEDS_SETS = {"bridging": 2}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def programme(catalog: Catalog) -> Programme:
    return catalog.programmes["sciatica-8-weeks"]


def test_it_validates_against_the_bundled_routines_and_all_of_them_are_there(
    catalog: Catalog, programme: Programme
) -> None:
    assert catalog.problems == []
    path = bundled_folder() / "sciatica-8-weeks.yaml"
    checked = load_programme_file(path, routine_ids=catalog.routines, source=Source.BUNDLED)
    assert checked == programme
    assert missing_routines(programme, catalog.routines) == ()


def test_its_stages_are_the_guides_table(programme: Programme) -> None:
    assert [(s.first_week, s.last_week, s.name, s.marker) for s in programme.stages] == SEEDS_TABLE


def _walks(routines: tuple[Routine, ...]) -> list[Exercise]:
    return [e for r in routines for e in r.exercises if e.dosing is Dosing.DURATION]


def test_the_walk_builds_up_as_the_guide_says(catalog: Catalog, programme: Programme) -> None:
    for index, minutes in enumerate(WALK_MINUTES):
        walks = _walks(stage_routines(programme, index, catalog.routines))
        assert [w.duration for w in walks] == [minutes * 60], programme.stages[index].name
        assert [w.library_id for w in walks] == ["walking"]
    # From the third stage on, the walk is its own line: the walking-build-up routine.
    for stage in programme.stages[1:]:
        assert "walking-build-up" in stage.routines


def test_no_dose_goes_past_the_guides(catalog: Catalog, programme: Programme) -> None:
    for index in range(len(programme.stages)):
        for routine in stage_routines(programme, index, catalog.routines):
            for exercise in routine.exercises:
                where = (programme.stages[index].name, routine.id, exercise.name)
                library = catalog.library[exercise.library_id or ""].exercise
                if exercise.dosing is Dosing.DURATION:
                    assert exercise.duration is not None and exercise.duration <= MAX_WALK
                    continue
                # Where the guide gives a figure, that figure; elsewhere the library's own
                # conservative default (its note says so), never more.
                hold = SEEDS_HOLD.get(exercise.library_id or "", library.hold)
                assert exercise.hold == hold, where
                assert exercise.reps <= SEEDS_REPS.get(exercise.library_id or "", library.reps)
                assert exercise.sets <= SEEDS_SETS.get(exercise.library_id or "", library.sets)


def test_the_readme_table_shows_each_stages_walk(programme: Programme) -> None:
    rows = {
        line.split("|")[1].strip(): [cell.strip() for cell in line.split("|")[1:-1]]
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and line.split("|")[1].strip()[:1].isdigit()
    }
    for stage, minutes in zip(programme.stages, WALK_MINUTES, strict=True):
        weeks = (
            f"{stage.first_week}+"
            if stage.last_week is None
            else (f"{stage.first_week}-{stage.last_week}")
        )
        row = rows[weeks]
        assert row[1] == stage.name and row[2] == stage.marker
        assert row[4] == f"{minutes} min"
