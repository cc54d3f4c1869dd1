"""A reminder on the desktop: one notification at a time, with Start and In 15 minutes.

On Linux (and other freedesktop desktops) through org.freedesktop.Notifications
with actions; where that service is missing or offers no actions, through a tray
icon's balloon (`QSystemTrayIcon.showMessage`, in a child process: `tray.py`),
which is also the way on Windows and macOS. A new reminder replaces the one
shown (`replaces_id`, or the tray child ended), never piles up under it.

Before showing, `quiet_reason()` asks whether the person said "not now": the
notification server's `Inhibited` property (do not disturb), GNOME's inhibited
actions (a full-screen video or a presentation inhibits idle) and, on X11, a
full-screen active window. Each is asked only where the desktop offers it.

Spec: https://specifications.freedesktop.org/notification-spec/latest/protocol.html
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jeepney import DBusAddress, MatchRule, Message
from PySide6.QtCore import QCoreApplication, QObject, Signal

from timer_app import APP_DISPLAY_NAME, APP_ID
from timer_app.gui.reminders.dbus_link import DBusCallError, DBusLink

if TYPE_CHECKING:
    from timer_app.gui.reminders.tray import TrayReminder

log = logging.getLogger(__name__)

NOTIFICATIONS = DBusAddress(
    "/org/freedesktop/Notifications",
    bus_name="org.freedesktop.Notifications",
    interface="org.freedesktop.Notifications",
)
GNOME_SESSION = DBusAddress(
    "/org/gnome/SessionManager",
    bus_name="org.gnome.SessionManager",
    interface="org.gnome.SessionManager",
)
# GsmInhibitorFlag: 8 is "idle", what a full-screen video or a presentation asks for.
GNOME_INHIBIT_IDLE = 8
START = "start"
SNOOZE = "snooze"
NOTIFY_SIGNATURE = "susssasa{sv}i"
SERVER_DEFAULT_TIMEOUT = -1


@dataclass(frozen=True)
class Shown:
    """What a notification said, as the person saw it."""

    title: str
    body: str
    actions: tuple[str, ...]  # action keys, in order


def action_labels(keys: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each action key with its button's words, in the order given."""
    words = {
        START: QCoreApplication.translate("Reminders", "Start"),
        SNOOZE: QCoreApplication.translate("Reminders", "In 15 minutes"),
    }
    return [(key, words[key]) for key in keys if key in words]


