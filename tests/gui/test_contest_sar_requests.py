"""The SAR wizard to a verified receipt and a PDF letter; the Requests screen's deadlines
(overdue in words, a lawful extension shown as extended) and the fulfilled response,
verified and checked item by item. Real server, real profile, real widgets.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from tests.gui import contest_helpers as h

from recourse.ui.models.requests_model import DAYS_LEFT, DeadlineRole


@pytest.fixture(scope="module")
def officer(server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[h.SignedIn]:
    signed = h.signed_in_officer(server, tmp_path_factory.mktemp("sar") / "profile")
    yield signed
    signed.close()


class Clock:
    """The context's clock, moved forward to see deadlines pass."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


def test_sar_wizard_letter_receipt_deadlines_and_response(
    qtbot: Any, qtmodeltester: Any, officer: h.SignedIn, server: Any, tmp_path: Path
) -> None:
    from recourse.ui.screens.requests import RequestsScreen

    clock = Clock()
    context = h.make_context(officer.store, officer.api, clock)
    screen = RequestsScreen(context)
    qtbot.addWidget(screen)
    screen.set_store(officer.store)
    assert screen.empty.isVisibleTo(screen) and screen.model.rowCount() == 0

    qtbot.mouseClick(screen.ask_button, Qt.MouseButton.LeftButton)
    wizard = screen.wizard
    h.trust_server_key(qtbot, wizard)
    scope = wizard.scope_page
    assert scope.everything.isChecked()
    scope.chosen.setChecked(True)
    assert not scope.isComplete()  # no category ticked yet: said in words
    assert "at least one" in scope.problem.text()
    scope.categories["absences"].setChecked(True)
    scope.categories["building_access"].setChecked(True)
    assert scope.isComplete()
    wizard.next()
    items = wizard.items_page
    assert all(box.isChecked() for box in items.items.values())  # all by default
    wizard.next()
    review = wizard.review_page
    qtbot.waitUntil(lambda: review.send_button.isEnabled(), timeout=30_000)
    payload = json.loads(review.bytes.toPlainText())
    assert payload["kind"] == "sar"
    assert payload["target"]["categories"] == ["absences", "building_access"]
    assert len(payload["target"]["items"]) == 9

    # The letter, written only where the officer chose.
    letter = wizard.save_letter(tmp_path / "sar-letter.pdf")
    assert letter.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["sar-letter.pdf"]

    with qtbot.waitSignal(wizard.received, timeout=30_000) as received:
        qtbot.mouseClick(review.send_button, Qt.MouseButton.LeftButton)
    reference = received.args[0].receipt.reference
    assert wizard.result_page.headline.text() == "Received by the force"
    wizard.accept()

    # The Requests screen lists it with its deadline.
    assert screen.model.row_of(reference) is not None
    qtmodeltester.check(screen.model)
    row = screen.model.row_of(reference)
    days = screen.model.index(row, DAYS_LEFT)
    assert days.data().endswith("days left")

    # Two months on with no answer: overdue, in words and colour.
    clock.offset = timedelta(days=62)
    screen.refresh()
    row = screen.model.row_of(reference)
    days = screen.model.index(row, DAYS_LEFT)
    assert days.data().startswith("Overdue by ")
    assert days.data(DeadlineRole) == "overdue"
    assert days.data(Qt.ItemDataRole.ForegroundRole) is not None

    # The force lawfully extends it (two more months): extended, not overdue.
    reviewer = h.Reviewer(server)
    reviewer.post(reference, "extend", {"reasons": "Records from three systems."})
    with qtbot.waitSignal(screen.data_changed, timeout=30_000):
        qtbot.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)
    row = screen.model.row_of(reference)
    days = screen.model.index(row, DAYS_LEFT)
    assert days.data(DeadlineRole) == "extended"
    assert days.data().startswith("Extended: ")
    assert screen.model.state_text(row) == "Extended"
    screen.select_reference(reference)
    assert "Records from three systems." in screen.detail_text()

    # Fulfilled: the response is downloaded, verified and shown by Art. 15 item.
    reviewer.post(reference, "fulfil")
    with qtbot.waitSignal(screen.data_changed, timeout=30_000):
        qtbot.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)
    screen.select_reference(reference)
    assert screen.model.state_text(screen.model.row_of(reference)) == "Fulfilled"
    assert screen.response_button.isEnabled()
    qtbot.mouseClick(screen.response_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.response_dialog is not None, timeout=30_000)
    dialog = screen.response_dialog
    assert dialog.missing == []
    assert "Every item you asked for is answered." in dialog.missing_label.text()

    # Overview's deadlines come from the same records.
    from recourse.ui.models.requests_model import deadline_lines

    lines = deadline_lines(officer.store, clock().date())
    assert not any(reference in line for line in lines)  # fulfilled: no deadline runs


