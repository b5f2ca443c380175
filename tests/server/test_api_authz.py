"""Who may read whose data: officers only their own, representatives only under a
current mandate, reviewers anyone (and it is logged). A refusal looks exactly like a
missing officer, so nothing leaks about who exists."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from recourse_server import admin

OFFICER_PATHS = [
    "/v1/officers/{officer}/feed/location_pings",
    "/v1/officers/{officer}/feed/roster_entries?limit=5",
    "/v1/officers/{officer}/flags",
    "/v1/officers/{officer}/flags/flag-{officer}-1",
    "/v1/officers/{officer}/access-log",
]


def _body_without_instance(response) -> dict:  # type: ignore[no-untyped-def]
    body = dict(response.json())
    body.pop("instance", None)
    return body


@pytest.mark.parametrize("path", OFFICER_PATHS)
def test_an_officer_reads_their_own_data(client: TestClient, headers, path: str) -> None:
    response = client.get(path.format(officer="off-1"), headers=headers["pc.one"])
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("path", OFFICER_PATHS)
def test_another_officers_data_is_a_404_identical_to_a_missing_officer(
    client: TestClient, headers, path: str
) -> None:
    other = client.get(path.format(officer="off-2"), headers=headers["pc.one"])
    missing = client.get(path.format(officer="off-999"), headers=headers["pc.one"])
    assert other.status_code == missing.status_code == 404
    assert other.headers["content-type"] == "application/problem+json"
    assert other.content == missing.content
    assert "off-2" not in other.text and "PC Two" not in other.text


def test_a_flag_of_another_officer_is_not_found_through_ones_own_id(
    client: TestClient, headers
) -> None:
    response = client.get("/v1/officers/off-1/flags/flag-off-2-1", headers=headers["pc.one"])
    missing = client.get("/v1/officers/off-1/flags/flag-none", headers=headers["pc.one"])
    assert response.status_code == missing.status_code == 404
    assert response.content == missing.content


def test_me_describes_the_token_holder(client: TestClient, headers) -> None:
    me = client.get("/v1/me", headers=headers["pc.one"]).json()
    assert me["officer_id"] == "off-1" and me["role"] == "officer" and me["represents"] == []
    rep = client.get("/v1/me", headers=headers["rep.fed"]).json()
    assert rep["role"] == "representative" and rep["represents"] == ["off-1", "off-3"]


@pytest.mark.parametrize("path", OFFICER_PATHS)
def test_a_representative_reads_only_officers_under_mandate(
    client: TestClient, headers, path: str
) -> None:
    allowed = client.get(path.format(officer="off-1"), headers=headers["rep.fed"])
    refused = client.get(path.format(officer="off-2"), headers=headers["rep.fed"])
    missing = client.get(path.format(officer="off-999"), headers=headers["rep.fed"])
    assert allowed.status_code == 200
    assert refused.status_code == 404 and refused.content == missing.content


@pytest.mark.parametrize("path", OFFICER_PATHS)
def test_a_reviewer_reads_any_officer(client: TestClient, headers, path: str) -> None:
    response = client.get(path.format(officer="off-2"), headers=headers["psd.review"])
    assert response.status_code == 200, response.text


def test_a_reviewer_cannot_read_a_non_officer_account(client: TestClient, headers) -> None:
    response = client.get("/v1/officers/rep-1/flags", headers=headers["psd.review"])
    assert response.status_code == 404


def test_views_by_others_are_written_to_the_officers_access_log(
    client: TestClient, headers
) -> None:
    client.get("/v1/officers/off-3/flags", headers=headers["psd.review"])
    client.get("/v1/officers/off-3/feed/absences", headers=headers["rep.fed"])
    client.get("/v1/officers/off-3/flags", headers=headers["pc.three"])
    entries = client.get("/v1/officers/off-3/access-log",
                         headers=headers["pc.three"]).json()["entries"]
    views = {(e["viewer"], e["what"]) for e in entries}
    assert ("PSD Reviewer (psd.review)", "flags") in views
    assert ("Rep Fed (rep.fed)", "records: absences") in views
    assert not any("pc.three" in viewer for viewer, _ in views)


def test_repeated_views_are_logged_once_so_a_resync_is_not_a_new_entry(
    client: TestClient, headers
) -> None:
    for _ in range(3):
        client.get("/v1/officers/off-2/flags", headers=headers["psd.review"])
    entries = client.get("/v1/officers/off-2/access-log",
                         headers=headers["pc.two"]).json()["entries"]
    assert sum(1 for e in entries if e["viewer"].endswith("(psd.review)")
               and e["what"] == "flags") == 1


def test_a_revoked_mandate_ends_the_representatives_access(
    client: TestClient, headers, seeded: str
) -> None:
    assert client.get("/v1/officers/off-3/flags", headers=headers["rep.fed"]).status_code == 200
    admin.revoke_mandate(seeded, "rep-1", "off-3")
    try:
        assert client.get("/v1/me", headers=headers["rep.fed"]).json()["represents"] == ["off-1"]
        refused = client.get("/v1/officers/off-3/flags", headers=headers["rep.fed"])
        assert refused.status_code == 404
    finally:
        admin.grant_mandate(seeded, "rep-1", "off-3")
    assert client.get("/v1/officers/off-3/flags", headers=headers["rep.fed"]).status_code == 200
