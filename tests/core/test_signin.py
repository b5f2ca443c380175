"""OpenID Connect sign-in against two real issuers: the reference server's built-in
issuer and panva/oidc-provider (certified, written by nobody on this project).

The same client code runs against both; only OidcSettings differ. Each test plays the
browser: it loads the authorize URL, fills in the provider's login form, and delivers
the redirect to the client's loopback listener, as a browser would.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

import pytest
import requests
from tests.support.browser import log_in_through_form
from tests.support.server import start_server

from recourse.api import (
    OidcSettings,
    ServerConnection,
    ServerUnreachable,
    SignedOut,
    SignInCancelled,
    SignInDenied,
    SignInFailed,
    TokenManager,
)
from recourse.api.signin import TOKENS_SECRET, LoopbackListener
from recourse.store import MINIMUM_KDF, Profile, Store

REFERENCE_USER = ("pc.hughes", "demo-hughes-2026", "off-1042")
PASSPHRASE = "correct horse battery staple"
ACCESS_TOKEN_TTL = 4


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """The real encrypted store: tokens live only in its secrets."""
    with Profile(tmp_path / "profile", kdf=MINIMUM_KDF).create(PASSPHRASE) as opened:
        yield opened


# --- playing the browser ---


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form" and self.action is None:
            self.action = values.get("action", "")
        elif tag == "input" and values.get("type") == "hidden":
            self.fields[values.get("name", "")] = values.get("value", "")
        elif tag == "a" and "href" in values:
            self.links.append(values["href"])


def _is_loopback_redirect(url: str) -> bool:
    return urlsplit(url).path == "/callback"


def play_node_provider(authorize_url: str, login: str, *, cancel: bool = False) -> str:
    """Through oidc-provider's dev interactions (login, then consent); the redirect URL."""
    http = requests.Session()
    url, response = authorize_url, None
    for _ in range(12):
        response = http.get(url, allow_redirects=False, timeout=10)
        while response.is_redirect:
            url = urljoin(url, response.headers["Location"])
            if _is_loopback_redirect(url):
                return url
            response = http.get(url, allow_redirects=False, timeout=10)
        form = _Form()
        form.feed(response.text)
        assert form.action, response.text[:500]
        if cancel:
            abort = next(link for link in form.links if link.endswith("/abort"))
            url = urljoin(url, abort)
            continue
        data = {"prompt": form.fields["prompt"]}
        if data["prompt"] == "login":
            data |= {"login": login, "password": "anything"}
        response = http.post(urljoin(url, form.action), data=data, allow_redirects=False,
                             timeout=10)
        assert response.is_redirect, response.text[:500]
        url = urljoin(url, response.headers["Location"])
        if _is_loopback_redirect(url):
            return url
    raise AssertionError("oidc-provider never redirected back")


@dataclass
class Issuer:
    """One of the two real issuers, and how to drive and probe it."""

    name: str
    settings: OidcSettings
    subject: str
    play: Callable[..., str]  # (authorize_url, cancel=False) -> redirect URL
    discovery: dict[str, Any]
    access_works: Callable[[str], bool]
    api_url: str | None = None

    def refresh_works(self, refresh_token: str) -> bool:
        response = requests.post(
            self.discovery["token_endpoint"],
            data={
                "grant_type": "refresh_token",
                "refresh_token": refresh_token,
                "client_id": self.settings.client_id,
            },
            timeout=10,
        )
        return response.status_code == 200 and "access_token" in response.json()


@pytest.fixture(scope="module")
def reference_issuer(tmp_path_factory) -> Iterator[Issuer]:
    folder = tmp_path_factory.mktemp("reference-server")
    username, password, officer_id = REFERENCE_USER
    with start_server(
        folder, only=[username], extra_args=["--access-token-ttl", str(ACCESS_TOKEN_TTL)]
    ) as server:
        discovery = requests.get(
            server.url + "/.well-known/openid-configuration", timeout=10
        ).json()

        def play(url: str, cancel: bool = False) -> str:
            return log_in_through_form(url, username, password, cancel=cancel)

        def access_works(token: str) -> bool:
            response = requests.get(
                server.url + "/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10
            )
            return response.status_code == 200

        yield Issuer(
            "reference", OidcSettings(server.url), officer_id, play, discovery, access_works,
            api_url=server.url,
        )


