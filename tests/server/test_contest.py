"""Contesting, the force's side, through the real app: key registration, signed
submissions and their receipts, refusals of forged, replayed and foreign submissions,
idempotent retries, the reviewer's workflow and signed SAR packages. Runs on SQLite and,
with RECOURSE_TEST_POSTGRES, on PostgreSQL (fixtures in conftest.py)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from recourse.domain.deadlines import deadline_state, due_date
from recourse.protocol import contest_wire as cw
from recourse.protocol.canonical import canonical_json, loads_strict
from recourse.protocol.jws import (
    b64url_decode,
    b64url_encode,
    key_id,
    load_public_jwk,
    public_jwk,
    verify_compact,
)
from recourse.protocol.receipt import verify_receipt
from recourse.protocol.submission import (
    ART15_ITEM_CODES,
    SUBMISSION_TYP,
    attachment_entry,
    build_submission,
    sar_target,
    sign_submission,
)
from recourse_server.cli import main as server_main
from recourse_server.contest import tables

START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(client: TestClient) -> Iterator[Clock]:
    """The server's clock for one test (receipts, deadlines and staleness use it)."""
    fixed = Clock(START)
    client.app.state.contest_clock = fixed  # type: ignore[attr-defined]
    yield fixed
    del client.app.state.contest_clock  # type: ignore[attr-defined]


def register(client: TestClient, auth: dict[str, str], label: str = "Test laptop") -> Any:
    private = Ed25519PrivateKey.generate()
    response = client.post("/v1/keys", headers=auth, json={
        "public_jwk": public_jwk(private.public_key()), "device_label": label})
    assert response.status_code == 201, response.text
    return private


def challenge(private: Any, officer_id: str, flag_id: str, when: datetime,
              **extra: Any) -> str:
    payload = build_submission(
        officer_id=officer_id, key_id=key_id(private.public_key()), kind="challenge",
        target=flag_id, created_at=when, grounds=["rectification", "context"],
        statement="I was on a training course that week.", **extra)
    return sign_submission(payload, private)


def sar(private: Any, officer_id: str, when: datetime, **target: Any) -> str:
    payload = build_submission(
        officer_id=officer_id, key_id=key_id(private.public_key()), kind="sar",
        target=sar_target(**target), created_at=when)
    return sign_submission(payload, private)


def answer(private: Any, officer_id: str, reference: str, when: datetime,
           text: str = "Public order, Ryton.") -> str:
    """The officer's signed answer to a request for clarification."""
    payload = build_submission(
        officer_id=officer_id, key_id=key_id(private.public_key()), kind="clarification",
        target=reference, created_at=when, statement=text)
    return sign_submission(payload, private)


def send(client: TestClient, auth: dict[str, str], token: str,
         idempotency_key: str | None = None) -> Any:
    key = idempotency_key or secrets.token_urlsafe(18)
    return client.post("/v1/submissions", json={"submission": token},
                       headers={**auth, "Idempotency-Key": key})


def server_public(client: TestClient) -> Any:
    return load_public_jwk(client.get("/v1/server-key").json()["public_jwk"])


def submission_count(client: TestClient, sha256: str) -> int:
    engine = client.app.state.engine  # type: ignore[attr-defined]
    s = tables.submissions.c
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).where(
            s.submission_sha256 == sha256)).scalar_one())


def statuses(client: TestClient, auth: dict[str, str], officer: str) -> dict[str, Any]:
    response = client.get(f"/v1/officers/{officer}/submissions", headers=auth)
    assert response.status_code == 200, response.text
    listing = cw.SubmissionList.model_validate(response.json())
    return {s.reference: s for s in listing.submissions}


def flag(client: TestClient, auth: dict[str, str], officer: str, flag_id: str) -> Any:
    flags = client.get(f"/v1/officers/{officer}/flags", headers=auth).json()["flags"]
    return next(f for f in flags if f["id"] == flag_id)


