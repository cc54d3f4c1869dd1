"""A patient's own routine with reminder times, settings, a fake clock and a fake waker."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from timer_app.gui.reminders.waker import Waker
from timer_app.storage.settings import load_settings, save_settings

LONDON = ZoneInfo("Europe/London")
ROUTINE_ID = "morning-and-evening"
ROUTINE_TITLE = "Morning and evening stretches"


def write_routine(data_dir: Path, repo_root: Path) -> None:
    """The bundled knee-to-chest routine, as a patient's own with reminder times."""
    text = (repo_root / "routines" / "knee-to-chest.yaml").read_text(encoding="utf-8")
    text = text.replace("id: knee-to-chest", f"id: {ROUTINE_ID}", 1)
    text = text.replace("title: Knee-to-chest stretch", f"title: {ROUTINE_TITLE}", 1)
    text += '\nfrequency: 2x/day\nremind_at: ["08:00", "18:30"]\n'
    folder = data_dir / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{ROUTINE_ID}.yaml").write_text(text, encoding="utf-8")


def set_reminders(**values: Any) -> None:
    settings = load_settings()
    reminders = dict(settings.reminders or {})
    reminders.update(values)
    save_settings(replace(settings, reminders=reminders))


class FakeClock:
    """The wall clock (aware, London) and a monotonic clock that move together."""

    def __init__(self, start: datetime) -> None:
        self.wall = start
        self.mono = 1000.0

    def now(self) -> datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def advance_to(self, moment: datetime) -> None:
        self.mono += (moment - self.wall).total_seconds()
        self.wall = moment


class FakeWaker(Waker):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.armed: datetime | None = None

    def arm(self, at: datetime) -> None:
        self.armed = at

    def disarm(self) -> None:
        self.armed = None

    def fire(self) -> None:
        self.sig_wake.emit()
