"""The routine editor window: forms, exercise list, undo, saving; imports gui, storage, core."""
