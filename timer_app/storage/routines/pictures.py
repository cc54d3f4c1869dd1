"""Which files are pictures, by name and by content, and reading them without blocking.

The import copies only pictures a routine names as `image:`. Before, it copied any
file: a `.yaml` named as an image landed as a new routine nobody had validated,
`library/knee-to-chest.yaml` silently changed the bundled routines' doses, and a
file named like one of the user's routines overwrote it. A picture here has a
picture's name (`.png`, `.jpg`, `.jpeg`, `.svg`, `.webp`) and a picture's first
bytes (PNG, JPEG, WebP signatures; an SVG's `<svg` element), and a size the
window can show (`picture_size`: Qt refuses more than 8192 × 8192 pixels' worth).
`validate` asks the same (`read_picture`), so it never passes a picture the
import then leaves behind.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from timer_app.storage.routines.picture_size import picture_size, too_large

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".webp")
MAX_PICTURE_BYTES = 20 * 1024 * 1024
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block the import
_SVG_HEAD = 4096  # the `<svg` element comes after at most an XML declaration and comments


class NotAPicture(ValueError):
    """The file is not one a routine may bring along; the message says why."""


def picture_kind(raw: bytes) -> str | None:
    """`png`, `jpeg`, `webp` or `svg` from the file's first bytes; None otherwise."""
    if raw.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if raw.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return "webp"
    head = raw[:_SVG_HEAD].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<") and b"<svg" in head:
        return "svg"
    return None


def read_picture(path: Path) -> bytes:
    """The bytes of a picture file, or `NotAPicture` saying why it is not one."""
    if path.suffix.lower() not in PICTURE_SUFFIXES:
        raise NotAPicture("its name does not end in " + ", ".join(PICTURE_SUFFIXES))
    raw = read_regular_file(path, MAX_PICTURE_BYTES)
    kind = picture_kind(raw)
    if kind is None:
        raise NotAPicture("its content is not a PNG, JPEG, SVG or WebP picture")
    reason = too_large(picture_size(raw, kind))
    if reason is not None:
        raise NotAPicture(reason)
    return raw


def read_regular_file(path: Path, limit: int) -> bytes:
    """A regular file's bytes (at most `limit`), never blocking on a FIFO or a device."""
    descriptor = os.open(path, os.O_RDONLY | _NONBLOCK)
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotAPicture("it is not a regular file")
        raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise NotAPicture(f"it is larger than {limit // (1024 * 1024)} MiB")
    return raw
