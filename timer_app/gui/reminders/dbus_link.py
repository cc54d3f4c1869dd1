"""One D-Bus connection with typed arguments, woken by Qt's event loop.

Why not QtDBus: PySide6 6.12 has no way to say "this int is a uint32". A Python
int passed to `QDBusMessage.setArguments` goes out as int32/int64, and
`QDBusArgument << int` picks an overload that writes a uint16 ('q', and a str
becomes a byte 'y'); the freedesktop `Notify` wants `susssasa{sv}i` exactly
and strict servers reject anything else. The one typed route, invoking the
method that introspection put on a `QDBusInterface`, fails too: GNOME's
introspection has no Qt annotation for `a{sv}`, so Qt leaves `Notify` off the
meta-object (and introspection blocks for up to 25 s). jeepney (pure Python)
writes each argument from an explicit signature.

Calls block for at most `CALL_TIMEOUT_S` ("Nothing slow or chatty on the UI
thread"); signals arrive through a `QSocketNotifier` on the connection's socket,
so waiting for them costs nothing.

A bus that went away (its daemon restarted, the desktop's session bus replaced)
is connected to again once, at the next call that finds the connection gone:
the signals subscribed to are asked for again and `sig_reconnected` tells the
users that what the old bus's services said (ids, capabilities) is void.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from typing import Any

from jeepney import DBusAddress, HeaderFields, MatchRule, Message, MessageType, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)

CALL_TIMEOUT_S = 1.0
SignalHandler = Callable[[Message], None]


class DBusCallError(Exception):
    """A call the other side refused or did not answer (name and message in words)."""


def open_connection(bus: str = "SESSION") -> DBusConnection | None:
    """A connection without Qt (usable before the application object exists)."""
    try:
        return open_dbus_connection(bus=bus, auth_timeout=CALL_TIMEOUT_S)
    except (OSError, KeyError, ValueError, TimeoutError) as error:
        log.info("no D-Bus bus %s: %s", bus, error)
    except Exception as error:  # jeepney's own authentication failures
        log.info("D-Bus connection refused: %s", error)
    return None


class _Gone(Exception):
    """The connection is closed or broke during the call."""


class DBusLink(QObject):
    """`call` sends and waits for the reply; `subscribe` hands matching signals to a
    handler as they arrive. `bus` is "SESSION", "SYSTEM" or an address (tests: a
    private bus): where to connect again when the connection is lost."""

    sig_reconnected = Signal()

    def __init__(
        self, connection: DBusConnection, parent: QObject | None = None, *, bus: str = "SESSION"
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._ended = False  # closed by its owner
        self._connection: DBusConnection | None = connection
        self._signals: deque[Message] = deque()
        self._handlers: list[tuple[MatchRule, SignalHandler]] = []
        self._notifier = self._watch(connection)

    def _watch(self, connection: DBusConnection) -> QSocketNotifier:
        notifier = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._on_readable)
        return notifier

    @classmethod
    def open(cls, bus: str = "SESSION", parent: QObject | None = None) -> DBusLink | None:
        """The connection, or None (logged) where there is no such bus."""
        connection = open_connection(bus)
        return None if connection is None else cls(connection, parent, bus=bus)

    @property
    def connected(self) -> bool:
        return self._connection is not None

    def close(self) -> None:
        """Closed for good: no call connects again."""
        self._ended = True
        self._drop()

    def _drop(self) -> None:
        self._notifier.setEnabled(False)
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def call(
        self,
        address: DBusAddress,
        method: str,
        signature: str | None = None,
        body: tuple[Any, ...] = (),
    ) -> tuple[Any, ...]:
        """The reply's body; raises `DBusCallError` for an error reply, no answer in
        time or a lost connection (after connecting again once, in vain)."""
        try:
            return self._call_once(address, method, signature, body)
        except _Gone as gone:
            if not self._reconnect():
                raise DBusCallError(f"{method}: {gone}") from None
        try:
            return self._call_once(address, method, signature, body)
        except _Gone as gone:
            raise DBusCallError(f"{method}: {gone}") from None

    def _call_once(
        self, address: DBusAddress, method: str, signature: str | None, body: tuple[Any, ...]
    ) -> tuple[Any, ...]:
        connection = self._connection
        if self._ended:
            raise DBusCallError(f"{method}: the D-Bus connection was closed")
        if connection is None:
            raise _Gone("not connected to D-Bus")
        message = new_method_call(address, method, signature, body)
        try:
            # Signals that arrive while waiting are kept for their handlers: the
            # filter catches them, and the parser keeps any bytes read past the reply.
            with connection.filter(MatchRule(type="signal"), queue=self._signals):
                reply = connection.send_and_get_reply(message, timeout=CALL_TIMEOUT_S)
        except TimeoutError:
            raise DBusCallError(f"{method}: no answer within {CALL_TIMEOUT_S:g} s") from None
        except OSError as error:
            self._lost(error)
            raise _Gone(str(error)) from None
        if reply.header.message_type is MessageType.error:
            name = reply.header.fields.get(HeaderFields.error_name, "error")
            text = reply.body[0] if reply.body and isinstance(reply.body[0], str) else ""
            raise DBusCallError(f"{method}: {name} {text}".strip())
        self._dispatch_pending()
        return tuple(reply.body)

    def get_property(self, address: DBusAddress, interface: str, name: str) -> Any:
        properties = DBusAddress(
            address.object_path, address.bus_name, "org.freedesktop.DBus.Properties"
        )
        body = self.call(properties, "Get", "ss", (interface, name))
        return body[0][1]  # a variant: (signature, value)

    def name_has_owner(self, name: str) -> bool:
        try:
            reply = self.call(message_bus, "NameHasOwner", "s", (name,))
        except DBusCallError:
            return False
        return bool(reply[0])

    def subscribe(self, rule: MatchRule, handler: SignalHandler) -> bool:
        """Ask the bus for these signals and hand each to `handler`."""
        try:
            self.call(message_bus, "AddMatch", "s", (rule.serialise(),))
        except DBusCallError as error:
            log.info("signal subscription refused: %s", error)
            return False
        self._handlers.append((rule, handler))
        return True

    def _on_readable(self) -> None:
        connection = self._connection
        if connection is None:
            return
        try:
            # receive(timeout=0) returns what is parsed or readable now, never waits.
            while True:
                message = connection.receive(timeout=0)
                if message.header.message_type is MessageType.signal:
                    self._signals.append(message)
        except TimeoutError:
            pass
        except OSError as error:  # the bus went away (logout, a killed daemon)
            self._lost(error)
        self._dispatch_pending()

    def _dispatch_pending(self) -> None:
        while self._signals:
            message = self._signals.popleft()
            for rule, handler in list(self._handlers):
                if rule.matches(message):
                    try:
                        handler(message)
                    except Exception:  # a handler's bug must not stop the others
                        log.warning("D-Bus signal handler failed", exc_info=True)

    def _lost(self, error: Exception) -> None:
        log.info("D-Bus connection lost: %s", error)
        self._drop()

    def _reconnect(self) -> bool:
        """Connect to the bus again and ask for the same signals; False when it is
        not there (the next call tries again)."""
        self._drop()
        connection = open_connection(self._bus)
        if connection is None:
            return False
        try:
            for rule, _handler in self._handlers:
                add_match = new_method_call(message_bus, "AddMatch", "s", (rule.serialise(),))
                connection.send_and_get_reply(add_match, timeout=CALL_TIMEOUT_S)
        except (OSError, TimeoutError) as error:
            log.info("D-Bus reconnected but signals not subscribed: %s", error)
            connection.close()
            return False
        self._notifier.deleteLater()
        self._connection = connection
        self._notifier = self._watch(connection)
        log.info("D-Bus connection made again")
        self.sig_reconnected.emit()
        return True
