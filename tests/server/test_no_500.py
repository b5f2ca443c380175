"""No input produces a 5xx: hostile path and query parameters, bodies, content types,
headers and credentials thrown at every route of the app, signed in and not.

Every refusal must be a document a program can act on: RFC 9457 problem+json on the
API, the OAuth error JSON of RFC 6749 on the token endpoints, a page or a problem on the
browser's authorize endpoint. The routes are read from the app itself, so a route added
later is attacked too.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from recourse.protocol import wire

PROBLEM = "application/problem+json"

HOSTILE_SEGMENTS = [
    "x" * 10_000,  # huge
    "-1", "0", "99999999999999999999999999999999",  # negative and out of any range
    "ñandú-😀-\u202e-\u0000-\ufeff",  # unicode, bidi override, NUL, BOM
    "'; DROP TABLE changes; --", "<script>alert(1)</script>", "%00", "%ff%fe",
    "..", "../../etc/passwd", " ", "a b", "\\", "{officer_id}", "null", "[]", "{}",
    "off-1\r\nX-Injected: 1",
]

HOSTILE_QUERY_VALUES = [  # 12 names x 4,000 characters stays under httpx's URL limit
    "", "-1", "0", "5001", str(2**64), "1e309", "NaN", "abc", "x" * 4_000,
    "😀", "\u0000", "%", "[]", "c2", "s-1", "c99999999999999999999999999",
]

# Cursors that decode to something, or nearly: each must be a 400 or 422, never a crash.
HOSTILE_CURSORS = [
    base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    for raw in (b"s-1", b"s99999999999999999999", b"s1\x00", b"\xff\xfe", b"s", b"s1 ",
                b"s" + b"9" * 18, b"s0")
] + ["====", "czE=", "czE", "c\u00e9", "!!!!", "s1", "A" * 200, "A" * 201]

HOSTILE_BODIES: list[tuple[str, bytes]] = [
    ("application/json", b"{"),
    ("application/json", b"{\"a\": }"),
    ("application/json", b"null"),
    ("application/json", b"[]"),
    ("application/json", b"\"text\""),
    ("application/json", b"1e999999"),
    ("application/json", b"[" * 100_000 + b"]" * 100_000),  # nested past any recursion limit
    ("application/json", b"{\"a\":" * 50_000 + b"1" + b"}" * 50_000),
    ("application/json", "{\"😀\": \"\ud800\"}".encode("utf-8", "surrogatepass")),
    ("application/json", b"\xff\xfe\x00garbage"),
    ("application/json", json.dumps({"x" * 1000: ["y" * 1000] * 400}).encode()),
    ("text/plain", b"hello"),
    ("application/x-www-form-urlencoded", b"a=%zz&&=&b"),
    ("multipart/form-data; boundary=xyz", b"--xyz\r\nbroken"),
    ("application/octet-stream", b"\x00" * 1000),
    ("application/json; charset=utf-16", "{}".encode("utf-16")),
    ("", b"{}"),
]

BAD_AUTHORIZATION = [
    "", "Bearer", "Bearer ", "Bearer  ", "Basic dXNlcjpwYXNz", "bearer x.y.z", "Token abc",
    "Bearer " + "A" * 20_000,
    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJvZmYtMSJ9.",  # alg: none
    "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvZmYtMSJ9.c2lnbmF0dXJl",  # HMAC confusion
    "Bearer a.b.c", "Bearer ....", "Bearer \u00e9\u00e9", "Bearer %00",
    "Bearer " + base64.urlsafe_b64encode(b'{"alg":"ES256","kid":"' + b"k" * 5000 + b'"}')
    .decode() + ".e30.AA",
]


def _routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path template) of every route, found by walking the router tree."""

    def walk(routes: Any) -> Iterator[tuple[str, str]]:
        for route in routes:
            methods = getattr(route, "methods", None)
            path = getattr(route, "path", None)
            if methods and isinstance(path, str):
                for method in sorted(methods - {"HEAD"}):
                    yield method, path
            for attribute in ("original_router", "router", "app"):
                inner = getattr(route, attribute, None)
                if inner is not None and hasattr(inner, "routes"):
                    yield from walk(inner.routes)
                    break

    found = sorted(set(walk(app.router.routes)))
    assert len(found) >= 20, found  # the walk must see the included routers
    return found


def _fill(template: str, value: str) -> str:
    parts = template.split("/")
    return "/".join(quote(value, safe="") if p.startswith("{") else p for p in parts)


def _sane(template: str) -> str:
    """The route with plausible ids, so that the request reaches the handler."""
    values = {"officer_id": "off-1", "category": "logins", "flag_id": "flag-1",
              "reference": "CR-1", "key_id": "key-1", "sha256": "0" * 64}
    out = template
    for name, value in values.items():
        out = out.replace("{" + name + "}", value)
    return out.replace("{", "").replace("}", "")


def _check(response: Response, label: str) -> None:
    status = response.status_code
    assert status < 500, f"{label}: {status} {response.text[:500]}"
    if status < 400:
        return
    media = response.headers.get("content-type", "").split(";")[0].strip()
    path = response.request.url.path
    if media == PROBLEM:
        problem = wire.Problem.model_validate_json(response.content)
        assert problem.status == status and problem.title and problem.detail, label
    elif path in ("/oauth/token", "/oauth/revoke"):
        assert media == "application/json" and "error" in response.json(), label
    elif path == "/oauth/authorize":
        assert media == "text/html", label  # a page the person's browser shows
    else:
        raise AssertionError(f"{label}: {status} answered as {media!r}, not problem+json")


@pytest.fixture(scope="module")
def routes(client: TestClient) -> list[tuple[str, str]]:
    return _routes(client.app)  # type: ignore[arg-type]


