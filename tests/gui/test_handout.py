"""The printable handout: what a patient pins on the fridge, and what Import reads back.

Real routine files in a clinic folder (with its clinic.yaml and its own library
exercise), the PDF written by the `timer-app handout` command, and read back page
by page with pypdf, as a viewer or a screen reader would.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from timer_app.cli import main  # noqa: E402
from timer_app.gui.pages import safety_words  # noqa: E402
from timer_app.storage import paths  # noqa: E402
from timer_app.storage.pdf.attachments import read_attachments  # noqa: E402
from timer_app.storage.routines.catalog import load_catalog  # noqa: E402

# A clinic's own library exercise: the bundled piriformis dose under a new id, so
# a patient's computer does not have it until the handout is imported.
CLINIC_PIRIFORMIS = """\
id: clinic-piriformis
name: Piriformis stretch (seated)
instructions:
  - Sit down.
  - Cross the ankle of your affected leg over the opposite knee.
  - Lean forward gently and hold.
cautions:
  - Lean forward gently; stretch to mild tension only.
hold: 45 s
"""

ROUTINE = """\
id: clinic-flexibility
title: Flexibility and floor work
frequency: 2x/day
description: The exercises your therapist showed you, in this order.
safety:
  - Stop if pain spreads or radiates down your leg.
exercises:
  - use: knee-to-chest
  - use: clinic-piriformis
  - use: pelvic-tilt
  - use: cat-cow
  - use: bridging
  - use: bird-dog
  - use: partial-curl
  - use: prone-on-elbows
  - use: walking
