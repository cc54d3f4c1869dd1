"""The report's programme section (issue 16): the stage each session was done in,
stage changes, marker answers, flare-ups and the next-morning checks.

A table of the period's sessions by stage (a clinician sees at a glance how many
sessions each stage had, and how many ran under a flare-up plan), then the
programme's events and the morning checks, oldest first, in the History page's
words (`gui/programme/history_panel.py`). Nothing at all when the period holds
no programme.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from html import escape

from timer_app.core.programme.model import Programme
from timer_app.core.programme.monitoring import MorningAnswer, MorningCheck
from timer_app.core.report_figures import StageSessions
from timer_app.gui.programme.history_panel import event_text, stage_name
from timer_app.gui.translation import local_date, translate
from timer_app.storage.history.programme_rows import ProgrammeEvent

TABLE = (
    "<table border='1' cellspacing='0' cellpadding='4' "
    "style='border-collapse:collapse; border-color:#777777'>"
)


@dataclass(frozen=True)
class ProgrammePart:
    """What the report says of the programme, for its period."""

    stages: list[StageSessions] = field(default_factory=list)
    events: list[ProgrammeEvent] = field(default_factory=list)
    checks: list[MorningCheck] = field(default_factory=list)
    programmes: Mapping[str, Programme] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.stages or self.events or self.checks)


def _day(day: date) -> str:
    return local_date(day, "d MMM yyyy")


def _h2(text: str) -> str:
    return f"<h2 style='font-size:13pt'>{escape(text)}</h2>"


def _title(programmes: Mapping[str, Programme], programme_id: str) -> str:
    programme = programmes.get(programme_id)
    return programme.title if programme is not None else programme_id


def stages_table(part: ProgrammePart) -> str:
    heads = (
        translate("Report", "Programme"),
        translate("Report", "Stage"),
        translate("Report", "Days"),
        translate("Report", "Sessions (completed)"),
        translate("Report", "In a flare-up plan"),
    )
    rows = ["<tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>"]
    programmes = dict(part.programmes)
    for row in part.stages:
        cells = (
            _title(programmes, row.programme_id),
            stage_name(programmes, row.programme_id, row.stage_index),
            translate("Report", "{first} to {last}").format(
                first=_day(row.first), last=_day(row.last)
            ),
            f"{row.sessions} ({row.completed})",
            str(row.in_flare_up),
        )
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    return TABLE + "".join(rows) + "</table>"


def _check_words(check: MorningCheck) -> str:
    answers = {
        MorningAnswer.BETTER: translate("Report", "better"),
        MorningAnswer.SAME: translate("Report", "same"),
        MorningAnswer.WORSE: translate("Report", "worse"),
        None: translate("Report", "not answered"),
    }
    return translate("Report", "{day}: {answer}").format(
        day=_day(check.day), answer=answers[check.answer]
    )


def _event_words(event: ProgrammeEvent, programmes: Mapping[str, Programme]) -> str:
    # The History page's words, with the report's full dates.
    return f"{_day(event.day)}: {event_text(event, dict(programmes))}"


def programme_block(part: ProgrammePart) -> str:
    """The section, or "" when the period holds no programme."""
    if not part:
        return ""
    parts = [_h2(translate("Report", "The programme over weeks"))]
    if part.stages:
        said = translate("Report", "The stage each session in the period was done in:")
        parts.append(f"<p>{escape(said)}</p>{stages_table(part)}")
    if part.events:
        said = translate("Report", "Stage changes, marker answers and flare-ups")
        parts.append(f"<p><b>{escape(said)}</b></p>")
        parts.append(_items(_event_words(e, part.programmes) for e in part.events))
    if part.checks:
        worse = sum(1 for c in part.checks if c.answer is MorningAnswer.WORSE)
        head = translate(
            "Report",
            "Next-morning checks (pain in the morning compared with before the previous "
            "day's session): %n worse",
            None,
            worse,
        )
        parts.append(f"<p><b>{escape(head)}</b></p>")
        parts.append(_items(_check_words(c) for c in part.checks))
    return "".join(parts)


def _items(lines: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
