"""Qt Widgets GUI: the only package that imports PySide6."""
