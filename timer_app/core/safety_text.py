"""The one safety text: when to get help, in three tiers, in plain words.

Every place that tells a person when to seek help reads it from here: the Safety
page, the first-run notice on the ready screen, the advice after "Stop – it
hurts" and on the summary, and (checked by a test, since YAML cannot import it)
the `safety` lines of the bundled routines.

1. Emergency: call the emergency number or go to A&E now. The signs of cauda
   equina syndrome are listed from their first, early signs (trouble starting to
   pee, numbness around the genitals or bottom), not only the late "loss of
   bladder control", so nobody learns to wait for it.
2. Urgent: contact your doctor today.
3. Stop the exercises and talk to your therapist.

Pure Python: every phrase passes through `translate` (Qt's shape, see
`core.describe`), spelled with literal arguments so pyside6-lupdate finds them.
The emergency number is passed in: the GUI picks it from the clinic's
`clinic.yaml` or the desktop's locale (`emergency_number_for`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from timer_app.core.describe import Translate, english

# Where the emergency number is not 112. Keyed by the territory of a locale name
# ("en_GB" -> "GB"); 112 is the European number and reaches emergency services
# from most mobile phones elsewhere too.
EMERGENCY_NUMBERS = {
    "GB": "999",
    "US": "911",
    "CA": "911",
    "AU": "000",
    "NZ": "111",
}
DEFAULT_EMERGENCY_NUMBER = "112"


class Tier(Enum):
    EMERGENCY = 1
    URGENT = 2
    THERAPIST = 3


@dataclass(frozen=True)
class SafetyTier:
    tier: Tier
    heading: str  # "Call 999 or go to A&E now if you have any of these:"
    signs: tuple[str, ...]

    def text(self) -> str:
        """The heading and one bullet per sign, as plain text."""
        return "\n".join([self.heading, *(f"• {sign}" for sign in self.signs)])


def emergency_number_for(locale_name: str) -> str:
    """The emergency number for a locale name such as "en_GB", "de_DE" or "en-US"."""
    territory = locale_name.replace("-", "_").split(".")[0].split("_")[-1].upper()
    return EMERGENCY_NUMBERS.get(territory, DEFAULT_EMERGENCY_NUMBER)


def emergency_signs(translate: Translate = english) -> tuple[str, ...]:
    return (
        translate(
            "SafetyText",
            "Finding it hard to start peeing, not being able to pee, "
            "or not being able to control when you pee",
        ),
        translate(
            "SafetyText", "Not noticing when you need to poo, or not being able to control it"
        ),
        translate("SafetyText", "Numbness around or under your genitals or bottom"),
        translate("SafetyText", "Pain or numbness in both legs"),
        translate(
            "SafetyText",
            "Severe or quickly worsening weakness in a leg "
            "(for example, trouble lifting your foot)",
        ),
    )


def urgent_signs(translate: Translate = english) -> tuple[str, ...]:
    return (
        translate("SafetyText", "Pain getting worse despite rest, or worse at night"),
        translate("SafetyText", "Feeling unwell or feverish, with back pain"),
        translate("SafetyText", "Pain that started after a fall or injury"),
    )


def therapist_signs(translate: Translate = english) -> tuple[str, ...]:
    return (
        translate("SafetyText", "New or worse numbness, tingling, burning or weakness"),
        translate("SafetyText", "Pain spreading further down your leg"),
        translate("SafetyText", "No improvement after about 4 weeks of the programme"),
    )


def emergency_heading(number: str, translate: Translate = english) -> str:
    return translate(
        "SafetyText",
        "Emergency: call %1 or go to A&E (the emergency department) now if you have any of these:",
    ).replace("%1", number)


def tiers(number: str, translate: Translate = english) -> tuple[SafetyTier, ...]:
    """The three tiers, most urgent first, with `number` as the emergency number."""
    return (
        SafetyTier(
            Tier.EMERGENCY, emergency_heading(number, translate), emergency_signs(translate)
        ),
        SafetyTier(
            Tier.URGENT,
            translate("SafetyText", "Urgent: contact your doctor today if you have any of these:"),
            urgent_signs(translate),
        ),
        SafetyTier(
            Tier.THERAPIST,
            translate(
                "SafetyText",
                "Stop the exercises and talk to your therapist if you have any of these:",
            ),
            therapist_signs(translate),
        ),
    )


def emergency_text(number: str, translate: Translate = english) -> str:
    """Tier 1 alone, for the advice after new numbness or weakness."""
    return tiers(number, translate)[0].text()


def full_text(number: str, translate: Translate = english) -> str:
    """All three tiers, a blank line between them."""
    return "\n\n".join(tier.text() for tier in tiers(number, translate))


def routine_line(tier: Tier) -> str:
    """One tier as one English sentence, as the bundled routines' `safety` quote it.

    A routine file cannot know the person's emergency number: it says "the
    emergency number" (the ready screen shows the real one in the notice above).
    """
    found = tiers(translate=english, number="the emergency number")[tier.value - 1]
    signs = "; ".join(_lower_first(sign) for sign in found.signs)
    return f"{found.heading.removesuffix(':')}: {signs}."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
