"""What importing a revised routine does to the ones already there, said in notes.

- `replaces: week-2`: the patient's own week-2 file goes to the trash
  (`routine_trash`, undoable with `timer-app remove --undo week-2` or the
  banner's Undo); a bundled or clinic week-2 is no longer listed
  (`catalog_filters`). Either way its sessions count as the new routine's.
- A different routine with the same title: two "Week 3" in the list is how a
  patient ends up doing last month's doses, so the import says so.
"""

from __future__ import annotations

from timer_app.core.routine import Routine, Source
from timer_app.core.validation.messages import echo
from timer_app.storage.routines import trash as routine_trash


def retire_replaced(
    routine: Routine, existing: dict[str, Routine], notes: list[str]
) -> list[routine_trash.Trashed]:
    """Move the user's own routines `routine` replaces to the trash; note each one."""
    moved: list[routine_trash.Trashed] = []
    for old_id in routine.replaces:
        old = existing.get(old_id)
        if old is None:
            continue
        title = echo(old.title)
        if old.source is not Source.USER or old.source_path == routine.source_path:
            notes.append(
                f"'{old_id}' ({title}, {old.source}) is replaced by this routine: it is no "
                "longer listed, and its sessions count as this routine's"
            )
            continue
        try:
            item = routine_trash.remove_routine(old)
        except OSError as error:
            notes.append(f"'{old_id}' ({title}) could not be moved to the trash: {error.strerror}")
            continue
        moved.append(item)
        notes.append(
            f"'{old_id}' ({title}) is replaced by this routine: moved to the trash, its "
            f"sessions count as this routine's (undo: timer-app remove --undo {old_id})"
        )
    return moved


def same_title(routine: Routine, existing: dict[str, Routine], notes: list[str]) -> None:
    """Note a different routine (not replaced) whose title is this one's."""
    wanted = routine.title.casefold()
    for other in existing.values():
        if other.id == routine.id or other.id in routine.replaces:
            continue
        if other.title.casefold() == wanted:
            notes.append(
                f"another routine has the title '{echo(routine.title)}': '{other.id}' "
                f"({other.source}); if this one takes its place, add 'replaces: {other.id}' "
                f"to the file and import it again, or remove the old one"
            )
