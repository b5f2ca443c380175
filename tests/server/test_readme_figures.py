"""The figures the README gives for the demo accounts, computed from the seeded demo data
through the real server: seeded into SQLite, served by the app, read over the API as an
officer signed in through the login form, and recounted with the client's own rule.

A change in the synthetic data, the engine or a rule that moves a figure fails here, and
so does a README that no longer states what the demo shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from tests.server.helpers import ISSUER, REDIRECT_URI, authorize_params, pkce

from recourse.domain.rules import hybrid_attendance
from recourse_server.app import create_app
from recourse_server.config import Settings
from recourse_server.seeding import seed
from recourse_server.synth.accounts import OKAFOR, SHAH, WALSH, Account

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
# The demo table describes the server's own seeding (`recourse-server serve --demo`).
SEED, PING_INTERVAL = 2026, 15


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path_factory.mktemp('readme') / 'server.sqlite3'}"
    seed(url, seed=SEED, ping_interval=PING_INTERVAL,
         only=[OKAFOR.username, WALSH.username, SHAH.username])
    app = create_app(Settings(database_url=url, public_url=ISSUER))
    with TestClient(app) as test_client:
        test_client.get("/v1/server-key")  # its worker thread is the fixture's (conftest.py)
        yield test_client
    app.state.engine.dispose()


def _headers(client: TestClient, account: Account) -> dict[str, str]:
    """Sign in as a demo account through the built-in login form (code flow, PKCE)."""
    verifier, challenge = pkce()
    answer = client.post("/oauth/authorize", data={
        **authorize_params(challenge), "username": account.username,
        "password": account.password, "action": "login"}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    code = parse_qs(urlsplit(answer.headers["location"]).query)["code"][0]
    token = client.post("/oauth/token", data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI,
        "client_id": "recourse-desktop", "code_verifier": verifier})
    assert token.status_code == 200, token.text
    return {"Authorization": "Bearer " + token.json()["access_token"]}


def _flag(client: TestClient, account: Account, rule_id: str) -> dict[str, Any]:
    headers = _headers(client, account)
    base = f"/v1/officers/{account.officer_id}/flags"
    listing = client.get(base, headers=headers)
    assert listing.status_code == 200, listing.text
    ids = [f["id"] for f in listing.json()["flags"] if f["rule"]["id"] == rule_id]
    assert len(ids) == 1, listing.json()
    detail = client.get(f"{base}/{ids[0]}", headers=headers)
    assert detail.status_code == 200, detail.text
    return dict(detail.json())


def _records(client: TestClient, account: Account, category: str) -> list[dict[str, Any]]:
    """Every current record of one category, page by page through the feed."""
    headers = _headers(client, account)
    records: dict[str, dict[str, Any]] = {}
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 5000}
        if cursor:
            params["cursor"] = cursor
        page = client.get(f"/v1/officers/{account.officer_id}/feed/{category}",
                          params=params, headers=headers)
        assert page.status_code == 200, page.text
        body = page.json()
        for change in body["changes"]:
            if change.get("deleted"):
                records.pop(change["record_id"], None)
            else:
                records[change["record"]["id"]] = change["record"]
        if not body["has_more"]:
            return list(records.values())
        cursor = body["next_cursor"]


def test_okafor_attendance_as_the_force_counted_it_and_without_leave_and_sickness(
        client: TestClient) -> None:
    flag = _flag(client, OKAFOR, "hybrid-attendance")
    observed = flag["provenance"]["observed"]
    assert (observed["attendance_percent"], observed["days_attended"],
            observed["days_counted"]) == (69.5, 41, 59)
    assert "(69.5%, 41 of 59 days)" in README

    # The officer's recount, from the records the feed gave her, with the client's rule.
    inputs = {category: _records(client, OKAFOR, category)
              for category in hybrid_attendance.SPEC.input_categories}
    recount = hybrid_attendance.evaluate(
        inputs, window_end=date.fromisoformat(flag["provenance"]["window_end"]),
        exclude_absence_kinds=frozenset({"annual_leave", "sickness"}))
    assert (recount.attendance_percent, recount.observed["days_attended"],
            recount.observed["days_counted"]) == (82.0, 41, 50)
    assert not recount.fires
    assert "without them it is 82% (41 of 50)" in README


def test_walsh_presence_built_from_pings_mostly_off_duty(client: TestClient) -> None:
    observed = _flag(client, WALSH, "presence-elsewhere-sickness")["provenance"]["observed"]
    assert (observed["pings_outside_rostered_duty"],
            observed["pings_near_secondary_work"]) == (27, 30)
    assert "27 of 30 were collected off duty" in README


def test_shah_uncorroborated_match_score(client: TestClient) -> None:
    flag = _flag(client, SHAH, "undeclared-membership")
    assert flag["provenance"]["corroboration"] == "uncorroborated"
    assert flag["provenance"]["observed"]["highest_undeclared_match_score"] == 0.58
    assert "uncorroborated outside-registry match (score 0.58)" in README
