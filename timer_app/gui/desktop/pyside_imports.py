"""Imports after PySide6 without PySide6 reading each module's source file.

Importing PySide6 replaces Python's `__import__` with its own, which asks of
every module imported afterwards whether it "uses PySide": it reads the whole
`.py` file (`inspect.getsource`, through `linecache`, which then keeps every
line in memory) and looks for the word "PySide6". The answer only matters to
`from __feature__ import snake_case, true_property`, which this app never
uses. Before the first paint the app imports ~70 modules after PySide6: their
source reads were 10-16 ms of a ~140 ms start (bench/startup.py,
docs/performance.md). The same question is answered here from the names the
module holds, without opening its file.
"""

from __future__ import annotations

import sys
from types import BuiltinFunctionType, ModuleType

# PySide6's own modules, and the embedded ones that answer the question.
_PYSIDE_PREFIXES = ("PySide6", "shiboken6")
_FROM_A_MODULE = (type, BuiltinFunctionType)


def uses_pyside(module: ModuleType) -> bool:
    """Whether the module holds a PySide6 module, class or function: what its
    source saying "PySide6" stood for (`from PySide6.QtX import ...` at the top)."""
    try:
        values = list(vars(module).values())
    except TypeError:  # no __dict__: a built-in oddity
        return False
    # Only modules, classes and built-in functions can come from PySide6. About
    # 0.9 ms over the ~70 modules checked before the first paint (3,300 names).
    origins = {value.__module__ for value in values if isinstance(value, _FROM_A_MODULE)}
    origins.update(value.__name__ for value in values if isinstance(value, ModuleType))
    return any(
        isinstance(origin, str) and origin.startswith(_PYSIDE_PREFIXES) for origin in origins
    )


def stop_source_reads() -> bool:
    """Import PySide6 (which installs its import hook) and answer the hook's
    question with `uses_pyside` from then on. Call it before the app's own Qt
    modules are imported. Returns whether the question was found (another
    PySide6 version may not ask it, or ask it elsewhere: nothing changes then)."""
    import PySide6  # noqa: F401  (installs the hook and its `feature` module)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
