"""The one owner of "the local zone" and "today": every wall-clock date comes from here.

A session's stored zone, its start time and the day it counts for must agree with
the day the History page calls "today". They all come from the C library's view
of the local time (`datetime.now().astimezone()`, which honours `TZ` exactly as
`time.localtime` does); an IANA zone name is attached only when it gives that same
UTC offset. So a POSIX `TZ` such as `<-08>8` or `EST+5`, which names no IANA zone,
is followed as the rest of the system follows it, instead of `/etc/localtime`,
which it overrides.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# The system zone on Linux and macOS: a link to .../zoneinfo/Europe/Paris.
# A module constant so a test can point it at a link of its own.
LOCALTIME = Path("/etc/localtime")
_MARKER = "zoneinfo/"


def local_zone_name() -> str | None:
    """The IANA name of the local time zone, when the system says it.

    When `TZ` is set it alone decides (the C library ignores /etc/localtime then):
    its IANA name, or None for a POSIX rule that names no zone.
    """
    tz = os.environ.get("TZ")
    if tz is not None:
        tz = tz.lstrip(":")
        if _MARKER in tz:  # TZ=:/usr/share/zoneinfo/Europe/Paris
            tz = tz.split(_MARKER, 1)[1]
        return tz if tz and _valid_zone(tz) else None
    try:
        target = str(LOCALTIME.resolve())
    except OSError:
        return None
    if _MARKER in target:
        name = target.split(_MARKER, 1)[1]
        return name if _valid_zone(name) else None
    return None


def _valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def local_now() -> datetime:
    """Now, aware, in the local zone (a `ZoneInfo` when its name is known and agrees)."""
    system = datetime.now().astimezone()
    name = local_zone_name()
    if name is not None:
        named = system.astimezone(ZoneInfo(name))
        # A name that disagrees with the C library (a stale link, an odd TZ) would
        # put the session on another day than "today": the offset wins.
        if named.utcoffset() == system.utcoffset():
            return named
    return system


def local_today() -> date:
    """The local calendar day: the day a session started now counts for."""
    return local_now().date()


def zone_name_of(moment: datetime) -> str | None:
    key = getattr(moment.tzinfo, "key", None)
    return key if isinstance(key, str) else None
