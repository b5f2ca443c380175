"""The force's answer to a subject-access request: its signed response package, verified
with the pinned force key, kept, and checked against Art. 15(1)(a)-(h)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from recourse.contest.errors import NotFoundLocally, SarPackageInvalid
from recourse.contest.outbox import Outbox
from recourse.domain.contest import ART15_LETTERS, Art15Item, missing_art15_items
from recourse.protocol import contest_wire as cw
from recourse.protocol.canonical import is_canonical
from recourse.protocol.jws import ProtocolError, verify_compact

__all__ = ["SarResponses", "SarResult", "check_completeness"]


@dataclass(frozen=True)
class SarResult:
    reference: str
    token: str
    package: cw.SarPackage


def check_completeness(
    package: cw.SarPackage, asked: Sequence[str] | None = None
) -> list[Art15Item]:
    """The Art. 15(1)(a)-(h) items the response leaves out, in the Article's order.

    `asked` limits the check to the items the SAR asked for (by default the items the
    package says were asked for, or all eight). An item counts as answered when its
    section is present with a non-empty answer.
    """
    if asked is None:
        requested = package.request.get("items")
        asked = [str(c) for c in requested] if isinstance(requested, list) else None
    answered = []
    for code in ART15_LETTERS:
        section = getattr(package.art15, code)
        if section is not None and section.answer.strip():
            answered.append(code)
    return missing_art15_items(answered, asked)


class SarResponses(Outbox):
    """The SAR-response part of `ContestService`."""

    def fetch_sar_response(self, reference: str) -> SarResult:
        """Download the force's signed response package, verify it with the pinned key,
        keep it. Raises `NotFound` until the force has fulfilled the request."""
        response = self.api.sar_response(self.officer_id, reference)
        if response.reference != reference:
            raise SarPackageInvalid("it is for a different request.")
        result = self._verify_package(reference, response.package)
        self.contest.put_sar_response(reference, response.package)
        return result

    def sar_response(self, reference: str) -> SarResult | None:
        """The kept response to `reference`, verified again, or None before there is one."""
        token = self.contest.sar_response(reference)
        return None if token is None else self._verify_package(reference, token)

    def check_completeness(self, reference: str) -> list[Art15Item]:
        """What the kept response to `reference` leaves out of what was asked."""
        result = self.sar_response(reference)
        if result is None:
            raise NotFoundLocally(f"The response to {reference}")
        return check_completeness(result.package)

    def _verify_package(self, reference: str, token: str) -> SarResult:
        server_key, pin = self.pinned_key()
        try:
            verified = verify_compact(
                token, server_key, expected_kid=pin.key_id, expected_typ=cw.SAR_PACKAGE_TYP
            )
            if not is_canonical(verified.payload_bytes):
                raise SarPackageInvalid("its content is not in canonical form.")
            package = cw.SarPackage.model_validate_json(verified.payload_bytes)
        except ProtocolError as exc:
            raise SarPackageInvalid(str(exc)) from None
        except ValidationError:
            raise SarPackageInvalid("its content is not a response package.") from None
        if package.reference != reference or package.officer_id != self.officer_id:
            raise SarPackageInvalid("it is for a different request or officer.")
        return SarResult(reference, token, package)
