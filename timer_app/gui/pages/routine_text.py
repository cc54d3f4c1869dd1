"""A routine in words, as the Routines page shows it: its source, the list line,
and the details (dose in words, safety notes) read before starting.

Kept apart from the page so the page (on screen at start-up) does not load the
routine model and the dose wording until there are routines to show.
"""

from __future__ import annotations

import html

from timer_app.core.describe import (
    dose_in_words,
    frequency_in_words,
    total_time_in_words,
)
from timer_app.core.routine import Routine, Source
from timer_app.gui.translation import translate


def source_in_words(source: Source) -> str:
    return {
        Source.BUNDLED: translate("RoutinesPage", "Comes with the app"),
        Source.CLINIC: translate("RoutinesPage", "From your clinic"),
        Source.USER: translate("RoutinesPage", "Your own"),
    }[source]


def routine_details_html(routine: Routine, stage_doses: str | None = None) -> str:
    """The routine as the person reads it before starting: dose in words, safety notes.

    `stage_doses`: for a programme stage's routine (given with the stage's doses,
    what Start plays), the line saying so."""
    e = html.escape
    rows = [f"<h2>{e(routine.title)}</h2>"]
    if stage_doses:
        rows.append(f"<p><b>{e(stage_doses)}</b></p>")
    facts = [source_in_words(routine.source)]
    if routine.author:
        facts.append(translate("RoutinesPage", "by {author}").format(author=routine.author))
    if routine.contact:
        contact = translate("RoutinesPage", "contact: {contact}")
        facts.append(contact.format(contact=routine.contact))
    if routine.frequency:
        facts.append(frequency_in_words(routine.frequency, translate))
    facts.append(total_time_in_words(routine, translate))
    rows.append(f"<p>{e(' · '.join(facts))}</p>")
    if routine.description:
        rows.append(f"<p>{e(routine.description)}</p>")
    rows.append("<ol>")
    for exercise in routine.exercises:
        rows.append(
            f"<li><b>{e(exercise.name)}</b><br>{e(dose_in_words(exercise, translate))}"
            + (f"<br><i>{e(exercise.note)}</i>" if exercise.note else "")
            + "".join(f"<br>⚠ {e(c)}" for c in exercise.cautions)
            + "</li>"
        )
    rows.append("</ol>")
    if routine.safety:
        # Not inside the f-string: lupdate does not look into f-strings.
        heading = translate("RoutinesPage", "Safety notes")
        rows.append(f"<h3>{e(heading)}</h3><ul>")
        rows.extend(f"<li>{e(s)}</li>" for s in routine.safety)
        rows.append("</ul>")
    return "\n".join(rows)


def routine_list_label(routine: Routine) -> str:
    """Two lines in the routines list: the title, then where it comes from and how long."""
    facts = f"{source_in_words(routine.source)} · {total_time_in_words(routine, translate)}"
    return f"{routine.title}\n{facts}"
