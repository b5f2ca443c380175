"""A member's signed mandate for a Federation representative, its revocation, and receipts.

An officer authorises a representative in writing: a compact JWS (alg EdDSA, the
officer's registered key, header `{"alg":"EdDSA","kid":<key id>,"typ":MANDATE_TYP}`)
over the RFC 8785 canonical JSON of

- `kind`               `"mandate"`
- `officer_id`         the member granting it
- `key_id`             RFC 7638 thumbprint of the signing key (equals the header `kid`)
- `representative_id`  the representative it authorises
- `scope`              one or more of `read` (see my records, flags, access log and
                       requests), `act` (prepare and send challenges, subject-access
                       requests, clarification answers and complaints for me), `receive`
                       (get the force's replies to what is sent for me), in that order
- `not_before`, `expires_at`  UTC `2026-03-01T09:30:00Z`; at most `MAX_TERM` apart
- `created_at`         UTC, whole seconds
- `nonce`              128 random bits, base64url

A revocation is the officer's signed act too (typ `REVOCATION_TYP`): `kind`
`"mandate_revocation"`, `officer_id`, `key_id`, `mandate` (the force's reference,
`M-...`), `created_at`, `nonce`.

The force answers each with a receipt signed by its receipt key (typ
`MANDATE_RECEIPT_TYP`) over `kind`, `reference`, `sha256` (of the exact token bytes),
`officer_id`, `representative_id`, `received_at`: proof that it holds the member's
authority, or that it was told the authority ended.

`verify_mandate` and `verify_revocation` are what the server runs on receipt; anyone can
run the same checks later from the officer's public key.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from recourse.protocol.canonical import canonical_json, is_canonical, loads_strict
from recourse.protocol.jws import (
    KeyMismatch,
    ProtocolError,
    key_id,
    sign_compact,
    verify_compact,
)
from recourse.protocol.receipt import submission_sha256
from recourse.protocol.submission import (
    DEFAULT_MAX_AGE,
    DEFAULT_MAX_SKEW,
    format_utc,
    new_nonce,
    parse_utc,
)
from recourse.protocol.wire import Identifier

__all__ = [
    "DEFAULT_TERM_DAYS",
    "MANDATE_RECEIPT_TYP",
    "MANDATE_TYP",
    "MAX_TERM",
    "REFERENCE_PATTERN",
    "REVOCATION_TYP",
    "SCOPES",
    "MandateError",
    "MandateExpired",
    "MandateInvalid",
    "MandatePayload",
    "MandateReceipt",
    "MandateReplayed",
    "RevocationPayload",
    "Scope",
    "build_mandate",
    "build_revocation",
    "issue_mandate_receipt",
    "scope_words",
    "sign_mandate",
    "sign_revocation",
    "verify_mandate",
    "verify_mandate_receipt",
    "verify_revocation",
]

MANDATE_TYP = "recourse-mandate+jws"
REVOCATION_TYP = "recourse-mandate-revocation+jws"
MANDATE_RECEIPT_TYP = "recourse-mandate-receipt+jws"

Scope = Literal["read", "act", "receive"]
SCOPES: tuple[Scope, ...] = ("read", "act", "receive")
#: A mandate lasts twelve months unless the member chooses otherwise, and never more
#: than twenty-four: authority given once should not outlive the member's memory of it.
DEFAULT_TERM_DAYS = 365
MAX_TERM = timedelta(days=731)
#: The force's mandate reference: `M-2026-000001`.
REFERENCE_PATTERN = r"^M-\d{4}-\d{6}$"

_M = TypeVar("_M", bound="BaseModel")

_UTC_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"
_KEY_ID = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{43}$")]
_NONCE = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{21}[AQgw]$")]
_UTC = Annotated[str, Field(pattern=_UTC_PATTERN)]
_SCOPE_WORDS = {
    "read": "see the member's records, flags, access log and requests",
    "act": "prepare and send challenges, subject-access requests, clarification answers "
    "and complaints for the member",
    "receive": "receive the force's replies to what is sent for the member",
}


class MandateError(ProtocolError):
    """A mandate or revocation that cannot be accepted; the message says why."""


class MandateInvalid(MandateError):
    """Missing or out-of-bounds content, or bytes that are not canonical."""


class MandateExpired(MandateError):
    """The mandate's term has already ended (or the signature is too old to be new)."""


