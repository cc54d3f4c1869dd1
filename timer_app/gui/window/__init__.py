"""The main window: building it, its pages and menu, closing it."""
