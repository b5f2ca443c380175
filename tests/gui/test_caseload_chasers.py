"""Chaser letters from the caseload: one PDF with a letter for every overdue request of
every member, each naming the member, the reference, the day the force received it and
the day it was due, written by the representative under the member's mandate. Real
server, real profiles (the representative's and his members' stores), real widgets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from tests.gui import contest_helpers as h
from tests.support.browser import signed_in_client
from tests.support.pdf_text import pdf_strings

HUGHES, WALSH = "off-1042", "off-1290"


@pytest.fixture
def rep_with_requests(server: Any, tmp_path: Path) -> Iterator[Any]:
    """rep.davies signed in, his caseload synced, and a subject-access request he sent
    for Hughes and one for Walsh (each signed with his key under their mandate)."""
    from recourse.contest import ContestService, Draft
    from recourse.contest.caseload import refresh_caseload_requests
    from recourse.store import MemberStores
    from recourse.sync import sync_caseload

    with signed_in_client(tmp_path / "rep", server.url, "rep.davies", "demo-davies-2026",
                          h.PASSPHRASE) as (store, api):
        assert sync_caseload(api, store).ok
        ContestService(store, api).pin_server_key()
        mandates = {m.officer_id: m.mandate for m in store.me().represents}
        receipts = {}
        for member in (HUGHES, WALSH):
            member_store = MemberStores(store).open(member)
            try:
                contest = ContestService(member_store, api, keys_store=store,
                                         acting_for=(member, mandates[member]))
                contest.ensure_signing_key()
                draft = Draft(kind="sar", sar_items=["copy"])
                contest.save_draft(draft)
                receipts[member] = contest.submit(contest.prepare(draft)).receipt
            finally:
                member_store.close()
        refresh_caseload_requests(api, store, list(mandates))
        yield store, api, receipts


def long_day(day: Any) -> str:
    return f"{day.day} {day:%B %Y}"


def test_every_overdue_request_gets_its_chaser_in_one_pdf(
        qtbot: Any, rep_with_requests: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from recourse.documents import pdf as letters
    from recourse.ui.screens.caseload import CaseloadScreen

    store, api, receipts = rep_with_requests
    latest_due = max(r.due_date for r in receipts.values())
    later = datetime.combine(latest_due + timedelta(days=5), datetime.min.time(), UTC)

    # Today nothing is overdue: nothing to chase.
    today_screen = CaseloadScreen(h.make_context(store, api))
    qtbot.addWidget(today_screen)
    today_screen.set_store(store)
    assert not today_screen.chasers_button.isEnabled()

    context = h.make_context(store, api, clock=lambda: later)
    screen = CaseloadScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1200, 500)
    screen.set_store(store)
    screen.show()
    assert screen.chasers_button.isEnabled()
    assert "2 overdue requests" in screen.summary.text()

    monkeypatch.setattr(letters, "REGULAR_FONT", "missing-DejaVuSans.ttf")
    target = tmp_path / "exports" / "overdue.pdf"
    target.parent.mkdir()
    job = screen.save_chasers(target)
    assert job is not None
    qtbot.waitUntil(lambda: "saved to" in screen.status.text(), timeout=30_000)
    assert screen.status.text().startswith("2 chaser letters saved to")
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.count(b"/Type /Page\n") == 2
    shown = pdf_strings(pdf)
    for member, name in ((HUGHES, "Rhys Hughes"), (WALSH, "Daniel Walsh")):
        receipt = receipts[member]
        assert f"Subject access request {receipt.reference} of {name} - response overdue" \
            in shown
        assert f"You received their subject access request on " \
               f"{long_day(receipt.received_at)}" in shown
        assert f"Your response was due by {long_day(receipt.due_date)}" in shown
    mandates = {m.officer_id: m.mandate for m in store.me().represents}
    assert f"under the signed mandate {mandates[HUGHES]}" in shown
    assert "Sian Davies Police Federation representative" in shown
    context.workers.shutdown()
    context.workers.wait_idle(5000)


def test_the_representative_answers_the_forces_clarification_for_a_member(
        rep_with_requests: Any, server: Any) -> None:
    """The force asks for clarification on a request he sent for Walsh; the caseload says
    so first; his answer is signed with his key under Walsh's mandate and the force's clock
    runs again."""
    import requests
    from tests.support.browser import sign_in

    from recourse.contest import ContestService
    from recourse.contest.caseload import caseload, refresh_caseload_requests
    from recourse.protocol.jws import unverified_payload
    from recourse.store import MemberStores

    store, api, receipts = rep_with_requests
    reference = receipts[WALSH].reference
    token = sign_in(server.url, "psd.clarke", "demo-clarke-2026")["access_token"]
    asked = requests.post(f"{server.url}/v1/review/submissions/{reference}/clarify",
                          json={"note": "Which months do you mean?"},
                          headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert asked.status_code == 200, asked.text
    refresh_caseload_requests(api, store, [HUGHES, WALSH])
    rows = {r.officer_id: r for r in caseload(store, datetime.now(UTC).date())}
    assert rows[WALSH].next_step == \
        f"Answer the force's request for clarification ({reference})"

    mandate = rows[WALSH].mandate
    member_store = MemberStores(store).open(WALSH)
    try:
        contest = ContestService(member_store, api, keys_store=store,
                                 acting_for=(WALSH, mandate))
        answered = contest.answer_clarification(reference, "March to May this year.")
        signed = unverified_payload(answered.token)
        assert (signed["kind"], signed["officer_id"], signed["actor_id"], signed["mandate"]) \
            == ("clarification", WALSH, store.me().officer_id, mandate)
        assert signed["key_id"] in {k.key_id for k in ContestService(store, None).contest.keys()}
        assert answered.receipt is not None and answered.receipt.kind == "clarification"
        assert contest.submission(reference).status.state == "acknowledged"
    finally:
        member_store.close()
    rows = {r.officer_id: r for r in caseload(store, datetime.now(UTC).date())}
    assert not rows[WALSH].next_step.startswith("Answer")


def test_the_chasers_follow_the_representatives_language(
        qtbot: Any, qapp: Any, rep_with_requests: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from recourse.documents import pdf as letters
    from recourse.domain.letters_cy import long_date
    from recourse.ui.i18n import set_language
    from recourse.ui.screens.caseload import CaseloadScreen

    store, api, receipts = rep_with_requests
    later = datetime.combine(max(r.due_date for r in receipts.values()) + timedelta(days=5),
                             datetime.min.time(), UTC)
    set_language(qapp, "cy")
    try:
        context = h.make_context(store, api, clock=lambda: later)
        screen = CaseloadScreen(context)
        qtbot.addWidget(screen)
        screen.set_store(store)
        assert screen.chasers_button.text() == "Llythyrau atgoffa ar gyfer ceisiadau hwyr…"
        monkeypatch.setattr(letters, "REGULAR_FONT", "missing-DejaVuSans.ttf")
        target = tmp_path / "hwyr.pdf"
        assert screen.save_chasers(target) is not None
        # The server is shared: other tests' requests may be overdue too.
        qtbot.waitUntil(lambda: re.fullmatch(r"Cadwyd \d+ llythyr atgoffa yn .*hwyr\.pdf",
                                             screen.status.text()) is not None,
                        timeout=30_000)
        shown = pdf_strings(target.read_bytes())
        receipt = receipts[HUGHES]
        assert f"Pwnc: Cais gwrthrych am wybodaeth {receipt.reference} gan Rhys Hughes" \
            in shown
        assert f"erbyn {long_date(receipt.due_date)}" in shown
        assert "Cynrychiolydd Ffederasiwn yr Heddlu" in shown
        assert "Yours faithfully" not in shown
        context.workers.shutdown()
        context.workers.wait_idle(5000)
    finally:
        set_language(qapp, "en_GB")
