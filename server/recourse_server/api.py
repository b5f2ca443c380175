"""The versioned JSON API under /v1.

Response bodies are composed from the JSON text stored in the database: the feed joins
stored change documents into a page, so serving a page costs one indexed range scan and
a string join, and memory stays bounded by the page size. The declared response models
(the shared wire models) generate the OpenAPI contract.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import json
import re
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, and_, insert, select
from starlette.concurrency import run_in_threadpool

from recourse.protocol import wire

from . import db
from .auth import AuthError, Principal, TokenVerifier, may_read
from .problems import PROBLEM_MEDIA_TYPE, ProblemError

_bearer = HTTPBearer(auto_error=False, description="An access token from the issuer.")

#: Same words for "no such officer" and "not yours", so nothing leaks about who exists.
NOT_AVAILABLE = "No officer with this id is available to you."
FLAG_NOT_AVAILABLE = "No flag with this id is available to you."
#: A viewer's repeated reads of the same thing within this window are logged once.
ACCESS_LOG_DEDUP_SECONDS = 15 * 60

#: Feed pages this large are gzipped for clients that accept it. A page of 1,000 pings
#: (~230 KB) shrinks about twelvefold at level 1 for ~2 ms of CPU, which pays on any link
#: slower than a few hundred Mbit/s; higher levels cost several times more for ~20% less.
GZIP_MIN_BYTES = 16 * 1024
GZIP_LEVEL = 1

_CURSOR = re.compile(r"^s(\d{1,18})$")

OfficerId = Annotated[str, Path(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9_.:\-]+$",
                                description="The officer's id.")]
FlagId = Annotated[str, Path(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9_.:\-]+$",
                             description="The flag's id.")]


def problem_content() -> dict[str, Any]:
    return {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    words = {
        400: "The request is not valid (for example a damaged cursor).",
        401: "No valid access token.",
        403: "Signed in, but no account on this server.",
        404: "No such officer or flag available to you.",
        413: "The request body is too large.",
        422: "A parameter is not valid.",
        500: "Server error.",
    }
    return {code: {"description": words[code], "content": problem_content()} for code in codes}


_COMMON = (401, 403, 413, 422, 500)
_NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified since the ETag given in If-None-Match."}
}

router = APIRouter(prefix="/v1", tags=["v1"])


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    challenge = 'Bearer realm="recourse"'
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ProblemError(401, "You are not signed in. Sign in to continue.",
                           {"WWW-Authenticate": challenge})
    verifier: TokenVerifier = request.app.state.verifier
    raw = credentials.credentials
    try:
        # Checking a token against keys in hand and an account in SQLite is in-process
        # CPU work: a hop to a worker thread and back would only add to it (one GIL).
        if verifier.is_cheap(raw):
            return verifier.principal(raw)
        return await run_in_threadpool(verifier.principal, raw)
    except AuthError as error:
        headers = {"WWW-Authenticate": f'{challenge}, error="invalid_token"'}
        if error.status == 403:
            headers = {}
        raise ProblemError(error.status, error.detail, headers) from None


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def engine_of(request: Request) -> Engine:
    return request.app.state.engine  # type: ignore[no-any-return]


def _now() -> tuple[str, float]:
    now = datetime.now(UTC)
    return now.isoformat().replace("+00:00", "Z"), now.timestamp()


_VIEWER_ROLE_WORDS = {
    "representative": "Police Federation representative",
    "reviewer": "Professional Standards reviewer",
}
_VIEWER_REASONS = {
    "reviewer": "Professional Standards review of the officer's data.",
}


def _reason(principal: Principal, officer_id: str) -> str:
    held = principal.mandate_for(officer_id)
    if principal.role == "representative" and held is not None:
        return f"Acting for the officer under their signed mandate {held.reference}."
    return _VIEWER_REASONS.get(principal.role, "Viewed through the Recourse API.")


def _log_view(engine: Engine, principal: Principal, officer_id: str, what: str) -> None:
    """Record that someone other than the officer looked at the officer's data."""
    viewed_at, epoch = _now()
    viewer = f"{principal.name} ({principal.username})"
    reason = _reason(principal, officer_id)
    log = db.access_log.c
    with engine.begin() as conn:
        recent = conn.execute(
            select(log.seq).where(and_(
                log.officer_id == officer_id, log.viewer == viewer, log.what == what,
                log.reason == reason, log.viewed_epoch > epoch - ACCESS_LOG_DEDUP_SECONDS,
            )).limit(1)
        ).first()
        if recent is not None:
            return
        conn.execute(insert(db.access_log), {
            "entry_id": f"view-{uuid.uuid4().hex}", "officer_id": officer_id,
            "viewed_at": viewed_at, "viewed_epoch": epoch, "viewer": viewer,
            "viewer_role": _VIEWER_ROLE_WORDS.get(principal.role, principal.role),
            "reason": reason,
            "what": what[:200],
        })


def log_views(engine: Engine, principal: Principal, officer_ids: Iterable[str],
              what: str) -> None:
    """Record a read that showed several officers' data in each one's access log."""
    for officer_id in officer_ids:
        if officer_id != principal.officer_id:
            _log_view(engine, principal, officer_id, what)


