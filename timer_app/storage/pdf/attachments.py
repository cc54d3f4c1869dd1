"""Files embedded in a PDF: added after Qt wrote it, read back by Import.

Qt's `QPdfWriter` cannot attach files, so a handout is written by Qt first and
its routine file (and the library exercises it uses) added afterwards with an
*incremental update*, the PDF standard's way to change a finished file without
touching a byte of it (ISO 32000-1, 7.5.6): new objects are appended (one
`EmbeddedFile` stream and one `Filespec` per file, a name tree listing them), the
`Names` dictionary (or the catalog, when it has none) is written again with
`/EmbeddedFiles`, then a new cross-reference section and a trailer whose `/Prev`
points at the old one. Any viewer shows the attachments; `read_attachments`
gets them back for Import.

Pure standard library, through `pdf_objects` (classic cross-reference tables
only: what Qt writes and what this module appends).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path

from timer_app.storage.pdf.objects import (
    Name,
    Parser,
    PdfFormatError,
    Ref,
    Stream,
    decode_text,
    serialize,
    text_string,
)

__all__ = ["AttachmentChanged", "PdfFormatError", "add_attachments", "read_attachments"]

MAX_PDF_BYTES = 50 * 1024 * 1024  # a handout is well under 5 MB; refuse a runaway file
# Each file's SHA-256, kept in its Filespec beside the standard MD5 /CheckSum: a
# tool that rewrites an embedded file and its /CheckSum does not know this key,
# and a tool that embeds a file anew leaves it out (`read_attachments`).
DIGEST = Name("TimerAppSHA256")


class AttachmentChanged(PdfFormatError):
    """An embedded file is not what was embedded: its content no longer matches
    the checksum written with it (edited inside the PDF after it was made)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"the file {name} it carries was changed after the PDF was made")
        self.name = name


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


class PdfDocument:
    """The objects of a PDF, found through its chain of cross-reference tables."""

    def __init__(self, data: bytes) -> None:
        if not data.startswith(b"%PDF-"):
            raise PdfFormatError("this is not a PDF file")
        self.data = data
        found = _STARTXREF.search(data[-64:])
        if found is None:
            raise PdfFormatError("the PDF's end (startxref) is missing: the file is cut short")
        self.startxref = int(found.group(1))
        self.offsets: dict[int, int] = {}
        self.trailer: dict[Name, object] = {}
        self._read_sections(self.startxref)

    def _read_sections(self, offset: int) -> None:
        seen: set[int] = set()
        first = True
        while offset not in seen:
            seen.add(offset)
            if not self.data.startswith(b"xref", offset):
                raise PdfFormatError(
                    "this PDF keeps its cross-references compressed, which is not read here"
                )
            parser = Parser(self.data, offset + 4)
            while True:
                parser.skip_space()
                if self.data.startswith(b"trailer", parser.pos):
                    parser.pos += len(b"trailer")
                    break
                start, count = parser.value(), parser.value()
                if not isinstance(start, int) or not isinstance(count, int):
                    raise PdfFormatError("a cross-reference section is damaged")
                parser.skip_space()
                table = self.data[parser.pos : parser.pos + 20 * count]
                for i in range(count):
                    entry = table[20 * i : 20 * i + 18].split()
                    if len(entry) == 3 and entry[2] == b"n":
                        self.offsets.setdefault(start + i, int(entry[0]))
                parser.pos += 20 * count
            trailer = parser.value()
            if not isinstance(trailer, dict):
                raise PdfFormatError("the PDF's trailer is damaged")
            if first:
                self.trailer = trailer
                first = False
            previous = trailer.get(Name("Prev"))
            if not isinstance(previous, int):
                return
            offset = previous

    def get(self, ref: object) -> object:
        """The object `ref` points at (a value that is not a reference is itself)."""
        if not isinstance(ref, Ref):
            return ref
        offset = self.offsets.get(ref.number)
        if offset is None:
            return None  # a free or missing object reads as null, as the standard says
        header = re.compile(rb"\s*" + str(ref.number).encode() + rb"\s+\d+\s+obj")
        found = header.match(self.data, offset)
        if found is None:
            raise PdfFormatError(f"object {ref.number} is not where the file says")
        return Parser(self.data, found.end()).value()

    def dictionary(self, ref: object) -> dict[Name, object]:
        found = self.get(ref)
        return found if isinstance(found, dict) else {}

    @property
    def size(self) -> int:
        size = self.trailer.get(Name("Size"))
        return size if isinstance(size, int) else max(self.offsets, default=0) + 1


