"""The force's server refuses weak signing keys: under a small-order or non-canonical
Ed25519 public key one fixed signature verifies for any message, so a receipt issued for
a submission "signed" with it would prove nothing. Runs on SQLite and, with
RECOURSE_TEST_POSTGRES, on PostgreSQL (fixtures in conftest.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi.testclient import TestClient
from tests.unit.test_jws import WEAK_KEYS

from recourse.protocol.canonical import canonical_json
from recourse.protocol.jws import b64url_encode, key_id
from recourse.protocol.submission import SUBMISSION_TYP, build_submission


@pytest.mark.parametrize("raw_hex", WEAK_KEYS.values(), ids=WEAK_KEYS.keys())
def test_a_weak_key_is_not_registered(
    client: TestClient, headers: dict[str, dict[str, str]], raw_hex: str
) -> None:
    weak = {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(bytes.fromhex(raw_hex))}
    before = client.get("/v1/keys", headers=headers["pc.one"]).json()["keys"]
    response = client.post("/v1/keys", headers=headers["pc.one"],
                           json={"public_jwk": weak, "device_label": "Forged"})
    assert response.status_code == 422, response.text
    assert "weak or malformed point" in response.json()["detail"]
    assert client.get("/v1/keys", headers=headers["pc.one"]).json()["keys"] == before


def test_a_submission_forged_under_the_identity_key_gets_no_receipt(
    client: TestClient, headers: dict[str, dict[str, str]]
) -> None:
    identity = bytes.fromhex(WEAK_KEYS["identity (order 1)"])
    weak = {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(identity)}
    client.post("/v1/keys", headers=headers["pc.one"],
                json={"public_jwk": weak, "device_label": "Forged"})
    officer = client.get("/v1/me", headers=headers["pc.one"]).json()["officer_id"]
    flag = client.get(f"/v1/officers/{officer}/flags",
                      headers=headers["pc.one"]).json()["flags"][0]["id"]
    weak_kid = key_id(Ed25519PublicKey.from_public_bytes(identity))
    payload = build_submission(
        officer_id=officer, key_id=weak_kid, kind="challenge", target=flag,
        created_at=datetime.now(UTC), grounds=["context"], statement="Nobody signed this.")
    header = b64url_encode(canonical_json({"alg": "EdDSA", "kid": weak_kid,
                                           "typ": SUBMISSION_TYP}))
    # R = the identity point, S = 0: verifies under the identity key for any message.
    forged = f"{header}.{b64url_encode(canonical_json(payload))}." + b64url_encode(
        identity + bytes(32))
    retry_key = {"Idempotency-Key": "forged-submission-0001"}
    response = client.post("/v1/submissions", json={"submission": forged},
                           headers={**headers["pc.one"], **retry_key})
    assert response.status_code in (401, 403, 409, 422), response.text
    assert "not registered" in response.json()["detail"]
    assert "receipt" not in response.json()
