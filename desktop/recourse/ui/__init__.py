"""The PySide6 desktop client."""
