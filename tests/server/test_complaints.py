"""Complaints to the force (DPA 2018 s.164A) through the real app: a signed complaint about
the officer's own request gets a receipt whose due date is the 30-day acknowledgement
limit; complaints about another's request, about nothing, or twice while open are
refused; the reviewer acknowledges and answers with reasons (API and command line)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_contest import (
    START,
    Clock,
    _act,
    refused,
    register,
    sar,
    send,
    server_public,
    statuses,
)
from test_mandates import member_mandate

from recourse.domain.deadlines import complaint_acknowledgement_due
from recourse.protocol.jws import key_id
from recourse.protocol.receipt import verify_receipt
from recourse.protocol.submission import build_submission, complaint_details, sign_submission
from recourse_server.cli import main as server_main


@pytest.fixture
def clock(client: TestClient) -> Iterator[Clock]:
    fixed = Clock(START)
    client.app.state.contest_clock = fixed  # type: ignore[attr-defined]
    yield fixed
    del client.app.state.contest_clock  # type: ignore[attr-defined]


def complaint(private: Any, officer_id: str, reference: str, when: Any, *,
              problem: str = "overdue", missing: tuple[str, ...] = (), **extra: Any) -> str:
    payload = build_submission(
        officer_id=officer_id, key_id=key_id(private.public_key()), kind="complaint",
        target=reference, created_at=when,
        statement="The force has not answered my request, now a month late.",
        complaint=complaint_details(problem, "Answer my request in full within 14 days.",
                                    missing), **extra)
    return sign_submission(payload, private)


def _request(client: TestClient, headers: Any, clock: Clock, who: str = "pc.one",
             officer: str = "off-1") -> tuple[Any, str]:
    private = register(client, headers[who])
    response = send(client, headers[who], sar(private, officer, clock.now))
    assert response.status_code == 201, response.text
    return private, response.json()["reference"]


def test_a_complaint_about_an_overdue_request_has_a_receipt_with_the_30_day_limit(
        client: TestClient, headers: Any, clock: Clock) -> None:
    private, reference = _request(client, headers, clock)
    clock.now += timedelta(days=40)  # the SAR is overdue
    token = complaint(private, "off-1", reference, clock.now)
    key = secrets.token_urlsafe(18)
    sent = send(client, headers["pc.one"], token, key)
    assert sent.status_code == 201, sent.text
    receipt = verify_receipt(sent.json()["receipt"], token, server_public(client))
    assert receipt.kind == "complaint"
    # Received Saturday 11 April 2026: day 30 is Monday 11 May (a working day).
    assert clock.now.date() == date(2026, 4, 11)
    assert receipt.due_date == complaint_acknowledgement_due(clock.now.date()) == \
        date(2026, 5, 11)
    # Idempotent: the same key and bytes give the byte-identical receipt.
    again = send(client, headers["pc.one"], token, key)
    assert again.status_code == 200 and again.content == sent.content
    # Replay-protected: the same bytes under a new key are refused.
    refused(send(client, headers["pc.one"], token), 409, "received before")
    listed = statuses(client, headers["pc.one"], "off-1")
    status = listed[receipt.reference]
    assert status.kind == "complaint" and status.about_reference == reference
    assert status.due_date == date(2026, 5, 11) and status.state == "submitted"


def test_complaints_are_refused_about_anything_but_the_officers_own_request(
        client: TestClient, headers: Any, clock: Clock) -> None:
    _, theirs = _request(client, headers, clock, "pc.two", "off-2")
    private = register(client, headers["pc.one"])
    about_theirs = send(client, headers["pc.one"], complaint(private, "off-1", theirs,
                                                             clock.now))
    about_nothing = send(client, headers["pc.one"], complaint(private, "off-1",
                                                              "RC-2026-999999", clock.now))
    refused(about_theirs, 422, "not one of your challenges or requests")
    # Nothing tells him whether the other reference exists.
    assert about_theirs.json()["detail"].replace(theirs, "X") == \
        about_nothing.json()["detail"].replace("RC-2026-999999", "X")
    # An incomplete answer names what is missing; a complaint says what is wanted.
    _, mine = _request(client, headers, clock)
    for bad in ({"problem": "incomplete", "missing_items": [], "outcome_wanted": "x"},
                {"problem": "overdue", "missing_items": [], "outcome_wanted": " "}):
        try:
            build_submission(officer_id="off-1", key_id=key_id(private.public_key()),
                             kind="complaint", target=mine, created_at=clock.now,
                             statement="late", complaint=bad)
        except ValueError:
            continue
        raise AssertionError(f"accepted {bad}")
    first = send(client, headers["pc.one"], complaint(
        private, "off-1", mine, clock.now, problem="incomplete",
        missing=("retention", "automated_logic")))
    assert first.status_code == 201, first.text
    second = send(client, headers["pc.one"], complaint(private, "off-1", mine, clock.now))
    refused(second, 409, "still open")
    # A complaint about a complaint is not a case the force handles.
    about_complaint = send(client, headers["pc.one"], complaint(
        private, "off-1", first.json()["reference"], clock.now))
    refused(about_complaint, 422, "not one of your challenges or requests")


def test_a_representative_complains_for_a_member_only_under_an_act_mandate(
        client: TestClient, headers: Any, clock: Clock) -> None:
    _, reference = _request(client, headers, clock, "pc.one", "off-1")
    rep_key = register(client, headers["rep.fed"])
    mandate = member_mandate(client, headers, "off-1")
    token = complaint(rep_key, "off-1", reference, clock.now, actor_id="rep-1",
                      mandate=mandate)
    sent = send(client, headers["rep.fed"], token)
    assert sent.status_code == 201, sent.text
    receipt = verify_receipt(sent.json()["receipt"], token, server_public(client))
    assert receipt.actor_id == "rep-1" and receipt.officer_id == "off-1"
    # Not for an officer he does not represent.
    _, theirs = _request(client, headers, clock, "pc.two", "off-2")
    refused(send(client, headers["rep.fed"], complaint(
        rep_key, "off-2", theirs, clock.now, actor_id="rep-1", mandate=mandate)), 404,
        "is available to you")


def test_the_reviewer_acknowledges_and_answers_a_complaint_with_reasons(
        client: TestClient, headers: Any, clock: Clock) -> None:
    private, request = _request(client, headers, clock)
    clock.now += timedelta(days=35)
    sent = send(client, headers["pc.one"], complaint(private, "off-1", request, clock.now))
    reference = sent.json()["reference"]
    early = client.post(f"/v1/review/submissions/{reference}/outcome",
                        headers=headers["psd.review"],
                        json={"outcome": "upheld", "reasons": "Sorry."})
    refused(early, 409, "Acknowledge the complaint")
    for action, body, words in (("extend", {"reasons": "busy"}, "cannot be extended"),
                                ("clarify", {"note": "which?"}, "does not pause"),
                                ("fulfil", None, "complaint: record an outcome")):
        refused(client.post(f"/v1/review/submissions/{reference}/{action}",
                            headers=headers["psd.review"], json=body), 409, words)
    clock.now += timedelta(days=3)
    assert _act(client, headers, reference, "acknowledge").state == "acknowledged"
    with_flag = client.post(f"/v1/review/submissions/{reference}/outcome",
                            headers=headers["psd.review"],
                            json={"outcome": "upheld", "reasons": "x", "flag_status": "open"})
    refused(with_flag, 422, "no flag")
    clock.now += timedelta(days=10)
    decided = _act(client, headers, reference, "outcome", {
        "outcome": "upheld", "reasons": "The request was overlooked; it is answered now."})
    assert decided.state == "outcome" and decided.outcome == "upheld"
    seen = statuses(client, headers["pc.one"], "off-1")[reference]
    assert [e.state for e in seen.events] == ["submitted", "acknowledged", "outcome"]
    assert seen.outcome_reasons == "The request was overlooked; it is answered now."
    # Once answered, a new complaint about the same request may be made.
    again = send(client, headers["pc.one"], complaint(private, "off-1", request, clock.now))
    assert again.status_code == 201, again.text
    # Only reviewers act.
    refused(client.post(f"/v1/review/submissions/{again.json()['reference']}/acknowledge",
                        headers=headers["pc.one"]), 403, "reviewers")


def test_the_review_command_line_acknowledges_and_answers_complaints(
        client: TestClient, headers: Any, clock: Clock, seeded: str,
        capsys: Any) -> None:
    clock.now = datetime.now(UTC).replace(microsecond=0)  # the command line's clock
    private, request = _request(client, headers, clock)
    sent = send(client, headers["pc.one"], complaint(private, "off-1", request, clock.now))
    reference = sent.json()["reference"]
    capsys.readouterr()
    assert server_main(["review", "list", "--database", seeded]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith(reference))
    assert "complaint" in line and f"about {request}" in line
    due = complaint_acknowledgement_due(clock.now.date()).isoformat()
    assert f"due {due}" in line
    assert server_main(["review", "outcome", reference, "--outcome", "not_upheld",
                        "--reasons", "x", "--database", seeded]) == 1
    assert "Acknowledge the complaint" in capsys.readouterr().err
    assert server_main(["review", "acknowledge", reference, "--database", seeded]) == 0
    assert server_main(["review", "decide", reference, "--outcome", "partly_upheld",
                        "--reasons", "Late, but the answer was complete.",
                        "--database", seeded]) == 0
    out = capsys.readouterr().out
    assert "outcome=partly_upheld" in out
    seen = statuses(client, headers["pc.one"], "off-1")[reference]
    assert seen.outcome == "partly_upheld"
    assert seen.outcome_reasons == "Late, but the answer was complete."
