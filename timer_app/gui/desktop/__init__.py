"""The app among other programs: screen saver, one instance, Qt's messages, the log file."""
