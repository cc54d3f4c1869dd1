"""Routine sources, override order, the library, and every shipped routine."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from timer_app.core.plan import build_plan
from timer_app.core.routine import Dosing, Routine, Sides, Source
from timer_app.core.validation.checks import validate_routine
from timer_app.core.validation.text import looks_empty
from timer_app.storage import paths
from timer_app.storage.routines.catalog import (
    RoutineLoadError,
    RoutineNotFoundError,
    bundled_folder,
    find_routine,
    load_catalog,
    load_routine_file,
)

LIBRARY_IDS = {
    "knee-to-chest",
    "piriformis",
    "figure-4",
    "seated-pigeon",
    "hamstring-stretch",
    "pelvic-tilt",
    "cat-cow",
    "prone-on-elbows",
    "prone-press-up",
    "bridging",
    "bird-dog",
    "partial-curl",
    "sciatic-nerve-glide",
    "walking",
}


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _routine_text(title: str, routine_id: str | None = None, hold: int = 30) -> str:
    head = f"id: {routine_id}\n" if routine_id else ""
    return f"{head}title: {title}\nexercises:\n  - name: Stretch\n    hold: {hold}\n"


def test_bundled_routines_and_library() -> None:
    catalog = load_catalog()
    assert catalog.problems == []
    assert set(catalog.library) == LIBRARY_IDS
    for wanted in (
        "knee-to-chest",
        "piriformis",
        "bridging",
        "core-routine",
        "strengthening",
        "mckenzie-extension",
        "gentle-start",
    ):
        assert catalog.routines[wanted].source is Source.BUNDLED


def test_every_shipped_file_loads_and_plans() -> None:
    folder = bundled_folder()
    programmes = load_catalog().programmes  # files with stages: (issue 16), not routines
    files = sorted(p for p in folder.glob("*.yaml") if p.stem not in programmes)
    assert len(files) >= 7 and programmes
    for path in files:
        routine = load_routine_file(path)
        plan = build_plan(routine)
        assert plan.total_seconds > 0 and routine.safety, path.name
        assert routine.content_hash and routine.source_path == str(path)
        for exercise in routine.exercises:
            assert exercise.instructions and exercise.note, (path.name, exercise.name)


def test_every_library_exercise_says_where_its_dose_comes_from() -> None:
    for entry in load_catalog().library.values():
        note = entry.exercise.note or ""
        assert "source guide" in note, entry.id
        assert "therapist" in note or "Dose from the source guide" in note, entry.id
        text = " ".join([note, *entry.exercise.instructions, *entry.exercise.cautions])
        assert not re.search(r"\b(ice|heat|heating)\b", text, re.IGNORECASE), entry.id


def test_doses_are_exactly_the_seeds() -> None:
    routines = load_catalog().routines
    knee = routines["knee-to-chest"].exercises[0]
    assert (knee.hold, knee.sides, knee.reps) == (30, Sides.ALTERNATE, 3)
    piriformis = routines["piriformis"]
    assert piriformis.exercises[0].hold == 45 and str(piriformis.frequency) == "3x/day"
    bridge = routines["bridging"].exercises[0]
    assert (bridge.hold, bridge.sets, bridge.reps) == (5, 2, 10)
    core = routines["core-routine"].exercises
    assert [e.library_id for e in core] == ["knee-to-chest", "piriformis", "pelvic-tilt", "cat-cow"]
    assert (core[2].reps, core[3].reps) == (15, 10)
    assert [e.library_id for e in routines["strengthening"].exercises] == [
        "bridging",
        "bird-dog",
        "partial-curl",
    ]
    mckenzie = routines["mckenzie-extension"]
    assert mckenzie.exercises[0].hold == 120
    assert any("toward your spine" in s for s in mckenzie.safety)
    assert any("hold your breath" in s for s in routines["strengthening"].safety)
    assert "weeks 1–2" in routines["gentle-start"].title


def test_override_order_bundled_then_clinic_then_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic_a, clinic_b = tmp_path / "clinic-a", tmp_path / "clinic-b"
    monkeypatch.setenv(paths.ROUTINES_PATH_ENV, os.pathsep.join([str(clinic_a), str(clinic_b)]))
    _write(clinic_a, "knee.yaml", _routine_text("Clinic A knee", "knee-to-chest"))
    _write(clinic_a, "only-a.yaml", _routine_text("Only A"))
    _write(clinic_b, "knee.yaml", _routine_text("Clinic B knee", "knee-to-chest"))
    _write(clinic_b, "piriformis.yaml", _routine_text("Clinic piriformis"))
    _write(paths.user_routines_dir(), "mine.yaml", _routine_text("My piriformis", "piriformis"))
    catalog = load_catalog()
    assert catalog.problems == []
    assert catalog.routines["knee-to-chest"].title == "Clinic B knee"
    assert catalog.routines["knee-to-chest"].source is Source.CLINIC
    assert catalog.routines["piriformis"].title == "My piriformis"
    assert catalog.routines["piriformis"].source is Source.USER
    assert catalog.routines["only-a"].source is Source.CLINIC
    assert catalog.routines["bridging"].source is Source.BUNDLED
    titles = [r.title.casefold() for r in catalog.routines.values()]
    assert titles == sorted(titles)


def test_clinic_library_exercises_can_be_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic = tmp_path / "clinic"
    monkeypatch.setenv(paths.ROUTINES_PATH_ENV, str(clinic))
    _write(clinic / "library", "wall-sit.yaml", "name: Wall sit\nhold: 20 s\nnote: clinic\n")
    _write(clinic, "legs.yaml", "title: Legs\nexercises:\n  - use: wall-sit\n  - use: walking\n")
    catalog = load_catalog()
    assert catalog.problems == []
    assert "wall-sit" in catalog.library
    assert [e.name for e in catalog.routines["legs"].exercises] == ["Wall sit", "Walking"]


def test_a_bad_file_never_hides_the_good_ones() -> None:
    folder = paths.user_routines_dir()
    _write(folder, "good.yaml", _routine_text("Good"))
    _write(folder, "broken.yaml", "title: Broken\nexercises:\n  - name: A\n    hlod: 3\n")
    _write(folder, "binary.yaml", "").write_bytes(b"\xff\xfe\x00")
    _write(folder, "also-good.yml", _routine_text("Also good"))
    _write(folder, "notes.txt", "not a routine")
    catalog = load_catalog()
    assert {"good", "also-good", "knee-to-chest"} <= set(catalog.routines)
    assert "broken" not in catalog.routines
    assert sorted(Path(p.path).name for p in catalog.problems) == ["binary.yaml", "broken.yaml"]
    broken = next(p for p in catalog.problems if p.path.endswith("broken.yaml"))
    assert (broken.line, broken.col, broken.hint) == (4, 5, "did you mean 'hold'?")


def test_two_files_with_one_id_in_a_folder_keep_the_first() -> None:
    folder = paths.user_routines_dir()
    _write(folder, "a.yaml", _routine_text("First", "same"))
    _write(folder, "b.yaml", _routine_text("Second", "same"))
    catalog = load_catalog()
    assert catalog.routines["same"].title == "First"
    (problem,) = catalog.problems
    assert str(problem) == (
        f"{folder / 'b.yaml'}: another routine in this folder already has the id 'same' "
        "(a.yaml); this one is skipped — give one of them a different id"
    )


def test_find_routine_by_id_path_or_close_id(tmp_path: Path) -> None:
    assert find_routine("bridging").title == "Bridging"
    path = _write(tmp_path, "Elsewhere Routine.yaml", _routine_text("Elsewhere"))
    assert find_routine(str(path)).id == "elsewhere-routine"
    with pytest.raises(RoutineNotFoundError) as caught:
        find_routine("bridgin")
    assert str(caught.value) == "no routine has the id 'bridgin'; did you mean 'bridging'?"
    with pytest.raises(RoutineNotFoundError, match="`timer-app list` shows them all"):
        find_routine("zzzzzz")


def test_find_routine_explains_a_broken_file() -> None:
    _write(paths.user_routines_dir(), "mine.yaml", "title: Mine\n")
    with pytest.raises(RoutineLoadError) as caught:
        find_routine("mine")
    assert "the routine has no exercises" in str(caught.value)


def test_images_next_to_the_file_become_paths(tmp_path: Path) -> None:
    (tmp_path / "tilt.png").write_bytes(b"png")
    path = _write(
        tmp_path,
        "r.yaml",
        "title: R\nexercises:\n  - name: A\n    image: tilt.png\n  - name: B\n    image: bridge\n",
    )
    routine = load_routine_file(path)
    assert routine.exercises[0].image == str((tmp_path / "tilt.png").resolve())
    assert routine.exercises[1].image == "bridge"  # a bundled asset name


# -- property: what a therapist writes is what the app reads ------------------------

names = st.text(
    st.characters(blacklist_characters="\x85\u2028\u2029", blacklist_categories=("Cs", "Cc")),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() == s and s and not looks_empty(s))  # a name must show
durations = st.one_of(
    st.integers(1, 3600),
    st.sampled_from(["30s", "45 sec", "2 min", "1.5 min", "1m30s", "1:30", "10 seconds"]),
)
exercise = st.one_of(
    st.fixed_dictionaries(
        {"name": names, "hold": durations},
        optional={
            "reps": st.integers(1, 100),
            "sets": st.integers(1, 20),
            "sides": st.sampled_from([s.value for s in Sides]),
            "rest": st.integers(0, 60),
            "set_rest": durations,
            "instructions": st.lists(names, max_size=3),
            "cautions": names,
        },
    ),
    st.fixed_dictionaries({"name": names, "tempo": durations, "reps": st.integers(1, 100)}),
    st.fixed_dictionaries({"name": names}, optional={"reps": st.integers(1, 100)}),
    st.fixed_dictionaries({"name": names, "duration": durations}),
    st.fixed_dictionaries(
        # A timed activity (walking) has no reps to override.
        {"use": st.sampled_from(sorted(LIBRARY_IDS - {"walking"}))},
        optional={"reps": st.integers(1, 100)},
    ),
)
routine_data = st.fixed_dictionaries(
    {"title": names, "exercises": st.lists(exercise, min_size=1, max_size=4)},
    optional={
        "description": names,
        "author": names,
        "frequency": st.sampled_from(["3x/day", "2x/week", "1x/day"]),
        "lead_in": st.integers(0, 30),
        "safety": st.lists(names, max_size=3),
    },
)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(routine_data)
def test_generated_routines_round_trip_through_a_file(
    tmp_path: Path, data: dict[str, object]
) -> None:
    library = load_catalog().library
    expected, problems = validate_routine(data, default_id="generated", library=library)
    # A session over 4 h or 5,000 steps is refused on purpose (tests/core/test_plan_size.py).
    assume(not any("the session passes" in p.message for p in problems))
    assert problems == [] and expected is not None
    path = tmp_path / "generated.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    loaded = load_routine_file(path, library=library)
    assert _content(loaded) == _content(expected)
    assert build_plan(loaded).total_seconds == build_plan(expected).total_seconds


def _content(routine: Routine) -> Routine:
    from dataclasses import replace

    return replace(routine, source=Source.BUNDLED, source_path=None, content_hash="")


def test_dosing_kinds_of_the_library() -> None:
    library = load_catalog().library
    assert library["walking"].exercise.dosing is Dosing.DURATION
    assert library["walking"].exercise.duration == 300
    assert library["prone-on-elbows"].exercise.dosing is Dosing.HOLD


def test_a_clinic_folder_that_cannot_be_read_is_reported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "clinic.txt"
    not_a_folder.write_text("a file where the therapist meant a folder", encoding="utf-8")
    missing = tmp_path / "not-there"
    monkeypatch.setenv(
        "TIMER_APP_ROUTINES_PATH", os.pathsep.join([str(not_a_folder), str(missing)])
    )

    catalog = load_catalog()

    assert [str(p) for p in catalog.problems] == [
        f"{not_a_folder}: this is a file, not a folder: move or rename it"
    ]
    assert "knee-to-chest" in catalog.routines  # the good ones still load
