"""`translate()`: Qt's translator for the app's own words, with English plurals.

Call it as `translate("Context", "literal text")` (or with `None, n` for a "%n
day(s)" plural): pyside6-lupdate finds a string only in a call named `tr`,
`translate` or `QT_TRANSLATE_NOOP` whose context and text are literals, so a
helper such as `_t(text)` hides every string it is given from the template
(`assets/translations/update_translations.py`, docs/translating.md).

Qt without a translation for a plural only puts the number in for %n: "3
day(s)". The English forms come from `core.describe.english` then, so an
English desktop, or a language nobody has translated yet, reads "3 days".
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    translated = QCoreApplication.translate(context, text, disambiguation, n)
    if n >= 0 and translated == text.replace("%n", str(n)):
        # Untranslated: Qt gave the source back with only the number put in.
        # Imported here: pages that use no plural need not load the dose wording.
        from timer_app.core.describe import english

        return english(context, text, disambiguation, n)
    return translated


def local_date(moment: date | datetime, qt_format: str) -> str:
    """A date in the person's language ("Tue 01 Dec" or "Di. 01 Dez."): Python's
    strftime always writes C-locale English names, whatever the desktop's language.

    `qt_format` uses Qt's letters: "ddd dd MMM, HH:mm".
    """
    from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

    if isinstance(moment, datetime):
        value: QDate | QDateTime = QDateTime(
            QDate(moment.year, moment.month, moment.day),
            QTime(moment.hour, moment.minute, moment.second),
        )
    else:
        value = QDate(moment.year, moment.month, moment.day)
    return QLocale().toString(value, qt_format)


def translation_file(folder: Path | str, name: str, locale: QLocale) -> Path | None:
    """The `<name>_<language>.qm` in `folder` for the locale, as
    `QTranslator.load(locale, name, "_", folder)` picks it, or None.

    Found in one listing of the folder: Qt's own search opens ~14 file names per
    translation that is not there ("de_Latn_DE", "de_latn_de", with and without
    .qm...), before the first paint, for a language nobody translated.
    """
    try:
        names = {entry.lower(): entry for entry in os.listdir(folder) if entry.endswith(".qm")}
    except OSError:  # no folder: nothing to load
        return None
    tags = [tag.replace("-", "_") for tag in locale.uiLanguages()]
    # Qt's order: each of the locale's languages whole ("pt_Latn_BR", "pt_BR",
    # "pt_Latn", "pt"), then shortened at an underscore; letter case ignored.
    shortened = [tag[:cut] for tag in tags for cut in _cuts(tag)]
    for tag in dict.fromkeys(tags + shortened):
        found = names.get(f"{name}_{tag}.qm".lower())
        if found is not None:
            return Path(folder) / found
    return None


def _cuts(tag: str) -> list[int]:
    """Where `tag` can be shortened, longest first: "sr_Latn_RS" -> [7, 2]."""
    return [i for i in range(len(tag) - 1, 0, -1) if tag[i] == "_"]
