"""Widgets the screens are built from: the flag chart, the rule card, the arithmetic panel."""
