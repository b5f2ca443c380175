"""Who may read whose data: officers only their own, representatives only under a
current, member-signed mandate, reviewers anyone (and it is logged). A refusal looks
exactly like a missing officer, so nothing leaks about who exists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from recourse.protocol.jws import key_id
from recourse.protocol.mandate import build_mandate, build_revocation, sign_mandate, sign_revocation
from recourse_server.seeding import demo_officer_key

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
    assert rep["role"] == "representative"
    members = {m["officer_id"]: m for m in rep["represents"]}
    assert set(members) == {"off-1", "off-3"}
    assert members["off-1"]["name"] == "PC One" and members["off-1"]["force_number"] == "1001"
    assert members["off-1"]["scope"] == ["read", "act", "receive"]
    assert members["off-1"]["mandate"].startswith("M-")


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
    client: TestClient, headers
) -> None:
    """The member's signed revocation takes effect at the next request; a new signed
    mandate gives access again."""
    assert client.get("/v1/officers/off-3/flags", headers=headers["rep.fed"]).status_code == 200
    members = client.get("/v1/me", headers=headers["rep.fed"]).json()["represents"]
    reference = next(m["mandate"] for m in members if m["officer_id"] == "off-3")
    member_key = demo_officer_key(2026, "off-3")
    now = datetime.now(UTC)
    revocation = sign_revocation(build_revocation(
        officer_id="off-3", key_id=key_id(member_key.public_key()), mandate=reference,
        created_at=now), member_key)
    answer = client.post(f"/v1/mandates/{reference}/revoke", headers=headers["pc.three"],
                         json={"revocation": revocation})
    assert answer.status_code == 200, answer.text
    assert [m["officer_id"] for m in client.get("/v1/me", headers=headers["rep.fed"]).json()[
        "represents"]] == ["off-1"]
    refused = client.get("/v1/officers/off-3/flags", headers=headers["rep.fed"])
    never = client.get("/v1/officers/off-2/flags", headers=headers["rep.fed"])
    assert refused.status_code == 404 and refused.content == never.content
    renewed = sign_mandate(build_mandate(
        officer_id="off-3", key_id=key_id(member_key.public_key()), representative_id="rep-1",
        scope=["read", "act", "receive"], expires_at=now + timedelta(days=365),
        created_at=now), member_key)
    granted = client.post("/v1/mandates", headers=headers["pc.three"],
                          json={"mandate": renewed})
    assert granted.status_code == 201, granted.text
    assert client.get("/v1/officers/off-3/flags", headers=headers["rep.fed"]).status_code == 200
