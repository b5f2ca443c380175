"""A signed submission whose JSON is hostile gets a clear 4xx and leaves no traceback.

The JWS header and payload are read by the one bounded JSON reader
(`recourse.protocol.canonical.loads_bounded`): nesting thousands of levels deep, an
integer of thousands of digits, duplicate keys or NaN must each be refused in words
before anything else happens, never a 500 with a hundred lines of traceback in the log.
The inputs are generated, so the class of input is tested, not one string.
"""

from __future__ import annotations

import json
import logging
import secrets
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient

from recourse.protocol.jws import b64url_encode, key_id, public_jwk


def _register(client: TestClient, auth: dict[str, str]) -> Ed25519PrivateKey:
    private = Ed25519PrivateKey.generate()
    response = client.post("/v1/keys", headers=auth, json={
        "public_jwk": public_jwk(private.public_key()), "device_label": "Hostile JSON"})
    assert response.status_code == 201, response.text
    return private


def _token(private: Ed25519PrivateKey, header: bytes, payload: bytes) -> str:
    """A compact JWS over exactly these bytes, really signed by `private`."""
    signing_input = f"{b64url_encode(header)}.{b64url_encode(payload)}"
    return f"{signing_input}.{b64url_encode(private.sign(signing_input.encode()))}"


def _header(kid: str, extra: bytes = b"") -> bytes:
    return b'{"alg":"EdDSA","kid":"' + kid.encode() + b'","typ":"recourse-submission+jws"' + \
        extra + b"}"


def _deep(depth: int, opener: bytes = b"[", closer: bytes = b"]") -> bytes:
    return opener * depth + closer * depth


def _deep_objects(depth: int) -> bytes:
    return b'{"a":' * depth + b"1" + b"}" * depth


HOSTILE_PARTS: list[tuple[str, str, Any]] = [
    # (which part, label, bytes-maker taking a size)
    ("header", "nested lists", lambda n: b',"x":' + _deep(n)),
    ("header", "nested objects", lambda n: b',"x":' + _deep_objects(n)),
    ("header", "a huge integer", lambda n: b',"x":' + b"7" * n),
    ("header", "a huge negative exponent", lambda n: b',"x":-1e-' + b"9" * n),
    ("header", "a duplicated key", lambda n: b',"alg":"none"'),
    ("header", "NaN", lambda n: b',"x":NaN'),
    ("payload", "nested lists", lambda n: _deep(n)),
    ("payload", "nested objects", lambda n: _deep_objects(n)),
    ("payload", "a huge integer", lambda n: b'{"created_at":' + b"1" * n + b"}"),
    ("payload", "a duplicated key", lambda n: b'{"kind":"sar","kind":"challenge"}'),
    ("payload", "Infinity", lambda n: b'{"x":-Infinity}'),
]


@pytest.mark.parametrize(("part", "label", "make"), HOSTILE_PARTS,
                         ids=[f"{p}-{label}" for p, label, _ in HOSTILE_PARTS])
def test_hostile_json_in_a_submission_is_a_clear_422(client: TestClient, headers: Any,
                                                    caplog: pytest.LogCaptureFixture,
                                                    part: str, label: str, make: Any) -> None:
    auth = headers["pc.three"]
    private = _register(client, auth)
    kid = key_id(private.public_key())
    hostile = make(40_000)  # past Python's recursion limit and its 4,300-digit limit
    if part == "header":
        token = _token(private, _header(kid, hostile), b'{"kind":"sar"}')
    else:
        token = _token(private, _header(kid), hostile)
    caplog.set_level(logging.INFO)
    response = client.post("/v1/submissions", json={"submission": token},
                           headers={**auth, "Idempotency-Key": secrets.token_urlsafe(18)})
    assert response.status_code == 422, (label, response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/problem+json")
    detail = response.json()["detail"]
    assert detail.startswith("The submission cannot be accepted"), detail
    assert len(detail) < 400  # words, not the input echoed back
    tracebacks = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert not tracebacks, [r.getMessage() for r in tracebacks]


def test_an_honest_size_is_still_accepted_by_the_reader() -> None:
    # The limits must leave room for every real document: a SAR package's records are
    # about a dozen levels deep.
    from recourse.protocol.canonical import loads_strict

    assert loads_strict(json.dumps({"a": _nested(12)}).encode()) == {"a": _nested(12)}


def _nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = {"x": [value]}
    return value
