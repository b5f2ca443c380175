"""Sign-in against issuers that lie: the client refuses before any browser opens."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from recourse.api import (
    InsecureAddress,
    OidcSettings,
    ResponseInvalid,
    ServerUnreachable,
    SignInFailed,
    TokenManager,
)


class MemorySecrets:
    def __init__(self) -> None:
        self.values: dict[str, bytes] = {}

    def get_secret(self, name: str) -> bytes | None:
        return self.values.get(name)

    def put_secret(self, name: str, value: bytes) -> None:
        self.values[name] = value

    def delete_secret(self, name: str) -> None:
        self.values.pop(name, None)


@pytest.fixture
def fake_issuer() -> Iterator[tuple[str, dict[str, Any]]]:
    """An issuer serving whatever discovery document the test puts in the dict."""
    document: dict[str, Any] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps(document.get(self.path, {})).encode()
            self.send_response(200 if self.path in document else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", document
    server.shutdown()
    server.server_close()


def discovery(issuer: str, **changes: Any) -> dict[str, Any]:
    return {
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/authorize",
        "token_endpoint": f"{issuer}/token",
        "jwks_uri": f"{issuer}/jwks",
        "code_challenge_methods_supported": ["S256"],
        "id_token_signing_alg_values_supported": ["RS256"],
        **changes,
    }


def sign_in(issuer: str) -> None:
    opened: list[str] = []
    manager = TokenManager(
        OidcSettings(issuer), MemorySecrets(), open_browser=opened.append, sign_in_timeout=1
    )
    try:
        manager.sign_in()
    finally:
        assert opened == [], "no browser opens for an issuer that fails its checks"


WELL_KNOWN = "/.well-known/openid-configuration"


def test_discovery_naming_another_issuer_is_refused(fake_issuer) -> None:
    url, document = fake_issuer
    document[WELL_KNOWN] = discovery("https://login.elsewhere.example")
    with pytest.raises(ResponseInvalid, match="different issuer"):
        sign_in(url)


def test_endpoints_over_plain_http_elsewhere_are_refused(fake_issuer) -> None:
    url, document = fake_issuer
    document[WELL_KNOWN] = discovery(url, token_endpoint="http://tokens.example/token")
    with pytest.raises(InsecureAddress):
        sign_in(url)


def test_an_issuer_without_pkce_is_refused(fake_issuer) -> None:
    url, document = fake_issuer
    document[WELL_KNOWN] = discovery(url, code_challenge_methods_supported=["plain"])
    with pytest.raises(SignInFailed, match="PKCE"):
        sign_in(url)


def test_an_issuer_offering_only_unsigned_tokens_is_refused(fake_issuer) -> None:
    url, document = fake_issuer
    document[WELL_KNOWN] = discovery(url, id_token_signing_alg_values_supported=["none"])
    with pytest.raises(SignInFailed, match="no safe algorithm"):
        sign_in(url)


def test_incomplete_discovery_is_refused(fake_issuer) -> None:
    url, document = fake_issuer
    document[WELL_KNOWN] = {"issuer": url}
    with pytest.raises(ResponseInvalid, match="incomplete"):
        sign_in(url)


def test_an_issuer_over_plain_http_elsewhere_is_refused() -> None:
    with pytest.raises(InsecureAddress):
        TokenManager(OidcSettings("http://login.example"), MemorySecrets())


def test_an_unreachable_issuer() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ServerUnreachable, match="sign-in service"):
        sign_in(f"http://127.0.0.1:{port}")


# --- token, refresh and revocation requests against a hostile token endpoint ------------


class Scripted:
    """A loopback issuer (or the host it points elsewhere to): GETs answer from
    `documents`, POSTs from `answer(path)` -> (status, headers, body); every POST is
    recorded with its body, so a test can see what reached which host."""

    def __init__(self) -> None:
        self.documents: dict[str, Any] = {}
        self.answer: Any = lambda path: (404, {}, b"")
        self.posts: list[tuple[str, bytes]] = []
        scripted = self

        class Handler(BaseHTTPRequestHandler):
            def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                if self.path not in scripted.documents:
                    self._send(404, {}, b"")
                    return
                body = scripted.documents[self.path]
                raw = body if isinstance(body, bytes) else json.dumps(body).encode()
                self._send(200, {"Content-Type": "application/json"}, raw)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                scripted.posts.append((self.path, self.rfile.read(length)))
                self._send(*scripted.answer(self.path))

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


@pytest.fixture
def issuer() -> Iterator[Scripted]:
    running = Scripted()
    running.documents[WELL_KNOWN] = discovery(
        running.url, revocation_endpoint=f"{running.url}/revoke")
    yield running
    running.close()


@pytest.fixture
def elsewhere() -> Iterator[Scripted]:
    """Where a hostile token endpoint redirects to: it must never hear from us."""
    running = Scripted()
    running.answer = lambda path: (200, {"Content-Type": "application/json"},
                                   b'{"access_token":"stolen","token_type":"Bearer"}')
    yield running
    running.close()


def _signed_in_manager(issuer: Scripted) -> tuple[TokenManager, MemorySecrets]:
    import time

    from recourse.api import TokenSet
    from recourse.api.signin import TOKENS_SECRET

    secrets = MemorySecrets()
    tokens = TokenSet(issuer=issuer.url, client_id="recourse-desktop", subject="officer-1",
                      access_token="at-old", refresh_token="rt-SECRET",
                      expires_at=time.time() - 1, lifetime=300)
    secrets.put_secret(TOKENS_SECRET, tokens.to_bytes())
    return TokenManager(OidcSettings(issuer.url), secrets), secrets


def _browser_that_returns_a_code(authorize_url: str) -> bool:
    """Play the browser: the issuer 'approves' and sends a code to the loopback redirect."""
    from urllib.parse import parse_qs, urlsplit

    import requests

    query = parse_qs(urlsplit(authorize_url).query)
    target = f"{query['redirect_uri'][0]}?code=CODE-SECRET&state={query['state'][0]}"
    threading.Thread(target=lambda: requests.get(target, timeout=10), daemon=True).start()
    return True


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirecting_token_endpoint_is_not_followed_on_refresh(
    issuer: Scripted, elsewhere: Scripted, status: int
) -> None:
    issuer.answer = lambda path: (status, {"Location": f"{elsewhere.url}/token"}, b"")
    manager, _secrets = _signed_in_manager(issuer)
    with pytest.raises(SignInFailed) as raised:
        manager.refresh()
    assert elsewhere.posts == [], "the refresh token went to the other host"
    assert [p for p, _ in issuer.posts] == ["/token"]
    assert f"HTTP {status}" in raised.value.message and "did not follow" in raised.value.message
    assert manager.tokens() is not None  # nothing leaked, so nothing to throw away


def test_a_redirecting_token_endpoint_is_not_followed_on_sign_in(
    issuer: Scripted, elsewhere: Scripted
) -> None:
    issuer.answer = lambda path: (307, {"Location": f"{elsewhere.url}/token"}, b"")
    manager = TokenManager(OidcSettings(issuer.url), MemorySecrets(),
                           open_browser=_browser_that_returns_a_code, sign_in_timeout=10)
    with pytest.raises(SignInFailed, match="did not follow"):
        manager.sign_in()
    assert elsewhere.posts == [], "the code and the PKCE verifier went to the other host"
    (_path, body), = issuer.posts
    assert b"CODE-SECRET" in body  # it was our own token endpoint that was asked


def test_a_redirecting_revocation_endpoint_is_not_followed(
    issuer: Scripted, elsewhere: Scripted
) -> None:
    issuer.answer = lambda path: (307, {"Location": f"{elsewhere.url}/revoke"}, b"")
    manager, _secrets = _signed_in_manager(issuer)
    assert manager.sign_out() is False
    assert elsewhere.posts == []
    assert manager.tokens() is None


@pytest.mark.parametrize(
    ("status", "content_type", "body", "error", "words"),
    [
        (500, "text/html", b"<html><h1>Internal Server Error</h1></html>", "SignInServiceFailed",
         "sign-in service failed (it answered HTTP 500)"),
        (503, "application/json", b"{}", "SignInServiceFailed", "HTTP 503"),
        (200, "text/html", b"<html>Log in</html>", "ResponseInvalid",
         "HTTP 200 with text/html instead of a token"),
        (404, "text/html", b"<html>Not found</html>", "ResponseInvalid", "HTTP 404"),
        (200, "application/json", b'{"access_token":' + b"[" * 50_000 + b"]" * 50_000 + b"}",
         "ResponseInvalid", "not plain JSON"),
        (200, "application/json", b'{"access_token":"a","access_token":"b"}',
         "ResponseInvalid", "not plain JSON"),
    ],
)
def test_a_failing_token_endpoint_says_what_happened(
    issuer: Scripted, status: int, content_type: str, body: bytes, error: str, words: str
) -> None:
    issuer.answer = lambda path: (status, {"Content-Type": content_type}, body)
    manager, _ = _signed_in_manager(issuer)
    with pytest.raises(Exception) as raised:
        manager.refresh()
    assert type(raised.value).__name__ == error, raised.value
    assert words in raised.value.message
    assert "could not reach" not in raised.value.message


def test_endpoints_on_another_origin_need_it_to_allow_them(issuer: Scripted) -> None:
    for name in ("token_endpoint", "jwks_uri", "authorization_endpoint",
                 "revocation_endpoint"):
        issuer.documents[WELL_KNOWN] = discovery(
            issuer.url, **{name: "https://login.elsewhere.example/x"})
        with pytest.raises(SignInFailed, match="another address") as raised:
            sign_in(issuer.url)
        assert "IT" in raised.value.next_step
    # A port is part of the origin too.
    issuer.documents[WELL_KNOWN] = discovery(
        issuer.url, token_endpoint="http://127.0.0.1:1/token")
    with pytest.raises(SignInFailed, match="another address"):
        sign_in(issuer.url)
    # Allowed by IT: discovery passes.
    issuer.documents[WELL_KNOWN] = discovery(
        issuer.url, token_endpoint="https://login.elsewhere.example/token")
    manager = TokenManager(
        OidcSettings(issuer.url, endpoint_origins=("https://LOGIN.elsewhere.example:443",)),
        MemorySecrets())
    assert manager.provider.metadata().token_endpoint == "https://login.elsewhere.example/token"


@pytest.mark.parametrize("path", [WELL_KNOWN, "/jwks"])
@pytest.mark.parametrize(
    "hostile",
    [b"[" * 100_000 + b"]" * 100_000, b'{"keys":' + b"1" * 10_000 + b"}",
     b'{"issuer":"a","issuer":"b"}'],
    ids=["deep", "long-number", "duplicate-key"],
)
def test_hostile_discovery_and_key_json_is_refused_in_words(
    issuer: Scripted, path: str, hostile: bytes
) -> None:
    issuer.documents[path] = hostile
    manager = TokenManager(OidcSettings(issuer.url), MemorySecrets())
    with pytest.raises(ResponseInvalid, match="not plain JSON"):
        if path == WELL_KNOWN:
            manager.provider.metadata()
        else:
            manager.provider.verify_id_token("e30.e30.sig", nonce=None)
