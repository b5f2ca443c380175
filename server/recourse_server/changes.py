"""`POST /v1/changes`: what changed since the client's cursors, for the caller or for
every member of a representative's caseload, in one request.

Each answer is what the per-resource endpoints would say now (the count of feed changes
after each cursor; the ETag each `GET` would send), so a client skips every request whose
answer it already holds. Someone else's data is checked and logged as any read of it is:
the count is a read of the member's data, so it is in the member's access log (once per
window, like every repeated read), and a member the caller may not see is `available:
false` with nothing else, as a 404 would say.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from recourse.protocol import changes_wire as chw
from recourse.protocol import wire

from . import db
from .api import (
    CurrentPrincipal,
    access_log_body,
    catalogue_body,
    decode_cursor,
    engine_of,
    etag_of,
    feed_reader,
    flag_list_body,
    problem_content,
    record_read,
)
from .auth import Principal, may_read
from .contest import review

router = APIRouter(prefix="/v1", tags=["sync"])

_READ = frozenset({"read"})
_REPLIES = frozenset({"read", "receive"})


def _officer_changes(request: Request, principal: Principal, asked: chw.OfficerCursors,
                     reader: db.FeedReader) -> chw.OfficerChanges:
    engine: Engine = engine_of(request)
    officer_id = asked.officer_id
    own = principal.role == "officer" and principal.officer_id == officer_id
    readable = own or may_read(engine, principal, officer_id, _READ)
    replies = readable or may_read(engine, principal, officer_id, _REPLIES)
    if not replies:
        return chw.OfficerChanges(officer_id=officer_id, available=False)
    etags: dict[chw.Resource, str] = {}
    changed: dict[wire.Category, int] = {}
    if readable:
        record_read(request, principal, officer_id, "what changed since the last sync "
                                                    "(counts only)")
        for category in wire.CATEGORIES:
            cursor = asked.cursors.get(category)
            count = reader.remaining(officer_id, category,
                                     decode_cursor(cursor) if cursor else 0)
            if count:
                changed[category] = count
        etags["flags"] = etag_of(flag_list_body(engine, officer_id))
        etags["access_log"] = etag_of(access_log_body(engine, officer_id))
    etags["submissions"] = etag_of(review.list_submissions(engine, officer_id)
                                   .model_dump_json())
    return chw.OfficerChanges(officer_id=officer_id, available=readable, changed=changed,
                              etags=etags)


def _summary(request: Request, principal: Principal,
             query: chw.ChangesQuery) -> chw.ChangesSummary:
    reader = feed_reader(request)
    seen: set[str] = set()
    answers = []
    for asked in query.officers:
        if asked.officer_id in seen:
            continue  # one answer per officer, however often named
        seen.add(asked.officer_id)
        answers.append(_officer_changes(request, principal, asked, reader))
    engine = engine_of(request)
    return chw.ChangesSummary(
        officers=answers,
        catalogues={name: etag_of(catalogue_body(engine, name)) for name in chw.CATALOGUES})


@router.post(
    "/changes", response_model=chw.ChangesSummary,
    responses={code: {"description": words, "content": problem_content()} for code, words in (
        (400, "A cursor that this server did not issue."),
        (401, "No valid access token."),
        (403, "Signed in, but no account on this server."),
        (413, "The request body is too large."),
        (422, "A query that is not a ChangesQuery."),
        (500, "Server error."),
    )},
    summary="What changed since these cursors, for the caller or a caseload, in one call")
async def changes(request: Request, principal: CurrentPrincipal,
                  query: chw.ChangesQuery) -> Response:
    summary = await run_in_threadpool(_summary, request, principal, query)
    return Response(summary.model_dump_json(), media_type="application/json",
                    headers={"Cache-Control": "private, no-store"})
