"""The contest endpoints under /v1 (contract: `recourse.protocol.contest_wire`).

Handlers check who is asking and translate HTTP to calls of `keys`, `intake` and `review`; all
the rules live there, shared with the `review` command line. The clock is the server's UTC
clock unless a test sets `app.state.contest_clock`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Path, Query, Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from recourse.protocol import contest_wire as cw
from recourse.protocol import mandate_wire as mw
from recourse.protocol import receipt_log as rl
from recourse.protocol.jws import ProtocolError, unverified_payload

from ..api import (
    NOT_AVAILABLE,
    CurrentPrincipal,
    OfficerId,
    authorise,
    engine_of,
    etagged,
    log_views,
    problem_content,
    record_read,
)
from ..auth import Principal
from ..problems import BodySizeLimit, ProblemError
from . import intake, keys, mandates, receipt_log, review


class _SharedPathRoute(APIRoute):
    """A route whose 405 answer lists every method of its path, not only its own.

    Starlette answers a wrong method with the methods of the first route on the path,
    so `OPTIONS /v1/keys` would say `Allow: POST` although GET is there too.
    """

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.methods and scope["method"] not in self.methods:
            allowed = sorted({method for route in router.routes
                              if isinstance(route, APIRoute) and route.path == self.path
                              for method in route.methods or ()})
            raise HTTPException(status_code=405, headers={"Allow": ", ".join(allowed)})
        if self.body_field is not None and _has_body(scope) and not _is_json(scope):
            # Without this FastAPI reads any other type as a body that fails validation
            # (422), which tells the program nothing about what to change.
            raise HTTPException(status_code=415, detail="Send the body as application/json.")
        await super().handle(scope, receive, send)


def _has_body(scope: Scope) -> bool:
    headers: dict[bytes, bytes] = dict(scope.get("headers") or [])
    return headers.get(b"content-length", b"0") != b"0" or b"transfer-encoding" in headers


def _is_json(scope: Scope) -> bool:
    """Whether the request says its body is JSON: `application/json` or `…+json`."""
    headers: dict[bytes, bytes] = dict(scope.get("headers") or [])
    media = headers.get(b"content-type", b"").decode("latin-1").split(";")[0].strip().lower()
    return media == "application/json" or (media.startswith("application/")
                                            and media.endswith("+json"))


router = APIRouter(prefix="/v1", tags=["contest"], route_class=_SharedPathRoute)

KeyIdPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{43}$",
                                description="The key's RFC 7638 thumbprint.")]
ReferencePath = Annotated[str, Path(min_length=1, max_length=40,
                                    pattern=r"^[A-Za-z0-9_.:\-]+$",
                                    description="The force's reference, e.g. RC-2026-000123.")]
MandatePath = Annotated[str, Path(pattern=r"^M-\d{4}-\d{6}$",
                                  description="The force's mandate reference, e.g. M-2026-000001.")]
Sha256Path = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$",
                                 description="Lowercase hex SHA-256 of the file.")]
IdempotencyKey = Annotated[str, Header(
    alias=cw.IDEMPOTENCY_KEY_HEADER, pattern=cw.IDEMPOTENCY_KEY_PATTERN,
    description="16-128 characters, new for each submission and the same on a retry.")]

_COMMON = (400, 401, 403, 413, 422, 500)
#: Also for the routes that take a JSON body.
_WITH_BODY = (415, *_COMMON)
_WORDS = {
    400: "The body is not JSON (or not the bytes of a file).",
    401: "No valid access token.",
    403: "Not allowed for this account (for example, not a reviewer).",
    404: "No such key, submission or officer available to you.",
    409: "Refused in the submission's current state, or a replayed submission.",
    413: "The request body is too large.",
    415: "The body is not of the media type this address takes: application/json, or "
         "application/octet-stream for a file.",
    422: "The request or the signed submission is not valid; `detail` says why.",
    500: "Server error.",
}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"description": _WORDS[code], "content": problem_content()}
            for code in codes}

_JSON_NO_STORE = {"Cache-Control": "private, no-store"}


def _now(request: Request) -> datetime:
    clock: Callable[[], datetime] | None = getattr(request.app.state, "contest_clock", None)
    return (clock or review.clock_now)().astimezone(UTC)


def _json(model: Any, status_code: int = 200) -> Response:
    return Response(model.model_dump_json(), status_code=status_code,
                    media_type="application/json", headers=_JSON_NO_STORE)


def _officer_only(principal: Principal, what: str) -> None:
    if principal.role != "officer":
        raise ProblemError(403, f"Only officers can {what}, and only for themselves.")


#: Reading the force's replies to what was sent: the member's `read` scope or `receive`.
_REPLIES = frozenset({"read", "receive"})


def _may_send(principal: Principal) -> None:
    """Officers send for themselves; a representative only under a mandate with `act`."""
    if principal.role == "officer":
        return
    if principal.role == "representative" and any("act" in m.scope
                                                   for m in principal.mandates):
        return
    raise ProblemError(403, "Only officers, and representatives acting for a member under "
                            "a mandate that lets them act, can upload files and send "
                            "challenges and requests.")


def _actor(principal: Principal, token: str) -> tuple[str, intake.Actor | None]:
    """Whose submission this is (the member's id) and who acts, from who signs in."""
    if principal.role == "officer":
        return principal.officer_id, None
    _may_send(principal)
    try:
        claimed = unverified_payload(token)
    except ProtocolError as error:
        raise ProblemError(422, f"The submission cannot be accepted: {error}") from None
    member = claimed.get("officer_id")
    held = principal.mandate_for(member) if isinstance(member, str) else None
    if held is None:
        # As for an officer he never represented: nothing said about who exists.
        raise ProblemError(404, NOT_AVAILABLE)
    if "act" not in held.scope:
        scope = ", ".join(s for s in ("read", "act", "receive") if s in held.scope)
        raise ProblemError(403, f"Your mandate {held.reference} from {held.name} lets you "
                                f"{scope} only; sending for the member needs a mandate "
                                "that lets you act. Ask the member to grant one.")
    return held.officer_id, intake.Actor(principal.officer_id, principal.name, held.reference)


def _reviewer_only(principal: Principal) -> str:
    if principal.role != "reviewer":
        raise ProblemError(403, "Only Professional Standards reviewers can do this.")
    return f"{principal.name} ({principal.username})"


@router.get("/server-key", response_model=cw.ServerKey, responses=_errors(500),
            summary="The force's receipt-signing key, to pin on first use")
def get_server_key(request: Request) -> Response:
    return Response(keys.server_key(engine_of(request)).model_dump_json(),
                    media_type="application/json", headers={"Cache-Control": "no-cache"})


@router.post("/keys", response_model=cw.KeyRecord, status_code=201,
             responses={200: {"description": "This key was already registered to you.",
                              "content": {"application/json": {"schema": {
                                  "$ref": "#/components/schemas/KeyRecord"}}}},
                        **_errors(409, *_WITH_BODY)},
             summary="Register this device's signing key")
def register_key(request: Request, principal: CurrentPrincipal,
                 body: cw.KeyRegistration) -> Response:
    if principal.role not in ("officer", "representative"):
        raise ProblemError(403, "Only officers and their representatives register signing "
                                "keys.")
    record, created = keys.register_key(engine_of(request), principal.officer_id, body,
                                            _now(request))
    return _json(record, 201 if created else 200)


@router.get("/keys", response_model=cw.KeyList, responses=_errors(*_COMMON),
            summary="The caller's registered keys")
def list_keys(request: Request, principal: CurrentPrincipal) -> Response:
    return _json(keys.list_keys(engine_of(request), principal.officer_id))


@router.post("/keys/{key_id}/revoke", response_model=cw.KeyRecord,
             responses=_errors(404, *_COMMON), summary="Revoke one of the caller's keys")
def revoke_key(request: Request, principal: CurrentPrincipal, key_id: KeyIdPath) -> Response:
    return _json(keys.revoke_key(engine_of(request), principal.officer_id, key_id,
                                     _now(request)))


@router.put(
    "/attachments/{sha256}", status_code=204, responses=_errors(415, *_COMMON),
    summary="Upload a file a submission will attach, addressed by its SHA-256",
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
)
async def put_attachment(request: Request, principal: CurrentPrincipal,
                         sha256: Sha256Path) -> Response:
    _may_send(principal)
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/octet-stream":
        raise ProblemError(415, "Send the file as application/octet-stream.")
    data = await request.body()
    await run_in_threadpool(intake.put_attachment, engine_of(request), principal.officer_id,
                            sha256, data, _now(request))
    return Response(status_code=204)


@router.post("/submissions", response_model=cw.SubmissionAccepted, status_code=201,
             responses={200: {"description": "A retry: the receipt first issued, unchanged.",
                              "content": {"application/json": {"schema": {
                                  "$ref": "#/components/schemas/SubmissionAccepted"}}}},
                        **_errors(409, *_WITH_BODY)},
             summary="Send a signed challenge, subject-access request or complaint")
def submit(request: Request, principal: CurrentPrincipal, body: cw.SubmissionRequest,
           idempotency_key: IdempotencyKey) -> Response:
    officer_id, actor = _actor(principal, body.submission)
    accepted = intake.submit(engine_of(request), officer_id, body.submission,
                             idempotency_key, _now(request), actor)
    answer = cw.SubmissionAccepted(reference=accepted.reference, receipt=accepted.receipt)
    return _json(answer, 201 if accepted.created else 200)


@router.get("/officers/{officer_id}/submissions", response_model=cw.SubmissionList,
            responses={304: {"description": "Not modified since the ETag given."},
                       **_errors(404, *_COMMON)},
            summary="The officer's challenges and requests, and where each stands")
def officer_submissions(request: Request, principal: CurrentPrincipal,
                        officer_id: OfficerId) -> Response:
    engine = authorise(request, principal, officer_id, _REPLIES)
    record_read(request, principal, officer_id, "challenges and requests")
    return etagged(request, review.list_submissions(engine, officer_id).model_dump_json())


@router.get("/officers/{officer_id}/submissions/{reference}/response",
            response_model=cw.SarResponse, responses=_errors(404, *_COMMON),
            summary="The force's signed answer to a subject-access request")
def sar_response(request: Request, principal: CurrentPrincipal, officer_id: OfficerId,
                 reference: ReferencePath) -> Response:
    engine = authorise(request, principal, officer_id, _REPLIES)
    answer = review.response(engine, officer_id, reference)
    record_read(request, principal, officer_id, f"answer to {answer.reference}")
    return _json(answer)


# --------------------------------------------------------------------------- the log

LogSize = Annotated[int, Query(ge=0, le=rl.MAX_TREE_SIZE, description="A size of the log.")]
_LOG_WORDS: dict[int | str, dict[str, Any]] = {
    404: {"description": "The force never signed a tree head of that size.",
          "content": problem_content()}}


@router.get("/log/tree-head", response_model=rl.TreeHeadAnswer,
            responses={**_LOG_WORDS, **_errors(*_COMMON)},
            summary="The force's newest signed tree head of its log of receipts, or the one "
                    "it signed at tree_size")
def log_tree_head(request: Request, _principal: CurrentPrincipal,
                  tree_size: Annotated[int | None, Query(ge=0, le=rl.MAX_TREE_SIZE)] = None,
                  ) -> Response:
    return _json(receipt_log.tree_head(engine_of(request), tree_size))


@router.get("/log/inclusion", response_model=rl.InclusionAnswer, responses=_errors(*_COMMON),
            summary="The audit path of one receipt in the log of tree_size (RFC 9162 2.1.3)")
def log_inclusion(request: Request, _principal: CurrentPrincipal, leaf_index: LogSize,
                  tree_size: LogSize) -> Response:
    return _json(receipt_log.inclusion(engine_of(request), leaf_index, tree_size))


@router.get("/log/consistency", response_model=rl.ConsistencyAnswer,
            responses=_errors(*_COMMON),
            summary="Proof that the log of `second` receipts extends the log of `first` "
                    "(RFC 9162 2.1.4)")
def log_consistency(request: Request, _principal: CurrentPrincipal, first: LogSize,
                    second: LogSize) -> Response:
    return _json(receipt_log.consistency(engine_of(request), first, second))


# --------------------------------------------------------------------------- mandates


@router.get("/representatives", response_model=mw.RepresentativeList,
            responses=_errors(*_COMMON), summary="The force's Federation representatives")
def list_representatives(request: Request, _principal: CurrentPrincipal) -> Response:
    return _json(mandates.representatives(engine_of(request)))


@router.post("/mandates", response_model=mw.MandateAccepted, status_code=201,
             responses=_errors(409, *_COMMON),
             summary="Register a mandate the member signed for a representative")
def grant_mandate(request: Request, principal: CurrentPrincipal,
                  body: mw.MandateGrant) -> Response:
    _officer_only(principal, "grant a mandate")
    return _json(mandates.grant(engine_of(request), principal.officer_id, body.mandate,
                                _now(request)), 201)


@router.get("/mandates", response_model=mw.MandateList, responses=_errors(*_COMMON),
            summary="Mandates the officer granted, or the representative holds now")
def list_mandates(request: Request, principal: CurrentPrincipal) -> Response:
    # Whether a mandate is current is judged by the wall clock, as for every request.
    return _json(mandates.list_mandates(engine_of(request), principal.officer_id,
                                        principal.role, datetime.now(UTC)))


@router.post("/mandates/{reference}/revoke", response_model=mw.MandateAccepted,
             responses=_errors(404, 409, *_COMMON),
             summary="End a mandate by the member's signed revocation, at once")
def revoke_mandate(request: Request, principal: CurrentPrincipal, reference: MandatePath,
                   body: mw.MandateRevocationRequest) -> Response:
    if principal.role != "officer":
        raise ProblemError(404, mandates.MANDATE_NOT_AVAILABLE)
    return _json(mandates.revoke(engine_of(request), principal.officer_id, reference,
                                 body.revocation, _now(request)))


# ----------------------------------------------------------------------------- review


@router.get("/review/submissions", response_model=cw.SubmissionList,
            responses=_errors(*_COMMON), summary="Every submission, for reviewers")
def review_list(request: Request, principal: CurrentPrincipal) -> Response:
    _reviewer_only(principal)
    engine = engine_of(request)
    listing = review.list_submissions(engine)
    # Listed first, then logged: every officer shown is among those logged.
    log_views(engine, principal, review.officers_with_submissions(engine),
              "challenges and requests (the reviewers' list of every submission)")
    return _json(listing)


_REVIEW_ERRORS = _errors(404, 409, *_COMMON)
_REVIEW_BODY_ERRORS = _errors(404, 409, *_WITH_BODY)


@router.post("/review/submissions/{reference}/acknowledge", response_model=cw.SubmissionStatus,
             responses=_REVIEW_ERRORS, summary="Acknowledge a submission")
def review_acknowledge(request: Request, principal: CurrentPrincipal,
                       reference: ReferencePath) -> Response:
    reviewer = _reviewer_only(principal)
    return _json(review.acknowledge(engine_of(request), reference, _now(request), reviewer))


@router.post("/review/submissions/{reference}/clarify", response_model=cw.SubmissionStatus,
             responses=_REVIEW_BODY_ERRORS, summary="Ask the officer to clarify (pauses the clock)")
def review_clarify(request: Request, principal: CurrentPrincipal, reference: ReferencePath,
                   body: cw.ClarifyRequest) -> Response:
    reviewer = _reviewer_only(principal)
    return _json(review.clarify(engine_of(request), reference, body.note, _now(request),
                                  reviewer))


@router.post("/review/submissions/{reference}/extend", response_model=cw.SubmissionStatus,
             responses=_REVIEW_BODY_ERRORS, summary="Extend by two months, with reasons (once)")
def review_extend(request: Request, principal: CurrentPrincipal, reference: ReferencePath,
                  body: cw.ExtendRequest) -> Response:
    reviewer = _reviewer_only(principal)
    return _json(review.extend(engine_of(request), reference, body.reasons, _now(request),
                                 reviewer))


@router.post("/review/submissions/{reference}/outcome", response_model=cw.SubmissionStatus,
             responses=_REVIEW_BODY_ERRORS,
             summary="Decide a challenge (and update its flag) or answer a complaint")
def review_outcome(request: Request, principal: CurrentPrincipal, reference: ReferencePath,
                   body: cw.OutcomeRequest) -> Response:
    reviewer = _reviewer_only(principal)
    return _json(review.record_outcome(engine_of(request), reference, body.outcome,
                                         body.reasons, body.flag_status, _now(request),
                                         reviewer))


@router.post("/review/submissions/{reference}/fulfil", response_model=cw.SubmissionStatus,
             responses=_REVIEW_ERRORS, summary="Answer a SAR with a signed response package")
def review_fulfil(request: Request, principal: CurrentPrincipal,
                  reference: ReferencePath) -> Response:
    reviewer = _reviewer_only(principal)
    return _json(review.fulfil(engine_of(request), reference, _now(request), reviewer))


class BodySizeLimitByPath:
    """The server's body limit, raised for attachment uploads only."""

    def __init__(self, app: ASGIApp) -> None:
        self.default = BodySizeLimit(app)
        self.attachments = BodySizeLimit(app, limit=cw.MAX_ATTACHMENT_UPLOAD_BYTES,
                                         what="Attachments")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        chosen = self.attachments if path.startswith("/v1/attachments/") else self.default
        await chosen(scope, receive, send)
