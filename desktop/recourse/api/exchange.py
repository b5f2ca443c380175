"""The pieces of one HTTP exchange with the force's servers, below `ApiClient`: a body
read as a bounded stream, a request in flight abandoned on cancel, problem documents,
Retry-After, and path segments and endpoint names (ids never reach a log)."""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit

import pydantic
import requests
from requests.structures import CaseInsensitiveDict
from urllib3.exceptions import IncompleteRead, ProtocolError

from recourse.api.errors import (
    ApiError,
    RequestCancelled,
    ResponseInvalid,
    ResponseTooLarge,
    ServerUnreachable,
)
from recourse.api.transport import AbortScope
from recourse.protocol import wire

#: How often a cancellable request looks at its cancel event.
_CANCEL_POLL = 0.05


@dataclass(frozen=True)
class Reply:
    """A response as `ApiClient` sees it: status, headers and the whole (bounded) body."""

    status: int
    headers: CaseInsensitiveDict[str]
    body: bytes


@contextmanager
def abort_on(cancel: threading.Event | None, deadline: float | None = None) -> Iterator[None]:
    """While the body runs, a helper thread watches `cancel` and the wall-clock
    `deadline` (a `time.monotonic()` value) and, once either comes, shuts down the
    connection the request uses (see `transport.AbortScope`): a thread blocked
    connecting, waiting for headers or reading a slow body wakes at once. Past the
    deadline the body's error becomes ServerUnreachable ("too slowly"), whatever it was:
    a server dripping its headers or body a byte at a time is cut off on time."""
    if cancel is None and deadline is None:
        yield
        return
    finished = threading.Event()
    timed_out = threading.Event()
    with AbortScope() as scope:

        def watch() -> None:
            while not finished.is_set():
                if cancel is not None and cancel.is_set():
                    scope.abort()
                    return
                if deadline is not None and time.monotonic() >= deadline:
                    timed_out.set()
                    scope.abort()
                    return
                finished.wait(_CANCEL_POLL)

        watcher = threading.Thread(target=watch, name="recourse-api-cancel", daemon=True)
        watcher.start()
        try:
            yield
        except Exception as exc:
            if timed_out.is_set() and not (cancel is not None and cancel.is_set()):
                raise ServerUnreachable("The force's server is answering too slowly.") from exc
            raise
        finally:
            finished.set()
        if timed_out.is_set():
            # Cut off without an error (headers end where the connection was shut): what
            # was read may be any part of the answer, so none of it counts.
            raise ServerUnreachable("The force's server is answering too slowly.")


def read_bounded(
    response: requests.Response,
    limit: int,
    deadline: float,
    *,
    strict: bool,
    cancel: threading.Event | None = None,
) -> bytes:
    """Read the (decompressed) body, never more than `limit` bytes, before `deadline`.

    With `strict` False (error bodies) anything wrong just ends the read: the status
    code already says what happened."""
    declared = response.headers.get("Content-Length")
    if strict and declared is not None and declared.isdigit() and int(declared) > limit:
        raise ResponseTooLarge()  # before reading a byte of it
    data = bytearray()
    try:
        for chunk in response.iter_content(chunk_size=64 * 1024):
            data += chunk
            if len(data) > limit:
                if not strict:
                    return bytes(data[:limit])
                raise ResponseTooLarge()
            if time.monotonic() > deadline:
                raise ServerUnreachable(
                    "The force's server is answering too slowly.",
                )
            if cancel is not None and cancel.is_set():
                raise RequestCancelled()
    except ApiError:
        raise
    except requests.exceptions.ContentDecodingError as exc:
        if strict:
            raise ResponseInvalid("the answer could not be decompressed") from exc
    except requests.exceptions.ChunkedEncodingError as exc:
        if not strict:
            return bytes(data)
        if _caused_by(exc, IncompleteRead):
            raise ResponseInvalid("the answer was cut short") from exc
        raise ServerUnreachable("The connection to the force's server was lost.") from exc
    except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
        if not strict:
            return bytes(data)
        raise ServerUnreachable("The connection to the force's server was lost.") from exc
    except (ProtocolError, OSError) as exc:
        if not strict:
            return bytes(data)
        raise ServerUnreachable("The connection to the force's server was lost.") from exc
    return bytes(data)


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, kind):
            return True
        stack.extend([current.__cause__, current.__context__])
        stack.extend(a for a in current.args if isinstance(a, BaseException))
    return False


def is_json(content_type: str | None) -> bool:
    if not content_type:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def problem_detail(reply: Reply) -> str | None:
    """The problem's `detail` (or title), if the body is a valid problem document."""
    if not reply.body or not is_json(reply.headers.get("Content-Type")):
        return None
    try:
        problem = wire.Problem.model_validate_json(reply.body)
    except pydantic.ValidationError:
        return None
    text = problem.detail or problem.title
    # Shown to the officer as plain text: keep it to something readable.
    return " ".join(text.split())[:1000] or None


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def path_segment(value: str) -> str:
    """`value` as one path segment: '/' and every other reserved character escaped, so an
    identifier from the server can never step into another path."""
    if not value:
        raise ValueError("an identifier is empty")
    return quote(value, safe="")


def endpoint_name(path: str) -> str:
    """The first two segments of the path ('/v1/challenges'): ids stay out of logs."""
    segments = [s for s in urlsplit(path).path.split("/") if s]
    return "/" + "/".join(segments[:2]) + ("/…" if len(segments) > 2 else "")
