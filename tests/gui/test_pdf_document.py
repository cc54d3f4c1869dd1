"""The page layout under the handout and the report: blocks whole, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from timer_app.gui.paper.pdf_document import Document, PaperSettings, write_pdf

pypdf = pytest.importorskip("pypdf")


def test_a_block_taller_than_a_page_goes_on_over_the_next_pages_whole(
    qapp: QApplication, tmp_path: Path
) -> None:
    # A year of stops can make one table longer than a page: before, everything
    # past the first page's end was clipped away.
    stops = "".join(f"<li>Stop number {n} of the year</li>" for n in range(1, 151))
    blocks = ["<h1>Report</h1>", f"<ul>{stops}</ul>", "<p>The routines as prescribed</p>"]
    pdf = tmp_path / "long.pdf"

    pages = write_pdf(
        pdf, Document(blocks), PaperSettings("a4", "Long"), lambda p, n: f"Page {p} of {n}"
    )

    texts = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages]
    assert len(texts) == pages >= 3
    whole = " ".join(texts)
    for n in range(1, 151):
        assert whole.count(f"Stop number {n} of the year") == 1, n
    assert "The routines as prescribed" in texts[-1]
    assert all(f"Page {i} of {pages}" in text for i, text in enumerate(texts, start=1))


@pytest.mark.parametrize(
    ("locale", "paper"),
    [("en_US", "letter"), ("fr_CA", "letter"), ("en_GB", "a4"), ("de_DE", "a4")],
)
def test_the_paper_is_the_countrys(qapp: QApplication, locale: str, paper: str) -> None:
    from PySide6.QtCore import QLocale

    from timer_app.gui.paper.pdf_document import default_paper

    before = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        assert default_paper() == paper
    finally:
        QLocale.setDefault(before)
