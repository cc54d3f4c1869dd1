"""The clinic's own details: an optional `clinic.yaml` in a clinic routines folder.

    emergency_number: "999"      # shown in the emergency advice instead of the
                                 # locale's default
    name: Riverside Physio       # optional
    phone: 01234 567890          # optional: how to reach the therapist

Clinic folders are those of `paths.clinic_routine_dirs()` (system-wide, then
`TIMER_APP_ROUTINES_PATH`); the last one with a `clinic.yaml` wins, as a later
clinic folder wins for routines. The file is never a routine (`catalog` skips
it). A broken or unreadable file is logged and ignored: the safety text then
falls back on the locale's emergency number, it never fails to show.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from timer_app.storage import paths
from timer_app.storage.yaml.loader import YamlLoadError, load_yaml_file

CLINIC_FILE = "clinic.yaml"
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


def _text(value: object) -> str:
    # A number written without quotes (999) arrives as an int.
    if isinstance(value, bool) or value is None:
        return ""
    return str(value).strip() if isinstance(value, str | int) else ""
