"""The routine editor's model: a mutable draft, its live check, limits, preview; pure core."""