def refused(response: Any, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert re.search(words, response.json()["detail"], re.IGNORECASE), response.json()


# ------------------------------------------------------------------------------ keys


def test_the_server_key_is_stable_ed25519_and_not_the_token_key(client: TestClient) -> None:
    first = client.get("/v1/server-key")
    second = client.get("/v1/server-key")
    assert first.status_code == 200 and first.json() == second.json()
    key = cw.ServerKey.model_validate(first.json())
    assert key.public_jwk["crv"] == "Ed25519"
    assert key.key_id == key_id(load_public_jwk(key.public_jwk))
    oidc = client.get("/.well-known/jwks.json")
    if oidc.status_code == 200:
        assert key.key_id not in {k.get("kid") for k in oidc.json()["keys"]}


def test_a_key_is_bound_to_the_officer_with_a_signed_record(client: TestClient,
                                                            headers: Any, clock: Clock) -> None:
    private = register(client, headers["pc.one"], "Home laptop")
    kid = key_id(private.public_key())
    keys = cw.KeyList.model_validate(client.get("/v1/keys", headers=headers["pc.one"]).json())
    record = next(k for k in keys.keys if k.key_id == kid)
    assert record.officer_id == "off-1" and record.revoked_at is None
    signed = verify_compact(record.record, server_public(client), expected_typ=cw.KEY_RECORD_TYP)
    assert loads_strict(signed.payload_bytes) == cw.key_record_content(
        key_id=kid, officer_id="off-1", public_jwk=record.public_jwk,
        device_label="Home laptop", registered_at=record.registered_at, revoked_at=None)
    # Another officer neither sees nor revokes it; the answer is the same as for no key.
    theirs = client.get("/v1/keys", headers=headers["pc.two"]).json()["keys"]
    assert kid not in {k["key_id"] for k in theirs}
    other = client.post(f"/v1/keys/{kid}/revoke", headers=headers["pc.two"])
    missing = client.post(f"/v1/keys/{'A' * 43}/revoke", headers=headers["pc.two"])
    assert other.status_code == missing.status_code == 404
    assert other.json()["detail"] == missing.json()["detail"]
    # Registering the same key again is harmless.
    again = client.post("/v1/keys", headers=headers["pc.one"], json={
        "public_jwk": public_jwk(private.public_key()), "device_label": "Home laptop"})
    assert again.status_code == 200 and again.json()["key_id"] == kid
    # Someone else presenting it (public keys are public) gets the answer any new key gets,
    # so nothing tells him officer one holds it, and officer one's registration is as it was.
    fresh = Ed25519PrivateKey.generate().public_key()
    answers = [client.post("/v1/keys", headers=headers["pc.two"], json={
        "public_jwk": public_jwk(key), "device_label": "Mine now"}) for key in
        (private.public_key(), fresh)]
    assert [a.status_code for a in answers] == [201, 201], [a.text for a in answers]
    assert {a.json()["officer_id"] for a in answers} == {"off-2"}
    assert set(answers[0].json()) == set(answers[1].json())
    assert client.post(f"/v1/keys/{kid}/revoke", headers=headers["pc.two"]).status_code == 200
    mine = cw.KeyList.model_validate(client.get("/v1/keys", headers=headers["pc.one"]).json())
    assert next(k for k in mine.keys if k.key_id == kid) == record
    # ... and it still signs officer one's challenges, and no one else's.
    token = challenge(private, "off-1", "flag-off-1-1", clock.now)
    assert send(client, headers["pc.one"], token).status_code == 201
    refused(send(client, headers["pc.two"], challenge(private, "off-2", "flag-off-2-1",
                                                      clock.now)), 422, "revoked")


def test_only_officers_and_representatives_register_keys_and_only_public_ed25519_keys(
        client: TestClient, headers: Any) -> None:
    private = Ed25519PrivateKey.generate()
    jwk = public_jwk(private.public_key())
    response = client.post("/v1/keys", headers=headers["psd.review"],
                           json={"public_jwk": jwk, "device_label": "x"})
    assert response.status_code == 403, response.text
    # A representative signs what he sends for a member with his own key.
    response = client.post("/v1/keys", headers=headers["rep.fed"],
                           json={"public_jwk": jwk, "device_label": "Branch office"})
    assert response.status_code == 201, response.text
    leaked = {**jwk, "d": b64url_encode(b"\0" * 32)}
    response = client.post("/v1/keys", headers=headers["pc.one"],
                           json={"public_jwk": leaked, "device_label": "x"})
    refused(response, 422, "private key")
    rsa = {"kty": "OKP", "crv": "X25519", "x": jwk["x"]}
    response = client.post("/v1/keys", headers=headers["pc.one"],
                           json={"public_jwk": rsa, "device_label": "x"})
    refused(response, 422, "not an Ed25519 key")


# ----------------------------------------------------------------------- submissions


def test_a_challenge_is_accepted_with_a_receipt_that_verifies(client: TestClient,
                                                              headers: Any,
                                                              clock: Clock) -> None:
    private = register(client, headers["pc.two"])
    before = flag(client, headers["pc.two"], "off-2", "flag-off-2-1")
    token = challenge(private, "off-2", "flag-off-2-1", clock.now - timedelta(minutes=2))
    response = send(client, headers["pc.two"], token, "idem-accept-0000001")
    assert response.status_code == 201, response.text
    accepted = cw.SubmissionAccepted.model_validate(response.json())
    receipt = verify_receipt(accepted.receipt, token, server_public(client))
    assert re.fullmatch(r"RC-2026-\d{6}", accepted.reference)
    assert receipt.reference == accepted.reference
    assert receipt.received_at == START
    assert receipt.due_date == due_date(START.date()) == date(2026, 4, 2)
    assert receipt.officer_id == "off-2" and receipt.idempotency_key == "idem-accept-0000001"
    engine = client.app.state.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        stored = conn.execute(select(tables.submissions.c.token, tables.submissions.c.receipt)
                              .where(tables.submissions.c.reference == accepted.reference)
                              ).one()
    assert stored.token == token and stored.receipt == accepted.receipt
    after = flag(client, headers["pc.two"], "off-2", "flag-off-2-1")
    assert after["status"] == "under_review" and after["updated_at"] != before["updated_at"]
    status = statuses(client, headers["pc.two"], "off-2")[accepted.reference]
    assert status.state == "submitted" and status.target_flag_id == "flag-off-2-1"


def test_one_changed_byte_in_the_signed_submission_is_refused(client: TestClient,
                                                              headers: Any,
                                                              clock: Clock) -> None:
    private = register(client, headers["pc.one"])
    token = challenge(private, "off-1", "flag-off-1-1", clock.now)
    header, payload, signature = token.split(".")
    content = b64url_decode(payload).replace(b"training course", b"training coursE")
    forged = f"{header}.{b64url_encode(content)}.{signature}"
    refused(send(client, headers["pc.one"], forged), 422, "signature does not match")
    middle = len(payload) // 2
    flipped = payload[:middle] + ("A" if payload[middle] != "A" else "B") + payload[middle + 1:]
    response = send(client, headers["pc.one"], f"{header}.{flipped}.{signature}")
    assert response.status_code == 422, response.text
    # The genuine one still goes through: the refusals burned nothing.
    assert send(client, headers["pc.one"], token).status_code == 201


def test_a_replayed_submission_is_refused(client: TestClient, headers: Any,
                                          clock: Clock) -> None:
    private = register(client, headers["pc.one"])
    token = challenge(private, "off-1", "flag-off-1-1", clock.now)
    assert send(client, headers["pc.one"], token).status_code == 201
    refused(send(client, headers["pc.one"], token), 409, "received before")
    same_nonce = json.loads(b64url_decode(token.split(".")[1]))
    payload = build_submission(
        officer_id="off-1", key_id=key_id(private.public_key()), kind="challenge",
        target="flag-off-1-1", created_at=clock.now, grounds=["objection"],
        nonce=same_nonce["nonce"])
    refused(send(client, headers["pc.one"], sign_submission(payload, private)), 409,
            "received before")


def test_stale_and_future_submissions_are_refused(client: TestClient, headers: Any,
                                                  clock: Clock) -> None:
    private = register(client, headers["pc.one"])
    stale = challenge(private, "off-1", "flag-off-1-1", clock.now - timedelta(days=2))
    refused(send(client, headers["pc.one"], stale), 422, "sign it again")
    future = challenge(private, "off-1", "flag-off-1-1", clock.now + timedelta(hours=1))
    refused(send(client, headers["pc.one"], future), 422, "future")


def test_keys_not_registered_to_the_sender_are_refused(client: TestClient, headers: Any,
                                                       clock: Clock) -> None:
    theirs = register(client, headers["pc.two"])
    # Signed with officer two's registered key, sent by officer one.
    token = challenge(theirs, "off-1", "flag-off-1-1", clock.now)
    refused(send(client, headers["pc.one"], token), 422, "not registered to you")
    # A key nobody registered.
    stranger = Ed25519PrivateKey.generate()
    token = challenge(stranger, "off-1", "flag-off-1-1", clock.now)
    refused(send(client, headers["pc.one"], token), 422, "not registered to you")
    # Officer one's own key, but a submission in officer two's name.
    own = register(client, headers["pc.one"])
    token = challenge(own, "off-2", "flag-off-2-1", clock.now)
    refused(send(client, headers["pc.one"], token), 422, "officer")
    # Officer one's key and name, but officer two's flag.
    token = challenge(own, "off-1", "flag-off-2-1", clock.now)
    refused(send(client, headers["pc.one"], token), 422, "not one raised against you")


def test_a_revoked_key_is_refused(client: TestClient, headers: Any, clock: Clock) -> None:
    private = register(client, headers["pc.one"])
    kid = key_id(private.public_key())
    revoked = client.post(f"/v1/keys/{kid}/revoke", headers=headers["pc.one"])
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    signed = verify_compact(revoked.json()["record"], server_public(client))
    assert loads_strict(signed.payload_bytes)["revoked_at"] is not None
    token = challenge(private, "off-1", "flag-off-1-1", clock.now)
    refused(send(client, headers["pc.one"], token), 422, "revoked")


def _forge(header: dict[str, Any], payload: dict[str, Any], key: bytes | None) -> str:
    head = b64url_encode(canonical_json(header)) + "." + b64url_encode(canonical_json(payload))
    signature = b"" if key is None else hmac.new(key, head.encode(), hashlib.sha256).digest()
    return head + "." + b64url_encode(signature)


def test_alg_none_and_hmac_forgeries_are_refused(client: TestClient, headers: Any,
                                                 clock: Clock) -> None:
    private = register(client, headers["pc.one"])
    kid = key_id(private.public_key())
    payload = build_submission(officer_id="off-1", key_id=kid, kind="challenge",
                               target="flag-off-1-1", created_at=clock.now,
                               grounds=["rectification"])
    unsigned = _forge({"alg": "none", "kid": kid, "typ": SUBMISSION_TYP}, payload, None)
    refused(send(client, headers["pc.one"], unsigned + "AAAA"), 422, "not signed")
    raw_public = b64url_decode(public_jwk(private.public_key())["x"])
    hs = _forge({"alg": "HS256", "kid": kid, "typ": SUBMISSION_TYP}, payload, raw_public)
    refused(send(client, headers["pc.one"], hs), 422, "shared-secret")
    # Bearer tokens forged the same ways do not even get in.
    claims = {"iss": "http://testserver", "aud": "recourse-api", "sub": "off-1",
              "exp": int(clock.now.timestamp()) + 3600}
    for forged in (_forge({"alg": "none", "typ": "JWT"}, claims, None),
                   _forge({"alg": "HS256", "typ": "JWT"}, claims, b"secret")):
        response = send(client, {"Authorization": f"Bearer {forged}"},
                        challenge(private, "off-1", "flag-off-1-1", clock.now))
        assert response.status_code == 401, response.text


def test_a_retry_gets_the_byte_identical_receipt_and_no_second_submission(
    client: TestClient, headers: Any, clock: Clock
) -> None:
    private = register(client, headers["pc.one"])
    token = challenge(private, "off-1", "flag-off-1-1", clock.now)
    first = send(client, headers["pc.one"], token, "idem-retry-000000001")
    clock.now += timedelta(minutes=3)
    second = send(client, headers["pc.one"], token, "idem-retry-000000001")
    assert first.status_code == 201 and second.status_code == 200
    assert second.json()["receipt"] == first.json()["receipt"]
    assert second.json()["reference"] == first.json()["reference"]
    assert submission_count(client, hashlib.sha256(token.encode()).hexdigest()) == 1
    other = challenge(private, "off-1", "flag-off-1-1", clock.now)
    refused(send(client, headers["pc.one"], other, "idem-retry-000000001"), 422,
            "already used for a different submission")
    short = send(client, headers["pc.one"], other, "short")
    assert short.status_code == 422
    missing = client.post("/v1/submissions", json={"submission": other},
                          headers=headers["pc.one"])
    assert missing.status_code == 422


def test_attachments_are_checked_and_required(client: TestClient, headers: Any,
                                              clock: Clock) -> None:
    private = register(client, headers["pc.one"])
    data = secrets.token_bytes(2 * 1024 * 1024)  # over the 1 MiB limit of other requests
    digest = hashlib.sha256(data).hexdigest()
    entry = attachment_entry("course-certificate.pdf", "application/pdf", data)
    token = challenge(private, "off-1", "flag-off-1-1", clock.now, attachments=[entry])
    refused(send(client, headers["pc.one"], token), 422, "has not been uploaded")
    upload = {**headers["pc.one"], "Content-Type": "application/octet-stream"}
    wrong = client.put(f"/v1/attachments/{'0' * 64}", content=data, headers=upload)
    refused(wrong, 422, "do not match")
    as_json = client.put(f"/v1/attachments/{digest}", content=data,
                         headers={**headers["pc.one"], "Content-Type": "application/json"})
    assert as_json.status_code == 415
    ok = client.put(f"/v1/attachments/{digest}", content=data, headers=upload)
    assert ok.status_code == 204, ok.text
    # Another officer's upload of the same file is theirs, not officer one's.
    theirs = register(client, headers["pc.two"])
    their_token = challenge(theirs, "off-2", "flag-off-2-1", clock.now, attachments=[entry])
    refused(send(client, headers["pc.two"], their_token), 422, "has not been uploaded")
    assert send(client, headers["pc.one"], token).status_code == 201
    too_big = client.put(f"/v1/attachments/{digest}", content=b"x" * (10 * 1024 * 1024 + 1),
                         headers=upload)
    assert too_big.status_code == 413


# ------------------------------------------------------------------------ the reviewer


def _act(client: TestClient, headers: Any, reference: str, action: str,
         body: dict[str, Any] | None = None) -> Any:
    response = client.post(f"/v1/review/submissions/{reference}/{action}",
                           headers=headers["psd.review"], json=body)
    assert response.status_code == 200, response.text
    return cw.SubmissionStatus.model_validate(response.json())


def test_the_reviewer_workflow_for_a_challenge(client: TestClient, headers: Any,
                                               clock: Clock) -> None:
    private = register(client, headers["pc.one"])
    response = send(client, headers["pc.one"], challenge(private, "off-1", "flag-off-1-1",
                                                         clock.now))
    reference = response.json()["reference"]
    listed = client.get("/v1/review/submissions", headers=headers["psd.review"])
    assert reference in {s["reference"] for s in listed.json()["submissions"]}

    clock.now += timedelta(days=1)
    assert _act(client, headers, reference, "acknowledge").state == "acknowledged"
    again = client.post(f"/v1/review/submissions/{reference}/acknowledge",
                        headers=headers["psd.review"])
    refused(again, 409, "already been acknowledged")

    asked = _act(client, headers, reference, "clarify", {"note": "Which course, and where?"})
    assert asked.state == "clarification_requested"
    assert asked.clarification_request == "Which course, and where?"
    clock.now += timedelta(days=10)
    signed_answer = answer(private, "off-1", reference, clock.now)
    key = secrets.token_urlsafe(18)
    answered = send(client, headers["pc.one"], signed_answer, key)
    assert answered.status_code == 201, answered.text
    answer_reference = answered.json()["reference"]
    answer_receipt = verify_receipt(answered.json()["receipt"], signed_answer,
                                    server_public(client))
    assert answer_receipt.kind == "clarification" and answer_reference != reference
    # A retry is the same receipt, and the clock is not resumed twice.
    again = send(client, headers["pc.one"], signed_answer, key)
    assert again.status_code == 200 and again.content == answered.content
    # Answers are shown through the request they answer, never as a request of their own.
    listed = statuses(client, headers["pc.one"], "off-1")
    assert answer_reference not in listed
    status = listed[reference]
    received = START.date()
    assert status.state == "acknowledged"
    assert status.due_date == due_date(received, paused_days=10) != due_date(received)
    assert status.due_date == date(2026, 4, 13)  # 12 April 2026 is a Sunday
    assert answer_receipt.due_date == status.due_date  # the receipt states the new date
    assert f"signed, receipt {answer_reference}): Public order, Ryton." in \
        (status.events[-1].note or "")
    nothing_asked = send(client, headers["pc.one"],
                         answer(private, "off-1", reference, clock.now, "More."))
    refused(nothing_asked, 409, "has not asked you to clarify")
    for action in ("acknowledge", "fulfil"):  # an answer is not a case of its own
        not_a_case = client.post(f"/v1/review/submissions/{answer_reference}/{action}",
                                 headers=headers["psd.review"])
        assert not_a_case.status_code == 404, not_a_case.text

    extended = _act(client, headers, reference, "extend",
                    {"reasons": "Records must be obtained from the training college."})
    assert extended.state == "extended"
    assert extended.extended_due_date == due_date(received, extended=True, paused_days=10)
    assert extended.extension_reasons == "Records must be obtained from the training college."
    twice = client.post(f"/v1/review/submissions/{reference}/extend",
                        headers=headers["psd.review"], json={"reasons": "more"})
    refused(twice, 409, "only once")
    past_first_due = status.due_date + timedelta(days=5)
    assert deadline_state(extended.extended_due_date, past_first_due, extended=True) == \
        "extended"

    before = flag(client, headers["pc.one"], "off-1", "flag-off-1-1")
    etag = client.get("/v1/officers/off-1/flags", headers=headers["pc.one"]).headers["etag"]
    clock.now += timedelta(days=20)
    decided = _act(client, headers, reference, "outcome",
                   {"outcome": "upheld", "reasons": "Training records confirm the course."})
    assert decided.state == "outcome" and decided.outcome == "upheld"
    after = flag(client, headers["pc.one"], "off-1", "flag-off-1-1")
    assert after["status"] == "withdrawn"
    assert after["updated_at"] != before["updated_at"]
    assert after["updated_at"] == clock.now.strftime("%Y-%m-%dT%H:%M:%SZ")
    refreshed = client.get("/v1/officers/off-1/flags", headers={**headers["pc.one"],
                                                                 "If-None-Match": etag})
    assert refreshed.status_code == 200  # the flags changed, so the ETag did too
    detail = client.get("/v1/officers/off-1/flags/flag-off-1-1", headers=headers["pc.one"])
    assert detail.json()["review"]["human_reviewed"] is True

    seen = statuses(client, headers["pc.one"], "off-1")[reference]
    assert [e.state for e in seen.events] == [
        "submitted", "acknowledged", "clarification_requested", "acknowledged", "extended",
        "outcome"]
    closed = client.post(f"/v1/review/submissions/{reference}/clarify",
                         headers=headers["psd.review"], json={"note": "one more thing"})
    refused(closed, 409, "already closed")


def test_sar_fulfilment_gives_a_signed_package_with_every_art15_item(
    client: TestClient, headers: Any, clock: Clock
) -> None:
    private = register(client, headers["pc.two"])
    response = send(client, headers["pc.two"], sar(private, "off-2", clock.now))
    assert response.status_code == 201, response.text
    reference = response.json()["reference"]
    path = f"/v1/officers/off-2/submissions/{reference}/response"
    refused(client.get(path, headers=headers["pc.two"]), 404, "not answered")
    outcome = client.post(f"/v1/review/submissions/{reference}/outcome",
                          headers=headers["psd.review"],
                          json={"outcome": "upheld", "reasons": "n/a"})
    refused(outcome, 409, "fulfil it instead")

    clock.now += timedelta(days=3)
    fulfilled = _act(client, headers, reference, "fulfil")
    assert fulfilled.state == "fulfilled" and fulfilled.response_available
    answer = cw.SarResponse.model_validate(client.get(path, headers=headers["pc.two"]).json())
    verified = verify_compact(answer.package, server_public(client),
                              expected_typ=cw.SAR_PACKAGE_TYP)
    package = cw.SarPackage.model_validate(loads_strict(verified.payload_bytes))
    assert package.reference == reference and package.officer_id == "off-2"
    for code in ART15_ITEM_CODES:
        if code != "copy":
            section = getattr(package.art15, code)
            assert section is not None and section.answer, code
    held = 0
    for category in ("roster_entries", "building_access", "location_pings"):
        feed = client.get(f"/v1/officers/off-2/feed/{category}?limit=5000",
                          headers=headers["pc.two"]).json()
        assert package.records_by_category[category] == len(feed["changes"])
        held += len(feed["changes"])
    assert package.records_complete and len(package.records) == held
    assert {f.id for f in package.flags} == {"flag-off-2-1"}
    assert any(e.viewer == "Analytics team" for e in package.access_log)
    # Tampering with the package is detected by the officer's copy of the server key.
    header, body, signature = answer.package.split(".")
    altered = b64url_decode(body).replace(b'"off-2"', b'"off-9"')
    with pytest.raises(ValueError):
        verify_compact(f"{header}.{b64url_encode(altered)}.{signature}", server_public(client))


def test_a_sar_for_a_subset_gets_that_subset(client: TestClient, headers: Any,
                                             clock: Clock) -> None:
    private = register(client, headers["pc.two"])
    token = sar(private, "off-2", clock.now, items=["copy", "purposes"],
                categories=["roster_entries"])
    reference = send(client, headers["pc.two"], token).json()["reference"]
    _act(client, headers, reference, "fulfil")
    answer = client.get(f"/v1/officers/off-2/submissions/{reference}/response",
                        headers=headers["pc.two"]).json()
    package = loads_strict(base64.urlsafe_b64decode(
        answer["package"].split(".")[1] + "=" * (-len(answer["package"].split(".")[1]) % 4)))
    assert set(package["records_by_category"]) == {"roster_entries"}
    assert {r["category"] for r in package["records"]} == {"roster_entries"}
    assert package["art15"]["purposes"] is not None
    assert all(package["art15"][c] is None for c in package["art15"] if c != "purposes")


# --------------------------------------------------------------------- authorisation


def test_officers_see_only_their_own_submissions(client: TestClient, headers: Any,
                                                 clock: Clock) -> None:
    private = register(client, headers["pc.one"])
    reference = send(client, headers["pc.one"],
                     sar(private, "off-1", clock.now)).json()["reference"]
    other = client.get("/v1/officers/off-1/submissions", headers=headers["pc.two"])
    missing = client.get("/v1/officers/off-999/submissions", headers=headers["pc.two"])
    assert other.status_code == missing.status_code == 404
    assert other.content == missing.content
    assert reference not in statuses(client, headers["pc.two"], "off-2")
    through_own_id = client.get(f"/v1/officers/off-2/submissions/{reference}/response",
                                headers=headers["pc.two"])
    assert through_own_id.status_code == 404
    other_key = register(client, headers["pc.two"])
    foreign = send(client, headers["pc.two"], answer(other_key, "off-2", reference, clock.now))
    refused(foreign, 422, "not one of your challenges or requests")
    # A representative under mandate reads them (logged), but cannot answer for the officer.
    assert reference in statuses(client, headers["rep.fed"], "off-1")
    etagged = client.get("/v1/officers/off-1/submissions", headers=headers["pc.one"])
    assert client.get("/v1/officers/off-1/submissions", headers={
        **headers["pc.one"], "If-None-Match": etagged.headers["etag"]}).status_code == 304


@pytest.mark.parametrize("who", ["pc.one", "rep.fed"])
def test_only_reviewers_use_the_review_endpoints(client: TestClient, headers: Any,
                                                 who: str) -> None:
    assert client.get("/v1/review/submissions", headers=headers[who]).status_code == 403
    for action, body in (("acknowledge", None), ("clarify", {"note": "x"}),
                         ("extend", {"reasons": "x"}), ("fulfil", None),
                         ("outcome", {"outcome": "upheld", "reasons": "x"})):
        response = client.post(f"/v1/review/submissions/RC-2026-000001/{action}",
                               headers=headers[who], json=body)
        assert response.status_code == 403, (action, response.text)
    assert client.get("/v1/review/submissions").status_code == 401


# -------------------------------------------------------------------- command line


def test_the_review_command_line_does_what_the_api_does(
    client: TestClient, headers: Any, clock: Clock, seeded: str,
    capsys: pytest.CaptureFixture[str]
) -> None:
    clock.now = datetime.now(UTC).replace(microsecond=0)  # the command line's real clock
    private = register(client, headers["pc.one"])
    reference = send(client, headers["pc.one"],
                     challenge(private, "off-1", "flag-off-1-1", clock.now)).json()["reference"]
    assert server_main(["review", "list", "--database", seeded]) == 0
    assert reference in capsys.readouterr().out
    assert server_main(["review", "acknowledge", reference, "--database", seeded]) == 0
    assert server_main(["review", "extend", reference, "--reasons", "Complex case",
                        "--database", seeded]) == 0
    assert server_main(["review", "decide", reference, "--outcome", "not_upheld",
                        "--reasons", "The records are right.", "--flag-status", "open",
                        "--database", seeded]) == 0
    assert server_main(["review", "fulfil", reference, "--database", seeded]) == 1
    assert "already closed" in capsys.readouterr().err
    status = statuses(client, headers["pc.one"], "off-1")[reference]
    assert status.state == "outcome" and status.outcome == "not_upheld"
    assert status.extension_reasons == "Complex case"
    assert flag(client, headers["pc.one"], "off-1", "flag-off-1-1")["status"] == "open"


def test_a_huge_copy_is_cut_off_fairly_and_the_package_says_so(client: TestClient,
                                                               headers: Any,
                                                               clock: Clock) -> None:
    from recourse_server.contest.sar import build_package

    private = register(client, headers["pc.two"])
    reference = send(client, headers["pc.two"],
                     sar(private, "off-2", clock.now)).json()["reference"]
    engine = client.app.state.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        row = conn.execute(select(tables.submissions).where(
            tables.submissions.c.reference == reference)).mappings().one()
    token = build_package(engine, row, clock.now, record_budget=8_000)
    verified = verify_compact(token, server_public(client), expected_typ=cw.SAR_PACKAGE_TYP)
    package = cw.SarPackage.model_validate(loads_strict(verified.payload_bytes))
    assert not package.records_complete and package.records_note
    kept = {c: sum(r.category == c for r in package.records)
            for c in package.records_by_category}
    # The small categories come whole; only the pings are cut, and the counts add up.
    assert kept["roster_entries"] == 1 and kept["building_access"] == 1
    assert set(package.records_omitted_by_category) == {"location_pings"}
    assert 0 < kept["location_pings"] < package.records_by_category["location_pings"]
    assert kept["location_pings"] + package.records_omitted_by_category["location_pings"] == \
        package.records_by_category["location_pings"]
