"""Mandates, client side: the officer grants and revokes a representative's mandate by
signing it with this PC's key; either side checks every mandate the force lists
against the member's own key and the force's pinned key, without trusting its word.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from recourse.api.errors import RequestRefused
from recourse.contest.errors import ContestError, NoSigningKey, ReceiptInvalid
from recourse.contest.keys import SigningKeys
from recourse.protocol import mandate as pm
from recourse.protocol import mandate_wire as mw
from recourse.protocol.jws import ProtocolError, load_public_jwk, verify_compact
from recourse.protocol.submission import parse_utc

__all__ = ["MandateInvalid", "MandateRefused", "Mandates", "add_months"]


class MandateRefused(ContestError):
    def __init__(self, detail: str | None) -> None:
        super().__init__(
            "The force refused the mandate" + (f": {detail}" if detail else "."),
            "Nothing was changed. Check the details and try again.",
        )


class MandateInvalid(ContestError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            f"A mandate the force listed could not be verified: {reason}",
            "It is not shown as valid. If this keeps happening, contact IT or your "
            "Federation representative.",
        )


def add_months(moment: datetime, months: int) -> datetime:
    """The same day `months` calendar months on (the month's last day where it is short)."""
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


class Mandates(SigningKeys):
    """The mandates part of `ContestService`."""

    def _server_key(self) -> Ed25519PublicKey:
        """The force's key as pinned on this PC (`NotPinned` before the officer trusted it:
        listing mandates never trusts a key on its own)."""
        return self.pinned_key()[0]

    def representatives(self) -> list[mw.Representative]:
        return list(self.api.representatives().representatives)

    def _signing_key(self) -> tuple[str, Ed25519PrivateKey]:
        self.ensure_signing_key()
        active = self.contest.active_key()
        raw = self.contest.private_key(active.key_id) if active is not None else None
        if active is None or raw is None:
            raise NoSigningKey()
        return active.key_id, Ed25519PrivateKey.from_private_bytes(raw)

    def _accepted(self, answer: mw.MandateAccepted, token: str,
                  kind: str) -> mw.MandateAccepted:
        server_key = self._server_key()
        try:
            receipt = pm.verify_mandate_receipt(answer.receipt, token, server_key)
        except ProtocolError as exc:
            raise ReceiptInvalid(str(exc)) from None
        if receipt.kind != kind or receipt.reference != answer.reference:
            raise ReceiptInvalid("the receipt is for a different mandate.")
        self.verify_entry(answer.mandate)
        return answer

    def grant_mandate(self, representative_id: str, scope: Sequence[str], months: int = 12,
                      now: datetime | None = None) -> mw.MandateAccepted:
        """Sign a mandate for `representative_id` for `months` (1-24) with this PC's key
        and register it; the force's receipt is checked with the pinned key."""
        if not 1 <= months <= 24:
            raise MandateRefused("a mandate lasts from one month to 24 months.")
        moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        kid, private = self._signing_key()
        try:
            payload = pm.build_mandate(
                officer_id=self.officer_id, key_id=kid, representative_id=representative_id,
                scope=scope, expires_at=add_months(moment, months), created_at=moment)
        except pm.MandateInvalid as exc:
            raise MandateRefused(str(exc)) from None
        token = pm.sign_mandate(payload, private)
        try:
            answer = self.api.grant_mandate(token)
        except RequestRefused as exc:
            raise MandateRefused(exc.detail) from None
        return self._accepted(answer, token, "mandate")

    def revoke_mandate(self, reference: str,
                       now: datetime | None = None) -> mw.MandateAccepted:
        """End mandate `reference` by the officer's signed revocation, at once."""
        moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        kid, private = self._signing_key()
        token = pm.sign_revocation(pm.build_revocation(
            officer_id=self.officer_id, key_id=kid, mandate=reference, created_at=moment),
            private)
        try:
            answer = self.api.revoke_mandate(reference, token)
        except RequestRefused as exc:
            raise MandateRefused(exc.detail) from None
        return self._accepted(answer, token, "mandate_revocation")

    def verify_entry(self, entry: mw.MandateEntry) -> pm.MandatePayload:
        """Check a listed mandate for oneself: the member's key record is the force's
        (pinned key), the mandate is signed by that key, and it says what the list says."""
        server_key = self._server_key()
        try:
            verify_compact(entry.officer_key.record, server_key)
            member_key = load_public_jwk(entry.officer_key.public_jwk)
            signed = verify_compact(entry.jws, member_key, expected_typ=pm.MANDATE_TYP)
            content = pm.MandatePayload.model_validate_json(signed.payload_bytes)
            pm.verify_mandate_receipt(entry.receipt, entry.jws, server_key)
        except (ProtocolError, ValueError) as exc:
            raise MandateInvalid(str(exc)) from None
        if (entry.officer_key.officer_id != entry.officer_id
                or content.key_id != entry.officer_key.key_id):
            raise MandateInvalid("it is signed with a key of someone other than the member.")
        listed = (entry.officer_id, entry.representative_id, list(entry.scope),
                  entry.expires_at.astimezone(UTC))
        said = (content.officer_id, content.representative_id, list(content.scope),
                parse_utc(content.expires_at))
        if listed != said:
            raise MandateInvalid("the force's list differs from what the member signed.")
        return content

    def mandates(self) -> list[mw.MandateEntry]:
        """The officer's granted mandates (or the representative's current ones), each
        verified; one that does not verify raises `MandateInvalid`."""
        entries = list(self.api.mandates().mandates)
        for entry in entries:
            self.verify_entry(entry)
        return entries
