"""An emoji in a routine's title on the handout: drawn when an installed font has
it (Qt merges fonts), left out when none has, never printed as an empty box.

The PDF is written by `timer-app handout` and read back with pypdf: Qt maps a
character no font has to glyph 0, which reads back as NUL."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from PySide6.QtGui import QFontMetrics  # noqa: E402

from timer_app.cli import main  # noqa: E402
from timer_app.gui.paper.handout_glyphs import Printable  # noqa: E402
from timer_app.gui.paper.pdf_document import text_font  # noqa: E402

YOGA = "\U0001f9d8"  # 🧘, in emoji fonts only
THUMB = "\U0001f44d\U0001f3fd"  # 👍🏽: a thumb and its skin tone


def _handout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, title: str) -> str:
    folder = tmp_path / "clinic"
    folder.mkdir()
    (folder / "morning.yaml").write_text(
        f'id: morning\ntitle: "{title}"\nexercises:\n  - use: knee-to-chest\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("TIMER_APP_ROUTINES_PATH", str(folder))
    output = tmp_path / "handout.pdf"
    assert main(["handout", "morning", "--output", str(output)]) == 0
    reader = pypdf.PdfReader(io.BytesIO(output.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _drawable(char: str) -> bool:
    return QFontMetrics(text_font()).inFontUcs4(ord(char))


def test_an_emoji_in_the_title_is_never_an_empty_box(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = _handout(tmp_path, monkeypatch, f"{YOGA} Morning {THUMB} stretch ☺")
    assert "\x00" not in text  # glyph 0: the box (was the title's first character)
    assert "Morning" in text and "stretch" in text
    if _drawable(YOGA):  # a desktop with an emoji font prints it
        assert YOGA in text
    if _drawable("☺"):  # DejaVu Sans, the usual Linux sans serif, has it
        assert "☺" in text


def test_a_character_of_another_installed_font_is_printed_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not _drawable("中"):
        pytest.skip("no installed font has 中")
    text = _handout(tmp_path, monkeypatch, "中 Morning stretch")
    assert "中" in text  # font merging is left to work: no single family forced
    assert "\x00" not in text


def test_only_what_no_font_can_draw_is_left_out() -> None:
    printable = Printable(text_font())
    drawable = {c: _drawable(c) for c in (YOGA, "\U0001f44d", "é", "✈")}
    expected = "".join(part for part, keep in ((YOGA, drawable[YOGA]), (" Café ", True)) if keep)
    assert printable(f"{YOGA} Café ") == expected
    if not drawable["\U0001f44d"]:
        # The skin tone goes with the thumb: no modifier left on its own.
        assert printable(f"ok {THUMB}!") == "ok !"
    assert printable("<h1 style='font-size:20pt'>Plain</h1>") == (
        "<h1 style='font-size:20pt'>Plain</h1>"
    )