def add_attachments(pdf: bytes, files: Mapping[str, bytes], description: str = "") -> bytes:
    """`pdf` with `files` (name -> content) embedded, appended as an incremental update."""
    document = PdfDocument(pdf)
    root = document.trailer.get(Name("Root"))
    if not isinstance(root, Ref):
        raise PdfFormatError("the PDF has no catalog")
    catalog = document.dictionary(root)
    next_number = document.size
    new: dict[int, bytes] = {}

    def add(value: object) -> Ref:
        nonlocal next_number
        ref = Ref(next_number)
        next_number += 1
        new[ref.number] = serialize(value)
        return ref

    names: list[object] = []
    for name in sorted(files):  # a name tree's keys are sorted
        content = files[name]
        stream = add(
            Stream(
                {
                    Name("Type"): Name("EmbeddedFile"),
                    Name("Params"): {
                        Name("Size"): len(content),
                        Name("CheckSum"): hashlib.md5(content).digest(),
                    },
                },
                content,
            )
        )
        spec = {
            Name("Type"): Name("Filespec"),
            Name("F"): name.encode("ascii", "replace"),
            Name("UF"): text_string(name),
            Name("EF"): {Name("F"): stream},
            DIGEST: hashlib.sha256(content).digest(),
        }
        if description:
            spec[Name("Desc")] = text_string(description)
        names += [text_string(name), add(spec)]
    tree = add({Name("Names"): names})
    names_ref = catalog.get(Name("Names"))
    if isinstance(names_ref, Ref):  # Qt's own (empty) Names dictionary: written again
        updated = {**document.dictionary(names_ref), Name("EmbeddedFiles"): tree}
        new[names_ref.number] = serialize(updated)
    else:
        names_dict = names_ref if isinstance(names_ref, dict) else {}
        catalog = {**catalog, Name("Names"): {**names_dict, Name("EmbeddedFiles"): tree}}
        new[root.number] = serialize(catalog)
    return pdf + _update(pdf, new, document, next_number)


def _update(pdf: bytes, objects: dict[int, bytes], document: PdfDocument, size: int) -> bytes:
    out = bytearray(b"" if pdf.endswith(b"\n") else b"\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(pdf) + len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref = len(pdf) + len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number in sorted(offsets):  # one subsection per object: simple and valid
        out += f"{number} 1\n{offsets[number]:010d} 00000 n \n".encode()
    trailer: dict[Name, object] = {Name("Size"): size, Name("Prev"): document.startxref}
    for key in ("Root", "Info", "ID"):
        if Name(key) in document.trailer:
            trailer[Name(key)] = document.trailer[Name(key)]
    out += b"trailer\n" + serialize(trailer) + f"\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def read_attachments(pdf: bytes) -> dict[str, bytes]:
    """Every embedded file of `pdf` (name -> content); {} when it has none.

    A damaged file raises `PdfFormatError`, whatever the damage: Import names the
    file and goes on with the others. A file whose content does not match the
    checksums written with it (the standard MD5 /CheckSum, and `DIGEST`) raises
    `AttachmentChanged`; so does one without `DIGEST` beside files that have it
    (taken out and embedded again by another tool)."""
    try:
        return _read_attachments(pdf)
    except PdfFormatError:
        raise
    except (ValueError, IndexError, KeyError, RecursionError) as error:
        raise PdfFormatError(f"this PDF is damaged ({type(error).__name__})") from None


def _read_attachments(pdf: bytes) -> dict[str, bytes]:
    document = PdfDocument(pdf)
    catalog = document.dictionary(document.trailer.get(Name("Root")))
    names = document.dictionary(catalog.get(Name("Names")))
    tree = document.dictionary(names.get(Name("EmbeddedFiles")))
    found: dict[str, bytes] = {}
    digests: dict[str, bool] = {}
    _walk(document, tree, found, digests, depth=0)
    if any(digests.values()):
        unchecked = sorted(name for name, has in digests.items() if not has)
        if unchecked:
            raise AttachmentChanged(unchecked[0])
    return found


def _walk(
    document: PdfDocument,
    node: dict[Name, object],
    found: dict[str, bytes],
    digests: dict[str, bool],
    depth: int,
) -> None:
    if depth > 8:  # a name tree is shallow; a loop would never end
        raise PdfFormatError("the attachments' name tree is too deep")
    pairs = document.get(node.get(Name("Names")))
    if isinstance(pairs, list):
        for key, spec_ref in zip(pairs[::2], pairs[1::2], strict=False):
            spec = document.dictionary(spec_ref)
            name = decode_text(spec.get(Name("UF"))) or decode_text(spec.get(Name("F")))
            name = name or decode_text(key)
            stream = document.get(document.dictionary(spec.get(Name("EF"))).get(Name("F")))
            if isinstance(stream, Stream):
                content = stream.data()
                params = document.dictionary(stream.dictionary.get(Name("Params")))
                digests[name] = _checked(name, content, spec.get(DIGEST), params)
                found[name] = content
    kids = document.get(node.get(Name("Kids")))
    if isinstance(kids, list):
        for kid in kids:
            _walk(document, document.dictionary(kid), found, digests, depth + 1)


def _checked(name: str, content: bytes, digest: object, params: dict[Name, object]) -> bool:
    """Raise `AttachmentChanged` when `content` is not what its checksums say;
    whether it had our `DIGEST`. Files without checksums (another tool's) pass."""
    checksum = params.get(Name("CheckSum"))
    if isinstance(checksum, bytes) and checksum != hashlib.md5(content).digest():
        raise AttachmentChanged(name)
    if digest is None:
        return False
    if digest != hashlib.sha256(content).digest():
        raise AttachmentChanged(name)
    return True


def read_attachments_file(path: Path) -> dict[str, bytes]:
    """`read_attachments` of a file, refusing one too large to be a handout."""
    with path.open("rb") as stream:
        data = stream.read(MAX_PDF_BYTES + 1)
    if len(data) > MAX_PDF_BYTES:
        raise PdfFormatError("this PDF is too large to be a handout")
    return read_attachments(data)
