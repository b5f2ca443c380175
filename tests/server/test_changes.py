"""`POST /v1/changes` on the server: what changed since the client's cursors, for the
caller or a caseload, agreeing with what each resource's own endpoint answers; someone
else's data only under a current mandate, and that read in the member's access log.
(Fixtures in conftest.py: off-1 and off-3 have seeded mandates for rep-1; off-2 has none.)"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from recourse.protocol import wire
from recourse.protocol.changes_wire import MAX_OFFICERS_PER_QUERY, ChangesSummary


def ask(client: TestClient, auth: dict[str, str], *officers: dict[str, Any]) -> Any:
    return client.post("/v1/changes", headers=auth, json={"officers": list(officers)})


def last_cursors(client: TestClient, auth: dict[str, str], officer_id: str) -> dict[str, str]:
    cursors = {}
    for category in wire.CATEGORIES:
        cursor = None
        while True:
            params = {"limit": "5000", **({"cursor": cursor} if cursor else {})}
            page = client.get(f"/v1/officers/{officer_id}/feed/{category}", params=params,
                              headers=auth).json()
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
        cursors[category] = cursor
    return cursors


def test_counts_and_etags_agree_with_each_resources_own_answer(client: TestClient,
                                                                headers: Any) -> None:
    auth = headers["pc.one"]
    answer = ask(client, auth, {"officer_id": "off-1"})
    assert answer.status_code == 200, answer.text
    summary = ChangesSummary.model_validate_json(answer.content)
    [mine] = summary.officers
    assert mine.available and mine.officer_id == "off-1"
    # From no cursor: every change of every category with any.
    for category in wire.CATEGORIES:
        page = client.get(f"/v1/officers/off-1/feed/{category}",
                          params={"with_remaining": "true", "limit": "1"}, headers=auth).json()
        total = len(page["changes"]) + page.get("remaining", 0)
        assert mine.changed.get(category, 0) == total, category
    for resource, path in (("flags", "flags"), ("access_log", "access-log"),
                           ("submissions", "submissions")):
        etag = client.get(f"/v1/officers/off-1/{path}", headers=auth).headers["ETag"]
        assert mine.etags[resource] == etag, resource
        assert client.get(f"/v1/officers/off-1/{path}", headers={
            **auth, "If-None-Match": mine.etags[resource]}).status_code == 304
    for name in ("rules", "sources"):
        assert summary.catalogues[name] == client.get(f"/v1/{name}", headers=auth).headers["ETag"]

    # From the cursors the feed ends with: nothing new anywhere.
    cursors = last_cursors(client, auth, "off-1")
    again = ChangesSummary.model_validate_json(
        ask(client, auth, {"officer_id": "off-1", "cursors": cursors}).content)
    assert again.officers[0].changed == {}


def test_another_officers_changes_are_not_available_and_say_nothing(client: TestClient,
                                                                   headers: Any) -> None:
    for officer_id in ("off-2", "off-3", "no-such-officer"):
        answer = ask(client, headers["pc.one"], {"officer_id": officer_id})
        assert answer.status_code == 200, answer.text
        assert answer.json()["officers"] == [{"officer_id": officer_id, "available": False,
                                              "changed": {}, "etags": {}}]


def test_a_representative_asks_for_his_caseload_at_once_and_it_is_logged(
        client: TestClient, headers: Any) -> None:
    rep = headers["rep.fed"]
    before = {o: len(client.get(f"/v1/officers/{o}/access-log", headers=headers[u])
                     .json()["entries"]) for o, u in (("off-1", "pc.one"), ("off-2", "pc.two"))}
    answer = ask(client, rep, {"officer_id": "off-1"}, {"officer_id": "off-2"},
                 {"officer_id": "off-3"}, {"officer_id": "off-1"})
    assert answer.status_code == 200, answer.text
    officers = {o["officer_id"]: o for o in answer.json()["officers"]}
    assert list(officers) == ["off-1", "off-2", "off-3"]  # one answer each, in order
    assert officers["off-1"]["available"] and officers["off-1"]["changed"]
    assert officers["off-3"]["available"]
    assert officers["off-2"] == {"officer_id": "off-2", "available": False, "changed": {},
                                 "etags": {}}
    logged = client.get("/v1/officers/off-1/access-log", headers=headers["pc.one"]).json()
    mine = [e for e in logged["entries"] if e["viewer"] == "Rep Fed (rep.fed)"
            and e["what"].startswith("what changed")]
    assert mine and "signed mandate M-" in mine[-1]["reason"]
    assert len(logged["entries"]) > before["off-1"]
    unlogged = client.get("/v1/officers/off-2/access-log", headers=headers["pc.two"]).json()
    assert len(unlogged["entries"]) == before["off-2"]


def test_bad_queries_are_refused_in_words(client: TestClient, headers: Any) -> None:
    auth = headers["pc.one"]
    damaged = ask(client, auth, {"officer_id": "off-1", "cursors": {"absences": "czEyAA"}})
    assert damaged.status_code == 400 and "cursor" in damaged.json()["detail"]
    for body in ({"officers": []},
                 {"officers": [{"officer_id": f"off-{i}"} for i in
                               range(MAX_OFFICERS_PER_QUERY + 1)]},
                 {"officers": [{"officer_id": "off-1", "cursors": {"not_a_category": "x"}}]},
                 {"officers": [{"officer_id": "../off-1"}]}):
        refused = client.post("/v1/changes", headers=auth, json=body)
        assert refused.status_code == 422, (body, refused.text)
    assert client.post("/v1/changes", json={"officers": [{"officer_id": "off-1"}]}
                       ).status_code == 401
