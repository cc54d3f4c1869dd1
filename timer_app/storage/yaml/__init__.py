"""Reading routine files with the line and column of every value, and writing them back
with their comments kept (the only users of yaml and ruamel)."""
