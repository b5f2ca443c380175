"""The file dialogs an officer saves and picks files with: they open in the user's
Documents folder (where a Windows officer looks for a letter), never the working folder
the app happened to start in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    """The user's Documents folder (home if the platform names none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def save_file(parent: QWidget, caption: str, name: str, filters: str) -> Path | None:
    """Ask where to save `name`, starting in Documents; None if the officer cancels."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(documents_folder() / name),
                                          filters)
    return Path(path) if path else None


def open_files(parent: QWidget, caption: str) -> list[Path]:
    """Files the officer picks, starting in Documents."""
    paths, _ = QFileDialog.getOpenFileNames(parent, caption, str(documents_folder()))
    return [Path(p) for p in paths]
