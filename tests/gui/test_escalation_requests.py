"""Escalation on the Requests screen, on the real stack (real server seeded with the demo
force that misses its deadlines, real profile, real widgets): the seeded overdue request
and unacknowledged complaint show the ICO window with its date, the pack is saved and the
sending recorded; a new overdue request offers "Complain to the force (DPA 2018
s.164A)…", whose dialog signs and sends the complaint; the deadlines dialog lists every
open clock and saves a calendar that parses back. Screenshots of each state.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, Qt
from tests.gui import contest_helpers as h

from recourse.domain.deadlines import complaint_acknowledgement_due, ico_complaint_by
from recourse.domain.letters import long_date

BENNETT = ("ps.bennett", "demo-bennett-2026")
SHOTS = Path("/tmp/esc_shots")


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


class Clock:
    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


def shot(widget: Any, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    SHOTS.mkdir(exist_ok=True)
    for _ in range(3):  # let the layouts settle
        QApplication.processEvents()
    widget.grab().save(str(SHOTS / name))


def screen_for(qtbot: Any, signed: Any, clock: Clock) -> Any:
    from recourse.ui.screens.requests import RequestsScreen

    context = h.make_context(signed.store, signed.api, clock)
    screen = RequestsScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1100, 820)
    screen.set_store(signed.store)
    screen.show()
    with qtbot.waitSignal(screen.data_changed, timeout=30_000):
        qtbot.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)
    return screen


def test_the_seeded_late_force_shows_the_ico_window_pack_and_sending(
        qtbot: Any, bennett: Any, tmp_path: Path) -> None:
    screen = screen_for(qtbot, bennett, Clock())
    kinds = {r.kind: r for r in screen.model.records()}
    assert set(kinds) == {"sar", "complaint"}
    sar, complaint = kinds["sar"], kinds["complaint"]
    assert screen.model.state_text(screen.model.row_of(complaint.reference)) == "Submitted"
    screen.select_reference(sar.reference)
    panel = screen.escalation
    assert panel.isVisible()
    acknowledge_by = complaint_acknowledgement_due(complaint.status.received_at.date())
    by = ico_complaint_by(acknowledge_by)
    assert "did not acknowledge your complaint" in panel.headline.text()
    assert f"Complain to the ICO by {long_date(by)}" in panel.text.text()
    assert panel.pack_button.isVisible() and panel.sent_button.isVisible()
    assert not panel.complain_button.isVisible()
    shot(screen, "requests-ico-window.png")

    job = panel.save_pack(tmp_path / "pack.zip")
    assert job is not None
    qtbot.waitUntil(lambda: "is saved to" in panel.status.text(), timeout=30_000)
    with zipfile.ZipFile(tmp_path / "pack.zip") as pack:
        # Sent from another PC: its receipts are there; the letter is here.
        assert pack.namelist() == ["ico-complaint-letter.pdf"]
    assert "Recourse has not sent it" in panel.status.text()
    shot(screen, "requests-ico-pack-saved.png")

    dialog = panel.record_sent()
    assert dialog is not None
    today = Clock()().date()
    assert dialog.day.maximumDate() == QDate(today.year, today.month, today.day)
    shot(dialog, "ico-sent-dialog.png")
    with qtbot.waitSignal(screen.data_changed, timeout=10_000):
        dialog.accept()
    screen.select_reference(sar.reference)
    assert screen.escalation.headline.text() == "You have complained to the ICO."
    assert long_date(today) in screen.escalation.text.text()
    shot(screen, "requests-ico-sent.png")


def test_complain_to_the_force_from_an_overdue_request_and_the_deadlines_calendar(
        qtbot: Any, bennett: Any, tmp_path: Path) -> None:
    from recourse.contest import ContestService, Draft

    service = ContestService(bennett.store, bennett.api)
    service.pin_server_key()
    service.ensure_signing_key()
    draft = Draft(kind="sar", sar_items=["copy", "retention"])
    service.save_draft(draft)
    sar = service.submit(service.prepare(draft))
    reference = sar.receipt.reference
    clock = Clock()
    screen = screen_for(qtbot, bennett, clock)
    screen.select_reference(reference)
    assert not screen.escalation.isVisible()  # on time: nothing to escalate

    clock.offset = timedelta(days=40)
    screen.refresh()
    screen.select_reference(reference)
    panel = screen.escalation
    assert panel.isVisible() and panel.complain_button.isVisible()
    assert panel.complain_button.text() == "Complain to the force (DPA 2018 s.164A)…"
    assert f"was due on {long_date(sar.receipt.due_date)}" in panel.text.text()
    shot(screen, "requests-overdue-next-step.png")

    qtbot.mouseClick(panel.complain_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.problem.currentData() == "overdue"
    assert not dialog.missing_box.isVisible()
    dialog.statement.setPlainText("You have not answered my request.")
    shot(dialog, "complaint-dialog.png")
    # "Incomplete" asks which Art. 15 items are missing, and suggests its own outcome.
    dialog.problem.setCurrentIndex(dialog.problem.findData("incomplete"))
    assert dialog.missing_box.isVisible()
    assert dialog.outcome.toPlainText().startswith("Send me the information")
    dialog.missing["retention"].setChecked(True)
    assert dialog.missing_items() == ["retention"]
    shot(dialog, "complaint-dialog-incomplete.png")
    assert service.complaint_draft(reference)["missing_items"] == ["retention"]
    dialog.problem.setCurrentIndex(dialog.problem.findData("overdue"))
    assert not dialog.missing_box.isVisible() and dialog.missing_items() == []
    # Saved as typed: a new dialog brings it back.
    assert service.complaint_draft(reference)["statement"] == \
        "You have not answered my request."
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=30_000)
    signed = json.loads(dialog.bytes.toPlainText())
    assert signed["kind"] == "complaint" and signed["target"] == reference
    assert signed["complaint"]["problem"] == "overdue"
    shot(dialog, "complaint-dialog-bytes.png")
    with qtbot.waitSignal(dialog.sent, timeout=30_000) as sent:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    record = sent.args[0]
    assert record.receipt.kind == "complaint"
    assert f"receipt {record.receipt.reference} checked" in dialog.status.text()
    shot(dialog, "complaint-dialog-sent.png")
    dialog.reject()
    qtbot.waitUntil(lambda: screen.model.row_of(record.receipt.reference) is not None,
                    timeout=10_000)
    # The day after the complaint (the client's clock): the force has 30 days.
    clock.offset = timedelta(days=1)
    screen.refresh()
    screen.select_reference(reference)
    assert "is with the force" in screen.escalation.headline.text()
    assert long_date(record.receipt.due_date) in screen.escalation.text.text()
    shot(screen, "requests-complaint-with-the-force.png")
    # Forty days on, still unacknowledged: the ICO window is open.
    clock.offset = timedelta(days=40)
    screen.refresh()
    screen.select_reference(reference)
    assert "did not acknowledge your complaint" in screen.escalation.headline.text()
    clock.offset = timedelta(days=1)
    screen.refresh()

    # Every open clock, and the calendar the officer saves.
    deadlines = screen.show_deadlines()
    assert deadlines is not None
    clocks = deadlines.clocks
    assert ("complaint_acknowledgement", record.receipt.reference) in {
        (c.kind, c.reference) for c in clocks}
    assert ("reply_due", reference) in {(c.kind, c.reference) for c in clocks}
    assert deadlines.table.rowCount() == len(clocks)
    shot(deadlines, "deadlines-dialog.png")
    deadlines.save(tmp_path / "deadlines.ics")
    qtbot.waitUntil(lambda: "Calendar saved" in deadlines.status.text(), timeout=10_000)
    parsed = Calendar.from_ical((tmp_path / "deadlines.ics").read_bytes())
    events = {str(e["uid"]): e.decoded("dtstart") for e in parsed.walk("VEVENT")}
    assert len(events) == len(clocks)
    assert sorted(events.values()) == sorted(c.due for c in clocks)
    deadlines.reject()