"""


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "clinic"
    (folder / "library").mkdir(parents=True)
    (folder / "library" / "clinic-piriformis.yaml").write_text(CLINIC_PIRIFORMIS)
    (folder / "clinic-flexibility.yaml").write_text(ROUTINE)
    (folder / "clinic.yaml").write_text(
        'name: Riverside Physio\nphone: 01234 567890\nemergency_number: "999"\n'
    )
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(folder))
    safety_words.emergency_number.cache_clear()
    yield folder
    safety_words.emergency_number.cache_clear()


def _handout(tmp_path: Path, *extra: str) -> Path:
    output = tmp_path / "handout.pdf"
    assert main(["handout", "clinic-flexibility", "--output", str(output), *extra]) == 0
    return output


def _pages(pdf: Path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    # pypdf puts tabs or line breaks between words: one space, as a reader reads it.
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_every_card_is_whole_on_exactly_one_page(clinic: Path, tmp_path: Path) -> None:
    pages = _pages(_handout(tmp_path, "--paper", "a4"))
    routine = load_catalog().routines["clinic-flexibility"]

    assert len(pages) >= 3  # nine cards do not fit on one or two pages
    for number, exercise in enumerate(routine.exercises, start=1):
        title = f"{number}. {exercise.name}"
        holding = [i for i, text in enumerate(pages) if title in text]
        assert len(holding) == 1, f"{title!r} is on pages {holding}"
        # The card's last words (its caution, or its dose) are on the same page.
        last = exercise.cautions[-1] if exercise.cautions else exercise.instructions[-1]
        assert last in pages[holding[0]], f"the card {title!r} is split"


def test_the_dose_is_in_everyday_words_and_the_header_says_who_and_how_often(
    clinic: Path, tmp_path: Path
) -> None:
    text = " ".join(_pages(_handout(tmp_path)))

    assert "Hold 30 seconds. Do it 3 times on each side, changing side each time." in text
    assert "Hold 45 seconds. Do it once." in text
    assert "Keep going for 5 minutes." in text
    assert "Riverside Physio · 01234 567890" in text
    assert "twice a day · about" in text
    assert "Name:" in text
    # The shared safety text, with the clinic's emergency number, and the tick log.
    assert "Emergency: call 999 or go to A&E" in text
    assert "Urgent: contact your doctor today" in text
    assert "Session 1" in text and "Session 2" in text and "Session 3" not in text
    assert "Pain 0–10" in text


def test_every_page_has_its_number_and_the_routines_version(clinic: Path, tmp_path: Path) -> None:
    routine = load_catalog().routines["clinic-flexibility"]
    pages = _pages(_handout(tmp_path))
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)} · clinic-flexibility · version " in text
        assert routine.content_hash[:8] in text


def test_text_reads_back_without_ligatures(clinic: Path, tmp_path: Path) -> None:
    text = " ".join(_pages(_handout(tmp_path)))
    assert "Lie flat on your back." in text  # "fl", not the one glyph "ﬂ"
    assert not re.search("[\ufb00-\ufb06]", text)


def test_letter_paper_when_asked(clinic: Path, tmp_path: Path) -> None:
    reader = pypdf.PdfReader(_handout(tmp_path, "--paper", "letter"))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_the_handout_carries_the_routine_and_its_clinic_library(
    clinic: Path, tmp_path: Path
) -> None:
    files = read_attachments(_handout(tmp_path).read_bytes())
    assert files["routine/clinic-flexibility.yaml"] == ROUTINE.encode()
    assert files["library/clinic-piriformis.yaml"] == CLINIC_PIRIFORMIS.encode()
    assert "library/knee-to-chest.yaml" in files


def test_importing_the_handout_on_another_computer_recreates_the_routine(
    clinic: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pdf = _handout(tmp_path)
    original = load_catalog().routines["clinic-flexibility"]
    # The patient's laptop: no clinic folder, an empty data folder.
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", "")
    monkeypatch.setenv("TIMER_APP_DATA_DIR", str(tmp_path / "patient"))
    assert "clinic-flexibility" not in load_catalog().routines

    assert main(["import", str(pdf)]) == 0

    assert "imported 'clinic-flexibility'" in capsys.readouterr().out
    imported = load_catalog().routines["clinic-flexibility"]
    assert imported.content_hash == original.content_hash
    assert [(e.name, e.hold, e.reps, e.sides) for e in imported.exercises] == [
        (e.name, e.hold, e.reps, e.sides) for e in original.exercises
    ]
    assert (paths.user_routines_dir() / "library" / "clinic-piriformis.yaml").is_file()


def test_a_pdf_that_is_no_handout_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    letter = tmp_path / "letter.pdf"
    with letter.open("wb") as stream:
        writer.write(stream)

    assert main(["import", str(letter)]) == 1
    assert f"{letter}: this PDF carries no routine" in capsys.readouterr().out


def test_the_html_page_has_headings_and_alt_text(clinic: Path, tmp_path: Path) -> None:
    output = tmp_path / "handout.html"
    assert main(["handout", "clinic-flexibility", "--html", "--output", str(output)]) == 0
    page = output.read_text(encoding="utf-8")

    assert "<h1" in page and page.count("<h2") == 9 + 2  # cards, when to stop, tick log
    assert "alt='Picture: Knee-to-chest stretch'" in page
    assert "src='data:image/png;base64," in page  # one file, pictures inside
    assert "Hold 45 seconds. Do it once." in page


def test_an_unknown_routine_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["handout", "no-such-routine"]) == 1
    assert "no routine has the id 'no-such-routine'" in capsys.readouterr().err


def test_pictures_are_drawn_at_300_dpi_and_the_pdf_renders(clinic: Path, tmp_path: Path) -> None:
    import shutil
    import subprocess

    pdf = _handout(tmp_path)
    widths = set()
    for page in pypdf.PdfReader(pdf).pages:
        objects = page["/Resources"].get("/XObject", {})
        for ref in objects.values():
            image = ref.get_object()
            if image.get("/Subtype") == "/Image" and "/SMask" in image:
                widths.add(int(image["/Width"]))
    # 45 mm wide on paper at 300 dots per inch: 531 pixels (the SVG's own size is 320).
    assert widths == {531}
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
        capture_output=True,
    )
    # What a reader sees: a page with print on it, not a blank sheet (a PDF whose
    # drawing failed still has its pages and their size).
    from PySide6.QtGui import QImage

    rendered = QImage(str(tmp_path / "page-1.png"))
    assert not rendered.isNull()
    dark = sum(
        1
        for y in range(0, rendered.height(), 2)
        for x in range(0, rendered.width(), 2)
        if rendered.pixelColor(x, y).lightness() < 128
    )
    sampled = ((rendered.height() + 1) // 2) * ((rendered.width() + 1) // 2)
    assert dark > sampled * 0.005


def test_a_routine_file_gone_since_it_was_read_still_prints(clinic: Path, tmp_path: Path) -> None:
    from datetime import date

    from timer_app.gui.paper import handout

    catalog = load_catalog()
    routine = catalog.routines["clinic-flexibility"]
    (clinic / "clinic-flexibility.yaml").unlink()  # a therapist tidied the folder meanwhile
    pdf = tmp_path / "handout.pdf"

    pages = handout.write_handout_pdf(
        handout.gather(routine, catalog.library, date(2026, 3, 2)), pdf, "a4"
    )

    assert pages == len(_pages(pdf)) >= 3
    assert read_attachments(pdf.read_bytes()) == {}


def test_the_ready_screens_precautions_are_on_the_paper_too(tmp_path: Path) -> None:
    output = tmp_path / "mckenzie.pdf"
    assert main(["handout", "mckenzie-extension", "--output", str(output)]) == 0
    text = " ".join(_pages(output))
    assert "If you have been told you have spinal stenosis, ask your therapist" in text
    assert "Only do this exercise if it centralizes your pain" in text  # the routine's own line
