"""Routines the catalog leaves out of the list: hidden by a clinic, or replaced.

- A clinic folder's clinic.yaml may `hide:` bundled routines (or programmes) that
  do not suit this patient (`clinic_hide`); never a clinic's own or the patient's.
- A routine that says `replaces: week-2` takes week-2's place: week-2 is no longer
  listed, and its sessions count as the new routine's (`core/routine_aliases`).
  The patient's own week-2 file is moved to the trash by the import (undoably):
  put back, it is listed again.

What was left out, and why, stays on the catalog for `timer-app list` and the
Routines page to say.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from timer_app.core.routine import Routine, Source
from timer_app.core.routine_aliases import aliases
from timer_app.storage.routines.clinic_hide import hidden_routines
from timer_app.storage.routines.load_problems import from_yaml

if TYPE_CHECKING:
    from timer_app.storage.routines.catalog import Catalog


def leave_out(catalog: Catalog, routines: dict[str, Routine], clinics: list[Path]) -> None:
    """Take the hidden and the replaced routines out of `routines`, noting them."""
    every = [*routines.values(), *(r for rs in catalog.overridden.values() for r in rs)]
    bundled = {r.id for r in every if r.source is Source.BUNDLED}
    # A bundled programme may be hidden too (issue 16): a clinic that gives its own
    # plan hides the app's, as `timer-app validate` of the folder already allows.
    bundled |= {p.id for p in catalog.programmes.values() if p.source is Source.BUNDLED}
    hidden, problems = hidden_routines(clinics, bundled)
    catalog.problems += [from_yaml(path, p) for path, p in problems]
    for routine_id, clinic_file in hidden.items():
        routine = routines.get(routine_id)
        if routine is not None and routine.source is Source.BUNDLED:  # never a clinic's or yours
            catalog.hidden[routine_id] = (routines.pop(routine_id), clinic_file)
        programme = catalog.programmes.get(routine_id)
        if programme is not None and programme.source is Source.BUNDLED:
            catalog.hidden_programmes[routine_id] = (
                catalog.programmes.pop(routine_id),
                clinic_file,
            )
    for old_id, new_id in aliases(routines.values()).items():
        old = routines.get(old_id)
        # The patient's own old file went to the trash on import; one that is back
        # (Undo, or copied by hand) was wanted back, so it is listed again.
        mine = old is None or old.source is Source.USER
        if not mine and old_id != new_id and new_id in routines:
            catalog.replaced[old_id] = (routines.pop(old_id), new_id)
