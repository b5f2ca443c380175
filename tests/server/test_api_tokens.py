"""The API accepts only a valid access token of the configured issuer: anything else
is a 401 problem with a `WWW-Authenticate: Bearer` challenge."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import ECKey, OctKey
from tests.server.helpers import ISSUER

from recourse_server.auth import ensure_signing_key
from recourse_server.db import make_engine


def _claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": "off-1", "aud": "recourse-api", "iat": now,
              "exp": now + 300, "preferred_username": "pc.one"}
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _server_key(database_url: str) -> ECKey:
    engine = make_engine(database_url)
    try:
        return ensure_signing_key(engine)
    finally:
        engine.dispose()


def _sign(key: ECKey, claims: dict[str, Any]) -> str:
    return jwt.encode({"alg": "ES256", "kid": key.kid}, claims, key, algorithms=["ES256"])


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _assert_401(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 401 and body["title"] and body["detail"]


def test_a_token_signed_by_the_server_key_is_accepted(client: TestClient, seeded: str) -> None:
    token = _sign(_server_key(seeded), _claims())
    response = client.get("/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.json()["officer_id"] == "off-1"


def test_no_token(client: TestClient) -> None:
    _assert_401(client.get("/v1/me"))
    _assert_401(client.get("/v1/officers/off-1/flags"))


def test_not_a_bearer_scheme(client: TestClient) -> None:
    _assert_401(client.get("/v1/me", headers={"Authorization": "Basic cGM6cHc="}))


@pytest.mark.parametrize("claims", [
    _claims(exp=int(time.time()) - 10),
    _claims(iss="http://evil.example"),
    _claims(aud="someone-else"),
    _claims(aud="recourse-desktop"),  # an ID token is not an access token
    _claims(exp=None),
    _claims(iss=None),
    _claims(aud=None),
], ids=["expired", "wrong-issuer", "wrong-audience", "id-token-audience", "no-exp",
        "no-iss", "no-aud"])
def test_tokens_with_bad_claims_are_refused(client: TestClient, seeded: str,
                                            claims: dict[str, Any]) -> None:
    token = _sign(_server_key(seeded), claims)
    _assert_401(client.get("/v1/me", headers={"Authorization": f"Bearer {token}"}))


def test_a_tampered_token_is_refused(client: TestClient, seeded: str) -> None:
    token = _sign(_server_key(seeded), _claims())
    header, _payload, signature = token.split(".")
    forged = ".".join([header, _b64(_claims(sub="off-2")), signature])
    _assert_401(client.get("/v1/me", headers={"Authorization": f"Bearer {forged}"}))


def test_a_token_signed_by_another_key_is_refused(client: TestClient, seeded: str) -> None:
    stranger = ECKey.generate_key("P-256", parameters={"kid": _server_key(seeded).kid})
    token = _sign(stranger, _claims())
    _assert_401(client.get("/v1/me", headers={"Authorization": f"Bearer {token}"}))


def test_alg_none_is_refused(client: TestClient) -> None:
    token = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims())}."
    _assert_401(client.get("/v1/me", headers={"Authorization": f"Bearer {token}"}))


def test_hmac_with_the_public_key_as_secret_is_refused(client: TestClient,
                                                       seeded: str) -> None:
    public = json.dumps(_server_key(seeded).as_dict(private=False)).encode()
    key = OctKey.import_key(public)
    token = jwt.encode({"alg": "HS256"}, _claims(), key, algorithms=["HS256"])
    _assert_401(client.get("/v1/me", headers={"Authorization": f"Bearer {token}"}))


@pytest.mark.parametrize("garbage", ["x", "a.b.c", "....", "%%%", "e30.e30.e30"])
def test_garbage_tokens_are_refused(client: TestClient, garbage: str) -> None:
    _assert_401(client.get("/v1/me", headers={"Authorization": f"Bearer {garbage}"}))


def test_a_valid_token_for_an_unknown_subject_is_forbidden(client: TestClient,
                                                           seeded: str) -> None:
    token = _sign(_server_key(seeded), _claims(sub="off-nobody", preferred_username="nobody"))
    response = client.get("/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
