"""A handout's routine is the one its pages show, or it is not imported.

The PDF is written by `timer-app handout` (Qt draws it; the routine file is
embedded), then changed as someone could change it: the embedded routine edited
in place (its hold of 3 s made 9 s), or rewritten by pypdf with the standard
MD5 /CheckSum made to match. Import refuses both in plain words; an untouched
handout still comes in.
"""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from pypdf.generic import ByteStringObject, NameObject  # noqa: E402

from timer_app.cli import main  # noqa: E402
from timer_app.storage.pdf.attachments import read_attachments  # noqa: E402
from timer_app.storage.routines.catalog import load_catalog  # noqa: E402

ROUTINE = """\
id: short-holds
title: Short holds
exercises:
  - name: Knee hug
    hold: 3 s
    reps: 2
    instructions:
      - Lie on your back and hug one knee.
"""


@pytest.fixture
def handout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "clinic"
    folder.mkdir()
    (folder / "short-holds.yaml").write_text(ROUTINE)
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(folder))
    output = tmp_path / "handout.pdf"
    assert main(["handout", "short-holds", "--output", str(output)]) == 0
    # The patient's laptop: no clinic folder, an empty data folder.
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", "")
    monkeypatch.setenv("TIMER_APP_DATA_DIR", str(tmp_path / "patient"))
    return output


def _pages(pdf: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_an_untouched_handout_still_imports(
    handout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(handout)]) == 0
    assert "imported 'short-holds'" in capsys.readouterr().out
    assert load_catalog().routines["short-holds"].exercises[0].hold == 3


def test_a_hold_edited_inside_the_pdf_is_refused_and_nothing_is_imported(
    handout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = handout.read_bytes()
    assert data.count(b"hold: 3 s") == 1  # the embedded routine, stored as it is
    handout.write_bytes(data.replace(b"hold: 3 s", b"hold: 9 s"))
    assert "Hold 3 seconds" in _pages(handout)  # the paper still says 3 s

    assert main(["import", str(handout)]) == 1

    out = " ".join(capsys.readouterr().out.split())
    assert f"{handout}: the routine inside this PDF (routine/short-holds.yaml) was changed" in out
    assert "it is not what the handout's pages say; it was not imported." in out
    assert "Ask for a new handout, or import the routine file itself" in out
    assert "short-holds" not in load_catalog().routines  # was imported with a 9 s hold


def test_an_edit_that_fixes_the_standard_checksum_is_refused_too(handout: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(handout))
    edited = 0
    for spec in _filespecs(writer):
        stream = spec["/EF"]["/F"].get_object()
        content = stream.get_data()
        if b"hold: 3 s" in content:
            content = content.replace(b"hold: 3 s", b"hold: 9 s")
            stream.set_data(content)
            params = stream["/Params"]
            params[NameObject("/CheckSum")] = ByteStringObject(hashlib.md5(content).digest())
            params[NameObject("/Size")] = pypdf.generic.NumberObject(len(content))
            edited += 1
    assert edited == 1
    with handout.open("wb") as out:
        writer.write(out)

    assert main(["import", str(handout)]) == 1
    assert "short-holds" not in load_catalog().routines


def _filespecs(writer: pypdf.PdfWriter) -> list[pypdf.generic.DictionaryObject]:
    tree = writer.root_object["/Names"]["/EmbeddedFiles"]
    pairs = tree["/Names"]
    return [pairs[i + 1].get_object() for i in range(0, len(pairs), 2)]


def test_a_routine_changed_on_disk_after_it_was_read_is_not_embedded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timer_app.gui.paper import handout as paper

    folder = tmp_path / "clinic"
    folder.mkdir()
    (folder / "short-holds.yaml").write_text(ROUTINE)
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(folder))
    catalog = load_catalog()
    routine = catalog.routines["short-holds"]
    (folder / "short-holds.yaml").write_text(ROUTINE.replace("hold: 3 s", "hold: 9 s"))
    pdf = tmp_path / "handout.pdf"

    paper.write_handout_pdf(paper.gather(routine, catalog.library, date(2026, 3, 2)), pdf, "a4")

    assert "Hold 3 seconds" in _pages(pdf)  # drawn from the routine as read
    assert read_attachments(pdf.read_bytes()) == {}  # not the 9 s file beside it
