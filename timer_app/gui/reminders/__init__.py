"""Reminders without the window: notifications, idle time, the background process (Qt, jeepney)."""