def test_a_thin_response_gets_a_chaser(qtbot: Any, officer: h.SignedIn, tmp_path: Path) -> None:
    """The real server answers in full; a response that leaves items out is made here
    from the real one, and the dialog lists exactly those items and writes the letter."""
    from recourse.contest import ContestService, SarResult, check_completeness
    from recourse.protocol import contest_wire as cw
    from recourse.ui.dialogs.sar.response import ResponseDialog

    service = ContestService(officer.store, officer.api)
    fulfilled = [r for r in service.submissions()
                 if r.status is not None and r.status.state == "fulfilled"]
    assert fulfilled
    result = service.sar_response(fulfilled[0].reference)
    assert result is not None
    thin = result.package.model_copy(update={"art15": cw.Art15Answer(
        purposes=result.package.art15.purposes)})
    missing = check_completeness(thin)
    dialog = ResponseDialog(SarResult(result.reference, result.token, thin), missing,
                            officer.store.me(), h.make_context(officer.store, None))
    qtbot.addWidget(dialog)
    text = dialog.missing_label.text()
    assert "Who it has been or will be shared with" in text
    assert "Art. 15(1)(c)" in dialog.letter.toPlainText()
    assert "Art. 15(1)(a)" not in dialog.letter.toPlainText()
    receipt = fulfilled[0].receipt
    received = receipt.received_at.date()
    assert f"received on {received.day} {received:%B %Y}" in dialog.letter.toPlainText()
    due = fulfilled[0].current_due_date()
    assert f"due by {due.day} {due:%B %Y}." in dialog.letter.toPlainText()
    pdf = dialog.save_pdf(tmp_path / "chaser.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    # The SAR result is an attribute of its own: QDialog.result() still gives the outcome.
    assert dialog.sar_result.reference == result.reference
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_disputed_model_passes_the_model_tester(qtmodeltester: Any, officer: h.SignedIn) -> None:
    from recourse.ui.dialogs.challenge import DisputedModel

    flag = officer.store.flags()[0]
    model = DisputedModel()
    model.set_records(officer.store, list(flag.provenance.input_record_ids))
    ids = list(flag.provenance.input_record_ids)
    model.set_disputed(ids[:2])
    qtmodeltester.check(model)
    assert model.disputed() == ids[:2]
    assert model.setData(model.index(0, 0), Qt.CheckState.Unchecked,
                         Qt.ItemDataRole.CheckStateRole)
    assert model.disputed() == ids[1:2]


def test_keys_panel_shows_rotates_and_revokes(qtbot: Any, officer: h.SignedIn) -> None:
    """Runs last in this module: it revokes the key the other tests signed with."""
    from PySide6.QtWidgets import QMessageBox

    from recourse.protocol.jws import fingerprint_words, load_public_jwk
    from recourse.store.contest import ContestStore
    from recourse.ui.keys_panel import KeysPanel

    contest = ContestStore(officer.store)
    panel = KeysPanel(h.make_context(officer.store, officer.api))
    qtbot.addWidget(panel)
    panel.set_store(officer.store)
    first = contest.active_key()
    assert first is not None and panel.key_id.text() == first.key_id
    assert panel.fingerprint.text() == fingerprint_words(load_public_jwk(first.public_jwk))
    pin = contest.server_pin()
    assert panel.server_fingerprint.text() == fingerprint_words(load_public_jwk(pin.public_jwk))
    assert panel.server_source.text().startswith("Pinned on first use")
    assert panel.server_key_id.text() == pin.key_id

    with qtbot.waitSignal(panel.keys_changed, timeout=30_000):
        qtbot.mouseClick(panel.rotate_button, Qt.MouseButton.LeftButton)
    second = contest.active_key()
    assert second is not None and second.key_id != first.key_id
    assert panel.key_id.text() == second.key_id
    assert contest.key(first.key_id).revoked_at is not None

    qtbot.mouseClick(panel.revoke_button, Qt.MouseButton.LeftButton)
    assert panel.confirm is not None and panel.confirm.isVisible()
    revoke = next(b for b in panel.confirm.buttons() if b.accessibleName() == "Revoke")
    assert panel.confirm.defaultButton() is panel.confirm.button(
        QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(panel.keys_changed, timeout=30_000):
        qtbot.mouseClick(revoke, Qt.MouseButton.LeftButton)
    assert contest.active_key() is None
    assert panel.key_id.text() == "None yet on this PC"
    assert panel.setup_button.isVisibleTo(panel)

    with qtbot.waitSignal(panel.keys_changed, timeout=30_000):
        qtbot.mouseClick(panel.setup_button, Qt.MouseButton.LeftButton)
    third = contest.active_key()
    assert third is not None and third.key_id not in (first.key_id, second.key_id)
