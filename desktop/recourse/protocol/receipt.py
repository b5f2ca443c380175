"""The force's signed receipt for a submission: the officer's proof of what was sent, when.

A receipt is a compact JWS (EdDSA) made with the server's Ed25519 key, header
`{"alg":"EdDSA","kid":<server key id>,"typ":"recourse-receipt+jws"}`, over the
canonical JSON of:

- `submission_sha256`  lowercase hex SHA-256 of the exact submission token as sent
                       (the compact JWS string, as ASCII bytes) - so the receipt
                       covers the officer's signature too, not just the content
- `received_at`        when the force received it (UTC, `2026-03-02T10:00:00Z`)
- `reference`          the force's reference for the case
- `due_date`           the statutory due date the force computed (`YYYY-MM-DD`)
- `kind`               `"challenge"`, `"sar"`, `"clarification"` or `"complaint"`,
                       copied from the submission (for a clarification, `due_date` is
                       the due date of the request it answers, now that the clock runs
                       again; for a complaint, the last day to acknowledge it, s.164A)
- `officer_id`         copied from the submission
- `officer_key_id`     the key id that signed the submission
- `idempotency_key`    present only when the client sent one: lets a client that
                       retried after a timeout match the receipt to its attempt
- `log_index`          the receipt's leaf in the force's public log (`receipt_log`),
                       decided before it was signed; absent from receipts issued
                       before the log existed (those were logged afterwards)

The client verifies a receipt with the server key IT pinned, never a key offered by
the server at the time.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from recourse.protocol.canonical import canonical_json, is_canonical, loads_strict
from recourse.protocol.jws import (
    MalformedToken,
    ProtocolError,
    key_id,
    sign_compact,
    unverified_payload,
    verify_compact,
)
from recourse.protocol.submission import format_utc, parse_utc
from recourse.protocol.wire import Identifier

__all__ = [
    "RECEIPT_TYP",
    "Receipt",
    "ReceiptInvalid",
    "ReceiptMismatch",
    "issue_receipt",
    "submission_sha256",
    "verify_receipt",
]

RECEIPT_TYP = "recourse-receipt+jws"


class ReceiptInvalid(ProtocolError):
    """The receipt is signed but its content is not a valid receipt."""


class ReceiptMismatch(ProtocolError):
    """The receipt is genuine but is not for the submission it is being checked against."""


class _ReceiptPayload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    submission_sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    received_at: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    reference: Annotated[str, Field(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9_./:\-]+$")]
    due_date: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    kind: Literal["challenge", "sar", "clarification", "complaint"]
    officer_id: Identifier
    officer_key_id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{43}$")]
    idempotency_key: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    #: A submission a representative sent for the member: who, and under which mandate.
    actor_id: Identifier | None = None
    mandate: Annotated[str, Field(pattern=r"^M-\d{4}-\d{6}$")] | None = None
    log_index: Annotated[int, Field(ge=0, le=2**53)] | None = None


@dataclass(frozen=True)
class Receipt:
    """A verified receipt."""

    token: str
    #: Key id of the server key that signed the receipt.
    server_key_id: str
    submission_sha256: str
    received_at: datetime
    reference: str
    due_date: date
    kind: Literal["challenge", "sar", "clarification", "complaint"]
    officer_id: str
    officer_key_id: str
    idempotency_key: str | None
    actor_id: str | None = None
    mandate: str | None = None
    log_index: int | None = None


def submission_sha256(submission_token: str) -> str:
    """Hex SHA-256 of the exact submission token bytes (ASCII)."""
    try:
        data = submission_token.encode("ascii")
    except UnicodeEncodeError:
        raise MalformedToken("A signed token contains only ASCII characters.") from None
    return hashlib.sha256(data).hexdigest()


def issue_receipt(
    submission_token: str,
    submission_payload: Mapping[str, Any],
    *,
    private_key: Ed25519PrivateKey,
    received_at: datetime,
    reference: str,
    due_date: date,
    idempotency_key: str | None = None,
    log_index: int | None = None,
) -> str:
    """Sign a receipt for a submission the server has verified (`verify_submission`).

    `submission_payload` is what `verify_submission` returned for `submission_token`;
    kind, officer and key id are copied from it.
    """
    payload: dict[str, Any] = {
        "submission_sha256": submission_sha256(submission_token),
        "received_at": format_utc(received_at),
        "reference": reference,
        "due_date": due_date.isoformat(),
        "kind": submission_payload.get("kind"),
        "officer_id": submission_payload.get("officer_id"),
        "officer_key_id": submission_payload.get("key_id"),
    }
    if idempotency_key is not None:
        payload["idempotency_key"] = idempotency_key
    if submission_payload.get("actor_id") is not None:
        payload["actor_id"] = submission_payload.get("actor_id")
        payload["mandate"] = submission_payload.get("mandate")
    if log_index is not None:
        payload["log_index"] = log_index
    _validate(payload)
    server_kid = key_id(private_key.public_key())
    return sign_compact(canonical_json(payload), private_key, server_kid, RECEIPT_TYP)


def _validate(payload: Mapping[str, Any]) -> _ReceiptPayload:
    try:
        model = _ReceiptPayload.model_validate(payload)
        parse_utc(model.received_at)
        date.fromisoformat(model.due_date)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ReceiptInvalid(f"The receipt is not valid: {where}: {first['msg']}.") from None
    except ValueError as exc:
        raise ReceiptInvalid(f"The receipt is not valid: {exc}.") from None
    return model


def verify_receipt(
    receipt_token: str,
    submission_token: str,
    server_public_key: Ed25519PublicKey,
    expected_kid: str | None = None,
) -> Receipt:
    """Check a receipt with the pinned server key, for exactly `submission_token`.

    Raises `SignatureInvalid` (and other `ProtocolError`s) if the receipt was not signed
    by the pinned key or was altered, and `ReceiptMismatch` if it is genuine but covers
    different bytes (or a different officer or kind) from the submission.
    """
    verified = verify_compact(
        receipt_token,
        server_public_key,
        expected_kid=key_id(server_public_key) if expected_kid is None else expected_kid,
        expected_typ=RECEIPT_TYP,
    )
    if not is_canonical(verified.payload_bytes):
        raise ReceiptInvalid("The receipt's content is not in canonical form.")
    raw = loads_strict(verified.payload_bytes)
    if not isinstance(raw, dict):
        raise ReceiptInvalid("The receipt's content is not an object.")
    model = _validate(raw)
    if not hmac.compare_digest(model.submission_sha256, submission_sha256(submission_token)):
        raise ReceiptMismatch(
            "This receipt is for different bytes from the submission it was checked "
            "against; it does not prove that this submission was received."
        )
    sent = unverified_payload(submission_token)
    for field, ours in (
        ("kind", "kind"),
        ("officer_id", "officer_id"),
        ("key_id", "officer_key_id"),
        ("actor_id", "actor_id"),
        ("mandate", "mandate"),
    ):
        if sent.get(field) != getattr(model, ours):
            raise ReceiptMismatch(f"The receipt's {ours} does not match the submission.")
    return Receipt(
        token=receipt_token,
        server_key_id=str(verified.header["kid"]),
        submission_sha256=model.submission_sha256,
        received_at=parse_utc(model.received_at),
        reference=model.reference,
        due_date=date.fromisoformat(model.due_date),
        kind=model.kind,
        officer_id=model.officer_id,
        officer_key_id=model.officer_key_id,
        idempotency_key=model.idempotency_key,
        actor_id=model.actor_id,
        mandate=model.mandate,
        log_index=model.log_index,
    )
