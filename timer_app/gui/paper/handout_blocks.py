"""What a routine's handout says, as blocks of HTML: the PDF and the HTML page
print the same blocks, so they cannot say different things.

Header (title, clinic, date, how often and how long, a line for the patient's
name), one card per exercise (picture, steps, the dose in everyday words, the
therapist's cautions), the routine's own safety lines and the shared three-tier
safety text (`core.safety_text`, the Safety page's words and number), and a
two-week tick log. Every clinical word comes from the routine file or the shared
safety text; this module only arranges them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape

from timer_app.core import safety_text
from timer_app.core.describe import SEPARATOR, frequency_in_words, total_time_in_words
from timer_app.core.handout_words import everyday_dose
from timer_app.core.precautions import precautions_in_words
from timer_app.core.routine import Exercise, Routine
from timer_app.core.safety_text import Tier
from timer_app.gui.translation import local_date, translate

LOG_DAYS = 14
BORDER = "#777777"
# (src, width, height) of an exercise's picture in layout units, or None.
PictureSource = Callable[[int], "tuple[str, float, float] | None"]


@dataclass(frozen=True)
class Clinic:
    name: str = ""
    phone: str = ""


def header_block(routine: Routine, clinic: Clinic, today: date, patient: str = "") -> str:
    how_often = [
        frequency_in_words(routine.frequency, translate),
        total_time_in_words(routine, translate),
    ]
    lines = [f"<h1 style='font-size:20pt'>{escape(routine.title)}</h1>"]
    who = SEPARATOR.join(escape(part) for part in (clinic.name, clinic.phone) if part)
    if who:
        lines.append(f"<p style='font-size:12pt'>{who}</p>")
    lines.append(
        "<p style='font-size:13pt'><b>"
        + escape(SEPARATOR.join(p for p in how_often if p))
        + "</b></p>"
    )
    if routine.description:
        lines.append(f"<p>{escape(routine.description)}</p>")
    # The ready screen's "Ask your therapist first" (core/precautions.py), on paper too.
    for text in precautions_in_words(routine.all_precautions, translate):
        lines.append(f"<p><b>{escape(text)}</b></p>")
    printed = translate("Handout", "Printed on {date}").format(
        date=local_date(today, "d MMMM yyyy")
    )
    name = translate("Handout", "Name:")
    lines.append(
        f"<table width='100%' cellpadding='2'><tr><td>{escape(name)} "
        f"{escape(patient) if patient else '_' * 40}</td>"
        f"<td align='right'>{escape(printed)}</td></tr></table>"
    )
    return "\n".join(lines)


def card_block(number: int, exercise: Exercise, picture: tuple[str, float, float] | None) -> str:
    """One exercise's card: a framed table, picture left, words right."""
    words = [f"<h2 style='font-size:15pt'>{number}. {escape(exercise.name)}</h2>"]
    if exercise.instructions:
        items = "".join(f"<li>{escape(step)}</li>" for step in exercise.instructions)
        words.append(f"<ol>{items}</ol>")
    dose = " ".join(everyday_dose(exercise, translate))
    words.append(f"<p style='font-size:13pt'><b>{escape(dose)}</b></p>")
    if exercise.cautions:
        heading = escape(translate("Handout", "Take care:"))
        items = "".join(f"<li>{escape(c)}</li>" for c in exercise.cautions)
        words.append(f"<p><b>{heading}</b></p><ul>{items}</ul>")
    cells = f"<td valign='top'>{''.join(words)}</td>"
    if picture is not None:
        src, width, height = picture
        alt = escape(translate("Handout", "Picture: {name}").format(name=exercise.name))
        cells = (
            f"<td valign='top' width='{width:.0f}'><img src='{escape(src)}' "
            f"width='{width:.0f}' height='{height:.0f}' alt='{alt}'></td>" + cells
        )
    return (
        f"<table width='100%' border='1' cellspacing='0' cellpadding='8' "
        f"style='border-collapse:collapse; border-color:{BORDER}'><tr>{cells}</tr></table>"
    )


def safety_block(routine: Routine, number: str) -> str:
    """The routine's own lines, then the shared three tiers (the Safety page's)."""
    shared = {safety_text.routine_line(tier) for tier in Tier}
    own = [line for line in routine.safety if line not in shared]
    title = translate("Handout", "When to stop")
    parts = [f"<h2 style='font-size:15pt'>{escape(title)}</h2>"]
    if own:
        parts.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in own) + "</ul>")
    for tier in safety_text.tiers(number, translate):
        signs = "".join(f"<li>{escape(sign)}</li>" for sign in tier.signs)
        heading = f"<p><b>{escape(tier.heading)}</b></p><ul>{signs}</ul>"
        if tier.tier is Tier.EMERGENCY:  # framed, as on the Safety page
            heading = (
                "<table width='100%' border='2' cellspacing='0' cellpadding='6' "
                f"style='border-collapse:collapse'><tr><td>{heading}</td></tr></table>"
            )
        parts.append(heading)
    return "\n".join(parts)


def tick_log_block(routine: Routine) -> str:
    """Two weeks: a row per day, a box per session, and the pain 0-10."""
    frequency = routine.frequency
    per_day = frequency.times if frequency is not None and frequency.period == "day" else 1
    title = translate("Handout", "Tick log: two weeks")
    if frequency is not None and frequency.period == "week":
        hint = translate("Handout", "Tick the days you do it ({often}).").format(
            often=frequency_in_words(frequency, translate)
        )
    else:
        hint = translate("Handout", "Tick a box for each session you do.")
    cell = "style='padding:6px'"
    head = [translate("Handout", "Day"), translate("Handout", "Date")]
    head += [translate("Handout", "Session %n", None, i + 1) for i in range(per_day)]
    head.append(translate("Handout", "Pain 0–10 (0 no pain, 10 worst)"))
    rows = ["<tr>" + "".join(f"<th {cell}>{escape(h)}</th>" for h in head) + "</tr>"]
    for day in range(1, LOG_DAYS + 1):
        blank = f"<td {cell}>&nbsp;</td>"
        rows.append(f"<tr><td {cell} align='center'>{day}</td>" + blank * (per_day + 2) + "</tr>")
    return (
        f"<h2 style='font-size:15pt'>{escape(title)}</h2><p>{escape(hint)}</p>"
        f"<table width='100%' border='1' cellspacing='0' cellpadding='6' "
        f"style='border-collapse:collapse; border-color:{BORDER}'>{''.join(rows)}</table>"
    )


def handout_blocks(
    routine: Routine,
    clinic: Clinic,
    number: str,
    today: date,
    picture: PictureSource,
    patient: str = "",
) -> list[str]:
    cards = [card_block(i + 1, e, picture(i)) for i, e in enumerate(routine.exercises)]
    return [
        header_block(routine, clinic, today, patient),
        *cards,
        safety_block(routine, number),
        tick_log_block(routine),
    ]


def footer_text(routine: Routine, page: int, pages: int) -> str:
    """'Page 1 of 3 · piriformis · version 3f2a9c1b': which routine, which version."""
    words = translate("Handout", "Page {page} of {pages}").format(page=page, pages=pages)
    version = translate("Handout", "version {hash}").format(hash=routine.content_hash[:8])
    return SEPARATOR.join([words, routine.id, version])
