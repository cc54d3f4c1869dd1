"""Just enough of the PulseAudio native protocol to keep tones in the server's
sample cache and play them (issue 18). No Qt, no libpulse.

Each tone through a child `paplay` cost ~4 ms of CPU (exec, 30 libraries, a
connection) and a fork of the app; libpulse or QtMultimedia in the app's own
process cost 3-19 MiB and threads that wake. Instead the app keeps one socket to
the sound server: at a session's load it uploads each tone and each run of
tones once (`upload`), and a cue is one ~70-byte packet (`play`) that the server
answers with the index of the stream it started, which `kill` stops (a pause or
skip cuts a run short). Between cues the socket is silent: nothing wakes.

PipeWire's pulse server speaks the same protocol. Anything unexpected raises
`PulseError`, and the caller goes back to a child player.

The wire format, from PulseAudio's src/pulsecore (pstream.c, tagstruct.c,
protocol-native.c): a packet is five big-endian uint32 (payload length,
channel, offset high and low, flags) and its payload. A command's payload is a
"tagstruct" of typed values, starting with the command and a tag that its reply
carries back. Audio for an upload stream is a packet on the stream's channel.
"""

from __future__ import annotations

import math
import os
import select
import socket
import struct
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# Commands (native-common.h's enum, by position).
ERROR, REPLY = 0, 2
AUTH, SET_CLIENT_NAME = 8, 9
CREATE_UPLOAD_STREAM, FINISH_UPLOAD_STREAM, PLAY_SAMPLE, REMOVE_SAMPLE = 15, 17, 18, 19
KILL_SINK_INPUT = 49
PROTOCOL_VERSION = 32  # the two high bytes (shm, memfd) left clear: audio goes on the socket
CONTROL = 0xFFFFFFFF  # the channel of commands and replies
INVALID_INDEX = 0xFFFFFFFF
COOKIE_LENGTH = 256
SAMPLE_S16LE = 3
CHANNEL_POSITIONS = {1: (0,), 2: (1, 2)}  # mono; front left, front right
PIECE = 65_536  # an upload's audio goes in packets of at most this many bytes
_HEADER = struct.Struct(">5I")


class PulseError(Exception):
    """The sound server cannot be reached, refused us, or answered unexpectedly."""


# -- where the server is --------------------------------------------------------------
def unix_path(entry: str) -> str | None:
    """A PULSE_SERVER entry's local socket ("unix:/path", "/path",
    "{machine}unix:/path"), or None for a network server."""
    if entry.startswith("{"):  # for that machine only: taken to be this one
        entry = entry.partition("}")[2]
    if entry.startswith("unix:"):
        return entry[len("unix:") :]
    return entry if entry.startswith("/") else None


def socket_path(environ: Mapping[str, str] | None = None) -> str | None:
    """The sound server's local socket, as libpulse finds it; None when there is
    no local one (a network server is left to `paplay`)."""
    env = os.environ if environ is None else environ
    if env.get("PULSE_SERVER"):
        paths = [unix_path(entry) for entry in env["PULSE_SERVER"].split()]
        return next((p for p in paths if p and Path(p).exists()), None)
    runtime = env.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    path = Path(runtime, "pulse", "native")
    return str(path) if path.exists() else None


def cookie(environ: Mapping[str, str] | None = None) -> bytes:
    """The user's PulseAudio cookie, or zeros: a server on the same machine
    trusts our credentials anyway (PipeWire needs neither)."""
    env = os.environ if environ is None else environ
    home = env.get("HOME", "")
    config = env.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    for place in (
        env.get("PULSE_COOKIE"),
        os.path.join(config, "pulse", "cookie"),
        os.path.join(home, ".pulse-cookie"),
    ):
        if place:
            try:
                data = Path(place).read_bytes()[:COOKIE_LENGTH]
            except OSError:
                continue
            if len(data) == COOKIE_LENGTH:
                return data
    return bytes(COOKIE_LENGTH)


def volume(linear: float) -> int:
    """QSoundEffect's linear 0..1 as the server's volume: its scale is cubic, so
    this is `linear` as an amplitude, as loud as through Qt."""
    return round(0x10000 * math.cbrt(linear))


# -- tagstructs -----------------------------------------------------------------------
def u32(value: int) -> bytes:
    return b"L" + value.to_bytes(4, "big")


def string(value: str | None) -> bytes:
    return b"N" if value is None else b"t" + value.encode() + b"\0"


def arbitrary(data: bytes) -> bytes:
    return b"x" + len(data).to_bytes(4, "big") + data


def proplist(props: Mapping[str, str]) -> bytes:
    """Keys and NUL-terminated string values, ended by a null string."""
    parts = [b"P"]
    for key, value in props.items():
        data = value.encode() + b"\0"
        parts += [string(key), u32(len(data)), arbitrary(data)]
    return b"".join([*parts, string(None)])


def sample_spec(rate: int, channels: int) -> bytes:
    return b"a" + bytes((SAMPLE_S16LE, channels)) + rate.to_bytes(4, "big")


def channel_map(channels: int) -> bytes:
    return b"m" + bytes((channels, *CHANNEL_POSITIONS[channels]))


def command(number: int, tag: int, *values: bytes) -> bytes:
    return u32(number) + u32(tag) + b"".join(values)


def packet(payload: bytes, channel: int = CONTROL) -> bytes:
    return _HEADER.pack(len(payload), channel, 0, 0, 0) + payload


def read_u32s(payload: bytes) -> list[int]:
    """The uint32 values of a reply (command, tag, then what the command returns)."""
    values, at = [], 0
    while at + 5 <= len(payload) and payload[at : at + 1] == b"L":
        values.append(int.from_bytes(payload[at + 1 : at + 5], "big"))
        at += 5
    return values


