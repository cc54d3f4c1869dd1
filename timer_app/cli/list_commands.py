"""`timer-app list`: the routines found, where they were looked for, and who wins.

A therapist whose preloaded routines do not appear needs to see which folders were
searched (and which are not there), which routine overrides which (`piriformis
(clinic, overrides bundled)`) and which bundled routines a clinic.yaml hides.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from timer_app.cli.programme_files import print_programmes, programme_row
from timer_app.core.durations import format_duration
from timer_app.core.plan import plan_size
from timer_app.core.routine import Routine
from timer_app.core.validation.messages import escaped
from timer_app.storage.in_the_way import file_in_the_way, not_a_folder
from timer_app.storage.routines.catalog import Catalog, load_catalog
from timer_app.storage.routines.clinic_folders import SearchedFolder, searched_folders

_ORIGINS = {
    "bundled": "comes with the app",
    "system": "system-wide clinic folder",
    "settings": "added with timer-app clinic add",
    "yours": "your own routines",
}


_C1 = re.compile("[\x80-\x9f]")


def run_list(args: argparse.Namespace) -> int:
    folders = searched_folders()
    catalog = load_catalog()
    rows = [_row(r, catalog) for r in catalog.routines.values()]
    if args.json:
        text = json.dumps(_as_json(rows, folders, catalog), indent=2, ensure_ascii=False)
        # json escapes C0 controls but writes C1 ones (U+0080-U+009F) raw; U+009B is a
        # terminal's CSI, so a file name could drive the terminal. Escaped, as \u009b.
        print(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
        return 0
    if rows:
        id_width = max(len(r["id"]) for r in rows)
        title_width = max(len(r["title"]) for r in rows)
        for r in rows:
            overrides = f"  (overrides {', '.join(r['overrides'])})" if r["overrides"] else ""
            print(
                f"{r['id']:<{id_width}}  {r['title']:<{title_width}}  {r['source']:<7}  "
                f"{r['exercises']:>2} {_plural(r['exercises'], 'exercise'):<9}  "
                f"{format_duration(r['total_seconds']):>14}  {escaped(r['path'] or '')}"
                f"{overrides}"
            )
    else:
        print("No routines found.")
    print_programmes(catalog.programmes, catalog.routines)
    print()
    print("Exercise library: " + ", ".join(sorted(catalog.library)))
    print()
    print("Folders searched (a later one wins when two have a routine with the same id):")
    for f in folders:
        there = "" if f.exists else f"  — {_why_not_there(f.folder)}"
        origin = _ORIGINS.get(f.origin, f.origin)
        print(f"  {f.source!s:<7}  {escaped(str(f.folder))}  ({origin}){there}")
    for routine_id, (routine, clinic_file) in catalog.hidden.items():
        print(f"Hidden: {routine_id} ({escaped(routine.title)}), by {escaped(str(clinic_file))}")
    for programme_id, (programme, clinic_file) in catalog.hidden_programmes.items():
        print(
            f"Hidden: {programme_id} ({escaped(programme.title)}, a programme), "
            f"by {escaped(str(clinic_file))}"
        )
    for old_id, (old, new_id) in catalog.replaced.items():
        print(f"Replaced: {old_id} ({escaped(old.title)}, {old.source}), by {new_id}")
    for problem in catalog.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def _why_not_there(folder: Path) -> str:
    # A file where the folder should be is not "not there" (the catalog warns too).
    blocker = file_in_the_way(folder)
    return "not there" if blocker is None else not_a_folder(blocker)


def _row(routine: Routine, catalog: Catalog) -> dict[str, Any]:
    return {
        "id": routine.id,
        "title": routine.title,
        "source": str(routine.source),
        "path": routine.source_path,
        "exercises": len(routine.exercises),
        "total_seconds": plan_size(routine).seconds,
        # The sources it wins over, nearest first: "clinic, overrides bundled".
        "overrides": [str(r.source) for r in reversed(catalog.overridden.get(routine.id, []))],
    }


def _as_json(
    rows: list[dict[str, Any]], folders: list[SearchedFolder], catalog: Catalog
) -> dict[str, Any]:
    return {
        "routines": rows,
        "programmes": [programme_row(p, catalog.routines) for p in catalog.programmes.values()],
        "library": sorted(catalog.library),
        "folders": [
            {
                "source": str(f.source),
                "path": str(f.folder),
                "origin": f.origin,
                "exists": f.exists,
            }
            for f in folders
        ],
        "hidden": [
            {"id": routine_id, "title": routine.title, "hidden_by": str(clinic_file)}
            for routine_id, (routine, clinic_file) in catalog.hidden.items()
        ],
        "hidden_programmes": [
            {"id": programme_id, "title": programme.title, "hidden_by": str(clinic_file)}
            for programme_id, (programme, clinic_file) in catalog.hidden_programmes.items()
        ],
        "replaced": [
            {"id": old_id, "title": old.title, "source": str(old.source), "replaced_by": new_id}
            for old_id, (old, new_id) in catalog.replaced.items()
        ],
        "problems": [str(p) for p in catalog.problems],
    }


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
