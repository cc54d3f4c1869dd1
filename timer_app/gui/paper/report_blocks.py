"""What the therapist report says, as blocks of HTML (`core.report_figures` counts).

Words a clinician scans in a minute: the period first, then sessions against
prescribed week by week, pain before → after, where the pain went, every stop,
the exercises most often partly done or skipped, the patient's notes, and the
routines as prescribed. Every figure says its unit and its period.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from html import escape

from timer_app.core.describe import dose_in_words as describe_dose
from timer_app.core.describe import duration_in_words, frequency_in_words
from timer_app.core.history_words import stop_in_words
from timer_app.core.pain_location import PainShift
from timer_app.core.report_figures import ReportFigures, RoutineWeeks
from timer_app.core.routine import Routine
from timer_app.gui.translation import local_date, translate

TABLE = (
    "<table border='1' cellspacing='0' cellpadding='4' "
    "style='border-collapse:collapse; border-color:#777777'>"
)
MAX_NOTES = 15  # the newest: a year of notes would fill pages (all are in the history)
WEEK_GROUPS = 4  # a year's 52 weeks fit one page as 4 side-by-side columns of 13


def _day(day: date) -> str:
    return local_date(day, "d MMM yyyy")


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _h2(text: str) -> str:
    return f"<h2 style='font-size:13pt'>{escape(text)}</h2>"


def header_block(figures: ReportFigures, made: date, origin: str) -> str:
    weeks = translate("Report", "%n week(s)", None, figures.weeks)
    period = translate("Report", "Period: {first} to {last} ({weeks})").format(
        first=_day(figures.first), last=_day(figures.last), weeks=weeks
    )
    if origin:
        source = translate("Report", "Made on {day} from the export file {file}.")
    else:
        source = translate("Report", "Made on {day} from this computer's history.")
    t = figures.totals
    lines = [
        translate(
            "Report",
            "Sessions in the period: {n} ({done} completed, {partly} finished with part "
            "skipped, {early} ended early, {interrupted} interrupted)",
        ).format(
            n=t.sessions,
            done=t.completed,
            partly=t.partly_done,
            early=t.ended_early,
            interrupted=t.interrupted,
        ),
        translate("Report", "Time exercising in the period: {time} (pauses excluded)").format(
            time=duration_in_words(t.active_seconds, translate)
        ),
        translate(
            "Report",
            "Exercises in the period: {done} done in full, {partial} partly, {skipped} skipped",
        ).format(done=t.exercises_done, partial=t.exercises_partial, skipped=t.exercises_skipped),
        translate("Report", "Reps in the period: {done} of {planned} done in full").format(
            done=t.reps_done, planned=t.reps_planned
        ),
        translate("Report", "“Stop – it hurts” in the period: %n time(s)", None, t.stops),
    ]
    title = translate("Report", "Home exercise report for the therapist")
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return (
        f"<h1 style='font-size:18pt'>{escape(title)}</h1>"
        f"<p style='font-size:12pt'><b>{escape(period)}</b><br>"
        f"{escape(source.format(day=_day(made), file=origin))}</p><ul>{items}</ul>"
    )


def _routine_weeks(routine: RoutineWeeks) -> str:
    if routine.frequency is None:
        often = translate("Report", "no frequency known here: counted as once a day")
    else:
        often = frequency_in_words(routine.frequency, translate)
    overall = translate(
        "Report", "{percent:.0f} % of prescribed sessions done over the period"
    ).format(percent=routine.overall_percent)
    head = [
        translate("Report", "Week of"),
        translate("Report", "Done"),
        translate("Report", "Due"),
    ]
    weeks = list(routine.weeks)
    rows = -(-len(weeks) // WEEK_GROUPS) if len(weeks) > 13 else len(weeks)
    groups = [weeks[i : i + rows] for i in range(0, len(weeks), max(1, rows))]
    header = "".join(f"<th>{escape(h)}</th>" for _ in groups for h in head)
    body = []
    for row in range(rows):
        cells = []
        for group in groups:
            if row < len(group):
                w = group[row]
                cells.append(
                    f"<td>{escape(local_date(w.start, 'd MMM'))}</td>"
                    f"<td align='center'>{w.done}</td>"
                    f"<td align='center'>{w.prescribed}</td>"
                )
            else:
                cells.append("<td></td><td></td><td></td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<h3 style='font-size:11pt'>{escape(routine.title)} ({escape(often)})</h3>"
        f"<p>{escape(overall)}</p>{TABLE}<tr>{header}</tr>{''.join(body)}</table>"
    )


def adherence_block(figures: ReportFigures) -> str:
    title = translate("Report", "Sessions done against prescribed, week by week")
    note = translate(
        "Report",
        "Done: sessions completed in the week (Monday to Sunday), every exercise done in "
        "full; a session finished with part skipped is not counted. Due: sessions prescribed "
        "that week; days before a routine's first session and after the period prescribe none.",
    )
    parts = [_h2(title), f"<p>{escape(note)}</p>"]
    parts += [_routine_weeks(r) for r in figures.routines]
    if not figures.routines:
        parts.append(_p(translate("Report", "No sessions in this period.")))
    return "".join(parts)


def pain_block(figures: ReportFigures, chart: str | None) -> str:
    title = translate("Report", "Pain before → after each session (0–10 scale)")
    rated = figures.pain_rose + figures.pain_fell + figures.pain_same
    parts = [_h2(title)]
    if chart is not None and figures.pain:
        legend = translate(
            "Report",
            "One column per rated session in the period, oldest left: ring = before, "
            "dot = after; a dashed line where pain rose.",
        )
        parts.append(f"<p><img src='{chart}' width='643' height='208' alt='{escape(legend)}'></p>")
        parts.append(f"<p>{escape(legend)}</p>")
    parts.append(
        "<p>"
        + escape(
            translate(
                "Report",
                "Rated before and after: %n session(s) in the period; pain lower after "
                "{fell}, higher after {rose}, the same {same}.",
                None,
                rated,
            ).format(fell=figures.pain_fell, rose=figures.pain_rose, same=figures.pain_same)
        )
        + "</p>"
    )
    shifts = figures.shifts
    if shifts:
        where = translate(
            "Report",
            "Where the pain was felt most, before and after (%n session(s) in the period): "
            "moved toward the spine (centralising) {central}; spread down the leg {spread}; "
            "the same place {same}.",
            None,
            sum(shifts.values()),
        ).format(
            central=shifts.get(PainShift.CENTRALISING, 0),
            spread=shifts.get(PainShift.PERIPHERALISING, 0),
            same=shifts.get(PainShift.UNCHANGED, 0),
        )
    else:
        where = translate("Report", "Where the pain was felt was not recorded in this period.")
    parts.append(f"<p>{escape(where)}</p>")
    return "".join(parts)


def stops_block(figures: ReportFigures) -> str:
    title = translate(
        "Report", "Every “Stop – it hurts” in the period (%n)", None, len(figures.stops)
    )
    if not figures.stops:
        return _h2(title) + _p(translate("Report", "None."))
    rows = "".join(
        f"<tr><td>{escape(_day(s.day))}</td><td>{escape(s.routine_title)}</td>"
        f"<td>{escape(stop_in_words(s.stop, translate))}</td></tr>"
        for s in figures.stops
    )
    head = [
        translate("Report", "Day"),
        translate("Report", "Routine"),
        translate("Report", "Exercise: what happened"),
    ]
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    return _h2(title) + f"{TABLE}<tr>{header}</tr>{rows}</table>"


def troubles_block(figures: ReportFigures) -> str:
    title = translate("Report", "Exercises most often partly done or skipped")
    if not figures.troubles:
        return _h2(title) + _p(translate("Report", "None in this period."))
    head = [
        translate("Report", "Exercise"),
        translate("Report", "Done in full (times)"),
        translate("Report", "Partly (times)"),
        translate("Report", "Skipped (times)"),
    ]
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    rows = "".join(
        f"<tr><td>{escape(t.name)}</td><td align='center'>{t.times_done}</td>"
        f"<td align='center'>{t.times_partial}</td><td align='center'>{t.times_skipped}</td></tr>"
        for t in figures.troubles
    )
    return _h2(title) + f"{TABLE}<tr>{header}</tr>{rows}</table>"


def notes_block(figures: ReportFigures) -> str:
    title = translate("Report", "The patient's notes")
    if not figures.notes:
        return _h2(title) + _p(translate("Report", "None in this period."))
    shown = list(reversed(figures.notes))[:MAX_NOTES]  # the newest first
    several = len(figures.routines) > 1
    items = "".join(
        f"<li>{escape(_day(day))}"
        + (f", {escape(routine)}" if several else "")
        + f": {escape(note)}</li>"
        for day, routine, note in shown
    )
    more = len(figures.notes) - len(shown)
    tail = ""
    if more:
        words = translate(
            "Report", "And %n earlier note(s) in the period, kept in the history.", None, more
        )
        tail = f"<p>{escape(words)}</p>"
    return _h2(title) + f"<ul>{items}</ul>{tail}"


def prescribed_block(figures: ReportFigures, routines: Mapping[str, Routine]) -> str:
    parts = [_h2(translate("Report", "The routines as prescribed"))]
    for weeks in figures.routines:
        routine = routines.get(weeks.routine_id)
        if routine is None:
            missing = translate("Report", "{title}: this routine is not on this computer.")
            parts.append(f"<p>{escape(missing.format(title=weeks.title))}</p>")
            continue
        often = frequency_in_words(routine.frequency, translate)
        head = escape(routine.title) + (f" ({escape(often)})" if often else "")
        items = "".join(
            f"<li>{escape(e.name)}: {escape(describe_dose(e, translate))}</li>"
            for e in routine.exercises
        )
        parts.append(f"<p><b>{head}</b></p><ul>{items}</ul>")
    return "".join(parts)


def report_blocks(
    figures: ReportFigures,
    routines: Mapping[str, Routine],
    made: date,
    origin: str,
    chart: str | None,
) -> list[str]:
    return [
        header_block(figures, made, origin),
        adherence_block(figures),
        pain_block(figures, chart),
        stops_block(figures),
        troubles_block(figures),
        notes_block(figures),
        prescribed_block(figures, routines),
    ]


def footer_text(figures: ReportFigures, page: int, pages: int) -> str:
    words = translate("Report", "Page {page} of {pages}").format(page=page, pages=pages)
    period = translate("Report", "{first} to {last}").format(
        first=_day(figures.first), last=_day(figures.last)
    )
    return f"{words} · {period}"