class MandateReplayed(MandateError):
    """The nonce has been used before: a copy of an earlier mandate or revocation."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class MandatePayload(_Strict):
    kind: Literal["mandate"]
    officer_id: Identifier
    key_id: _KEY_ID
    representative_id: Identifier
    scope: Annotated[list[Scope], Field(min_length=1, max_length=len(SCOPES))]
    not_before: _UTC
    expires_at: _UTC
    created_at: _UTC
    nonce: _NONCE

    @model_validator(mode="after")
    def _consistent(self) -> MandatePayload:
        if len(set(self.scope)) != len(self.scope):
            raise ValueError("scope lists the same permission twice")
        if list(self.scope) != [s for s in SCOPES if s in self.scope]:
            raise ValueError("scope must be in the order read, act, receive")
        start, end = parse_utc(self.not_before), parse_utc(self.expires_at)
        parse_utc(self.created_at)
        if end <= start:
            raise ValueError("the mandate ends before it begins")
        if end - start > MAX_TERM:
            raise ValueError("a mandate may last at most 24 months")
        if self.officer_id == self.representative_id:
            raise ValueError("an officer cannot be their own representative")
        return self


class RevocationPayload(_Strict):
    kind: Literal["mandate_revocation"]
    officer_id: Identifier
    key_id: _KEY_ID
    mandate: Annotated[str, Field(pattern=REFERENCE_PATTERN)]
    created_at: _UTC
    nonce: _NONCE

    @model_validator(mode="after")
    def _times(self) -> RevocationPayload:
        parse_utc(self.created_at)
        return self


class _ReceiptPayload(_Strict):
    kind: Literal["mandate", "mandate_revocation"]
    reference: Annotated[str, Field(pattern=REFERENCE_PATTERN)]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    officer_id: Identifier
    representative_id: Identifier
    received_at: _UTC
    #: The receipt's leaf in the force's log (`receipt_log`); absent from older receipts.
    log_index: Annotated[int, Field(ge=0, le=2**53)] | None = None


@dataclass(frozen=True)
class MandateReceipt:
    """A verified receipt for a mandate or its revocation."""

    token: str
    kind: Literal["mandate", "mandate_revocation"]
    reference: str
    officer_id: str
    representative_id: str
    received_at: datetime
    log_index: int | None = None


def _readable(error: ValidationError, summary: str) -> str:
    parts = []
    for item in error.errors()[:3]:
        where = ".".join(str(p) for p in item["loc"]) or "mandate"
        message = str(item["msg"]).removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where != "mandate" else message)
    return f"{summary} - " + "; ".join(parts) + "."


def scope_words(scope: Sequence[str]) -> str:
    """The scope in plain words, for letters and confirmations."""
    return "; ".join(_SCOPE_WORDS[s] for s in SCOPES if s in scope)


def build_mandate(
    *,
    officer_id: str,
    key_id: str,
    representative_id: str,
    scope: Sequence[str],
    expires_at: datetime,
    created_at: datetime,
    not_before: datetime | None = None,
    nonce: str | None = None,
) -> dict[str, Any]:
    """Assemble and check the mandate a member signs; `scope` in any order."""
    payload: dict[str, Any] = {
        "kind": "mandate",
        "officer_id": officer_id,
        "key_id": key_id,
        "representative_id": representative_id,
        "scope": [s for s in SCOPES if s in scope] + [s for s in scope if s not in SCOPES],
        "not_before": format_utc(created_at if not_before is None else not_before),
        "expires_at": format_utc(expires_at),
        "created_at": format_utc(created_at),
        "nonce": new_nonce() if nonce is None else nonce,
    }
    _check(MandatePayload, payload, "The mandate is not complete or not valid")
    return payload


def build_revocation(
    *, officer_id: str, key_id: str, mandate: str, created_at: datetime, nonce: str | None = None
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "kind": "mandate_revocation",
        "officer_id": officer_id,
        "key_id": key_id,
        "mandate": mandate,
        "created_at": format_utc(created_at),
        "nonce": new_nonce() if nonce is None else nonce,
    }
    _check(RevocationPayload, payload, "The revocation is not complete or not valid")
    return payload


def _check(model: type[_M], payload: Mapping[str, Any], summary: str) -> _M:
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise MandateInvalid(_readable(exc, summary)) from None


def _sign(payload: Mapping[str, Any], private_key: Ed25519PrivateKey, typ: str) -> str:
    own_id = key_id(private_key.public_key())
    if payload.get("key_id") != own_id:
        raise KeyMismatch("The document names a different key from the one signing it.")
    return sign_compact(canonical_json(dict(payload)), private_key, own_id, typ)


def sign_mandate(payload: Mapping[str, Any], private_key: Ed25519PrivateKey) -> str:
    _check(MandatePayload, payload, "The mandate is not complete or not valid")
    return _sign(payload, private_key, MANDATE_TYP)


def sign_revocation(payload: Mapping[str, Any], private_key: Ed25519PrivateKey) -> str:
    _check(RevocationPayload, payload, "The revocation is not complete or not valid")
    return _sign(payload, private_key, REVOCATION_TYP)


def _verified_payload(token: str, public_key: Ed25519PublicKey, typ: str) -> dict[str, Any]:
    verified = verify_compact(token, public_key, expected_kid=key_id(public_key),
                              expected_typ=typ)
    if not is_canonical(verified.payload_bytes):
        raise MandateInvalid(
            "The signed content is not in canonical form, so it cannot be accepted as proof."
        )
    raw = loads_strict(verified.payload_bytes)
    if not isinstance(raw, dict):
        raise MandateInvalid("The signed content is not an object.")
    return raw


def _fresh(created_at: str, now: datetime, max_age: timedelta, max_skew: timedelta) -> None:
    if now.tzinfo is None:
        raise ValueError("`now` must carry a time zone.")
    created = parse_utc(created_at)
    if now - created > max_age:
        raise MandateExpired(
            f"It was signed at {created_at}, too long ago to be accepted as new; sign it again."
        )
    if created - now > max_skew:
        raise MandateInvalid(
            f"It says it was signed at {created_at}, which is in the future; check the "
            "computer's clock."
        )


def verify_mandate(
    token: str,
    public_key: Ed25519PublicKey,
    *,
    now: datetime,
    seen_nonces: Callable[[str], bool],
    expected_officer_id: str,
    max_age: timedelta = DEFAULT_MAX_AGE,
    max_skew: timedelta = DEFAULT_MAX_SKEW,
) -> MandatePayload:
    """Check a signed mandate against the member's registered key; return its content.

    Refuses (with a `ProtocolError` whose message a person can read) a token not signed
    by exactly `public_key` (so one signed with another officer's key, or altered after
    signing), content that is not canonical or not a valid mandate, a mandate for an
    officer other than `expected_officer_id`, one whose term has already ended, and a
    signature too old or from the future. Last, `seen_nonces` must record the nonce and
    say whether it was seen before (a replay).
    """
    raw = _verified_payload(token, public_key, MANDATE_TYP)
    checked = _check(MandatePayload, raw, "The mandate is not complete or not valid")
    if checked.key_id != key_id(public_key):
        raise KeyMismatch("The mandate names a different key from the one that signed it.")
    if checked.officer_id != expected_officer_id:
        raise KeyMismatch("The mandate is for another officer; only the member can sign it.")
    _fresh(checked.created_at, now, max_age, max_skew)
    if parse_utc(checked.expires_at) <= now:
        raise MandateExpired(f"The mandate expired on {checked.expires_at[:10]}; a mandate "
                             "must still be current when it is registered.")
    if seen_nonces(checked.nonce):
        raise MandateReplayed("This exact mandate has been received before.")
    return checked


def verify_revocation(
    token: str,
    public_key: Ed25519PublicKey,
    *,
    now: datetime,
    seen_nonces: Callable[[str], bool],
    expected_officer_id: str,
    expected_mandate: str,
    max_age: timedelta = DEFAULT_MAX_AGE,
    max_skew: timedelta = DEFAULT_MAX_SKEW,
) -> RevocationPayload:
    """Check a signed revocation: by the mandate's own member, naming that mandate."""
    raw = _verified_payload(token, public_key, REVOCATION_TYP)
    checked = _check(RevocationPayload, raw, "The revocation is not complete or not valid")
    if checked.key_id != key_id(public_key):
        raise KeyMismatch("The revocation names a different key from the one that signed it.")
    if checked.officer_id != expected_officer_id:
        raise KeyMismatch("Only the member who granted a mandate can revoke it.")
    if checked.mandate != expected_mandate:
        raise MandateInvalid(f"The revocation names mandate {checked.mandate}, not "
                             f"{expected_mandate}.")
    _fresh(checked.created_at, now, max_age, max_skew)
    if seen_nonces(checked.nonce):
        raise MandateReplayed("This exact revocation has been received before.")
    return checked


