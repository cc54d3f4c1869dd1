"""The waker fires at a wall-clock moment (timerfd on Linux, a QTimer elsewhere), and
the zone watcher sees /etc/localtime point to another zone."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from timer_app.gui.reminders.waker import TimerfdWaker, TimerWaker, Waker, ZoneWatcher


def _wakers() -> list[type[Waker]]:
    return [TimerfdWaker, TimerWaker] if sys.platform.startswith("linux") else [TimerWaker]


@pytest.mark.parametrize("kind", _wakers(), ids=lambda k: k.__name__)
def test_fires_once_at_the_moment_and_not_when_disarmed(qtbot: QtBot, kind: type[Waker]) -> None:
    waker = TimerfdWaker.create() if kind is TimerfdWaker else TimerWaker()
    assert waker is not None
    fired: list[datetime] = []
    waker.sig_wake.connect(lambda: fired.append(datetime.now(UTC)))
    moment = datetime.now(UTC) + timedelta(milliseconds=150)
    waker.arm(moment)
    qtbot.waitUntil(lambda: len(fired) == 1, timeout=3000)
    assert fired[0] >= moment - timedelta(milliseconds=5)
    waker.arm(datetime.now(UTC) + timedelta(milliseconds=100))
    waker.disarm()
    with qtbot.assertNotEmitted(waker.sig_wake, wait=300):
        pass


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="timerfd is Linux's")
def test_a_moment_already_past_fires_at_once(qtbot: QtBot) -> None:
    waker = TimerfdWaker.create()
    assert waker is not None
    with qtbot.waitSignal(waker.sig_wake, timeout=1000):
        waker.arm(datetime.now(UTC) - timedelta(hours=3))  # slept through it
    waker.close()


def test_the_zone_watcher_sees_the_link_point_elsewhere(qtbot: QtBot, tmp_path: Path) -> None:
    zoneinfo = Path("/usr/share/zoneinfo")
    if not (zoneinfo / "Europe" / "London").exists():
        pytest.skip("no system zoneinfo")
    link = tmp_path / "etc" / "localtime"
    link.parent.mkdir()
    link.symlink_to(zoneinfo / "Europe" / "London")
    watcher = ZoneWatcher(link)
    (link.parent / "unrelated").write_text("x")
    with qtbot.assertNotEmitted(watcher.sig_changed, wait=300):
        pass
    with qtbot.waitSignal(watcher.sig_changed, timeout=3000):
        replacement = link.parent / "localtime.new"
        replacement.symlink_to(zoneinfo / "America" / "New_York")
        replacement.replace(link)  # as timedatectl set-timezone does
