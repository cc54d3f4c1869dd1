"""Open the routine editor: empty, on a routine by id, or on a routine file.

`timer-app edit [ROUTINE|FILE]` calls `run_editor`; the Routines page calls
`open_editor` with its own app model. A routine that comes with the app is never
edited in place: the editor opens a copy of it ("Edit a copy"), with its own title
and id, which Save puts in the person's routines.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from timer_app.core.editor.draft import RoutineDraft
from timer_app.core.routine import Routine, Source
from timer_app.core.validation.checks import id_from_file_name
from timer_app.gui.app_model import AppModel
from timer_app.gui.editor.editor_window import EditorWindow
from timer_app.gui.translation import translate


class EditorTargetError(Exception):
    """The routine or file to edit cannot be opened; the message says why, plainly."""


def run_editor(target: str | None) -> int:
    """The editor as its own window, until it is closed; 1 when `target` cannot be opened."""
    from timer_app.gui.app import _application
    from timer_app.storage.settings import load_settings

    app = _application()
    model = AppModel(load_settings(), parent=app)
    model.load_routines(background=False)
    try:
        window = open_editor(target, model)
    except EditorTargetError as error:
        print(f"timer-app edit: {error}", file=sys.stderr)
        return 1
    window.show()
    return app.exec()


def open_editor(target: str | None, model: AppModel) -> EditorWindow:
    """An editor window on `target` (None: a new routine); not shown yet."""
    if target is None:
        return EditorWindow(model, RoutineDraft.empty())
    if _looks_like_path(target):
        path = Path(target).expanduser()
        return EditorWindow(model, read_draft(path), file_path=path.resolve())
    routine = _routine_by_id(target, model)
    return edit_routine(routine, model)


def edit_routine(routine: Routine, model: AppModel) -> EditorWindow:
    """The editor on a listed routine: its own file, or a copy, as the Routines page's
    Edit opens it (`gui/pages/routine_editing.py`: one rule for both ways in)."""
    from timer_app.gui.pages.routine_editing import (
        DraftReadError,
        copy_of,
        draft_of,
        edits_in_place,
    )

    try:
        draft = draft_of(routine)
    except DraftReadError as error:
        raise EditorTargetError("\n".join(error.lines)) from None
    if edits_in_place(routine):
        return EditorWindow(model, draft, file_path=Path(routine.source_path or ""))
    taken = {r.id for r in model.routines()}
    title = translate("EditorLaunch", "%1 (my copy)").replace("%1", routine.title)
    bundled = routine.source is Source.BUNDLED
    return EditorWindow(model, copy_of(routine, draft, taken, title), read_only=bundled)


def read_draft(path: Path) -> RoutineDraft:
    """A routine file as a draft; the editor shows its problems at their fields."""
    from timer_app.storage.yaml.loader import YamlLoadError, load_yaml_file

    try:
        data = load_yaml_file(path).data
    except YamlLoadError as error:  # located, as every other message about a file
        lines = [
            f"{path}:{p.line}:{p.col}: {p.message}" if p.line else f"{path}: {p.message}"
            for p in error.problems
        ]
        raise EditorTargetError("\n".join(lines)) from error
    except OSError as error:
        raise EditorTargetError(f"{path}: {error.strerror or error}") from error
    if not isinstance(data, dict):
        raise EditorTargetError(
            translate("EditorLaunch", "%1 does not hold a routine (title:, exercises: …)").replace(
                "%1", str(path)
            )
        )
    draft = RoutineDraft.from_mapping(data)
    # The id the app knows it by, from the file's name when the file gives none: the
    # editor must not make a new one from the title, or its history would stay behind.
    made = id_from_file_name(path.stem)
    if made and not draft.fields.get("id"):
        draft.fields["id"] = made
    return draft


def _routine_by_id(routine_id: str, model: AppModel) -> Routine:
    from timer_app.storage.routines.catalog import RoutineLoadError, find_routine

    try:
        return find_routine(routine_id, model.catalog)
    except RoutineLoadError as error:
        raise EditorTargetError(str(error)) from error
    except LookupError as error:
        raise EditorTargetError(str(error.args[0]) if error.args else str(error)) from error


def _looks_like_path(text: str) -> bool:
    return text.lower().endswith((".yaml", ".yml")) or os.sep in text or "/" in text


if __name__ == "__main__":  # previewed alone: python -m timer_app.gui.editor.launch [ROUTINE]
    sys.exit(run_editor(sys.argv[1] if len(sys.argv) > 1 else None))
