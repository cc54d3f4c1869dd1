"""Is every `image:` a routine or library file names really there?

A misspelled picture (`image: pics/knee.png` for `pics/knee-to-chest.png`) used to
pass `validate` and `import` silently: the patient then saw no picture, and the
therapist never knew why. `validate` and `import` ask here and report each one
located like any other problem, with a did-you-mean among the files beside the
routine (and the app's own pictures). The window does not refuse such a routine:
a missing picture must never hide a patient's routine.

A picture is found as the window finds it (`gui/session_words.image_path`): beside
the file, an absolute path, or the name of one of the app's pictures. One that
is there must be one the import copies and the window shows (`unusable_images`).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from timer_app.core.validation.messages import PathKey, RoutineProblem, echo
from timer_app.storage.resources import asset_path, bundled_assets
from timer_app.storage.routines.pictures import NotAPicture, read_picture

_ROUTINE_SUFFIXES = (".yaml", ".yml")
_MAX_CANDIDATES = 500  # a file validated in ~/Downloads must not list it all


def missing_images(path: Path, data: object) -> list[RoutineProblem]:
    """A problem for each `image:` in this routine or library file that is not found."""
    problems: list[RoutineProblem] = []
    candidates: list[str] | None = None
    for where, image in _images(data):
        if _found(path.parent, image):
            continue
        if candidates is None:
            candidates = _nearby_files(path.parent)
        close = difflib.get_close_matches(image, candidates, n=1, cutoff=0.6)
        problems.append(
            RoutineProblem(
                where,
                f"image '{echo(image)}' not found",
                f"did you mean '{echo(close[0])}'?"
                if close
                else "the name is relative to this file's folder; put the picture there, "
                "or remove the image line",
            )
        )
    return problems


def unusable_images(path: Path, data: object) -> list[RoutineProblem]:
    """A problem for each `image:` beside this file that the import would leave
    behind or the window could not show: not a picture, or too large
    (`pictures.read_picture`, the import's own check). `validate` asks both."""
    problems: list[RoutineProblem] = []
    for where, image in _images(data):
        candidate = path.parent / image
        try:
            if not candidate.is_file():
                continue  # an app picture, or missing: `missing_images` says so
            read_picture(candidate)
        except NotAPicture as error:
            problems.append(_unusable(where, image, str(error)))
        except (OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) else None
            problems.append(_unusable(where, image, reason or "it cannot be read"))
    return problems


def _unusable(where: PathKey, image: str, reason: str) -> RoutineProblem:
    return RoutineProblem(
        where,
        f"image '{echo(image)}' cannot be used: {reason}",
        "save it again as a PNG, JPEG or WebP picture of at most 8192 × 8192 pixels",
    )


def _images(data: object) -> list[tuple[PathKey, str]]:
    """(path, name) of each `image:` written in the file itself."""
    if not isinstance(data, dict):
        return []
    found: list[tuple[PathKey, str]] = []
    if isinstance(data.get("image"), str):  # a library exercise file
        found.append((("image",), data["image"].strip()))
    exercises = data.get("exercises")
    for index, item in enumerate(exercises if isinstance(exercises, list) else []):
        if isinstance(item, dict) and isinstance(item.get("image"), str):
            found.append((("exercises", index, "image"), item["image"].strip()))
    return [(where, image) for where, image in found if image]


def _found(folder: Path, image: str) -> bool:
    for candidate in (folder / image, asset_path("images", image), asset_path(image)):
        try:
            if candidate.is_file():
                return True
        except (OSError, ValueError):  # a name too long, or a NUL: not a picture there
            continue
    return False


def _nearby_files(folder: Path) -> list[str]:
    """Files beside the routine and one folder down (`pics/knee.png`), and the app's."""
    names: list[str] = []
    for entry in _entries(folder):
        if entry.is_dir(follow_symlinks=False):
            subs = _entries(Path(entry.path))
            names += [f"{entry.name}/{sub.name}" for sub in subs if sub.is_file()]
        elif not entry.name.lower().endswith(_ROUTINE_SUFFIXES):
            names.append(entry.name)
        if len(names) > _MAX_CANDIDATES:
            break
    names += [entry.name for entry in _entries(bundled_assets() / "images")]
    return names


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as found:
            return [e for e in found if not e.name.startswith(".")][:_MAX_CANDIDATES]
    except OSError:
        return []
