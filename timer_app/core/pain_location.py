"""Where the pain is felt most, and what its move during a session means.

One pain number cannot tell the good sign from the bad one: the seeds say the
McKenzie extension is done "only if centralizing pain (moving pain toward
spine)", and that pain spreading down the leg is a reason to stop. So before
and after a session the patient may say where they feel it most, from the spine
down the leg; pain that moved up toward the back is centralising, pain that
moved down the leg is peripheralising.

The advice after a session (`pain_advice`), the first that applies:

- peripheralising: stop and talk to your therapist, whatever the numbers say;
- a "Stop – it hurts" report of pain spreading down the leg: ease off (the
  stop's own advice is shown beside it);
- pain rose by `rise` points or more (the routine's `pain_advice_rise`, default
  2): ease off. Only when the pain centralised to the back only and stayed
  below `SEVERE_PAIN` is a rise taken as back pain in place of leg pain: no
  "ease off", but the rise is still said (`NOTE`);
- pain after at `SEVERE_PAIN` or more, not lower than before (or with no
  rating before): ease off;
- any other rise, or a severe rating lower than before: said plainly (`NOTE`).

A rating higher than before is always said, in plain words (`concern_in_words`),
and is never hidden behind "centralising is the direction you want".

Pure Python: no Qt, no storage; the words are the GUI's.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # describe imports routine, which imports this module
    from timer_app.core.describe import Translate

DEFAULT_PAIN_ADVICE_RISE = 2  # points on the 0–10 scale
MIN_PAIN_ADVICE_RISE = 1
MAX_PAIN_ADVICE_RISE = 10
# The seeds set "mild to moderate sciatica", which "usually responds well" to
# these exercises, apart from "severe pain" (the one that may need more than
# exercise). Where "severe" starts on the 0–10 rating the app asks is the
# rating scale's own banding, not the seeds': 7–10 severe (1–3 mild, 4–6
# moderate). Used only where no rise can be measured (no rating before) or where
# a rise would otherwise be excused, never to stay quiet about a rise.
SEVERE_PAIN = 7


class PainLocation(StrEnum):
    """Where the pain is felt most, from the spine down the leg (the stored value)."""

    BACK = "back"
    BUTTOCK = "buttock"
    THIGH = "thigh"
    BELOW_KNEE = "below_knee"
    FOOT = "foot"

    @property
    def rank(self) -> int:
        """0 at the back, larger further down the leg."""
        return _ORDER.index(self)


_ORDER: tuple[PainLocation, ...] = tuple(PainLocation)


def location_from(value: object) -> PainLocation | None:
    """A stored or typed value as a location; None for nothing or anything unknown
    (a history written by a newer version must not stop the app from reading it)."""
    if isinstance(value, PainLocation):
        return value
    if isinstance(value, str):
        try:
            return PainLocation(value)
        except ValueError:
            return None
    return None


class PainShift(StrEnum):
    """How the place of the pain moved between before and after."""

    CENTRALISING = "centralising"  # toward the spine: the good sign
    PERIPHERALISING = "peripheralising"  # down the leg: a stop sign
    UNCHANGED = "unchanged"
    UNKNOWN = "unknown"  # before or after not given


def classify(before: PainLocation | None, after: PainLocation | None) -> PainShift:
    if before is None or after is None:
        return PainShift.UNKNOWN
    if after.rank < before.rank:
        return PainShift.CENTRALISING
    if after.rank > before.rank:
        return PainShift.PERIPHERALISING
    return PainShift.UNCHANGED


class PainAdvice(Enum):
    """Which advice the summary gives after a session, mildest first."""

    NONE = "none"
    NOTE = "note"  # say the pain is higher (or severe) and what to watch for
    EASE_OFF = "ease_off"  # do less next time, contact your therapist
    STOP_AND_TALK = "stop_and_talk"  # pain moved down the leg


class PainConcern(Enum):
    """What the two ratings alone say, before any place is looked at."""

    NONE = "none"
    HIGHER = "higher"  # rated higher after than before
    SEVERE = "severe"  # `SEVERE_PAIN` or more after, not higher (or nothing before)


def pain_concern(pain_before: int | None, pain_after: int | None) -> PainConcern:
    if pain_after is None:
        return PainConcern.NONE
    if pain_before is not None and pain_after > pain_before:
        return PainConcern.HIGHER
    if pain_after >= SEVERE_PAIN:
        return PainConcern.SEVERE
    return PainConcern.NONE


def pain_advice(
    pain_before: int | None,
    pain_after: int | None,
    *,
    where_before: PainLocation | None = None,
    where_after: PainLocation | None = None,
    rise: int = DEFAULT_PAIN_ADVICE_RISE,
    spread_reported: bool = False,
) -> PainAdvice:
    """The advice for a session's pain, as described in the module's docstring."""
    shift = classify(where_before, where_after)
    if shift is PainShift.PERIPHERALISING:
        return PainAdvice.STOP_AND_TALK
    if spread_reported:
        return PainAdvice.EASE_OFF
    concern = pain_concern(pain_before, pain_after)
    if concern is PainConcern.NONE or pain_after is None:
        return PainAdvice.NONE
    severe = pain_after >= SEVERE_PAIN
    if pain_before is not None and pain_after - pain_before >= rise:
        to_back = shift is PainShift.CENTRALISING and where_after is PainLocation.BACK
        # Leg pain gone to the back: a moderate rise is back pain taking the place
        # of leg pain, not a reason to do less; a severe rating is, wherever it is.
        return PainAdvice.NOTE if to_back and not severe else PainAdvice.EASE_OFF
    if severe and (pain_before is None or pain_after >= pain_before):
        return PainAdvice.EASE_OFF
    return PainAdvice.NOTE


def concern_in_words(
    pain_before: int | None, pain_after: int | None, translate: Translate | None = None
) -> str:
    """The plain statement that heads the advice: "Your pain is higher than before
    the session: 2 → 10."; "" when the ratings give no concern."""
    translate = translate or _english()
    concern = pain_concern(pain_before, pain_after)
    if concern is PainConcern.HIGHER:
        text = translate("PainAdvice", "Your pain is higher than before the session: %1 → %2.")
        return text.replace("%1", str(pain_before)).replace("%2", str(pain_after))
    if concern is PainConcern.SEVERE:
        text = translate("PainAdvice", "You rated your pain %1 of 10 after the session.")
        return text.replace("%1", str(pain_after))
    return ""


