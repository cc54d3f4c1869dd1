"""Reading routine files: YAML with the line and column of every value (the only users of yaml)."""
