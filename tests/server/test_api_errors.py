"""Every error is an RFC 9457 problem document a person can read; list endpoints carry
a strong ETag and answer If-None-Match with 304; request bodies are size-limited."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.server.helpers import make_flag

from recourse.protocol import wire
from recourse_server import admin

LIST_PATHS = [
    "/v1/officers/off-1/flags",
    "/v1/officers/off-1/access-log",
    "/v1/rules",
    "/v1/sources",
]


def _assert_problem(response, status: int) -> wire.Problem:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = wire.Problem.model_validate_json(response.content)
    assert problem.status == status and problem.title and problem.detail
    return problem


def test_an_unknown_address_is_a_404_problem(client: TestClient, headers) -> None:
    _assert_problem(client.get("/v1/nothing-here", headers=headers["pc.one"]), 404)
    _assert_problem(client.get("/"), 404)


def test_a_wrong_method_is_a_405_problem(client: TestClient, headers) -> None:
    _assert_problem(client.delete("/v1/me", headers=headers["pc.one"]), 405)
    _assert_problem(client.post("/v1/officers/off-1/flags", headers=headers["pc.one"]), 405)


def test_a_declared_oversized_body_is_a_413_problem(client: TestClient) -> None:
    big = b"x" * (1024 * 1024 + 1)
    _assert_problem(client.post("/oauth/token", content=big, headers={
        "content-type": "application/x-www-form-urlencoded"}), 413)


def test_a_streamed_oversized_body_is_a_413_problem(client: TestClient) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(20):
            yield b"a=" + b"x" * 65536 + b"&"

    _assert_problem(client.post("/oauth/token", content=chunks(), headers={
        "content-type": "application/x-www-form-urlencoded"}), 413)


def test_a_body_under_the_limit_is_read(client: TestClient) -> None:
    response = client.post("/oauth/token", content=b"grant_type=password&client_id=x",
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 401 and response.json()["error"] == "invalid_client"


def test_validation_errors_name_the_parameter(client: TestClient, headers) -> None:
    problem = _assert_problem(client.get("/v1/officers/bad id!/flags",
                                         headers=headers["pc.one"]), 422)
    assert "officer_id" in (problem.detail or "")


@pytest.mark.parametrize("path", LIST_PATHS)
def test_list_endpoints_answer_304_when_nothing_changed(client: TestClient, headers,
                                                         path: str) -> None:
    first = client.get(path, headers=headers["pc.one"])
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = client.get(path, headers={**headers["pc.one"], "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    other = client.get(path, headers={**headers["pc.one"], "If-None-Match": '"stale"'})
    assert other.status_code == 200 and other.content == first.content


def test_the_flags_etag_changes_when_a_flag_is_added(client: TestClient, headers,
                                                     seeded: str) -> None:
    first = client.get("/v1/officers/off-1/flags", headers=headers["pc.one"])
    admin.add_flag(seeded, "off-1", make_flag("off-1", 2))
    second = client.get("/v1/officers/off-1/flags",
                        headers={**headers["pc.one"], "If-None-Match": first.headers["etag"]})
    assert second.status_code == 200
    flags = wire.FlagList.model_validate_json(second.content).flags
    assert [f.id for f in flags] == ["flag-off-1-1", "flag-off-1-2"]
    detail = client.get("/v1/officers/off-1/flags/flag-off-1-2", headers=headers["pc.one"])
    assert wire.FlagDetail.model_validate_json(detail.content).provenance.threshold == 80.0


def test_responses_validate_against_the_wire_models(client: TestClient, headers) -> None:
    h = headers["pc.one"]
    wire.Me.model_validate_json(client.get("/v1/me", headers=h).content)
    wire.FlagList.model_validate_json(client.get("/v1/officers/off-1/flags", headers=h).content)
    wire.AccessLog.model_validate_json(
        client.get("/v1/officers/off-1/access-log", headers=h).content)
    wire.RuleCatalogue.model_validate_json(client.get("/v1/rules", headers=h).content)
    wire.SourceCatalogue.model_validate_json(client.get("/v1/sources", headers=h).content)
