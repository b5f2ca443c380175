"""The payload an officer signs: a challenge to a flag, or a subject-access request.

The payload is canonical JSON (RFC 8785) signed as a compact JWS with the officer's
Ed25519 key, header `{"alg":"EdDSA","kid":<key id>,"typ":"recourse-submission+jws"}`.
Fields (all present, in canonical order when serialised):

- `officer_id`   the officer's identifier at the force
- `key_id`       RFC 7638 thumbprint of the signing key (equals the header `kid`)
- `kind`         `"challenge"`, `"sar"`, `"clarification"` (the officer's answer to
                 the force's request for clarification of an earlier submission), or
                 `"complaint"` (a complaint to the force under DPA 2018 s.164A about how
                 an earlier challenge or SAR was handled)
- `target`       challenge: the flag id (text); clarification and complaint: the force's
                 reference of the submission it is about (text); SAR: an object
                 `{"categories": "all" | [category, ...], "date_range": null |
                 {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}, "items": [Art. 15 item
                 code, ...], "format": "electronic" | "paper"}`
- `grounds`      challenge: one or more ground codes; SAR and clarification: `[]`
- `statement`    the officer's own words (may be empty, except in a clarification)
- `disputed_record_ids`  ids of the records the challenge disputes; SAR: `[]`
- `attachments`  `[{"name", "media_type", "size", "sha256"}]` (hex SHA-256 of the file)
- `created_at`   UTC, ISO 8601 with `Z`, whole seconds: `2026-03-01T09:30:00Z`
- `nonce`        128 random bits, base64url (22 characters)

A complaint also has `complaint`: `{"problem": "overdue" | "refused" | "incomplete" |
"disputed", "missing_items": [Art. 15 item code, ...] (the items an incomplete answer left
out; `[]` otherwise), "outcome_wanted": text}`; its `statement` (what went wrong, in the
officer's words) may not be empty. No other kind has the field.

Sent by a Federation representative for a member, the payload also has `actor_id` (the
representative, whose registered key signs it) and `mandate` (the force's reference of
the member's mandate, `M-...`); `officer_id` stays the member's. Both or neither.

`verify_submission` is what the server runs on receipt; the same checks let anyone
re-verify a submission later (with `now` set to when it was received).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from recourse.protocol.canonical import StrictJsonError, canonical_json, is_canonical, loads_strict
from recourse.protocol.jws import (
    KeyMismatch,
    ProtocolError,
    b64url_encode,
    key_id,
    sign_compact,
    verify_compact,
)
from recourse.protocol.wire import Category, Identifier

__all__ = [
    "ART15_ITEM_CODES",
    "COMPLAINT_PROBLEMS",
    "DEFAULT_MAX_AGE",
    "DEFAULT_MAX_SKEW",
    "GROUND_CODES",
    "KINDS",
    "MAX_ATTACHMENT_BYTES",
    "SAR_FORMAT_CODES",
    "SUBMISSION_TYP",
    "AttachmentEntry",
    "ComplaintDetails",
    "NotCanonical",
    "SarTarget",
    "SubmissionError",
    "SubmissionFromFuture",
    "SubmissionInvalid",
    "SubmissionPayload",
    "SubmissionReplayed",
    "SubmissionStale",
    "attachment_entry",
    "build_submission",
    "check_attachment",
    "complaint_details",
    "format_utc",
    "new_nonce",
    "parse_utc",
    "sar_target",
    "sign_submission",
    "validate_payload",
    "verify_submission",
]

SUBMISSION_TYP = "recourse-submission+jws"
GroundCode = Literal["rectification", "objection", "restriction", "automated_decision", "context"]
GROUND_CODES: tuple[GroundCode, ...] = (
    "rectification",
    "objection",
    "restriction",
    "automated_decision",
    "context",
)
Art15ItemCode = Literal[
    "copy",
    "purposes",
    "categories",
    "recipients",
    "retention",
    "rights",
    "complaint",
    "source",
    "automated_logic",
]
ART15_ITEM_CODES: tuple[Art15ItemCode, ...] = (
    "copy",
    "purposes",
    "categories",
    "recipients",
    "retention",
    "rights",
    "complaint",
    "source",
    "automated_logic",
)
SarFormat = Literal["electronic", "paper"]
SAR_FORMAT_CODES: tuple[SarFormat, ...] = ("electronic", "paper")
Kind = Literal["challenge", "sar", "clarification", "complaint"]
KINDS: tuple[Kind, ...] = ("challenge", "sar", "clarification", "complaint")
ComplaintProblem = Literal["overdue", "refused", "incomplete", "disputed"]
COMPLAINT_PROBLEMS: tuple[ComplaintProblem, ...] = ("overdue", "refused", "incomplete", "disputed")

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
MAX_ATTACHMENTS = 50
DEFAULT_MAX_AGE = timedelta(hours=24)
DEFAULT_MAX_SKEW = timedelta(minutes=5)

_UTC_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


class SubmissionError(ProtocolError):
    """A submission that cannot be accepted; the message says why in plain words."""


class SubmissionInvalid(SubmissionError):
    """The payload is missing something or has a value out of bounds."""


class NotCanonical(SubmissionError):
    """The signed bytes are not canonical JSON, so their hash would not be unique."""


class SubmissionStale(SubmissionError):
    """The submission was created too long ago to be accepted as new."""


class SubmissionFromFuture(SubmissionError):
    """The submission claims to be created later than now (beyond clock skew)."""


class SubmissionReplayed(SubmissionError):
    """The nonce has been used before: this is a copy of an earlier submission."""


class _Strict(BaseModel):
    # strict: no "5" -> 5 coercion; a signed document means exactly what it says.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class AttachmentEntry(_Strict):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    media_type: Annotated[
        str,
        Field(max_length=100, pattern=r"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$"),
    ]
    size: Annotated[int, Field(ge=0, le=MAX_ATTACHMENT_BYTES)]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]

    @field_validator("name")
    @classmethod
    def _plain_file_name(cls, name: str) -> str:
        # The name becomes a path inside the evidence bundle: no folders, no tricks.
        if name in {".", ".."} or any(c in name for c in "/\\:") or name != name.strip():
            raise ValueError("must be a plain file name without folders")
        if any(ord(c) < 32 or ord(c) == 127 for c in name):
            raise ValueError("must not contain control characters")
        return name


class DateRange(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)
    start: Annotated[str, Field(alias="from", pattern=_DATE_PATTERN)]
    end: Annotated[str, Field(alias="to", pattern=_DATE_PATTERN)]

    @model_validator(mode="after")
    def _ordered(self) -> DateRange:
        try:
            start, end = date.fromisoformat(self.start), date.fromisoformat(self.end)
        except ValueError:
            raise ValueError("is not a real calendar date") from None
        if start > end:
            raise ValueError("starts after it ends")
        return self


class SarTarget(_Strict):
    categories: Literal["all"] | Annotated[list[Category], Field(min_length=1, max_length=20)]
    date_range: DateRange | None
    items: Annotated[list[Art15ItemCode], Field(min_length=1, max_length=len(ART15_ITEM_CODES))]
    format: SarFormat

    @field_validator("categories", "items")
    @classmethod
    def _unique(cls, value: Any) -> Any:
        if isinstance(value, list) and len(set(value)) != len(value):
            raise ValueError("lists the same entry twice")
        return value


class ComplaintDetails(_Strict):
    """What went wrong with the request a complaint is about, and what would put it right."""

    problem: ComplaintProblem
    missing_items: Annotated[list[Art15ItemCode], Field(max_length=len(ART15_ITEM_CODES))]
    outcome_wanted: Annotated[str, Field(min_length=1, max_length=5_000)]

    @model_validator(mode="after")
    def _consistent(self) -> ComplaintDetails:
        if not self.outcome_wanted.strip():
            raise ValueError("say what outcome you want")
        if len(set(self.missing_items)) != len(self.missing_items):
            raise ValueError("lists the same Art. 15 item twice")
        if self.problem == "incomplete" and not self.missing_items:
            raise ValueError("an incomplete answer names the Art. 15 items it left out")
        if self.problem != "incomplete" and self.missing_items:
            raise ValueError("only an incomplete answer names missing Art. 15 items")
        return self


class SubmissionPayload(_Strict):
    officer_id: Identifier
    key_id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{43}$")]
    kind: Kind
    target: Identifier | SarTarget
    grounds: Annotated[list[GroundCode], Field(max_length=len(GROUND_CODES))]
    statement: Annotated[str, Field(max_length=20_000)]
    disputed_record_ids: Annotated[list[Identifier], Field(max_length=10_000)]
    attachments: Annotated[list[AttachmentEntry], Field(max_length=MAX_ATTACHMENTS)]
    created_at: Annotated[str, Field(pattern=_UTC_PATTERN)]
    nonce: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{21}[AQgw]$")]
    actor_id: Identifier | None = None
    mandate: Annotated[str, Field(pattern=r"^M-\d{4}-\d{6}$")] | None = None
    complaint: ComplaintDetails | None = None

    @model_validator(mode="after")
    def _consistent(self) -> SubmissionPayload:
        parse_utc(self.created_at)
        if (self.actor_id is None) != (self.mandate is None):
            raise ValueError("a submission for a member names both the representative "
                             "(actor_id) and the mandate")
        if self.actor_id is not None and self.actor_id == self.officer_id:
            raise ValueError("an officer does not act for themselves under a mandate")
        if len(set(self.grounds)) != len(self.grounds):
            raise ValueError("grounds list the same ground twice")
        if len(set(self.disputed_record_ids)) != len(self.disputed_record_ids):
            raise ValueError("disputed_record_ids list the same record twice")
        names = [a.name.casefold() for a in self.attachments]
        if len(set(names)) != len(names):
            raise ValueError("two attachments have the same name")
        if (self.kind == "complaint") != (self.complaint is not None):
            raise ValueError("a complaint, and only a complaint, says what went wrong "
                             "(complaint)")
        if self.kind == "challenge":
            if not isinstance(self.target, str):
                raise ValueError("a challenge's target is the id of the flag")
            if not self.grounds:
                raise ValueError("a challenge needs at least one ground")
        elif self.kind == "complaint":
            if not isinstance(self.target, str):
                raise ValueError("a complaint's target is the force's reference of the "
                                 "request it is about")
            if self.grounds or self.disputed_record_ids:
                raise ValueError("a complaint has no grounds or disputed records")
            if not self.statement.strip():
                raise ValueError("a complaint needs the officer's account of what went wrong")
        elif self.kind == "clarification":
            if not isinstance(self.target, str):
                raise ValueError("a clarification's target is the force's reference")
            if self.grounds or self.disputed_record_ids:
                raise ValueError("a clarification has no grounds or disputed records")
            if not self.statement.strip():
                raise ValueError("a clarification needs the officer's answer")
        else:
            if not isinstance(self.target, SarTarget):
                raise ValueError("a subject-access request's target says what is asked for")
            if self.grounds or self.disputed_record_ids:
                raise ValueError("a subject-access request has no grounds or disputed records")
        return self


def format_utc(moment: datetime) -> str:
    """`2026-03-01T09:30:00Z`: UTC, whole seconds. Refuses a time without a zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("A time without a time zone is ambiguous; give it in UTC.")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc(text: str) -> datetime:
    """Read a `format_utc` time back; ValueError if it is not exactly that shape."""
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except (TypeError, ValueError):
        raise ValueError(f"{text!r} is not a UTC time like 2026-03-01T09:30:00Z") from None


