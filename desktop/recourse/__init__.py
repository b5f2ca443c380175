"""Recourse: see the data your force holds about you, and contest it."""
