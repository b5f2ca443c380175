"""Helpers shared by every test directory: the real reference server, a scripted browser."""
