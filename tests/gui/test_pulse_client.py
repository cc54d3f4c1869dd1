"""The few PulseAudio commands the app speaks (issue 18): the wire format
against PulseAudio's own, and a real private server that lets us in, keeps
tones and plays them."""

from __future__ import annotations

import select
import socket
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from timer_app.gui.audio import pulse_client
from timer_app.gui.audio.pulse_client import PulseConnection, PulseError
from timer_app.storage.resources import asset_path

from .private_pulse import PrivatePulse


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivatePulse]:
    pulse = PrivatePulse(tmp_path_factory.mktemp("pulse"))
    yield pulse
    pulse.stop()


def chime() -> tuple[bytes, int, int]:
    with wave.open(str(asset_path("sounds", "chime.wav")), "rb") as source:
        return source.readframes(source.getnframes()), source.getframerate(), source.getnchannels()


def test_values_are_written_as_pulseaudio_writes_them() -> None:
    # tagstruct.c: a type letter, then big-endian numbers, NUL-ended strings.
    assert pulse_client.u32(18) == b"L\x00\x00\x00\x12"
    assert pulse_client.string("tick") == b"ttick\x00"
    assert pulse_client.string(None) == b"N"
    assert pulse_client.sample_spec(44100, 1) == b"a\x03\x01\x00\x00\xac\x44"
    assert pulse_client.channel_map(2) == b"m\x02\x01\x02"
    assert pulse_client.proplist({"a": "b"}) == (
        b"P" + b"ta\x00" + b"L\x00\x00\x00\x02" + b"x\x00\x00\x00\x02b\x00" + b"N"
    )
    # A command's packet: length, the control channel, no offset, no flags.
    assert pulse_client.packet(b"xyz") == (b"\x00\x00\x00\x03\xff\xff\xff\xff" + bytes(12) + b"xyz")


def test_volume_is_on_the_servers_cubic_scale() -> None:
    assert pulse_client.volume(1.0) == 0x10000
    assert pulse_client.volume(0.9) == 63274  # as paplay --volume was given
    assert pulse_client.volume(0.0) == 0


@pytest.mark.parametrize(
    ("entry", "path"),
    [
        ("unix:/run/user/1000/pulse/native", "/run/user/1000/pulse/native"),
        ("/tmp/pulse.sock", "/tmp/pulse.sock"),
        ("{abc}unix:/x/native", "/x/native"),
        ("tcp:studio.local", None),
        ("studio.local", None),
    ],
)
def test_a_pulse_server_entry_names_its_local_socket(entry: str, path: str | None) -> None:
    assert pulse_client.unix_path(entry) == path


def test_the_socket_is_found_where_libpulse_looks(tmp_path: Path) -> None:
    assert pulse_client.socket_path({"XDG_RUNTIME_DIR": str(tmp_path)}) is None
    (tmp_path / "pulse").mkdir()
    (tmp_path / "pulse" / "native").touch()
    found = str(tmp_path / "pulse" / "native")
    assert pulse_client.socket_path({"XDG_RUNTIME_DIR": str(tmp_path)}) == found
    named = {"XDG_RUNTIME_DIR": "/none", "PULSE_SERVER": f"tcp:far unix:{found}"}
    assert pulse_client.socket_path(named) == found
    assert pulse_client.socket_path({"PULSE_SERVER": "tcp:far"}) is None


def test_the_cookie_is_read_from_the_users_config_or_is_zeros(tmp_path: Path) -> None:
    assert pulse_client.cookie({"HOME": str(tmp_path)}) == bytes(256)
    (tmp_path / ".config" / "pulse").mkdir(parents=True)
    (tmp_path / ".config" / "pulse" / "cookie").write_bytes(b"\x07" * 256)
    assert pulse_client.cookie({"HOME": str(tmp_path)}) == b"\x07" * 256
    (tmp_path / "short").write_bytes(b"\x01" * 10)  # not a cookie: not sent
    assert pulse_client.cookie(
        {"HOME": str(tmp_path), "PULSE_COOKIE": str(tmp_path / "short")}
    ) == (b"\x07" * 256)


def test_nobody_listening_is_a_plain_error(tmp_path: Path) -> None:
    (tmp_path / "native").touch()  # a file, not a socket
    with pytest.raises(PulseError, match="did not let us in"):
        PulseConnection(str(tmp_path / "native"))


def test_a_server_that_never_answers_is_given_up_on(tmp_path: Path) -> None:
    path = str(tmp_path / "mute")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as mute:
        mute.bind(path)
        mute.listen()
        started = time.monotonic()
        with pytest.raises(PulseError, match="did not answer"):
            PulseConnection(path, timeout=0.2)
        assert time.monotonic() - started < 2


def test_a_tone_is_kept_played_stopped_and_removed(server: PrivatePulse) -> None:
    connection = PulseConnection(server.socket)
    try:
        audio, rate, channels = chime()
        connection.upload("timer-app.test-chime", audio, rate, channels)
        assert "timer-app.test-chime" in server.samples()
        tag = connection.play("timer-app.test-chime", pulse_client.volume(0.9))
        reply = wait_for(connection, tag)
        assert reply.error is None and len(reply.values) == 1
        assert server.playing() == 1  # the chime lasts 1.1 s
        wait_for(connection, connection.kill(reply.values[0]))
        assert server.playing() == 0
        wait_for(connection, connection.remove("timer-app.test-chime"))
        assert "timer-app.test-chime" not in server.samples()
        missing = wait_for(connection, connection.play("timer-app.test-chime", 0x10000))
        assert missing.error is not None  # gone: the server says so, it does not hang up
    finally:
        connection.close()


def wait_for(connection: PulseConnection, tag: int) -> pulse_client.Reply:
    deadline = time.monotonic() + 5
    while select.select([connection], [], [], max(0.0, deadline - time.monotonic()))[0]:
        for reply in connection.replies():
            if reply.tag == tag:
                return reply
    raise AssertionError(f"no reply to {tag}")