@dataclass(frozen=True)
class Reply:
    tag: int
    values: list[int]  # after the tag: a stream's or sink input's index...
    error: int | None = None  # the server's error code, for an ERROR


# -- the connection -------------------------------------------------------------------
class PulseConnection:
    """One socket to the sound server. The constructor, `upload` and `wait` wait
    for the server (at most `timeout` seconds each); `play`, `kill` and `remove`
    only send, and their replies are read by `replies` when the socket is
    readable."""

    def __init__(self, path: str, *, timeout: float = 1.0, client: str = "timer-app") -> None:
        self._timeout = timeout
        self._tag = 0
        self._buffer = b""
        self._unclaimed: list[Reply] = []  # come in while `wait` waited for another
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self._socket.settimeout(timeout)
            self._socket.connect(path)
            # Our uid goes with the first packet: a server run by the same user
            # lets us in on it, whatever the cookie.
            creds = struct.pack("3i", os.getpid(), os.getuid(), os.getgid())
            version, secret = u32(PROTOCOL_VERSION), arbitrary(cookie())
            auth = packet(command(AUTH, self._next_tag(), version, secret))
            self._socket.sendmsg([auth], [(socket.SOL_SOCKET, socket.SCM_CREDENTIALS, creds)])
            self.wait(self._tag)
            name = proplist({"application.name": client, "application.id": "timer-app"})
            self.wait(self._send(SET_CLIENT_NAME, name))
            self._socket.setblocking(False)
        except (OSError, PulseError) as error:
            self._socket.close()
            raise PulseError(f"the sound server at {path} did not let us in: {error}") from error

    def fileno(self) -> int:
        return self._socket.fileno()

    def close(self) -> None:
        self._socket.close()

    def upload(self, name: str, audio: bytes, rate: int, channels: int) -> None:
        """Keep `audio` (16-bit little-endian PCM) in the server as sample `name`,
        replacing one of that name."""
        self._socket.settimeout(self._timeout)  # a stuck server: an error, not a hang
        try:
            spec = (sample_spec(rate, channels), channel_map(channels))
            made = self.wait(
                self._send(CREATE_UPLOAD_STREAM, string(name), *spec, u32(len(audio)), proplist({}))
            )
            if not made.values:
                raise PulseError("no upload stream")
            channel = made.values[0]
            for start in range(0, len(audio), PIECE):
                self._socket.sendall(packet(audio[start : start + PIECE], channel))
            self.wait(self._send(FINISH_UPLOAD_STREAM, u32(channel)))
        except OSError as error:
            raise PulseError(f"uploading {name}: {error}") from error
        finally:
            self._socket.setblocking(False)

    def play(self, name: str, volume: int) -> int:
        """Start sample `name` on the default output at `volume` (0x10000 is 100 %,
        cubic); the reply with this tag carries the playing stream's index."""
        return self._send(
            PLAY_SAMPLE, u32(INVALID_INDEX), string(None), u32(volume), string(name), proplist({})
        )

    def kill(self, index: int) -> int:
        """Stop the playing stream `index` (one that has ended is no error to us)."""
        return self._send(KILL_SINK_INPUT, u32(index))

    def remove(self, name: str) -> int:
        return self._send(REMOVE_SAMPLE, string(name))

    def replies(self) -> list[Reply]:
        """The replies that have come in, without waiting. Raises PulseError when
        the server has gone."""
        try:
            while True:
                data = self._socket.recv(65_536)
                if not data:
                    raise PulseError("the sound server closed the connection")
                self._buffer += data
        except BlockingIOError:
            pass
        except OSError as error:
            raise PulseError(f"reading from the sound server: {error}") from error
        found, self._unclaimed = [*self._unclaimed, *self._complete_replies()], []
        return found

    # -- inside -----------------------------------------------------------------------
    def _next_tag(self) -> int:
        self._tag = (self._tag + 1) & 0x7FFFFFFF
        return self._tag

    def _send(self, number: int, *values: bytes) -> int:
        tag = self._next_tag()
        try:
            self._socket.sendall(packet(command(number, tag, *values)))
        except OSError as error:  # gone, or so stuck that the socket is full
            raise PulseError(f"writing to the sound server: {error}") from error
        return tag

    def _complete_replies(self) -> list[Reply]:
        found = []
        while len(self._buffer) >= _HEADER.size:
            length, channel, *_ = _HEADER.unpack_from(self._buffer)
            end = _HEADER.size + length
            if len(self._buffer) < end:
                break
            payload, self._buffer = self._buffer[_HEADER.size : end], self._buffer[end:]
            values = read_u32s(payload)
            if channel != CONTROL or len(values) < 2:
                continue  # nothing we asked for (we never subscribe or stream)
            number, tag, rest = values[0], values[1], values[2:]
            if number == REPLY:
                found.append(Reply(tag, rest))
            elif number == ERROR:
                found.append(Reply(tag, [], rest[0] if rest else -1))
        return found

    def wait(self, tag: int) -> Reply:
        """Block until the reply to `tag`; an error reply raises. Before `close`:
        a server that sees us hang up drops what it has not read yet."""
        deadline = time.monotonic() + self._timeout
        self._socket.setblocking(False)
        try:
            while True:
                came = self.replies()
                mine = [reply for reply in came if reply.tag == tag]
                self._unclaimed += [reply for reply in came if reply.tag != tag]
                if mine:
                    if mine[0].error is not None:
                        raise PulseError(f"the sound server refused (error {mine[0].error})")
                    return mine[0]
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self._socket], [], [], left)[0]:
                    raise PulseError("the sound server did not answer")
        finally:
            self._socket.settimeout(self._timeout)
