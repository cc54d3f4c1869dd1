"""The programme over weeks in the app: its state for the pages, the card and its questions."""
