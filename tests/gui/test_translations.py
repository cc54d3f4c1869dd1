"""Translations in practice: the template lists every string a person sees, and a
compiled translation reaches the screen through the app's own loader.

The template tests run pyside6-lupdate (PySide6-Essentials ships it) and are
skipped where it is missing; a run takes about a second.
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from timer_app.gui import app as app_module

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "assets" / "translations" / "update_translations.py"
REGENERATE = "python assets/translations/update_translations.py"

# Files whose strings lupdate cannot see yet, fixed by whoever owns the file:
# remove an entry once its file passes. (path, what is wrong)
KNOWN_GAPS: dict[str, str] = {}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tool(name: str) -> Path:
    path = _script().qt_tool(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return Path(path)


def _messages(ts: Path) -> set[tuple[str, str, str]]:
    """(context, source, disambiguation) of every message in a .ts file."""
    root = ET.parse(ts).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or "", m.findtext("comment") or "")
        for c in root.iter("context")
        for m in c.iter("message")
    }


@pytest.fixture(scope="module")
def fresh_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lupdate = _tool("pyside6-lupdate")
    target = tmp_path_factory.mktemp("lupdate") / "timer_app.ts"
    _script().write_template(lupdate, target)
    return target


def test_the_committed_template_is_current(fresh_template: Path) -> None:
    committed = _messages(_script().TEMPLATE)
    fresh = _messages(fresh_template)
    missing = sorted(fresh - committed)
    gone = sorted(committed - fresh)
    assert not missing and not gone, (
        f"assets/translations/timer_app.ts is out of date; run `{REGENERATE}`.\n"
        f"Not in the template: {missing}\nNo longer in the code: {gone}"
    )


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _expected_and_hidden(path: Path) -> tuple[set[tuple[str, str]], list[str]]:
    """The (context, text) pairs lupdate must list for a file, and the call sites
    that hide a string from it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    expected: set[tuple[str, str]] = set()
    hidden: list[str] = []

    def visit(node: ast.AST, cls: str | None, params: set[str]) -> None:
        if isinstance(node, ast.ClassDef):
            cls = node.name
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            params = {a.arg for a in node.args.args + node.args.kwonlyargs}
        if isinstance(node, ast.Call):
            name, args = _call_name(node), node.args
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
                context, text = _text(args[0]), _text(args[1])
                if context is not None and text is not None:
                    expected.add((context, text))
                elif isinstance(args[1], ast.Name) and args[1].id in params:
                    hidden.append(f"{path.name}:{node.lineno}: a helper passes its argument on")
            elif name == "tr" and args:
                text = _text(args[0])
                if isinstance(node.func, ast.Name) and len(args) >= 2:
                    hidden.append(f"{path.name}:{node.lineno}: tr(a, b) has no context for lupdate")
                elif isinstance(node.func, ast.Attribute) and cls and text is not None:
                    target = node.func.value
                    if isinstance(target, ast.Name) and target.id in ("self", "cls"):
                        expected.add((cls, text))
                elif isinstance(args[0], ast.Name) and args[0].id in params:
                    hidden.append(f"{path.name}:{node.lineno}: a helper passes its argument on")
        for child in ast.iter_child_nodes(node):
            visit(child, cls, params)

    visit(tree, None, set())
    return expected, hidden


def test_lupdate_sees_every_translated_string(fresh_template: Path) -> None:
    listed = {(context, source) for context, source, _ in _messages(fresh_template)}
    # gui/translation.py is the translate() the others call: its own call passes text on.
    sources = [p for p in _script().sources() if p.name != "translation.py"]
    problems = []
    for path in sources:
        relative = path.relative_to(ROOT).as_posix()
        expected, hidden = _expected_and_hidden(path)
        unseen = sorted(expected - listed)
        found = hidden + [f"{path.name}: lupdate does not list {pair}" for pair in unseen]
        if found and relative not in KNOWN_GAPS:
            problems.extend(found)
    assert not problems, "\n".join(
        [
            "Strings pyside6-lupdate cannot see (write translate('Context', 'text') "
            "with literals; see docs/translating.md):",
            *problems,
        ]
    )


def test_known_gaps_are_still_gaps() -> None:
    # An entry for a fixed file would let a new hidden string there slip through.
    for relative in KNOWN_GAPS:
        path = ROOT / relative
        if path.exists():
            _, hidden = _expected_and_hidden(path)
            assert hidden, f"{relative} is fixed: remove it from KNOWN_GAPS"


GERMAN_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Describe</name>
    <message numerus="yes">
        <source>%n min</source>
        <comment>minutes, abbreviated</comment>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>about {time}</source>
        <translation>etwa {time}</translation>
    </message>
</context>
<context>
    <name>RoutinesPage</name>
    <message>
        <source>Comes with the app</source>
        <translation>Gehört zur App</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def german(tmp_path: Path) -> object:
    """A German translation compiled with lrelease and installed by the app's loader."""
    lrelease = _tool("pyside6-lrelease")
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "timer_app_de.ts").write_text(GERMAN_TS, encoding="utf-8")
    subprocess.run(
        [str(lrelease), "-silent", str(folder / "timer_app_de.ts")], check=True, timeout=60
    )
    app = QApplication.instance()
    assert app is not None
    installed = app_module.install_translators(app, QLocale(QLocale.Language.German), folder)
    assert any(not t.isEmpty() and "timer_app_de" in t.filePath() for t in installed)
    yield
    for translator in installed:
        app.removeTranslator(translator)


@pytest.mark.usefixtures("german")
def test_a_translation_reaches_the_routines_page(qtbot: QtBot) -> None:
    from timer_app.gui.pages.routines import RoutinesPage

    page = RoutinesPage()
    qtbot.addWidget(page)
    page.reload()
    assert page.select("knee-to-chest")
    details = page.details.toPlainText()
    assert "Gehört zur App" in details
    # A plural from core/describe.py: Qt chose the German form for the count.
    assert "etwa 4 Minuten" in details
    # What nobody translated stays English, with English plurals (not "3 rep(s)").
    assert "Hold 30 s · 3 reps each side, alternating" in details


@pytest.mark.usefixtures("german")
def test_a_translation_reaches_the_history_table(qtbot: QtBot) -> None:
    from timer_app.gui.app_model import AppModel
    from timer_app.gui.pages.history import HistoryPage

    page = HistoryPage(AppModel())
    qtbot.addWidget(page)
    assert page.table.horizontalHeaderItem(0).text() == "Wann"
