"""Sessions of a replaced routine count as the routine that replaced it.

A revised week-3 file says `replaces: week-2`; the patient's streak, their week's
sessions and their pain chart continue under it instead of starting again at
zero. The history itself is never rewritten: its records keep the id they were
played under, and readers map ids through `aliases` when they group sessions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Protocol, TypeVar

from timer_app.core.routine import Routine


class _HasRoutineId(Protocol):
    @property
    def routine_id(self) -> str: ...


T = TypeVar("T", bound=_HasRoutineId)


def aliases(routines: Iterable[Routine]) -> dict[str, str]:
    """{replaced id: the id of the routine that now stands for it}, chains followed.

    week-3 replaces week-2, which replaced week-1: both old ids map to week-3. A
    loop (two files replacing each other) maps nothing further than one step.
    """
    direct: dict[str, str] = {}
    for routine in routines:
        for old in routine.replaces:
            direct.setdefault(old, routine.id)
    found: dict[str, str] = {}
    for old in direct:
        current, seen = direct[old], {old}
        while current in direct and current not in seen:
            seen.add(current)
            current = direct[current]
        found[old] = current
    return found


def with_current_ids(records: Iterable[T], mapping: Mapping[str, str]) -> list[T]:
    """The records (frozen dataclasses or named tuples) with replaced ids mapped."""
    found: list[T] = []
    for record in records:
        new_id = mapping.get(record.routine_id)
        if new_id is None:
            found.append(record)
        elif isinstance(record, tuple):  # a NamedTuple such as SessionFacts
            found.append(getattr(record, "_replace")(routine_id=new_id))  # noqa: B009
        else:
            found.append(replace(record, routine_id=new_id))  # type: ignore[type-var]
    return found
