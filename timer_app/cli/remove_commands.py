"""`timer-app remove ID` and `timer-app remove --undo`: tidy away old routines."""

from __future__ import annotations

import argparse
import sys

from timer_app.storage.routines import trash
from timer_app.storage.routines.catalog import load_catalog


def run_remove(args: argparse.Namespace) -> int:
    if args.undo:
        return _undo(args.id)
    if not args.id:
        print(
            "timer-app remove: say which routine (its id, from `timer-app list`)", file=sys.stderr
        )
        return 1
    catalog = load_catalog()
    routine = catalog.routines.get(args.id)
    if routine is None:
        print(f"timer-app remove: no routine has the id '{args.id}'", file=sys.stderr)
        return 1
    try:
        item = trash.remove_routine(routine)
    except trash.CannotRemoveError as error:
        print(f"timer-app remove: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(
            f"timer-app remove: could not move {routine.source_path}: {error.strerror}",
            file=sys.stderr,
        )
        return 1
    print(f"Removed “{routine.title}” ({routine.id}); its history is kept.")
    print(f"  moved to {item.trash_path}")
    print("  undo: timer-app remove --undo")
    back = load_catalog().routines.get(routine.id)
    if back is not None:
        print(f"  the {back.source} routine with this id is used again: “{back.title}”")
    return 0


def _undo(routine_id: str | None) -> int:
    items = trash.trashed()
    if routine_id:
        items = [i for i in items if i.routine_id_hint == routine_id]
    if not items:
        print("timer-app remove --undo: nothing removed to put back", file=sys.stderr)
        return 1
    try:
        path = trash.restore(items[0])
    except OSError as error:
        print(f"timer-app remove --undo: could not put it back: {error}", file=sys.stderr)
        return 1
    print(f"Put back {path}")
    return 0
