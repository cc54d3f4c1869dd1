"""The routine format's own limits, for the editor's fields.

The editor's spin boxes and choices take their ranges from here, and these are
the validator's own constants: a value the editor lets a therapist enter is one
the validator accepts, and the other way round.
"""

from __future__ import annotations

from timer_app.core.pain_location import (
    DEFAULT_PAIN_ADVICE_RISE,
    MAX_PAIN_ADVICE_RISE,
    MIN_PAIN_ADVICE_RISE,
)
from timer_app.core.routine import (
    DEFAULT_HOLD_REST,
    DEFAULT_LEAD_IN,
    DEFAULT_SET_REST,
    MAX_DURATION,
    MAX_REPS,
    MAX_SETS,
    MIN_DURATION,
    Dosing,
    Precaution,
    Sides,
)
from timer_app.core.validation.remind_at import MAX_REMIND_TIMES
from timer_app.core.validation.values import ID_PATTERN, MAX_ID_LENGTH, MAX_TIMES

__all__ = [
    "DEFAULT_HOLD_REST",
    "DEFAULT_LEAD_IN",
    "DEFAULT_PAIN_ADVICE_RISE",
    "DEFAULT_SET_REST",
    "DOSINGS",
    "DURATION_PRESETS",
    "FREQUENCY_PERIODS",
    "ID_PATTERN",
    "MAX_DURATION",
    "MAX_FREQUENCY_TIMES",
    "MAX_ID_LENGTH",
    "MAX_PAIN_ADVICE_RISE",
    "MAX_PAUSE",
    "MAX_REMIND_TIMES",
    "MAX_REPS",
    "MAX_SETS",
    "MIN_DURATION",
    "MIN_FREQUENCY_TIMES",
    "MIN_PAIN_ADVICE_RISE",
    "MIN_PAUSE",
    "MIN_REPS",
    "MIN_SETS",
    "PRECAUTIONS",
    "SIDES",
]

# hold, tempo and duration: 1 s to 1 h.  (MIN_DURATION, MAX_DURATION come from the model.)
# rest, set_rest and lead_in may be 0 (no pause), up to 1 h.
MIN_PAUSE = 0.0
MAX_PAUSE = MAX_DURATION
MIN_REPS = 1
MIN_SETS = 1
MIN_FREQUENCY_TIMES = 1
MAX_FREQUENCY_TIMES = MAX_TIMES
FREQUENCY_PERIODS = ("day", "week")
# The quick choices beside a seconds spin box (issue 14).
DURATION_PRESETS = (5, 10, 30, 45, 60)
SIDES = tuple(Sides)
DOSINGS = (Dosing.HOLD, Dosing.TEMPO, Dosing.COUNTED, Dosing.DURATION)
PRECAUTIONS = tuple(Precaution)
