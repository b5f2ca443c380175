"""Escalation end to end on the real reference server (loopback, real OIDC sign-in, real
SQLCipher store, the real client core): an overdue SAR -> a signed complaint to the force
(DPA 2018 s.164A) with its verified receipt -> no acknowledgement in 30 days -> the ICO
window ("complain to the ICO by ...") -> the ICO pack, whose letter states the facts ->
recorded as sent. "Today" is injected (the client's clock), as in the deadline tests; the
server's receipts carry its real time.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from tests.core.test_contest_key_record_letters import long_day, pdf_strings
from tests.support.browser import sign_in as tokens_for
from tests.support.browser import signed_in_client
from tests.support.server import RunningServer, start_server

from recourse.contest import ContestService, Draft
from recourse.documents import pdf as letters
from recourse.domain.deadlines import complaint_acknowledgement_due, ico_complaint_by
from recourse.protocol.jws import unverified_payload

OFFICER = ("pc.hughes", "demo-hughes-2026")
REVIEWER = ("psd.clarke", "demo-clarke-2026")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with start_server(tmp_path_factory.mktemp("server"), only=[OFFICER[0]]) as running:
        yield running


@pytest.fixture
def officer(tmp_path: Path, server: RunningServer) -> Iterator[Any]:
    with signed_in_client(tmp_path / "profile", server.url, *OFFICER,
                          "correct horse battery staple") as client:
        yield client


def review(server: RunningServer, reference: str, action: str,
           body: dict[str, Any] | None = None) -> Any:
    token = tokens_for(server.url, *REVIEWER)["access_token"]
    answer = requests.post(f"{server.url}/v1/review/submissions/{reference}/{action}",
                           json=body, headers={"Authorization": f"Bearer {token}"},
                           timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_overdue_request_to_complaint_to_ico_pack(officer: Any, server: RunningServer,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store, api = officer
    contest = ContestService(store, api)
    contest.ensure_signing_key()
    draft = Draft(kind="sar", sar_items=["copy", "retention", "automated_logic"])
    contest.save_draft(draft)
    sar = contest.submit(contest.prepare(draft))
    assert sar.receipt is not None
    reference, received = sar.receipt.reference, sar.receipt.received_at.date()

    # Not overdue on its due date; overdue the day after.
    assert contest.escalation(reference, sar.receipt.due_date).problems == ()
    late = sar.receipt.due_date + timedelta(days=1)
    assert contest.escalation(reference, late).problems == ("overdue",)

    # The complaint to the force: signed, sent, receipt verified with the pinned key.
    contest.save_complaint_draft(reference, {"statement": "No answer at all."})
    assert contest.complaint_draft(reference)["statement"] == "No answer at all."
    prepared = contest.prepare_complaint(
        reference, "overdue", "You have not answered my request of " + long_day(received),
        "Answer it in full within 14 days.")
    assert prepared.payload["complaint"] == {
        "problem": "overdue", "missing_items": [],
        "outcome_wanted": "Answer it in full within 14 days."}
    complaint = contest.send_complaint(prepared)
    assert complaint.receipt is not None and complaint.receipt.kind == "complaint"
    complained = complaint.receipt.received_at.date()
    acknowledge_by = complaint_acknowledgement_due(complained)
    assert complaint.receipt.due_date == acknowledge_by
    assert contest.complaint_draft(reference) == {}  # the draft went with the receipt
    assert unverified_payload(complaint.token)["target"] == reference

    item = contest.escalation(reference, acknowledge_by)
    assert item.complaint is not None and item.complaint.reference == complaint.reference
    assert item.ico is None  # the force still has until today to acknowledge
    ours = (reference, complaint.receipt.reference)  # the server keeps other tests' too
    clocks = {(c.kind, c.reference): c.due for c in contest.deadline_clocks(acknowledge_by)
              if c.reference in ours}
    assert clocks == {("reply_due", reference): sar.receipt.due_date,
                      ("complaint_acknowledgement", complaint.receipt.reference):
                      acknowledge_by}

    # No acknowledgement in 30 days: the ICO window opens from the day it fell due.
    after = acknowledge_by + timedelta(days=1)
    contest.refresh_submissions()
    item = contest.escalation(reference, after)
    assert item.ico is not None and item.ico.open
    assert item.ico.complain_by == ico_complaint_by(acknowledge_by)
    clocks = {(c.kind, c.reference): c.due for c in contest.deadline_clocks(after)}
    assert clocks[("ico_window", complaint.receipt.reference)] == item.ico.complain_by

    # The pack: the letter with the facts, both evidence bundles.
    monkeypatch.setattr(letters, "REGULAR_FONT", "missing-DejaVuSans.ttf")
    path = contest.export_ico_pack(reference, tmp_path / "ico-pack.zip", after,
                                   officer_name="Sam Hughes", force_number="NP1042",
                                   organisation="Demo Constabulary")
    with zipfile.ZipFile(path) as pack:
        names = set(pack.namelist())
        assert names == {"ico-complaint-letter.pdf", f"evidence-{reference}.zip",
                         f"evidence-{complaint.receipt.reference}.zip"}
        with zipfile.ZipFile(io.BytesIO(pack.read(f"evidence-{reference}.zip"))) as bundle:
            assert "receipt.jws" in " ".join(bundle.namelist())
        complaint_bundle = tmp_path / "complaint-bundle.zip"
        complaint_bundle.write_bytes(pack.read(f"evidence-{complaint.receipt.reference}.zip"))
        shown = pdf_strings(pack.read("ico-complaint-letter.pdf"))
    # The complaint's evidence bundle verifies offline, like any other.
    verify = subprocess.run([sys.executable, "-m", "recourse", "verify", str(complaint_bundle)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "The bundle checks out." in verify.stdout
    assert complaint.receipt.reference in verify.stdout
    for fact in (
        "Sam Hughes, force number NP1042", "Demo Constabulary",
        f"received by the force on {long_day(received)} under its reference {reference}",
        f"Its answer was due by {long_day(sar.receipt.due_date)}",
        f"received on {long_day(complained)} under its reference "
        f"{complaint.receipt.reference}",
        f"The force had to acknowledge it by {long_day(acknowledge_by)}",
        "No reply at all.",
        "The force has not answered by the date the law gives it",
        "Answer it in full within 14 days.",
        f"(by {long_day(item.ico.complain_by)})",
    ):
        assert fact in shown, fact

    # Recourse never sends it: the officer records the day they did.
    contest.record_ico_sent(complaint.receipt.reference, after, after)
    kinds = {c.kind for c in ContestService(store, api).deadline_clocks(after)}
    assert "ico_window" not in kinds and "reply_due" in kinds


def test_the_forces_acknowledgement_and_outcome_reach_the_officer(
        officer: Any, server: RunningServer) -> None:
    store, api = officer
    contest = ContestService(store, api)
    contest.ensure_signing_key()
    draft = Draft(kind="sar", sar_items=["copy"])
    contest.save_draft(draft)
    sar = contest.submit(contest.prepare(draft))
    assert sar.receipt is not None
    reference = sar.receipt.reference
    complaint = contest.send_complaint(contest.prepare_complaint(
        reference, "overdue", "Late.", "Answer it."))
    assert complaint.receipt is not None
    review(server, complaint.receipt.reference, "acknowledge")
    contest.refresh_submissions()
    today = complaint.receipt.due_date + timedelta(days=3)
    item = contest.escalation(reference, today)
    assert item.complaint_facts is not None and item.complaint_facts.acknowledged_on
    assert item.ico is not None and not item.ico.open  # the force is handling it
    assert ("complaint_acknowledgement", complaint.receipt.reference) not in {
        (c.kind, c.reference) for c in contest.deadline_clocks(today)}
    review(server, complaint.receipt.reference, "outcome",
           {"outcome": "upheld", "reasons": "Overlooked; the answer is on its way."})
    contest.refresh_submissions()
    item = contest.escalation(reference, today)
    assert item.complaint_facts is not None
    assert item.complaint_facts.outcome == "upheld"
    assert item.complaint_facts.outcome_reasons == "Overlooked; the answer is on its way."
    assert item.ico is not None and item.ico.open
    assert item.ico.last_contact == item.complaint_facts.answered_on


def test_a_representative_complains_for_a_member_and_the_pack_holds_her_authority(
        server: RunningServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from recourse.contest.caseload import caseload, refresh_caseload_requests
    from recourse.store import MemberStores
    from recourse.sync import sync_caseload

    with signed_in_client(tmp_path / "rep", server.url, "rep.davies", "demo-davies-2026",
                          "correct horse battery staple") as (rep_store, api):
        assert sync_caseload(api, rep_store).ok
        member = next(m for m in api.me().represents if m.officer_id == "off-1042")
        member_store = MemberStores(rep_store).open(member.officer_id)
        try:
            contest = ContestService(member_store, api, keys_store=rep_store,
                                     acting_for=(member.officer_id, member.mandate))
            contest.pin_server_key()
            contest.ensure_signing_key()
            draft = Draft(kind="sar", sar_items=["copy"])
            contest.save_draft(draft)
            sar = contest.submit(contest.prepare(draft))
            assert sar.receipt is not None and sar.receipt.officer_id == "off-1042"
            complaint = contest.send_complaint(contest.prepare_complaint(
                sar.receipt.reference, "overdue", "No answer for my member.", "Answer it."))
            assert complaint.receipt is not None
            assert complaint.receipt.actor_id == api.me().officer_id
            assert complaint.receipt.mandate == member.mandate
            after = complaint.receipt.due_date + timedelta(days=1)
            monkeypatch.setattr(letters, "REGULAR_FONT", "missing-DejaVuSans.ttf")
            files = contest.ico_pack_files(sar.receipt.reference, after,
                                           officer_name=member.name)
            assert f"authority-{member.mandate}.jws" in files
            assert f"authority-{member.mandate}-receipt.jws" in files
            shown = pdf_strings(files["ico-complaint-letter.pdf"])
            assert f"under the member's signed written authority (mandate {member.mandate}" \
                in shown
            assert f"authority-{member.mandate}.jws" in shown  # listed as enclosed
        finally:
            member_store.close()

        # His caseload counts the complaint as open until the force acknowledges it.
        def open_requests() -> int:
            refresh_caseload_requests(api, rep_store, [member.officer_id])
            row = next(r for r in caseload(rep_store, after)
                       if r.officer_id == member.officer_id)
            return row.open_requests

        before = open_requests()
        review(server, complaint.receipt.reference, "acknowledge")
        assert open_requests() == before - 1


def test_a_challenge_not_upheld_is_refused_and_disputed_and_may_be_complained_of(
        officer: Any, server: RunningServer) -> None:
    store, api = officer
    contest = ContestService(store, api)
    contest.ensure_signing_key()
    flags, _ = api.flags("off-1042")
    assert flags is not None
    flag_id = next(f.id for f in flags.flags if f.status in ("open", "under_review"))
    draft = Draft(kind="challenge", flag_id=flag_id, grounds=["context"],
                  statement="I was on a rest day.")
    contest.save_draft(draft)
    challenge = contest.submit(contest.prepare(draft))
    assert challenge.receipt is not None
    reference = challenge.receipt.reference
    review(server, reference, "acknowledge")
    review(server, reference, "outcome", {"outcome": "not_upheld",
                                          "reasons": "The roster is right."})
    contest.refresh_submissions()
    today = challenge.receipt.received_at.date()
    item = contest.escalation(reference, today)
    assert item.problems == ("refused", "disputed")
    sent = contest.send_complaint(contest.prepare_complaint(
        reference, "refused", "The roster the force relies on is wrong.",
        "Have a person who was not involved review it."))
    assert sent.receipt is not None and sent.receipt.kind == "complaint"
    assert contest.escalation(reference, today).complaint is not None


def test_an_incomplete_answer_names_what_is_missing_and_may_be_complained_of(
        officer: Any, server: RunningServer) -> None:
    """The force answers a subject-access request without one Art. 15 item it was asked
    for (`recourse-server review fulfil --leave-out`): the officer's check lists it, the
    next step is a complaint about an incomplete answer, and the complaint names it."""
    store, api = officer
    contest = ContestService(store, api)
    contest.ensure_signing_key()
    draft = Draft(kind="sar", sar_items=["copy", "purposes", "automated_logic"])
    contest.save_draft(draft)
    sar = contest.submit(contest.prepare(draft))
    assert sar.receipt is not None
    reference = sar.receipt.reference
    answered = subprocess.run(
        [sys.executable, "-m", "recourse_server", "review", "fulfil", reference,
         "--leave-out", "automated_logic", "--database", server.database_url],
        capture_output=True, text=True, timeout=120)
    assert answered.returncode == 0, answered.stderr
    contest.refresh_submissions()
    contest.fetch_sar_response(reference)
    assert [i.code for i in contest.check_completeness(reference)] == ["automated_logic"]
    today = sar.receipt.received_at.date()
    item = contest.escalation(reference, today)
    assert item.problems == ("incomplete",)
    assert item.facts.missing_items == ("automated_logic",)
    prepared = contest.prepare_complaint(
        reference, "incomplete", "The answer does not explain the automated decision.",
        "Send the logic of the attendance rule.", missing_items=["automated_logic"])
    sent = contest.send_complaint(prepared)
    assert sent.receipt is not None and sent.receipt.kind == "complaint"
    signed = unverified_payload(sent.token)
    assert (signed["kind"], signed["target"]) == ("complaint", reference)
    assert signed["complaint"]["problem"] == "incomplete"
    assert signed["complaint"]["missing_items"] == ["automated_logic"]