def new_nonce() -> str:
    """128 random bits, base64url: 22 characters."""
    return b64url_encode(secrets.token_bytes(16))


def attachment_entry(name: str, media_type: str, data: bytes) -> dict[str, Any]:
    """The signed description of an attached file: its name, type, size and SHA-256."""
    return {
        "name": name,
        "media_type": media_type,
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def check_attachment(entry: Mapping[str, Any]) -> None:
    """Refuse (`SubmissionInvalid`, saying why) an entry a submission would refuse, so a
    file is refused when it is attached rather than when it is signed."""
    try:
        AttachmentEntry.model_validate(entry)
    except ValidationError as exc:
        raise SubmissionInvalid(_readable(exc, "The file cannot be attached")) from None


def sar_target(
    items: Iterable[str] = ART15_ITEM_CODES,
    categories: str | Iterable[str] = "all",
    date_from: date | None = None,
    date_to: date | None = None,
    format: str = "electronic",
) -> dict[str, Any]:
    """The `target` object of a subject-access request."""
    if (date_from is None) != (date_to is None):
        raise SubmissionInvalid("A date range needs both a first and a last day.")
    date_range = (
        None
        if date_from is None or date_to is None
        else {"from": date_from.isoformat(), "to": date_to.isoformat()}
    )
    return {
        "categories": categories if isinstance(categories, str) else list(categories),
        "date_range": date_range,
        "items": list(items),
        "format": format,
    }


def complaint_details(
    problem: str, outcome_wanted: str, missing_items: Iterable[str] = ()
) -> dict[str, Any]:
    """The `complaint` object of a complaint to the force."""
    return {"problem": problem, "missing_items": list(missing_items),
            "outcome_wanted": outcome_wanted}


def _readable(
    error: ValidationError, summary: str = "The submission is not complete or not valid"
) -> str:
    parts = []
    for item in error.errors()[:3]:
        where = ".".join(str(p) for p in item["loc"]) or "submission"
        message = str(item["msg"]).removeprefix("Value error, ")
        parts.append(f"{where}: {message}")
    more = "" if error.error_count() <= 3 else f" (and {error.error_count() - 3} more)"
    return f"{summary} - " + "; ".join(parts) + more + "."


def validate_payload(payload: Mapping[str, Any]) -> SubmissionPayload:
    """Check a payload against the schema; SubmissionInvalid says what is wrong."""
    try:
        return SubmissionPayload.model_validate(payload)
    except ValidationError as exc:
        raise SubmissionInvalid(_readable(exc)) from None


def build_submission(
    *,
    officer_id: str,
    key_id: str,
    kind: Kind,
    target: str | Mapping[str, Any],
    created_at: datetime,
    grounds: Sequence[str] = (),
    statement: str = "",
    disputed_record_ids: Sequence[str] = (),
    attachments: Sequence[Mapping[str, Any]] = (),
    nonce: str | None = None,
    actor_id: str | None = None,
    mandate: str | None = None,
    complaint: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Assemble and validate the payload to sign; the nonce is fresh unless given.

    A representative acting for the member `officer_id` gives his own `actor_id` and
    `key_id` and the mandate's reference."""
    payload: dict[str, Any] = {
        "officer_id": officer_id,
        "key_id": key_id,
        "kind": kind,
        "target": target if isinstance(target, str) else dict(target),
        "grounds": list(grounds),
        "statement": statement,
        "disputed_record_ids": list(disputed_record_ids),
        "attachments": [dict(a) for a in attachments],
        "created_at": format_utc(created_at),
        "nonce": new_nonce() if nonce is None else nonce,
    }
    if actor_id is not None or mandate is not None:
        payload["actor_id"] = actor_id
        payload["mandate"] = mandate
    if complaint is not None:
        payload["complaint"] = {**complaint,
                                "missing_items": list(complaint.get("missing_items", []))}
    validate_payload(payload)
    return payload


def sign_submission(payload: Mapping[str, Any], private_key: Ed25519PrivateKey) -> str:
    """Sign `canonical_json(payload)` with the officer's key; returns the compact JWS."""
    checked = validate_payload(payload)
    own_id = key_id(private_key.public_key())
    if checked.key_id != own_id:
        raise KeyMismatch("The submission names a different key from the one signing it.")
    return sign_compact(canonical_json(dict(payload)), private_key, own_id, SUBMISSION_TYP)


def verify_submission(
    token: str,
    public_key: Ed25519PublicKey,
    *,
    now: datetime,
    seen_nonces: Callable[[str], bool],
    max_age: timedelta = DEFAULT_MAX_AGE,
    max_skew: timedelta = DEFAULT_MAX_SKEW,
    expected_officer_id: str | None = None,
    expected_actor_id: str | None = None,
) -> dict[str, Any]:
    """Check a signed submission against the officer's registered key; return its payload.

    Checks, in order: the token is a strict EdDSA JWS of type `recourse-submission+jws`
    whose `kid` is the thumbprint of `public_key` (another officer's key is refused as
    `KeyMismatch`) and whose signature verifies; the payload is exactly its canonical
    JSON; it passes the schema; its `key_id` matches and (if given) its `officer_id`;
    with `expected_officer_id` given, its `actor_id` is `expected_actor_id` (None: the
    officer's own submission, not one sent for them); `created_at` is neither older than
    `max_age` nor later than `now + max_skew`.

    Last, and only if everything else passed (so forgeries cannot burn nonces),
    `seen_nonces(nonce)` is called: it must atomically record the nonce and return True
    if it had been recorded before, which raises `SubmissionReplayed`. A server that
    wants idempotent retries looks up the exact token bytes (see
    `receipt.submission_sha256`) before calling this, and returns the original receipt.
    """
    own_id = key_id(public_key)
    verified = verify_compact(token, public_key, expected_kid=own_id, expected_typ=SUBMISSION_TYP)
    if not is_canonical(verified.payload_bytes):
        raise NotCanonical(
            "The signed content is not in canonical form, so it cannot be accepted as proof."
        )
    try:
        raw = loads_strict(verified.payload_bytes)
    except StrictJsonError as exc:  # pragma: no cover - is_canonical already parsed it
        raise NotCanonical(str(exc)) from exc
    if not isinstance(raw, dict):
        raise SubmissionInvalid("The signed content is not a submission.")
    checked = validate_payload(raw)
    if checked.key_id != own_id:
        raise KeyMismatch("The submission names a different key from the one that signed it.")
    if expected_officer_id is not None and checked.officer_id != expected_officer_id:
        raise KeyMismatch(
            f"The submission is for officer {checked.officer_id!r}, but this key belongs to "
            f"{expected_officer_id!r}."
        )
    if expected_officer_id is not None and checked.actor_id != expected_actor_id:
        if expected_actor_id is None:
            raise KeyMismatch("The submission says a representative sent it, but it was "
                              "signed with the officer's own key.")
        raise KeyMismatch("The submission does not name the representative whose key signed "
                          "it as the one acting.")
    if now.tzinfo is None:
        raise ValueError("`now` must carry a time zone.")
    created = parse_utc(checked.created_at)
    if now - created > max_age:
        raise SubmissionStale(
            f"The submission was signed at {checked.created_at}, more than "
            f"{_plain(max_age)} ago; please sign it again."
        )
    if created - now > max_skew:
        raise SubmissionFromFuture(
            f"The submission says it was signed at {checked.created_at}, which is in the "
            "future; check the computer's clock."
        )
    if seen_nonces(checked.nonce):
        raise SubmissionReplayed(
            "This exact submission has been received before; it was not recorded twice."
        )
    return raw


def _plain(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    for unit, size in (("hour", 3600), ("minute", 60), ("second", 1)):
        if seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'' if count == 1 else 's'}"
    return f"{seconds} seconds"  # pragma: no cover - the loop always returns
