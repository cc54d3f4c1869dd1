"""The notifier against a strict fake notification server on a private session bus."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.reminders.fake_notifications import notification_server
from timer_app.gui.reminders.dbus_link import DBusLink
from timer_app.gui.reminders.notifier import Notifier

TITLE = "Time for your knee-to-chest session"
BODY = "about 4 min"


def test_one_notification_with_start_and_snooze_and_replacing_never_piles(qtbot: QtBot) -> None:
    with notification_server() as server:
        link = DBusLink.open(server.address)
        assert link is not None
        notifier = Notifier(link)
        assert notifier.show(TITLE, BODY) is not None
        assert notifier.show(TITLE, "about 4 min (again)") is not None

        assert server.refused == []  # the exact signature: uint32 replaces_id, int32 timeout
        assert len(server.on_screen) == 1
        first, second = server.received
        assert (first.title, first.body) == (TITLE, BODY)
        assert first.actions == ["start", "Start", "snooze", "In 15 minutes"]
        assert first.replaces_id == 0 and second.replaces_id == first.id
        assert first.hints["desktop-entry"] == ("s", "org.hometimer.TimerApp")
        link.close()


def test_a_click_on_start_is_reported_once(qtbot: QtBot) -> None:
    with notification_server() as server:
        link = DBusLink.open(server.address)
        assert link is not None
        notifier = Notifier(link)
        notifier.show(TITLE, BODY)
        (shown,) = server.on_screen.values()
        pressed: list[str] = []
        notifier.sig_action.connect(pressed.append)
        server.invoke(shown.id + 100, "start")  # another application's notification
        server.invoke(shown.id, "start")
        qtbot.waitUntil(lambda: pressed == ["start"])
        link.close()


def test_after_a_snooze_the_notification_offers_start_only(qtbot: QtBot) -> None:
    with notification_server() as server:
        link = DBusLink.open(server.address)
        assert link is not None
        Notifier(link).show(TITLE, BODY, actions=("start",))
        (shown,) = server.received
        assert shown.actions == ["start", "Start"]
        link.close()


@pytest.mark.parametrize("capabilities", [("body",), ()])
def test_a_server_without_buttons_is_not_used(qtbot: QtBot, capabilities: tuple[str, ...]) -> None:
    with notification_server(capabilities=capabilities) as server:
        link = DBusLink.open(server.address)
        assert link is not None
        assert Notifier(link).show(TITLE, BODY) is None  # no tray here either
        assert server.received == []
        link.close()


def test_do_not_disturb_is_respected(qtbot: QtBot) -> None:
    with notification_server(inhibited=True) as server:
        link = DBusLink.open(server.address)
        assert link is not None
        assert Notifier(link).quiet_reason() is not None
        server.inhibited = False
        assert Notifier(link).quiet_reason() is None
        link.close()


def test_the_fake_server_refuses_notify_with_a_wrong_integer_type(qtbot: QtBot) -> None:
    """What QtDBus sends from Python (replaces_id as int32): the server says no,
    so the tests above would fail if the notifier sent it."""
    from timer_app.gui.reminders.dbus_link import DBusCallError
    from timer_app.gui.reminders.notifier import NOTIFICATIONS

    with notification_server() as server:
        link = DBusLink.open(server.address)
        assert link is not None
        arguments = ("app", 0, "", TITLE, BODY, [], {}, -1)
        with pytest.raises(DBusCallError, match="UnknownMethod"):
            link.call(NOTIFICATIONS, "Notify", "sisssasa{sv}i", arguments)
        assert server.refused == ["sisssasa{sv}i"] and server.received == []
        link.close()
