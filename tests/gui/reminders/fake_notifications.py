"""A private session bus and a strict fake notification server on it.

`private_bus()` starts `dbus-daemon --session` (skipping the test only when the
program is missing) and gives its address. `FakeNotificationServer` owns
org.freedesktop.Notifications there, as a desktop's would: it answers
GetCapabilities, GetServerInformation, Notify (only with the exact signature
`susssasa{sv}i`: a wrong integer type is refused, as GNOME and KDE refuse it),
CloseNotification and Properties.Get("Inhibited"), keeps what is on screen (a
replaces_id replaces), and emits ActionInvoked as a click on a button does.
"""

from __future__ import annotations

import queue
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from jeepney import HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import DBusAddress

PATH = "/org/freedesktop/Notifications"
NAME = "org.freedesktop.Notifications"


@contextmanager
def private_bus(listen: str | None = None) -> Iterator[str]:
    """`listen`: the address to serve (a second daemon on the same socket is the
    bus restarted); by default one dbus-daemon chooses."""
    program = shutil.which("dbus-daemon")
    if program is None:
        pytest.skip("dbus-daemon is not installed (Debian/Ubuntu: apt install dbus)")
    where = [] if listen is None else [f"--address={listen}"]
    daemon = subprocess.Popen(
        [program, "--session", "--nofork", "--print-address=1", *where],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address, "dbus-daemon printed no address"
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=5)


@dataclass
class Notification:
    id: int
    app_name: str
    replaces_id: int
    icon: str
    title: str
    body: str
    actions: list[str]
    hints: dict[str, Any]
    timeout: int


@dataclass
class FakeNotificationServer:
    address: str
    capabilities: tuple[str, ...] = ("actions", "body")
    inhibited: bool = False
    received: list[Notification] = field(default_factory=list)  # every Notify call
    on_screen: dict[int, Notification] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)  # signatures refused
    closed: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._outbox: queue.Queue[Any] = queue.Queue()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._next_id = 1
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def start(self) -> FakeNotificationServer:
        self._thread.start()
        assert self._ready.wait(5), "the fake notification server did not start"
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def invoke(self, notification_id: int, action: str) -> None:
        """A click on the notification's button `action`."""
        address = DBusAddress(PATH, interface=NAME)
        self._outbox.put(new_signal(address, "ActionInvoked", "us", (notification_id, action)))

    def _serve(self) -> None:
        connection = open_dbus_connection(bus=self.address)
        try:
            connection.send_and_get_reply(message_bus.RequestName(NAME), timeout=5)
            self._ready.set()
            while not self._stop.is_set():
                while not self._outbox.empty():
                    connection.send(self._outbox.get())
                try:
                    message = connection.receive(timeout=0.02)
                except TimeoutError:
                    continue
                if message.header.message_type is MessageType.method_call:
                    connection.send(self._answer(message))
        finally:
            connection.close()

    def _answer(self, message: Any) -> Any:
        fields = message.header.fields
        member = fields.get(HeaderFields.member)
        signature = fields.get(HeaderFields.signature, "")
        if member == "GetCapabilities":
            return new_method_return(message, "as", (list(self.capabilities),))
        if member == "GetServerInformation":
            return new_method_return(message, "ssss", ("fake", "tests", "1", "1.2"))
        if member == "Get" and message.body == (NAME, "Inhibited"):
            return new_method_return(message, "v", (("b", self.inhibited),))
        if member == "Notify":
            if signature != "susssasa{sv}i":
                self.refused.append(signature)
                return new_error(
                    message,
                    "org.freedesktop.DBus.Error.UnknownMethod",
                    "s",
                    (f"No such method Notify with signature {signature}",),
                )
            return new_method_return(message, "u", (self._notify(message.body),))
        if member == "CloseNotification" and signature == "u":
            (notification_id,) = message.body
            self.closed.append(notification_id)
            self.on_screen.pop(notification_id, None)
            return new_method_return(message)
        return new_error(message, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member,))

    def _notify(self, body: tuple[Any, ...]) -> int:
        app, replaces, icon, title, text, actions, hints, timeout = body
        if replaces and replaces in self.on_screen:
            notification_id = replaces
        else:
            notification_id = self._next_id
            self._next_id += 1
        shown = Notification(
            notification_id, app, replaces, icon, title, text, list(actions), dict(hints), timeout
        )
        self.received.append(shown)
        self.on_screen[notification_id] = shown
        return notification_id


@contextmanager
def notification_server(**options: Any) -> Iterator[FakeNotificationServer]:
    with private_bus() as address:
        server = FakeNotificationServer(address, **options).start()
        try:
            yield server
        finally:
            server.stop()
