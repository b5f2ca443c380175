"""A member's signed mandate for a representative, end to end on the server: granted and
revoked by the member's own signed acts with the force's signed receipts; a
representative reads and sends for a member only under a current mandate whose scope
covers it; every refusal says why. (Fixtures in conftest.py: off-1 and off-3 have seeded
mandates for rep-1; off-2 has none.)"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient
from tests.server.test_contest import refused, server_public

from recourse.protocol import mandate as pm
from recourse.protocol.canonical import canonical_json
from recourse.protocol.jws import (
    b64url_decode,
    b64url_encode,
    key_id,
    load_public_jwk,
    public_jwk,
    sign_compact,
    verify_compact,
)
from recourse.protocol.mandate_wire import MandateList
from recourse.protocol.receipt import verify_receipt
from recourse.protocol.submission import build_submission, format_utc, sign_submission
from recourse_server.seeding import demo_officer_key


def now() -> datetime:
    return datetime.now(UTC)


def register(client: TestClient, auth: dict[str, str]) -> Ed25519PrivateKey:
    private = Ed25519PrivateKey.generate()
    response = client.post("/v1/keys", headers=auth, json={
        "public_jwk": public_jwk(private.public_key()), "device_label": "Test laptop"})
    assert response.status_code == 201, response.text
    return private


def mandate(private: Ed25519PrivateKey, officer_id: str, scope: list[str],
            *, representative_id: str = "rep-1", when: datetime | None = None,
            days: int = 365) -> str:
    when = when or now()
    return pm.sign_mandate(pm.build_mandate(
        officer_id=officer_id, key_id=key_id(private.public_key()),
        representative_id=representative_id, scope=scope,
        expires_at=when + timedelta(days=days), created_at=when), private)


def grant(client: TestClient, auth: dict[str, str], token: str) -> Any:
    return client.post("/v1/mandates", headers=auth, json={"mandate": token})


def revocation(private: Ed25519PrivateKey, officer_id: str, reference: str) -> str:
    return pm.sign_revocation(pm.build_revocation(
        officer_id=officer_id, key_id=key_id(private.public_key()), mandate=reference,
        created_at=now()), private)


def revoke(client: TestClient, auth: dict[str, str], reference: str, token: str) -> Any:
    return client.post(f"/v1/mandates/{reference}/revoke", headers=auth,
                       json={"revocation": token})


def challenge_for(rep_key: Ed25519PrivateKey, member: str, reference: str,
                  flag_id: str) -> str:
    return sign_submission(build_submission(
        officer_id=member, key_id=key_id(rep_key.public_key()), kind="challenge",
        target=flag_id, created_at=now(), grounds=["context"],
        statement="PC One was on annual leave that week.", actor_id="rep-1",
        mandate=reference), rep_key)


def send(client: TestClient, auth: dict[str, str], token: str) -> Any:
    return client.post("/v1/submissions", json={"submission": token},
                       headers={**auth, "Idempotency-Key": secrets.token_urlsafe(18)})


def member_mandate(client: TestClient, headers: Any, member: str) -> str:
    members = client.get("/v1/me", headers=headers["rep.fed"]).json()["represents"]
    return str(next(m["mandate"] for m in members if m["officer_id"] == member))


# ------------------------------------------------------------------------------ tests


def test_the_directory_lists_the_forces_representatives(client: TestClient,
                                                        headers: Any) -> None:
    listing = client.get("/v1/representatives", headers=headers["pc.two"]).json()
    assert listing == {"representatives": [
        {"officer_id": "rep-1", "name": "Rep Fed", "branch": "Police Federation"}]}


def test_a_granted_mandate_has_a_receipt_and_anyone_can_check_it(client: TestClient,
                                                                 headers: Any) -> None:
    private = register(client, headers["pc.two"])
    token = mandate(private, "off-2", ["read"])
    answer = grant(client, headers["pc.two"], token)
    assert answer.status_code == 201, answer.text
    body = answer.json()
    reference = body["reference"]
    assert reference.startswith(f"M-{now().year}-")
    receipt = pm.verify_mandate_receipt(body["receipt"], token, server_public(client))
    assert (receipt.reference, receipt.officer_id, receipt.representative_id) == (
        reference, "off-2", "rep-1")
    # Both sides list it, with the exact signed bytes and the member's key to check them.
    for who in ("pc.two", "rep.fed"):
        listing = MandateList.model_validate(
            client.get("/v1/mandates", headers=headers[who]).json())
        entry = next(m for m in listing.mandates if m.reference == reference)
        assert entry.jws == token and entry.state == "current" and entry.scope == ["read"]
        signer = load_public_jwk(entry.officer_key.public_jwk)
        verify_compact(entry.jws, signer, expected_typ=pm.MANDATE_TYP)
        verify_compact(entry.officer_key.record, server_public(client))
    me = client.get("/v1/me", headers=headers["rep.fed"]).json()
    assert {m["officer_id"]: m["scope"] for m in me["represents"]}["off-2"] == ["read"]
    # The representative reads off-2 now, and each read names the mandate as the reason.
    assert client.get("/v1/officers/off-2/flags", headers=headers["rep.fed"]).status_code == 200
    log = client.get("/v1/officers/off-2/access-log", headers=headers["pc.two"]).json()
    reasons = {e["reason"] for e in log["entries"] if e["viewer"] == "Rep Fed (rep.fed)"}
    assert reasons == {f"Acting for the officer under their signed mandate {reference}."}
    # A read-only mandate does not let him send for the member.
    rep_key = register(client, headers["rep.fed"])
    sent = send(client, headers["rep.fed"],
                challenge_for(rep_key, "off-2", reference, "flag-off-2-1"))
    refused(sent, 403, rf"mandate {reference} from PC Two lets you read only")
    entry_count = len(client.get("/v1/officers/off-2/submissions",
                                 headers=headers["pc.two"]).json()["submissions"])
    assert entry_count == 0


def test_a_tampered_mandate_is_refused(client: TestClient, headers: Any) -> None:
    private = register(client, headers["pc.two"])
    header, content, signature = mandate(private, "off-2", ["read"]).split(".")
    changed = b64url_decode(content).replace(b'"scope":["read"]',
                                             b'"scope":["read","act"]')
    tampered = f"{header}.{b64url_encode(changed)}.{signature}"
    refused(grant(client, headers["pc.two"], tampered), 422,
            "signature does not match: the content was changed after signing")


def test_a_mandate_signed_with_another_officers_key_is_refused(client: TestClient,
                                                               headers: Any) -> None:
    someone_else = register(client, headers["pc.one"])
    forged = mandate(someone_else, "off-2", ["read", "act"])
    refused(grant(client, headers["pc.two"], forged), 422,
            "mandate was signed with a key that is not registered to you")
    # Nor may an officer register a mandate in another member's name with their own key.
    own = register(client, headers["pc.two"])
    refused(grant(client, headers["pc.two"], mandate(own, "off-1", ["read"])), 422,
            "for another officer; only the member can sign it")


def test_an_expired_mandate_and_bad_terms_are_refused(client: TestClient,
                                                      headers: Any) -> None:
    private = register(client, headers["pc.two"])
    old = now() - timedelta(days=400)
    expired = pm.sign_mandate(pm.build_mandate(
        officer_id="off-2", key_id=key_id(private.public_key()), representative_id="rep-1",
        scope=["read"], not_before=old, expires_at=old + timedelta(days=365),
        created_at=now()), private)
    refused(grant(client, headers["pc.two"], expired), 422, "the mandate expired on")
    too_long = {**pm.build_mandate(
        officer_id="off-2", key_id=key_id(private.public_key()), representative_id="rep-1",
        scope=["read"], expires_at=now() + timedelta(days=365), created_at=now()),
        "expires_at": format_utc(now() + timedelta(days=800))}
    token = sign_compact(canonical_json(too_long), private, key_id(private.public_key()),
                         pm.MANDATE_TYP)
    refused(grant(client, headers["pc.two"], token), 422, "at most 24 months")
    refused(grant(client, headers["pc.two"], mandate(private, "off-2", ["read"],
                                                    representative_id="off-1")),
            422, "not one of the force's Federation representatives")


def test_only_officers_grant_and_a_replayed_mandate_is_refused(client: TestClient,
                                                               headers: Any) -> None:
    private = register(client, headers["pc.two"])
    token = mandate(private, "off-2", ["read"])
    refused(grant(client, headers["rep.fed"], token), 403, "Only officers can grant")
    assert grant(client, headers["pc.two"], token).status_code == 201
    refused(grant(client, headers["pc.two"], token), 409, "received before")


def test_a_revocation_by_anyone_but_the_member_is_refused(client: TestClient,
                                                          headers: Any) -> None:
    member_key = register(client, headers["pc.two"])
    reference = grant(client, headers["pc.two"],
                      mandate(member_key, "off-2", ["read"])).json()["reference"]
    intruder = register(client, headers["pc.one"])
    # Another officer, with their own signed revocation: as if there were no such mandate.
    missing = revoke(client, headers["pc.one"], "M-2026-999999",
                     revocation(intruder, "off-1", "M-2026-999999"))
    other = revoke(client, headers["pc.one"], reference, revocation(intruder, "off-1", reference))
    assert other.status_code == missing.status_code == 404
    assert other.json()["detail"] == missing.json()["detail"]
    # The representative himself cannot end it in the member's name.
    rep_key = register(client, headers["rep.fed"])
    refused(revoke(client, headers["rep.fed"], reference,
                   revocation(rep_key, "off-2", reference)), 404, "No mandate with this reference")
    # The member's session with a revocation signed by someone else's key.
    refused(revoke(client, headers["pc.two"], reference,
                   revocation(intruder, "off-1", reference)), 422,
            "revocation was signed with a key that is not registered to you")
    # A revocation naming another mandate is not this one's.
    refused(revoke(client, headers["pc.two"], reference,
                   revocation(member_key, "off-2", "M-2026-000001")), 422,
            f"names mandate M-2026-000001, not {reference}")
    assert "off-2" in [m["officer_id"] for m in client.get(
        "/v1/me", headers=headers["rep.fed"]).json()["represents"]]
    # The member's own revocation works at once, with a receipt, and only once.
    token = revocation(member_key, "off-2", reference)
    answer = revoke(client, headers["pc.two"], reference, token)
    assert answer.status_code == 200, answer.text
    receipt = pm.verify_mandate_receipt(answer.json()["receipt"], token, server_public(client))
    assert receipt.kind == "mandate_revocation" and receipt.reference == reference
    assert answer.json()["mandate"]["state"] == "revoked"
    assert client.get("/v1/officers/off-2/flags", headers=headers["rep.fed"]).status_code == 404
    refused(revoke(client, headers["pc.two"], reference, revocation(member_key, "off-2",
                                                                    reference)),
            409, "already revoked")


def test_a_representative_sends_a_challenge_for_a_member_and_both_see_it(
        client: TestClient, headers: Any) -> None:
    reference = member_mandate(client, headers, "off-1")
    rep_key = register(client, headers["rep.fed"])
    token = challenge_for(rep_key, "off-1", reference, "flag-off-1-1")
    sent = send(client, headers["rep.fed"], token)
    assert sent.status_code == 201, sent.text
    receipt = verify_receipt(sent.json()["receipt"], token, server_public(client))
    assert (receipt.officer_id, receipt.actor_id, receipt.mandate) == (
        "off-1", "rep-1", reference)
    assert receipt.officer_key_id == key_id(rep_key.public_key())
    for who in ("pc.one", "rep.fed"):
        listing = client.get("/v1/officers/off-1/submissions", headers=headers[who]).json()
        status = next(s for s in listing["submissions"]
                      if s["reference"] == sent.json()["reference"])
        assert status["sent_by"] == {"actor_id": "rep-1", "name": "Rep Fed",
                                     "mandate": reference}
    # Signed with the member's key would not make it his; his own key for a member he does
    # not represent is refused exactly as an unknown officer.
    stranger = send(client, headers["rep.fed"],
                    challenge_for(rep_key, "off-2", "M-2026-000001", "flag-off-2-1"))
    unknown = send(client, headers["rep.fed"],
                   challenge_for(rep_key, "off-999", "M-2026-000001", "flag-x"))
    assert stranger.status_code == unknown.status_code == 404
    assert stranger.json()["detail"] == unknown.json()["detail"]
    # Naming an old mandate reference is refused with the current one named.
    stale = send(client, headers["rep.fed"],
                 challenge_for(rep_key, "off-1", "M-2020-000001", "flag-off-1-1"))
    refused(stale, 422, f"current mandate is {reference}")
    # An officer cannot pass their own submission off as sent by the representative.
    own_key = register(client, headers["pc.one"])
    forged = sign_submission(build_submission(
        officer_id="off-1", key_id=key_id(own_key.public_key()), kind="challenge",
        target="flag-off-1-1", created_at=now(), grounds=["context"], actor_id="rep-1",
        mandate=reference), own_key)
    refused(send(client, headers["pc.one"], forged), 422, "signed with the officer's own key")


def test_uploads_only_by_those_who_may_send(client: TestClient, headers: Any) -> None:
    data = b"%PDF-1.4 leave record"
    path = f"/v1/attachments/{hashlib.sha256(data).hexdigest()}"
    octets = {"Content-Type": "application/octet-stream"}
    refused(client.put(path, content=data, headers={**headers["psd.review"], **octets}), 403,
            "Only officers, and representatives acting for a member")
    assert client.put(path, content=data,
                      headers={**headers["rep.fed"], **octets}).status_code == 204
    assert client.put(path, content=data,
                      headers={**headers["pc.one"], **octets}).status_code == 204


def test_a_refused_or_empty_read_is_not_logged_with_the_requesters_text(
        client: TestClient, headers: Any) -> None:
    before = client.get("/v1/officers/off-1/access-log", headers=headers["pc.one"]).json()
    invented = "flag-You-are-under-investigation"
    assert client.get(f"/v1/officers/off-1/flags/{invented}",
                      headers=headers["rep.fed"]).status_code == 404
    assert client.get("/v1/officers/off-1/submissions/RC-Call-PSD-now/response",
                      headers=headers["rep.fed"]).status_code == 404
    after = client.get("/v1/officers/off-1/access-log", headers=headers["pc.one"]).json()
    assert len(after["entries"]) == len(before["entries"])
    assert "investigation" not in str(after) and "PSD-now" not in str(after)
    # A read that returned data is logged, with the server's description.
    assert client.get("/v1/officers/off-1/flags/flag-off-1-1",
                      headers=headers["rep.fed"]).status_code == 200
    logged = client.get("/v1/officers/off-1/access-log", headers=headers["pc.one"]).json()
    assert any(e["what"] == "flag flag-off-1-1" and e["viewer"] == "Rep Fed (rep.fed)"
               for e in logged["entries"])


def test_seeded_demo_mandates_are_signed_by_the_members_demo_keys(client: TestClient,
                                                                  headers: Any) -> None:
    listing = MandateList.model_validate(
        client.get("/v1/mandates", headers=headers["pc.three"]).json())
    (entry,) = [m for m in listing.mandates if m.state == "current"]
    demo = demo_officer_key(2026, "off-3").public_key()
    verified = verify_compact(entry.jws, demo, expected_typ=pm.MANDATE_TYP)
    assert b'"representative_id":"rep-1"' in verified.payload_bytes
    assert entry.officer_key.public_jwk == public_jwk(demo)
