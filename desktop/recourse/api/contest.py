"""The contest endpoints of the force's API, as typed methods of `ApiClient`.

Every path is built here (escaped with `paths.segment`) and every answer validated
against its wire model, so the contest use cases (`recourse.contest`) never see a URL.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

import pydantic

from recourse.api.exchange import path_segment
from recourse.protocol import contest_wire as cw
from recourse.protocol import mandate_wire as mw
from recourse.protocol import receipt_log as rl

__all__ = ["ContestEndpoints"]

M = TypeVar("M", bound=pydantic.BaseModel)


class _Exchanges(Protocol):
    """The generic calls of `ApiClient` that these endpoints are made of."""

    def request_json(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        idempotency_key: str | None = None,
        model: type[M],
    ) -> M: ...

    def get_cached(
        self, path: str, model: type[M], etag: str | None = None
    ) -> tuple[M | None, str | None]: ...

    def send_bytes(
        self,
        method: str,
        path: str,
        body: bytes,
        *,
        content_type: str = "application/octet-stream",
        idempotency_key: str | None = None,
        model: type[M] | None = None,
    ) -> M | None: ...


class ContestEndpoints:
    """Mixed into `ApiClient`: keys, submissions, attachments, statuses, SAR responses."""

    def server_key(self: _Exchanges) -> cw.ServerKey:
        """The force's receipt-signing key as it offers it now (not yet trusted)."""
        return self.request_json("GET", "/v1/server-key", model=cw.ServerKey)

    def register_key(self: _Exchanges, registration: cw.KeyRegistration) -> cw.KeyRecord:
        return self.request_json(
            "POST", "/v1/keys", json=registration.model_dump(mode="json"), model=cw.KeyRecord
        )

    def keys(self: _Exchanges) -> cw.KeyList:
        """The signed-in officer's registered keys, on every device."""
        return self.request_json("GET", "/v1/keys", model=cw.KeyList)

    def revoke_key(self: _Exchanges, key_id: str) -> cw.KeyRecord:
        return self.request_json(
            "POST", f"/v1/keys/{path_segment(key_id)}/revoke", model=cw.KeyRecord
        )

    def upload_attachment(self: _Exchanges, sha256: str, content: bytes) -> None:
        """Upload a file before the submission that names it (by its SHA-256)."""
        self.send_bytes("PUT", f"/v1/attachments/{path_segment(sha256)}", content)

    def submit(
        self: _Exchanges, token: str, *, idempotency_key: str
    ) -> cw.SubmissionAccepted:
        """Send a signed submission; a retry with the same key is never acted on twice."""
        return self.request_json(
            "POST",
            "/v1/submissions",
            json=cw.SubmissionRequest(submission=token).model_dump(mode="json"),
            idempotency_key=idempotency_key,
            model=cw.SubmissionAccepted,
        )

    def submission_statuses(
        self: _Exchanges, officer_id: str, etag: str | None = None
    ) -> tuple[cw.SubmissionList | None, str | None]:
        """The force's statuses of the officer's submissions, or (None, etag) unchanged."""
        return self.get_cached(
            f"/v1/officers/{path_segment(officer_id)}/submissions", cw.SubmissionList, etag
        )

    def sar_response(self: _Exchanges, officer_id: str, reference: str) -> cw.SarResponse:
        """The force's signed response package to a subject-access request (`NotFound`
        until the force has fulfilled it)."""
        return self.request_json(
            "GET",
            f"/v1/officers/{path_segment(officer_id)}/submissions/{path_segment(reference)}/response",
            model=cw.SarResponse,
        )

    # -- mandates ------------------------------------------------------------------------

    def representatives(self: _Exchanges) -> mw.RepresentativeList:
        """The force's directory of Federation representatives."""
        return self.request_json("GET", "/v1/representatives", model=mw.RepresentativeList)

    def mandates(self: _Exchanges) -> mw.MandateList:
        """For an officer the mandates they granted; for a representative those he holds."""
        return self.request_json("GET", "/v1/mandates", model=mw.MandateList)

    def grant_mandate(self: _Exchanges, token: str) -> mw.MandateAccepted:
        """Register the officer's signed mandate (`mandate.sign_mandate`)."""
        return self.request_json(
            "POST", "/v1/mandates", json=mw.MandateGrant(mandate=token).model_dump(mode="json"),
            model=mw.MandateAccepted,
        )

    def revoke_mandate(self: _Exchanges, reference: str, token: str) -> mw.MandateAccepted:
        """End mandate `reference` by the officer's signed revocation."""
        return self.request_json(
            "POST",
            f"/v1/mandates/{path_segment(reference)}/revoke",
            json=mw.MandateRevocationRequest(revocation=token).model_dump(mode="json"),
            model=mw.MandateAccepted,
        )

    # -- the force's log of receipts -------------------------------------------------------

    def log_tree_head(self: _Exchanges, tree_size: int | None = None) -> rl.TreeHeadAnswer:
        """The force's newest signed tree head, or the one it signed at `tree_size`."""
        query = "" if tree_size is None else f"?tree_size={int(tree_size)}"
        return self.request_json("GET", f"/v1/log/tree-head{query}", model=rl.TreeHeadAnswer)

    def log_inclusion(self: _Exchanges, leaf_index: int, tree_size: int) -> rl.InclusionAnswer:
        """The audit path of leaf `leaf_index` in the log of `tree_size` receipts."""
        return self.request_json(
            "GET", f"/v1/log/inclusion?leaf_index={int(leaf_index)}&tree_size={int(tree_size)}",
            model=rl.InclusionAnswer)

    def log_consistency(self: _Exchanges, first: int, second: int) -> rl.ConsistencyAnswer:
        """Proof that the log of `second` receipts extends the log of `first`."""
        return self.request_json(
            "GET", f"/v1/log/consistency?first={int(first)}&second={int(second)}",
            model=rl.ConsistencyAnswer)
