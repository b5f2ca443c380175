"""The JSON wire format of contesting: keys, signed submissions, receipts, reviews, SARs.

The contract between the reference server's contest endpoints and the desktop client,
in the style of `wire.py`: every model forbids unknown fields and bounds its strings
and lists. Endpoints (all under `/v1`, bearer token of the officer unless noted):

- `GET  /server-key` -> `ServerKey`: the force's receipt-signing Ed25519 key (not the
  OIDC token key). The client pins it on first use and verifies every receipt, key
  record and SAR package with the pinned key only.
- `POST /keys` `KeyRegistration` -> 201 `KeyRecord`; `GET /keys` -> `KeyList` of the
  caller's keys; `POST /keys/{key_id}/revoke` -> `KeyRecord` (404 for another's key).
- `PUT  /attachments/{sha256}` raw bytes (`application/octet-stream`, at most
  `MAX_ATTACHMENT_UPLOAD_BYTES`) -> 204. Upload before submitting.
- `POST /submissions` `SubmissionRequest` + header `Idempotency-Key` (see
  `IDEMPOTENCY_KEY_PATTERN`) -> 201 `SubmissionAccepted`; the same key and the same
  submission again -> 200 with the byte-identical receipt; the same key with a
  different submission -> 422. Refusals are `wire.Problem` with a readable `detail`.
- `GET  /officers/{officer_id}/submissions` -> `SubmissionList` (with ETag).
- `GET  /officers/{officer_id}/submissions/{reference}/response` -> `SarResponse`
  (404 until the SAR is fulfilled).
- The officer answers the force's request for clarification with a signed submission
  of kind `clarification` whose target is the reference it answers, sent to
  `POST /submissions` like any other (its receipt states the due date once the clock
  runs again); answers are not listed separately, the answered submission's events
  show them.
- A complaint to the force (DPA 2018 s.164A) about how a challenge or SAR was handled is
  a signed submission of kind `complaint` whose target is that submission's reference,
  sent to `POST /submissions`; its receipt's due date is the last day for the force to
  acknowledge it. It is listed like the others, with `about_reference`.
- Reviewer only: `GET /review/submissions` -> `SubmissionList`;
  `POST /review/submissions/{reference}/acknowledge` (no body), `/clarify`
  `ClarifyRequest`, `/extend` `ExtendRequest`, `/outcome` `OutcomeRequest` (a challenge
  or a complaint), `/fulfil` (no body) -> `SubmissionStatus`.

Signed documents made by the server key (compact JWS, EdDSA, see `jws.py`):

- `KeyRecord.record`, typ `KEY_RECORD_TYP`, over the canonical JSON of
  `key_record_content(...)`: the other fields of the KeyRecord, times as
  `2026-03-01T09:30:00Z`.
- `SarResponse.package`, typ `SAR_PACKAGE_TYP`, over the canonical JSON of a
  `SarPackage` dumped with `model_dump(mode="json", by_alias=True)` as the server made it;
  a client verifies the signature and then validates the payload with
  `SarPackage.model_validate`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from recourse.protocol.submission import format_utc
from recourse.protocol.wire import (
    AccessLogEntry,
    Category,
    FlagSummary,
    Identifier,
    LongText,
    Record,
    ShortText,
    SmallJsonObject,
    WireDate,
    WireDateTime,
    WireModel,
)

__all__ = [
    "IDEMPOTENCY_KEY_HEADER",
    "IDEMPOTENCY_KEY_PATTERN",
    "KEY_RECORD_TYP",
    "MAX_ATTACHMENT_UPLOAD_BYTES",
    "MAX_PACKAGE_RECORD_BYTES",
    "OUTCOMES",
    "OUTCOME_FLAG_STATUSES",
    "SAR_PACKAGE_TYP",
    "SUBMISSION_STATES",
    "Art15Answer",
    "Art15Section",
    "ClarifyRequest",
    "ExtendRequest",
    "KeyId",
    "KeyList",
    "KeyRecord",
    "KeyRegistration",
    "OutcomeRequest",
    "PublicJwk",
    "SarPackage",
    "SarResponse",
    "SentBy",
    "ServerKey",
    "SubmissionAccepted",
    "SubmissionEvent",
    "SubmissionList",
    "SubmissionRequest",
    "SubmissionStatus",
    "key_record_content",
]

KEY_RECORD_TYP = "recourse-key-record+jws"
SAR_PACKAGE_TYP = "recourse-sar-package+jws"

IDEMPOTENCY_KEY_HEADER = "Idempotency-Key"
#: 16-128 characters from a URL-safe alphabet; a UUID4 or 22+ random base64url fits.
IDEMPOTENCY_KEY_PATTERN = r"^[A-Za-z0-9_.:\-]{16,128}$"

#: Largest attachment the server stores (it answers 413 above this).
MAX_ATTACHMENT_UPLOAD_BYTES = 10 * 1024 * 1024
#: The records in a SAR package are cut off at about this many bytes of canonical JSON,
#: so that the signed package stays under `jws.MAX_TOKEN_LENGTH`; the package then says
#: so (`records_complete` false, `records_omitted_by_category`).
MAX_PACKAGE_RECORD_BYTES = 600_000

#: RFC 7638 thumbprint, base64url of a SHA-256.
KeyId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{43}$")]
#: An Ed25519 public JWK (`{"crv": "Ed25519", "kty": "OKP", "x": ...}`); the server
#: reads it with `jws.load_public_jwk`, which refuses anything else.
PublicJwk = SmallJsonObject
Reference = Annotated[str, Field(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9_./:\-]+$")]
CompactJws = Annotated[str, Field(min_length=5, max_length=1_000_000)]

SubmissionState = Literal[
    "submitted", "acknowledged", "clarification_requested", "extended", "outcome", "fulfilled"
]
SUBMISSION_STATES: tuple[SubmissionState, ...] = (
    "submitted",
    "acknowledged",
    "clarification_requested",
    "extended",
    "outcome",
    "fulfilled",
)
Outcome = Literal["upheld", "partly_upheld", "not_upheld"]
OUTCOMES: tuple[Outcome, ...] = ("upheld", "partly_upheld", "not_upheld")
#: What a reviewer may set the challenged flag to with an outcome.
OutcomeFlagStatus = Literal["withdrawn", "amended", "open", "closed"]
OUTCOME_FLAG_STATUSES: tuple[OutcomeFlagStatus, ...] = ("withdrawn", "amended", "open", "closed")


class ServerKey(WireModel):
    key_id: KeyId
    public_jwk: PublicJwk
    #: `jws.fingerprint_words` of the key: 16 groups of 4 hex digits, to read aloud.
    fingerprint: ShortText


class KeyRegistration(WireModel):
    public_jwk: PublicJwk
    #: The officer's name for the device, e.g. "Home laptop".
    device_label: Annotated[str, Field(min_length=1, max_length=100)]


class KeyRecord(WireModel):
    key_id: KeyId
    officer_id: Identifier
    public_jwk: PublicJwk
    device_label: Annotated[str, Field(min_length=1, max_length=100)]
    registered_at: WireDateTime
    revoked_at: WireDateTime | None = None
    #: Compact JWS by the server key over `key_record_content` of the fields above.
    record: CompactJws


def key_record_content(
    *,
    key_id: str,
    officer_id: str,
    public_jwk: dict[str, Any],
    device_label: str,
    registered_at: datetime,
    revoked_at: datetime | None,
) -> dict[str, Any]:
    """The object the server signs in `KeyRecord.record` (canonical JSON of this)."""
    return {
        "key_id": key_id,
        "officer_id": officer_id,
        "public_jwk": dict(public_jwk),
        "device_label": device_label,
        "registered_at": format_utc(registered_at),
        "revoked_at": None if revoked_at is None else format_utc(revoked_at),
    }


class KeyList(WireModel):
    keys: list[KeyRecord] = Field(max_length=1000)


class SubmissionRequest(WireModel):
    #: The officer's signed submission (`submission.sign_submission`), exactly as signed.
    submission: CompactJws


class SubmissionAccepted(WireModel):
    reference: Reference
    #: The force's receipt (`receipt.issue_receipt`), to check with `verify_receipt`.
    receipt: CompactJws


class SubmissionEvent(WireModel):
    at: WireDateTime
    state: SubmissionState
    note: LongText | None = None


class SentBy(WireModel):
    """The representative who sent a submission for the member, and under which mandate."""

    actor_id: Identifier
    name: ShortText
    mandate: Annotated[str, Field(pattern=r"^M-\d{4}-\d{6}$")]


class SubmissionStatus(WireModel):
    reference: Reference
    kind: Literal["challenge", "sar", "complaint"]
    target_flag_id: Identifier | None = None
    #: A complaint: the force's reference of the challenge or SAR it is about.
    about_reference: Reference | None = None
    state: SubmissionState
    received_at: WireDateTime
    #: The due date that applies now: moved on by any paused (clarification) days. For a
    #: complaint: the last day for the force to acknowledge it (DPA 2018 s.164A).
    due_date: WireDate
    #: Set once the force extends (Art. 12(3)): three months, plus any paused days.
    extended_due_date: WireDate | None = None
    extension_reasons: LongText | None = None
    #: What the force asked the officer to clarify (last request), if any.
    clarification_request: LongText | None = None
    outcome: Outcome | None = None
    outcome_reasons: LongText | None = None
    events: list[SubmissionEvent] = Field(default_factory=list, max_length=1000)
    #: True once a SAR is fulfilled: GET .../response returns the signed package.
    response_available: bool = False
    #: Set when the member's representative sent it for them under a mandate.
    sent_by: SentBy | None = None


class SubmissionList(WireModel):
    submissions: list[SubmissionStatus] = Field(max_length=10_000)


class ClarifyRequest(WireModel):
    note: Annotated[str, Field(min_length=1, max_length=20_000)]


class ExtendRequest(WireModel):
    reasons: Annotated[str, Field(min_length=1, max_length=20_000)]


class OutcomeRequest(WireModel):
    outcome: Outcome
    reasons: Annotated[str, Field(min_length=1, max_length=20_000)]
    #: Challenges: what the flag becomes (the officer's next sync sees it).
    flag_status: OutcomeFlagStatus | None = None


class Art15Section(WireModel):
    """The answer to one Art. 15 item, in plain words."""

    #: Plain-words title (`recourse.domain.contest.ART15_ITEMS[code].label`).
    label: ShortText
    law: ShortText
    answer: LongText
    #: One line per purpose / category / recipient / source / rule, where that helps.
    details: list[LongText] = Field(default_factory=list, max_length=500)


class Art15Answer(WireModel):
    """Art. 15(1)(a)-(h). An item the SAR did not ask for is null."""

    purposes: Art15Section | None = None
    categories: Art15Section | None = None
    recipients: Art15Section | None = None
    retention: Art15Section | None = None
    rights: Art15Section | None = None
    complaint: Art15Section | None = None
    source: Art15Section | None = None
    automated_logic: Art15Section | None = None


class SarPackage(WireModel):
    """The signed content of a SAR response (`SarResponse.package`)."""

    reference: Reference
    officer_id: Identifier
    generated_at: WireDateTime
    #: What the SAR asked for (copied from the signed request's target).
    request: SmallJsonObject
    #: Records held in each category asked for (all of them, before any cut-off).
    records_by_category: dict[Category, Annotated[int, Field(ge=0)]] = Field(max_length=20)
    #: Empty unless the SAR asked for a copy ("copy").
    records: list[Record] = Field(max_length=100_000)
    #: False when the copy was cut off at `MAX_PACKAGE_RECORD_BYTES`; `records_note` says
    #: how the rest will be provided.
    records_complete: bool
    records_omitted_by_category: dict[Category, Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict, max_length=20
    )
    records_note: LongText | None = None
    flags: list[FlagSummary] = Field(max_length=10_000)
    access_log: list[AccessLogEntry] = Field(max_length=100_000)
    art15: Art15Answer


class SarResponse(WireModel):
    reference: Reference
    #: Compact JWS by the server key, typ `SAR_PACKAGE_TYP`, over a `SarPackage`.
    package: CompactJws
