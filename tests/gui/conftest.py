"""GUI tests need PySide6; the no-Qt CI run (core and storage only) skips them."""

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is not installed")
