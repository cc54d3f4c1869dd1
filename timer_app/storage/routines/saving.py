"""Saving a routine from the editor: a file named by its id, written whole, never over another.

The text comes from the round-trip writer (`storage.yaml.roundtrip`): editing a
therapist's file keeps its comments and layout. Before anything is written the
text is read back with the strict loader and must be exactly the data saved, so
the editor can never leave a file the app reads differently. A new file's first
line names the format's JSON Schema for text editors by a *relative* address
(`schema.json`, which yaml-language-server resolves beside the file) and a copy of
the schema is put in that folder: an absolute address would carry this install's
path (often the therapist's user name) to a patient and point nowhere there. A
file that already exists keeps its own first lines. Writes
go through a temporary file and `os.replace`: a crash leaves the old file or the
new one, never half of one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from timer_app.core.validation.checks import id_from_file_name
from timer_app.core.validation.messages import escaped
from timer_app.storage import paths, resources
from timer_app.storage.digest import sha256_hex
from timer_app.storage.routines.catalog import routine_files
from timer_app.storage.routines.pictures import NotAPicture, read_picture
from timer_app.storage.yaml.loader import (
    YamlLoadError,
    load_yaml_file,
    load_yaml_text,
    read_limited,
)
from timer_app.storage.yaml.roundtrip import write_yaml_text

__all__ = [
    "SaveError",
    "copy_picture",
    "save_draft",
    "schema_path",
    "writable_folders",
]

MY_ROUTINES = "My routines"
SCHEMA_NAME = "schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_NAME}"
_ORIGIN_LABELS = {
    paths.SYSTEM: "Clinic folder (system)",
    paths.SETTINGS: "Clinic folder",
    paths.ROUTINES_PATH_ENV: f"Clinic folder ({paths.ROUTINES_PATH_ENV})",
}


class SaveError(ValueError):
    """The routine was not saved; the message says why in plain words."""


def save_draft(
    draft_mapping: Mapping[str, Any],
    *,
    folder: Path,
    original: Path | None = None,
    copied_from: Path | None = None,
) -> Path:
    """Write the routine into `folder` and return its path.

    `original`: the file it was opened from. Its comments and layout are kept;
    it is written over when it is in `folder`, otherwise the routine becomes a
    new file named by its id (`morning-stretches.yaml`). `copied_from`: the file
    a copy was made from (a bundled routine's, for "Edit a copy"); the new file
    keeps its comments and layout but it is never written over. A new file never
    replaces another routine: a file of that name, or another file with the
    same id in the folder, is a `SaveError`.
    """
    routine_id = _routine_id(draft_mapping)
    layout_from = original if original is not None else copied_from
    original_text = _read_text(layout_from) if layout_from is not None else None
    in_place = original is not None and _same_folder(original.parent, folder)
    target = original if in_place and original is not None else folder / f"{routine_id}.yaml"
    if not in_place:
        _refuse_taken(target, routine_id, folder)
    text = write_yaml_text(draft_mapping, original_text)
    if original is None and copied_from is None:
        text = f"{SCHEMA_LINE}\n{text}"
    try:
        read_back = load_yaml_text(text).data
    except YamlLoadError as error:  # the writer's fault, never the therapist's
        raise SaveError(f"the file would not read back ({error.problems[0].message})") from None
    if read_back != _plain(draft_mapping):
        raise SaveError("the file would not read back as the routine you made")
    _write_atomically(text.encode("utf-8"), target)
    if SCHEMA_LINE in text.splitlines()[:1]:
        place_schema(folder)
    return target


def place_schema(folder: Path) -> None:
    """A copy of the schema beside the routines, for the first line's relative address.

    Only a help for text editors: a folder that refuses it changes nothing else.
    An older copy (an earlier version of the format) is brought up to date.
    """
    wanted = schema_path().read_bytes()
    target = folder / SCHEMA_NAME
    try:
        if target.is_file() and target.read_bytes() == wanted:
            return
        _write_atomically(wanted, target)
    except OSError:
        return


def schema_path() -> Path:
    """The routine format's JSON Schema (`core/validation/schema.py` generates it)."""
    return resources.bundled_routines() / "schema.json"


def copy_picture(picture: Path, folder: Path) -> str:
    """Copy a picture beside the routines in `folder`; the name to write as `image:`.

    A picture of the same name and content is reused; a different one of that
    name gets a new name (`knee-2.png`), so no routine's picture changes.
    """
    try:
        raw = read_picture(picture)
    except NotAPicture as error:
        raise SaveError(f"{escaped(picture.name)} is not a picture: {error}") from None
    stem, suffix = picture.stem, picture.suffix.lower()
    number = 1
    while True:
        name = f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}"
        target = folder / name
        if not target.exists() and not target.is_symlink():
            _write_atomically(raw, target)
            return name
        if target.is_file() and not target.is_symlink() and _digest(target) == _sha(raw):
            return name
        number += 1


def writable_folders() -> list[tuple[str, Path]]:
    """My routines, then each clinic folder the app knows that this account can write."""
    found: list[tuple[str, Path]] = [(MY_ROUTINES, paths.user_routines_dir())]
    for folder, origin in paths.clinic_folder_origins():
        if folder in (f for _, f in found):
            continue
        if _is_writable_folder(folder):
            found.append((_ORIGIN_LABELS.get(origin, "Clinic folder"), folder))
    return found


def _plain(value: Any) -> Any:
    """As the loader gives it back: mappings as dicts, tuples as lists."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _routine_id(data: Mapping[str, Any]) -> str:
    value = data.get("id")
    if isinstance(value, str) and value:
        return value
    title = data.get("title")
    made = id_from_file_name(title) if isinstance(title, str) else ""
    if not made:
        raise SaveError("the routine needs a title or an id before it can be saved")
    return made


def _read_text(path: Path) -> str | None:
    try:
        return read_limited(path).decode("utf-8-sig")
    except (YamlLoadError, OSError, UnicodeDecodeError):
        return None  # gone or unreadable: the routine is written afresh


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def _refuse_taken(target: Path, routine_id: str, folder: Path) -> None:
    if target.exists() or target.is_symlink():
        raise SaveError(
            f"another routine is already saved as {escaped(str(target))}; "
            "give this one a different id"
        )
    for path in routine_files(folder):
        if _file_id(path) == routine_id:
            raise SaveError(
                f"the routine in {escaped(str(path))} already has the id '{routine_id}'; "
                "give this one a different id"
            )


def _file_id(path: Path) -> str | None:
    try:
        data = load_yaml_file(path).data
    except (YamlLoadError, OSError):
        return id_from_file_name(path.stem)
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else id_from_file_name(path.stem)


def _is_writable_folder(folder: Path) -> bool:
    try:
        return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)
    except OSError:
        return False


def _sha(raw: bytes) -> str:
    return sha256_hex(raw)


def _digest(path: Path) -> str | None:
    try:
        return _sha(path.read_bytes())
    except OSError:
        return None


def _write_atomically(raw: bytes, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.saving")
    try:
        with open(temporary, "wb") as stream:
            stream.write(raw)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()
