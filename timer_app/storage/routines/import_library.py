"""The library exercises an imported routine brings in the `library/` beside it.

A therapist may send a routine with its own library exercises (`use: wall-sit`,
with `library/wall-sit.yaml` beside the file). An import copies into the user's
`library/` only those the routine uses, each validated, and only new ids: an
exercise in the user's library is shared by every routine that uses it, so a
sent `library/knee-to-chest.yaml` that differs from the one already there (the
bundled one, say) is refused, never copied. Before, such a file named as an
`image:` landed in the user's library and silently changed the bundled doses.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from timer_app.core.routine import Routine
from timer_app.core.validation.checks import LibraryExercise
from timer_app.storage.routines.catalog import LIBRARY_FOLDER, Catalog, load_library
from timer_app.storage.routines.pictures import NotAPicture, read_picture
from timer_app.storage.yaml.loader import YamlLoadError, read_limited


@dataclass
class SenderLibrary:
    """The sender's library exercises: `new` ids, and ids that differ from the user's."""

    new: dict[str, LibraryExercise] = field(default_factory=dict)
    changed: dict[str, LibraryExercise] = field(default_factory=dict)


def sender_library(file_path: Path, catalog: Catalog) -> SenderLibrary:
    """The valid exercises in the `library/` beside `file_path`, sorted out by id."""
    found = SenderLibrary()
    if not (file_path.parent / LIBRARY_FOLDER).is_dir():
        return found
    for exercise_id, entry in load_library([file_path.parent]).items():
        mine = catalog.library.get(exercise_id)
        if mine is None:
            found.new[exercise_id] = entry
        elif not _same_file(mine, entry):
            found.changed[exercise_id] = entry
    return found


def changed_in_use(routine: Routine, sender: SenderLibrary) -> list[str]:
    """Ids the routine uses whose sent version differs from the user's."""
    return sorted({e.library_id for e in routine.exercises if e.library_id in sender.changed})


def library_copies(
    routine: Routine, sender: SenderLibrary, user_dir: Path
) -> list[tuple[bytes, Path]]:
    """(bytes, destination) for each new library exercise the routine uses, and its picture.

    A picture beside the exercise's file (`library/wall-sit.png`) goes with it, checked
    to be a picture (`storage.pictures`); any other stays behind, as the routine's do.
    """
    used = {e.library_id for e in routine.exercises if e.library_id in sender.new}
    copies: list[tuple[bytes, Path]] = []
    for exercise_id in sorted(i for i in used if i is not None):
        entry = sender.new[exercise_id]
        source = Path(entry.source_path or "")
        copies.append((read_limited(source), user_dir / LIBRARY_FOLDER / source.name))
        picture = Path(entry.exercise.image or "")
        if picture.is_absolute() and picture.parent == source.parent.resolve():
            # One that is not a picture stays behind: the exercise plays without it.
            with contextlib.suppress(NotAPicture, OSError):
                copies.append((read_picture(picture), user_dir / LIBRARY_FOLDER / picture.name))
    return copies


def library_pictures(routine: Routine, sender: SenderLibrary) -> set[str]:
    """The pictures `library_copies` brings along (absolute paths, as the routine has them)."""
    found: set[str] = set()
    for exercise in routine.exercises:
        entry = sender.new.get(exercise.library_id or "")
        image = exercise.image
        if entry is None or not image or not Path(image).is_absolute():
            continue
        if Path(image).parent == Path(entry.source_path or "").parent.resolve():
            found.add(image)
    return found


def _same_file(mine: LibraryExercise, sent: LibraryExercise) -> bool:
    if mine.source_path == sent.source_path:
        return True  # the sender's folder is one of the routine folders already
    try:
        return read_limited(Path(mine.source_path or "")) == read_limited(
            Path(sent.source_path or "")
        )
    except YamlLoadError:
        return False