@pytest.fixture(scope="module")
def node_issuer(oidc_provider) -> Issuer:
    issuer_url = oidc_provider.issuer
    discovery = requests.get(issuer_url + "/.well-known/openid-configuration", timeout=10).json()

    def play(url: str, cancel: bool = False) -> str:
        return play_node_provider(url, oidc_provider.account, cancel=cancel)

    def access_works(token: str) -> bool:
        response = requests.get(
            discovery["userinfo_endpoint"], headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        return response.status_code == 200

    return Issuer(
        "oidc-provider",
        OidcSettings(issuer_url, scopes=("openid", "profile", "offline_access")),
        oidc_provider.account, play, discovery, access_works,
    )


@pytest.fixture(params=["reference", "oidc-provider"])
def issuer(request) -> Issuer:
    name = "reference_issuer" if request.param == "reference" else "node_issuer"
    return request.getfixturevalue(name)


def browser(
    issuer: Issuer,
    *,
    cancel: bool = False,
    tamper_request: Callable[[str], str] = lambda url: url,
    tamper_redirect: Callable[[str], str] = lambda url: url,
    seen: list[str] | None = None,
) -> Callable[[str], bool]:
    """An opener that plays the browser, as `webbrowser.open` would start one."""

    def open_url(url: str) -> bool:
        if seen is not None:
            seen.append(url)
        redirect = issuer.play(tamper_request(url), cancel=cancel)
        requests.get(tamper_redirect(redirect), timeout=10)
        return True

    return open_url


def manager(issuer: Issuer, store: Store, **options: Any) -> TokenManager:
    options.setdefault("open_browser", browser(issuer))
    return TokenManager(issuer.settings, store, **options)


def replace_param(url: str, name: str, value: str) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query[name] = value
    return urlunsplit(parts._replace(query=urlencode(query)))


# --- the happy path ---


def test_sign_in_verifies_and_stores_the_tokens(
    issuer: Issuer, store: Store, tmp_path: Path
) -> None:
    seen: list[str] = []
    tokens = manager(issuer, store, open_browser=browser(issuer, seen=seen)).sign_in()

    assert tokens.subject == issuer.subject
    assert tokens.refresh_token
    assert issuer.access_works(tokens.access_token)
    # Kept only in the encrypted store: no file anywhere holds them readable.
    stored = store.get_secret(TOKENS_SECRET)
    assert stored is not None and tokens.access_token.encode() in stored
    for path in tmp_path.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert tokens.access_token.encode() not in content, path
            assert tokens.refresh_token.encode() not in content, path

    request = parse_qs(urlsplit(seen[0]).query)
    assert request["code_challenge_method"] == ["S256"]
    assert len(request["code_challenge"][0]) == 43
    assert "code_verifier" not in request
    assert request["nonce"][0] and request["state"][0]
    redirect = urlsplit(request["redirect_uri"][0])
    assert redirect.scheme == "http" and redirect.hostname == "127.0.0.1"


def test_the_api_client_signs_in_and_calls_the_api(reference_issuer: Issuer, store: Store) -> None:
    connection = ServerConnection(
        reference_issuer.api_url, store, browser=browser(reference_issuer)
    )
    assert not connection.signed_in()
    with pytest.raises(SignedOut):
        connection.me()
    connection.sign_in()
    assert connection.signed_in()
    assert connection.officer_id == REFERENCE_USER[2]
    me = connection.me()
    assert me.officer_id == REFERENCE_USER[2] and me.username == REFERENCE_USER[0]


# --- refused answers ---


def test_a_state_mismatch_is_refused(issuer: Issuer, store: Store) -> None:
    opener = browser(issuer, tamper_redirect=lambda url: replace_param(url, "state", "forged"))
    with pytest.raises(SignInFailed, match="did not match"):
        manager(issuer, store, open_browser=opener).sign_in()
    assert store.get_secret(TOKENS_SECRET) is None


def test_a_nonce_mismatch_is_refused(issuer: Issuer, store: Store) -> None:
    opener = browser(issuer, tamper_request=lambda url: replace_param(url, "nonce", "replayed"))
    with pytest.raises(SignInFailed, match="could not be verified"):
        manager(issuer, store, open_browser=opener).sign_in()
    assert store.get_secret(TOKENS_SECRET) is None


def test_a_mixed_up_issuer_is_refused(issuer: Issuer, store: Store) -> None:
    opener = browser(
        issuer, tamper_redirect=lambda url: replace_param(url, "iss", "https://evil.example")
    )
    with pytest.raises(SignInFailed, match="different sign-in service"):
        manager(issuer, store, open_browser=opener).sign_in()


def test_access_denied_is_reported(issuer: Issuer, store: Store) -> None:
    with pytest.raises(SignInDenied) as caught:
        manager(issuer, store, open_browser=browser(issuer, cancel=True)).sign_in()
    assert caught.value.error == "access_denied"
    assert "refused or was declined" in caught.value.message
    assert store.get_secret(TOKENS_SECRET) is None


def test_a_forged_code_is_refused(issuer: Issuer, store: Store) -> None:
    opener = browser(issuer, tamper_redirect=lambda url: replace_param(url, "code", "forged"))
    with pytest.raises(SignInFailed, match="refused the sign-in code"):
        manager(issuer, store, open_browser=opener).sign_in()


# --- cancel and timeout ---


def _listener_port(url: str) -> int:
    port = urlsplit(parse_qs(urlsplit(url).query)["redirect_uri"][0]).port
    assert port
    return port


def test_sign_in_can_be_cancelled(node_issuer: Issuer, store: Store) -> None:
    seen: list[str] = []
    tokens = manager(node_issuer, store, open_browser=lambda url: seen.append(url) or True)
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    with pytest.raises(SignInCancelled) as caught:
        tokens.sign_in(cancel)
    assert not caught.value.timed_out
    assert time.monotonic() - started < 2
    # The listener is gone once the sign-in ends.
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{_listener_port(seen[0])}/callback", timeout=2)


def test_cancel_sign_in_from_another_thread(node_issuer: Issuer, store: Store) -> None:
    tokens = manager(node_issuer, store, open_browser=lambda url: True)
    threading.Timer(0.3, tokens.cancel_sign_in).start()
    with pytest.raises(SignInCancelled):
        tokens.sign_in()


def test_sign_in_times_out(node_issuer: Issuer, store: Store) -> None:
    tokens = manager(node_issuer, store, open_browser=lambda url: True, sign_in_timeout=0.5)
    with pytest.raises(SignInCancelled) as caught:
        tokens.sign_in()
    assert caught.value.timed_out


def test_no_browser_is_reported(node_issuer: Issuer, store: Store) -> None:
    with pytest.raises(SignInFailed, match="no web browser"):
        manager(node_issuer, store, open_browser=lambda url: False).sign_in()


def test_the_listener_answers_the_browser_and_only_once() -> None:
    listener = LoopbackListener("/callback", expected_state="s1")
    try:
        assert listener.redirect_uri.startswith("http://127.0.0.1:")
        stray = requests.get(f"http://127.0.0.1:{listener.port}/favicon.ico", timeout=5)
        assert stray.status_code == 404
        page = requests.get(listener.redirect_uri + "?code=c&state=s1", timeout=5)
        assert page.status_code == 200
        assert "You can close this tab and return to Recourse" in page.text
        assert "signed in" in page.text
        again = requests.get(listener.redirect_uri + "?code=c2&state=s1", timeout=5)
        assert again.status_code == 404
        assert listener.wait(time.monotonic() + 1, lambda: False) == {"code": "c", "state": "s1"}
    finally:
        listener.close()


# --- refresh, rotation, racing, sign-out ---


def test_refresh_happens_before_expiry(reference_issuer: Issuer, store: Store) -> None:
    """The server's access tokens live ACCESS_TOKEN_TTL seconds; the client renews first."""
    tokens = manager(reference_issuer, store)
    first = tokens.sign_in()
    assert first.lifetime == ACCESS_TOKEN_TTL
    time.sleep(ACCESS_TOKEN_TTL * 0.75)
    renewed = tokens.access_token()  # within the last third: refreshed before expiry
    assert renewed != first.access_token
    assert reference_issuer.access_works(renewed)
    time.sleep(ACCESS_TOKEN_TTL * 0.5)
    assert not reference_issuer.access_works(first.access_token), "the old one did expire"
    assert reference_issuer.access_works(renewed)


def test_refresh_before_expiry_with_a_fake_clock(issuer: Issuer, store: Store) -> None:
    now = [time.time()]
    tokens = manager(issuer, store, clock=lambda: now[0])
    first = tokens.sign_in()
    assert tokens.access_token() == first.access_token, "fresh tokens are not refreshed"
    now[0] = first.expires_at - 0.5
    renewed = tokens.access_token()
    assert renewed != first.access_token
    assert issuer.access_works(renewed)


def test_rotation_is_followed(issuer: Issuer, store: Store) -> None:
    tokens = manager(issuer, store)
    first = tokens.sign_in()
    second = tokens.refresh()
    assert second.refresh_token and second.refresh_token != first.refresh_token
    assert tokens.tokens() == second, "the rotated token set is what the store holds"
    third = tokens.refresh()  # with the rotated refresh token
    assert issuer.access_works(third.access_token)
    assert first.refresh_token
    assert not issuer.refresh_works(first.refresh_token), "the old refresh token is spent"


@pytest.mark.parametrize("shared_manager", [True, False], ids=["one-manager", "two-managers"])
def test_racing_refreshes_both_succeed(issuer: Issuer, shared_manager: bool, store: Store) -> None:
    first_manager = manager(issuer, store)
    first = first_manager.sign_in()
    second_manager = first_manager if shared_manager else manager(issuer, store)
    start = threading.Barrier(2)
    results: list[str] = []
    errors: list[BaseException] = []

    def rejected(tokens: TokenManager) -> None:
        start.wait()
        try:
            # Both threads just got a 401 for the same access token.
            results.append(tokens.access_token_rejected(first.access_token))
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=rejected, args=(m,)) for m in (first_manager, second_manager)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert len(results) == 2 and results[0] == results[1], "one refresh, seen by both"
    assert issuer.access_works(results[0])
    current = first_manager.tokens()
    assert current is not None and current.access_token == results[0]
    assert current.refresh_token and issuer.refresh_works(current.refresh_token), (
        "the token family survived: nobody spent a refresh token twice"
    )


