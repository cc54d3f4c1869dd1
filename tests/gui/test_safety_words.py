"""The emergency number shown: the clinic's own (clinic.yaml) or the locale's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from timer_app.gui.pages import safety_words
from timer_app.storage.routines.catalog import load_catalog


@pytest.fixture(autouse=True)
def fresh_number() -> Iterator[None]:
    safety_words.emergency_number.cache_clear()
    safety_words.clinic_info.cache_clear()
    before = QLocale()
    yield
    QLocale.setDefault(before)
    safety_words.emergency_number.cache_clear()
    safety_words.clinic_info.cache_clear()


def clinic_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    folder = tmp_path / "clinic-routines"
    folder.mkdir()
    (folder / "clinic.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(folder))
    return folder


def test_the_number_follows_the_desktop_locale() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert safety_words.emergency_number() == "911"
    assert "call 911 or go to A&E" in safety_words.emergency_text()


def test_the_clinic_number_wins_and_clinic_yaml_is_not_a_routine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    clinic_folder(tmp_path, monkeypatch, 'emergency_number: "999"\nname: Riverside Physio\n')
    assert safety_words.emergency_number() == "999"
    assert "call 999" in safety_words.full_text()
    assert safety_words.clinic_contact() == "Your clinic: Riverside Physio"
    catalog = load_catalog()
    assert not any("clinic.yaml" in p.path for p in catalog.problems)


def test_a_broken_clinic_file_falls_back_on_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    clinic_folder(tmp_path, monkeypatch, "emergency_number: [not, a, number\n")
    assert safety_words.emergency_number() == "999"
    safety_words.emergency_number.cache_clear()
    safety_words.clinic_info.cache_clear()
    clinic_folder_two = tmp_path / "other"
    clinic_folder_two.mkdir()
    (clinic_folder_two / "clinic.yaml").write_text("emergency_number: call me\n", encoding="utf-8")
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(clinic_folder_two))
    assert safety_words.emergency_number() == "999"  # not a phone number: ignored


def test_the_safety_page_names_the_clinic_to_talk_to(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timer_app.gui.pages.safety import SafetyPage

    clinic_folder(
        tmp_path,
        monkeypatch,
        'emergency_number: "112"\nname: Riverside Physio\nphone: 01234 567890\n',
    )
    page = SafetyPage()
    qtbot.addWidget(page)
    page.show()
    assert page.clinic.isVisible()
    assert page.clinic.text() == "Your clinic: Riverside Physio, 01234 567890"


def test_without_a_clinic_file_no_clinic_line(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from timer_app.gui.pages.safety import SafetyPage

    monkeypatch.delenv("TIMER_APP_ROUTINES_PATH", raising=False)
    page = SafetyPage()
    qtbot.addWidget(page)
    page.show()
    assert not page.clinic.isVisible()
