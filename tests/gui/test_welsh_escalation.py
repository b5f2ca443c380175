"""Escalation in Welsh, on the real stack (the demo force that misses its deadlines): the
Requests screen's next-step panel, the complaint dialog and the deadlines dialog speak
Welsh throughout, including the texts that come from the domain (what went wrong, what
is due, the suggested outcome, the Art. 15 items) and the dates in running text, and no
text is cut off. Screenshots of each in /tmp/esc_shots_cy.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from tests.gui import contest_helpers as h
from tests.gui.test_escalation_requests import BENNETT, Clock, screen_for
from tests.gui.test_ui_clipping import clipped

from recourse.domain import letters_cy
from recourse.domain.deadlines import complaint_acknowledgement_due, ico_complaint_by

SHOTS = Path("/tmp/esc_shots_cy")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from tests.support.server import start_server

    handle = start_server(tmp_path_factory.mktemp("server"), only=[BENNETT[0]],
                          ping_interval=60)
    yield handle
    handle.stop()


@pytest.fixture
def bennett(server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setattr(h, "OFFICER", BENNETT)
    signed = h.signed_in_officer(server, tmp_path / "profile")
    yield signed
    signed.close()


@pytest.fixture
def welsh(qapp: Any) -> Iterator[None]:
    from recourse.ui.i18n import set_language

    set_language(qapp, "cy")
    yield
    set_language(qapp, "en_GB")


def shot(qtbot: Any, widget: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    qtbot.wait(50)
    widget.grab().save(str(SHOTS / name))


def test_the_ico_window_in_welsh(qtbot: Any, welsh: None, bennett: Any) -> None:
    screen = screen_for(qtbot, bennett, Clock())
    kinds = {r.kind: r for r in screen.model.records()}
    sar, complaint = kinds["sar"], kinds["complaint"]
    screen.select_reference(sar.reference)
    panel = screen.escalation
    assert panel.isVisible() and panel.title() == "Beth allwch chi ei wneud nesaf"
    assert "Ni chydnabu'r heddlu eich cwyn" in panel.headline.text()
    by = ico_complaint_by(complaint_acknowledgement_due(complaint.status.received_at.date()))
    # The date in Welsh, not the domain's English one.
    assert f"erbyn {letters_cy.long_date(by)}" in panel.text.text()
    assert panel.pack_button.text() == "Paratoi'r &pecyn cwyno i'r ICO…"
    assert clipped(screen) == []
    shot(qtbot, screen, "requests-ico-window.png")
    dialog = panel.record_sent()
    assert dialog is not None and dialog.windowTitle() == "Rwyf wedi anfon hwn at yr ICO"
    qtbot.waitExposed(dialog)
    assert clipped(dialog) == []
    shot(qtbot, dialog, "ico-sent-dialog.png")
    dialog.reject()
    # The Requests list and its detail name the complaint in Welsh.
    row = screen.model.row_of(complaint.reference)
    assert screen.model.index(row, 0).data() == "Cwyn i'r heddlu"
    screen.select_reference(complaint.reference)
    assert "Cydnabyddiaeth (DPA 2018 a.164A): " in screen.detail.toPlainText()
    shot(qtbot, screen, "requests-complaint-detail.png")


def test_complaint_and_deadlines_dialogs_in_welsh(
        qtbot: Any, welsh: None, bennett: Any, tmp_path: Path) -> None:
    from recourse.contest import ContestService, Draft

    service = ContestService(bennett.store, bennett.api)
    service.pin_server_key()
    service.ensure_signing_key()
    draft = Draft(kind="sar", sar_items=["copy", "retention"])
    service.save_draft(draft)
    sar = service.submit(service.prepare(draft))
    clock = Clock()
    clock.offset = timedelta(days=40)
    screen = screen_for(qtbot, bennett, clock)
    screen.select_reference(sar.receipt.reference)
    panel = screen.escalation
    assert panel.complain_button.text() == "Cwyno i'r heddlu (DPA 2018 a.164A)…"
    # What went wrong comes from the domain's table, translated.
    assert panel.headline.text().startswith("Nid yw'r heddlu wedi ateb erbyn")
    assert f"ar {letters_cy.long_date(sar.receipt.due_date)}" in panel.text.text()
    assert clipped(screen) == []
    shot(qtbot, screen, "requests-overdue-next-step.png")

    qtbot.mouseClick(panel.complain_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None
    assert dialog.problem.currentText().startswith("Nid yw'r heddlu wedi ateb")
    assert dialog.outcome.toPlainText() == "Atebwch fy nghais yn llawn o fewn 14 diwrnod."
    dialog.problem.setCurrentIndex(dialog.problem.findData("incomplete"))
    # The suggestion follows the problem, in Welsh; the Art. 15 items are in Welsh.
    assert dialog.outcome.toPlainText().startswith("Anfonwch ataf o fewn 14 diwrnod")
    assert dialog.missing["retention"].text() == (
        "Am ba hyd y byddwch yn ei gadw, neu sut y penderfynir hynny (Erth. 15(1)(d))")
    assert clipped(dialog) == []
    shot(qtbot, dialog, "complaint-dialog-incomplete.png")
    dialog.problem.setCurrentIndex(dialog.problem.findData("overdue"))
    assert dialog.outcome.toPlainText() == "Atebwch fy nghais yn llawn o fewn 14 diwrnod."
    assert clipped(dialog) == []
    shot(qtbot, dialog, "complaint-dialog.png")
    dialog.reject()

    deadlines = screen.show_deadlines()
    assert deadlines is not None
    assert deadlines.windowTitle() == "Terfynau amser"
    whats = {deadlines.table.item(r, 1).text() for r in range(deadlines.table.rowCount())}
    assert f"{sar.receipt.reference}: Mae ateb yr heddlu yn ddyledus" in whats
    days = {deadlines.table.item(r, 0).text() for r in range(deadlines.table.rowCount())}
    assert letters_cy.long_date(sar.receipt.due_date) in days
    assert clipped(deadlines) == []
    shot(qtbot, deadlines, "deadlines-dialog.png")
    # The calendar the officer saves says it in Welsh too.
    target = tmp_path / "terfynau.ics"
    deadlines.save(target)
    qtbot.waitUntil(lambda: deadlines.status.text().startswith("Cadwyd y calendr"),
                    timeout=10_000)
    parsed = Calendar.from_ical(target.read_bytes())
    assert str(parsed["x-wr-calname"]) == "Terfynau amser Recourse"
    summaries = {str(e["summary"]) for e in parsed.walk("VEVENT")}
    assert f"{sar.receipt.reference}: Mae ateb yr heddlu yn ddyledus" in summaries
    descriptions = " ".join(str(e["description"]) for e in parsed.walk("VEVENT"))
    assert "GDPR y DU Erth. 12(3)" in descriptions and "UK GDPR" not in descriptions
    deadlines.reject()
