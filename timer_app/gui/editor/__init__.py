"""The routine editor window: its forms, exercise list, undo commands and saving; imports gui, storage and core."""
