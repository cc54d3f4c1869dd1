"""A desktop service on a private bus that answers some methods with typed replies
(GNOME's idle monitor, the freedesktop screen saver...), for the idle tests."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

# method name -> (reply signature, a function giving the reply's body)
Answers = dict[str, tuple[str, Callable[[], tuple[Any, ...]]]]


@contextmanager
def bus_service(address: str, name: str, answers: Answers) -> Iterator[None]:
    ready, stop = threading.Event(), threading.Event()

    def serve() -> None:
        connection = open_dbus_connection(bus=address)
        try:
            connection.send_and_get_reply(message_bus.RequestName(name), timeout=5)
            ready.set()
            while not stop.is_set():
                try:
                    message = connection.receive(timeout=0.02)
                except TimeoutError:
                    continue
                if message.header.message_type is not MessageType.method_call:
                    continue
                member = message.header.fields.get(HeaderFields.member)
                if member in answers:
                    signature, body = answers[member]
                    connection.send(new_method_return(message, signature, body()))
                else:
                    error = "org.freedesktop.DBus.Error.UnknownMethod"
                    connection.send(new_error(message, error, "s", (str(member),)))
        finally:
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert ready.wait(5), f"{name} did not start"
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)