def issue_mandate_receipt(
    token: str,
    *,
    kind: Literal["mandate", "mandate_revocation"],
    reference: str,
    officer_id: str,
    representative_id: str,
    received_at: datetime,
    private_key: Ed25519PrivateKey,
    log_index: int | None = None,
) -> str:
    payload: dict[str, Any] = {
        "kind": kind,
        "reference": reference,
        "sha256": submission_sha256(token),
        "officer_id": officer_id,
        "representative_id": representative_id,
        "received_at": format_utc(received_at),
    }
    if log_index is not None:
        payload["log_index"] = log_index
    _check(_ReceiptPayload, payload, "The receipt is not valid")
    return sign_compact(canonical_json(payload), private_key, key_id(private_key.public_key()),
                        MANDATE_RECEIPT_TYP)


def verify_mandate_receipt(
    receipt: str, token: str, server_public_key: Ed25519PublicKey
) -> MandateReceipt:
    """Check the force's receipt with the pinned server key, for exactly `token`."""
    verified = verify_compact(receipt, server_public_key, expected_kid=key_id(server_public_key),
                              expected_typ=MANDATE_RECEIPT_TYP)
    raw = loads_strict(verified.payload_bytes)
    if not isinstance(raw, dict):
        raise MandateInvalid("The receipt's content is not an object.")
    model = _check(_ReceiptPayload, raw, "The receipt is not valid")
    if not hmac.compare_digest(model.sha256, submission_sha256(token)):
        raise MandateInvalid("This receipt is for different bytes from the mandate it was "
                             "checked against.")
    return MandateReceipt(token=receipt, kind=model.kind, reference=model.reference,
                          officer_id=model.officer_id,
                          representative_id=model.representative_id,
                          received_at=parse_utc(model.received_at).astimezone(UTC),
                          log_index=model.log_index)
