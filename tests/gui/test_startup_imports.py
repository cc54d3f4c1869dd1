"""The window's first paint waits only for what it shows (bench/startup.py measures
it; goal <= 1.5x a bare PySide6 window). Modules that pages, sessions or quitting
need are imported when first used; this keeps a stray top-level import from
quietly adding milliseconds before the window appears."""

import subprocess
import sys

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
)


def test_building_the_main_window_loads_nothing_it_does_not_show_first() -> None:
    code = (
        "import sys; import timer_app.gui.app; import timer_app.gui.window.main_window; "
        "import timer_app.gui.window.start; "
        f"print(sorted(m for m in {LATER!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"
