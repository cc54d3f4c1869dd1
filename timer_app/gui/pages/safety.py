"""Safety and help: when to get help, what the app is for, keys, sound status, reminders.

When to get help is the shared three-tier safety text (`core.safety_text`, with
the emergency number from `safety_words`): emergency, urgent, talk to your
therapist. On first run the window opens here and asks the person to confirm
they read it; it is never a modal dialog, so `--start` still goes straight to the
session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from timer_app.core import safety_text
from timer_app.core.safety_text import Tier
from timer_app.gui.page_style import BODY, HEADING, TITLE, heading, panel, paragraph, scaled_font
from timer_app.gui.pages import safety_words
from timer_app.gui.pages.reminder_settings import ReminderSettingsPanel, desktop_idle_source
from timer_app.gui.pages.sound_settings import SoundSettings
from timer_app.gui.session.key_list import help_rows
from timer_app.gui.translation import translate

if TYPE_CHECKING:
    from timer_app.gui.app_model import AppModel


def stop_signs() -> list[str]:
    """Stop the exercise: sharp pain (the seeds), and the therapist tier's first two
    signs, worded as the safety text words them."""
    therapist = safety_text.therapist_signs(translate)
    return [translate("SafetyPage", "Sharp or shooting pain"), therapist[1], therapist[0]]


def shortcuts() -> list[tuple[str, str]]:
    """Every key of the app, from the one list the keys themselves are bound from."""
    return help_rows(in_session=False)


def sound_status(*, muted: bool = False, beeps_only: bool = False) -> str:
    """Whether cues are heard and spoken here, in plain words (the run's shared
    cues know: no libpulse or no speech engine is common; "checking" while the
    speech worker starts)."""
    from timer_app.gui.audio.cues import status_message

    problem = status_message()
    lines = [
        problem or translate("SafetyPage", "Sound cues and spoken prompts work on this computer.")
    ]
    if muted:
        lines.append(
            translate("SafetyPage", "Sound is muted now: press M during a session to turn it on.")
        )
    elif beeps_only:
        lines.append(translate("SafetyPage", "You chose beeps only: prompts are not spoken."))
    return " ".join(lines)


class SafetyPage(QWidget):
    """Emits `sig_acknowledged` when the person confirms they read it (first run).

    With the app model, it shows the sound settings and the first-run question as
    the model has them, follows its `settings_changed`, and saves the answer there.
    """

    sig_acknowledged = Signal()

    def __init__(self, model: AppModel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setAccessibleName(self.tr("Safety and help"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        col = QVBoxLayout(body)
        col.setSpacing(14)

        col.addWidget(heading(self.tr("Safety first"), TITLE))

        self.first_run_box = panel(role=QPalette.ColorRole.AlternateBase)
        first = QVBoxLayout(self.first_run_box)
        first.addWidget(
            paragraph(
                self.tr(
                    "Please read this page once before your first session. "
                    "You can come back to it at any time with F1."
                )
            )
        )
        self.acknowledge_button = QPushButton(self.tr("I have read this"))
        self.acknowledge_button.setFont(scaled_font(BODY, bold=True))
        self.acknowledge_button.setAccessibleName(self.tr("I have read the safety page"))
        self.acknowledge_button.clicked.connect(self._acknowledge)
        first.addWidget(self.acknowledge_button)
        col.addWidget(self.first_run_box)
        self.first_run_box.hide()

        # The three tiers, most urgent first; the emergency one framed and bold.
        self.tier_headings: dict[Tier, QLabel] = {}
        self.tier_signs: dict[Tier, list[QLabel]] = {}
        for tier in safety_words.tiers():
            box = panel() if tier.tier is Tier.EMERGENCY else QWidget()
            box_col = QVBoxLayout(box)
            title = heading(tier.heading, HEADING)
            self.tier_headings[tier.tier] = title
            box_col.addWidget(title)
            signs = [paragraph("•  " + sign) for sign in tier.signs]
            for label in signs:
                label.setFont(scaled_font(BODY, bold=tier.tier is Tier.EMERGENCY))
                box_col.addWidget(label)
            self.tier_signs[tier.tier] = signs
            col.addWidget(box)
        # The therapist's clinic, when its clinic.yaml names it: who to talk to.
        self.clinic = paragraph(safety_words.clinic_contact())
        self.clinic.setVisible(bool(self.clinic.text()))
        col.addWidget(self.clinic)

        col.addWidget(heading(self.tr("Stop the exercise (press S) if you feel:")))
        for text in stop_signs():
            col.addWidget(paragraph("•  " + text))
        col.addWidget(
            paragraph(
                self.tr(
                    "Mild stretching or muscle soreness is normal. Move gently, never "
                    "force a stretch, and keep breathing: do not hold your breath. "
                    "If exercise makes your pain worse, ease off and tell your therapist."
                )
            )
        )
        col.addWidget(
            paragraph(
                self.tr(
                    "This app helps you follow the home program your physical "
                    "therapist gave you. It supports, and never replaces, your "
                    "therapist's or doctor's advice."
                )
            )
        )

        col.addWidget(heading(self.tr("Keys")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for row, (key, action) in enumerate(shortcuts()):
            key_label = QLabel(key)
            key_label.setFont(scaled_font(BODY, bold=True))
            action_label = QLabel(action)
            action_label.setFont(scaled_font(BODY))
            action_label.setWordWrap(True)
            grid.addWidget(key_label, row, 0)
            grid.addWidget(action_label, row, 1)
        grid.setColumnStretch(1, 1)
        col.addLayout(grid)

        col.addWidget(heading(self.tr("Sound and speech")))
        self.sound_label = paragraph(self.tr("Checking…"))
        self._following_cues = False
        col.addWidget(self.sound_label)
        self.sound_settings: SoundSettings | None = None
        self.reminder_settings: ReminderSettingsPanel | None = None
        if model is not None:
            self.sound_settings = SoundSettings(model, play_test=self._play_test_cue)
            col.addWidget(self.sound_settings)
            col.addWidget(heading(self.tr("Reminders")))
            self.reminder_settings = ReminderSettingsPanel(model, desktop_idle_source())
            col.addWidget(self.reminder_settings)
            self.set_first_run(not model.settings.first_run_safety_seen)
            model.settings_changed.connect(self._settings_changed)
        col.addStretch(1)

    def _settings_changed(self, names: frozenset[str]) -> None:
        if self.model is None:
            return
        if "first_run_safety_seen" in names:  # e.g. a session was started meanwhile
            self.set_first_run(not self.model.settings.first_run_safety_seen)
        if names & {"muted", "beeps_only"}:
            self._show_sound_status()
        if "clinic_folders" in names:
            self._show_clinic()

    def _show_clinic(self) -> None:
        """The clinic and its emergency number afresh: a clinic folder (with its
        clinic.yaml) was added or removed on the Routines page meanwhile."""
        safety_words.forget_clinic()
        self.clinic.setText(safety_words.clinic_contact())
        self.clinic.setVisible(bool(self.clinic.text()))
        for tier in safety_words.tiers():
            self.tier_headings[tier.tier].setText(tier.heading)
            for label, sign in zip(self.tier_signs[tier.tier], tier.signs, strict=False):
                label.setText("•  " + sign)

    def set_first_run(self, first_run: bool) -> None:
        self.first_run_box.setVisible(first_run)

    def showEvent(self, event: QShowEvent) -> None:
        # The shared cues are made when first needed, not at start-up; the speech
        # worker answers a moment later, and the label follows (mute may change).
        if not self._following_cues:
            from timer_app.gui.audio.cues import shared_cues

            cues = shared_cues()
            changed = cues.status_changed
            if changed is not None:
                changed.connect(self._show_sound_status)
            self._following_cues = True
            cues.check_speech()  # the speech worker otherwise waits for a first prompt
        self._show_sound_status()
        super().showEvent(event)

    def _play_test_cue(self) -> None:
        from timer_app.gui.audio.cues import shared_cues

        cues = shared_cues()
        if self.model is not None:
            settings = self.model.settings
            cues.set_muted(settings.muted)
            cues.beeps_only = settings.beeps_only
        cues.play_test()

    def _show_sound_status(self) -> None:
        settings = self.model.settings if self.model is not None else None
        self.sound_label.setText(
            sound_status(
                muted=bool(settings and settings.muted),
                beeps_only=bool(settings and settings.beeps_only),
            )
        )

    def _acknowledge(self) -> None:
        self.first_run_box.hide()
        if self.model is not None:
            self.model.update_settings(first_run_safety_seen=True)
        self.sig_acknowledged.emit()
