"""Only characters some installed font can draw go on the paper.

Qt merges fonts: a character the paper's font lacks (中, ✈) is drawn from another
installed font that has it. A character no installed font has (🧘 on a desktop
without an emoji font) would be drawn as the empty box of glyph 0, in a title a
patient pins on the fridge; it is left out instead, the words around it kept.
`QFontMetrics.inFontUcs4` answers for the merged fonts, as drawing does.

Applied to the handout's HTML blocks and footer (markup is ASCII, which every
font has), for the PDF and the printer; the HTML page keeps every character, for
a browser has its own fonts and a screen reader reads an emoji's name.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

# Joiners and emoji modifiers are invisible alone: dropped with what they join.
_JOINERS = frozenset({0x200D, 0xFE0E, 0xFE0F, *range(0x1F3FB, 0x1F400)})


class Printable:
    """Drops from text the characters no font can draw; answers cached per character."""

    def __init__(self, font: QFont) -> None:
        self._metrics = QFontMetrics(font)
        self._known: dict[str, bool] = {}

    def can_draw(self, char: str) -> bool:
        if char < "\x80":  # ASCII: markup, digits, plain words
            return True
        known = self._known.get(char)
        if known is None:
            known = self._known[char] = self._metrics.inFontUcs4(ord(char))
        return known

    def __call__(self, text: str) -> str:
        if text.isascii():
            return text
        kept: list[str] = []
        dropped = False
        for char in text:
            if dropped and ord(char) in _JOINERS:
                continue  # the modifier of a character left out
            dropped = not self.can_draw(char)
            if not dropped:
                kept.append(char)
        return "".join(kept)
