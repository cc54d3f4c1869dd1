"""The history on disk: SQLite (the only users of sqlite3), migrations, backups, exports."""
