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

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication


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