def place_in_words(location: PainLocation, translate: Translate | None = None) -> str:
    """A place inside an arrow ("thigh → back"). The buttons say "back only", which
    tells the pain is not in the leg too; the arrow's context says it here."""
    translate = translate or _english()
    names = {
        PainLocation.BACK: translate("PainWhere", "back", "the place in 'thigh → back'"),
        PainLocation.BUTTOCK: translate("PainWhere", "buttock"),
        PainLocation.THIGH: translate("PainWhere", "thigh"),
        PainLocation.BELOW_KNEE: translate("PainWhere", "below the knee"),
        PainLocation.FOOT: translate("PainWhere", "foot"),
    }
    return names[location]


def shift_in_words(
    before: PainLocation | None, after: PainLocation | None, translate: Translate | None = None
) -> str:
    """ "thigh → back, centralising"; "" when neither place was given. The History
    page, the command line and the report all word it so (English by default)."""
    translate = translate or _english()
    if before is None and after is None:
        return ""
    a, b = ("?" if p is None else place_in_words(p, translate) for p in (before, after))
    moved = translate("PainWhere", "%1 → %2").replace("%1", a).replace("%2", b)
    shift = classify(before, after)
    if shift is PainShift.CENTRALISING:
        return translate("PainWhere", "%1, centralising").replace("%1", moved)
    if shift is PainShift.PERIPHERALISING:
        return translate("PainWhere", "%1, spreading down the leg").replace("%1", moved)
    return moved


def _english() -> Translate:
    from timer_app.core.describe import english

    return english
