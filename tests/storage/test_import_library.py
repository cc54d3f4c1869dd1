"""Import brings the new library exercises a routine uses, and never changes the user's.

A therapist's folder: `evening.yaml` uses `wall-sit`, defined in `library/` beside
it. Before, the import refused it ("there is no library exercise 'wall-sit'"); and
a sent `library/knee-to-chest.yaml` with other doses was either ignored without a
word (the routine silently got the bundled dose) or, named as an image, copied
into the user's library where it changed every routine that uses it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timer_app.storage import paths
from timer_app.storage.routines.catalog import RoutineLoadError, bundled_folder, load_catalog
from timer_app.storage.routines.importing import import_routine_file

EVENING = (
    "title: Evening\n"
    "exercises:\n"
    "  - use: wall-sit\n"
    "  - use: knee-to-chest\n"
    "  - name: Tilt\n"
    "    reps: 5\n"
)


def _sent(tmp_path: Path, library: dict[str, str]) -> Path:
    folder = tmp_path / "from-therapist"
    (folder / "library").mkdir(parents=True)
    for name, text in library.items():
        (folder / "library" / name).write_text(text)
    routine = folder / "evening.yaml"
    routine.write_text(EVENING)
    return routine


def test_the_new_library_exercises_it_uses_come_along(tmp_path: Path) -> None:
    source = _sent(
        tmp_path,
        {
            "wall-sit.yaml": "name: Wall sit\nhold: 20\nreps: 3\n",
            "squat.yaml": "name: Squat\nreps: 10\n",  # not used: stays behind
        },
    )
    routine = import_routine_file(source)
    assert [e.name for e in routine.exercises] == ["Wall sit", "Knee-to-chest stretch", "Tilt"]
    user = paths.user_routines_dir()
    assert sorted(p.name for p in (user / "library").iterdir()) == ["wall-sit.yaml"]
    catalog = load_catalog()
    assert catalog.routines["evening"].exercises[0].hold == 20
    assert catalog.problems == []


def test_a_changed_copy_of_an_exercise_you_have_is_refused(tmp_path: Path) -> None:
    source = _sent(
        tmp_path,
        {
            "wall-sit.yaml": "name: Wall sit\nhold: 20\n",
            "knee-to-chest.yaml": "name: Knee to chest\nhold: 1\nreps: 1\n",
        },
    )
    before = load_catalog().library["knee-to-chest"].exercise
    for replace in (False, True):
        with pytest.raises(RoutineLoadError) as caught:
            import_routine_file(source, replace=replace)
        assert [str(p) for p in caught.value.problems] == [
            f"{source}: the library exercise 'knee-to-chest' beside this file differs from "
            "the one you already have; importing it would change every routine that uses it"
            " — give it a new id (in its file and in use:), or ask your therapist"
        ]
    assert not paths.user_routines_dir().exists()
    assert load_catalog().library["knee-to-chest"].exercise == before


def test_an_identical_copy_of_a_bundled_exercise_is_fine_and_not_copied(tmp_path: Path) -> None:
    bundled = (bundled_folder() / "library" / "knee-to-chest.yaml").read_text()
    source = _sent(
        tmp_path,
        {"wall-sit.yaml": "name: Wall sit\nhold: 20\n", "knee-to-chest.yaml": bundled},
    )
    import_routine_file(source)
    library = paths.user_routines_dir() / "library"
    assert sorted(p.name for p in library.iterdir()) == ["wall-sit.yaml"]
