"""Paper: the printable handout and the therapist report, drawn with Qt (only gui imports it)."""
