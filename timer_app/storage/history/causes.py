"""Why the history file cannot be opened, read or written: the real cause.

SQLite says "unable to open database file" or "attempt to write a readonly
database" whatever the cause, so the messages used to blame "the folder cannot
be written" when the file was the problem. Here the file and the folder are
looked at as they are: a folder where the file should be, a file (or its
`-wal`/`-shm` journal) this user may not open, a folder that cannot be written,
a folder that cannot be made. `os.access` answers for the person running the
app (root passes every permission check, so such a cause is never invented).

Plain Python, no sqlite3: `history_open.explain()` and the command line's
reader use these.
"""

from __future__ import annotations

import os
from pathlib import Path

JOURNALS = ("-wal", "-shm")


def file_cause(path: Path, *, write: bool) -> str | None:
    """What is wrong with the history file itself (or its journal), or None."""
    mode = os.R_OK | os.W_OK if write else os.R_OK
    for candidate in (path, *(path.with_name(path.name + s) for s in JOURNALS)):
        try:
            is_dir = candidate.is_dir()
            exists = is_dir or candidate.exists()
        except OSError:
            continue
        if is_dir:
            return f"{candidate} is a folder, not a file (move or rename that folder)"
        if exists and not os.access(candidate, mode):
            what = "read and written" if write else "read"
            return (
                f"the file {candidate} cannot be {what} by you: its permissions do not "
                "allow it (check its owner and permissions)"
            )
    return None


def folder_cause(path: Path) -> str | None:
    """What is wrong with the folder that holds the history, or None."""
    folder = path.parent
    for parent in (folder, *folder.parents):
        try:
            if parent.exists() and not parent.is_dir():
                return f"the folder {folder} cannot be made: {parent} is a file"
            if parent.is_dir():
                break
        except OSError:
            break
    try:
        if folder.is_dir() and not os.access(folder, os.W_OK):
            return f"the folder {folder} cannot be written (it is read-only)"
    except OSError:
        pass
    return None
