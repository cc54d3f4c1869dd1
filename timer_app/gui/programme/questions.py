"""The programme's questions, asked inside its card: optional, never in the way.

- The next-morning check: "Compared with before yesterday's session, your pain
  this morning is: better · same · worse" (or Not now: not asked again today).
- At a stage's end, its marker question ("Less morning stiffness?": Yes / Not yet).
- Then the suggestion: move on (the patient confirms), "ask your therapist about
  the next step" (`advance: therapist`), or why the stage goes on, in plain words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from timer_app.core.programme.monitoring import MorningAnswer
from timer_app.core.programme.status import ProgrammeStatus
from timer_app.gui.page_style import action_button, paragraph
from timer_app.gui.translation import translate


class Question(QWidget):
    """A line of words and a row of answer buttons; hidden until asked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        self.words = paragraph("")
        col.addWidget(self.words)
        self._row = QHBoxLayout()
        col.addLayout(self._row)
        self.buttons: list[QPushButton] = []
        self.hide()

    def ask(self, words: str, answers: list[tuple[str, Callable[[], object]]]) -> None:
        self.words.setText(words)
        while self._row.count():  # the old buttons and the stretch after them
            item = self._row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:  # gone now, not at the next event loop turn
                widget.hide()
                widget.deleteLater()
        self.buttons = []
        for text, answer in answers:
            button = action_button(text, words)
            button.clicked.connect(lambda _checked=False, answer=answer: answer())
            self._row.addWidget(button)
            self.buttons.append(button)
        self._row.addStretch(1)
        self.show()

    def button(self, text: str) -> QPushButton:
        return next(b for b in self.buttons if b.text() == text)


def ask_morning_check(question: Question, answer: Callable[[MorningAnswer | None], object]) -> None:
    question.ask(
        translate(
            "ProgrammeQuestion",
            "Compared with before yesterday's session, your pain this morning is:",
        ),
        [
            (translate("ProgrammeQuestion", "Better"), lambda: answer(MorningAnswer.BETTER)),
            (translate("ProgrammeQuestion", "Same"), lambda: answer(MorningAnswer.SAME)),
            (translate("ProgrammeQuestion", "Worse"), lambda: answer(MorningAnswer.WORSE)),
            (translate("ProgrammeQuestion", "Not now"), lambda: answer(None)),
        ],
    )


def ask_marker(
    question: Question, status: ProgrammeStatus, answer: Callable[[bool], object]
) -> None:
    words = translate("ProgrammeQuestion", "End of stage {number}: {name}. {marker}?").format(
        number=status.stage_index + 1, name=status.stage_name, marker=status.marker or ""
    )
    question.ask(
        words,
        [
            (translate("ProgrammeQuestion", "Yes"), lambda: answer(True)),
            (translate("ProgrammeQuestion", "Not yet"), lambda: answer(False)),
        ],
    )


def suggest_next(
    question: Question,
    status: ProgrammeStatus,
    next_name: str | None,
    move_on: Callable[[], object],
) -> None:
    """After the marker: the suggestion, the therapist's word, or why the stage goes on."""
    check = status.advance
    if check.ready and check.therapist_decides:
        question.ask(translate("ProgrammeQuestion", "Ask your therapist about the next step."), [])
    elif check.ready and next_name is not None:
        question.ask(
            translate("ProgrammeQuestion", "You are ready for stage {number}: {name}.").format(
                number=status.stage_index + 2, name=next_name
            ),
            [(translate("ProgrammeQuestion", "Move on to the next stage"), move_on)],
        )
    else:
        question.ask(
            "\n".join(
                [translate("ProgrammeQuestion", "You stay in this stage for now:"), *check.reasons]
            ),
            [],
        )
