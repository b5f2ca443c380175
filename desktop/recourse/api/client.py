"""The HTTP client to the force's Recourse API.

Every call goes through one path (`_exchange`, built from the pieces in `exchange`):
verified TLS (see `transport`), a timeout on connect and on every read plus an overall
deadline, retries with exponential backoff for GET only, the body read as a bounded
stream, and then validation of the raw bytes against the wire model before anything is
returned. Every failure is raised as
one of the typed errors in `recourse.api.errors`.

Logs name the method, the endpoint and the outcome; never a token, an officer id or any
record content.
"""

from __future__ import annotations

import json as jsonlib
import logging
import random
import threading
import time
from collections.abc import Mapping
from typing import Any, Protocol, TypeVar, overload

import pydantic
import requests

from recourse.api.contest import ContestEndpoints
from recourse.api.errors import (
    ApiError,
    CertificateNotTrusted,
    NotFound,
    RequestCancelled,
    RequestRefused,
    ResponseInvalid,
    ServerError,
    ServerUnreachable,
    SignedOut,
)
from recourse.api.exchange import (
    Reply,
    abort_on,
    endpoint_name,
    is_json,
    parse_retry_after,
    path_segment,
    problem_detail,
    read_bounded,
)
from recourse.api.transport import check_address, secure_session
from recourse.protocol import changes_wire as chw
from recourse.protocol import wire
from recourse.protocol.canonical import (
    JsonLimits,
    JsonNumberTooLong,
    JsonTooDeep,
    JsonTooLarge,
    JsonTooManyValues,
    StrictJsonError,
    loads_bounded,
)

log = logging.getLogger(__name__)

MiB = 1024 * 1024
#: Error bodies are read only this far: a problem document is small.
_MAX_PROBLEM_BYTES = 64 * 1024
_MAX_ETAG_LENGTH = 512
_RETRYABLE_STATUS = frozenset({502, 503, 504})

M = TypeVar("M", bound=pydantic.BaseModel)


def _json_problem(exc: StrictJsonError) -> str:
    """What was wrong with a JSON answer, in words (never its content)."""
    if isinstance(exc, JsonTooLarge):  # pragma: no cover - the read stops first
        return "the answer was larger than Recourse accepts"
    if isinstance(exc, JsonTooDeep):
        return "the answer was nested deeper than any real answer"
    if isinstance(exc, JsonNumberTooLong):
        return "the answer held a number longer than any real value"
    if isinstance(exc, JsonTooManyValues):
        return "the answer held more items than Recourse accepts"
    return "it was not plain, unambiguous JSON (a repeated field, NaN or a broken text)"


class TokenProvider(Protocol):
    """Where the client gets its bearer token (see `recourse.api.signin.TokenManager`)."""

    def access_token(self) -> str:
        """A current access token, renewed first if it is about to expire.

        Raises `SignedOut` when there is none and it cannot be renewed."""
        ...

    def access_token_rejected(self, rejected: str) -> str:
        """The server answered 401 to `rejected`: renew (unless another caller already
        has) and return the new token. Raises `SignedOut` when renewal fails."""
        ...


