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
