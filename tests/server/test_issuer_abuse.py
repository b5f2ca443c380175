"""The built-in sign-in service under abuse: a replayed authorization code ends the sign-in
it was exchanged for (RFC 6749 §4.1.2), access tokens included; wrong passwords on the
login form make each next attempt wait longer, per account and per address, and the page
says how long. Runs on SQLite and PostgreSQL (fixtures in conftest.py)."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from tests.server.helpers import PASSWORDS, REDIRECT_URI, authorize_params, pkce, sign_in_tokens

from recourse_server.issuer import FORGET_AFTER, FREE_FAILURES


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


_STARTS = itertools.count(1)


@pytest.fixture
def clock(client: TestClient) -> Iterator[Clock]:
    """The login form's clock; each test starts long after the last one's wrong passwords."""
    fixed = Clock()
    fixed.now += FORGET_AFTER * 10 * next(_STARTS)
    client.app.state.issuer_clock = fixed  # type: ignore[attr-defined]
    yield fixed
    del client.app.state.issuer_clock  # type: ignore[attr-defined]


def _code(client: TestClient, username: str) -> tuple[str, str]:
    verifier, challenge = pkce()
    response = client.post("/oauth/authorize", data={
        **authorize_params(challenge), "username": username, "password": PASSWORDS[username],
        "action": "login"}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return parse_qs(urlsplit(response.headers["location"]).query)["code"][0], verifier


def _exchange(client: TestClient, code: str, verifier: str) -> Any:
    return client.post("/oauth/token", data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI,
        "client_id": "recourse-desktop", "code_verifier": verifier})


def _me(client: TestClient, access_token: str) -> int:
    return client.get("/v1/me", headers={"Authorization": f"Bearer {access_token}"}).status_code


def test_a_replayed_code_revokes_the_tokens_it_was_exchanged_for(client: TestClient) -> None:
    code, verifier = _code(client, "pc.two")
    first = _exchange(client, code, verifier)
    assert first.status_code == 200, first.text
    tokens = first.json()
    other = sign_in_tokens(client, "pc.two")  # the same officer's separate sign-in
    assert _me(client, tokens["access_token"]) == 200

    replay = _exchange(client, code, verifier)
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"
    # Whoever replayed it, neither holder of the code keeps a working sign-in from it.
    refused = client.get("/v1/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert refused.status_code == 401 and "Sign in again" in refused.json()["detail"]
    refresh = client.post("/oauth/token", data={
        "grant_type": "refresh_token", "refresh_token": tokens["refresh_token"],
        "client_id": "recourse-desktop"})
    assert refresh.status_code == 400 and refresh.json()["error"] == "invalid_grant"
    # ... and nothing else of the officer's is touched.
    assert _me(client, other["access_token"]) == 200


def test_signing_out_ends_the_access_token_too(client: TestClient) -> None:
    tokens = sign_in_tokens(client, "pc.three")
    assert _me(client, tokens["access_token"]) == 200
    revoked = client.post("/oauth/revoke", data={"token": tokens["refresh_token"],
                                                 "client_id": "recourse-desktop"})
    assert revoked.status_code == 200
    assert _me(client, tokens["access_token"]) == 401


def _log_in(client: TestClient, username: str, password: str) -> Any:
    _verifier, challenge = pkce()
    return client.post("/oauth/authorize", data={
        **authorize_params(challenge), "username": username, "password": password,
        "action": "login"}, follow_redirects=False)


def _alert(response: Any) -> str:
    found = re.search(r'role="alert">([^<]*)<', response.text)
    return found.group(1) if found else ""


def test_wrong_passwords_make_the_account_wait_longer(client: TestClient,
                                                      clock: Clock) -> None:
    answers = [_log_in(client, "pc.one", f"guess-{n}") for n in range(30)]
    free = FREE_FAILURES["account"]
    assert [a.status_code for a in answers[:free]] == [200] * free
    assert all("not right" in _alert(a) for a in answers[:free])
    assert {a.status_code for a in answers[free:]} == {429}
    message = _alert(answers[-1])
    assert "Too many wrong passwords have been tried for this account" in message
    assert re.search(r"wait \d+ seconds?", message), message
    # the right password is not even checked while the account waits
    right = _log_in(client, "pc.one", PASSWORDS["pc.one"])
    assert right.status_code == 429
    wait = int(right.headers["retry-after"])
    assert wait >= 1
    clock.now += wait
    # each wrong password past the free ones doubles the wait
    assert _log_in(client, "pc.one", "guess-again").status_code == 200
    longer = _log_in(client, "pc.one", "guess-again")
    assert longer.status_code == 429 and int(longer.headers["retry-after"]) == 2 * wait
    clock.now += 2 * wait
    # once the wait is over the right password signs in, and the account starts afresh
    assert _log_in(client, "pc.one", PASSWORDS["pc.one"]).status_code == 303
    assert "not right" in _alert(_log_in(client, "pc.one", "typo"))


def test_wrong_passwords_from_one_address_make_it_wait(client: TestClient,
                                                       clock: Clock) -> None:
    free = FREE_FAILURES["address"]
    # one guess each at many accounts, so no account's own count is reached
    answers = [_log_in(client, f"user-{n}", "password1") for n in range(free + 3)]
    assert [a.status_code for a in answers[:free]] == [200] * free
    assert {a.status_code for a in answers[free:]} == {429}
    assert "from this computer" in _alert(answers[-1])
    # a real account from the same address waits too, then signs in
    blocked = _log_in(client, "pc.two", PASSWORDS["pc.two"])
    assert blocked.status_code == 429
    clock.now += int(blocked.headers["retry-after"])
    assert _log_in(client, "pc.two", PASSWORDS["pc.two"]).status_code == 303


def test_a_quiet_hour_forgets_old_wrong_passwords(client: TestClient, clock: Clock) -> None:
    free = FREE_FAILURES["account"]
    for n in range(free):
        assert _log_in(client, "pc.three", f"guess-{n}").status_code == 200
    assert _log_in(client, "pc.three", "guess").status_code == 429
    clock.now += FORGET_AFTER + 1
    assert "not right" in _alert(_log_in(client, "pc.three", "guess"))
    assert _log_in(client, "pc.three", PASSWORDS["pc.three"]).status_code == 303
