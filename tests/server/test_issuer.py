"""The built-in OpenID issuer, through the REAL server on loopback and its login form:
PKCE S256 required, loopback redirect URIs only, refresh-token rotation with reuse
detection, revocation, ID token with nonce."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from joserfc import jwt
from joserfc.jwk import KeySet
from tests.support.browser import (
    SignInRefused,
    authorize_url,
    log_in_through_form,
    pkce_pair,
    sign_in,
)
from tests.support.server import RunningServer, start_server

from recourse_server import db

USER, PASSWORD = "ps.bennett", "demo-bennett-2026"
REDIRECT = "http://127.0.0.1:49152/callback"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with start_server(tmp_path_factory.mktemp("issuer"), ping_interval=240,
                      only=["ps.bennett"]) as running:
        yield running


def _token(server: RunningServer, **data: str) -> requests.Response:
    return requests.post(f"{server.url}/oauth/token",
                         data={"client_id": "recourse-desktop", **data}, timeout=30)


def _code(server: RunningServer, verifier_challenge: tuple[str, str] | None = None,
          redirect: str = REDIRECT, nonce: str = "n-123") -> tuple[str, str]:
    verifier, challenge = verifier_challenge or pkce_pair()
    location = log_in_through_form(
        authorize_url(server.url, redirect_uri=redirect, code_challenge=challenge,
                      state="s-1", nonce=nonce), USER, PASSWORD)
    query = parse_qs(urlsplit(location).query)
    assert location.startswith(redirect) and query["state"] == ["s-1"]
    assert query["iss"] == [server.url]
    return query["code"][0], verifier


def test_the_server_prints_its_address_and_the_demo_accounts(server: RunningServer) -> None:
    text = "\n".join(server.output)
    assert f"listening on {server.url}" in text
    assert "ps.bennett" in text and "demo-bennett-2026" in text and "reviewer" in text


def test_discovery_describes_the_issuer(server: RunningServer) -> None:
    document = requests.get(f"{server.url}/.well-known/openid-configuration", timeout=10).json()
    assert document["issuer"] == server.url
    assert document["code_challenge_methods_supported"] == ["S256"]
    assert document["token_endpoint"] == f"{server.url}/oauth/token"


def test_the_code_flow_gives_tokens_that_the_api_accepts(server: RunningServer) -> None:
    code, verifier = _code(server)
    response = _token(server, grant_type="authorization_code", code=code,
                      redirect_uri=REDIRECT, code_verifier=verifier)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    tokens = response.json()
    keys = KeySet.import_key_set(requests.get(f"{server.url}/oauth/jwks", timeout=10).json())
    id_token = jwt.decode(tokens["id_token"], keys, algorithms=["ES256"])
    assert id_token.claims["nonce"] == "n-123" and id_token.claims["sub"] == "off-1733"
    assert id_token.claims["preferred_username"] == USER
    assert id_token.claims["aud"] == "recourse-desktop"
    me = requests.get(f"{server.url}/v1/me", timeout=10,
                      headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.json()["username"] == USER
    # A code works once.
    again = _token(server, grant_type="authorization_code", code=code,
                   redirect_uri=REDIRECT, code_verifier=verifier)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"


def test_ipv6_loopback_redirects_are_accepted(server: RunningServer) -> None:
    code, verifier = _code(server, redirect="http://[::1]:61000/cb")
    response = _token(server, grant_type="authorization_code", code=code,
                      redirect_uri="http://[::1]:61000/cb", code_verifier=verifier)
    assert response.status_code == 200


def test_a_wrong_verifier_is_refused(server: RunningServer) -> None:
    code, _ = _code(server)
    other, _ = pkce_pair()
    response = _token(server, grant_type="authorization_code", code=code,
                      redirect_uri=REDIRECT, code_verifier=other)
    assert response.status_code == 400 and response.json()["error"] == "invalid_grant"


def test_a_missing_verifier_is_refused(server: RunningServer) -> None:
    code, _ = _code(server)
    response = _token(server, grant_type="authorization_code", code=code, redirect_uri=REDIRECT)
    assert response.status_code == 400


def test_a_different_redirect_uri_at_the_token_endpoint_is_refused(
    server: RunningServer,
) -> None:
    code, verifier = _code(server)
    response = _token(server, grant_type="authorization_code", code=code,
                      redirect_uri="http://127.0.0.1:49153/callback", code_verifier=verifier)
    assert response.status_code == 400


@pytest.mark.parametrize("extra", [
    {"code_challenge_method": "plain"},
    {"code_challenge_method": ""},
    {"code_challenge": ""},
], ids=["plain", "no-method", "no-challenge"])
def test_authorization_without_s256_pkce_is_refused(server: RunningServer,
                                                    extra: dict[str, str]) -> None:
    _, challenge = pkce_pair()
    request = {"code_challenge": challenge, **extra}
    url = authorize_url(server.url, redirect_uri=REDIRECT, state="s-1", nonce="n", **request)
    location = log_in_through_form(url, USER, PASSWORD)
    query = parse_qs(urlsplit(location).query)
    assert query["error"] == ["invalid_request"] and "code" not in query


@pytest.mark.parametrize("redirect", [
    "http://localhost:5000/cb", "https://127.0.0.1:5000/cb", "http://127.0.0.1/cb",
    "http://evil.example/cb", "http://127.0.0.1.evil.example:80/cb",
    "http://user@127.0.0.1:5000/cb", "http://127.0.0.1:5000/cb#frag", "recourse://cb",
])
def test_non_loopback_redirect_uris_are_refused_without_redirecting(
    server: RunningServer, redirect: str
) -> None:
    _, challenge = pkce_pair()
    url = authorize_url(server.url, redirect_uri=redirect, code_challenge=challenge,
                        state="s", nonce="n")
    response = requests.get(url, allow_redirects=False, timeout=10)
    assert response.status_code == 400 and "Location" not in response.headers


def test_an_unknown_client_is_refused(server: RunningServer) -> None:
    _, challenge = pkce_pair()
    url = authorize_url(server.url, redirect_uri=REDIRECT, code_challenge=challenge,
                        state="s", nonce="n", client_id="someone-else")
    assert requests.get(url, allow_redirects=False, timeout=10).status_code == 400


def test_a_wrong_password_shows_the_form_again_with_a_message(server: RunningServer) -> None:
    _, challenge = pkce_pair()
    url = authorize_url(server.url, redirect_uri=REDIRECT, code_challenge=challenge,
                        state="s", nonce="n")
    with pytest.raises(SignInRefused, match="username or password"):
        log_in_through_form(url, USER, "wrong")
    with pytest.raises(SignInRefused, match="username or password"):
        log_in_through_form(url, "nobody", "wrong")


def test_cancel_redirects_with_access_denied(server: RunningServer) -> None:
    _, challenge = pkce_pair()
    url = authorize_url(server.url, redirect_uri=REDIRECT, code_challenge=challenge,
                        state="s-9", nonce="n")
    query = parse_qs(urlsplit(log_in_through_form(url, "", "", cancel=True)).query)
    assert query["error"] == ["access_denied"] and query["state"] == ["s-9"]


def test_echoed_request_values_are_escaped(server: RunningServer) -> None:
    _, challenge = pkce_pair()
    url = authorize_url(server.url, redirect_uri=REDIRECT, code_challenge=challenge,
                        state='"><script>alert(1)</script>', nonce="n")
    page = requests.get(url, timeout=10).text
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_refresh_rotates_and_reuse_revokes_the_family(server: RunningServer) -> None:
    first = sign_in(server.url, USER, PASSWORD)
    second = _token(server, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert second.status_code == 200
    rotated = second.json()
    assert rotated["refresh_token"] != first["refresh_token"]
    # The old token again: refused, and the whole family with it.
    reuse = _token(server, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert reuse.status_code == 400 and reuse.json()["error"] == "invalid_grant"
    after = _token(server, grant_type="refresh_token", refresh_token=rotated["refresh_token"])
    assert after.status_code == 400


def test_revocation_ends_the_refresh_token(server: RunningServer) -> None:
    tokens = sign_in(server.url, USER, PASSWORD)
    revoked = requests.post(f"{server.url}/oauth/revoke", timeout=10, data={
        "token": tokens["refresh_token"], "token_type_hint": "refresh_token",
        "client_id": "recourse-desktop"})
    assert revoked.status_code == 200
    refused = _token(server, grant_type="refresh_token", refresh_token=tokens["refresh_token"])
    assert refused.status_code == 400
    unknown = requests.post(f"{server.url}/oauth/revoke", timeout=10,
                            data={"token": "nonsense", "client_id": "recourse-desktop"})
    assert unknown.status_code == 200


def test_passwords_are_stored_hashed(server: RunningServer) -> None:
    from sqlalchemy import select

    engine = db.make_engine(server.database_url)
    with engine.connect() as conn:
        stored = conn.execute(select(db.accounts.c.password_hash)).scalars().all()
    engine.dispose()
    assert stored and all(h.startswith("scrypt$") and PASSWORD not in h for h in stored)


def test_a_short_access_token_ttl_expires(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import time

    with start_server(tmp_path, ping_interval=240, only=["ps.bennett"],
                      extra_args=["--access-token-ttl", "1"]) as short:
        tokens = sign_in(short.url, USER, PASSWORD)
        assert tokens["expires_in"] == 1
        time.sleep(2.1)
        response = requests.get(f"{short.url}/v1/me", timeout=10,
                                headers={"Authorization": f"Bearer {tokens['access_token']}"})
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")