def authorise(request: Request, principal: Principal, officer_id: str,
              scopes: frozenset[str] = frozenset({"read"})) -> Engine:
    """The engine, if `principal` may read `officer_id`'s data; else the 404 that a
    missing officer gets. Nothing is logged: `record_read` does, once data was found."""
    engine = engine_of(request)
    if not may_read(engine, principal, officer_id, scopes):
        raise ProblemError(404, NOT_AVAILABLE)
    return engine


def record_read(request: Request, principal: Principal, officer_id: str, what: str) -> None:
    """Write a read that returned data to the officer's access log, unless it was the
    officer's own. `what` is the server's own description, never text from the request."""
    if principal.officer_id != officer_id:
        _log_view(engine_of(request), principal, officer_id, what)


def authorise_and_record(request: Request, principal: Principal, officer_id: str,
                         what: str) -> Engine:
    engine = authorise(request, principal, officer_id)
    record_read(request, principal, officer_id, what)
    return engine


def etag_of(body: str) -> str:
    """The strong ETag of a JSON body, as `etagged` sends it (and `/v1/changes` reports)."""
    return '"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'


def etagged(request: Request, body: str) -> Response:
    """A JSON response with a strong ETag, or 304 when the client already has it."""
    encoded = body.encode()
    etag = etag_of(body)
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        # RFC 9110 §13.1.2: If-None-Match uses the weak comparison.
        candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        if etag in candidates or "*" in candidates:
            return Response(status_code=304, headers=headers)
    return Response(encoded, media_type="application/json", headers=headers)


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"s{seq}".encode()).rstrip(b"=").decode()


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, ValueError):
        raw = ""
    match = _CURSOR.match(raw)
    if match is None or encode_cursor(int(match.group(1))) != cursor:
        raise ProblemError(400, "The feed cursor is damaged or was not issued by this server. "
                                "Start the sync again without a cursor.")
    return int(match.group(1))


@router.get("/me", response_model=wire.Me, responses=_errors(*_COMMON),
            summary="Who the access token belongs to")
def me(principal: CurrentPrincipal) -> Response:
    body = wire.Me(
        officer_id=principal.officer_id, username=principal.username, name=principal.name,
        role=cast("wire.Role", principal.role),  # strict models: the mypy plugin asks
        force_number=principal.force_number, rank=principal.rank, unit=principal.unit,
        represents=[
            wire.RepresentedMember(
                officer_id=m.officer_id, name=m.name, force_number=m.force_number,
                rank=m.rank, mandate=m.reference, scope=[s for s in ("read", "act", "receive")
                                                         if s in m.scope],
                expires_at=datetime.fromisoformat(m.expires_at.replace("Z", "+00:00")))
            for m in principal.mandates
        ],
    )
    return Response(body.model_dump_json(), media_type="application/json",
                    headers={"Cache-Control": "private, no-store"})