def test_a_refused_refresh_signs_out_and_wipes(issuer: Issuer, store: Store) -> None:
    tokens = manager(issuer, store)
    first = tokens.sign_in()
    assert first.refresh_token and issuer.refresh_works(first.refresh_token)  # spent elsewhere
    with pytest.raises(SignedOut):
        tokens.refresh()
    assert store.get_secret(TOKENS_SECRET) is None
    assert not tokens.signed_in()


def test_sign_out_revokes_and_wipes(issuer: Issuer, store: Store) -> None:
    tokens = manager(issuer, store)
    signed_in = tokens.sign_in()
    assert tokens.sign_out() is True
    assert store.get_secret(TOKENS_SECRET) is None
    assert not tokens.signed_in()
    assert signed_in.refresh_token
    assert not issuer.refresh_works(signed_in.refresh_token), "the issuer refuses it now"
    with pytest.raises(SignedOut):
        tokens.access_token()


def test_a_401_from_the_api_renews_once(reference_issuer: Issuer, store: Store) -> None:
    connection = ServerConnection(
        reference_issuer.api_url, store, browser=browser(reference_issuer)
    )
    connection.sign_in()
    stored = connection.auth.tokens()
    assert stored is not None
    # An access token the server no longer accepts, though not yet due for renewal.
    from dataclasses import replace

    store.put_secret(
        TOKENS_SECRET, replace(stored, access_token="revoked.or.garbage").to_bytes()
    )
    assert connection.me().officer_id == REFERENCE_USER[2]
    renewed = connection.auth.tokens()
    assert renewed is not None and renewed.access_token != "revoked.or.garbage"


def test_logs_hold_no_tokens(issuer: Issuer, store: Store, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    tokens = manager(issuer, store)
    first = tokens.sign_in()
    second = tokens.refresh()
    tokens.sign_out()
    assert caplog.records
    for secret in (first.access_token, first.refresh_token, second.access_token,
                   second.refresh_token, first.id_token):
        assert secret and secret not in caplog.text


def test_an_unreachable_issuer_does_not_stop_work_while_the_token_is_valid(
    start_node_provider, store: Store
) -> None:
    node = start_node_provider()
    now = [time.time()]
    settings = OidcSettings(node.issuer)

    def open_url(url: str) -> bool:
        requests.get(play_node_provider(url, node.account), timeout=10)
        return True

    tokens = TokenManager(settings, store, open_browser=open_url, clock=lambda: now[0])
    first = tokens.sign_in()
    node.stop()
    now[0] = first.expires_at - 1  # due for renewal, not yet expired
    assert tokens.access_token() == first.access_token
    now[0] = first.expires_at + 1
    with pytest.raises(ServerUnreachable):
        tokens.access_token()
    assert tokens.signed_in(), "a network failure never signs the officer out"
