"""Cues a person hears: tones (a child player on Linux, else QtMultimedia) and
spoken prompts (spd-say, or a QtTextToSpeech worker)."""
