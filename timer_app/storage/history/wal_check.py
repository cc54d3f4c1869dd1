"""Would SQLite drop saved sessions from this `-wal` file?

When SQLite opens a database whose `-wal` was not cleaned up (the app was
killed, the power went), it replays the frames up to the first one whose
checksum fails, and silently forgets that one and every frame after it, committed
or not. Before that first open the history keeps a copy of the `-wal` aside
(`history_recovery.keep_unclosed_journal`); this module reads the file as SQLite
does (https://sqlite.org/fileformat2.html#the_write_ahead_log) to tell whether
committed frames will be lost, so the person is told only then.

Plain Python, no sqlite3: it only reads bytes.
"""

from __future__ import annotations

import struct
from pathlib import Path

_MAGIC_LITTLE = 0x377F0682
_MAGIC_BIG = 0x377F0683
_HEADER = 32
_FRAME_HEADER = 24


def _checksum(data: bytes, s0: int, s1: int, fmt: str) -> tuple[int, int]:
    for x0, x1 in struct.iter_unpack(fmt, data):
        s0 = (s0 + x0 + s1) & 0xFFFFFFFF
        s1 = (s1 + x1 + s0) & 0xFFFFFFFF
    return s0, s1


def drops_committed_frames(wal: Path) -> bool:
    """True when a transaction committed in `wal` lies after a frame whose
    checksum fails: SQLite would drop it (and every session write in it)."""
    try:
        data = wal.read_bytes()
    except OSError:
        return False
    if len(data) < _HEADER:
        return False
    magic, _version, page_size = struct.unpack(">III", data[:12])
    if magic not in (_MAGIC_LITTLE, _MAGIC_BIG) or page_size < 512:
        return False
    fmt = ">II" if magic == _MAGIC_BIG else "<II"
    salts = data[16:24]
    s0, s1 = _checksum(data[:24], 0, 0, fmt)
    if (s0, s1) != struct.unpack(">II", data[24:32]):
        return False  # the header itself is bad: SQLite ignores the whole file
    frame_size = _FRAME_HEADER + page_size
    offset = _HEADER
    broken = False
    while offset + frame_size <= len(data):
        header = data[offset : offset + _FRAME_HEADER]
        if header[8:16] != salts:
            break  # a frame of an earlier generation: the log ends here for SQLite too
        commit = struct.unpack(">I", header[4:8])[0] != 0
        if broken:
            if commit:
                return True
        else:
            page = data[offset + _FRAME_HEADER : offset + frame_size]
            t0, t1 = _checksum(header[:8], s0, s1, fmt)
            t0, t1 = _checksum(page, t0, t1, fmt)
            if (t0, t1) != struct.unpack(">II", header[16:24]):
                if commit:
                    return True  # the broken frame ends a transaction: it is dropped
                broken = True
            else:
                s0, s1 = t0, t1
        offset += frame_size
    return False
