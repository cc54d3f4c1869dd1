"""Where routines come from and go: folders, the catalog, clinic files, import, remove."""
