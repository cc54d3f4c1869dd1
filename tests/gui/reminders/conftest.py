"""The reminder tests never ask the developer's own X server (a full-screen window
there would hold every reminder): X11 looks absent unless a test starts its own
virtual screen (test_idle.py)."""

from __future__ import annotations

import pytest

from timer_app.gui.reminders import x11


@pytest.fixture(autouse=True)
def no_real_x_server(monkeypatch: pytest.MonkeyPatch) -> None:
    absent = x11._X()
    absent.tried = True  # looked once, found nothing
    monkeypatch.setattr(x11, "_x", absent)
