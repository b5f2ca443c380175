"""Signing keys and the outbox against the real reference server and the real store.

Key lifecycle (made once, private half only inside the encrypted store, rotated,
revoked), trust on first use of the server key, a refused submission, and a
submission whose POST is lost on the way (the network fault is injected; the server is
real) that `resume_outbox` delivers exactly once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests
from tests.support.server import RunningServer

from recourse.api import ServerConnection, ServerUnreachable
from recourse.contest import (
    ContestService,
    Draft,
    NoSigningKey,
    SubmissionRefused,
)
from recourse.protocol import contest_wire as cw

OFFICER = ("pc.hughes", "demo-hughes-2026", "off-1042")  # the hughes_* fixtures


def server_keys(api: ServerConnection) -> dict[str, cw.KeyRecord]:
    listed = api.request_json("GET", "/v1/keys", model=cw.KeyList)
    return {k.key_id: k for k in listed.keys}


def server_references(api: ServerConnection) -> list[str]:
    listed = api.request_json("GET", f"/v1/officers/{OFFICER[2]}/submissions",
                              model=cw.SubmissionList)
    return [s.reference for s in listed.submissions]


def test_the_server_key_is_trusted_on_first_use_and_then_held(hughes_client: Any) -> None:
    store, api = hughes_client
    contest = ContestService(store, api)
    first = contest.pin_server_key()
    assert first.newly_pinned and first.source == "first_use"
    assert len(first.fingerprint.split()) == 16
    again = contest.pin_server_key()
    assert not again.newly_pinned and again.key_id == first.key_id


def test_a_key_is_made_once_kept_encrypted_rotated_and_revoked(hughes_client: Any) -> None:
    store, api = hughes_client
    contest = ContestService(store, api)
    record = contest.ensure_signing_key(device_label="Kirkgate PC")
    assert record.officer_id == OFFICER[2] and record.device_label == "Kirkgate PC"
    assert contest.ensure_signing_key().key_id == record.key_id  # not made twice
    assert server_keys(api)[record.key_id].revoked_at is None

    private = contest.contest.private_key(record.key_id)
    assert private is not None and len(private) == 32
    for path in Path(store.path).parent.iterdir():  # nothing in the clear on disk
        assert private not in path.read_bytes(), path.name

    rotated = contest.rotate_key()
    assert rotated.key_id != record.key_id
    keys = server_keys(api)
    assert keys[record.key_id].revoked_at is not None
    assert keys[rotated.key_id].revoked_at is None
    assert contest.contest.private_key(record.key_id) is None  # the old one cannot sign
    assert contest.contest.active_key().key_id == rotated.key_id

    # Signing works with the new key; the old key's public record is kept for bundles.
    draft = Draft(kind="sar")
    contest.save_draft(draft)
    sent = contest.submit(contest.prepare(draft))
    assert sent.state == "received" and sent.payload["key_id"] == rotated.key_id
    assert contest.contest.key(record.key_id).record is not None

    # Lost PC: revoked; nothing can be signed until a new key is set up.
    contest.revoke_key()
    assert server_keys(api)[rotated.key_id].revoked_at is not None
    with pytest.raises(NoSigningKey):
        contest.prepare(Draft(kind="sar"))
    fresh = contest.ensure_signing_key()
    assert fresh.key_id not in (record.key_id, rotated.key_id)
    assert contest.ensure_signing_key().key_id == fresh.key_id

    # Revoked from another PC (the officer reported this one lost): the next sign-in here
    # notices, retires the key and sets up a new one.
    api.request_json("POST", f"/v1/keys/{fresh.key_id}/revoke", model=cw.KeyRecord)
    replaced = contest.ensure_signing_key()
    assert replaced.key_id != fresh.key_id
    assert contest.contest.private_key(fresh.key_id) is None


def test_a_refused_submission_keeps_the_draft(hughes_client: Any) -> None:
    store, api = hughes_client
    contest = ContestService(store, api)
    contest.ensure_signing_key()
    draft = Draft(kind="challenge", flag_id="no-such-flag", grounds=["context"])
    contest.save_draft(draft)
    with pytest.raises(SubmissionRefused) as refused:
        contest.submit(contest.prepare(draft))
    assert "draft is kept" in refused.value.next_step
    [entry] = contest.submissions()
    assert entry.state == "refused" and entry.last_error
    assert [d.id for d in contest.drafts()] == [draft.id]
    assert contest.resume_outbox() == []  # a refusal is not retried blindly


def test_a_post_lost_on_the_way_is_delivered_once_by_resume(hughes_client: Any) -> None:
    store, api = hughes_client
    contest = ContestService(store, api)
    contest.ensure_signing_key()
    draft = Draft(kind="sar", sar_items=["purposes", "retention"])
    contest.save_draft(draft)
    contest.attach(draft.id, "letter.txt", "text/plain", "Tá go maith".encode())

    before = server_references(api)
    session = api._session
    real_send = session.send

    def send_then_lose_answer(request: requests.PreparedRequest, **kwargs: Any) -> Any:
        response = real_send(request, **kwargs)
        if request.method == "POST" and request.path_url == "/v1/submissions":
            raise requests.exceptions.ConnectionError("connection reset after sending")
        return response

    session.send = send_then_lose_answer  # type: ignore[method-assign]
    try:
        with pytest.raises(ServerUnreachable):
            contest.submit(contest.prepare(draft))
    finally:
        session.send = real_send  # type: ignore[method-assign]
    [pending] = contest.submissions()
    assert pending.state == "signed" and pending.last_error
    # Submitting the same draft again resends the SAME signed entry, never a new one.
    resent = contest.submit(contest.prepare(contest.draft(draft.id)))
    assert resent.id == pending.id and resent.state == "received"
    assert resent.token == pending.token
    after = server_references(api)
    assert len(after) == len(before) + 1 and set(after) - set(before) == {resent.reference}


def test_an_answer_lost_on_the_way_is_kept_signed_and_resumed_once(
    hughes_client: Any, hughes_server: RunningServer
) -> None:
    from tests.support.browser import sign_in as tokens_for

    store, api = hughes_client
    contest = ContestService(store, api)
    contest.ensure_signing_key()
    draft = Draft(kind="sar", sar_items=["purposes"])
    contest.save_draft(draft)
    reference = contest.submit(contest.prepare(draft)).receipt.reference
    reviewer = requests.Session()
    reviewer.headers["Authorization"] = "Bearer " + tokens_for(
        hughes_server.url, "psd.clarke", "demo-clarke-2026")["access_token"]
    asked = reviewer.post(f"{hughes_server.url}/v1/review/submissions/{reference}/clarify",
                          json={"note": "Which months?"}, timeout=30)
    assert asked.status_code == 200, asked.text

    session = api._session
    real_send = session.send

    def unreachable(request: requests.PreparedRequest, **kwargs: Any) -> Any:
        raise requests.exceptions.ConnectionError("network cable unplugged")

    session.send = unreachable  # type: ignore[method-assign]
    try:
        with pytest.raises(ServerUnreachable):
            contest.answer_clarification(reference, "March to May.")
    finally:
        session.send = real_send  # type: ignore[method-assign]
    [waiting] = contest.answers_to(reference)
    assert waiting.state == "signed" and waiting.last_error
    [before] = [r for r in contest.refresh_submissions() if r.reference == reference]
    assert before.status.state == "clarification_requested"  # the clock is still paused

    [resent_answer] = contest.resume_outbox()
    assert resent_answer.id == waiting.id and resent_answer.token == waiting.token
    assert resent_answer.state == "received"
    assert resent_answer.receipt.kind == "clarification"
    [status] = [r for r in contest.refresh_submissions() if r.reference == reference]
    assert status.status.state == "acknowledged"
    assert resent_answer.receipt.due_date == status.current_due_date()
    assert contest.resume_outbox() == []  # nothing sent twice
