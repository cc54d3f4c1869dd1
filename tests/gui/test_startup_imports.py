"""The window's first paint waits only for what it shows (bench/startup.py measures
it; goal <= 1.25x a bare PySide6 window, issue 18). Modules that pages, sessions
or quitting need are imported when first used; this keeps a stray top-level
import from quietly adding milliseconds before the window appears."""

import os
import subprocess
import sys
from pathlib import Path

LATER = (
    "timer_app.core.player",  # the session screen
    "timer_app.gui.session.view",
    "timer_app.gui.pages.history",
    "timer_app.gui.pages.safety",
    "timer_app.gui.session.unsaved_writes",  # quitting
    "timer_app.gui.audio.cues",  # sounds and speech
    "PySide6.QtMultimedia",
    "PySide6.QtNetwork",  # single instance: listens after the first paint
    "sqlite3",
    "yaml",
    "locale",  # argparse's gettext: `timer-app` alone builds no parser
)
# Qt classes the first paint does not use: PySide6 builds a class (and its enum
# classes: eight for QMessageBox) on first use, so a top-level import costs even
# when nothing is shown. QMessageBox is for the error hook only; QIcon (three
# enum classes, ~1.3 ms) for the window icon, set after the first paint (a menu
# action made as QAction(text, parent) built it too, through the QIcon overload);
# the events only for drops and closing.
LATER_QT_CLASSES = (
    ("PySide6.QtWidgets", "QMessageBox"),
    ("PySide6.QtGui", "QIcon"),
    ("PySide6.QtGui", "QCloseEvent"),
    ("PySide6.QtGui", "QDragEnterEvent"),
    ("PySide6.QtGui", "QDropEvent"),
)
# Built just after the first paint: the Routines page with its editor buttons
# and programme card were most of what the window cost to build.
AFTER_FIRST_PAINT = (
    "timer_app.gui.pages.routines",
    "timer_app.gui.pages.routine_editing",
    "timer_app.gui.programme.card",
)


def test_building_the_main_window_loads_nothing_it_does_not_show_first() -> None:
    code = (
        "import sys; import timer_app.gui.app; import timer_app.gui.window.main_window; "
        "import timer_app.gui.window.start; "
        f"print(sorted(m for m in {LATER + AFTER_FIRST_PAINT!r} if m in sys.modules)); "
        f"print(sorted(n for m, n in {LATER_QT_CLASSES!r} if n in vars(sys.modules[m])))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.split() == ["[]", "[]"]


# As `timer-app` runs: what is loaded when the event loop starts (the window is
# shown then), and what the window shows once it has been painted.
RUN = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

later = {later!r}
later_classes = {later_classes!r}
_exec = QApplication.exec

def watched(self=None):
    print("before the loop:", sorted(m for m in later if m in sys.modules), flush=True)
    print("classes before the loop:",
          sorted(n for m, n in later_classes if n in vars(sys.modules[m])), flush=True)
    window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "page_shown"))
    print("page shown:", window.page_shown(), flush=True)

    def look():
        if window.page_shown() and window.routines_page.routines():
            print("then:", window.current_page(), window.nav.currentRow(),
                  window.routines_page.list.count() > 0, flush=True)
            os._exit(0)

    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(10)
    QTimer.singleShot(20000, lambda: os._exit(3))
    return _exec()

QApplication.exec = watched
from timer_app.cli import main
main([])
"""


def test_the_routines_page_is_built_after_the_first_paint_and_then_shown(
    tmp_path: Path,
) -> None:
    (tmp_path / "settings.json").write_text('{"first_run_safety_seen": true}')
    code = RUN.format(later=LATER + AFTER_FIRST_PAINT, later_classes=LATER_QT_CLASSES)
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TIMER_APP_DATA_DIR": str(tmp_path)},
    )
    assert out.stdout.splitlines() == [
        "before the loop: []",
        "classes before the loop: []",
        "page shown: False",
        "then: routines 0 True",
    ], out.stderr[-2000:]
