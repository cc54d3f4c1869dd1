"""Reminders as pure logic: when a session or a standing break is due, and why (core only)."""
