"""Read one YAML file into plain data plus the line and column of every value.

The only way the app reads YAML (“Where things live” in docs/design.md); callers import
from here. It never builds Python objects from tags: it walks the parser's *events*
(libyaml's C parser when available, else PyYAML's pure Python one) and composes the data
itself, iteratively, so it can

- refuse files over 1 MiB before parsing, and nesting deeper than `MAX_DEPTH` or
  aliases that would expand past `MAX_NODES` as soon as the parser reaches them
  (libyaml's own composer crashes on 20,000-deep nesting, PyYAML's recurses);
- report duplicate keys, which PyYAML silently resolves to the last one;
- resolve plain scalars with a small, unsurprising schema: only true/false are
  booleans, so `no`, `yes`, `on` stay text; numbers are decimal (`010` is ten, never
  eight) and `1:30` is text, never 90 (YAML 1.1's surprises must not change a
  routine); hex, octal and `1e3` stay text;
- record `path -> (line, col)` (1-based): for a mapping entry, where its key starts;
  for a list item or the whole document, where the value starts.

This module reads and decodes the file and picks the event parser. The rest is
beside it, and only these storage modules import yaml: `yaml_composer` (events to
data and locations), `yaml_scalars` (the schema and allowed tags; no yaml import)
and `yaml_errors` (limits, `YamlProblem`, PyYAML's errors in plain words).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml

from timer_app.storage.yaml.composer import Composer, LoadedYaml, PathKey
from timer_app.storage.yaml.errors import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_NODES,
    Location,
    YamlLoadError,
    YamlProblem,
    not_a_file,
    reader_problem,
    syntax_problem,
    too_big,
)

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "LoadedYaml",
    "Location",
    "PathKey",
    "YamlLoadError",
    "YamlProblem",
    "load_yaml_bytes",
    "load_yaml_file",
    "load_yaml_text",
    "read_limited",
]

# Opening a FIFO without O_NONBLOCK waits for a writer; Windows has no FIFOs to open.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

# Looked up at each load (not imported by the composer) so tests and the benchmark
# can set it to None here to run PyYAML's pure-Python parser instead.
_EventParser: Any
try:  # libyaml's event parser: fast, and safe on deep input since we stop early
    from yaml._yaml import CParser as _EventParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _EventParser = None


def read_limited(path: Path) -> bytes:
    """The file's bytes, refusing folders, unreadable files and files over 1 MiB.

    Only regular files are read. A FIFO (or a device) named `*.yaml` in a routine
    folder once blocked `open()` for ever and froze the window: the file is
    stat-ed first, and opened without blocking in case it was swapped meanwhile.
    """
    try:
        if path.is_dir():
            raise YamlLoadError([YamlProblem("this is a folder, not a routine file")])
        if not stat.S_ISREG(path.stat().st_mode):
            raise YamlLoadError([not_a_file()])
        if path.stat().st_size > MAX_BYTES:
            raise YamlLoadError([too_big()])
        raw = _read_regular(path)
    except FileNotFoundError:
        raise YamlLoadError([YamlProblem("no such file")]) from None
    except PermissionError:
        raise YamlLoadError([YamlProblem("can't read this file: permission denied")]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise YamlLoadError([YamlProblem(f"can't read this file: {reason}")]) from None
    if len(raw) > MAX_BYTES:  # grew, or a special file that does not report its size
        raise YamlLoadError([too_big()])
    return raw


def _read_regular(path: Path) -> bytes:
    descriptor = os.open(path, os.O_RDONLY | _NONBLOCK)
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise YamlLoadError([not_a_file()])
        return stream.read(MAX_BYTES + 1)


def load_yaml_file(path: Path) -> LoadedYaml:
    raw = read_limited(path)
    loaded = load_yaml_bytes(raw)
    loaded.raw = raw
    return loaded


def load_yaml_bytes(raw: bytes) -> LoadedYaml:
    return load_yaml_text(_decode(raw))


def _decode(raw: bytes) -> str:
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw  # editors' byte-order mark
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        before = body[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise YamlLoadError(
            [
                YamlProblem(
                    f"the file is not UTF-8 text (byte 0x{body[error.start]:02x})",
                    "save it as UTF-8 in your editor",
                    line,
                    col,
                )
            ]
        ) from None


def load_yaml_text(text: str) -> LoadedYaml:
    if len(text) > MAX_BYTES:
        raise YamlLoadError([too_big()])
    try:
        return Composer(text, _parser(text)).compose()
    except yaml.MarkedYAMLError as error:
        raise YamlLoadError([syntax_problem(error, text)]) from None
    except yaml.YAMLError as error:  # e.g. a reader error: control characters
        raise YamlLoadError([reader_problem(error, text)]) from None


def _parser(text: str) -> Any:
    if _EventParser is not None:
        return _EventParser(text)
    return yaml.SafeLoader(text)