@router.get(
    "/officers/{officer_id}/feed/{category}",
    response_model=wire.FeedPage,
    responses=_errors(400, 404, *_COMMON),
    summary="One page of the change feed of one category",
)
async def feed(
    request: Request,
    principal: CurrentPrincipal,
    officer_id: OfficerId,
    category: wire.Category,
    cursor: Annotated[str | None, Query(max_length=200,
                                        description="next_cursor of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=wire.MAX_PAGE_SIZE)] = wire.DEFAULT_PAGE_SIZE,
    with_remaining: Annotated[bool, Query(
        description="Also count the changes that follow this page (`remaining`). A count "
                    "over the whole rest of the feed: ask on the first page of a sync only."
    )] = False,
) -> Response:
    after = decode_cursor(cursor) if cursor else 0
    if principal.role != "officer" or principal.officer_id != officer_id:
        # Someone else's data: a database check and an access-log write, off the loop.
        await run_in_threadpool(authorise_and_record, request, principal, officer_id,
                                f"records: {category}")
    reader = feed_reader(request)
    # Reading SQLite is in-process CPU work that a worker thread would only slow down
    # (one GIL); a database across the network is waited for on a thread.
    if reader.in_process:
        rows = reader.page(officer_id, category, after, limit + 1)
    else:
        rows = await run_in_threadpool(reader.page, officer_id, category, after, limit + 1)
    has_more = len(rows) > limit
    del rows[limit:]
    last = rows[-1][0] if rows else after
    remaining = b""
    if with_remaining:
        if not has_more:
            count = 0
        elif reader.in_process:
            count = reader.remaining(officer_id, category, last)
        else:
            count = await run_in_threadpool(reader.remaining, officer_id, category, last)
        remaining = b',"remaining":' + str(count).encode()
    body = b"".join((
        b'{"category":', json.dumps(category).encode(), b',"changes":[',
        b",".join([row[1] for row in rows]), b'],"next_cursor":"',
        encode_cursor(last).encode(), b'","has_more":', b"true" if has_more else b"false",
        remaining, b"}",
    ))
    headers = {"Cache-Control": "private, no-store"}
    if len(body) >= GZIP_MIN_BYTES:
        headers["Vary"] = "Accept-Encoding"
        if accepts_gzip(request.headers.get("accept-encoding")):
            body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
            headers["Content-Encoding"] = "gzip"
    return Response(body, media_type="application/json", headers=headers)


def feed_reader(request: Request) -> db.FeedReader:
    state = request.app.state
    reader: db.FeedReader | None = getattr(state, "feed_reader", None)
    if reader is None:
        reader = state.feed_reader = db.FeedReader(state.engine)
    return reader


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether an Accept-Encoding header (RFC 9110 §12.5.3) allows gzip."""
    if not accept_encoding:
        return False
    wildcard = False
    for item in accept_encoding.split(","):
        coding, _, parameters = item.partition(";")
        coding = coding.strip().lower()
        if coding not in ("gzip", "x-gzip", "*"):
            continue
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value.strip())
                except ValueError:
                    quality = 0.0
        if coding == "*":
            wildcard = quality > 0
        else:
            return quality > 0
    return wildcard


_SUMMARY_FIELDS = tuple(wire.FlagSummary.model_fields)


@router.get("/officers/{officer_id}/flags", response_model=wire.FlagList,
            responses={**_NOT_MODIFIED, **_errors(404, *_COMMON)},
            summary="The flags raised against the officer")
def flag_list(request: Request, principal: CurrentPrincipal, officer_id: OfficerId) -> Response:
    engine = authorise_and_record(request, principal, officer_id, "flags")
    return etagged(request, flag_list_body(engine, officer_id))


def flag_list_body(engine: Engine, officer_id: str) -> str:
    f = db.flags.c
    with engine.connect() as conn:
        bodies = conn.execute(
            select(f.body).where(f.officer_id == officer_id).order_by(f.raised_at, f.flag_id)
        ).scalars().all()
    summaries = []
    for text in bodies:
        flag = json.loads(text)
        summaries.append({name: flag[name] for name in _SUMMARY_FIELDS if name in flag})
    return json.dumps({"flags": summaries}, separators=(",", ":"))


@router.get("/officers/{officer_id}/flags/{flag_id}", response_model=wire.FlagDetail,
            responses={**_NOT_MODIFIED, **_errors(404, *_COMMON)},
            summary="One flag with its full provenance")
def flag_detail(request: Request, principal: CurrentPrincipal, officer_id: OfficerId,
                flag_id: FlagId) -> Response:
    engine = authorise(request, principal, officer_id)
    f = db.flags.c
    with engine.connect() as conn:
        row = conn.execute(
            select(f.flag_id, f.body).where(f.officer_id == officer_id, f.flag_id == flag_id)
        ).first()
    if row is None:
        raise ProblemError(404, FLAG_NOT_AVAILABLE)
    record_read(request, principal, officer_id, f"flag {row[0]}")
    return etagged(request, row[1])


@router.get("/officers/{officer_id}/access-log", response_model=wire.AccessLog,
            responses={**_NOT_MODIFIED, **_errors(404, *_COMMON)},
            summary="Who in the force looked at the officer's data")
def access_log(request: Request, principal: CurrentPrincipal,
               officer_id: OfficerId) -> Response:
    engine = authorise_and_record(request, principal, officer_id, "access log")
    return etagged(request, access_log_body(engine, officer_id))


def access_log_body(engine: Engine, officer_id: str) -> str:
    a = db.access_log.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(a.entry_id, a.viewed_at, a.viewer, a.viewer_role, a.reason, a.what)
            .where(a.officer_id == officer_id)
            .order_by(a.viewed_epoch, a.seq)
        ).all()
    entries = [
        {"id": r[0], "viewed_at": r[1], "viewer": r[2], "viewer_role": r[3], "reason": r[4],
         "what": r[5]}
        for r in rows
    ]
    return json.dumps({"entries": entries}, separators=(",", ":"))


#: The force's catalogues, by name, and what each is when none was loaded.
CATALOGUES = {"rules": '{"rules":[]}', "sources": '{"sources":[]}'}


def catalogue_body(engine: Engine, name: str) -> str:
    with engine.connect() as conn:
        body = conn.execute(
            select(db.documents.c.body).where(db.documents.c.name == name)
        ).scalar_one_or_none()
    return body or CATALOGUES[name]


@router.get("/rules", response_model=wire.RuleCatalogue,
            responses={**_NOT_MODIFIED, **_errors(*_COMMON)},
            summary="Every rule the force's analytics apply, with parameters")
def rules(request: Request, _principal: CurrentPrincipal) -> Response:
    return etagged(request, catalogue_body(engine_of(request), "rules"))


@router.get("/sources", response_model=wire.SourceCatalogue,
            responses={**_NOT_MODIFIED, **_errors(*_COMMON)},
            summary="Where each category of data comes from, its lawful basis and retention")
def sources(request: Request, _principal: CurrentPrincipal) -> Response:
    return etagged(request, catalogue_body(engine_of(request), "sources"))


