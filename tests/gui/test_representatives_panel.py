"""Settings → Representatives: the officer picks a representative from the force's
directory, signs a mandate with this PC's key, sees it listed (checked against their own
key), and revokes it through the confirmation. Real server, real profile, real widgets.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from tests.gui import contest_helpers as h


@pytest.fixture(scope="module")
def officer(server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[h.SignedIn]:
    signed = h.signed_in_officer(server, tmp_path_factory.mktemp("reps") / "profile")
    yield signed
    signed.close()


def test_an_officer_grants_and_revokes_a_mandate_from_settings(
        qtbot: Any, officer: h.SignedIn, tmp_path: Path) -> None:
    from recourse.contest import ContestService
    from recourse.ui.representatives_panel import RepresentativesPanel

    context = h.make_context(officer.store, officer.api)
    panel = RepresentativesPanel(context)
    qtbot.addWidget(panel)
    panel.resize(900, 460)
    panel.set_store(officer.store)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.representative.count() == 1, timeout=30_000)
    assert panel.table.rowCount() == 0
    assert "not granted" in panel.status.text()
    assert panel.representative.currentText().startswith("Sian Davies")

    # No signing key yet: said in words, nothing sent.
    qtbot.mouseClick(panel.grant_button, Qt.MouseButton.LeftButton)
    assert "Set up your signing key first" in panel.status.text()
    ContestService(officer.store, officer.api).ensure_signing_key()

    panel.scope_receive.setChecked(False)
    panel.months.setValue(6)
    qtbot.mouseClick(panel.grant_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=30_000)
    assert "granted to Sian Davies" in panel.status.text()
    cells = [panel.table.item(0, c).text() for c in range(panel.table.columnCount())]
    assert cells[0] == "Sian Davies" and cells[1] == "see, act" and cells[3] == "Current"
    reference = cells[4]
    assert reference.startswith("M-")
    shots = os.environ.get("RECOURSE_SHOTS")
    if shots:
        panel.grab().save(str(Path(shots) / "representatives-panel.png"))

    assert not panel.revoke_button.isEnabled()  # nothing selected yet
    panel.table.selectRow(0)
    assert panel.revoke_button.isEnabled()
    qtbot.mouseClick(panel.revoke_button, Qt.MouseButton.LeftButton)
    assert panel.confirm is not None and reference in panel.confirm.text()
    revoke = next(b for b in panel.confirm.buttons() if b.accessibleName() == "Revoke")
    qtbot.mouseClick(revoke, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is revoked" in panel.status.text(), timeout=30_000)
    assert panel.table.item(0, 3).text() == "Revoked by you"
    panel.table.selectRow(0)
    assert not panel.revoke_button.isEnabled()  # a revoked mandate cannot be revoked again
    context.workers.wait_idle(5000)
