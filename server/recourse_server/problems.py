"""RFC 9457 problem details for every error the API returns, and the body size limit."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from recourse.protocol import wire

from .config import MAX_BODY_BYTES

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("recourse_server")

#: What a person reads when the code that raised the error gave no better words.
DEFAULT_DETAIL = {
    400: "The request could not be understood.",
    401: "You are not signed in, or your sign-in has expired. Sign in again.",
    403: "You are not allowed to do this.",
    404: "There is nothing at this address.",
    405: "This address does not accept that kind of request.",
    406: "The server cannot answer in a format the application accepts.",
    413: "The request is too large.",
    415: "The request body is in a format this address does not accept.",
    422: "The request is not valid.",
    429: "Too many requests. Wait a moment and try again.",
    500: "Something went wrong on the server. Your data is unchanged; try again later.",
}


class ProblemError(Exception):
    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}


def problem_response(status: int, detail: str | None = None,
                     headers: dict[str, str] | None = None) -> JSONResponse:
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    body = wire.Problem(title=title, status=status,
                        detail=(detail or DEFAULT_DETAIL.get(status, title))[:20_000])
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status,
                        media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _describe_validation(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors()[:5]:
        location = [str(p) for p in item.get("loc", ()) if p not in ("query", "path", "body")]
        where = " ".join(location) or "request"
        parts.append(f"{where}: {item.get('msg', 'is not valid')}")
    return "The request is not valid: " + "; ".join(parts) + "."


def install(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(_request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc.status, exc.detail, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail: str | None = exc.detail if isinstance(exc.detail, str) else None
        if detail == HTTPStatus(exc.status_code).phrase:
            detail = None  # Starlette's bare phrase says less than our default words
        return problem_response(exc.status_code, detail, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(422, _describe_validation(exc))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error: %s", type(exc).__name__)
        return problem_response(500)


def _mib(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MiB"


class BodySizeLimit:
    """Refuse request bodies over the limit with 413, declared or streamed.

    A body streamed without a Content-Length (chunked) is counted as it arrives. Past the
    limit the app's own answer, whatever it made of the cut-off body (FastAPI reads it as
    malformed JSON, a 400), is replaced by the 413: the true reason.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES,
                 what: str = "Requests") -> None:
        self.app = app
        self.limit = limit
        self.detail = f"The request is too large. {what} may be at most {_mib(limit)}."

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            # The HTTP parser has already refused anything but digits.
            if not declared.isdigit():
                await problem_response(400, "The Content-Length header is not a number.")(
                    scope, receive, send)
                return
            if int(declared) > self.limit:
                await problem_response(413, self.detail)(scope, receive, send)
                return
        received = 0
        exceeded = False
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    exceeded = True
                    raise _TooLarge(413, self.detail)
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal response_started
            if exceeded:
                if not response_started:
                    response_started = True
                    await problem_response(413, self.detail)(scope, receive, send)
                return  # the rest of the app's answer to a body it never fully had
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _TooLarge:
            pass
        if exceeded and not response_started:
            await problem_response(413, self.detail)(scope, receive, send)


class _TooLarge(ProblemError):
    pass


def problem_openapi_schema() -> dict[str, Any]:
    return wire.Problem.model_json_schema(ref_template="#/components/schemas/{model}")
