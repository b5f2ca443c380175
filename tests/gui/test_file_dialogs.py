"""Save and open dialogs start in the user's Documents folder, not the working folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

ROOT = Path(__file__).resolve().parents[2]


def test_save_and_open_start_in_documents(qapp, monkeypatch, tmp_path):
    from recourse.ui import file_dialogs

    monkeypatch.chdir(tmp_path)
    documents = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))
    seen: list[str] = []

    def save(parent, caption, directory, filters):
        seen.append(directory)
        return "", ""

    def open_many(parent, caption, directory):
        seen.append(directory)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_many)
    parent = QWidget()
    assert file_dialogs.save_file(parent, "Save", "letter.pdf", "PDF (*.pdf)") is None
    assert file_dialogs.open_files(parent, "Add") == []
    assert seen == [str(documents / "letter.pdf"), str(documents)]
    assert not seen[0].startswith(str(tmp_path))


def test_no_file_dialog_is_opened_anywhere_else():
    """Every save/open in the app goes through recourse.ui.file_dialogs."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "desktop" / "recourse").rglob("*.py")
        if path.name != "file_dialogs.py"
        and ("getSaveFileName" in path.read_text() or "getOpenFileName" in path.read_text())
    ]
    assert not offenders
