"""Import copies only the pictures a routine names, never into library/, keeping a .bak.

Before, `import` copied every file a routine named as `image:`: a `.yaml` landed as
a new routine nobody had validated, `library/knee-to-chest.yaml` silently changed
the bundled routines' doses, and with `--replace` a file named like one of the
user's routines overwrote it with no backup.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timer_app.cli import main
from timer_app.storage import paths
from timer_app.storage.routines.catalog import load_catalog
from timer_app.storage.routines.importing import import_routine_file

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 "
SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n'
SHORTER_KNEE = "id: knee-to-chest\nname: Knee to chest\nhold: 1\nreps: 1\n"


def _routine(*images: str) -> str:
    lines = ["title: Sent by the clinic", "exercises:"]
    for n, image in enumerate(images):
        lines += [f"  - name: Stretch {n + 1}", "    hold: 20", f"    image: {image}"]
    return "\n".join(lines) + "\n"


def _write(path: Path, content: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode()
    path.write_bytes(content)
    return path


def test_only_real_pictures_are_copied(tmp_path: Path) -> None:
    sent = tmp_path / "sent"
    _write(sent / "knee.png", PNG)
    _write(sent / "tilt.jpg", JPEG)
    _write(sent / "bridge.webp", WEBP)
    _write(sent / "pics" / "walk.svg", SVG)
    _write(sent / "fake.png", "title: not a picture\n")
    _write(sent / "evil.yaml", "title: Evil\nexercises:\n  - name: Hold\n    hold: 3600\n")
    source = _write(
        sent / "sent.yaml",
        _routine("knee.png", "tilt.jpg", "bridge.webp", "pics/walk.svg", "fake.png", "evil.yaml"),
    )
    skipped: list[str] = []
    import_routine_file(source, skipped=skipped)

    user = paths.user_routines_dir()
    assert sorted(str(p.relative_to(user)) for p in user.rglob("*") if p.is_file()) == [
        "bridge.webp",
        "knee.png",
        "pics/walk.svg",
        "sent.yaml",
        "tilt.jpg",
    ]
    assert skipped == [
        f"{source}: the image 'fake.png' was not copied: "
        "its content is not a PNG, JPEG, SVG or WebP picture",
        f"{source}: the image 'evil.yaml' was not copied: "
        "its name does not end in .png, .jpg, .jpeg, .svg, .webp",
    ]
    assert set(load_catalog().routines) >= {"sent", "knee-to-chest"}
    assert "evil" not in load_catalog().routines


def test_nothing_lands_in_the_library(tmp_path: Path) -> None:
    sent = tmp_path / "sent"
    _write(sent / "library" / "knee-to-chest.yaml", SHORTER_KNEE)
    _write(sent / "library" / "knee.png", PNG)
    source = _write(sent / "sent.yaml", _routine("library/knee-to-chest.yaml", "library/knee.png"))
    before = load_catalog().routines["knee-to-chest"].exercises[0]
    skipped: list[str] = []
    import_routine_file(source, skipped=skipped)

    assert not (paths.user_routines_dir() / "library").exists()
    assert load_catalog().routines["knee-to-chest"].exercises[0] == before
    assert [note.split(": ", 1)[1] for note in skipped] == [
        "the image 'library/knee-to-chest.yaml' was not copied: "
        "an import never writes into the library folder",
        "the image 'library/knee.png' was not copied: "
        "an import never writes into the library folder",
    ]


def test_replace_never_overwrites_a_routine_and_keeps_a_bak_of_a_picture(tmp_path: Path) -> None:
    user = paths.user_routines_dir()
    mine = _write(user / "morning.yaml", "title: Morning\nexercises:\n  - use: bridging\n")
    _write(user / "knee.png", PNG + b"old")
    sent = tmp_path / "sent"
    _write(sent / "morning.yaml", PNG + b"named like my routine")
    _write(sent / "knee.png", PNG + b"new")
    source = _write(sent / "sent.yaml", _routine("morning.yaml", "knee.png"))

    import_routine_file(source, replace=True)

    assert mine.read_text() == "title: Morning\nexercises:\n  - use: bridging\n"
    assert load_catalog().routines["morning"].title == "Morning"
    assert (user / "knee.png").read_bytes() == PNG + b"new"
    assert (user / "knee.png.bak").read_bytes() == PNG + b"old"


def test_the_command_says_which_images_stayed_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sent = tmp_path / "sent"
    _write(sent / "notes.yaml", "title: Notes\nexercises:\n  - name: A\n    reps: 2\n")
    source = _write(sent / "sent.yaml", _routine("notes.yaml"))
    assert main(["import", str(source)]) == 0
    target = paths.user_routines_dir() / "sent.yaml"
    assert capsys.readouterr().out.splitlines() == [
        f"imported 'sent' (Sent by the clinic) to {target}",
        f"note: {source}: the image 'notes.yaml' was not copied: "
        "its name does not end in .png, .jpg, .jpeg, .svg, .webp",
    ]


def test_a_folder_that_cannot_be_written_is_that_files_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    """Before, an OSError while copying escaped: exit 2 and no file named."""
    data_dir.mkdir(parents=True)
    (data_dir / "routines").write_text("a file where the routines folder should be\n")
    source = _write(tmp_path / "sent" / "sent.yaml", _routine("knee.png"))
    _write(tmp_path / "sent" / "knee.png", PNG)
    assert main(["import", str(source)]) == 1
    out = capsys.readouterr()
    assert out.err == ""
    assert out.out.startswith(f"{source}: could not be copied: ")
