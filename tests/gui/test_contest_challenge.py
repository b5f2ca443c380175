"""The challenge wizard, driven like an officer would, against the real reference server
and a real encrypted profile: from the attendance flag (records pre-filled from "check
the arithmetic") to a verified receipt; the reviewer's outcome then shows on the
Requests screen and on the flag after a refresh. Drafts survive a lock.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from tests.gui import contest_helpers as h

from recourse.domain.deadlines import due_date


@pytest.fixture(scope="module")
def officer(server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[h.SignedIn]:
    signed = h.signed_in_officer(server, tmp_path_factory.mktemp("contest") / "profile")
    yield signed
    signed.close()


def attendance_flag(store: Any) -> Any:
    return next(f for f in store.flags() if f.rule.id == "hybrid-attendance")


def test_challenge_from_flag_to_verified_receipt_then_outcome(
    qtbot: Any, officer: h.SignedIn, server: Any, tmp_path: Path
) -> None:
    from recourse.ui.screens.flags import FlagsScreen
    from recourse.ui.screens.requests import RequestsScreen

    context = h.make_context(officer.store, officer.api)
    flags = FlagsScreen(context)
    qtbot.addWidget(flags)
    flags.set_store(officer.store)
    flag = attendance_flag(officer.store)
    assert flags.select_flag(flag.id)
    with qtbot.waitSignal(flags.arithmetic.differences_changed, timeout=30_000):
        qtbot.mouseClick(flags.arithmetic.button, Qt.MouseButton.LeftButton)
    differences = flags.arithmetic.differences()
    assert differences

    assert flags.contest_button.isVisibleTo(flags)
    qtbot.mouseClick(flags.contest_button, Qt.MouseButton.LeftButton)
    wizard = flags.wizard
    assert wizard.isVisible() and wizard.flag.id == flag.id
    h.trust_server_key(qtbot, wizard)  # first use: the officer sees the fingerprint

    # Page 1: grounds in plain words, each with its right.
    grounds = wizard.grounds_page
    assert not grounds.isComplete()
    assert "Art. 16" in grounds.boxes["rectification"].accessibleDescription()
    assert "22A" in grounds.boxes["automated_decision"].accessibleDescription()
    grounds.boxes["rectification"].setChecked(True)
    grounds.boxes["context"].setChecked(True)
    assert grounds.isComplete()
    wizard.next()
    # Page 2: the statement, typed.
    statement = "My annual leave and sick days were counted as absences. Zoë"
    qtbot.keyClicks(wizard.statement_page.editor, statement[:-3])
    wizard.statement_page.editor.insertPlainText("Zoë")  # QTest types ASCII only
    wizard.next()
    # Page 3: the disputed records, pre-filled from the arithmetic's differences.
    records = wizard.records_page
    assert records.model.disputed() == [
        r for r in flag.provenance.input_record_ids if r in set(differences)]
    assert records.model.rowCount() == len(flag.provenance.input_record_ids)
    wizard.next()
    # Page 4: an attachment, hashed into the payload.
    sheet = tmp_path / "leave-approval.txt"
    sheet.write_bytes(b"Annual leave approved 3-7 March\n")
    job = wizard.attachments_page.add_files([sheet])
    qtbot.waitUntil(lambda: job.done, timeout=10_000)
    table = wizard.attachments_page.table
    assert table.rowCount() == 1 and table.item(0, 0).text() == "leave-approval.txt"
    import hashlib

    assert table.item(0, 2).text() == hashlib.sha256(sheet.read_bytes()).hexdigest()
    # The draft is already in the store, as typed.
    qtbot.waitUntil(lambda: any(d.statement == statement for d in
                                wizard.service.drafts()), timeout=5_000)
    wizard.next()
    # Page 5: exactly what will be signed.
    review = wizard.review_page
    qtbot.waitUntil(lambda: review.send_button.isEnabled(), timeout=30_000)
    shown = review.bytes.toPlainText()
    assert review.bytes.isReadOnly()
    payload = json.loads(shown)
    assert payload["target"] == flag.id and payload["statement"] == statement
    assert payload["grounds"] == ["rectification", "context"]
    assert payload["disputed_record_ids"] == records.model.disputed()
    assert payload["attachments"][0]["sha256"] == table.item(0, 2).text()
    with qtbot.waitSignal(wizard.received, timeout=30_000) as received:
        qtbot.mouseClick(review.send_button, Qt.MouseButton.LeftButton)
    record = received.args[0]
    assert wizard.currentPage() is wizard.result_page
    assert wizard.result_page.headline.text() == "Received by the force"
    details = wizard.result_page.details.text()
    receipt = record.receipt
    assert receipt.reference in details
    assert receipt.due_date.isoformat() in details
    assert receipt.due_date == due_date(receipt.received_at.date())
    # What was signed is byte for byte what was shown.
    from recourse.protocol.jws import b64url_decode

    assert b64url_decode(record.token.split(".")[1]).decode("utf-8") == shown
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not [d for d in wizard.service.drafts() if d.flag_id == flag.id]

    # The reviewer decides; the Requests screen and the flag follow after a refresh.
    requests_screen = RequestsScreen(context)
    qtbot.addWidget(requests_screen)
    requests_screen.set_store(officer.store)
    row = requests_screen.model.row_of(receipt.reference)
    assert row is not None
    reviewer = h.Reviewer(server)
    reviewer.post(receipt.reference, "acknowledge")
    reviewer.post(receipt.reference, "outcome", {
        "outcome": "upheld", "flag_status": "withdrawn",
        "reasons": "Leave and sickness are not absence; the flag is withdrawn."})
    with qtbot.waitSignal(requests_screen.data_changed, timeout=30_000):
        qtbot.mouseClick(requests_screen.refresh_button, Qt.MouseButton.LeftButton)
    row = requests_screen.model.row_of(receipt.reference)
    assert requests_screen.model.state_text(row) == "Outcome: upheld"
    requests_screen.select_reference(receipt.reference)
    detail = requests_screen.detail_text()
    assert "Leave and sickness are not absence" in detail
    assert "verified ✓" in detail and receipt.reference in detail
    assert officer.store.flag(flag.id).status == "withdrawn"
    flags.refresh()
    assert flags.select_flag(flag.id)
    assert flags.status_label.text().startswith("Withdrawn")

    # The evidence bundle, exported where the officer chose.
    target = tmp_path / "evidence.zip"
    job = requests_screen.export_bundle(target)
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    import zipfile

    assert "receipt.jws" in zipfile.ZipFile(target).namelist()


def test_a_draft_survives_a_lock(qtbot: Any, officer: h.SignedIn) -> None:
    """Typing, then Recourse locks: the wizard saves and closes; after unlocking,
    contesting the same flag brings back what was typed."""
    from recourse.ui.dialogs.challenge import ChallengeWizard

    store = h.reopen(officer)  # a second connection, closed by the "lock" below
    context = h.make_context(store, None)  # offline: drafts need no server
    flag = store.flags()[0]
    wizard = ChallengeWizard(context, store, flag)
    qtbot.addWidget(wizard)
    wizard.open()
    wizard.grounds_page.boxes["objection"].setChecked(True)
    wizard.next()
    qtbot.keyClicks(wizard.statement_page.editor, "I was off duty at the time")
    # Lock: the store goes away (the main window sets context.store to None first).
    context.store = None
    store.close()
    assert not wizard.isVisible()

    store = h.reopen(officer)
    try:
        context.store = store
        again = ChallengeWizard(context, store, flag)
        qtbot.addWidget(again)
        assert again.resumed
        assert again.statement_page.editor.toPlainText() == "I was off duty at the time"
        assert again.grounds_page.grounds() == ["objection"]
        again.reject()
    finally:
        context.store = None
        store.close()
