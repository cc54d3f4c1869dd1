"""Precautions a routine or an exercise carries, and what the ready screen says.

    precautions: [pregnancy, stenosis]

A therapist marks a routine, or a library exercise, with the situations in which
the patient should ask first; the ready screen shows one plain sentence for each,
before Space. The words are fixed here (not written in each routine), so every
routine says them the same way. Unknown values are located problems with a
did-you-mean, checked by `check_precautions` for the routine validator.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import Any

from timer_app.core.describe import Translate, english
from timer_app.core.routine import Precaution
from timer_app.core.validation.messages import echo, shown

__all__ = ["Precaution", "check_precautions", "precaution_text", "precautions_in_words"]


def precaution_text(precaution: Precaution, translate: Translate = english) -> str:
    if precaution is Precaution.PREGNANCY:
        return translate("Precautions", "If you are pregnant, ask your therapist first.")
    return translate(
        "Precautions",
        "If you have been told you have spinal stenosis, ask your therapist "
        "before doing this exercise.",
    )


def precautions_in_words(
    precautions: Iterable[Precaution], translate: Translate = english
) -> list[str]:
    """One sentence per precaution, each once, in the order of `Precaution`."""
    wanted = set(precautions)
    return [precaution_text(p, translate) for p in Precaution if p in wanted]


# (path, message, hint) -> None: the validator's way of adding a located problem
AddProblem = Callable[[tuple[str | int, ...], str, str | None], None]


def check_precautions(
    value: Any, path: tuple[str | int, ...], add: AddProblem
) -> tuple[Precaution, ...] | None:
    """A `precautions` value: a list of known names. None after adding problems."""
    known = [p.value for p in Precaution]
    listed = f"known precautions: {', '.join(known)}"
    if isinstance(value, str):
        value = [value]  # precautions: pregnancy
    if not isinstance(value, list):
        add(
            path,
            f"precautions must be a list such as [pregnancy, stenosis], not {shown(value)}",
            listed,
        )
        return None
    found: list[Precaution] = []
    ok = True
    for index, item in enumerate(value):
        word = item.strip().lower() if isinstance(item, str) else None
        if word in known:
            found.append(Precaution(word))
            continue
        ok = False
        close = difflib.get_close_matches(word or "", known, n=1, cutoff=0.6)
        add(
            (*path, index),
            f"unknown precaution '{echo(item)}'"
            if isinstance(item, str)
            else f"a precaution must be a word such as pregnancy, not {shown(item)}",
            f"did you mean '{close[0]}'?" if close else listed,
        )
    return tuple(dict.fromkeys(found)) if ok else None
