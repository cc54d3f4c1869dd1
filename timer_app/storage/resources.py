"""Find the bundled routines and assets, installed or run from a source checkout.

Installed, `routines/` and `assets/` are the packages `timer_app.bundled_routines`
and `timer_app.bundled_assets` (pyproject.toml maps them). They have no
`__init__.py`, so they are namespace packages, for which importlib.resources hands
back a MultiplexedPath whose str() is not a path; Qt and the loaders want a real
folder, so this module asks the import system for the package's one location.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parents[2]


# Once: the install does not move while the app runs, and asking the import system
# is a few dozen file-system calls (a session asked at each step, issue 18).
@functools.cache
def _package_dir(package: str, source_folder: str) -> Path:
    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    # Running from a checkout that was never installed.
    return _SOURCE_ROOT / source_folder


def bundled_routines() -> Path:
    return _package_dir("timer_app.bundled_routines", "routines")


def bundled_assets() -> Path:
    return _package_dir("timer_app.bundled_assets", "assets")


def asset_path(*parts: str) -> Path:
    """A real file path for an asset (Qt wants paths; wheels are unpacked on disk)."""
    return bundled_assets().joinpath(*parts)
