"""Play the browser through the reference server's sign-in form.

`log_in_through_form` GETs the login page the authorize URL shows, posts its form with
the given username and password, and returns the Location the server redirects to (the
loopback redirect URI with `code` and `state`) WITHOUT following it, so the test decides
whether to deliver it to the client's loopback listener.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import requests

CLIENT_ID = "recourse-desktop"


class SignInRefused(RuntimeError):
    """The server did not redirect: wrong password, or a refused request (message inside)."""


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self.errors: list[str] = []
        self._in_error = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form" and self.action is None:
            self.action = values.get("action", "")
        elif tag == "input" and values.get("type") == "hidden" and "name" in values:
            self.fields[values["name"]] = values.get("value", "")
        elif "error" in values.get("class", "").split():
            self._in_error = True

    def handle_endtag(self, tag: str) -> None:
        self._in_error = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_error and data.strip():
            self.errors.append(data.strip())


def _read_form(html: str) -> _FormReader:
    reader = _FormReader()
    reader.feed(html)
    return reader


def log_in_through_form(authorize_url: str, username: str, password: str, *,
                        session: requests.Session | None = None,
                        cancel: bool = False) -> str:
    """Sign in on the login page at `authorize_url`; return the redirect Location.

    Raises SignInRefused with the page's words when no redirect comes back.
    `cancel=True` presses Cancel instead (the redirect then carries error=access_denied).
    """
    http = session or requests.Session()
    page = http.get(authorize_url, allow_redirects=False, timeout=30)
    if page.is_redirect:
        return str(page.headers["Location"])  # the server refused before showing the form
    reader = _read_form(page.text)
    if page.status_code != 200 or reader.action is None:
        raise SignInRefused(" ".join(t.strip() for t in reader.text if t.strip())[:500])
    data = {**reader.fields, "username": username, "password": password,
            "action": "cancel" if cancel else "login"}
    response = http.post(urljoin(page.url, reader.action), data=data, allow_redirects=False,
                         timeout=30)
    if response.is_redirect:
        return str(response.headers["Location"])
    refused = _read_form(response.text)
    message = " ".join(refused.errors) or " ".join(
        t.strip() for t in refused.text if t.strip())[:500]
    raise SignInRefused(message or f"HTTP {response.status_code}")


def pkce_pair() -> tuple[str, str]:
    """A PKCE code verifier and its S256 challenge (RFC 7636)."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def authorize_url(server_url: str, *, redirect_uri: str, code_challenge: str,
                  state: str, nonce: str, scope: str = "openid profile offline_access",
                  **extra: str) -> str:
    params = {
        "client_id": CLIENT_ID, "redirect_uri": redirect_uri, "response_type": "code",
        "scope": scope, "state": state, "nonce": nonce, "code_challenge": code_challenge,
        "code_challenge_method": "S256", **extra,
    }
    return f"{server_url}/oauth/authorize?{urlencode(params)}"


def sign_in(server_url: str, username: str, password: str, *,
            redirect_uri: str = "http://127.0.0.1:53682/callback") -> dict[str, Any]:
    """The whole code flow with PKCE, for tests that just need tokens.

    Returns the token response (access_token, refresh_token, id_token, expires_in…).
    """
    verifier, challenge = pkce_pair()
    state, nonce = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    location = log_in_through_form(
        authorize_url(server_url, redirect_uri=redirect_uri, code_challenge=challenge,
                      state=state, nonce=nonce),
        username, password)
    query = parse_qs(urlsplit(location).query)
    if query.get("state") != [state] or "code" not in query:
        raise SignInRefused(f"Unexpected redirect: {location}")
    response = requests.post(f"{server_url}/oauth/token", data={
        "grant_type": "authorization_code", "code": query["code"][0],
        "redirect_uri": redirect_uri, "client_id": CLIENT_ID, "code_verifier": verifier,
    }, timeout=30)
    response.raise_for_status()
    tokens: dict[str, Any] = response.json()
    return tokens


def browser_for(username: str, password: str) -> Callable[[str], bool]:
    """A browser opener for the desktop client's sign-in: fills in the login form and
    delivers the redirect to the client's loopback listener, as a real browser would."""

    def open_url(url: str) -> bool:
        requests.get(log_in_through_form(url, username, password), timeout=10)
        return True

    return open_url


@contextmanager
def signed_in_client(folder: Path, server_url: str, username: str, password: str,
                     passphrase: str) -> Iterator[Any]:
    """A new encrypted profile in `folder`, signed in to `server_url` through the real
    OIDC flow; yields ``(store, api)`` and closes both afterwards."""
    from recourse.api import ServerConnection
    from recourse.store import MINIMUM_KDF, Profile

    store = Profile(folder, kdf=MINIMUM_KDF).create(passphrase)
    api = ServerConnection(server_url, store, browser=browser_for(username, password))
    try:
        api.sign_in()
        yield store, api
    finally:
        api.close()
        store.close()
