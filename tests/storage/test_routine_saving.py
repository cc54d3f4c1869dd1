"""Saving from the editor: named by the id, never over another routine, read back exactly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from timer_app.core.editor.draft import RoutineDraft
from timer_app.core.routine import Source
from timer_app.storage import paths
from timer_app.storage.routines.catalog import load_catalog, load_routine_file, routine_files
from timer_app.storage.routines.saving import (
    SaveError,
    copy_picture,
    save_draft,
    schema_path,
    writable_folders,
)
from timer_app.storage.yaml.loader import load_yaml_file, load_yaml_text

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def _mapping(title: str = "Morning stretches") -> dict[str, object]:
    draft = RoutineDraft.from_mapping(
        {
            "title": title,
            "frequency": "2x/day",
            "exercises": [{"use": "knee-to-chest"}, {"name": "Walk", "duration": "5 min"}],
        }
    )
    return draft.to_mapping()


def test_a_new_routine_is_saved_in_my_routines_and_listed(data_dir: Path) -> None:
    folder = paths.user_routines_dir()
    path = save_draft(_mapping(), folder=folder)
    assert path == folder / "morning-stretches.yaml"
    routine = load_catalog().routines["morning-stretches"]
    assert routine.source is Source.USER
    assert [e.name for e in routine.exercises] == ["Knee-to-chest stretch", "Walk"]
    assert not [p for p in folder.iterdir() if p.name.startswith(".")], "no temporary left"


def test_a_new_routine_never_overwrites_another(tmp_path: Path) -> None:
    save_draft(_mapping(), folder=tmp_path)
    before = (tmp_path / "morning-stretches.yaml").read_bytes()
    with pytest.raises(SaveError, match="already saved as"):
        save_draft(_mapping(), folder=tmp_path)
    (tmp_path / "Other name.yaml").write_text(
        "id: evening\ntitle: Evening\nexercises:\n  - name: Walk\n    duration: 60\n"
    )
    evening = {**_mapping("Evening walk"), "id": "evening"}
    with pytest.raises(SaveError, match="already has the id 'evening'"):
        save_draft(evening, folder=tmp_path)
    assert (tmp_path / "morning-stretches.yaml").read_bytes() == before
    assert not (tmp_path / "evening.yaml").exists()


def test_saving_an_opened_file_writes_over_it_keeping_its_comments(tmp_path: Path) -> None:
    original = tmp_path / "Week 3.yaml"  # named by hand, not by the id
    original.write_text(
        "# for Mr Smith\ntitle: Week 3\nexercises:\n  - use: knee-to-chest  # the guide's dose\n",
        encoding="utf-8",
    )
    draft = RoutineDraft.from_mapping(load_yaml_text(original.read_text()).data)
    draft.fields["title"] = "Week 3, revised"
    path = save_draft(draft.to_mapping(), folder=tmp_path, original=original)
    assert path == original
    assert original.read_text() == (
        "# for Mr Smith\ntitle: Week 3, revised\n"
        "exercises:\n  - use: knee-to-chest  # the guide's dose\n"
    )
    assert load_routine_file(path).title == "Week 3, revised"


def test_a_new_file_names_the_schema_beside_it_and_no_path_of_this_machine(
    tmp_path: Path,
) -> None:
    """A text editor finds the schema by a relative address, with a copy beside the file;
    handed to a patient, the file names none of the therapist's folders (their user name,
    often)."""
    text = save_draft(_mapping(), folder=tmp_path).read_text()
    assert text.splitlines()[:2] == [
        "# yaml-language-server: $schema=schema.json",
        "title: Morning stretches",
    ]
    assert "file://" not in text and str(Path.home()) not in text
    assert (tmp_path / "schema.json").read_bytes() == schema_path().read_bytes()
    assert [p.name for p in routine_files(tmp_path)] == ["morning-stretches.yaml"]


def test_an_existing_file_gets_no_schema_line_and_an_old_schema_copy_is_renewed(
    tmp_path: Path,
) -> None:
    original = tmp_path / "mine.yaml"
    original.write_text("title: Mine\nexercises:\n  - use: knee-to-chest\n")
    draft = RoutineDraft.from_mapping(load_yaml_file(original).data)
    draft.fields["title"] = "Mine, revised"
    save_draft(draft.to_mapping(), folder=tmp_path, original=original)
    assert original.read_text().startswith("title: Mine, revised\n")
    (tmp_path / "schema.json").write_text("{}")
    save_draft(_mapping(), folder=tmp_path)
    assert (tmp_path / "schema.json").read_bytes() == schema_path().read_bytes()


def test_a_copy_keeps_the_comments_of_the_file_it_was_copied_from_and_never_writes_over_it(
    tmp_path: Path,
) -> None:
    mine = tmp_path / "week-3.yaml"
    mine.write_text(
        "# for Mr Smith\nid: week-3\ntitle: Week 3\nexercises:\n"
        "  - use: knee-to-chest  # the guide's dose\n",
        encoding="utf-8",
    )
    before = mine.read_bytes()
    draft = RoutineDraft.from_mapping(load_yaml_text(mine.read_text()).data)
    draft.fields.update(id="week-3-copy", title="Week 3 (copy)")
    path = save_draft(draft.to_mapping(), folder=tmp_path, copied_from=mine)
    assert path == tmp_path / "week-3-copy.yaml"
    assert path.read_text() == (
        "# for Mr Smith\nid: week-3-copy\ntitle: Week 3 (copy)\nexercises:\n"
        "  - use: knee-to-chest  # the guide's dose\n"
    )
    assert mine.read_bytes() == before, "the file copied from is left as it was"


def test_a_copy_of_a_bundled_routine_keeps_its_comments_in_my_routines() -> None:
    catalog = load_catalog()
    bundled = Path(catalog.routines["core-routine"].source_path or "")
    draft = RoutineDraft.from_mapping(load_yaml_text(bundled.read_text()).data)
    draft.fields.update(id="core-routine-mine", title="My core routine")
    path = save_draft(draft.to_mapping(), folder=paths.user_routines_dir(), original=bundled)
    assert path.name == "core-routine-mine.yaml"
    assert "lead_in: 15 s  # from the floor to a chair" in path.read_text()
    assert "title: Core sciatica routine" in bundled.read_text(), "the bundled file untouched"


def test_a_picture_is_copied_beside_the_routine_once(tmp_path: Path) -> None:
    source = tmp_path / "mine" / "Knee.PNG"
    source.parent.mkdir()
    source.write_bytes(PNG)
    folder = tmp_path / "routines"
    assert copy_picture(source, folder) == "Knee.png"
    assert copy_picture(source, folder) == "Knee.png", "the same picture is reused"
    other = tmp_path / "other" / "Knee.png"
    other.parent.mkdir()
    other.write_bytes(PNG + b"different")
    assert copy_picture(other, folder) == "Knee-2.png"
    assert (folder / "Knee.png").read_bytes() == PNG
    mapping = _mapping()
    mapping["exercises"][1]["image"] = "Knee-2.png"  # type: ignore[index]
    routine = load_routine_file(save_draft(mapping, folder=folder), check_images=True)
    assert routine.exercises[1].image == str(folder / "Knee-2.png")


def test_a_file_that_is_not_a_picture_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "knee.png"
    fake.write_text("title: not a picture\n")
    with pytest.raises(SaveError, match="not a picture"):
        copy_picture(fake, tmp_path / "routines")


def test_writable_folders_are_mine_and_the_clinic_folders_i_can_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clinic, locked, missing = tmp_path / "clinic", tmp_path / "locked", tmp_path / "missing"
    clinic.mkdir()
    locked.mkdir()
    locked.chmod(0o555)
    monkeypatch.setenv(
        paths.ROUTINES_PATH_ENV, os.pathsep.join(map(str, [clinic, locked, missing]))
    )
    found = writable_folders()
    assert found[0] == ("My routines", paths.user_routines_dir())
    folders = [folder for _, folder in found]
    assert clinic in folders and missing not in folders
    if os.geteuid() != 0:  # root may write anywhere
        assert locked not in folders


def test_a_mapping_with_tuples_saves_as_the_lists_it_reads_back_as(tmp_path: Path) -> None:
    mapping = {**_mapping(), "safety": ("Stop if it hurts.",)}
    path = save_draft(mapping, folder=tmp_path)
    assert load_routine_file(path).safety == ("Stop if it hurts.",)
