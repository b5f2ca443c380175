"""The JSON wire format of mandates: the force's directory of representatives, a member's
signed mandate and its revocation, and the list either side may check for itself.

Endpoints (all under `/v1`, bearer token):

- `GET  /representatives` -> `RepresentativeList`: the force's Federation representatives.
- `POST /mandates` `MandateGrant` (officer only, signed with their registered key) ->
  201 `MandateAccepted` with the force's reference `M-...` and signed receipt.
- `POST /mandates/{reference}/revoke` `MandateRevocationRequest` (the member only) ->
  `MandateAccepted` with the receipt of the revocation; effective at once.
- `GET  /mandates` -> `MandateList`: for an officer the mandates they granted (current or
  not), for a representative those he holds now.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from recourse.protocol.contest_wire import CompactJws, KeyRecord
from recourse.protocol.mandate import REFERENCE_PATTERN, Scope
from recourse.protocol.wire import Identifier, ShortText, WireDateTime, WireModel

__all__ = [
    "MANDATE_STATES",
    "MandateAccepted",
    "MandateEntry",
    "MandateGrant",
    "MandateList",
    "MandateReference",
    "MandateRevocationRequest",
    "MandateState",
    "Representative",
    "RepresentativeList",
]

MandateReference = Annotated[str, Field(pattern=REFERENCE_PATTERN)]
#: A signed mandate or revocation is a few hundred bytes; far below the body limit.
MandateJws = Annotated[str, Field(min_length=5, max_length=16_000)]
MandateState = Literal["current", "pending", "expired", "revoked", "replaced"]
MANDATE_STATES: tuple[MandateState, ...] = ("current", "pending", "expired", "revoked",
                                            "replaced")


class Representative(WireModel):
    officer_id: Identifier
    name: ShortText
    branch: ShortText


class RepresentativeList(WireModel):
    representatives: list[Representative] = Field(max_length=10_000)


class MandateGrant(WireModel):
    #: The member's signed mandate (`mandate.sign_mandate`), exactly as signed.
    mandate: MandateJws


class MandateRevocationRequest(WireModel):
    #: The member's signed revocation (`mandate.sign_revocation`), exactly as signed.
    revocation: MandateJws


class MandateEntry(WireModel):
    reference: MandateReference
    officer_id: Identifier
    officer_name: ShortText
    representative_id: Identifier
    representative_name: ShortText
    scope: list[Scope] = Field(min_length=1, max_length=3)
    not_before: WireDateTime
    expires_at: WireDateTime
    created_at: WireDateTime
    received_at: WireDateTime
    state: MandateState
    revoked_at: WireDateTime | None = None
    #: The exact bytes the member signed, to verify with `officer_key`.
    jws: CompactJws
    #: The force's receipt for the mandate (`mandate.verify_mandate_receipt`).
    receipt: CompactJws
    #: The member's signed revocation and its receipt, once revoked.
    revocation_jws: CompactJws | None = None
    revocation_receipt: CompactJws | None = None
    #: The member's public key that signed `jws`, with the force's signed key record.
    officer_key: KeyRecord


class MandateList(WireModel):
    mandates: list[MandateEntry] = Field(max_length=10_000)


class MandateAccepted(WireModel):
    reference: MandateReference
    receipt: CompactJws
    mandate: MandateEntry
