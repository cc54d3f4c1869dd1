from pathlib import Path

import pytest

from timer_app.storage import paths
from timer_app.storage.settings import Settings, load_settings, save_settings


def test_settings_round_trip_in_the_data_dir(data_dir: Path) -> None:
    save_settings(Settings(muted=True, beeps_only=True))
    assert paths.settings_path().parent == data_dir
    loaded = load_settings()
    assert loaded.muted and loaded.beeps_only


def test_damaged_or_odd_settings_fall_back_to_defaults(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    paths.settings_path().write_text('{"muted": "yes", "beeps_only": true, "x": 1}')
    loaded = load_settings()
    assert loaded.muted is False and loaded.beeps_only is True
    paths.settings_path().write_bytes(b"\xff\xfe not json")
    assert load_settings() == Settings()


def test_missing_settings_are_defaults() -> None:
    assert load_settings() == Settings()


def test_a_failed_save_leaves_no_temporary_file(data_dir: Path) -> None:
    paths.settings_path().mkdir(parents=True)  # a folder where the file should be
    with pytest.raises(OSError):
        save_settings(Settings(muted=True))
    assert sorted(p.name for p in data_dir.iterdir()) == ["settings.json"]