class ApiClient(ContestEndpoints):
    """Typed calls to the Recourse API; see the module docstring for the guarantees."""

    def __init__(
        self,
        base_url: str,
        tokens: TokenProvider | None,
        *,
        ca_bundle: str | None = None,
        pinned_spki_sha256: str | None = None,
        timeout: tuple[float, float] = (5, 30),
        max_response_bytes: int = 64 * MiB,
        max_duration: float = 300.0,
        retries: int = 3,
        backoff: float = 0.5,
        max_retry_after: float = 30.0,
    ) -> None:
        check_address(base_url)
        self.base_url = base_url.rstrip("/")
        self._tokens = tokens
        self._timeout = timeout
        self._max_bytes = max_response_bytes
        self._max_duration = max_duration
        self._retries = retries
        self._backoff = backoff
        self._max_retry_after = max_retry_after
        self._session = secure_session(
            ca_bundle=ca_bundle, pinned_spki_sha256=pinned_spki_sha256
        )
        self._session.headers.update(
            {"Accept": "application/json", "User-Agent": "Recourse-desktop/0.1"}
        )

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- endpoints -----------------------------------------------------------------

    # Every call that sync makes takes `cancel`: setting the event from another thread
    # closes the connection in use and the call raises RequestCancelled at once.

    def me(self, *, cancel: threading.Event | None = None) -> wire.Me:
        return self._get_model("/v1/me", wire.Me, cancel=cancel)

    def feed(
        self,
        officer_id: str,
        category: wire.Category,
        cursor: str | None,
        limit: int | None = None,
        *,
        with_remaining: bool = False,
        cancel: threading.Event | None = None,
    ) -> tuple[wire.FeedPage, int]:
        """One page of the change feed, and the number of bytes it took (for progress).

        `with_remaining` asks the server to count the changes after this page too
        (`page.remaining`); the count costs the server a scan, so ask on a first page."""
        if category not in wire.CATEGORIES:
            raise ValueError(f"unknown category {category!r}")
        params: dict[str, str] = {}
        if cursor is not None:
            params["cursor"] = cursor
        if limit is not None:
            params["limit"] = str(limit)
        if with_remaining:
            params["with_remaining"] = "true"
        path = f"/v1/officers/{path_segment(officer_id)}/feed/{category}"
        most = min(self._max_bytes, wire.MAX_FEED_PAGE_BYTES)
        reply = self._exchange(
            "GET", path, params=params, endpoint="feed", cancel=cancel, max_bytes=most
        )
        self._raise_for_status(reply)
        # A page with more changes than any page may hold is refused from its bytes,
        # before a single change becomes an object.
        limits = JsonLimits(max_bytes=most, max_members_at=(2, wire.MAX_PAGE_SIZE))
        page = self._validate(reply, wire.FeedPage, limits)
        if page.category != category:
            raise ResponseInvalid("a page of the wrong category came back")
        return page, len(reply.body)

    def flags(
        self, officer_id: str, etag: str | None = None, *, cancel: threading.Event | None = None
    ) -> tuple[wire.FlagList | None, str | None]:
        """The officer's flags, or (None, etag) when unchanged since `etag`."""
        path = f"/v1/officers/{path_segment(officer_id)}/flags"
        return self._get_cached(path, wire.FlagList, etag, endpoint="flags", cancel=cancel)

    def flag(
        self, officer_id: str, flag_id: str, *, cancel: threading.Event | None = None
    ) -> wire.FlagDetail:
        path = f"/v1/officers/{path_segment(officer_id)}/flags/{path_segment(flag_id)}"
        return self._get_model(path, wire.FlagDetail, endpoint="flag", cancel=cancel)

    def access_log(
        self, officer_id: str, etag: str | None = None, *, cancel: threading.Event | None = None
    ) -> tuple[wire.AccessLog | None, str | None]:
        path = f"/v1/officers/{path_segment(officer_id)}/access-log"
        return self._get_cached(path, wire.AccessLog, etag, endpoint="access-log", cancel=cancel)

    def rules(
        self, etag: str | None = None, *, cancel: threading.Event | None = None
    ) -> tuple[wire.RuleCatalogue | None, str | None]:
        return self._get_cached(
            "/v1/rules", wire.RuleCatalogue, etag, endpoint="rules", cancel=cancel
        )

    def sources(
        self, etag: str | None = None, *, cancel: threading.Event | None = None
    ) -> tuple[wire.SourceCatalogue | None, str | None]:
        return self._get_cached(
            "/v1/sources", wire.SourceCatalogue, etag, endpoint="sources", cancel=cancel
        )

    def changes(
        self, officers: list[chw.OfficerCursors], *, cancel: threading.Event | None = None
    ) -> chw.ChangesSummary:
        """What changed since these cursors, for each officer named, in one request."""
        query = chw.ChangesQuery(officers=officers)
        reply = self._exchange(
            "POST", "/v1/changes", body=query.model_dump_json().encode(),
            headers={"Content-Type": "application/json"}, endpoint="changes", cancel=cancel,
            reads_only=True,
        )
        self._raise_for_status(reply)
        summary = self._validate(reply, chw.ChangesSummary)
        if {o.officer_id for o in summary.officers} - {o.officer_id for o in officers}:
            raise ResponseInvalid("changes for an officer not asked about came back")
        return summary

    @overload
    def request_json(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        idempotency_key: str | None = None,
        model: type[M],
    ) -> M: ...

    @overload
    def request_json(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        idempotency_key: str | None = None,
        model: None,
    ) -> None: ...

    def request_json(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        idempotency_key: str | None = None,
        model: type[M] | None,
    ) -> M | None:
        """Any other endpoint: send `json` (if any) and validate the answer as `model`.

        Only GET is retried automatically; for a POST pass an `idempotency_key` and
        retry with the same key, so the server never acts twice."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        body = None
        if json is not None:
            body = jsonlib.dumps(json, ensure_ascii=False, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        reply = self._exchange(method.upper(), path, body=body, headers=headers)
        self._raise_for_status(reply)
        if model is None:
            return None
        return self._validate(reply, model)

    def get_cached(
        self, path: str, model: type[M], etag: str | None = None
    ) -> tuple[M | None, str | None]:
        """GET `path` with If-None-Match: (None, etag) when unchanged, else (model, etag)."""
        return self._get_cached(path, model, etag, endpoint=endpoint_name(path))

    def send_bytes(
        self,
        method: str,
        path: str,
        body: bytes,
        *,
        content_type: str = "application/octet-stream",
        idempotency_key: str | None = None,
        model: type[M] | None = None,
    ) -> M | None:
        """Send a raw body (an attachment...); validate the answer as `model` if given.

        Never retried automatically; the body is sent as it is, never logged."""
        headers = {"Content-Type": content_type}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        reply = self._exchange(method.upper(), path, body=body, headers=headers)
        self._raise_for_status(reply)
        return None if model is None else self._validate(reply, model)

    # --- plumbing -------------------------------------------------------------------

    def _get_model(
        self,
        path: str,
        model: type[M],
        *,
        endpoint: str | None = None,
        cancel: threading.Event | None = None,
    ) -> M:
        reply = self._exchange("GET", path, endpoint=endpoint, cancel=cancel)
        self._raise_for_status(reply)
        return self._validate(reply, model)

    def _get_cached(
        self,
        path: str,
        model: type[M],
        etag: str | None,
        *,
        endpoint: str,
        cancel: threading.Event | None = None,
    ) -> tuple[M | None, str | None]:
        headers = {"If-None-Match": etag} if etag else {}
        reply = self._exchange("GET", path, headers=headers, endpoint=endpoint, cancel=cancel)
        new_etag = reply.headers.get("ETag")
        if new_etag is not None and (
            len(new_etag) > _MAX_ETAG_LENGTH or not new_etag.isprintable()
        ):
            raise ResponseInvalid("the version tag was malformed")
        if reply.status == 304:
            if not etag:
                raise ResponseInvalid("'not modified' came back to a first request")
            return None, new_etag or etag
        self._raise_for_status(reply)
        return self._validate(reply, model), new_etag

    def _validate(self, reply: Reply, model: type[M], limits: JsonLimits | None = None) -> M:
        if reply.status not in (200, 201, 202):
            raise ResponseInvalid(f"unexpected status {reply.status}")
        if not is_json(reply.headers.get("Content-Type")):
            raise ResponseInvalid("the answer was not JSON")
        # The bounded reader first: depth, number length and value count are measured
        # before anything is parsed, and duplicate keys (which pydantic would settle by
        # keeping the last) are refused; then the strict model on the same bytes.
        try:
            loads_bounded(reply.body, limits or JsonLimits(max_bytes=self._max_bytes))
        except StrictJsonError as exc:
            log.warning("invalid %s response: %s", model.__name__, type(exc).__name__)
            raise ResponseInvalid(_json_problem(exc)) from None
        try:
            return model.model_validate_json(reply.body)
        except pydantic.ValidationError as exc:
            # Field locations and error types only: the input values may be records.
            where = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'][:4])}: {e['type']}"
                for e in exc.errors(include_input=False, include_url=False)[:3]
            )
            log.warning("invalid %s response: %s", model.__name__, where)
            raise ResponseInvalid("it did not match what Recourse expects") from None

    def _raise_for_status(self, reply: Reply) -> None:
        status = reply.status
        if 200 <= status < 300:
            return
        detail = problem_detail(reply)
        if status == 401:
            raise SignedOut(status=401)
        if status == 404:
            raise NotFound(detail)
        if 400 <= status < 500:
            raise RequestRefused(status, detail)
        if status >= 500:
            raise ServerError(status, detail)
        raise ResponseInvalid(f"unexpected status {status}")

    def _url(self, path: str) -> str:
        if not path.startswith("/") or path.startswith("//"):
            raise ValueError("path must be absolute on the API server")
        return self.base_url + path

    def _exchange(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        endpoint: str | None = None,
        cancel: threading.Event | None = None,
        max_bytes: int | None = None,
        reads_only: bool = False,
    ) -> Reply:
        """Send with retries and one renewal of the token on 401; return the reply.

        GET is retried; so is a POST that `reads_only` (a query too large for a URL).

        Raises ServerUnreachable, CertificateNotTrusted, ResponseInvalid, SignedOut, and
        RequestCancelled as soon as `cancel` is set (also while waiting to retry)."""
        url = self._url(path)
        endpoint = endpoint or endpoint_name(path)
        idempotent = method == "GET" or reads_only
        attempt = 0
        renewed = False
        while True:
            if cancel is not None and cancel.is_set():
                raise RequestCancelled()
            token = self._tokens.access_token() if self._tokens is not None else None
            started = time.monotonic()
            try:
                # The whole exchange, headers included, within max_duration of its start.
                with abort_on(cancel, deadline=started + self._max_duration):
                    reply = self._once(
                        method, url, params, body, headers, token, cancel, max_bytes
                    )
            except ApiError as exc:
                if cancel is not None and cancel.is_set():
                    log.info("%s %s: cancelled", method, endpoint)
                    raise RequestCancelled() from None
                if not isinstance(exc, ServerUnreachable):
                    raise
                log.info("%s %s: unreachable (%s)", method, endpoint, type(exc.__cause__).__name__)
                if idempotent and attempt < self._retries:
                    self._pause(self._backoff_delay(attempt), cancel)
                    attempt += 1
                    continue
                raise
            log.info(
                "%s %s: %d, %d bytes in %.2f s",
                method, endpoint, reply.status, len(reply.body), time.monotonic() - started,
            )
            if reply.status == 401 and token is not None and not renewed:
                assert self._tokens is not None
                self._tokens.access_token_rejected(token)
                renewed = True
                continue
            if idempotent and attempt < self._retries:
                delay = self._retry_delay(reply, attempt)
                if delay is not None:
                    self._pause(delay, cancel)
                    attempt += 1
                    continue
            return reply

    def _once(
        self,
        method: str,
        url: str,
        params: Mapping[str, str] | None,
        body: bytes | None,
        headers: Mapping[str, str] | None,
        token: str | None,
        cancel: threading.Event | None = None,
        max_bytes: int | None = None,
    ) -> Reply:
        all_headers = dict(headers or {})
        if token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        deadline = time.monotonic() + self._max_duration
        try:
            response = self._session.request(
                method,
                url,
                params=params,
                data=body,
                headers=all_headers,
                timeout=self._timeout,
                stream=True,
                allow_redirects=False,
            )
        except ApiError:
            raise
        except requests.exceptions.SSLError as exc:
            raise CertificateNotTrusted() from exc
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
            raise ServerUnreachable() from exc
        except requests.exceptions.RequestException as exc:
            raise ServerUnreachable() from exc
        with response:
            most = self._max_bytes if max_bytes is None else max_bytes
            limit = most if response.status_code < 400 else _MAX_PROBLEM_BYTES
            data = read_bounded(
                response, limit, deadline, strict=response.status_code < 400, cancel=cancel
            )
            return Reply(response.status_code, response.headers, data)

    def _retry_delay(self, reply: Reply, attempt: int) -> float | None:
        """Seconds to wait before retrying this reply, or None not to retry it."""
        if reply.status not in _RETRYABLE_STATUS and reply.status != 429:
            return None
        retry_after = parse_retry_after(reply.headers.get("Retry-After"))
        if reply.status == 429 and retry_after is None:
            return None
        if retry_after is not None:
            # A server asking for a long wait gets its answer now, not a frozen client.
            return retry_after if retry_after <= self._max_retry_after else None
        return self._backoff_delay(attempt)

    def _backoff_delay(self, attempt: int) -> float:
        return float(self._backoff * (2**attempt) * (0.5 + random.random() / 2))

    @staticmethod
    def _sleep(seconds: float) -> None:
        time.sleep(seconds)

    def _pause(self, seconds: float, cancel: threading.Event | None) -> None:
        """Wait before a retry; a cancel ends the wait and the request."""
        if cancel is None:
            self._sleep(seconds)
        elif cancel.wait(seconds):
            raise RequestCancelled()
