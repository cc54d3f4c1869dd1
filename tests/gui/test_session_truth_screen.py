"""What the patient sees must be the exercise they are doing (issue 10).

Each exercise shows its own picture, even when every picture has the same size
(all bundled ones do), and the next session starts with its own; "Next:" never
names the step that is on screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from pytestqt.qtbot import QtBot

from timer_app.core.plan import build_plan
from timer_app.gui.picture_reader import read_picture
from timer_app.gui.session.controls import Screen
from timer_app.gui.session.running_panel import IMAGE_MAX_HEIGHT
from timer_app.gui.session.words import image_path, next_words
from timer_app.storage.routines.catalog import load_catalog

from .session_support import Session, open_session, session_routine

pytestmark = pytest.mark.qt

# Lead-in 2 s: Knee: get ready 2, hold 3; Tilt: get ready 2, hold 3; Walk: get ready 2, walk 4.
TWO_PICTURES_YAML = """\
id: two-pictures
title: Two pictures
lead_in: 2 s
exercises:
  - name: Knee hug
    hold: 3 s
    image: {first}
  - name: Pelvic tilt
    hold: 3 s
    image: {second}
  - name: Walking
    duration: 4 s
"""


def write_picture(folder: Path, name: str, colour: str) -> None:
    image = QImage(320, 200, QImage.Format.Format_RGB32)  # the bundled pictures' size
    image.fill(QColor(colour))
    assert image.save(str(folder / name))


def shown_colour(s: Session) -> str:
    picture = s.view.running.image.pixmap().toImage()
    return picture.pixelColor(picture.width() // 2, picture.height() // 2).name()


def start(qtbot: QtBot, tmp_path: Path, first: str, second: str) -> Session:
    s = open_session(qtbot, tmp_path)
    text = TWO_PICTURES_YAML.format(first=first, second=second)
    s.view.load(session_routine(tmp_path / "pictures", text))
    QtBot.keyClick(s.view, Qt.Key.Key_Space)
    return s


def test_each_exercise_shows_its_own_picture_of_the_same_size(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "pictures" / "routines"
    folder.mkdir(parents=True)
    write_picture(folder, "knee.png", "#c83a3a")
    write_picture(folder, "tilt.png", "#3a86c8")
    s = start(qtbot, tmp_path, "knee.png", "tilt.png")
    assert s.view.running.exercise.text() == "Knee hug"
    assert shown_colour(s) == "#c83a3a"
    QtBot.keyClick(s.view, Qt.Key.Key_Right)  # skip the get-ready
    QtBot.keyClick(s.view, Qt.Key.Key_Right)  # skip the hold: the tilt's get-ready
    assert s.view.running.exercise.text() == "Pelvic tilt"
    assert s.view.running.image.isVisible()
    assert shown_colour(s) == "#3a86c8"
    QtBot.keyClick(s.view, Qt.Key.Key_Right)
    QtBot.keyClick(s.view, Qt.Key.Key_Right)  # walking has no picture
    assert s.view.running.exercise.text() == "Walking"
    assert not s.view.running.image.isVisible()


def test_a_phone_photo_is_kept_at_the_size_it_is_shown(qtbot: QtBot, tmp_path: Path) -> None:
    # A 4032x3024 photo decodes to 47 MiB; the screen shows it at most
    # IMAGE_MAX_HEIGHT high, so that is all it keeps (issue 18: memory).
    folder = tmp_path / "pictures" / "routines"
    folder.mkdir(parents=True)
    photo = QImage(4032, 3024, QImage.Format.Format_RGB32)
    photo.fill(QColor("#2f9e44"))
    assert photo.save(str(folder / "photo.jpg"), quality=60)
    write_picture(folder, "tilt.png", "#3a86c8")
    s = start(qtbot, tmp_path, "photo.jpg", "tilt.png")
    kept = s.view.running._picture
    assert kept.height() <= IMAGE_MAX_HEIGHT
    assert abs(kept.width() / kept.height() - 4032 / 3024) < 0.01
    shown = QColor(shown_colour(s))
    assert max(abs(shown.red() - 0x2F), abs(shown.green() - 0x9E), abs(shown.blue() - 0x44)) < 8


def scaled_like_the_label(s: Session, path: Path) -> QImage:
    height = s.view.running.image.pixmap().height()
    # Read as the panel reads it: decoded at most IMAGE_MAX_HEIGHT high, then fitted.
    expected = read_picture(path, IMAGE_MAX_HEIGHT).scaledToHeight(
        height, Qt.TransformationMode.SmoothTransformation
    )
    return expected.toImage()


def test_bundled_pictures_follow_the_exercise_into_the_next_session(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # The bundled knee-to-chest and piriformis figures: both 320x200.
    s = start(qtbot, tmp_path, "knee-to-chest.svg", "piriformis.svg")
    routine = s.view.plan.routine
    knee, piriformis = (image_path(routine, e.image) for e in routine.exercises[:2])
    assert knee is not None and piriformis is not None
    assert QPixmap(str(knee)).size() == QPixmap(str(piriformis)).size()
    assert s.view.running.image.pixmap().toImage() == scaled_like_the_label(s, knee)
    s.advance(5.0)  # get ready, hold: the piriformis stretch's get-ready
    assert s.view.running.exercise.text() == "Pelvic tilt"
    assert s.view.running.image.pixmap().toImage() == scaled_like_the_label(s, piriformis)
    # The next session begins with the other picture, not the one left on screen.
    s.view.load(
        session_routine(
            tmp_path / "again",
            TWO_PICTURES_YAML.format(first="piriformis.svg", second="knee-to-chest.svg"),
        )
    )
    QtBot.keyClick(s.view, Qt.Key.Key_Space)
    assert s.view.running.image.pixmap().toImage() == scaled_like_the_label(s, piriformis)
    s.advance(5.0)
    assert s.view.running.image.pixmap().toImage() == scaled_like_the_label(s, knee)


def test_the_last_exercises_get_ready_says_what_comes_not_what_is_on_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    s = start(qtbot, tmp_path, "knee-to-chest.svg", "piriformis.svg")
    s.advance(10.0)  # both holds done: the walk's get-ready
    assert (s.phase, s.view.running.exercise.text()) == ("Get ready", "Walking")
    assert s.view.running.next.text() == "Next: walk for 4 s"
    s.advance(2.0)
    assert s.phase == "Walk"
    assert s.view.running.next.text() == "Next: that's the last one"


def test_next_never_names_the_exercise_on_screen_in_any_bundled_routine() -> None:
    for routine in load_catalog().routines.values():
        plan = build_plan(routine)
        for step in plan.steps:
            following = plan.next_step(step.index)
            if following is not None and following.exercise_index == step.exercise_index:
                assert next_words(plan, step) != f"Next: {step.exercise.name}", (
                    routine.id,
                    step,
                )


# Holds on both sides with a switch, counted reps, a paced rep and a walk: every
# kind of line the screen shows, long and short, with a picture on two exercises.
EVERY_PHASE_YAML = """\
id: every-phase
title: Every phase
lead_in: 2 s
exercises:
  - name: Knee-to-chest stretch
    hold: 3 s
    sides: alternate
    reps: 2
    rest: 2 s
    image: knee-to-chest.svg
    instructions:
      - Lie flat on your back.
    cautions:
      - Ease into it.
  - name: Pelvic tilts
    reps: 2
    image: pelvic-tilt.svg
  - name: Bridging
    reps: 2
    tempo: 3 s
    rest: 2 s
  - name: Walking
    duration: 4 s
