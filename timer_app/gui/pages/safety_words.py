"""The shared safety text (`core.safety_text`) in the person's language, with the
emergency number of their clinic or their country.

The number comes from the clinic's `clinic.yaml` when it sets one
(`storage.clinic`), else from the desktop's locale (999 in the UK, 911 in the
US and Canada, 112 in most of Europe). It is read once per run, when a safety
text is first shown, never at start-up.
"""

from __future__ import annotations

import logging
from functools import cache

from timer_app.core import safety_text
from timer_app.core.safety_text import SafetyTier
from timer_app.gui.translation import translate
from timer_app.storage.routines.clinic import ClinicInfo

log = logging.getLogger(__name__)


def _read_clinic() -> ClinicInfo:
    from timer_app.storage.routines.clinic import load_clinic_info

    try:
        return load_clinic_info()
    except Exception:  # the safety text must show whatever the clinic file holds
        log.exception("clinic.yaml could not be read")
        return ClinicInfo()


@cache
def clinic_info() -> ClinicInfo:
    return _read_clinic()


@cache
def emergency_number() -> str:
    # Its own read, not clinic_info()'s: clearing this one cache (as tests do)
    # must be enough to see a new clinic.yaml.
    from PySide6.QtCore import QLocale

    clinic = _read_clinic().emergency_number
    return clinic or safety_text.emergency_number_for(QLocale().name())


def forget_clinic() -> None:
    """A clinic folder was added or removed: read its clinic.yaml afresh."""
    clinic_info.cache_clear()
    emergency_number.cache_clear()


def clinic_contact() -> str:
    """ "Your clinic: Riverside Physio, 01234 567890", or "" when the clinic's
    clinic.yaml names neither."""
    info = clinic_info()
    who = ", ".join(part for part in (info.name, info.phone) if part)
    return translate("SafetyText", "Your clinic: %1").replace("%1", who) if who else ""


def tiers() -> tuple[SafetyTier, ...]:
    return safety_text.tiers(emergency_number(), translate)


def emergency_text() -> str:
    """Tier 1: when to call the emergency number or go to A&E now."""
    return safety_text.emergency_text(emergency_number(), translate)


def full_text() -> str:
    """All three tiers, most urgent first."""
    return safety_text.full_text(emergency_number(), translate)
