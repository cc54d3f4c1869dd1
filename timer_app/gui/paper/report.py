"""The report for the therapist as a PDF, from the history or a patient's JSON export.

The figures come from `core.report_figures` (the History page's and the CSV's
functions); this module only gathers the routines as prescribed, draws the pain
chart and writes the pages (`pdf_document`, one block never split).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from timer_app.core.programme.model import Programme
from timer_app.core.report_figures import ReportFigures, report_figures, sessions_by_stage
from timer_app.core.routine import Routine
from timer_app.gui.paper.pain_chart_image import pain_chart
from timer_app.gui.paper.pdf_document import Document, PaperSettings, write_pdf
from timer_app.gui.paper.report_blocks import footer_text, report_blocks
from timer_app.gui.paper.report_programme import ProgrammePart, programme_block
from timer_app.gui.translation import translate
from timer_app.storage.history.report_source import ReportSource

DEFAULT_WEEKS = 8  # about the time between two visits
CHART = "pain-chart"


def default_since(today: date) -> date:
    """The first day of the default period: the last 8 weeks, today included."""
    return today - timedelta(weeks=DEFAULT_WEEKS) + timedelta(days=1)


@dataclass(frozen=True)
class ReportInput:
    figures: ReportFigures
    routines: Mapping[str, Routine]  # the routines as prescribed, by id, when known here
    made: date
    origin: str  # "" for this computer's history, else the export's file name
    programme: ProgrammePart = field(default_factory=ProgrammePart)  # empty: none in the period


def gather(
    source: ReportSource,
    routines: Mapping[str, Routine],
    first: date | None,
    today: date,
    programmes: Mapping[str, Programme] | None = None,
) -> ReportInput:
    """The report of `source` from `first` to today, made today.

    By default this computer's history reports the last 8 weeks; an export reports
    all it holds, up to its newest session (a week the patient has not sent yet is
    not a week missed)."""
    last = today
    since_given = first is not None
    if source.origin:
        last = max((s.local_date for s in source.sessions), default=today)
    if first is None and source.origin:
        first = min((s.local_date for s in source.sessions), default=last)
    elif first is None:
        first = default_since(last)
    frequencies = {routine_id: r.frequency for routine_id, r in routines.items()}
    # A session done in a programme's stage was due as often as the stage says
    # ("2x/day"); the latest stage of the period wins. Without it the report said
    # "no frequency known here: counted as once a day" and 100 % for one of two.
    for session in source.sessions:
        staged = source.stage_of.get(session.id)
        plan = (programmes or {}).get(staged[0]) if staged is not None else None
        if staged is None or plan is None or not 0 <= staged[1] < len(plan.stages):
            continue
        if first <= session.local_date <= last and not staged[2]:  # not a flare-up's
            frequency = plan.stages[staged[1]].frequency
            if frequency is not None:
                frequencies[session.routine_id] = frequency
    figures = report_figures(
        source.sessions, source.exercises, source.stops, frequencies, first, last
    )
    in_period = [s for s in source.sessions if first <= s.local_date <= last]
    # An export's period is its sessions', but the programme's start before the
    # first and a flare-up or a morning after the last are what the patient sent too:
    # all of them are the therapist's (from --since on, when given).
    events_from = first if since_given or not source.origin else date.min
    events_to = date.max if source.origin else last
    programme = ProgrammePart(
        sessions_by_stage(in_period, source.stage_of),
        [e for e in source.events if events_from <= e.day <= events_to],
        # A morning check is about the day before's session: the morning after an
        # export's last session belongs to its period.
        [
            c
            for c in source.checks
            if events_from <= c.day <= (date.max if source.origin else last + timedelta(days=1))
        ],
        dict(programmes or {}),
    )
    return ReportInput(figures, routines, today, source.origin, programme)


def document(data: ReportInput) -> Document:
    chart = pain_chart(data.figures.pain)
    blocks = report_blocks(data.figures, data.routines, data.made, data.origin, CHART)
    if data.programme:  # after the weeks' adherence: the stages explain its targets
        blocks.insert(2, programme_block(data.programme))
    # Smaller than the handout's: a clinician reads it at a desk, in a minute.
    return Document(blocks, {CHART: chart}, point_size=9.5)


def paint(data: ReportInput, device: QPagedPaintDevice) -> int:
    """Draw the report on a printer (or any paged device); returns its pages."""
    return document(data).paint(device, lambda page, pages: footer_text(data.figures, page, pages))


def write_report_pdf(data: ReportInput, path: Path, paper: str) -> int:
    title = translate("Report", "Home exercise report for the therapist")
    return write_pdf(
        path,
        document(data),
        PaperSettings(paper, title),
        lambda page, pages: footer_text(data.figures, page, pages),
    )
