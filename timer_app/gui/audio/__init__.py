"""Cues a person hears: tones (QtMultimedia) and spoken prompts (a QtTextToSpeech worker)."""
