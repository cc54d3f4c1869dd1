"""The window's pages (Routines, History, Safety & help) and what only they use."""
