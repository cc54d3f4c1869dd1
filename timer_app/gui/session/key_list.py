"""Every key the app answers to, in one list: what is bound and what is shown.

`key_help()` is the one definition. The session screen makes its shortcuts from
its `Binding`s (`session_controls.SessionKeys`); the F1 box and the Safety page
print its rows; README's keys table copies them. The window's own keys (its menu:
Ctrl+O, Ctrl+N, Alt+1, Alt+2, F1, Ctrl+Q) are listed here too, as `WINDOW` bindings, and
tests/gui/test_key_list.py checks both ways that every key bound anywhere is in
the list and every key in the list is bound, so what a person reads cannot
drift from what the keys do.

A presenter clicker sends Page Up and Page Down: Page Up works as Space (start,
pause, resume) and Page Down as Enter (done rep), and starts a session that is
not running yet, so a person on the mat needs nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from timer_app.gui.translation import translate


class Screen(Enum):
    """Which of the session view's panels shows."""

    READY = "ready"
    RUNNING = "running"
    SUMMARY = "summary"


LIVE = frozenset({Screen.READY, Screen.RUNNING})
READY = frozenset({Screen.READY})
RUNNING = frozenset({Screen.RUNNING})
EVERYWHERE = frozenset(Screen)
PAIN = frozenset({Screen.READY, Screen.SUMMARY})  # pain before, pain after

# Commands that are neither a presenter command (`session_controls.PRESENTER_COMMANDS`)
# nor a method of the view's `session_controls.Commands`.
RATE_PAIN = "rate_pain"  # `value` is the rating
CHOOSE_PLACE = "choose_place"  # `value` is the PainLocation ("Where do you feel it most?")
WINDOW = "window"  # bound by the main window's menu (window_actions.build_menu)


@dataclass(frozen=True)
class Binding:
    """One key: its QKeySequence text ("Space", "PgUp", "Alt+1"), the command it
    calls and the session screens where it works."""

    key: str
    command: str
    screens: frozenset[Screen] = EVERYWHERE
    value: object = None


@dataclass(frozen=True)
class KeyHelp:
    """One row of the keys table: the keys as a person writes them, and what they do."""

    keys: str
    what: str
    bindings: tuple[Binding, ...]
    in_session_help: bool = True  # in the session's F1 box (not only on the Safety page)


def _rating_bindings() -> tuple[Binding, ...]:
    from timer_app.gui.session.pain_dialogs import pain_keys

    return tuple(
        Binding(sequence.toString(), RATE_PAIN, PAIN, rating) for sequence, rating in pain_keys()
    )


def _place_bindings() -> tuple[Binding, ...]:
    from timer_app.gui.session.pain_where import where_keys

    return tuple(
        Binding(sequence.toString(), CHOOSE_PLACE, PAIN, place) for sequence, place in where_keys()
    )


def key_help() -> list[KeyHelp]:
    """Every key, in the order a person needs them."""
    # Imported here: pain_dialogs imports the Safety page, which prints this list.
    from timer_app.gui.session.pain_dialogs import ten_key
    from timer_app.gui.session.pain_where import location_keys

    return [
        KeyHelp(
            translate("Keys", "Space or Page Up"),
            translate("Keys", "Start, pause or resume the session"),
            (Binding("Space", "toggle_pause", LIVE), Binding("PgUp", "toggle_pause", LIVE)),
        ),
        KeyHelp(
            translate("Keys", "Enter or Page Down"),
            translate(
                "Keys",
                "Done rep (when you count your own reps); Page Down also starts, "
                "so a presenter clicker works from the mat",
            ),
            (
                Binding("Return", "done_rep", RUNNING),
                Binding("Enter", "done_rep", RUNNING),
                Binding("PgDown", "done_rep", RUNNING),
                Binding("PgDown", "start", READY),
            ),
        ),
        KeyHelp(
            translate("Keys", "Right arrow"),
            translate("Keys", "Skip to the next step"),
            (Binding("Right", "skip", RUNNING),),
        ),
        KeyHelp(
            translate("Keys", "Left arrow"),
            translate("Keys", "Back: restart the step (at its start, the step before)"),
            (Binding("Left", "back", RUNNING),),
        ),
        KeyHelp(
            translate("Keys", "S"),
            translate("Keys", "Stop – it hurts: stop the exercise and say what happened"),
            (Binding("S", "stop_it_hurts", RUNNING),),
        ),
        KeyHelp(
            translate("Keys", "M"),
            translate("Keys", "Mute or unmute"),
            (Binding("M", "toggle_mute", LIVE),),
        ),
        KeyHelp(
            translate("Keys", "0–9, %1").replace("%1", ten_key()),
            translate("Keys", "Rate your pain before and after (%1 is 10)").replace(
                "%1", ten_key()
            ),
            _rating_bindings(),
        ),
        KeyHelp(
            " ".join(location_keys().values()),
            translate(
                "Keys",
                "Where you feel it most: back, buttock, thigh, below the knee, foot "
                "(before and after a session)",
            ),
            _place_bindings(),
        ),
        KeyHelp(
            translate("Keys", "Esc"),
            translate("Keys", "End the session (asks first; what you did is kept)"),
            (Binding("Esc", "escape", EVERYWHERE),),
        ),
        KeyHelp(
            translate("Keys", "F1"),
            translate("Keys", "Keys and safety help"),
            (Binding("F1", WINDOW),),
        ),
        KeyHelp(
            translate("Keys", "Ctrl+O"),
            translate("Keys", "Import a routine or programme (Routines page)"),
            (Binding("Ctrl+O", WINDOW),),
            in_session_help=False,
        ),
        KeyHelp(
            translate("Keys", "Ctrl+N"),
            translate("Keys", "Make a new routine in the editor (Routines page)"),
            (Binding("Ctrl+N", WINDOW),),
            in_session_help=False,
        ),
        KeyHelp(
            translate("Keys", "Alt+1 / Alt+2"),
            translate("Keys", "Routines / History"),
            (Binding("Alt+1", WINDOW), Binding("Alt+2", WINDOW)),
            in_session_help=False,
        ),
        KeyHelp(
            translate("Keys", "Ctrl+Q"),
            translate("Keys", "Quit (asks first during a session)"),
            (Binding("Ctrl+Q", WINDOW),),
        ),
    ]


def session_bindings() -> list[Binding]:
    """The keys the session screen binds itself (not the window's menu keys)."""
    return [b for row in key_help() for b in row.bindings if b.command != WINDOW]


def help_rows(*, in_session: bool) -> list[tuple[str, str]]:
    """(keys, what they do) for the F1 box (`in_session`) or the Safety page (all)."""
    return [(row.keys, row.what) for row in key_help() if row.in_session_help or not in_session]
