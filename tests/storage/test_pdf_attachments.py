"""Files embedded in a PDF by an incremental update, read back by pypdf and by us.

The base PDF is made by pypdf (pure Python, so this runs in the no-Qt job too);
the handout tests in tests/gui do the same on the PDF Qt writes.
"""

from __future__ import annotations

import io

import pytest

pypdf = pytest.importorskip("pypdf")

from timer_app.storage.pdf.attachments import (  # noqa: E402
    AttachmentChanged,
    PdfFormatError,
    add_attachments,
    read_attachments,
)

ROUTINE = b"id: piriformis\ntitle: Piriformis stretch\nexercises:\n  - use: piriformis\n"
LIBRARY = "id: piriformis\nname: Piriformis stretch — café\nhold: 45 s\n".encode()


def _blank_pdf(pages: int = 2) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_attachments_are_seen_by_another_reader_and_the_pages_stay() -> None:
    original = _blank_pdf()
    files = {"routine/piriformis.yaml": ROUTINE, "library/piriformis.yaml": LIBRARY}

    pdf = add_attachments(original, files, "The routine this handout shows")

    assert pdf.startswith(original)  # an incremental update changes no byte before it
    reader = pypdf.PdfReader(io.BytesIO(pdf), strict=True)
    assert len(reader.pages) == 2
    assert {name: data[0] for name, data in reader.attachments.items()} == files


def test_our_reader_gets_back_exactly_what_was_attached() -> None:
    files = {"routine/piriformis.yaml": ROUTINE, "library/piriformis.yaml": LIBRARY}
    assert read_attachments(add_attachments(_blank_pdf(), files)) == files


def test_a_pdf_rewritten_by_another_tool_with_compressed_streams_still_reads() -> None:
    # A clinic's system may save the handout again: pypdf rewrites it with its own
    # objects (Flate-compressed embedded files, a fresh cross-reference table).
    pdf = add_attachments(_blank_pdf(), {"routine/a.yaml": ROUTINE})
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf))
    writer.compress_identical_objects()
    for page in writer.pages:
        page.compress_content_streams()
    out = io.BytesIO()
    writer.write(out)
    assert read_attachments(out.getvalue()) == {"routine/a.yaml": ROUTINE}


def test_a_pdf_without_attachments_has_none() -> None:
    assert read_attachments(_blank_pdf()) == {}


@pytest.mark.parametrize(
    "data",
    [
        b"id: piriformis\n",
        b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n",
        b"%PDF-1.4\nstartxref\n99999\n%%EOF\n",
    ],
)
def test_something_that_is_not_a_whole_pdf_is_refused_with_a_reason(data: bytes) -> None:
    with pytest.raises(PdfFormatError):
        read_attachments(data)


def test_a_file_embedded_anew_by_another_tool_beside_checked_ones_is_refused() -> None:
    # pypdf's add_attachment writes no checksum: a routine swapped in that way
    # must not pass as the one embedded with the others.
    pdf = add_attachments(_blank_pdf(), {"library/piriformis.yaml": LIBRARY})
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    writer.add_attachment("routine/piriformis.yaml", ROUTINE.replace(b"piriformis\n", b"x\n"))
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(AttachmentChanged) as caught:
        read_attachments(out.getvalue())
    assert caught.value.name == "routine/piriformis.yaml"


def test_files_from_a_tool_that_writes_no_checksums_are_read_as_they_are() -> None:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_attachment("routine/piriformis.yaml", ROUTINE)
    out = io.BytesIO()
    writer.write(out)
    assert read_attachments(out.getvalue()) == {"routine/piriformis.yaml": ROUTINE}
