"""A small hand-built force dataset with the synthetic generator's interface, and an
in-process sign-in, for the server's API tests."""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi.testclient import TestClient

ISSUER = "http://testserver"
REDIRECT_URI = "http://127.0.0.1:53682/callback"


@dataclass(frozen=True)
class FakeAccount:
    username: str
    password: str
    officer_id: str
    name: str
    role: str
    force_number: str | None = None
    rank: str | None = None
    unit: str | None = None
    represents: tuple[str, ...] = ()


ACCOUNTS = (
    FakeAccount("pc.one", "pw-one-2026", "off-1", "PC One", "officer", "1001", "PC", "Response"),
    FakeAccount("pc.two", "pw-two-2026", "off-2", "PC Two", "officer", "1002", "PC", "Response"),
    FakeAccount("pc.three", "pw-three-2026", "off-3", "PC Three", "officer"),
    FakeAccount("rep.fed", "pw-rep-2026", "rep-1", "Rep Fed", "representative",
                represents=("off-1", "off-3")),
    FakeAccount("psd.review", "pw-psd-2026", "psd-1", "PSD Reviewer", "reviewer"),
)
PASSWORDS = {a.username: a.password for a in ACCOUNTS}
START = datetime(2025, 11, 1, tzinfo=UTC)
PINGS = 250  # enough for several pages at small limits


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def make_record(officer_id: str, category: str, index: int, **data: Any) -> dict[str, Any]:
    moment = iso(START + timedelta(minutes=index))
    record: dict[str, Any] = {
        "id": f"{category[:6]}-{officer_id}-{index}", "category": category,
        "occurred_at": moment, "updated_at": moment, "data": data or {"n": index},
    }
    if category != "location_pings":
        record["summary"] = f"{category} {index} for {officer_id}"
    return record


def make_flag(officer_id: str, number: int) -> dict[str, Any]:
    return {
        "id": f"flag-{officer_id}-{number}", "officer_id": officer_id,
        "rule": {"id": "hybrid-attendance", "version": 1, "title": "Office attendance"},
        "status": "open", "raised_at": "2026-02-01T09:00:00Z",
        "updated_at": "2026-02-01T09:00:00Z", "action": "management_advice",
        "headline": "Office attendance 72% against a threshold of 80%",
        "provenance": {
            "parameters": [{"name": "threshold", "value": 80, "unit": "%",
                            "description": "Minimum office attendance."}],
            "window_start": "2025-11-01", "window_end": "2026-01-23",
            "input_record_ids": [f"buildi-{officer_id}-0"], "observed": {"attendance": 72.0},
            "threshold": 80.0, "comparison": "below",
            "computation": [{"description": "Days in office / working days", "value": 72.0,
                             "unit": "%"}],
            "corroboration": "not_applicable",
        },
        "review": {"human_reviewed": False},
    }


class SmallDataset:
    """The synthetic generator's interface with a few records per officer."""

    accounts = ACCOUNTS

    def rules(self) -> list[dict[str, Any]]:
        return [{
            "id": "hybrid-attendance", "version": 1, "title": "Office attendance",
            "description": "Office attendance below 80% of working days.",
            "parameters": [{"name": "threshold", "value": 80, "unit": "%",
                            "description": "Minimum office attendance."}],
            "input_categories": ["building_access", "roster_entries"], "rule_based": True,
        }]

    def sources(self) -> list[dict[str, Any]]:
        return [{
            "category": "location_pings", "system": "Mobile device management",
            "owner": "Force IT", "lawful_basis": "UK GDPR Art. 6(1)(b)",
            "retention": "12 months", "description": "Work device locations.",
        }]

    def records(self, officer_id: str) -> Iterator[dict[str, Any]]:
        yield make_record(officer_id, "roster_entries", 0, kind="early")
        yield make_record(officer_id, "building_access", 0, site="HQ", door="A",
                          direction="in")
        for index in range(PINGS):
            yield make_record(officer_id, "location_pings", index, lat=51.5, lon=-0.12,
                              accuracy_m=10, device_id="dev-1")

    def access_log(self, officer_id: str) -> list[dict[str, Any]]:
        return [{"id": f"acc-{officer_id}-1", "viewed_at": "2026-01-10T10:00:00Z",
                 "viewer": "Analytics team", "viewer_role": "Analyst",
                 "reason": "analytics review", "what": "location pings"}]

    def flags(self, officer_id: str) -> list[dict[str, Any]]:
        return [make_flag(officer_id, 1)] if officer_id in ("off-1", "off-2") else []


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def authorize_params(challenge: str, **overrides: str) -> dict[str, str]:
    return {
        "client_id": "recourse-desktop", "redirect_uri": REDIRECT_URI,
        "response_type": "code", "scope": "openid profile offline_access",
        "state": "state-1", "nonce": "nonce-1", "code_challenge": challenge,
        "code_challenge_method": "S256", **overrides,
    }


def sign_in_tokens(client: TestClient, username: str) -> dict[str, Any]:
    """The whole code flow with PKCE through the login form, in process."""
    verifier, challenge = pkce()
    params = authorize_params(challenge)
    response = client.post("/oauth/authorize", data={
        **params, "username": username, "password": PASSWORDS[username], "action": "login",
    }, follow_redirects=False)
    assert response.status_code == 303, response.text
    code = parse_qs(urlsplit(response.headers["location"]).query)["code"][0]
    token = client.post("/oauth/token", data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT_URI,
        "client_id": "recourse-desktop", "code_verifier": verifier,
    })
    assert token.status_code == 200, token.text
    return dict(token.json())
