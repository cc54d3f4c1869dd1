"""Reading and adding files embedded in a PDF, with the standard library only."""
