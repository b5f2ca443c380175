"""IT's receipt-key fingerprint, answering the force's question, and signing offline
before the force's key is known. Real server (stopped and restarted where the test says
so), real encrypted profiles, real widgets.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from PySide6.QtCore import Qt
from tests.gui import contest_helpers as h

from recourse.protocol.receipt import submission_sha256
from recourse.ui.app import AppContext
from recourse.ui.settings_registry import REGISTRY, SERVER_KEY_FINGERPRINT, Settings, load_policy


def server_fingerprint(server: Any) -> str:
    return str(requests.get(server.url + "/v1/server-key", timeout=10).json()["fingerprint"])


def context_with_policy(signed: h.SignedIn, policy: dict[str, Any]) -> AppContext:
    return AppContext(settings=Settings(policy=policy), store=signed.store, api=signed.api)


def sar_to_review(qtbot: Any, screen: Any) -> Any:
    """Open "Ask for my data" and go to the page that shows the bytes to sign."""
    qtbot.mouseClick(screen.ask_button, Qt.MouseButton.LeftButton)
    wizard = screen.wizard
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.review_page
    return wizard


@pytest.fixture
def officer(server: Any, tmp_path: Path) -> Iterator[h.SignedIn]:
    signed = h.signed_in_officer(server, tmp_path / "profile")
    yield signed
    signed.close()


# --- 1. the force's receipt key, set by IT ----------------------------------------------


def test_the_receipt_key_fingerprint_is_an_it_policy_setting(tmp_path: Path) -> None:
    assert REGISTRY["server_key_fingerprint"] is SERVER_KEY_FINGERPRINT
    assert SERVER_KEY_FINGERPRINT.policy
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"server_key_fingerprint": "AB12 " * 16}))
    assert load_policy({"RECOURSE_POLICY_FILE": str(path)}) == {
        "server_key_fingerprint": "AB12 " * 16}


def test_it_configured_key_signs_sends_and_verifies_without_asking(
    qtbot: Any, officer: h.SignedIn, server: Any, tmp_path: Path
) -> None:
    from recourse.ui.keys_panel import KeysPanel
    from recourse.ui.screens.requests import RequestsScreen

    fingerprint = server_fingerprint(server)
    # IT may write it in lower case and without spaces.
    context = context_with_policy(officer, {
        "server_key_fingerprint": fingerprint.replace(" ", "").lower()})
    panel = KeysPanel(context)
    qtbot.addWidget(panel)
    panel.set_store(officer.store)
    assert panel.server_key_id.text() == "Not yet checked on this PC"
    assert "Set by your IT department" in panel.server_source.text()

    screen = RequestsScreen(context)
    qtbot.addWidget(screen)
    screen.set_store(officer.store)
    wizard = sar_to_review(qtbot, screen)
    review = wizard.review_page
    qtbot.waitUntil(lambda: review.send_button.isEnabled(), timeout=30_000)
    assert wizard.keys.dialog is None  # IT's key: no first-use question
    with qtbot.waitSignal(wizard.received, timeout=30_000) as received:
        qtbot.mouseClick(review.send_button, Qt.MouseButton.LeftButton)
    record = received.args[0]
    assert record.state == "received" and record.receipt is not None
    wizard.accept()

    panel.refresh()
    pin = h.contest_store(officer).server_pin()
    assert pin is not None and pin.source == "configured"
    assert panel.server_fingerprint.text() == fingerprint
    assert panel.server_key_id.text() == pin.key_id == record.receipt.server_key_id
    assert panel.server_source.text().startswith("Set by your IT department, and checked")
    panel.grab().save(str(tmp_path / "keys-panel-it.png"))


def test_a_wrong_it_fingerprint_refuses_the_send_loudly(
    qtbot: Any, officer: h.SignedIn, server: Any
) -> None:
    from recourse.ui.keys_panel import KeysPanel
    from recourse.ui.screens.requests import RequestsScreen

    wrong = "AB12 " * 16
    context = context_with_policy(officer, {"server_key_fingerprint": wrong})
    screen = RequestsScreen(context)
    qtbot.addWidget(screen)
    screen.set_store(officer.store)
    wizard = sar_to_review(qtbot, screen)
    review = wizard.review_page
    qtbot.waitUntil(lambda: "IT department configured" in review.status.text(),
                    timeout=30_000)
    assert "Do not submit anything" in review.status.text()
    assert server_fingerprint(server) in review.status.text()  # both read out
    assert not review.send_button.isEnabled()
    qtbot.mouseClick(review.send_button, Qt.MouseButton.LeftButton)  # does nothing
    wizard.reject()

    contest = h.contest_store(officer)
    assert contest.server_pin() is None  # the offered key was not trusted
    assert contest.entries() == []  # nothing signed, nothing marked received
    panel = KeysPanel(context)
    qtbot.addWidget(panel)
    panel.set_store(officer.store)
    assert panel.server_fingerprint.text() == wrong.strip()
    assert panel.server_key_id.text() == "Not yet checked on this PC"


# --- 2. answering the force's question ---------------------------------------------------


def test_the_officer_answers_a_clarification_signed_and_the_clock_resumes(
    qtbot: Any, officer: h.SignedIn, server: Any, tmp_path: Path
) -> None:
    from recourse.contest import ContestService, Draft
    from recourse.ui.screens.requests import RequestsScreen

    contest = ContestService(officer.store, officer.api)
    contest.ensure_signing_key()
    draft = Draft(kind="sar", sar_items=["copy", "purposes"])
    contest.save_draft(draft)
    reference = contest.submit(contest.prepare(draft)).receipt.reference
    reviewer = h.Reviewer(server)
    reviewer.post(reference, "acknowledge")
    reviewer.post(reference, "clarify", {"note": "Which <b>building</b> do you mean?"})

    context = h.make_context(officer.store, officer.api)
    screen = RequestsScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1100, 800)
    screen.show()
    screen.set_store(officer.store)
    with qtbot.waitSignal(screen.data_changed, timeout=30_000):
        qtbot.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)
    screen.select_reference(reference)
    panel = screen.clarification
    assert panel.isVisible()
    assert panel.question.text() == "Which <b>building</b> do you mean?"  # plain text
    assert panel.question.textFormat() == Qt.TextFormat.PlainText
    assert "The clock is paused" in panel.clock.text() and "0 days so far" in panel.clock.text()
    assert screen.model.state_text(screen.model.row_of(reference)) == "Clarification asked"

    qtbot.mouseClick(panel.review_button, Qt.MouseButton.LeftButton)
    assert panel.status.text() == "Write your answer first."
    panel.answer.setFocus()
    qtbot.keyClicks(panel.answer, "Kirkgate, all doors.")

    # What is typed is saved encrypted as it is typed: a lock empties the panel, unlocking
    # brings the answer back, and nothing else lists it as a challenge or SAR draft.
    assert contest.answer_draft(reference) == "Kirkgate, all doors."
    assert all(d.kind != "challenge" or d.flag_id for d in contest.drafts())
    screen.set_store(None)
    assert panel.answer.toPlainText() == ""
    screen.set_store(officer.store)
    screen.select_reference(reference)
    assert panel.answer.toPlainText() == "Kirkgate, all doors."
    qtbot.mouseClick(panel.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible(),
                    timeout=30_000)
    signed = json.loads(panel.dialog.bytes.toPlainText())
    assert signed["kind"] == "clarification" and signed["target"] == reference
    assert signed["statement"] == "Kirkgate, all doors."
    screen.grab().save(str(tmp_path / "requests-clarification.png"))
    panel.dialog.grab().save(str(tmp_path / "answer-dialog.png"))
    with qtbot.waitSignal(panel.answered, timeout=30_000) as answered:
        qtbot.mouseClick(panel.dialog.send_button, Qt.MouseButton.LeftButton)
    record = answered.args[0]
    assert record.state == "received" and record.receipt.kind == "clarification"
    assert record.payload == signed  # what was shown is what was signed
    assert f"receipt {record.receipt.reference} checked" in panel.status.text()
    assert contest.answer_draft(reference) == ""  # gone with the receipt

    # The clock runs again: the request is acknowledged, the panel gone, the answer listed.
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)
    screen.select_reference(reference)
    row = screen.model.row_of(reference)
    assert screen.model.state_text(row) == "Acknowledged"
    selected = screen.current_record()
    assert selected.current_due_date() == record.receipt.due_date
    detail = screen.detail_text()
    assert f"receipt {record.receipt.reference} verified: Kirkgate, all doors." in detail
    assert "The officer answered (signed" in detail
    # The answer is not a request of its own (the list also shows what this officer sent
    # from another PC: other tests' requests, on the same server).
    assert screen.model.row_of(record.receipt.reference) is None
    assert all(r.kind != "clarification" for r in screen.model.records())


# --- 3. signing offline before the force's key is pinned ---------------------------------


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Any]:
    from tests.support.server import start_server

    holder: dict[str, Any] = {"server": start_server(tmp_path / "server", only=["ci.okafor"])}
    yield holder
    holder["server"].stop()


def test_offline_before_the_key_is_pinned_signs_queues_and_sends_when_back(
    qtbot: Any, own_server: dict[str, Any], tmp_path: Path
) -> None:
    from tests.support.server import start_server

    from recourse.ui.keys_panel import KeysPanel
    from recourse.ui.screens.requests import RequestsScreen

    server = own_server["server"]
    signed = h.signed_in_officer(server, tmp_path / "profile")
    context = h.make_context(signed.store, signed.api)
    try:
        fingerprint = server_fingerprint(server)
        screen = RequestsScreen(context)
        qtbot.addWidget(screen)
        screen.set_store(signed.store)
        assert h.contest_store(signed).server_pin() is None

        server.stop()  # the force's server goes away before its key was ever seen
        wizard = sar_to_review(qtbot, screen)
        review = wizard.review_page
        qtbot.waitUntil(lambda: review.send_button.isEnabled(), timeout=30_000)
        assert "cannot be reached" in review.status.text()
        shown = review.bytes.toPlainText()
        with qtbot.waitSignal(wizard.submitted, timeout=30_000):
            qtbot.mouseClick(review.send_button, Qt.MouseButton.LeftButton)
        assert wizard.result_page.headline.text() == "Signed, waiting to send"
        wizard.grab().save(str(tmp_path / "wizard-waiting.png"))
        wizard.accept()

        contest = h.contest_store(signed)
        [entry] = contest.entries()
        assert entry.state == "signed"
        token = entry.token
        assert json.loads(h.signed_content(token)) == json.loads(shown)  # the exact bytes
        assert contest.server_pin() is None
        screen.refresh()
        row = screen.model.row_of(entry.id)
        assert screen.model.state_text(row) == "Signed, waiting to send"
        assert "Waiting to send" in screen.detail_text()
        screen.resize(1000, 700)
        screen.grab().save(str(tmp_path / "requests-waiting.png"))

        # The server comes back on the same address and database.
        port = urlsplit(server.url).port
        back = start_server(tmp_path / "server", database_url=server.database_url,
                            only=["ci.okafor"], extra_args=["--port", str(port)])
        own_server["server"] = back
        assert back.url == server.url
        # The shell's next sync works (the server is back): what waits is sent, and first
        # the officer is shown the force's fingerprint.
        context.synced.emit()
        qtbot.waitUntil(lambda: screen.keys is not None and screen.keys.dialog is not None
                        and screen.keys.dialog.isVisible(), timeout=30_000)
        assert screen.keys.dialog.fingerprint.text() == fingerprint
        with qtbot.waitSignal(screen.data_changed, timeout=30_000):
            qtbot.mouseClick(screen.keys.dialog.trust_button, Qt.MouseButton.LeftButton)

        contest = h.contest_store(signed)
        [sent] = contest.entries()
        assert sent.id == entry.id and sent.state == "received"
        assert sent.token == token  # sent exactly as signed offline
        receipt = contest.receipt(entry.id)
        pin = contest.server_pin()
        assert pin.source == "first_use" and receipt.server_key_id == pin.key_id
        record = screen.current_record()
        assert record.receipt.submission_sha256 == submission_sha256(token)
        assert "Receipt: verified" in screen.detail_text()
        listed = requests.get(
            f"{back.url}/v1/review/submissions",
            headers=h.Reviewer(back).http.headers, timeout=10).json()["submissions"]
        assert [s["reference"] for s in listed] == [record.receipt.reference]  # once
        panel = KeysPanel(context)
        qtbot.addWidget(panel)
        panel.set_store(signed.store)
        assert panel.server_fingerprint.text() == fingerprint
        assert panel.server_source.text().startswith("Pinned on first use")
        context.synced.emit()  # nothing waits any more: no second round trip
        assert not screen._refreshing
    finally:
        context.workers.wait_idle(10_000)
        signed.close()


def test_a_submission_refused_as_stale_says_to_sign_again_and_keeps_the_draft(
    qtbot: Any, officer: h.SignedIn
) -> None:
    """An item that waited too long (here: signed two days ago) is refused by the force's
    server; the officer is told why and how to send it again, and loses nothing."""
    from dataclasses import replace
    from datetime import UTC, datetime, timedelta

    from recourse.contest import ContestService, Draft, SubmissionRefused
    from recourse.protocol.canonical import canonical_json
    from recourse.ui.screens.requests import RequestsScreen

    contest = ContestService(officer.store, officer.api)
    contest.ensure_signing_key()
    draft = Draft(kind="sar", sar_items=["copy"])
    contest.save_draft(draft)
    prepared = contest.prepare(draft)
    two_days_ago = (datetime.now(UTC) - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    payload = {**prepared.payload, "created_at": two_days_ago}
    with pytest.raises(SubmissionRefused):
        contest.submit(replace(prepared, payload=payload, canonical=canonical_json(payload)))
    assert contest.draft(draft.id) is not None  # nothing lost

    screen = RequestsScreen(h.make_context(officer.store, officer.api))
    qtbot.addWidget(screen)
    screen.set_store(officer.store)
    assert screen.model.rowCount() == 1
    assert screen.model.state_text(0) == "Refused by the force"
    screen.view.selectRow(0)
    detail = screen.detail_text()
    assert "refused" in detail and "Your draft is kept" in detail
    assert "Ask for my data" in detail
    assert "ago" in detail  # the server's reason: signed too long ago
