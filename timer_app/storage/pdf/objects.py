"""Just enough of PDF's object syntax to add and read file attachments.

Pure standard library (no Qt: storage has none). It reads the classic
cross-reference tables Qt's `QPdfWriter` writes (and the incremental updates
`pdf_attachments` appends), parses one object at a time into plain Python values,
and writes values back. It is not a general PDF reader: a file with
cross-reference streams or object streams (PDF 1.5 compression, as other tools
may rewrite it) is refused with `PdfFormatError`, never misread.

Values: `dict` (a dictionary, keys are `Name`), `list` (an array), `int`,
`float`, `bytes` (a string), `Name`, `Ref`, `bool`, `None`, and `Stream` (a
dictionary and its raw bytes).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

_WHITESPACE = b"\x00\t\n\x0c\r "
_DELIMITERS = b"()<>[]{}/%"
_NUMBER = re.compile(rb"[+-]?(\d+\.?\d*|\.\d+)")
_REF = re.compile(rb"(\d+)\s+(\d+)\s+R(?=[\s/<>\[\]()%]|$)")
_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj")
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


class PdfFormatError(ValueError):
    """The file is not a PDF this module can read (or not a PDF at all)."""


class Name(str):
    """A PDF name (`/Type`), kept without its slash."""


@dataclass(frozen=True)
class Ref:
    number: int
    generation: int = 0


@dataclass(frozen=True)
class Stream:
    dictionary: dict[Name, object]
    raw: bytes

    def data(self) -> bytes:
        """The stream's bytes, inflated when it is FlateDecode (the one filter read)."""
        found = self.dictionary.get(Name("Filter"))
        if found is None:
            return self.raw
        if found == Name("FlateDecode") or found == [Name("FlateDecode")]:
            try:
                return zlib.decompress(self.raw)
            except zlib.error as error:
                raise PdfFormatError(f"a compressed stream is damaged ({error})") from None
        raise PdfFormatError(f"a stream uses the filter {found!r}, which is not read here")


class Parser:
    """Parses values from `data` starting at `pos`."""

    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data = data
        self.pos = pos

    def skip_space(self) -> None:
        data = self.data
        while self.pos < len(data):
            byte = data[self.pos : self.pos + 1]
            if byte in _WHITESPACE and byte:
                self.pos += 1
            elif byte == b"%":  # a comment runs to the end of the line
                while self.pos < len(data) and data[self.pos : self.pos + 1] not in b"\r\n":
                    self.pos += 1
            else:
                return

    def value(self) -> object:
        self.skip_space()
        data, pos = self.data, self.pos
        if pos >= len(data):
            raise PdfFormatError("the file ends in the middle of an object")
        if data.startswith(b"<<", pos):
            return self._dictionary()
        head = data[pos : pos + 1]
        if head == b"[":
            self.pos += 1
            items: list[object] = []
            while True:
                self.skip_space()
                if self.data.startswith(b"]", self.pos):
                    self.pos += 1
                    return items
                items.append(self.value())
        if head == b"/":
            return Name(self._word(pos + 1).decode("latin-1"))
        if head == b"(":
            return self._literal()
        if head == b"<":
            end = data.index(b">", pos)
            hexes = re.sub(rb"\s", b"", data[pos + 1 : end])
            self.pos = end + 1
            return bytes.fromhex((hexes + b"0" * (len(hexes) % 2)).decode("ascii"))
        ref = _REF.match(data, pos)
        if ref:
            self.pos = ref.end()
            return Ref(int(ref.group(1)), int(ref.group(2)))
        number = _NUMBER.match(data, pos)
        if number:
            self.pos = number.end()
            text = number.group(0)
            return float(text) if b"." in text else int(text)
        word = self._word(pos)
        if word in (b"true", b"false"):
            return word == b"true"
        if word == b"null":
            return None
        raise PdfFormatError(f"unexpected {word[:20]!r} at byte {pos}")

    def _word(self, start: int) -> bytes:
        end = start
        while end < len(self.data) and self.data[end : end + 1] not in _WHITESPACE + _DELIMITERS:
            end += 1
        self.pos = end
        return self.data[start:end]

    def _dictionary(self) -> dict[Name, object] | Stream:
        self.pos += 2
        found: dict[Name, object] = {}
        while True:
            self.skip_space()
            if self.data.startswith(b">>", self.pos):
                self.pos += 2
                break
            key = self.value()
            if not isinstance(key, Name):
                raise PdfFormatError(f"a dictionary key is not a name at byte {self.pos}")
            found[key] = self.value()
        self.skip_space()
        if not self.data.startswith(b"stream", self.pos):
            return found
        start = self.pos + len(b"stream")
        start += 2 if self.data.startswith(b"\r\n", start) else 1
        length = found.get(Name("Length"))
        if not isinstance(length, int):  # Qt writes direct lengths; so do we
            raise PdfFormatError("a stream's length is not a direct number")
        self.pos = start + length
        return Stream(found, self.data[start : start + length])

    def _literal(self) -> bytes:
        out = bytearray()
        depth = 0
        pos = self.pos + 1
        data = self.data
        while pos < len(data):
            byte = data[pos : pos + 1]
            if byte == b"\\":
                following = data[pos + 1 : pos + 2]
                octal = re.match(rb"[0-7]{1,3}", data[pos + 1 : pos + 4])
                if octal:
                    out.append(int(octal.group(0), 8) & 0xFF)
                    pos += 1 + len(octal.group(0))
                    continue
                if following in b"\r\n":  # a line continued
                    pos += 2
                    continue
                out += _ESCAPES.get(following, following)
                pos += 2
                continue
            if byte == b"(":
                depth += 1
            elif byte == b")":
                if depth == 0:
                    self.pos = pos + 1
                    return bytes(out)
                depth -= 1
            out += byte
            pos += 1
        raise PdfFormatError("a string is never closed")


def serialize(value: object) -> bytes:
    """`value` in PDF syntax (strings always as hex: nothing to escape)."""
    if isinstance(value, Name):
        return b"/" + value.encode("latin-1")
    if isinstance(value, bool):
        return b"true" if value else b"false"
    if value is None:
        return b"null"
    if isinstance(value, Ref):
        return f"{value.number} {value.generation} R".encode()
    if isinstance(value, int):
        return str(value).encode()
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".").encode()
    if isinstance(value, bytes):
        return b"<" + value.hex().encode() + b">"
    if isinstance(value, list):
        return b"[" + b" ".join(serialize(v) for v in value) + b"]"
    if isinstance(value, dict):
        items = b" ".join(serialize(Name(k)) + b" " + serialize(v) for k, v in value.items())
        return b"<< " + items + b" >>"
    if isinstance(value, Stream):
        head = serialize({**value.dictionary, Name("Length"): len(value.raw)})
        return head + b"\nstream\n" + value.raw + b"\nendstream"
    raise TypeError(f"cannot write {type(value).__name__} as PDF")


def text_string(text: str) -> bytes:
    """A text string as PDF wants it: UTF-16BE with its byte order mark."""
    return b"\xfe\xff" + text.encode("utf-16-be")


def decode_text(raw: object) -> str:
    if not isinstance(raw, bytes):
        return ""
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    return raw.decode("latin-1")
