"""What the flare-up plan says: the source guide's do and avoid lists, word for word in sense.

Only what the exercise guide the content comes from says (named in
`routines/README.md`, "Where the content comes from"): isometric holds "can be
particularly beneficial during acute flare-ups"; "skip toe-touches, deep squats,
and leg presses during flare-ups"; ice before and heat after exercising, never
heat before; sharp nerve pain means "you've gone too far. Dial it back."
"""

from __future__ import annotations

from timer_app.core.describe import Translate, english


def flare_up_do(translate: Translate = english) -> tuple[str, ...]:
    return (
        translate(
            "FlareUp",
            "Gentle holds that keep still, such as holding a bridge position: they can be "
            "particularly helpful during a flare-up.",
        ),
        translate("FlareUp", "Ice before your exercises; heat afterwards to relax the muscles."),
        translate(
            "FlareUp",
            "Mild muscle soreness happens. Sharp nerve pain means you have gone too far: "
            "dial it back.",
        ),
    )


def flare_up_avoid(translate: Translate = english) -> tuple[str, ...]:
    return (
        translate("FlareUp", "Toe-touches, deep squats and leg presses."),
        translate("FlareUp", "Heat before exercising."),
    )


def flare_up_plan(days: int, routine_title: str | None, translate: Translate = english) -> str:
    """ "For the next 3 days: Knee-to-chest instead of your stage's routines; then back."""
    if routine_title is None:
        return translate(
            "FlareUp", "For the next %n day(s), ease off; then back to your stage.", None, days
        )
    return translate(
        "FlareUp",
        "For the next %n day(s): “{routine}” instead of your stage's routines; "
        "then back to your stage.",
        None,
        days,
    ).format(routine=routine_title)
