"""The programme on the History page: its events and the next-morning checks, and
the words for each session's stage (the table's Stage column).

Newest first, one line each: "Mon 16 Mar: moved on to stage 2, Increase hold
times", "Tue 17 Mar: flare-up plan until Thu 19 Mar", "Wed 18 Mar: morning check:
worse". Hidden when the history holds no programme.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from timer_app.core.programme.model import Programme
from timer_app.core.programme.monitoring import MorningAnswer, MorningCheck
from timer_app.gui.page_style import HEADING, heading, paragraph
from timer_app.gui.translation import local_date, translate

if TYPE_CHECKING:
    from timer_app.gui.app_model import AppModel
    from timer_app.storage.history.programme_records import ProgrammeEvent, SessionStage

SHOWN = 8  # the newest lines; the export has them all


def _day(day: date) -> str:
    return local_date(day, "ddd dd MMM")


def stage_name(programmes: dict[str, Programme], programme_id: str, index: int) -> str:
    """ "2, Increase hold times"; the number alone when the file is gone."""
    programme = programmes.get(programme_id)
    if programme is not None and 0 <= index < len(programme.stages):
        return f"{index + 1}, {programme.stages[index].name}"
    return str(index + 1)


def stage_cell(stage: SessionStage | None, programmes: dict[str, Programme]) -> str:
    """The Stage column: "2, Increase hold times" (· flare-up); empty outside one."""
    if stage is None:
        return ""
    text = stage_name(programmes, stage.programme_id, stage.stage_index)
    return text + translate("ProgrammeHistory", " · flare-up") if stage.flare_up else text


def event_line(event: ProgrammeEvent, programmes: dict[str, Programme]) -> str:
    return f"{_day(event.day)}: {event_text(event, programmes)}"


def event_text(event: ProgrammeEvent, programmes: dict[str, Programme]) -> str:
    """What happened, without its day: "moved on to stage 2, Increase hold times"."""
    from timer_app.storage.history.programme_records import EventKind

    stage = stage_name(programmes, event.programme_id, event.stage_index)
    programme = programmes.get(event.programme_id)
    title = programme.title if programme is not None else event.programme_id
    marker = ""
    if programme is not None and 0 <= event.stage_index < len(programme.stages):
        marker = programme.stages[event.stage_index].marker or ""
    words = {
        EventKind.STARTED: translate("ProgrammeHistory", "started {title} (stage {stage})"),
        EventKind.ADVANCED: translate("ProgrammeHistory", "moved on to stage {stage}"),
        EventKind.WENT_BACK: translate("ProgrammeHistory", "went back to stage {stage}"),
        EventKind.MARKER_YES: translate("ProgrammeHistory", "end of stage {stage}: {marker}? Yes"),
        EventKind.MARKER_NOT_YET: translate(
            "ProgrammeHistory", "end of stage {stage}: {marker}? Not yet"
        ),
        EventKind.FLARE_UP: translate("ProgrammeHistory", "flare-up plan until {until}"),
        EventKind.STOPPED: translate("ProgrammeHistory", "stopped {title}"),
    }[event.kind]
    if event.from_file and event.kind in (EventKind.ADVANCED, EventKind.WENT_BACK):
        words = translate(
            "ProgrammeHistory", "your therapist's new file moved you to stage {stage}"
        )
    until = _day(event.until) if event.until else ""
    return words.format(title=title, stage=stage, marker=marker, until=until)


def check_line(check: MorningCheck) -> str:
    answers = {
        MorningAnswer.BETTER: translate("ProgrammeHistory", "better"),
        MorningAnswer.SAME: translate("ProgrammeHistory", "same"),
        MorningAnswer.WORSE: translate("ProgrammeHistory", "worse"),
        None: translate("ProgrammeHistory", "not answered"),
    }
    said = translate("ProgrammeHistory", "morning check: {answer}").format(
        answer=answers[check.answer]
    )
    return f"{_day(check.day)}: {said}"


class ProgrammeHistoryPanel(QWidget):
    """The programme's events and morning checks, newest first; `stages` for the table."""

    def __init__(self, model: AppModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.stages: dict[int, SessionStage] = {}
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(heading(self.tr("Your programme"), HEADING))
        self.lines = paragraph("")
        self.lines.setAccessibleName(self.tr("Your programme's stages, flare-ups and mornings"))
        col.addWidget(self.lines)
        self.hide()

    def refresh(self) -> None:
        records = self.model.programme.records()
        if records is None:
            self.stages = {}
            self.hide()
            return
        programmes = self.model.programme.programmes()
        self.stages = records.session_stages()
        dated = [(e.day, 1, event_line(e, programmes)) for e in records.events()]
        dated += [(c.day, 0, check_line(c)) for c in records.morning_checks()]
        dated.sort(key=lambda item: (item[0], item[1]), reverse=True)
        self.lines.setText("\n".join(text for _, _, text in dated[:SHOWN]))
        self.setVisible(bool(dated))