class Notifier(QObject):
    """`show()` one reminder; `sig_action` says which button was pressed ("start",
    "snooze"); `sig_dismissed` when the person closed it without an answer."""

    sig_action = Signal(str)
    sig_dismissed = Signal()

    def __init__(
        self,
        link: DBusLink | None,
        tray: TrayReminder | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._link = link
        self._tray = tray
        self._shown_id = 0  # the server's id of our notification, 0: none
        self._desktop_actions: bool | None = None  # asked once, at the first show
        if link is not None:
            link.sig_reconnected.connect(self._on_reconnected)
            link.subscribe(
                MatchRule(type="signal", interface=NOTIFICATIONS.interface, member="ActionInvoked"),
                self._on_action_invoked,
            )
            link.subscribe(
                MatchRule(
                    type="signal", interface=NOTIFICATIONS.interface, member="NotificationClosed"
                ),
                self._on_closed,
            )
        if tray is not None:
            tray.sig_action.connect(self.sig_action.emit)

    @property
    def uses_desktop_notifications(self) -> bool:
        return self._desktop_has_actions()

    def show(
        self, title: str, body: str, *, actions: tuple[str, ...] = (START, SNOOZE)
    ) -> Shown | None:
        """Show it (replacing ours, if one is up); None when nothing could show it."""
        labels = action_labels(actions)
        keys = tuple(key for key, _ in labels)
        if self._desktop_has_actions() and self._notify(title, body, labels):
            return Shown(title, body, keys)
        if self._tray is not None and self._tray.show(title, body, keys):
            # A click on the balloon or the icon is Start; the icon's menu has both.
            return Shown(title, body, keys)
        log.info("reminder not shown: no notification service and no tray")
        return None

    def close(self) -> None:
        """Take our notification away (a session started, the reminder answered)."""
        if self._tray is not None:
            self._tray.close()
        shown, self._shown_id = self._shown_id, 0
        if shown and self._link is not None:
            try:
                self._link.call(NOTIFICATIONS, "CloseNotification", "u", (shown,))
            except DBusCallError as error:
                log.info("notification not closed: %s", error)

    def quiet_reason(self) -> str | None:
        """Why a reminder must wait now (for the log), or None."""
        if self._link is not None:
            if self._server_inhibited():
                return "the notification server is inhibited (do not disturb)"
            if self._gnome_idle_inhibited():
                return "GNOME says an application inhibits idle (full-screen video, presentation)"
        from timer_app.gui.reminders import x11

        if x11.active_window_is_fullscreen():
            return "the active window is full screen"
        return None

    # -- freedesktop -------------------------------------------------------------
    def _desktop_has_actions(self) -> bool:
        # A lost connection is not checked here: the call connects again (dbus_link).
        if self._link is None:
            return False
        if self._desktop_actions is None:
            try:
                (capabilities,) = self._link.call(NOTIFICATIONS, "GetCapabilities")
            except DBusCallError as error:
                log.info("no notification service: %s", error)
                return False  # asked again next time: a desktop may start late
            self._desktop_actions = "actions" in capabilities
            if not self._desktop_actions:
                log.info("the notification service offers no buttons: using the tray")
        return self._desktop_actions

    def _notify(self, title: str, body: str, actions: list[tuple[str, str]]) -> bool:
        assert self._link is not None
        flat = [part for pair in actions for part in pair]
        hints = {"desktop-entry": ("s", APP_ID), "urgency": ("y", 1)}
        arguments = (
            APP_DISPLAY_NAME,
            self._shown_id,  # uint32: ours is replaced, never a second one added
            _icon(),
            title,
            body,
            flat,
            hints,
            SERVER_DEFAULT_TIMEOUT,
        )
        try:
            (notification_id,) = self._link.call(
                NOTIFICATIONS, "Notify", NOTIFY_SIGNATURE, arguments
            )
        except DBusCallError as error:
            log.info("notification not shown: %s", error)
            self._desktop_actions = None
            return False
        self._shown_id = int(notification_id)
        return True

    def _on_reconnected(self) -> None:
        """A new bus: our notification and the server's capabilities died with the old one."""
        self._shown_id = 0
        self._desktop_actions = None

    def _on_action_invoked(self, message: Message) -> None:
        notification_id, key = message.body
        if notification_id != self._shown_id or not self._shown_id:
            return  # another application's notification
        self.sig_action.emit(str(key))

    def _on_closed(self, message: Message) -> None:
        notification_id = message.body[0]
        if notification_id == self._shown_id and self._shown_id:
            self._shown_id = 0
            reason = message.body[1] if len(message.body) > 1 else 0
            if reason == 2:  # 2: dismissed by the person (1 expired, 3 closed by us)
                self.sig_dismissed.emit()

    def _server_inhibited(self) -> bool:
        assert self._link is not None
        try:
            return bool(
                self._link.get_property(NOTIFICATIONS, NOTIFICATIONS.interface, "Inhibited")
            )
        except DBusCallError:
            return False  # a server without the property never says do-not-disturb

    def _gnome_idle_inhibited(self) -> bool:
        assert self._link is not None
        if not self._link.name_has_owner(GNOME_SESSION.bus_name):
            return False
        try:
            flags = self._link.get_property(
                GNOME_SESSION, GNOME_SESSION.interface, "InhibitedActions"
            )
        except DBusCallError:
            return False
        return bool(int(flags) & GNOME_INHIBIT_IDLE)


def _icon() -> str:
    """The app's icon as a file URI (found before any icon theme knows the name)."""
    from timer_app.storage.resources import asset_path

    path = asset_path("icons", f"{APP_ID}.svg")
    if path.is_file():
        return path.absolute().as_uri()
    return APP_ID
