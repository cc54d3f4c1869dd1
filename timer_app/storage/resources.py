"""Find the bundled routines and assets, installed or run from a source checkout."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def _package_dir(package: str, source_folder: str) -> Traversable:
    try:
        return resources.files(package)
    except ModuleNotFoundError:
        # Running from a checkout that was never installed.
        return _SOURCE_ROOT / source_folder


def bundled_routines() -> Traversable:
    return _package_dir("timer_app.bundled_routines", "routines")


def bundled_assets() -> Traversable:
    return _package_dir("timer_app.bundled_assets", "assets")


def asset_path(*parts: str) -> Path:
    """A real file path for an asset (Qt wants paths; wheels are unpacked on disk)."""
    return Path(str(bundled_assets().joinpath(*parts)))
