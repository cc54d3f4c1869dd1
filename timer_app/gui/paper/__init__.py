"""Paper: the printable handout and the therapist report, drawn with Qt (QPdfWriter, QPrinter); only gui imports it."""
