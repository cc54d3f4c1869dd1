"""The bundled exercises' pictures: every one a routine names is found and drawn."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from timer_app.gui.session.words import image_path
from timer_app.storage.routines.catalog import load_catalog

IMAGES = Path(__file__).resolve().parents[2] / "assets" / "images"


def test_every_picture_a_bundled_routine_names_is_found_and_drawn(qtbot: QtBot) -> None:
    named = 0
    for routine in load_catalog().routines.values():
        for exercise in routine.exercises:
            if exercise.image:
                named += 1
                path = image_path(routine, exercise.image)
                assert path is not None, f"{routine.id}: {exercise.image} not found"
                assert not QPixmap(str(path)).isNull(), f"{path} does not load"
    assert named >= 8  # knee-to-chest, piriformis, bridging, the McKenzie positions...


def test_the_committed_pictures_are_what_the_script_draws() -> None:
    spec = importlib.util.spec_from_file_location("make_images", IMAGES / "make_images.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    for stem, title, head, limbs, props in script.PICTURES:
        drawn = script.picture(title, head, limbs, props)
        assert (IMAGES / f"{stem}.svg").read_text(encoding="utf-8") == drawn, (
            f"{stem}.svg is out of date: run python assets/images/make_images.py"
        )
