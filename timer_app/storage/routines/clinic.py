"""The clinic's own details: an optional `clinic.yaml` in a clinic routines folder.

    emergency_number: "999"      # shown in the emergency advice instead of the
                                 # locale's default
    name: Riverside Physio       # optional
    phone: 01234 567890          # optional: how to reach the therapist

Clinic folders are those of `paths.clinic_routine_dirs()` (system-wide, then
`TIMER_APP_ROUTINES_PATH`); the last one with a `clinic.yaml` wins, as a later
clinic folder wins for routines. The file is never a routine (`catalog` skips
it). A broken or unreadable file is logged and ignored: the safety text then
falls back on the locale's emergency number, it never fails to show. What is
wrong in it (`clinic_problems`: a field the app does not know, an emergency
number that is not one) is said where `hide:` problems are: `validate`, `list`
and the Routines page's problems, located in the file. An `emergency_number: "abc"`
was ignored with only a log line, and the patient saw the locale's number
instead of the clinic's without anyone knowing.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from timer_app.core.validation.messages import shown
from timer_app.storage import paths
from timer_app.storage.yaml.loader import LoadedYaml, YamlLoadError, YamlProblem, load_yaml_file

CLINIC_FILE = "clinic.yaml"
NUMBER_FIELD = "emergency_number"
TEXT_FIELDS = ("name", "phone")
# `hide:` is read (and checked) by `clinic_hide`.
FIELDS = (NUMBER_FIELD, *TEXT_FIELDS, "hide")
# Digits, spaces, + and - only: the number is read aloud to a person in trouble.
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{1,19}$")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClinicInfo:
    emergency_number: str = ""  # "" when the clinic did not set one
    name: str = ""
    phone: str = ""


def load_clinic_info(folders: list[Path] | None = None) -> ClinicInfo:
    """The clinic's details from the last `clinic.yaml` found, or empty ones."""
    found = ClinicInfo()
    for folder in paths.clinic_routine_dirs() if folders is None else folders:
        path = folder / CLINIC_FILE
        if path.is_file():
            found = _read(path) or found
    return found


def _read(path: Path) -> ClinicInfo | None:
    try:
        data = load_yaml_file(path).data
    except YamlLoadError as error:
        log.warning("%s ignored: %s", path, error)
        return None
    if not isinstance(data, dict):
        log.warning("%s ignored: it is not a mapping of fields", path)
        return None
    number = _text(data.get("emergency_number"))
    if number and not _PHONE.match(number):
        log.warning("%s: emergency_number %r is not a phone number; ignored", path, number)
        number = ""
    return ClinicInfo(number, _text(data.get("name")), _text(data.get("phone")))


def clinic_problems(loaded: LoadedYaml) -> list[YamlProblem]:
    """What is wrong in a clinic.yaml besides its `hide:` list, each located."""
    data = loaded.data
    if data is None:
        return []  # an empty file: no details, nothing wrong
    if not isinstance(data, dict):
        return [
            YamlProblem(
                f"clinic.yaml holds fields such as name: and emergency_number:, not {shown(data)}",
                'for example: emergency_number: "999"',
                *loaded.location_of(()),
            )
        ]
    problems: list[YamlProblem] = []
    for key, value in data.items():
        line, col = loaded.location_of((key,))
        if key not in FIELDS:
            close = difflib.get_close_matches(str(key), FIELDS, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "it may hold " + ", ".join(FIELDS)
            problems.append(YamlProblem(f"unknown field {shown(key)}", hint, line, col))
        elif key == NUMBER_FIELD and value is not None and not _is_phone(value):
            problems.append(
                YamlProblem(
                    f"{NUMBER_FIELD} {shown(value)} is not a phone number, so the app shows "
                    "the usual emergency number of the computer's language instead",
                    'digits, spaces, + and - only, in quotes: emergency_number: "999"',
                    line,
                    col,
                )
            )
        elif key in TEXT_FIELDS and value is not None and not _text(value):
            problems.append(YamlProblem(f"{key} must be text, not {shown(value)}", None, line, col))
    return problems


def _is_phone(value: object) -> bool:
    number = _text(value)
    return bool(number) and _PHONE.match(number) is not None


def _text(value: object) -> str:
    # A number written without quotes (999) arrives as an int.
    if isinstance(value, bool) or value is None:
        return ""
    return str(value).strip() if isinstance(value, str | int) else ""
