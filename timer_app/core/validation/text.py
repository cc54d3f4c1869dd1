"""Text from a routine file is plain text: no control characters, no invisible names.

YAML's double-quoted escapes (`"\\e[2J"`, `"\\x9b"`, `"\\0"`) let a file carry any
character past the parser. A terminal escape in a title set the terminal's title
and cleared the screen when `timer-app list` printed it; a carriage return or line
feed in a name split a message over lines; a title of only U+200B or U+FEFF showed
as an empty row. So: control characters are refused (a tab or a line break is
allowed in the long text fields, which are shown as paragraphs), a one-line field
must be one line, and a title or a name must show something.
"""

from __future__ import annotations

import unicodedata

from timer_app.core.validation.messages import echo, escaped

# Shown as paragraphs, where a line break or a tab is ordinary text.
LONG_TEXT_FIELDS = frozenset(
    {"description", "note", "instructions", "cautions", "safety", "precautions"}
)
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# Categories that draw nothing: controls, format characters (U+200B, U+FEFF, the
# bidi marks), separators and marks that only combine with a letter.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zs", "Zl", "Zp", "Mn", "Me"})
# Letters and symbols that are blank by design (Hangul fillers, the Braille blank).
_BLANK_CHARACTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def text_problem(field: str, value: str) -> tuple[str, str] | None:
    """(message, hint) when `value` holds a character the field may not hold."""
    long_text = field in LONG_TEXT_FIELDS
    plain = value.replace("\n", "").replace("\t", "") if long_text else value
    if plain.isprintable():  # the usual case, at C speed: no control, no line break
        return None
    for index, char in enumerate(value):
        if long_text and char in "\t\n":
            continue
        if not long_text and char in _LINE_BREAKS:
            return (
                f"{field} must be one line; it has a line break ({escaped(char)}) "
                f"after '{echo(value[:index])}'",
                "write it on one line",
            )
        if unicodedata.category(char) in ("Cc", "Zl", "Zp"):
            return (
                f"{field} holds a control character ({escaped(char)}) "
                f"after '{echo(value[:index])}'",
                "remove it: routine text is plain text",
            )
    return None


def looks_empty(value: str) -> bool:
    """True when nothing in `value` would show on screen (spaces, U+200B, U+FEFF...)."""
    return all(
        char in _BLANK_CHARACTERS or unicodedata.category(char) in _INVISIBLE_CATEGORIES
        for char in value
    )
