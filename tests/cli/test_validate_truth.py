"""`validate` says "ok" only to what the app will use, and `import` never writes
one routine over another from the same command (QA findings)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest

from timer_app.cli import main
from timer_app.storage import paths
from timer_app.storage.routines.catalog import load_catalog

ONE = "id: my-stretch\ntitle: Stretch one\nexercises:\n  - name: Bridge\n    hold: 5\n    reps: 3\n"
TWO = "title: Stretch two\nid: my-stretch\nexercises:\n  - name: Walk\n    hold: 5\n    reps: 2\n"
WITH_PICTURE = (
    "title: Knees\nexercises:\n  - name: Knee hug\n    hold: 5\n    reps: 2\n"
    "    image: pics/{name}\n"
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def png(path: Path, width: int, height: int) -> Path:
    """A real PNG of that size (all black; rows compress to almost nothing)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    packer = zlib.compressobj(9)
    row = b"\x00" * (1 + width)  # filter byte, then one grey byte a pixel
    pixels = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    return path


# -- duplicate ids -------------------------------------------------------------


def test_validate_a_folder_with_two_routines_of_one_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d1 = write(tmp_path / "d1.yaml", ONE)
    d2 = write(tmp_path / "d2.yaml", TWO)
    assert main(["validate", str(tmp_path)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{d1}: ok — Stretch one (1 exercise, 30 s)",
        f"{d2}:2:1: another routine in this folder has the id 'my-stretch' ({d1}:1:1): "
        "the app shows that one and skips this one — give one of them a different id",
    ]


def test_validate_two_files_of_one_id_given_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # No id: line, so each one's id is its file name, in two folders.
    d1 = write(tmp_path / "a" / "stretch.yaml", ONE.removeprefix("id: my-stretch\n"))
    d2 = write(
        tmp_path / "b" / "stretch.yaml",
        TWO.removeprefix("title: Stretch two\nid: my-stretch\n").replace(
            "exercises", "title: Stretch two\nexercises"
        ),
    )
    assert main(["validate", str(d1)]) == 0  # alone, each one is fine
    assert main(["validate", str(d2)]) == 0
    capsys.readouterr()
    assert main(["validate", str(d1), str(d2)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{d1}: ok — Stretch one (1 exercise, 30 s)",
        f"{d2}: another file given here has the id 'stretch' ({d1}): importing both "
        "would replace one with the other — give one of them a different id",
    ]


def test_import_refuses_a_second_file_of_the_same_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d1 = write(tmp_path / "d1.yaml", ONE)
    d2 = write(tmp_path / "d2.yaml", TWO)
    assert main(["import", "--replace", str(d1), str(d2)]) == 1
    out = capsys.readouterr().out.splitlines()
    target = paths.user_routines_dir() / "my-stretch.yaml"
    assert out == [
        f"imported 'my-stretch' (Stretch one) to {target}",
        f"{d2}: another file in this import ({d1}) has the id 'my-stretch' and was "
        "imported: this one is not — import this one on its own (with --replace to "
        "use it instead), or give one of them a different id",
    ]
    assert target.read_text(encoding="utf-8") == ONE
    assert not target.with_name("my-stretch.yaml.bak").exists()
    assert main(["import", "--replace", str(d2)]) == 0  # on its own, as the hint says
    assert load_catalog().routines["my-stretch"].title == "Stretch two"


# -- pictures --------------------------------------------------------------------


def test_validate_refuses_a_picture_the_import_would_leave_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    routine = write(tmp_path / "knees.yaml", WITH_PICTURE.format(name="bad.png"))
    write(tmp_path / "pics" / "bad.png", "this is not a picture")
    assert main(["validate", str(routine)]) == 1
    assert capsys.readouterr().out == (
        f"{routine}:6:5: image 'pics/bad.png' cannot be used: its content is not a PNG, "
        "JPEG, SVG or WebP picture — save it again as a PNG, JPEG or WebP picture of at "
        "most 8192 × 8192 pixels\n"
    )
    assert main(["import", str(routine)]) == 0  # the import agrees: it leaves it behind
    assert "was not copied: its content is not a PNG" in capsys.readouterr().out


def test_validate_refuses_a_picture_too_large_to_show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    routine = write(tmp_path / "knees.yaml", WITH_PICTURE.format(name="huge.png"))
    png(tmp_path / "pics" / "huge.png", 30000, 30000)
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{routine}:6:5: image 'pics/huge.png' cannot be used: it is 30000 × 30000 " in out
    assert "more than the app can show (at most 67 million pixels" in out
    assert main(["import", str(routine)]) == 0
    out = capsys.readouterr().out
    assert "'pics/huge.png' was not copied: it is 30000 × 30000 pixels" in out
    assert not (paths.user_routines_dir() / "pics" / "huge.png").exists()


def test_a_picture_at_the_limit_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    routine = write(tmp_path / "knees.yaml", WITH_PICTURE.format(name="big.png"))
    png(tmp_path / "pics" / "big.png", 8192, 8192)
    assert main(["validate", str(routine)]) == 0
    assert capsys.readouterr().out == f"{routine}: ok — Knees (1 exercise, 20 s)\n"


def test_a_library_exercise_with_a_bad_picture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = write(tmp_path / "library" / "wall-sit.yaml", "name: Wall sit\nhold: 20\n")
    library.write_text("name: Wall sit\nhold: 20\nimage: wall.png\n", encoding="utf-8")
    (tmp_path / "library" / "wall.png").write_bytes(b"GIF89a not what it says")
    write(tmp_path / "legs.yaml", "title: Legs\nexercises:\n  - use: wall-sit\n")
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{library}:3:1: image 'wall.png' cannot be used: its content is not a PNG" in out
    # The routine that uses it will not show it either: said of it, sent to the library file.
    assert f"{tmp_path / 'legs.yaml'}: the picture of the library exercise 'wall-sit' " in out


# -- the clinic's file -------------------------------------------------------------


def test_validate_a_clinic_file_as_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clinic = write(tmp_path / "clinic.yaml", 'name: Riverside Physio\nemergency_number: "999"\n')
    assert main(["validate", str(clinic)]) == 0
    assert capsys.readouterr().out == f"{clinic}: ok (clinic details)\n"


def test_an_emergency_number_that_is_not_one_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clinic = write(tmp_path / "clinic.yaml", 'name: Riverside Physio\nemergency_number: "abc"\n')
    assert main(["validate", str(clinic)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{clinic}:2:1: emergency_number 'abc' is not a phone number")
    write(tmp_path / "legs.yaml", "title: Legs\nexercises:\n  - name: Squat\n    reps: 3\n")
    assert main(["validate", str(tmp_path)]) == 1  # and in its folder
    assert f"{clinic}:2:1: emergency_number 'abc'" in capsys.readouterr().out


def test_import_refuses_a_handout_of_an_id_already_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pypdf = pytest.importorskip("pypdf")
    from timer_app.storage.pdf.attachments import add_attachments

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    blank = io.BytesIO()
    writer.write(blank)
    handout = tmp_path / "handout.pdf"
    handout.write_bytes(add_attachments(blank.getvalue(), {"routine/d2.yaml": TWO.encode()}))
    d1 = write(tmp_path / "d1.yaml", ONE)
    assert main(["import", "--replace", str(d1), str(handout)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith(f"{handout} (d2.yaml): another file in this import ({d1})")
    target = paths.user_routines_dir() / "my-stretch.yaml"
    assert target.read_text(encoding="utf-8") == ONE
