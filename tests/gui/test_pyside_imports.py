"""Modules imported after PySide6 are not read from disk a second time (issue 18).

PySide6's import hook read the whole source file of every module imported after
it, to look for the word "PySide6": 10-16 ms of a ~140 ms start, and every line
kept in memory (`linecache`). `gui/desktop/pyside_imports.py` answers from the
module's names instead.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

from timer_app.gui.desktop.pyside_imports import uses_pyside

# Imported after the app's gui package: is the new module's file in linecache
# (read by PySide6), and what does PySide6's feature table say about each?
CODE = """
import linecache, sys
sys.path.insert(0, {folder!r})
import timer_app.gui
import with_qt, without_qt
feature = sys.modules["shibokensupport.feature"]
print(sorted(name for name in linecache.cache if name.endswith(("with_qt.py", "without_qt.py"))))
print(feature.pyside_feature_dict["with_qt"], feature.pyside_feature_dict["without_qt"])
"""


def test_a_module_imported_after_the_gui_is_not_read_again(tmp_path: Path) -> None:
    (tmp_path / "with_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "without_qt.py").write_text("import json\nVALUE = 1\n")
    out = subprocess.run(
        [sys.executable, "-c", CODE.format(folder=str(tmp_path))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    # No source read, and PySide6's answers are the ones its source search gave:
    # 0 for a module using PySide6 (no __feature__), -1 for one that does not.
    assert out.stdout.split("\n")[:2] == ["[]", "0 -1"]


def _module(source: str) -> ModuleType:
    module = ModuleType("probe")
    exec(source, vars(module))
    return module


def test_uses_pyside_from_the_names_a_module_holds() -> None:
    assert uses_pyside(_module("from PySide6.QtCore import QObject"))
    assert uses_pyside(_module("import PySide6.QtCore"))
    assert uses_pyside(_module("from PySide6.QtCore import Signal\nclass A:\n    s = Signal()"))
    assert not uses_pyside(_module("import json\nfrom pathlib import Path"))
    assert not uses_pyside(_module("VALUE = 3"))
