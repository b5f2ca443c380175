"""Dialogs and wizards opened from the screens (challenge a flag, ask for my data)."""