"""


def places(s: Session) -> dict[str, tuple[int, int]]:
    """Where each thing read from the mat is, in the window: (y, height)."""
    running = s.view.running
    shown = {
        "ring": running.ring,
        "phase": running.phase,
        "exercise": running.exercise,
        "reps": running.reps,
        "breathing": running.breathing,
        "next": running.next,
        "pause button": running.pause_button,
    }
    found = {
        name: (w.mapTo(s.view, w.rect().topLeft()).y(), w.height()) for name, w in shown.items()
    }
    found["digits"] = (running.ring.digits_pixel_height(), 0)
    return found


def settle(qtbot: QtBot) -> None:
    qtbot.wait(1)  # layout requests are posted events: let them run, as before a paint


def test_nothing_moves_when_the_phase_changes_or_the_session_pauses(
    qtbot: QtBot, tmp_path: Path, system_font
) -> None:
    system_font(9)
    s = open_session(qtbot, tmp_path)
    s.view.load(session_routine(tmp_path / "every", EVERY_PHASE_YAML))
    s.view.resize(1024, 600)
    QtBot.keyClick(s.view, Qt.Key.Key_Space)
    settle(qtbot)
    first = places(s)
    picture_at: dict[str, int] = {}
    kinds: set[str] = set()
    while s.view.shown is Screen.RUNNING:
        settle(qtbot)
        step = s.view.player.current_step
        kinds.add(step.kind.value)
        assert places(s) == first, (step.kind, s.phase)
        image = s.view.running.image
        if image.isVisible():
            y = image.mapTo(s.view, image.rect().topLeft()).y()
            assert picture_at.setdefault(step.exercise.name, y) == y, (step.kind, s.phase)
            # Whole, not cut by the bottom of the words' scroll area.
            viewport = image.parentWidget().parentWidget()
            bottom = image.mapTo(viewport, image.rect().bottomLeft()).y()
            assert bottom < viewport.height(), step.kind
        if step.kind.value == "hold":  # pause and resume: the same places
            QtBot.keyClick(s.view, Qt.Key.Key_Space)
            settle(qtbot)
            assert s.view.running.ring.caption == "Paused"
            assert places(s) == first
            QtBot.keyClick(s.view, Qt.Key.Key_Space)
            settle(qtbot)
            assert places(s) == first
        if step.kind.value == "counted_rep":
            QtBot.keyClick(s.view, Qt.Key.Key_Return)
        else:
            QtBot.keyClick(s.view, Qt.Key.Key_Right)
    assert kinds >= {"get_ready", "hold", "switch_sides", "rest", "counted_rep", "paced_rep"}
    assert set(picture_at) == {"Knee-to-chest stretch", "Pelvic tilts"}


def test_every_bundled_routine_shows_each_exercises_own_picture(
    qtbot: QtBot, tmp_path: Path
) -> None:
    s = open_session(qtbot, tmp_path)
    checked = 0
    for routine in load_catalog().routines.values():
        s.view.load(routine)
        QtBot.keyClick(s.view, Qt.Key.Key_Space)
        while s.view.shown is Screen.RUNNING:
            step = s.view.player.current_step
            path = image_path(routine, step.exercise.image)
            image = s.view.running.image
            if path is None:
                assert not image.isVisible(), (routine.id, step.exercise.name)
            else:
                assert image.pixmap().toImage() == scaled_like_the_label(s, path), (
                    routine.id,
                    step.exercise.name,
                )
                checked += 1
            key = Qt.Key.Key_Return if step.kind.value == "counted_rep" else Qt.Key.Key_Right
            QtBot.keyClick(s.view, key)
    assert checked > 50
