"""The force's receipt: issued by the server, verified by the client with the pinned key."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from recourse.protocol.canonical import canonical_json
from recourse.protocol.jws import (
    KeyMismatch,
    ProtocolError,
    SignatureInvalid,
    UnexpectedType,
    b64url_decode,
    b64url_encode,
    key_id,
    sign_compact,
)
from recourse.protocol.receipt import (
    RECEIPT_TYP,
    ReceiptInvalid,
    ReceiptMismatch,
    issue_receipt,
    submission_sha256,
    verify_receipt,
)
from recourse.protocol.submission import build_submission, sign_submission, verify_submission

OFFICER = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
SERVER = Ed25519PrivateKey.from_private_bytes(bytes(range(100, 132)))
IMPOSTOR = Ed25519PrivateKey.from_private_bytes(bytes(range(200, 232)))
NOW = datetime(2026, 3, 2, 10, 0, 7, tzinfo=UTC)


def _submission(statement: str = "Those were leave days.") -> tuple[str, dict[str, Any]]:
    payload = build_submission(
        officer_id="officer-0042",
        key_id=key_id(OFFICER.public_key()),
        kind="challenge",
        target="flag-0007",
        grounds=["rectification"],
        statement=statement,
        created_at=NOW - timedelta(minutes=1),
    )
    token = sign_submission(payload, OFFICER)
    # The server's side: verify first, then issue.
    verified = verify_submission(token, OFFICER.public_key(), now=NOW, seen_nonces=lambda _: False)
    return token, verified


def _receipt(token: str, payload: dict[str, Any], **kw: Any) -> str:
    args: dict[str, Any] = {
        "private_key": SERVER,
        "received_at": NOW,
        "reference": "PSD-2026-000123",
        "due_date": date(2026, 4, 2),
    }
    args.update(kw)
    return issue_receipt(token, payload, **args)


def test_issue_and_verify() -> None:
    token, payload = _submission()
    receipt_token = _receipt(token, payload, idempotency_key="7d4f7c1e-attempt")
    receipt = verify_receipt(receipt_token, token, SERVER.public_key())
    assert receipt.submission_sha256 == hashlib.sha256(token.encode("ascii")).hexdigest()
    assert receipt.received_at == NOW
    assert receipt.reference == "PSD-2026-000123"
    assert receipt.due_date == date(2026, 4, 2)
    assert (receipt.kind, receipt.officer_id) == ("challenge", "officer-0042")
    assert receipt.officer_key_id == key_id(OFFICER.public_key())
    assert receipt.server_key_id == key_id(SERVER.public_key())
    assert receipt.idempotency_key == "7d4f7c1e-attempt"
    assert receipt.token == receipt_token


def test_receipt_payload_is_canonical_and_documented_shape() -> None:
    token, payload = _submission()
    receipt_token = _receipt(token, payload)
    header, body, _ = receipt_token.split(".")
    assert json.loads(b64url_decode(header)) == {
        "alg": "EdDSA",
        "kid": key_id(SERVER.public_key()),
        "typ": RECEIPT_TYP,
    }
    raw = b64url_decode(body)
    assert raw == canonical_json(json.loads(raw))
    assert json.loads(raw) == {
        "submission_sha256": submission_sha256(token),
        "received_at": "2026-03-02T10:00:07Z",
        "reference": "PSD-2026-000123",
        "due_date": "2026-04-02",
        "kind": "challenge",
        "officer_id": "officer-0042",
        "officer_key_id": key_id(OFFICER.public_key()),
    }


def test_receipt_for_different_bytes_is_refused() -> None:
    token, payload = _submission()
    other_token, _ = _submission("A different statement.")
    receipt_token = _receipt(token, payload)
    with pytest.raises(ReceiptMismatch, match="different bytes"):
        verify_receipt(receipt_token, other_token, SERVER.public_key())


@pytest.mark.parametrize("part", [0, 1, 2])
def test_receipt_byte_flip_is_refused(part: int) -> None:
    token, payload = _submission()
    parts = _receipt(token, payload).split(".")
    raw = bytearray(b64url_decode(parts[part]))
    for index in range(0, len(raw), max(1, len(raw) // 8)):
        flipped = bytearray(raw)
        flipped[index] ^= 0x20
        changed = list(parts)
        changed[part] = b64url_encode(bytes(flipped))
        with pytest.raises(ProtocolError):
            verify_receipt(".".join(changed), token, SERVER.public_key())


def test_submission_byte_flip_is_refused() -> None:
    token, payload = _submission()
    receipt_token = _receipt(token, payload)
    for index in (0, len(token) // 2, len(token) - 1):
        flipped = token[:index] + ("A" if token[index] != "A" else "B") + token[index + 1 :]
        with pytest.raises(ProtocolError):
            verify_receipt(receipt_token, flipped, SERVER.public_key())


def test_receipt_from_another_key_is_refused() -> None:
    token, payload = _submission()
    forged = _receipt(token, payload, private_key=IMPOSTOR)
    # Names the impostor's kid: refused before the signature is even checked.
    with pytest.raises(KeyMismatch):
        verify_receipt(forged, token, SERVER.public_key())
    # Claims the pinned server's kid but is signed by the impostor.
    _, body, _ = forged.split(".")
    relabelled = sign_compact(
        b64url_decode(body), IMPOSTOR, key_id(SERVER.public_key()), RECEIPT_TYP
    )
    with pytest.raises(SignatureInvalid):
        verify_receipt(relabelled, token, SERVER.public_key())


def test_submission_token_is_not_a_receipt() -> None:
    token, _ = _submission()
    with pytest.raises((UnexpectedType, KeyMismatch)):
        verify_receipt(
            token, token, OFFICER.public_key(), expected_kid=key_id(OFFICER.public_key())
        )


def _signed(body: dict[str, Any] | bytes) -> str:
    raw = body if isinstance(body, bytes) else canonical_json(body)
    return sign_compact(raw, SERVER, key_id(SERVER.public_key()), RECEIPT_TYP)


def test_server_that_copies_the_wrong_officer_is_caught() -> None:
    token, _payload = _submission()
    wrong = _signed(
        {
            "submission_sha256": submission_sha256(token),
            "received_at": "2026-03-02T10:00:07Z",
            "reference": "R1",
            "due_date": "2026-04-02",
            "kind": "sar",
            "officer_id": "officer-0042",
            "officer_key_id": key_id(OFFICER.public_key()),
        }
    )
    with pytest.raises(ReceiptMismatch, match="kind"):
        verify_receipt(wrong, token, SERVER.public_key())


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"due_date": "2026-02-30"}, "not valid"),
        ({"received_at": "2026-03-02 10:00:07"}, "received_at"),
        ({"submission_sha256": "ABC"}, "submission_sha256"),
        ({"reference": ""}, "reference"),
        ({"extra": 1}, "extra"),
    ],
)
def test_invalid_receipt_content(change: dict[str, Any], words: str) -> None:
    token, _ = _submission()
    body = {
        "submission_sha256": submission_sha256(token),
        "received_at": "2026-03-02T10:00:07Z",
        "reference": "R1",
        "due_date": "2026-04-02",
        "kind": "challenge",
        "officer_id": "officer-0042",
        "officer_key_id": key_id(OFFICER.public_key()),
        **change,
    }
    with pytest.raises(ReceiptInvalid, match=words):
        verify_receipt(_signed(body), token, SERVER.public_key())


def test_non_canonical_receipt_is_refused() -> None:
    token, _ = _submission()
    body = json.dumps({"submission_sha256": submission_sha256(token)}, indent=1).encode()
    with pytest.raises(ReceiptInvalid, match="canonical"):
        verify_receipt(_signed(body), token, SERVER.public_key())


def test_issue_refuses_an_unverified_looking_payload() -> None:
    token, payload = _submission()
    with pytest.raises(ReceiptInvalid):
        _receipt(token, {**payload, "officer_id": "bad id with spaces"})
    with pytest.raises(ValueError, match="time zone"):
        _receipt(token, payload, received_at=datetime(2026, 3, 2, 10, 0))


def test_a_receipt_names_its_place_in_the_log_and_older_receipts_still_read() -> None:
    token, payload = _submission()
    logged = verify_receipt(_receipt(token, payload, log_index=41), token, SERVER.public_key())
    assert logged.log_index == 41
    assert '"log_index":41' in base64.urlsafe_b64decode(
        logged.token.split(".")[1] + "==").decode()
    older = verify_receipt(_receipt(token, payload), token, SERVER.public_key())
    assert older.log_index is None  # issued before the log existed: still a receipt
    with pytest.raises(ReceiptInvalid):
        _receipt(token, payload, log_index=-1)