def _auth_variants(headers: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    return [{}, headers["pc.one"], headers["psd.review"]]


def test_hostile_path_parameters(client: TestClient, headers, routes) -> None:
    for method, template in routes:
        if "{" not in template:
            continue
        for segment in HOSTILE_SEGMENTS:
            for auth in _auth_variants(headers):
                url = _fill(template, segment)
                _check(client.request(method, url, headers=auth),
                       f"{method} {url[:120]} auth={bool(auth)}")


def test_hostile_query_parameters(client: TestClient, headers, routes) -> None:
    names = ["cursor", "limit", "since", "client_id", "redirect_uri", "response_type",
             "state", "code_challenge", "code_challenge_method", "scope", "nonce", "x"]
    for method, template in routes:
        url = _sane(template)
        for value in HOSTILE_QUERY_VALUES:
            query = {name: value for name in names}
            _check(client.request(method, url, params=query, headers=headers["pc.one"]),
                   f"{method} {url} ?*={value[:40]!r}")
        # the same parameter many times over
        _check(client.request(method, url + "?" + "limit=1&" * 2000,
                              headers=headers["pc.one"]), f"{method} {url} repeated")


def test_feed_cursors_and_limits_out_of_range(client: TestClient, headers) -> None:
    url = "/v1/officers/off-1/feed/location_pings"
    for cursor in HOSTILE_CURSORS:
        response = client.get(url, params={"cursor": cursor}, headers=headers["pc.one"])
        _check(response, f"cursor {cursor[:40]!r}")
        # a few are well-formed cursors (s0, s1); the rest are refused as bad requests
        assert response.status_code in (200, 400, 422), cursor
    for limit in ("0", "-1", str(wire.MAX_PAGE_SIZE + 1), str(2**63), "1.5", "ten", ""):
        response = client.get(url, params={"limit": limit}, headers=headers["pc.one"])
        _check(response, f"limit {limit!r}")
        assert response.status_code == 422, limit
    # The smallest and largest pages still work, whatever Accept-Encoding says; a large
    # page is gzipped only for a client that accepts gzip, and inflates to the same page.
    pages = {}
    for encoding in ("gzip", "identity", "gzip;q=0, identity", "*;q=0.5", "x" * 20_000):
        for limit in (1, wire.MAX_PAGE_SIZE):
            page = client.get(url, params={"limit": limit},
                              headers={**headers["pc.one"], "Accept-Encoding": encoding})
            assert page.status_code == 200, encoding
            wire.FeedPage.model_validate_json(page.content)
            pages[encoding, limit] = page
    large = pages["gzip", wire.MAX_PAGE_SIZE]
    assert large.headers["content-encoding"] == "gzip"
    assert int(large.headers["content-length"]) < len(large.content) / 4
    assert pages["*;q=0.5", wire.MAX_PAGE_SIZE].headers["content-encoding"] == "gzip"
    for refused in ("identity", "gzip;q=0, identity", "x" * 20_000):
        plain = pages[refused, wire.MAX_PAGE_SIZE]
        assert "content-encoding" not in plain.headers, refused
        assert plain.content == large.content
    assert "content-encoding" not in pages["gzip", 1].headers  # too small to pay


def test_hostile_bodies_and_content_types(client: TestClient, headers, routes) -> None:
    for method, template in routes:
        if method not in ("POST", "PUT", "PATCH"):
            continue
        url = _sane(template)
        for content_type, body in HOSTILE_BODIES:
            for auth in _auth_variants(headers):
                request_headers = {**auth, "Idempotency-Key": "hostile-1"}
                if content_type:
                    request_headers["Content-Type"] = content_type
                _check(client.request(method, url, content=body, headers=request_headers),
                       f"{method} {url} {content_type!r} {body[:30]!r}")


def test_bad_authorization_headers(client: TestClient, routes) -> None:
    for method, template in routes:
        url = _sane(template)
        for value in BAD_AUTHORIZATION:
            # as raw bytes: a client may send any octets, not only ASCII
            response = client.request(method, url,
                                      headers={"Authorization": value.encode("utf-8")})
            _check(response, f"{method} {url} Authorization={value[:40]!r}")
            if url.startswith("/v1/") and url != "/v1/server-key":
                assert response.status_code in (401, 422), (url, value[:40])


def test_giant_and_strange_headers(client: TestClient, headers, routes) -> None:
    strange = [
        {"X-Giant": "x" * 64_000},
        {"If-None-Match": '"' + "a" * 50_000 + '"'},
        {"If-None-Match": ", , W/, *, \"\""},
        {"Accept-Encoding": "gzip;q=abc, *;q=-1, br;q=1e999"},
        {"Accept-Encoding": "x" * 20_000},
        {"Accept": "\u00e9/\u00e9"},
        {"Content-Length": "not-a-number"},
        {"Content-Length": "-5"},
        {"Cookie": "a=" + "b" * 30_000},
        {"Idempotency-Key": "k" * 10_000},
    ]
    for method, template in routes:
        url = _sane(template)
        for extra in strange:
            request_headers = {**headers["pc.one"],
                               **{k: v.encode("utf-8") for k, v in extra.items()}}
            _check(client.request(method, url, headers=request_headers),
                   f"{method} {url} {next(iter(extra))}")


def test_unknown_routes_and_methods(client: TestClient, headers) -> None:
    for method in ("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"):
        for url in ("/v1/" + "a/" * 500, "/v1/officers", "/v1/officers/off-1/feed",
                    "/v1/officers/off-1/feed/logins/extra", "/%00", "/v2/me", "/v1/me"):
            if method == "GET" and url == "/v1/me":
                continue
            _check(client.request(method, url, headers=headers["pc.one"]),
                   f"{method} {url[:60]}")
