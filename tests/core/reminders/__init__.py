"""Tests of the reminder scheduling core."""
