"""How long the person has been away from the keyboard, where the desktop says it.

Tried in order, the first that answers is kept:
- GNOME (X11 and Wayland): org.gnome.Mutter.IdleMonitor `GetIdletime` -> t, milliseconds.
- X11 (not under Wayland, where XWayland sees only X clients' input): the
  MIT-SCREEN-SAVER extension (`x11.idle_ms`).
- Others (KDE Plasma, Xfce): org.freedesktop.ScreenSaver `GetSessionIdleTime` -> u.
  The idle-inhibit spec does not say its unit; KDE answers milliseconds (KIdleTime),
  so milliseconds it is here. Not checked on a real KDE desktop: see docs/reminders.md.

Where none answers (`idle_source_name()` is None) the Settings page says so and
standing breaks count from the end of the last session (`BreakClock.restart`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from jeepney import DBusAddress

from timer_app.gui.reminders import x11
from timer_app.gui.reminders.dbus_link import DBusCallError, DBusLink

log = logging.getLogger(__name__)

MUTTER = DBusAddress(
    "/org/gnome/Mutter/IdleMonitor/Core",
    bus_name="org.gnome.Mutter.IdleMonitor",
    interface="org.gnome.Mutter.IdleMonitor",
)
SCREENSAVER = DBusAddress(
    "/org/freedesktop/ScreenSaver",
    bus_name="org.freedesktop.ScreenSaver",
    interface="org.freedesktop.ScreenSaver",
)


@dataclass(frozen=True)
class IdleSource:
    name: str  # for the Settings line and the log
    idle_ms: Callable[[], int | None]

    def idle_seconds(self) -> float | None:
        """Seconds idle now, or None when the desktop did not answer this time."""
        value = self.idle_ms()
        return None if value is None else value / 1000.0


def _dbus_idle(link: DBusLink, address: DBusAddress, method: str) -> Callable[[], int | None]:
    def ask() -> int | None:
        try:
            (value,) = link.call(address, method)
        except (DBusCallError, ValueError) as error:
            log.info("idle time not read from %s: %s", address.bus_name, error)
            return None
        return int(value)

    return ask


def find_idle_source(link: DBusLink | None) -> IdleSource | None:
    """The first source that answers now, or None."""
    candidates: list[IdleSource] = []
    if link is not None and link.connected:
        candidates.append(
            IdleSource("GNOME (Mutter idle monitor)", _dbus_idle(link, MUTTER, "GetIdletime"))
        )
    if not x11.wayland_session():
        candidates.append(IdleSource("X11 screen saver extension", x11.idle_ms))
    if link is not None and link.connected:
        candidates.append(
            IdleSource(
                "freedesktop screen saver",
                _dbus_idle(link, SCREENSAVER, "GetSessionIdleTime"),
            )
        )
    for source in candidates:
        if source.idle_ms() is not None:
            log.info("idle time from %s", source.name)
            return source
    return None


def idle_source_name() -> str | None:
    """What tells idle time on this desktop, for the Settings page; None: nothing does."""
    link = DBusLink.open()
    try:
        source = find_idle_source(link)
        return None if source is None else source.name
    finally:
        if link is not None:
            link.close()
