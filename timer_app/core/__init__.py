"""Pure-Python heart of the app: routine model, plan, clock, player, history interfaces.

Nothing here imports PySide6, sqlite3, yaml or platformdirs (import-linter checks it).
"""
