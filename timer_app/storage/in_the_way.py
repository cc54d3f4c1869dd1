"""A file where one of the app's folders should be, said as that.

When `<data>/routines` was a file, `import` said "could not be copied: File
exists" and `list` called the folder "not there" while warning "Not a
directory"; when the data folder itself was a file, `history` said the history
was "(not created yet)". Each now names the file in the way and what to do.
"""

from __future__ import annotations

from pathlib import Path


def file_in_the_way(folder: Path) -> Path | None:
    """The file that stands where `folder`, or one of the folders holding it,
    should be; None when there is none (the folders are there, or can be made)."""
    for candidate in (folder, *folder.parents):
        try:
            if candidate.is_dir():
                return None
            if candidate.exists() or candidate.is_symlink():
                return candidate
        except OSError:
            return None  # cannot be looked at: not known to be a file
    return None


def not_a_folder(blocker: Path) -> str:
    return f"{blocker} is a file, not a folder: move or rename it"


def in_the_way(folder: Path, blocker: Path) -> str:
    """What is wrong with `folder`, said of it (`blocker`: `file_in_the_way`)."""
    if blocker == folder:
        return "this is a file, not a folder: move or rename it"
    return f"this folder cannot be there: {not_a_folder(blocker)}"
