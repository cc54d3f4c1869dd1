"""A programme on the bundled routines' ids, for the CLI's and the app's programme tests.

Built in Python while the programme files' loader (issue 16's other half) may
not be in the catalog yet; `install` puts it where the command line and the app
look for programmes."""

from __future__ import annotations

from typing import Any

import pytest

from timer_app.core.programme.model import (
    AdvanceWhen,
    ChangeOp,
    DoseChange,
    FlareUp,
    Programme,
    Stage,
)
from timer_app.core.routine import Frequency

EIGHT = Programme(
    id="sciatica-test",
    title="Sciatica – test programme",
    stages=(
        Stage(
            "Learn proper form",
            1,
            2,
            ("gentle-start",),
            Frequency(2, "day"),
            "Less morning stiffness",
        ),
        Stage(
            "Increase hold times",
            3,
            4,
            ("core-routine",),
            Frequency(2, "day"),
            "Walk 15 minutes comfortably",
            (DoseChange("hold", ChangeOp.ADD, 15.0),),
        ),
        Stage(
            "Add strengthening",
            5,
            8,
            ("strengthening",),
            Frequency(3, "week"),
            "Less frequent pain spikes",
        ),
        Stage("Build endurance", 9, None, ("strengthening",), None, "Return to hobbies carefully"),
    ),
    advance_when=AdvanceWhen(sessions_done=0.8, pain_after_max=4),
    flare_up=FlareUp(routine_id="knee-to-chest", days=3),
)


def install(monkeypatch: pytest.MonkeyPatch, programme: Programme = EIGHT) -> None:
    """Every catalog read from now on lists `programme` among its programmes."""
    from timer_app.storage.routines import catalog as catalog_module

    original = catalog_module.load_catalog

    def load_catalog(*args: Any, **kwargs: Any) -> Any:
        found = original(*args, **kwargs)
        programmes = dict(getattr(found, "programmes", {}) or {})
        programmes[programme.id] = programme
        try:
            found.programmes = programmes
        except AttributeError:  # a frozen catalog: an attribute it does not have yet
            object.__setattr__(found, "programmes", programmes)
        return found

    monkeypatch.setattr(catalog_module, "load_catalog", load_catalog)
