"""`hide:` in a clinic folder's `clinic.yaml`: bundled routines that do not suit this patient.

    hide: [mckenzie-extension, strengthening]

A therapist preparing a laptop for a patient with stenosis, say, hides the
extension routine the app ships; a clinic with its own plan over weeks hides the
bundled programme the same way. Only bundled routines and programmes can be hidden (a clinic's
own routines are removed from its folder; the patient's own are never hidden).
The list is checked like a routine file: each problem is located in clinic.yaml
(`FILE:LINE:COL`), with a did-you-mean for an id that is not a bundled routine,
and an id that is not a bundled routine's hides nothing. `timer-app list` says
which routines were hidden, and by which file. The clinic's name and numbers in
the same file are read by `routines/clinic.py`, and their problems
(`clinic_problems`) are said here with the `hide:` list's, so `validate`, `list`
and the Routines page say them.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable
from pathlib import Path

from timer_app.core.validation.checks import ID_PATTERN
from timer_app.core.validation.messages import shown
from timer_app.storage.routines.clinic import CLINIC_FILE, clinic_problems
from timer_app.storage.yaml.loader import LoadedYaml, YamlLoadError, YamlProblem, load_yaml_file

HIDE_FIELD = "hide"

Located = tuple[Path, YamlProblem]


def hidden_routines(
    folders: Iterable[Path], bundled_ids: Collection[str]
) -> tuple[dict[str, Path], list[Located]]:
    """{bundled routine id: the clinic.yaml that hides it}, and the files' problems."""
    hidden: dict[str, Path] = {}
    problems: list[Located] = []
    for folder in folders:
        path = folder / CLINIC_FILE
        try:
            if not path.is_file():
                continue
            loaded = load_yaml_file(path)
        except OSError:
            continue  # an unreadable folder is reported by the routines' own reading
        except YamlLoadError as error:
            problems += [(path, p) for p in error.problems]
            continue
        ids, found = _hide_list(loaded, bundled_ids)
        found += clinic_problems(loaded)
        problems += [(path, p) for p in sorted(found, key=lambda p: (p.line or 0, p.col or 0))]
        for routine_id in ids:
            hidden.setdefault(routine_id, path)
    return hidden, problems


def _hide_list(
    loaded: LoadedYaml, bundled_ids: Collection[str]
) -> tuple[list[str], list[YamlProblem]]:
    data = loaded.data
    if not isinstance(data, dict) or data.get(HIDE_FIELD) is None:
        return [], []
    value = data[HIDE_FIELD]
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        line, col = loaded.location_of((HIDE_FIELD,))
        message = f"hide must be a list of routine ids, not {shown(value)}"
        return [], [YamlProblem(message, "for example: hide: [mckenzie-extension]", line, col)]
    problems: list[YamlProblem] = []
    ids: list[str] = []
    for index, item in enumerate(items):
        where = (HIDE_FIELD,) if isinstance(value, str) else (HIDE_FIELD, index)
        line, col = loaded.location_of(where)
        if not isinstance(item, str) or not ID_PATTERN.fullmatch(item):
            problems.append(
                YamlProblem(f"hide lists routine ids, not {shown(item)}", None, line, col)
            )
        elif item not in bundled_ids:
            close = difflib.get_close_matches(item, list(bundled_ids), n=1, cutoff=0.6)
            problems.append(
                YamlProblem(
                    f"'{item}' is not a routine or programme that comes with the app, "
                    "so it cannot be hidden",
                    f"did you mean '{close[0]}'?"
                    if close
                    else "`timer-app list` shows the bundled routines' ids",
                    line,
                    col,
                )
            )
        else:
            ids.append(item)
    return ids, problems
